"""What a template prints for a figure: the Vietnamese way, in its unit, never a machine number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2 import UndefinedError

from reportgen.templating.environment import make_env
from reportgen.templating.figure import Figure, FigureMeta

MONEY = FigureMeta("Kinh phí", "triệu đồng", "money", 1, None)
RATE = FigureMeta("Tỷ lệ", "%", "percent", 2, None)
COUNT = FigureMeta("Hộ", "hộ", "count", 0, None)

FIGURES = {
    "tong": Figure(Decimal("538.0"), MONEY),
    "giai_ngan": Figure(Decimal("494.4"), MONEY),
    "dau": Figure(Decimal("1.71"), RATE),
    "cuoi": Figure(Decimal("1.35"), RATE),
    "chi_tieu": Figure(Decimal("1.35"), RATE),
    "exact": Figure(Decimal("1.352225537864401828"), RATE),
    "ho": Figure(Decimal("1013"), COUNT),
    "tang": Figure(Decimal("-0.05"), FigureMeta("Mức giảm", "%", "number", 2, None)),
    "x": Figure(Decimal("2.345"), FigureMeta("x", "", "number", 3, None)),
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ tong }} / {{ dau }} / {{ ho }}", "538,0 triệu đồng / 1,71% / 1.013"),
        ("{{ (tong - giai_ngan) | tien }}", "43,6 triệu đồng"),
        ("{{ (tong - giai_ngan) | chu_tien }}", "Bốn mươi ba triệu sáu trăm nghìn đồng chẵn"),
        ("{{ (dau - cuoi) | diem }}", "0,36 điểm phần trăm"),
        ("{{ tang | diem }}", "-0,05 điểm phần trăm"),
        ("{{ x | round(2) }}", "2,35"),
        ("{{ tong * 2 }}", "1.076,0"),
        ("{{ exact | danh_gia(chi_tieu, lower_is_better=true) }}", "đạt"),
        ("{{ tang | thay_doi(dau) }}", "tăng 1,76 điểm phần trăm (từ -0,05% lên 1,71%)"),
    ],
    ids=[
        "plain-figures",
        "difference-keeps-unit",
        "difference-in-words",
        "rate-difference",
        "negative-points-keep-sign",
        "round-half-up",
        "product-is-vietnamese",
        "verdict-on-printed-figures",
        "points-for-percent-unit",
    ],
)
@pytest.mark.parametrize("autoescape", [True, False], ids=["document", "yaml-text"])
def test_template_prints_figures_the_vietnamese_way(
    source: str, expected: str, autoescape: bool
) -> None:
    assert make_env(autoescape=autoescape).from_string(source).render(FIGURES) == expected


def test_a_misspelt_name_in_a_filter_names_the_name() -> None:
    with pytest.raises(UndefinedError, match="tongg"):
        make_env().from_string("{{ tongg | so }}").render(FIGURES)


def test_an_unknown_money_unit_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="triệu đồng"):
        make_env().from_string("{{ tong | tien('triệu') }}").render(FIGURES)
