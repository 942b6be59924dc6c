"""Money and numbers in words: ``tien``, ``chu_tien``, ``chu``."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.templating.figure import Figure
from reportgen.templating.filters._registry import template_filter
from reportgen.templating.filters._values import (
    MISSING_TEXT,
    decimals_of,
    missing_text,
    number,
)
from reportgen.vnformat import (
    MONEY_UNITS,
    format_money,
    money_in_words,
    read_number,
    round_half_up,
)


def _money_unit(unit: str) -> str:
    u = unicodedata.normalize("NFC", unit).strip()
    if u not in MONEY_UNITS:
        raise ValueError(
            catalog.text("template.filter-money-unit", unit=unit, units=", ".join(MONEY_UNITS))
        )
    return u


def _money_args(value: Any, unit: str | None, from_unit: str | None) -> tuple[str, str]:
    src = from_unit or (
        value.unit if isinstance(value, Figure) and value.unit in MONEY_UNITS else "đồng"
    )
    dst = unit or (value.money_unit if isinstance(value, Figure) and value.money_unit else src)
    return _money_unit(dst), _money_unit(src)


@template_filter("tien", "số tiền với đơn vị: 802,8 triệu đồng; tien('tỷ đồng', 1)", "money")
def tien(
    value: Any, unit: str | None = None, decimals: int | None = None, from_unit: str | None = None
) -> str:
    """Money in a unit: ``{{ kinh_phi | tien }}`` → ``802,8 triệu đồng``;
    ``{{ kinh_phi | tien('tỷ đồng', 1) }}`` → ``0,8 tỷ đồng``."""
    n = number(value)
    if n is None:
        return missing_text(value)
    dst, src = _money_args(value, unit, from_unit)
    d = decimals if decimals is not None else (decimals_of(value, None) if dst == src else None)
    if d is None and dst != src and MONEY_UNITS[dst] > 1:
        d = None
    return format_money(n, dst, d, from_unit=src)


def _to_dong(value: Any, from_unit: str | None) -> Decimal | None:
    n = number(value)
    if n is None:
        return None
    _, src = _money_args(value, None, from_unit)
    return n * MONEY_UNITS[src]


@template_filter(
    "chu_tien",
    "số tiền bằng chữ: Hai mươi hai triệu đồng chẵn (không có chẵn khi số đã làm tròn)",
    "money_words",
)
def chu_tien(
    value: Any, exact: bool | None = None, south: bool = False, from_unit: str | None = None
) -> str:
    """Amount in words: ``{{ kinh_phi | chu_tien }}`` → ``Hai mươi hai triệu đồng chẵn``; a
    figure rounded to its unit (802,8 triệu đồng) is not exact: no "chẵn"."""
    amount = _to_dong(value, from_unit)
    if amount is None:
        return missing_text(value)
    if exact is None:
        exact = not (isinstance(value, Figure) and value.meta.rounded)
    amount = round_half_up(amount, 0)
    return money_in_words(amount, south=south, exact=exact)


@template_filter("chu", "số bằng chữ, chữ thường: hai mươi mốt", "words")
def chu(value: Any, south: bool = False) -> str:
    """A number in words, lowercase: ``{{ 21 | chu }}`` → ``hai mươi mốt``."""
    n = number(value)
    if n is None:
        return MISSING_TEXT
    return read_number(n, south=south, read_decimals=n != n.to_integral_value())
