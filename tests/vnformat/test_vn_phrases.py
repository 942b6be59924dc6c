"""Stock phrases: changes between two figures and meeting a target."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.vnformat import change_word, describe_change, target_phrase, target_status

D = Decimal


@pytest.mark.parametrize(
    ("delta", "word"),
    [(5, "tăng"), (-5, "giảm"), (0, "không thay đổi"), (D("-0.00"), "không thay đổi")],
    ids=["up", "down", "zero", "negative-zero"],
)
def test_change_word(delta: int | Decimal, word: str) -> None:
    assert change_word(delta) == word


CHANGES = [
    (
        (D("18.50"), D("17.02")),
        {"decimals": 2, "points": True},
        "giảm 1,48 điểm phần trăm (từ 18,50% xuống còn 17,02%)",
    ),
    (
        (D("17.02"), D("18.50")),
        {"decimals": 2, "points": True},
        "tăng 1,48 điểm phần trăm (từ 17,02% lên 18,50%)",
    ),
    ((538, 356), {"unit": "hộ"}, "giảm 182 hộ (từ 538 hộ xuống còn 356 hộ)"),
    ((10, 15), {"unit": "hộ"}, "tăng 5 hộ (từ 10 hộ lên 15 hộ)"),
    ((10, 10), {"unit": "hộ"}, "không thay đổi (10 hộ)"),
    ((1013, 2026), {}, "tăng 1.013 (từ 1.013 lên 2.026)"),
    (
        (D("18.504"), D("17.016")),
        {"decimals": 2, "points": True},
        # rounded first (18,50 and 17,02), so the stated change matches the stated figures
        "giảm 1,48 điểm phần trăm (từ 18,50% xuống còn 17,02%)",
    ),
    ((D("5.001"), D("5.004")), {"decimals": 2, "points": True}, "không thay đổi (5,00%)"),
    (
        (D("802.8"), D("1200.5")),
        {"unit": "triệu đồng", "decimals": 1},
        "tăng 397,7 triệu đồng (từ 802,8 triệu đồng lên 1.200,5 triệu đồng)",
    ),
]


@pytest.mark.parametrize(("values", "options", "expected"), CHANGES, ids=[e for *_, e in CHANGES])
def test_describe_change(
    values: tuple[int | Decimal, int | Decimal], options: dict[str, object], expected: str
) -> None:
    assert describe_change(*values, **options) == expected  # type: ignore[arg-type]


STATUS = [
    ((5, 5), False, "đạt"),
    ((6, 5), False, "vượt"),
    ((4, 5), False, "không đạt"),
    ((D("2.8"), 3), True, "vượt"),
    ((D("3.2"), 3), True, "không đạt"),
    ((3, D("3.00")), True, "đạt"),
]


@pytest.mark.parametrize(
    ("values", "lower", "status"),
    STATUS,
    ids=[f"{v}-{'lower' if lo else 'higher'}" for v, lo, _ in STATUS],
)
def test_target_status_and_phrase(
    values: tuple[int | Decimal, int | Decimal], lower: bool, status: str
) -> None:
    assert target_status(*values, lower_is_better=lower) == status
    assert target_phrase(*values, lower_is_better=lower) == f"{status} chỉ tiêu"


def test_target_status_can_compare_the_figures_as_shown() -> None:
    assert target_status(D("4.996"), 5) == "không đạt"
    assert target_status(D("4.996"), 5, decimals=2) == "đạt"
