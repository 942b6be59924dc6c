"""``city_sum``: the whole-city row of the file equals the sum of its units."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import IDS
from reportgen.config.model import Check, Indicator, ReportConfig
from reportgen.config.schema import Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import ZERO, Base, CheckKind, Interval, Values, agrees, fmt
from reportgen.validate.findings import Finding


class CitySumCheck(Base):
    """Each summed figure of the total row = Σ of the units' figures (within their rounding)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "city_sum")
        if check.args.get("indicators"):
            self.targets: list[Indicator] = self.inds("indicators")
        else:
            self.targets = [
                i
                for i in config.indicators.values()
                if i.total == "sum" and i.column is not None and i.kind != "text"
            ]
        self.cells = tuple(i.id for i in self.targets)

    def applies(self, unit: Unit) -> bool:
        return unit.is_total

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if not unit.is_total or not ds.total_from_file or not ds.units:
            return []
        out = []
        n = len(ds.units)
        for ind in self.targets:
            t = unit.values.get(ind.id)
            summed = _sum(ind, ds)
            if t is None or summed is None:
                continue
            acc, allowed = summed
            allowed += ind.tolerance_of(t)
            if not agrees(acc - t, allowed):
                out.append(
                    self.finding(
                        unit,
                        ds,
                        [ind],
                        acc,
                        t,
                        f"{ind.label} ở dòng tổng: cần {fmt(ind, acc)} (cộng {n} đơn vị), "
                        f"nhưng ghi {fmt(ind, t)}",
                        "sửa dòng tổng, hoặc số của đơn vị bị ghi sai",
                        stated=ind,
                    )
                )
        return out

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        if not unit.is_total or not ds.total_from_file or not ds.units:
            return None
        for ind in self.targets:
            if ind.id == cell:
                summed = _sum(ind, ds)
                if summed is None:
                    return None
                acc, allowed = summed
                t = values.get(cell)
                return Interval.around(acc, allowed + (ind.tolerance_of(t) if t else ZERO))
        return None

    def _across(self, cell: str, other: Unit, ds: Dataset) -> tuple[Decimal, Decimal] | None:
        """The total row's figure of ``cell`` minus the other wards', and the rounding
        allowed (None when this check does not compare ``cell`` of ``other``)."""
        if other.is_total or not ds.total_from_file or cell not in self.cells:
            return None
        t = ds.total.values.get(cell)
        if t is None:
            return None
        ind = self.config.indicators[cell]
        rest = ZERO
        allowed = ind.tolerance_of(t)
        for u in ds.units:
            v = u.values.get(cell)
            if v is None:
                return None
            allowed += ind.tolerance_of(v)
            if u is not other:
                rest += v
        return t - rest, allowed

    def solve_across(self, cell: str, other: Unit, values: Values, ds: Dataset) -> Interval | None:
        got = self._across(cell, other, ds)
        return Interval.around(*got) if got is not None else None

    def holds_across(self, other: Unit, changes: Values, ds: Dataset) -> bool:
        for cell, value in changes.items():
            got = self._across(cell, other, ds) if value is not None else None
            if got is not None and value is not None and not agrees(value - got[0], got[1]):
                return False
        return True


def _sum(ind: Indicator, ds: Dataset) -> tuple[Decimal, Decimal] | None:
    acc = allowed = ZERO
    for u in ds.units:
        v = u.values.get(ind.id)
        if v is None:
            return None
        acc += v
        allowed += ind.tolerance_of(v)
    return acc, allowed


KIND = CheckKind(
    name="city_sum",
    doc="Số của dòng tổng trong tệp bằng tổng các đơn vị (chỉ "
    "khi có `data.total_row`; tỷ lệ không cộng mà tính lại).",
    fields={
        "indicators": Field(IDS, "Các chỉ tiêu cần so; mặc định mọi chỉ tiêu có total: sum."),
    },
    prepare=CitySumCheck,
)
