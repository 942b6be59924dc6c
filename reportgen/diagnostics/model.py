"""The one diagnostic type: every problem reportgen reports — a config mistake, a bad cell, a
check finding, a template lint result, a render failure — is a :class:`Diagnostic`.

A diagnostic carries a stable ``code`` (``config.unknown-key``, ``data.ambiguous-number``,
``check.sum``, ``template.unknown-name`` …), a severity, a structured :class:`Location`, the
expected and found values, and a hint. Wording is Vietnamese and comes from the message
catalog (:mod:`reportgen.diagnostics.catalog`) where a code has an entry; the text is formatted
at the edge (:mod:`reportgen.diagnostics.formats`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
"""How bad a diagnostic is: ``error`` blocks (a report is not produced from it), ``warning`` is
a probable mistake, ``info`` a note (a repair made, an acknowledged warning)."""

SEVERITY_ORDER: Mapping[str, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_VI: Mapping[str, str] = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}


@dataclass(frozen=True)
class Location:
    """Where a problem is. Every field is optional; set those that are known.

    A file and, in it: a ``line`` and ``key`` path (YAML); a ``sheet``, ``row`` and ``column``
    (spreadsheets and CSV; ``cell`` is the A1 reference when known); a package ``part``,
    ``paragraph``, ``table``/``table_row``/``table_cell`` (Word documents). ``where`` is a
    free Vietnamese phrase for places that have no field (``đầu trang (header1.xml)``).
    """

    file: str | None = None
    line: int | None = None
    key: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    part: str | None = None
    paragraph: int | None = None
    table: int | None = None
    table_row: int | None = None
    table_cell: int | None = None
    where: str | None = None

    def describe(self) -> str:
        """Return the location as a short Vietnamese phrase (``inputs/x.csv, dòng 7, cột ho``);
        its words come from the message catalog (``where.*``)."""
        from reportgen.diagnostics.catalog import text  # the catalog builds on this module

        bits: list[str] = []
        if self.file:
            bits.append(self.file)
        if self.sheet:
            bits.append(text("where.sheet", sheet=self.sheet))
        if self.line is not None:
            bits.append(text("where.line", line=self.line))
        if self.row is not None:
            bits.append(text("where.line", line=self.row))
        if self.column:
            bits.append(text("where.column", column=self.column))
        if self.cell:
            bits.append(text("where.cell", cell=self.cell))
        if self.key:
            bits.append(self.key)
        if self.part:
            bits.append(self.part)
        if self.where:
            bits.append(self.where)
        else:
            if self.table is not None:
                bits.append(text("where.table", table=self.table))
            if self.table_row is not None:
                bits.append(text("where.table-row", row=self.table_row))
            if self.table_cell is not None:
                bits.append(text("where.cell", cell=self.table_cell))
            if self.paragraph is not None:
                bits.append(text("where.paragraph", paragraph=self.paragraph))
        return ", ".join(bits)

    def as_dict(self) -> dict[str, object]:
        """Return the non-empty fields as a plain dict (for JSON output)."""
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


def plain(value: object) -> object:
    """A value as plain machine text for JSON: a Decimal with the decimals it was stated with
    and never an exponent (``Decimal("1E+2")`` → ``"100"``); other values unchanged."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located, with what was expected and what was found.

    ``code`` is stable for tools and tests (``area.kind``); ``message`` and ``hint`` are the
    Vietnamese sentences a clerk reads; ``unit`` names the reporting unit when the problem
    belongs to one; ``extra`` holds fields a kind of diagnostic adds (the indicators of a
    check, the marked paragraph text of a template problem, the suspect cells…).
    """

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    expected: object = None
    found: object = None
    hint: str | None = None
    unit: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def area(self) -> str:
        """The part of the code before the first dot: ``config``, ``data``, ``check``,
        ``template``, ``render``, ``output``, ``audit``…"""
        return self.code.split(".", 1)[0]

    def describe(self) -> str:
        """Return the diagnostic as Vietnamese text: where, what, and the fix on its own line."""
        where = self.location.describe() if self.location else ""
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"\n  → {self.hint}"
        return text

    def as_dict(self) -> dict[str, Any]:
        """Return the diagnostic in the documented JSON shape (docs/findings.md)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "location": self.location.as_dict() if self.location else None,
            "expected": plain(self.expected),
            "found": plain(self.found),
        }
        if self.unit is not None:
            out["unit"] = self.unit
        for key, value in self.extra.items():
            out[key] = _jsonable(value)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "as_dict"):
        return value.as_dict()
    return value


def sort_key(d: Diagnostic) -> tuple[int, str, str]:
    """Order for output: errors first, then by unit and code."""
    return (SEVERITY_ORDER[d.severity], d.unit or "", d.code)


def count(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """Count diagnostics by severity (``{"error": n, "warning": n, "info": n}``)."""
    out = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        out[d.severity] += 1
    return out
