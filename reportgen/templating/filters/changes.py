"""Changes and verdicts: ``thay_doi``, ``bien_dong``, ``tang_giam``, ``danh_gia``, ``danh_gia_chi_tieu``, ``muc``."""

from __future__ import annotations

from typing import Any

from reportgen.diagnostics import catalog
from reportgen.templating.figure import Figure
from reportgen.templating.filters._registry import template_filter
from reportgen.templating.filters._values import (
    MISSING_TEXT,
    amount_text,
    as_printed,
    decimals_of,
    number,
)
from reportgen.vnformat import (
    change_word,
    describe_change,
    format_number,
    target_phrase,
    target_status,
)


@template_filter(
    "thay_doi",
    "biến động kèm hai số: giảm 182 hộ (từ 538 hộ xuống còn 356 hộ)",
    "change",
)
def thay_doi(old: Any, new: Any, unit: str | None = None, decimals: int | None = None) -> str:
    """``{{ ty_le_dau | thay_doi(ty_le_cuoi) }}`` → ``giảm 1,48 điểm phần trăm (từ 18,50%
    xuống còn 17,02%)``; counts: ``giảm 182 hộ (từ 538 hộ xuống còn 356 hộ)``."""
    a, b = number(old), number(new)
    if a is None or b is None:
        return MISSING_TEXT
    points = isinstance(old, Figure) and (old.kind == "percent" or old.unit == "%")
    u = unit if unit is not None else (old.unit if isinstance(old, Figure) and not points else "")
    d = decimals_of(old, decimals)
    return describe_change(
        a, b, unit=u, decimals=d if d is not None else (2 if points else 0), points=points
    )


@template_filter(
    "bien_dong",
    "hướng và mức biến động từ hai số: giảm 6 hộ / không thay đổi / tăng 2 hộ",
    "movement",
)
def bien_dong(old: Any, new: Any) -> str:
    """Direction and size of a change, from two figures: ``{{ ho_ngheo_dau_ky |
    bien_dong(ho_ngheo_cuoi_ky) }}`` → ``giảm 6 hộ`` / ``không thay đổi`` / ``tăng 2 hộ``
    (rates: ``giảm 0,14 điểm phần trăm``), on the figures as printed."""
    a, b = as_printed(old), as_printed(new)
    if a is None or b is None:
        return MISSING_TEXT
    delta = b - a
    if delta == 0:
        return "không thay đổi"
    word = "tăng" if delta > 0 else "giảm"
    return f"{word} {amount_text(old, abs(delta))}"


@template_filter("tang_giam", "chỉ chữ tăng / giảm / không thay đổi", "change_word")
def tang_giam(delta: Any) -> str:
    """``{{ x | tang_giam }}`` → ``tăng`` / ``giảm`` / ``không thay đổi``."""
    n = number(delta)
    return MISSING_TEXT if n is None else change_word(n)


def _verdict_decimals(actual: Any, target: Any) -> int | None:
    """Judge a result on the figures as printed (as the ``target`` check does)."""
    ds = [x.decimals for x in (actual, target) if isinstance(x, Figure) and x.decimals is not None]
    return max(ds) if ds else None


@template_filter("danh_gia", "so với chỉ tiêu: vượt / đạt / không đạt", "target_status")
def danh_gia(actual: Any, target: Any, lower_is_better: bool = False) -> str:
    """``{{ ket_qua | danh_gia(chi_tieu) }}`` → ``vượt`` / ``đạt`` / ``không đạt``."""
    a, t = number(actual), number(target)
    if a is None or t is None:
        return MISSING_TEXT
    return target_status(
        a, t, lower_is_better=lower_is_better, decimals=_verdict_decimals(actual, target)
    )


@template_filter(
    "danh_gia_chi_tieu",
    "so với chỉ tiêu: vượt chỉ tiêu / đạt chỉ tiêu / không đạt chỉ tiêu",
    "target_phrase",
)
def danh_gia_chi_tieu(actual: Any, target: Any, lower_is_better: bool = False) -> str:
    """``{{ ket_qua | danh_gia_chi_tieu(chi_tieu) }}`` → ``vượt chỉ tiêu`` …"""
    a, t = number(actual), number(target)
    if a is None or t is None:
        return MISSING_TEXT
    return target_phrase(
        a, t, lower_is_better=lower_is_better, decimals=_verdict_decimals(actual, target)
    )


@template_filter(
    "muc",
    "câu đánh giá theo ngưỡng khai báo ở chỉ tiêu (levels): cơ bản hoàn thành …",
    "level",
)
def muc(value: Any) -> str:
    """The evaluation phrase the indicator's ``levels`` give for this figure (as printed):
    ``{{ ty_le_giai_ngan | muc }}`` → ``cơ bản hoàn thành kế hoạch``."""
    n = as_printed(value)
    if n is None:
        return MISSING_TEXT
    levels = value.meta.levels if isinstance(value, Figure) else ()
    label = value.meta.label if isinstance(value, Figure) else str(value)
    if not levels:
        raise ValueError(catalog.text("template.filter-no-levels", label=label))
    for lv in levels:
        if lv.min is not None and n < lv.min:
            continue
        if lv.max is not None and n > lv.max:
            continue
        return str(lv.text)
    raise ValueError(catalog.text("template.filter-no-level", label=label, value=format_number(n)))
