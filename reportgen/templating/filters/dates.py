"""Dates: ``ngay``, ``ngay_ngan``."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportgen.templating.filters._registry import template_filter
from reportgen.vnformat import (
    date_line,
    date_short,
    parse_date,
)


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return parse_date(str(value))


@template_filter("ngay", "ngày đầy đủ: ngày 05 tháng 3 năm 2024", "date_line")
def ngay(value: Any) -> str:
    """``{{ bao_cao.ngay | ngay }}`` → ``ngày 05 tháng 3 năm 2024``."""
    return date_line(_date(value))


@template_filter("ngay_ngan", "ngày viết tắt: 18/01/2022", "date_short")
def ngay_ngan(value: Any, style: str = "nd30") -> str:
    """``{{ d | ngay_ngan }}`` → ``18/01/2022`` (day < 10 and months 1–2 padded)."""
    return date_short(_date(value), style=style)
