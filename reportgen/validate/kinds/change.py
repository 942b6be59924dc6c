"""``change``: a stated change equals the difference of the two stated values."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import ID
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Choice, Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import Base, CheckKind, Interval, Values, decimals_for, fmt, quantize
from reportgen.validate.findings import Finding
from reportgen.vnformat import format_number


class ChangeCheck(Base):
    """value = end − start (``decrease``: start − end), the two as the report states them."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "change")
        self.value, self.start, self.end = self.ind("value"), self.ind("start"), self.ind("end")
        direction = check.args.get("direction", "auto")
        self.direction = direction
        self.decrease = direction == "decrease"
        self.points = self.start.kind == "percent"
        self.cells = (self.value.id, self.start.id, self.end.id)

    def _shown(self, start: Decimal, end: Decimal) -> tuple[Decimal, Decimal]:
        # The change is compared with the difference of the figures as the report states them,
        # i.e. rounded to their own decimals (18,50% − 17,02% = 1,48).
        if self.start.decimals is not None:
            start = quantize(start, self.start.decimals)
        if self.end.decimals is not None:
            end = quantize(end, self.end.decimals)
        return start, end

    def _expected(self, s: Decimal, e: Decimal) -> Decimal:
        return s - e if self.decrease else e - s

    def _unit_text(self, value: Decimal) -> str:
        d = self.value.decimals
        if self.points:
            return format_number(value, decimals_for(value, d)) + " điểm phần trăm"
        return fmt(self.value, value)

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        get = unit.values.get
        c, s, e = get(self.value.id), get(self.start.id), get(self.end.id)
        if c is None or s is None or e is None:
            return []
        s, e = self._shown(s, e)
        expected = self._expected(s, e)
        d = self.value.decimals
        if (quantize(expected, d) if d is not None else expected) == c:
            return []
        start, end, value = self.start, self.end, self.value
        op = (
            f"{fmt(start, s)} − {fmt(end, e)}"
            if self.decrease
            else f"{fmt(end, e)} − {fmt(start, s)}"
        )
        word = (
            "mức giảm"
            if self.decrease
            else "mức tăng"
            if self.direction == "increase"
            else "mức thay đổi"
        )
        msg = (
            f"{value.label}: cần {self._unit_text(expected)} (= {op}), nhưng ghi "
            f"{self._unit_text(c)}"
        )
        hint = f"{word} phải bằng hiệu hai số đã ghi; sửa {word} hoặc số đầu kỳ, cuối kỳ"
        return [self.finding(unit, ds, [value, start, end], expected, c, msg, hint, stated=value)]

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        get = values.get
        c, s, e = get(self.value.id), get(self.start.id), get(self.end.id)
        if cell == self.value.id:
            if s is None or e is None:
                return None
            s, e = self._shown(s, e)
            expected = self._expected(s, e)
            d = self.value.decimals
            return Interval.point(quantize(expected, d) if d is not None else expected)
        if c is None or s is None or e is None:
            return None
        s, e = self._shown(s, e)
        if cell == self.start.id:
            want = e + c if self.decrease else e - c
            return _rounds_to(want, self.start.decimals)
        if cell == self.end.id:
            want = s - c if self.decrease else s + c
            return _rounds_to(want, self.end.decimals)
        return None


def _rounds_to(x: Decimal, decimals: int | None) -> Interval:
    """The values that round half-up to ``x`` at ``decimals`` (exactly ``x`` without)."""
    if decimals is None:
        return Interval.point(x)
    h = Decimal(5).scaleb(-decimals - 1)
    return Interval(x - h, x + h, False, True)


KIND = CheckKind(
    name="change",
    doc="Mức tăng/giảm ghi = hiệu hai giá trị đã ghi (số đếm hoặc điểm phần trăm).",
    fields={
        "value": Field(ID, "Chỉ tiêu mức thay đổi đã ghi.", required=True),
        "start": Field(ID, "Giá trị đầu kỳ.", required=True),
        "end": Field(ID, "Giá trị cuối kỳ.", required=True),
        "direction": Field(
            Choice(choices=("auto", "increase", "decrease")),
            "decrease: số ghi là mức giảm (đầu − cuối); increase: mức "
            "tăng (cuối − đầu); auto: cuối − đầu, có dấu.",
            default="auto",
        ),
    },
    prepare=ChangeCheck,
)
