"""A figure in a template: a Decimal that knows its indicator, so it prints itself right.

``{{ ho_ngheo }}`` prints ``1.013`` and ``{{ ty_le_ho_ngheo }}`` prints ``62,95%`` without a
filter, while comparisons and arithmetic (``ho_ngheo > 0``) work as on any number. Filters read
the indicator's unit and decimals as defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportgen.vnformat import format_money, format_number, format_percent, round_half_up


@dataclass(frozen=True, slots=True)
class FigureMeta:
    """What a figure knows of its indicator (shared by every unit's figure of that indicator)."""

    label: str = ""
    unit: str = ""
    kind: str = "number"
    decimals: int | None = None
    money_unit: str | None = None
    trim: bool = False  # trailing zeros dropped in sentences (tables keep them: ``| bang``)
    rounded: bool = False  # the stated figure is rounded: its amount in words has no "chẵn"
    phrase: str = ""  # words after the figure in a list ("hộ tái nghèo")
    none_text: str | None = None  # said instead of a zero item ("không có hộ tái nghèo")
    levels: tuple[Any, ...] = ()  # evaluation phrases by threshold (config Level)
    id: str = ""


class Figure(Decimal):
    """A ``Decimal`` with its indicator's label, unit, kind, decimals and money unit."""

    __slots__ = ("meta", "value")
    meta: FigureMeta
    value: Decimal  # the same number as a plain Decimal (fast paths in vnformat take it as is)

    def __new__(cls, value: Decimal, meta: FigureMeta | None = None) -> Figure:
        obj = super().__new__(cls, value)
        obj.value = value if type(value) is Decimal else Decimal(value)
        obj.meta = meta if meta is not None else FigureMeta()
        return obj

    @property
    def label(self) -> str:
        """The indicator's Vietnamese label."""
        return self.meta.label

    @property
    def unit(self) -> str:
        """The unit the figure is stated in (hộ, %, triệu đồng…)."""
        return self.meta.unit

    @property
    def kind(self) -> str:
        """count, money, percent or number."""
        return self.meta.kind

    @property
    def decimals(self) -> int | None:
        """Decimals the figure is shown with (None: as stated)."""
        return self.meta.decimals

    @property
    def money_unit(self) -> str | None:
        """The unit money is shown in, when it differs from ``unit``."""
        return self.meta.money_unit

    def shown_decimals(self, *, fixed: bool = False) -> int | None:
        """Decimals the figure is written with: the indicator's, or fewer in a sentence when the
        indicator trims trailing zeros (``538,0`` → ``538``) unless ``fixed`` (tables)."""
        m = self.meta
        d = m.decimals if m.decimals is not None else (2 if m.kind == "percent" else None)
        if d is None or not m.trim or fixed or d == 0:
            return d
        return trimmed_decimals(self.value, d)

    def text(self, *, fixed: bool = False) -> str:
        """The figure formatted the Vietnamese way for its kind (no unit word for counts)."""
        m = self.meta
        d = self.shown_decimals(fixed=fixed) if m.trim else m.decimals
        if m.kind == "percent":
            return format_percent(self.value, d if d is not None else 2)
        if m.kind == "money":
            shown = m.money_unit or m.unit
            # decimals are those of the stated unit; in another unit the amount is exact (as
            # the ``tien`` filter writes it; ``tien('tỷ đồng', 1)`` rounds on purpose)
            return format_money(self.value, shown, d if shown == m.unit else None, from_unit=m.unit)
        return format_number(self.value, d)

    def __html__(self) -> str:
        return self.text()

    def __str__(self) -> str:
        # a figure printed anywhere (a YAML text, a header line) reads the Vietnamese way
        return self.text()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (self.value, self.meta))

    # Sums and differences of figures in the same unit keep the unit, so that
    # ``{{ (kinh_phi_tong - kinh_phi_giai_ngan) | tien }}`` is still in triệu đồng and a
    # difference of two rates is in percentage points. Products and quotients change the unit:
    # they are plain Decimals.
    def _keep(self, result: Decimal, other: object) -> Decimal:
        if isinstance(other, Figure):
            if other.meta.unit != self.meta.unit:
                return result
        elif not isinstance(other, int | Decimal) or isinstance(other, bool):
            return result
        meta = self.meta
        if meta.kind == "percent" and isinstance(other, Figure):
            meta = FigureMeta("", "%", "number", meta.decimals, None)
        return Figure(result, meta)

    def __add__(self, other: Any) -> Decimal:
        return self._keep(self.value + _plain(other), other)

    def __radd__(self, other: Any) -> Decimal:
        return self._keep(_plain(other) + self.value, other)

    def __sub__(self, other: Any) -> Decimal:
        return self._keep(self.value - _plain(other), other)

    def __rsub__(self, other: Any) -> Decimal:
        return self._keep(_plain(other) - self.value, other)

    def __neg__(self, context: Any = None) -> Figure:
        return Figure(-self.value, self.meta)

    def __abs__(self) -> Figure:
        return Figure(abs(self.value), self.meta)


def trimmed_decimals(value: Decimal, decimals: int) -> int:
    """Decimals left once ``value`` is rounded half-up to ``decimals`` and its trailing zeros
    dropped: (538.04, 1) → 0; (91.90, 2) → 1."""
    r = round_half_up(value, decimals)
    if r == r.to_integral_value():
        return 0
    exp = r.normalize().as_tuple().exponent
    return min(decimals, -exp) if isinstance(exp, int) and exp < 0 else 0


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Figure) else value


class Missing:
    """A figure with no value (empty cell, division by zero): prints an en dash — or the words
    the indicator declares for a figure that cannot be computed (``uncomputable: không có``) —
    and is falsy."""

    def __init__(self, label: str = "", text: str | None = None) -> None:
        self.label = label
        self.text = text or "–"

    def __html__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return False


def _false(self: Missing, other: object) -> bool:
    return False


for _name in ("__lt__", "__le__", "__gt__", "__ge__"):
    setattr(Missing, _name, _false)
