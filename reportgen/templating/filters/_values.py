"""What the filters share: reading a value as a number, its decimals, how a missing figure prints."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jinja2 import Undefined

from reportgen.diagnostics import catalog
from reportgen.templating.figure import Figure, Missing, trimmed_decimals
from reportgen.vnformat import format_number, format_points, round_half_up

MISSING_TEXT = "–"


def missing_text(value: Any) -> str:
    """What a figure without a value prints: the words its indicator declares for an
    uncomputable figure, else an en dash."""
    return value.text if isinstance(value, Missing) else MISSING_TEXT


def number(value: Any) -> Decimal | None:
    """The value of a figure, a Decimal, an int or a numeric string; None when it has none.

    A misspelt name raises its undefined error here, so the message names it."""
    if type(value) is Figure:
        return value.value
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()  # a misspelt name: say which, not "not a number"
    if value is None or isinstance(value, Missing):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        return Decimal(value)
    raise TypeError(catalog.text("template.filter-not-a-number", type=type(value).__name__))


def decimals_of(value: Any, decimals: int | None) -> int | None:
    """The decimals asked for, else those the figure is printed with (trimmed if it says so)."""
    if decimals is not None:
        return decimals
    if isinstance(value, Figure):
        return value.shown_decimals() if value.meta.trim else value.decimals
    return None


def as_printed(value: Any) -> Decimal | None:
    """The value as the reader sees it (rounded to the decimals it is printed with)."""
    n = number(value)
    if n is None:
        return None
    d = value.decimals if isinstance(value, Figure) else None
    return round_half_up(n, d) if d is not None else n


def amount_text(value: Any, n: Decimal) -> str:
    """``n`` written as ``value`` is (count with its unit word, rate in points, money)."""
    if isinstance(value, Figure):
        m = value.meta
        if m.kind == "percent" or m.unit == "%":
            d = m.decimals if m.decimals is not None else 2
            return format_points(n, trimmed(n, d) if m.trim else d)
        fig = Figure(n, m)
        if m.kind == "money":
            return fig.text()
        return f"{fig.text()} {m.unit}".strip()
    return format_number(n)


def trimmed(n: Decimal, d: int) -> int:
    """The decimals ``n`` needs, at most ``d`` (trailing zeros dropped)."""
    return trimmed_decimals(n, d)
