"""Phrases that follow the figures: direction and size, lists without zero items, a total before
its parts, evaluation by declared thresholds, decimals trimmed in sentences."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.config.model import Level
from reportgen.templating.environment import make_env
from reportgen.templating.figure import Figure, FigureMeta

HO = FigureMeta("Hộ nghèo", "hộ", "count", 0, phrase="hộ nghèo")
RATE = FigureMeta("Tỷ lệ hộ nghèo", "%", "percent", 2)
MONEY = FigureMeta("Kinh phí", "triệu đồng", "money", 1, trim=True, rounded=True)
DISBURSED = FigureMeta(
    "Tỷ lệ giải ngân",
    "%",
    "percent",
    2,
    trim=True,
    levels=(
        Level(text="cơ bản hoàn thành", min=Decimal(95)),
        Level(text="còn chậm", max=Decimal("94.99")),
    ),
)


def fig(
    value: str, meta: FigureMeta = HO, phrase: str | None = None, none: str | None = None
) -> Figure:
    if phrase is not None or none is not None:
        meta = FigureMeta(
            meta.label, meta.unit, meta.kind, meta.decimals, phrase=phrase or "", none_text=none
        )
    return Figure(Decimal(value), meta)


def render(source: str, **ctx: object) -> str:
    return make_env(autoescape=False).from_string(source).render(ctx)


@pytest.mark.parametrize(
    ("old", "new", "meta", "expected"),
    [
        ("46", "40", HO, "giảm 6 hộ"),
        ("40", "40", HO, "không thay đổi"),
        ("38", "40", HO, "tăng 2 hộ"),
        ("1.79", "1.74", RATE, "giảm 0,05 điểm phần trăm"),
        ("1.744", "1.736", RATE, "không thay đổi"),  # both print as 1,74%
        ("538.0", "540.0", MONEY, "tăng 2 triệu đồng"),  # trimmed in a sentence
    ],
    ids=["decrease", "unchanged", "increase", "rate in points", "same once rounded", "money"],
)
def test_movement_phrase_names_direction_and_size(
    old: str, new: str, meta: FigureMeta, expected: str
) -> None:
    assert render("{{ a | bien_dong(b) }}", a=fig(old, meta), b=fig(new, meta)) == expected


@given(st.integers(0, 5000), st.integers(0, 5000))
def test_movement_phrase_gives_back_the_second_figure(a: int, b: int) -> None:
    text = render("{{ a | bien_dong(b) }}", a=fig(str(a)), b=fig(str(b)))
    m = re.fullmatch(r"(tăng|giảm) ([\d.]+) hộ|không thay đổi", text)
    assert m is not None
    size = int(m.group(2).replace(".", "")) if m.group(2) else 0
    assert a + (size if m.group(1) == "tăng" else -size) == b


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("4", "0", "2"), "4 hộ phát sinh mới và 2 hộ tái nghèo"),
        (("0", "0", "1"), "1 hộ tái nghèo"),
        (("1", "2", "3"), "1 hộ phát sinh mới, 2 hộ chuyển đến và 3 hộ tái nghèo"),
        (("0", "0", "0"), "không có hộ phát sinh mới hoặc hộ chuyển đến hoặc hộ tái nghèo"),
    ],
    ids=["zero dropped", "one left", "three", "all zero"],
)
def test_list_drops_zero_items(values: tuple[str, str, str], expected: str) -> None:
    a, b, c = (
        fig(values[0], phrase="hộ phát sinh mới"),
        fig(values[1], phrase="hộ chuyển đến"),
        fig(values[2], phrase="hộ tái nghèo"),
    )
    assert render("{{ [a, b, c] | liet_ke }}", a=a, b=b, c=c) == expected


def test_a_single_zero_item_says_its_declared_none_phrase() -> None:
    tai_ngheo = fig("0", phrase="hộ tái nghèo", none="không có hộ tái nghèo")
    assert render("{{ [t] | liet_ke }}", t=tai_ngheo) == "không có hộ tái nghèo"
    assert render("{{ [t] | liet_ke(none='không') }}", t=tai_ngheo) == "không"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("4", "3"), "tăng 7 hộ, gồm: 4 hộ phát sinh mới và 3 hộ tái nghèo"),
        (("4", "0"), "tăng 4 hộ (hộ phát sinh mới)"),
        (("0", "0"), "không tăng"),
    ],
    ids=["two parts", "one part", "none"],
)
def test_total_comes_before_its_parts(values: tuple[str, str], expected: str) -> None:
    a = fig(values[0], phrase="hộ phát sinh mới")
    b = fig(values[1], phrase="hộ tái nghèo")
    assert render("{{ [a, b] | gom('tăng', none='không tăng') }}", a=a, b=b) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("99.70", "cơ bản hoàn thành"), ("95.00", "cơ bản hoàn thành"), ("91.90", "còn chậm")],
    ids=["above", "at the threshold", "below"],
)
def test_evaluation_phrase_follows_declared_thresholds(value: str, expected: str) -> None:
    assert render("{{ x | muc }}", x=fig(value, DISBURSED)) == expected


def test_evaluation_without_declared_levels_is_an_error_naming_the_indicator() -> None:
    with pytest.raises(ValueError, match=r"Hộ nghèo.*levels"):
        render("{{ x | muc }}", x=fig("3"))


@pytest.mark.parametrize(
    ("source", "value", "meta", "expected"),
    [
        ("{{ x | phan_tram }}", "91.90", DISBURSED, "91,9%"),
        ("{{ x | bang }}", "91.90", DISBURSED, "91,90"),
        ("{{ x | tien }}", "538.0", MONEY, "538 triệu đồng"),
        ("{{ x | bang }}", "538.0", MONEY, "538,0"),
        ("{{ x }}", "538.04", MONEY, "538 triệu đồng"),
        ("{{ x | phan_tram }}", "91.90", RATE, "91,90%"),
    ],
    ids=["rate trimmed", "rate in a table", "money trimmed", "money in a table", "bare", "fixed"],
)
def test_decimals_trimmed_in_sentences_fixed_in_tables(
    source: str, value: str, meta: FigureMeta, expected: str
) -> None:
    assert render(source, x=fig(value, meta)) == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (MONEY, "Hai mươi hai triệu đồng"),
        (FigureMeta("Kinh phí", "đồng", "money", 0), "Hai mươi hai triệu đồng chẵn"),
    ],
    ids=["rounded to 0,1 triệu: no chẵn", "exact đồng: chẵn"],
)
def test_amount_in_words_says_chan_only_when_exact(meta: FigureMeta, expected: str) -> None:
    value = "22.0" if meta.unit == "triệu đồng" else "22000000"
    assert render("{{ x | chu_tien }}", x=fig(value, meta)) == expected
