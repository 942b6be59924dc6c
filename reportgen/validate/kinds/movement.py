"""``movement``: end of period = start − decreases + increases (poor household movement)."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import ID, IDS
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import (
    ZERO,
    Base,
    CheckKind,
    Interval,
    Values,
    agrees,
    fmt,
    tolerance,
)
from reportgen.validate.findings import Finding


class MovementCheck(Base):
    """end = start − Σ decreases + Σ increases."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "movement")
        self.start, self.end = self.ind("start"), self.ind("end")
        self.decs, self.incs = self.inds("decreases"), self.inds("increases")
        self.everything = [self.start, self.end, *self.decs, *self.incs]
        self.cells = (self.end.id, self.start.id, *(x.id for x in (*self.decs, *self.incs)))
        self.sid, self.eid = self.start.id, self.end.id
        self.dids = [x.id for x in self.decs]
        self.iids = [x.id for x in self.incs]
        self.sign = {self.start.id: 1, self.end.id: -1}
        self.sign.update({x.id: -1 for x in self.decs})
        self.sign.update({x.id: 1 for x in self.incs})

    def _allowed(self, unit: Unit, ds: Dataset, values: Values) -> Decimal:
        allowed = ZERO
        for x in self.everything:
            allowed += tolerance(x, values.get(x.id) or ZERO, unit, ds)
        return allowed

    def _sums(self, values: Values) -> tuple[Decimal, Decimal] | None:
        dsum = isum = ZERO
        for x in self.decs:
            v = values.get(x.id)
            if v is None:
                return None
            dsum += v
        for x in self.incs:
            v = values.get(x.id)
            if v is None:
                return None
            isum += v
        return dsum, isum

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        vals = unit.values
        get = vals.get
        s, e = get(self.sid), get(self.eid)
        if s is None or e is None:
            return []
        dsum = isum = ZERO
        for xid in self.dids:
            v = get(xid)
            if v is None:
                return []
            dsum += v
        for xid in self.iids:
            v = get(xid)
            if v is None:
                return []
            isum += v
        expected = s - dsum + isum
        diff = expected - e
        if not diff or agrees(diff, self._allowed(unit, ds, vals)):
            return []
        start, end = self.start, self.end
        msg = (
            f"{end.label}: cần {fmt(end, expected)} (= {start.label} {fmt(start, s)} − giảm "
            f"{fmt(start, dsum)} + tăng {fmt(start, isum)}), nhưng ghi {fmt(end, e)}"
        )
        hint = "cuối kỳ = đầu kỳ − các khoản giảm + các khoản tăng; kiểm tra các cột biến động"
        return [
            self.finding(
                unit, ds, [end, start, *self.decs, *self.incs], expected, e, msg, hint, stated=end
            )
        ]

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        sign = self.sign.get(cell)
        if sign is None:
            return None
        # Σ sign(x)·x = 0 over every cell; solve for ``cell``
        rest = ZERO
        for x, k in self.sign.items():
            if x == cell:
                continue
            v = values.get(x)
            if v is None:
                return None
            rest += k * v
        return Interval.around(-rest / sign, self._allowed(unit, ds, values))


KIND = CheckKind(
    name="movement",
    doc="Biến động hộ nghèo/cận nghèo: cuối kỳ = đầu kỳ − các khoản giảm + các khoản tăng.",
    fields={
        "start": Field(ID, "Số đầu kỳ (cột 1).", required=True),
        "decreases": Field(IDS, "Các khoản giảm (cột 2, 3, 4).", required=True),
        "increases": Field(IDS, "Các khoản tăng (cột 5, 6, 7, 8).", required=True),
        "end": Field(ID, "Số cuối kỳ (cột 9).", required=True),
    },
    prepare=MovementCheck,
)
