"""``not_greater``: each part is not greater than the total."""

from __future__ import annotations

from reportgen.config.fieldtypes import ID, IDS
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import ZERO, Base, CheckKind, Interval, Values, fmt, tolerance
from reportgen.validate.findings import Finding


class NotGreaterCheck(Base):
    """part ≤ total for each part (within their rounding)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "not_greater")
        self.parts, self.total = self.inds("part"), self.ind("total")
        self.cells = (*(p.id for p in self.parts), self.total.id)
        self.tid = self.total.id
        self.pairs = [(p.id, p) for p in self.parts]

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        get = unit.values.get
        total = self.total
        t = get(self.tid)
        if t is None:
            return []
        out = []
        for pid, p in self.pairs:
            v = get(pid)
            if v is None or v <= t:
                continue
            if v - t < tolerance(p, v, unit, ds) + tolerance(total, t, unit, ds):
                continue
            out.append(
                self.finding(
                    unit,
                    ds,
                    [p, total],
                    t,
                    v,
                    f"{p.label}: cần không lớn hơn {total.label} ({fmt(total, t)}), "
                    f"nhưng ghi {fmt(p, v)}",
                    f"phần không thể lớn hơn tổng; kiểm tra {p.label} và {total.label}",
                    stated=p,
                )
            )
        return out

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        get = values.get
        t = get(self.total.id)
        if cell == self.total.id:
            need = None
            for p in self.parts:
                v = get(p.id)
                if v is not None:
                    low = v - tolerance(p, v, unit, ds)
                    need = low if need is None else max(need, low)
            return Interval(need, None) if need is not None else None
        if t is None:
            return None
        for p in self.parts:
            if p.id == cell:
                v = get(p.id) or ZERO
                return Interval(
                    None, t + tolerance(p, v, unit, ds) + tolerance(self.total, t, unit, ds)
                )
        return None


KIND = CheckKind(
    name="not_greater",
    doc="Phần không lớn hơn tổng (ví dụ hộ nghèo ≤ tổng số hộ).",
    fields={
        "part": Field(IDS, "Chỉ tiêu phần.", required=True),
        "total": Field(ID, "Chỉ tiêu tổng.", required=True),
    },
    prepare=NotGreaterCheck,
)
