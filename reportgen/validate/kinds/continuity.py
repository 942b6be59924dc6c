"""``continuity``: this period starts where the previous one ended, unless a reason is written."""

from __future__ import annotations

from reportgen.config.fieldtypes import ID
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Field, Str
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import (
    Base,
    CheckKind,
    Interval,
    Values,
    agrees,
    fmt,
    with_period,
)
from reportgen.validate.findings import Finding


class ContinuityCheck(Base):
    """value (this period) = previous (the previous period's file)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "continuity")
        self.value = self.ind("value")
        self.prev_id = check.args["previous"]
        self.prev_ind = config.indicators[self.prev_id]
        self.reason = check.args.get("reason")
        label = config.data.previous.label if config.data.previous else None
        self.when = label or "kỳ trước"
        self.cells = (self.value.id,)
        self.relation = self.reason is None

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if not self.applies(unit) or ds.previous is None:
            return []
        value = self.value
        v = unit.values.get(value.id)
        if v is None:
            return []
        prev = ds.previous.get(unit.key)
        if prev is None:
            return [
                self.finding(
                    unit,
                    ds,
                    [value],
                    None,
                    v,
                    f"không có trong tệp số liệu {self.when} nên không so được {value.label}",
                    "kiểm tra tên đơn vị trong hai tệp (đơn vị mới thành lập hoặc "
                    "sáp nhập thì ghi `reason`)",
                    severity="warning",
                    stated=value,
                    relation=False,
                )
            ]
        p = prev.values.get(self.prev_id)
        if p is None or agrees(p - v, value.tolerance_of(v) + self.prev_ind.tolerance_of(p)):
            return []
        more = [s for s in (ds.previous_source(unit, self.prev_id),) if s is not None]
        msg = (
            f"{value.label}: cần bằng {with_period(self.prev_ind.label, self.when)} "
            f"({fmt(self.prev_ind, p)}), nhưng ghi {fmt(value, v)}"
        )
        if self.reason:
            return [
                self.finding(
                    unit,
                    ds,
                    [value],
                    p,
                    v,
                    f"{msg} — đã giải trình: {self.reason}",
                    None,
                    severity="info",
                    stated=value,
                    more=more,
                    relation=False,
                )
            ]
        return [
            self.finding(
                unit,
                ds,
                [value],
                p,
                v,
                msg,
                "số đầu kỳ này phải bằng số cuối kỳ trước; nếu khác vì lý do chính đáng "
                "(ví dụ chuẩn nghèo thay đổi) thì ghi `reason` cho phép kiểm tra",
                stated=value,
                more=more,
            )
        ]

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        if cell != self.value.id or ds.previous is None or self.reason:
            return None
        prev = ds.previous.get(unit.key)
        p = prev.values.get(self.prev_id) if prev is not None else None
        if p is None:
            return None
        v = values.get(cell)
        allowed = self.prev_ind.tolerance_of(p) + (self.value.tolerance_of(v) if v else 0)
        return Interval.around(p, allowed)


KIND = CheckKind(
    name="continuity",
    doc="Số đầu kỳ này bằng số cuối kỳ trước (cần "
    "`data.previous`). Ghi `reason` để bỏ qua có lý do (ví dụ chuẩn nghèo "
    "thay đổi).",
    fields={
        "value": Field(ID, "Chỉ tiêu đầu kỳ này.", required=True),
        "previous": Field(ID, "Chỉ tiêu cuối kỳ trong tệp kỳ trước.", required=True),
        "reason": Field(
            Str(),
            "Lý do số liệu không liên tục; khi có, kết quả chỉ được ghi chú, không báo lỗi.",
        ),
    },
    prepare=ContinuityCheck,
)
