"""Figures: half-up rounding, "." thousands and "," decimals, percentages, points and money."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.diagnostics.errors import NumberFormatError
from reportgen.vnformat import (
    MONEY_UNITS,
    format_money,
    format_number,
    format_percent,
    format_points,
    round_half_up,
    scale_money,
    to_decimal,
)

D = Decimal

ROUNDING = [
    ("2.345", 2, "2.35"),
    ("-2.345", 2, "-2.35"),
    ("2.344", 2, "2.34"),
    ("0.5", 0, "1"),
    ("1.5", 0, "2"),
    ("2.5", 0, "3"),  # half-even (Babel's default) would give 2
    ("-0.5", 0, "-1"),
    ("62.945", 2, "62.95"),
    ("7", 2, "7.00"),
]


@pytest.mark.parametrize(
    ("value", "decimals", "expected"), ROUNDING, ids=[f"{v}@{d}" for v, d, _ in ROUNDING]
)
def test_round_half_up_rounds_halves_away_from_zero(
    value: str, decimals: int, expected: str
) -> None:
    result = round_half_up(D(value), decimals)
    assert result == D(expected)
    assert str(result) == expected  # quantized: exactly `decimals` digits


FORMATS: list[tuple[object, int | None, bool, str]] = [
    (1013, None, False, "1.013"),
    (D("62.945"), 2, False, "62,95"),
    (0, None, False, "0"),
    (D("-1234.5"), None, False, "-1.234,5"),
    (D("802.80"), None, False, "802,80"),
    (802, None, False, "802"),
    (1234567, 2, False, "1.234.567,00"),
    (D("1234567.891"), 1, False, "1.234.567,9"),
    (-1013, None, False, "-1.013"),
    (5, None, True, "+5"),
    (D("1.5"), 1, True, "+1,5"),
    (-5, None, True, "-5"),
    (0, None, True, "0"),
    (D("-0.004"), 2, False, "0,00"),
    (D("-0.4"), 0, False, "0"),
    (D("-0.4"), 0, True, "0"),
    (D("1E+3"), None, False, "1.000"),
    ("1234.5", None, False, "1.234,5"),
    ("-7", 1, False, "-7,0"),
    (10**21, None, False, "1.000.000.000.000.000.000.000"),
    (999, None, False, "999"),
    (1000, None, False, "1.000"),
]


@pytest.mark.parametrize(
    ("value", "decimals", "signed", "expected"),
    FORMATS,
    ids=[f"{v}@{d}{'+' if s else ''}" for v, d, s, _ in FORMATS],
)
def test_format_number_writes_dot_thousands_and_comma_decimals(
    value: Decimal | int | str, decimals: int | None, signed: bool, expected: str
) -> None:
    assert format_number(value, decimals, signed=signed) == expected


def test_format_number_never_groups_with_spaces() -> None:
    assert " " not in format_number(D("123456789.123"), 3)
    assert "\u00a0" not in format_number(123456789)


@pytest.mark.parametrize(
    "bad", [1.5, True, False, None, [1]], ids=["float", "true", "false", "none", "list"]
)
def test_floats_bools_and_others_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        format_number(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_decimal(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad", ["1.234,5", "1e5", "", "abc", "NaN", "1_000", "12."], ids=lambda s: repr(s)
)
def test_to_decimal_only_takes_plain_machine_strings(bad: str) -> None:
    with pytest.raises(NumberFormatError) as info:
        to_decimal(bad)
    assert info.value.hint


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity")], ids=["nan", "infinity"])
def test_non_finite_decimals_are_refused(bad: Decimal) -> None:
    with pytest.raises(NumberFormatError):
        format_number(bad)


def test_negative_decimals_are_refused() -> None:
    with pytest.raises(ValueError):
        format_number(D("1.5"), -1)


PERCENTS = [
    (D("62.95"), 2, False, "62,95%"),
    (D("62.945"), 2, False, "62,95%"),
    (D("0.6295"), 2, True, "62,95%"),
    (D("0.5"), 1, True, "50,0%"),
    (D("17.02"), 1, False, "17,0%"),
    (100, 0, False, "100%"),
]


@pytest.mark.parametrize(
    ("value", "decimals", "ratio", "expected"),
    PERCENTS,
    ids=[f"{v}@{d}{'-ratio' if r else ''}" for v, d, r, _ in PERCENTS],
)
def test_format_percent_has_no_space_before_the_sign(
    value: Decimal | int, decimals: int, ratio: bool, expected: str
) -> None:
    assert format_percent(value, decimals, ratio=ratio) == expected


def test_format_percent_defaults_to_two_decimals() -> None:
    assert format_percent(D("62.9")) == "62,90%"


POINTS = [
    (D("1.48"), "diem", "1,48 điểm phần trăm"),
    (D("-1.48"), "diem", "1,48 điểm phần trăm"),
    (D("1.48"), "percent", "1,48%"),
    (D("-1.475"), "percent", "1,48%"),
]


@pytest.mark.parametrize(
    ("value", "style", "expected"), POINTS, ids=[f"{v}-{s}" for v, s, _ in POINTS]
)
def test_format_points_is_unsigned_in_either_style(
    value: Decimal, style: str, expected: str
) -> None:
    assert format_points(value, style=style) == expected


def test_format_points_rejects_an_unknown_style() -> None:
    with pytest.raises(ValueError):
        format_points(1, style="pct")


def test_money_units_are_the_documented_scales() -> None:
    assert dict(MONEY_UNITS) == {
        "đồng": 1,
        "đ": 1,
        "nghìn đồng": 1000,
        "ngàn đồng": 1000,
        "triệu đồng": 10**6,
        "tỷ đồng": 10**9,
    }


MONEY: list[tuple[object, str, int | None, str, str]] = [
    (13_000_000, "đồng", None, "đồng", "13.000.000 đồng"),
    (13_000_000, "đ", None, "đồng", "13.000.000 đ"),
    (802_800_000, "triệu đồng", 1, "đồng", "802,8 triệu đồng"),
    (802_800_000, "triệu đồng", None, "đồng", "802,8 triệu đồng"),
    (1_200_000_000, "tỷ đồng", 1, "đồng", "1,2 tỷ đồng"),
    (1_200_000_000, "tỷ đồng", None, "đồng", "1,2 tỷ đồng"),
    (12_888, "triệu đồng", 0, "triệu đồng", "12.888 triệu đồng"),
    (13_000_000_000, "tỷ đồng", None, "đồng", "13 tỷ đồng"),
    (D("1234.5"), "đồng", None, "đồng", "1.235 đồng"),
    (1_234_567, "nghìn đồng", None, "đồng", "1.234,567 nghìn đồng"),
    (1_234_567, "ngàn đồng", 0, "đồng", "1.235 ngàn đồng"),
    (D("802.8"), "đồng", None, "triệu đồng", "802.800.000 đồng"),
    (D("1.25"), "triệu đồng", 1, "tỷ đồng", "1.250,0 triệu đồng"),
]


@pytest.mark.parametrize(
    ("amount", "unit", "decimals", "from_unit", "expected"),
    MONEY,
    ids=[e for *_, e in MONEY],
)
def test_format_money_scales_rounds_and_names_the_unit(
    amount: Decimal | int, unit: str, decimals: int | None, from_unit: str, expected: str
) -> None:
    assert format_money(amount, unit, decimals, from_unit=from_unit) == expected


def test_scale_money_is_exact() -> None:
    assert scale_money(802_800_000, "triệu đồng") == D("802.8")
    assert scale_money(1, "tỷ đồng") == D("1E-9")
    assert scale_money(D("1.2"), "đồng", from_unit="tỷ đồng") == 1_200_000_000


def test_an_unknown_money_unit_lists_the_known_ones() -> None:
    with pytest.raises(ValueError) as info:
        format_money(1, "USD")
    for unit in MONEY_UNITS:
        assert unit in str(info.value)
    with pytest.raises(ValueError):
        scale_money(1, "đồng", from_unit="trieu")


def test_format_money_accepts_a_unit_typed_in_nfd() -> None:
    import unicodedata

    assert format_money(2_000_000, unicodedata.normalize("NFD", "triệu đồng")) == "2 triệu đồng"


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_ints_format_like_python_grouping_with_the_marks_swapped(n: int) -> None:
    assert format_number(n) == f"{n:,}".replace(",", ".")


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False),
    st.integers(min_value=0, max_value=4),
)
def test_rounding_matches_manual_half_up(x: Decimal, decimals: int) -> None:
    scaled = abs(x) * 10**decimals
    whole = int(scaled)
    if scaled - whole >= D("0.5"):
        whole += 1
    expected = D(whole).scaleb(-decimals) * (-1 if x < 0 else 1)
    assert round_half_up(x, decimals) == expected


def test_format_number_is_fast() -> None:
    # A loose bound (the real figure is a few microseconds): catches an accidental slow path
    # such as Babel or a regular expression in the hot loop, not machine noise.
    values: list[Decimal | int] = [D("62.945"), D("1234567.891"), 1013, D("-0.004")]
    start = time.perf_counter()
    for _ in range(5_000):
        for v in values:
            format_number(v, 2)
    per_call = (time.perf_counter() - start) / 20_000
    assert per_call < 50e-6
