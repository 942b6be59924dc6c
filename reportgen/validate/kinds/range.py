"""``range``: a value lies within [min, max]."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportgen.config.fieldtypes import IDS
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Context, Dec, Field
from reportgen.config.yamlsource import KeyPath
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.base import ZERO, Base, CheckKind, Interval, Values, fmt
from reportgen.validate.findings import Finding
from reportgen.vnformat import format_number


class RangeCheck(Base):
    """min ≤ value ≤ max for each named indicator."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "range")
        self.values = self.inds("value")
        lo: Decimal | None = check.args.get("min")
        hi: Decimal | None = check.args.get("max")
        if lo is not None and hi is not None:
            self.bounds = f"từ {format_number(lo)} đến {format_number(hi)}"
        elif lo is not None:
            self.bounds = f"từ {format_number(lo)} trở lên"
        else:
            self.bounds = f"không quá {format_number(hi or ZERO)}"
        self.interval = Interval(lo, hi)
        self.low = lo if lo is not None else Decimal("-Infinity")
        self.high = hi if hi is not None else Decimal("Infinity")
        self.cells = tuple(i.id for i in self.values)

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        out = []
        get = unit.values.get
        low, high = self.low, self.high
        for ind in self.values:
            v = get(ind.id)
            if v is None or low <= v <= high:
                continue
            out.append(
                self.finding(
                    unit,
                    ds,
                    [ind],
                    None,
                    v,
                    f"{ind.label}: cần {self.bounds}, nhưng ghi {fmt(ind, v)}",
                    "kiểm tra lại số liệu (có thể gõ nhầm đơn vị hoặc thừa chữ số)",
                    stated=ind,
                )
            )
        return out

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        return self.interval if cell in self.cells else None


def _validate_range(value: dict[str, Any], path: KeyPath, ctx: Context) -> None:
    lo, hi = value.get("min"), value.get("max")
    if lo is None and hi is None:
        ctx.error(
            path,
            "phép kiểm tra range cần `min`, `max` hoặc cả hai",
            "ví dụ `min: 0` và `max: 100`",
            code="config.range-bounds",
        )
    elif lo is not None and hi is not None and lo > hi:
        ctx.error(
            (*path, "min"),
            f"min ({lo}) lớn hơn max ({hi})",
            "đổi chỗ hai giá trị",
            code="config.range-order",
        )


KIND = CheckKind(
    name="range",
    doc="Giá trị nằm trong khoảng [min, max]. (Số đếm nguyên ≥ 0, "
    "tiền ≥ 0, tỷ lệ 0–100 được kiểm tra tự động cho mọi chỉ tiêu.)",
    fields={
        "value": Field(IDS, "Chỉ tiêu cần kiểm tra.", required=True),
        "min": Field(Dec(), "Giá trị nhỏ nhất (số; 1,5 hoặc 1.5 đều được)."),
        "max": Field(Dec(), "Giá trị lớn nhất (số)."),
    },
    prepare=RangeCheck,
    validate=_validate_range,
)
