"""The check kinds, one module each: a module of this package that defines ``KIND`` (a
:class:`~reportgen.validate.base.CheckKind`) is a check kind. Adding a kind is adding a file
(and its test); the report definition schema, the documentation page and the registry read it
from here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from reportgen.validate.base import CheckKind

#: The order of the documentation page and of the error message listing the kinds.
_ORDER = (
    "sum",
    "percentage",
    "change",
    "movement",
    "city_sum",
    "range",
    "not_greater",
    "continuity",
    "words",
    "target",
)


@cache
def declared() -> tuple[CheckKind, ...]:
    """Every check kind of this package (the built-in ones in their documented order, then any
    other in file-name order)."""
    found: dict[str, CheckKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, CheckKind):
            if kind.name in found:
                raise RuntimeError(f"check kind declared twice: {kind.name}")
            found[kind.name] = kind
    first = [found.pop(n) for n in _ORDER if n in found]
    return (*first, *found.values())


def registry() -> dict[str, CheckKind]:
    """The check kinds by name."""
    return {k.name: k for k in declared()}
