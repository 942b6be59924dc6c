"""The one declaration of a filter: :func:`template_filter`, beside the function it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from reportgen.config.names import FilterDoc

_F = TypeVar("_F", bound=Callable[..., Any])

#: Vietnamese filter name → (function, documentation and English aliases), filled by
#: :func:`template_filter` as the filter modules are read.
REGISTERED: dict[str, tuple[Callable[..., Any], FilterDoc]] = {}


def template_filter(name: str, doc: str, *aliases: str) -> Callable[[_F], _F]:
    """Declare a filter once: its Vietnamese name, one line of Vietnamese documentation with an
    example (shown by ``reportgen vars``, lint and the docs) and its English aliases."""

    def register(function: _F) -> _F:
        if name in REGISTERED or any(a in REGISTERED for a in aliases):
            raise ValueError(f"filter {name} declared twice")
        REGISTERED[name] = (function, FilterDoc(doc, tuple(aliases)))
        return function

    return register
