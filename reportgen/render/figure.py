"""A figure in a template: a Decimal that knows its indicator, so it prints itself right.

``{{ ho_ngheo }}`` prints ``1.013`` and ``{{ ty_le_ho_ngheo }}`` prints ``62,95%`` without a
filter, while comparisons and arithmetic (``ho_ngheo > 0``) work as on any number. Filters read
the indicator's unit and decimals as defaults.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportgen.vnformat import format_money, format_number, format_percent


class Figure(Decimal):
    """A ``Decimal`` with its indicator's label, unit, kind, decimals and money unit."""

    label: str
    unit: str
    kind: str
    decimals: int | None
    money_unit: str | None
    value: Decimal  # the same number as a plain Decimal (fast paths in vnformat take it as is)

    def __new__(
        cls,
        value: Decimal,
        *,
        label: str = "",
        unit: str = "",
        kind: str = "number",
        decimals: int | None = None,
        money_unit: str | None = None,
    ) -> Figure:
        obj = super().__new__(cls, value)
        obj.value = value if type(value) is Decimal else Decimal(value)
        obj.label = label
        obj.unit = unit
        obj.kind = kind
        obj.decimals = decimals
        obj.money_unit = money_unit
        return obj

    def text(self) -> str:
        """The figure formatted the Vietnamese way for its kind (no unit word for counts)."""
        if self.kind == "percent":
            return format_percent(Decimal(self), self.decimals if self.decimals is not None else 2)
        if self.kind == "money":
            return format_money(
                Decimal(self), self.money_unit or self.unit, self.decimals, from_unit=self.unit
            )
        return format_number(Decimal(self), self.decimals)

    def __html__(self) -> str:
        return self.text()

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (str(Decimal(self)), self.label, self.unit, self.kind, self.decimals, self.money_unit),
        )


def _rebuild(
    value: str, label: str, unit: str, kind: str, decimals: int | None, money_unit: str | None
) -> Figure:
    return Figure(
        Decimal(value), label=label, unit=unit, kind=kind, decimals=decimals, money_unit=money_unit
    )


class Missing:
    """A figure with no value (empty cell, division by zero): prints an en dash, is falsy."""

    def __init__(self, label: str = "") -> None:
        self.label = label

    def __html__(self) -> str:
        return "–"

    def __str__(self) -> str:
        return "–"

    def __bool__(self) -> bool:
        return False


def _false(self: Missing, other: object) -> bool:
    return False


for _name in ("__lt__", "__le__", "__gt__", "__ge__"):
    setattr(Missing, _name, _false)
