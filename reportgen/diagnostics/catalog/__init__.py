"""The Vietnamese message catalog, keyed by diagnostic code.

Each area of the project keeps its entries in one module of this package (``config``, ``data``,
``check``, ``template``, ``output``, ``audit``, ``web``…), as a ``MESSAGES`` mapping from code to
:class:`Message`. :func:`make` builds a :class:`~reportgen.diagnostics.model.Diagnostic` from a
code and the values its templates name, so a message is written once and every command says it
the same way. Templates use ``str.format`` fields (``{name}``; a literal brace is doubled).

One code may be worded several ways (a broken tag across a field, across a tracked deletion…):
each wording is an entry of its own, keyed ``area.kind-variant``, whose ``code`` names the
diagnostic code it is reported under. An entry may also be a piece of a message that callers
put together (a cause, a place), read with :func:`text`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportgen.diagnostics.model import Diagnostic, Location, Severity


@dataclass(frozen=True)
class Message:
    """A catalog entry: the message template, the hint template and the default severity."""

    text: str
    hint: str | None = None
    severity: Severity = "error"
    code: str | None = None
    """The diagnostic code the entry is reported under when it is one wording of a broader
    code (``template.bad-docx-not-zip`` is a ``template.bad-docx``); None: its own key."""


@cache
def messages() -> Mapping[str, Message]:
    """Every catalog entry of every area module, by code (loaded once)."""
    out: dict[str, Message] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for code, message in getattr(module, "MESSAGES", {}).items():
            if code in out:
                raise RuntimeError(f"diagnostic code declared twice: {code}")
            out[code] = message
    return out


def text(code: str, **params: Any) -> str:
    """Return the Vietnamese message of ``code`` filled with ``params``."""
    return messages()[code].text.format(**params)


def hint(code: str, **params: Any) -> str | None:
    """Return the Vietnamese hint of ``code`` filled with ``params`` (None when it has none)."""
    entry = messages()[code].hint
    return None if entry is None else entry.format(**params)


def make(
    code: str,
    *,
    location: Location | None = None,
    severity: Severity | None = None,
    expected: object = None,
    found: object = None,
    unit: str | None = None,
    extra: Mapping[str, Any] | None = None,
    hint: str | None = None,
    **params: Any,
) -> Diagnostic:
    """Build the diagnostic ``code`` from the catalog, its texts filled with ``params``.

    ``hint`` overrides the catalog's hint (e.g. with a did-you-mean)."""
    entry = messages()[code]
    if hint is None and entry.hint is not None:
        hint = entry.hint.format(**params)
    return Diagnostic(
        code=entry.code or code,
        severity=severity or entry.severity,
        message=entry.text.format(**params),
        location=location,
        expected=expected,
        found=found,
        hint=hint,
        unit=unit,
        extra=dict(extra or {}),
    )
