"""Findings: what a check found about one unit, as the project's one
:class:`~reportgen.diagnostics.model.Diagnostic`.

A finding is a diagnostic with code ``check.<kind>`` (``data.cell`` for a cell that could not be
read), the unit, the location of the stated cell, the expected and found values and a hint.
:class:`Finding` only adds readable names for the fields a check fills in ``extra``:
``indicators`` (the stated one first), ``source`` (every cell the figures came from),
``config`` (the key path and line of the declared check) and — after the reasoning across
findings (:mod:`reportgen.validate.reasoning`) — ``suspects`` and ``reasoning``.

The JSON form (:meth:`Finding.as_dict`) is documented in docs/findings.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from reportgen.data.dataset import Source
from reportgen.diagnostics.model import SEVERITY_ORDER, SEVERITY_VI, Diagnostic, Location, Severity

__all__ = [
    "SEVERITY_ORDER",
    "SEVERITY_VI",
    "Finding",
    "FindingSummary",
    "Severity",
    "location_of",
    "plain",
]


def plain(value: Decimal | str | None) -> str | None:
    """A figure as plain machine text for JSON, with the decimals it was stated with
    (``Decimal("10.0")`` → ``"10.0"``, never an exponent: ``1E+2`` → ``"100"``); text stays
    text."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def location_of(source: Source | None) -> Location | None:
    """The diagnostic location of a source cell (file, sheet, row, column and A1 cell)."""
    if source is None:
        return None
    cell = None
    if source.row is not None and source.column and source.column.endswith(")"):
        letter = source.column.rsplit("(", 1)[-1][:-1]
        if letter.isalpha():
            cell = f"{letter}{source.row}"
    return Location(
        file=source.file, sheet=source.sheet, row=source.row, column=source.column, cell=cell
    )


@dataclass(frozen=True)
class Finding(Diagnostic):
    """One thing a check found about one unit: a :class:`Diagnostic` with code
    ``check.<kind>`` (or ``data.cell``) and the check's fields in ``extra``."""

    unit: str = ""
    """The unit the finding is about (a finding always has one)."""

    @classmethod
    def of(
        cls,
        severity: Severity,
        check: str,
        unit: str,
        indicators: Sequence[str],
        expected: Decimal | str | None,
        actual: Decimal | str | None,
        message: str,
        sources: Sequence[Source] = (),
        *,
        config_key: str | None = None,
        config_line: int | None = None,
        hint: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Finding:
        """Build a finding of the check kind ``check`` (``data``: an unreadable cell); the
        location is the first source (the stated cell)."""
        more: dict[str, Any] = {"indicators": tuple(indicators), "source": tuple(sources)}
        if config_key:
            more["config"] = {"key": config_key, "line": config_line}
        more.update(extra or {})
        return cls(
            code="data.cell" if check == "data" else f"check.{check}",
            severity=severity,
            message=message,
            location=location_of(sources[0] if sources else None),
            expected=expected,
            found=actual,
            hint=hint,
            unit=unit,
            extra=more,
        )

    @property
    def check(self) -> str:
        """The check kind (``sum``, ``percentage`` …; ``data`` for an unreadable cell)."""
        return self.code.removeprefix("check.") if self.area == "check" else self.area

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators the finding is about, the stated one first."""
        return tuple(self.extra.get("indicators", ()))

    @property
    def actual(self) -> Any:
        """The value as stated (same as ``found``)."""
        return self.found

    @property
    def sources(self) -> tuple[Source, ...]:
        """The cells the figures came from, the stated one first."""
        return tuple(self.extra.get("source", ()))

    @property
    def config_key(self) -> str | None:
        """The key path of the declared check (``checks[3]``), None for automatic ones."""
        config = self.extra.get("config")
        return config["key"] if config else None

    @property
    def config_line(self) -> int | None:
        """The line of the declared check in the YAML file."""
        config = self.extra.get("config")
        return config["line"] if config else None

    @property
    def suspects(self) -> tuple[Mapping[str, Any], ...]:
        """The cells most likely wrong, best first (filled by the reasoning across findings)."""
        return tuple(self.extra.get("suspects", ()))

    def with_extra(self, **more: Any) -> Finding:
        """A copy with ``more`` added to ``extra``."""
        return replace(self, extra={**self.extra, **more})

    def as_dict(self) -> dict[str, Any]:
        """Return the finding in its documented JSON shape (numbers as plain decimal text)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "check": self.check,
            "unit": self.unit,
            "indicators": list(self.indicators),
            "expected": plain(self.expected),  # type: ignore[arg-type]
            "actual": plain(self.found),  # type: ignore[arg-type]
            "message": self.message,
            "hint": self.hint,
            "location": self.location.as_dict() if self.location else None,
            "source": [s.as_dict() for s in self.sources],
        }
        for key, value in self.extra.items():
            if key not in ("indicators", "source") and not key.startswith("_"):
                out[key] = _jsonable(value)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "as_dict"):
        return value.as_dict()
    return value


@dataclass
class FindingSummary:
    """Counts of findings by severity and the units that have errors."""

    errors: int
    warnings: int
    infos: int
    units_with_errors: list[str]

    @classmethod
    def of(cls, findings: Iterable[Diagnostic]) -> FindingSummary:
        """Summarise ``findings``."""
        items = list(findings)
        counts = Counter(f.severity for f in items)
        units: list[str] = []
        for f in items:
            if f.severity == "error" and f.unit is not None and f.unit not in units:
                units.append(f.unit)
        return cls(counts["error"], counts["warning"], counts["info"], units)
