"""``percentage``: a stated rate equals part / total × 100 rounded half-up to its decimals."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import ID
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import (
    HUNDRED,
    Base,
    CheckKind,
    Interval,
    Values,
    exact,
    fmt,
    quantize,
    tolerance,
)
from reportgen.validate.findings import Finding
from reportgen.vnformat import format_number


class PercentageCheck(Base):
    """value = part / total × 100 (rounded to the rate's decimals)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "percentage")
        self.rate, self.part, self.total = self.ind("value"), self.ind("part"), self.ind("total")
        self.d = self.rate.decimals if self.rate.decimals is not None else 2
        self.counts = exact(self.part) and exact(self.total)
        self.cells = (self.rate.id, self.part.id, self.total.id)
        self.vid, self.pid, self.tid = self.cells

    def holds(self, v: Decimal, p: Decimal, t: Decimal, unit: Unit, ds: Dataset) -> bool:
        """Whether the stated rate ``v`` agrees with ``p`` / ``t``."""
        if t == 0:
            return v == 0 and p == 0
        ratio = p / t * HUNDRED
        expected = quantize(ratio, self.d)
        tv = self.rate.tolerance_of(v)
        if self.counts:
            return (v == expected or quantize(v, self.d) == expected) and abs(v - ratio) <= tv
        tp, tt = tolerance(self.part, p, unit, ds), tolerance(self.total, t, unit, ds)
        lo = (p - tp) / (t + tt) * HUNDRED
        hi = (p + tp) / (t - tt) * HUNDRED if t - tt > 0 else ratio
        return v + tv >= lo and v - tv <= hi

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        get = unit.values.get
        v, p, t = get(self.vid), get(self.pid), get(self.tid)
        if v is None or p is None or t is None:
            return []
        if self.counts and t:
            # the common case, inline: the stated rate is the rounded ratio
            ratio = p / t * HUNDRED
            if quantize(ratio, self.d) == v and abs(v - ratio) <= self.rate.tolerance_of(v):
                return []
        if self.holds(v, p, t, unit, ds):
            return []
        rate, part, total = self.rate, self.part, self.total
        inds = [rate, part, total]
        if t == 0:
            return [
                self.finding(
                    unit,
                    ds,
                    inds,
                    None,
                    v,
                    f"{rate.label}: không tính được vì {total.label} bằng 0, nhưng ghi "
                    f"{fmt(rate, v)}",
                    f"kiểm tra lại {total.label}",
                    stated=rate,
                )
            ]
        expected = quantize(p / t * HUNDRED, self.d)
        msg = (
            f"{rate.label}: cần {format_number(expected, self.d)}% (= {part.label} "
            f"{fmt(part, p)} / {total.label} {fmt(total, t)} × 100, làm tròn {self.d} chữ số "
            f"thập phân), nhưng ghi {fmt(rate, v)}"
        )
        hint = "sửa tỷ lệ, hoặc kiểm tra lại tử số và mẫu số (làm tròn nửa lên: 2,345 → 2,35)"
        return [self.finding(unit, ds, inds, expected, v, msg, hint, stated=rate)]

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        get = values.get
        v, p, t = get(self.rate.id), get(self.part.id), get(self.total.id)
        h = Decimal(5).scaleb(-self.d - 1)
        if cell == self.rate.id:
            if p is None or t is None:
                return None
            if t == 0:
                return Interval.point(Decimal(0)) if p == 0 else Interval(Decimal(1), Decimal(0))
            ratio = p / t * HUNDRED
            if self.counts:
                return Interval.point(quantize(ratio, self.d))
            tp, tt = tolerance(self.part, p, unit, ds), tolerance(self.total, t, unit, ds)
            lo = (p - tp) / (t + tt) * HUNDRED
            hi = (p + tp) / (t - tt) * HUNDRED if t - tt > 0 else ratio
            return Interval(lo - h, hi + h)
        if v is None:
            return None
        if cell == self.part.id:
            if t is None or t == 0:
                return None
            return Interval((v - h) * t / HUNDRED, (v + h) * t / HUNDRED, False, True)
        if cell == self.total.id:
            if p is None:
                return None
            if v - h <= 0:
                return Interval(p * HUNDRED / (v + h), None, True, False)
            return Interval(p * HUNDRED / (v + h), p * HUNDRED / (v - h), True, False)
        return None


KIND = CheckKind(
    name="percentage",
    doc="Tỷ lệ ghi = phần / tổng × 100, làm tròn nửa lên theo số chữ số của tỷ lệ.",
    fields={
        "value": Field(ID, "Chỉ tiêu tỷ lệ (%) đã ghi.", required=True),
        "part": Field(ID, "Chỉ tiêu phần (tử số).", required=True),
        "total": Field(ID, "Chỉ tiêu tổng (mẫu số).", required=True),
    },
    prepare=PercentageCheck,
)
