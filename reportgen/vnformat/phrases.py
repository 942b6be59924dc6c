"""Stock phrases of report text: changes between two figures and meeting a target.

The figures in a phrase are the figures the reader sees: a change is computed from the two
values *after* rounding to ``decimals``, so ``từ 18,50% xuống còn 17,02%`` always comes with
``giảm 1,48 điểm phần trăm`` (the reader can check the subtraction), and two values that look the
same give ``không thay đổi``.
"""

from __future__ import annotations

from decimal import Decimal

from reportgen.vnformat.numbers import (
    Number,
    format_number,
    format_percent,
    format_points,
    round_half_up,
    to_decimal,
)

__all__ = ["change_word", "describe_change", "target_phrase", "target_status"]


def change_word(delta: Number | str) -> str:
    """Return ``tăng`` for a positive change, ``giảm`` for a negative one, ``không thay đổi``
    for zero."""
    d = to_decimal(delta)
    if d > 0:
        return "tăng"
    if d < 0:
        return "giảm"
    return "không thay đổi"


def describe_change(
    old: Number | str,
    new: Number | str,
    *,
    unit: str = "",
    decimals: int = 0,
    points: bool = False,
) -> str:
    """Describe the change from ``old`` to ``new`` as reports write it.

    Counts: ``describe_change(538, 356, unit="hộ")`` → ``"giảm 182 hộ (từ 538 hộ xuống còn
    356 hộ)"``; ``(10, 15, unit="hộ")`` → ``"tăng 5 hộ (từ 10 hộ lên 15 hộ)"``; equal values →
    ``"không thay đổi (10 hộ)"``. Rates (``points=True``, values in percent):
    ``describe_change(18.50, 17.02, decimals=2, points=True)`` → ``"giảm 1,48 điểm phần trăm
    (từ 18,50% xuống còn 17,02%)"``. Both values are rounded half-up to ``decimals`` first and
    the change is the difference of the rounded values.
    """
    a = round_half_up(old, decimals)
    b = round_half_up(new, decimals)
    delta: Decimal = b - a
    suffix = f" {unit.strip()}" if unit and unit.strip() else ""

    def show(x: Decimal) -> str:
        """One of the two figures, with its unit or percent sign."""
        if points:
            return format_percent(x, decimals)
        return format_number(x, decimals) + suffix

    if delta == 0:
        return f"không thay đổi ({show(b)})"
    if points:
        amount = format_points(delta, decimals)
    else:
        amount = format_number(abs(delta), decimals) + suffix
    if delta > 0:
        return f"tăng {amount} (từ {show(a)} lên {show(b)})"
    return f"giảm {amount} (từ {show(a)} xuống còn {show(b)})"


def target_status(
    actual: Number | str,
    target: Number | str,
    *,
    lower_is_better: bool = False,
    decimals: int | None = None,
) -> str:
    """Compare a result with its target: ``vượt`` (strictly better), ``đạt`` (equal) or
    ``không đạt``.

    ``lower_is_better=True`` for targets such as a poverty rate to bring down. With
    ``decimals`` both values are first rounded half-up as they are shown, so the verdict
    agrees with the printed figures.
    """
    a = to_decimal(actual)
    t = to_decimal(target)
    if decimals is not None:
        a = round_half_up(a, decimals)
        t = round_half_up(t, decimals)
    if a == t:
        return "đạt"
    better = a < t if lower_is_better else a > t
    return "vượt" if better else "không đạt"


def target_phrase(
    actual: Number | str,
    target: Number | str,
    *,
    lower_is_better: bool = False,
    decimals: int | None = None,
) -> str:
    """Return ``vượt chỉ tiêu``, ``đạt chỉ tiêu`` or ``không đạt chỉ tiêu`` (see
    :func:`target_status`)."""
    status = target_status(actual, target, lower_is_better=lower_is_better, decimals=decimals)
    return f"{status} chỉ tiêu"
