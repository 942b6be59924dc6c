"""Filters and functions every template can use, with Vietnamese ASCII aliases.

Template authors are Vietnamese clerks, so each filter has a short Vietnamese name (``so``,
``phan_tram``, ``tien``, ``chu_tien``, ``ngay`` …) and an English one (``number``, ``percent``,
``money``, ``money_words``, ``date_line`` …). Figures carry their indicator's unit and decimals
(:class:`~reportgen.templating.figure.Figure`), so ``{{ kinh_phi | tien }}`` needs no arguments.
All formatting is done by :mod:`reportgen.vnformat` (half-up rounding on Decimals).

Each module of this package holds a few filters, each declared beside its function with
:func:`template_filter`; every module whose name does not start with ``_`` is read here, so a
new filter is a new module (or a function added to one) and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from typing import Any

from reportgen.config.names import FILTER_NAMES, FilterDoc
from reportgen.templating.filters._registry import REGISTERED, template_filter
from reportgen.templating.filters._values import MISSING_TEXT

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

#: Every filter's documentation and aliases, by Vietnamese name (read by reportgen.config.names).
DECLARED: dict[str, FilterDoc] = {n: d for n, (_, d) in REGISTERED.items()}

#: filter name → function; Vietnamese names and their English aliases.
FILTERS: dict[str, Callable[..., Any]] = {
    **{n: f for n, (f, _) in REGISTERED.items()},
    **{a: f for _, (f, d) in REGISTERED.items() for a in d.aliases},
}

#: One line of Vietnamese documentation per filter name and alias (``reportgen vars``, docs).
FILTER_DOCS: Mapping[str, str] = FILTER_NAMES

__all__ = ["DECLARED", "FILTERS", "FILTER_DOCS", "MISSING_TEXT", "template_filter"]
