"""Numbers, rates and points: ``so``, ``bang``, ``phan_tram``, ``diem``, ``lam_tron``, ``la_ma``."""

from __future__ import annotations

import dataclasses
from typing import Any

from reportgen.templating.figure import Figure
from reportgen.templating.filters._registry import template_filter
from reportgen.templating.filters._values import (
    MISSING_TEXT,
    decimals_of,
    missing_text,
    number,
)
from reportgen.vnformat import (
    format_number,
    format_percent,
    format_points,
    round_half_up,
)


@template_filter("so", "số theo cách viết Việt Nam: 1.013; so(2) → 1.013,00", "number")
def so(value: Any, decimals: int | None = None) -> str:
    """``{{ x | so }}`` → ``1.013``; ``{{ x | so(2) }}`` → ``1.013,00`` (half-up)."""
    n = number(value)
    if n is None:
        return missing_text(value)
    return format_number(n, decimals_of(value, decimals))


@template_filter("bang", "số trong bảng: luôn đủ số chữ số thập phân của chỉ tiêu", "table")
def bang(value: Any) -> str:
    """A figure in a table cell: always the indicator's decimals (``538,0``), never trimmed."""
    n = number(value)
    if n is None:
        return MISSING_TEXT
    return format_number(n, value.decimals if isinstance(value, Figure) else None)


@template_filter("phan_tram", "tỷ lệ phần trăm: 62,95%", "percent")
def phan_tram(value: Any, decimals: int | None = None, ratio: bool = False) -> str:
    """``{{ ty_le | phan_tram }}`` → ``62,95%`` (2 decimals unless the indicator says else)."""
    n = number(value)
    if n is None:
        return missing_text(value)
    d = decimals_of(value, decimals)
    return format_percent(n, 2 if d is None else d, ratio=ratio)


@template_filter("diem", "điểm phần trăm: 1,48 điểm phần trăm", "points")
def diem(value: Any, decimals: int | None = None, style: str = "diem") -> str:
    """Percentage points: ``{{ muc_giam | diem }}`` → ``1,48 điểm phần trăm``."""
    n = number(value)
    if n is None:
        return missing_text(value)
    d = decimals_of(value, decimals)
    text = format_points(n, 2 if d is None else d, style=style)
    # a negative difference keeps its sign: "giảm {{ x | diem }}" must not hide a rise
    return "-" + text if n < 0 and round_half_up(n, 2 if d is None else d) != 0 else text


@template_filter("lam_tron", "làm tròn nửa lên, giữ đơn vị: lam_tron(1)", "round")
def lam_tron(value: Any, decimals: int = 0) -> Any:
    """Half-up rounding (2,345 → 2,35), keeping the figure's unit: replaces Jinja's ``round``,
    which rounds half to even and prints English decimals."""
    n = number(value)
    if n is None:
        return value
    r = round_half_up(n, int(decimals))
    if isinstance(value, Figure):
        return Figure(r, dataclasses.replace(value.meta, decimals=int(decimals)))
    return r


@template_filter("la_ma", "số La Mã: 3 → III", "roman")
def la_ma(value: Any) -> str:
    """Roman numeral of a section number: ``{{ 3 | la_ma }}`` → ``III``."""
    n = int(value)
    out = ""
    for v, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out += sym
            n -= v
    return out
