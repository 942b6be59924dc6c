"""Findings: what a check found, where the figures came from, and a message a clerk understands.

The JSON form (:meth:`Finding.as_dict`) is a stable, documented contract (docs/findings.md):
``severity``, ``check``, ``unit``, ``indicators``, ``expected``, ``actual``, ``message``,
``hint``, ``source`` and, when the check was declared in the YAML, ``config`` (its key path and
line).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from reportgen.data.dataset import Source

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}


def plain(value: Decimal | str | None) -> str | None:
    """A figure as plain machine text for JSON, with the decimals it was stated with
    (``Decimal("10.0")`` → ``"10.0"``, never an exponent: ``1E+2`` → ``"100"``); text stays
    text."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


@dataclass(frozen=True)
class Finding:
    """One thing a check found about one unit.

    ``expected`` is what the figures say the stated value should be (None when there is no
    single right value, e.g. a range), ``actual`` the value as stated; ``sources`` are the cells
    the figures came from, the stated one first.
    """

    severity: Severity
    check: str
    unit: str
    indicators: tuple[str, ...]
    expected: Decimal | str | None
    actual: Decimal | str | None
    message: str
    sources: tuple[Source, ...] = ()
    config_key: str | None = None
    config_line: int | None = None
    hint: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the finding in its documented JSON shape (numbers as plain decimal text)."""
        out: dict[str, Any] = {
            "severity": self.severity,
            "check": self.check,
            "unit": self.unit,
            "indicators": list(self.indicators),
            "expected": plain(self.expected),
            "actual": plain(self.actual),
            "message": self.message,
            "hint": self.hint,
            "source": [s.as_dict() for s in self.sources],
        }
        if self.config_key:
            out["config"] = {"key": self.config_key, "line": self.config_line}
        return out


@dataclass
class FindingSummary:
    """Counts of findings by severity and the units that have errors."""

    errors: int
    warnings: int
    infos: int
    units_with_errors: list[str]

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> FindingSummary:
        """Summarise ``findings``."""
        items = list(findings)
        counts = Counter(f.severity for f in items)
        units: list[str] = []
        for f in items:
            if f.severity == "error" and f.unit not in units:
                units.append(f.unit)
        return cls(counts["error"], counts["warning"], counts["info"], units)
