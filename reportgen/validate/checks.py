"""The check kinds by name (each declared once in :mod:`reportgen.validate.kinds`) and the
helpers their messages use; kept for code that imported them from here."""

from __future__ import annotations

from reportgen.config.model import ReportConfig
from reportgen.validate.automatic import Ranges
from reportgen.validate.base import (
    Prepare,
    Prepared,
    Runner,
    agrees,
    exact,
    fmt,
    quantize,
    tolerance,
)
from reportgen.validate.kinds import registry

__all__ = [
    "REGISTRY",
    "Prepare",
    "Prepared",
    "Runner",
    "agrees",
    "automatic_ranges",
    "exact",
    "fmt",
    "quantize",
    "tolerance",
]

#: Each check kind's ``prepare`` by name (the word after ``check:`` in YAML).
REGISTRY: dict[str, Prepare] = {name: kind.prepare for name, kind in registry().items()}


def automatic_ranges(config: ReportConfig) -> Prepared:
    """Counts are whole and ≥ 0, money ≥ 0, rates within 0–100 — for every indicator."""
    return Ranges(config)
