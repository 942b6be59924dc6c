"""``target``: compare a result with its target — vượt / đạt / không đạt (a warning when not
reached); a stated assessment must say what the figures say."""

from __future__ import annotations

from reportgen.config.fieldtypes import ID
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Bool, Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import Base, CheckKind, fmt
from reportgen.validate.findings import Finding
from reportgen.vnformat import target_status

_STATUS_WORDS = {
    "đạt": "đạt",
    "vượt": "vượt",
    "đạt và vượt": "vượt",
    "không đạt": "không đạt",
    "chưa đạt": "không đạt",
    "vượt chỉ tiêu": "vượt",
    "đạt chỉ tiêu": "đạt",
    "không đạt chỉ tiêu": "không đạt",
    "đạt và vượt chỉ tiêu": "vượt",
    "chưa đạt chỉ tiêu": "không đạt",
}


class TargetCheck(Base):
    """The result against its target; not a relation between figures."""

    relation = False

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "target")
        self.actual, self.target = self.ind("actual"), self.ind("target")
        self.lower = bool(check.args.get("lower_is_better"))
        status_id = check.args.get("status")
        self.status_ind = config.indicators[status_id] if status_id else None
        self.decimals = max(
            (i.decimals for i in (self.actual, self.target) if i.decimals is not None),
            default=None,
        )

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        actual, target = self.actual, self.target
        a, t = unit.values.get(actual.id), unit.values.get(target.id)
        if a is None or t is None:
            return []
        status = target_status(a, t, lower_is_better=self.lower, decimals=self.decimals)
        out = []
        compared = f"{actual.label} {fmt(actual, a)} so với chỉ tiêu {fmt(target, t)}"
        status_ind = self.status_ind
        if status_ind is not None:
            stated = unit.texts.get(status_ind.id)
            if stated:
                norm = _STATUS_WORDS.get(" ".join(stated.lower().split()))
                if norm != status:
                    known = "" if norm else " (không phải một kết quả đánh giá)"
                    out.append(
                        self.finding(
                            unit,
                            ds,
                            [status_ind, actual, target],
                            status,
                            stated,
                            f'kết quả đánh giá: cần "{status}" ({compared}), nhưng ghi '
                            f'"{stated}"{known}',
                            "ghi một trong: vượt, đạt, không đạt (theo số liệu)",
                            stated=status_ind,
                            relation=False,
                        )
                    )
        if status == "không đạt":
            out.append(
                self.finding(
                    unit,
                    ds,
                    [actual, target],
                    t,
                    a,
                    f"{actual.label}: cần đạt chỉ tiêu {fmt(target, t)}, nhưng "
                    f"kết quả là {fmt(actual, a)} (không đạt)",
                    "nêu nguyên nhân và giải pháp trong báo cáo",
                    severity="warning",
                    stated=actual,
                    relation=False,
                )
            )
        return out


KIND = CheckKind(
    name="target",
    doc="So kết quả với chỉ tiêu giao: vượt, đạt hoặc không đạt. "
    "Không đạt là cảnh báo; nếu có `status`, chữ đã ghi phải khớp kết quả.",
    fields={
        "actual": Field(ID, "Kết quả thực hiện.", required=True),
        "target": Field(ID, "Chỉ tiêu giao.", required=True),
        "lower_is_better": Field(Bool(), "Giá trị càng thấp càng tốt.", default=False),
        "status": Field(ID, "Chỉ tiêu chữ ghi kết quả đã đánh giá (đạt/vượt/không đạt)."),
    },
    prepare=TargetCheck,
)
