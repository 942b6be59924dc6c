"""``sum``: parts add up to their total (``partial``: do not exceed it)."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import ID, IDS
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Bool, Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import (
    ZERO,
    Base,
    CheckKind,
    Interval,
    Values,
    agrees,
    fmt,
    plus,
    tolerance,
)
from reportgen.validate.findings import Finding


class SumCheck(Base):
    """Total = Σ parts (or Σ parts ≤ total with ``partial``)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "sum")
        self.total = self.ind("total")
        self.parts = self.inds("parts")
        self.partial = bool(check.args.get("partial"))
        self.cells = (self.total.id, *(p.id for p in self.parts))
        self.tid, self.pids = self.total.id, [p.id for p in self.parts]

    def _allowed(self, unit: Unit, ds: Dataset, values: Values) -> Decimal:
        allowed = ZERO
        for ind in (self.total, *self.parts):
            allowed += tolerance(ind, values.get(ind.id) or ZERO, unit, ds)
        return allowed

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        get = unit.values.get
        t = get(self.tid)
        if t is None:
            return []
        acc = ZERO
        for pid in self.pids:
            v = get(pid)
            if v is None:
                return []
            acc += v
        diff = acc - t
        if not diff or (self.partial and diff < 0):
            return []
        if agrees(diff, self._allowed(unit, ds, unit.values)):
            return []
        total, labels = self.total, plus([p.label for p in self.parts])
        if self.partial:
            msg = (
                f"{labels}: cần không lớn hơn {total.label} {fmt(total, t)}, nhưng cộng lại "
                f"được {fmt(total, acc)}"
            )
            hint = 'các khoản "trong đó" không thể vượt tổng; kiểm tra lại từng khoản'
        else:
            msg = f"{total.label}: cần {fmt(total, acc)} (= {labels}), nhưng ghi {fmt(total, t)}"
            hint = (
                'sửa tổng hoặc khoản bị ghi sai; nếu các khoản chỉ là một phần ("trong '
                'đó") thì khai báo `partial: true`'
            )
        return [self.finding(unit, ds, [total, *self.parts], acc, t, msg, hint, stated=total)]

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        if cell not in self.cells:
            return None
        rest = ZERO
        for c in self.cells[1:]:
            if c != cell:
                v = values.get(c)
                if v is None:
                    return None
                rest += v
        allowed = self._allowed(unit, ds, values)
        if cell == self.total.id:
            if self.partial:
                return Interval(rest - allowed, None, bool(allowed), False)
            return Interval.around(rest, allowed)
        t = values.get(self.total.id)
        if t is None:
            return None
        if self.partial:
            return Interval(None, t - rest + allowed, False, bool(allowed))
        return Interval.around(t - rest, allowed)


KIND = CheckKind(
    name="sum",
    doc="Các thành phần cộng lại bằng tổng (hoặc không vượt tổng với "
    '`partial: true`, cho danh sách "trong đó"). Dung sai theo cách làm tròn.',
    fields={
        "total": Field(ID, "Chỉ tiêu tổng.", required=True),
        "parts": Field(IDS, "Các chỉ tiêu thành phần.", required=True),
        "partial": Field(
            Bool(),
            'Danh sách "trong đó" không đầy đủ: chỉ kiểm tra tổng các thành phần ≤ tổng.',
            default=False,
        ),
    },
    prepare=SumCheck,
)
