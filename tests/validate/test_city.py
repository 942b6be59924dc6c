"""The whole city: a total row read from the file gets the same N× rounding tolerance as a
computed one, and a report with one row for the whole city (no wards) is declared, not
guessed."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.validate.runner import validate
from tests.fixtures.projects import vi, write_project

MONEY = {"unit": "triệu đồng", "decimals": 1}
INDICATORS: dict[str, dict[str, Any]] = {
    "tong": {"label": "Tổng kinh phí", "column": "tong", **MONEY},
    "a": {"label": "Kinh phí nhà ở", "column": "a", **MONEY},
    "b": {"label": "Kinh phí sinh kế", "column": "b", **MONEY},
    "ty_le": {
        "label": "Tỷ lệ nhà ở",
        "unit": "%",
        "column": "ty_le",
        "total_formula": "a / tong * 100",
    },
}
CHECKS = [
    {"check": "sum", "total": "tong", "parts": ["a", "b"]},
    {"check": "percentage", "value": "ty_le", "part": "a", "total": "tong"},
    {"check": "not_greater", "part": "a", "total": "tong"},
]


def _q(x: Decimal, d: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def _rows(seed: int, n: int, total_style: str) -> list[dict[str, str]]:
    """Wards whose figures are rounded from unrounded amounts, and a total row that is either
    the rounded true total or the column sum of the rounded ward figures."""
    rng = random.Random(seed)
    rows = []
    true_a = true_b = Decimal(0)
    sums = {"tong": Decimal(0), "a": Decimal(0), "b": Decimal(0)}
    for i in range(n):
        a = Decimal(rng.randint(1_000, 400_000)) / 1000
        b = Decimal(rng.randint(1_000, 400_000)) / 1000
        true_a, true_b = true_a + a, true_b + b
        shown = {"tong": _q(a + b, 1), "a": _q(a, 1), "b": _q(b, 1)}
        for k, v in shown.items():
            sums[k] += v
        rows.append(
            {
                "don_vi": f"Xã Số {i + 1}",
                **{k: vi(v, 1) for k, v in shown.items()},
                "ty_le": vi(_q(a / (a + b) * 100, 2), 2),
            }
        )
    if total_style == "rounded true total":
        total = {"tong": _q(true_a + true_b, 1), "a": _q(true_a, 1), "b": _q(true_b, 1)}
    else:
        total = sums
    rate = _q(true_a / (true_a + true_b) * 100, 2)
    rows.append(
        {
            "don_vi": "Toàn thành phố",
            **{k: vi(v, 1) for k, v in total.items()},
            "ty_le": vi(rate, 2),
        }
    )
    return rows


@pytest.mark.parametrize("total_style", ["rounded true total", "column sum of rounded wards"])
@pytest.mark.parametrize("seed", range(12))
def test_a_total_row_of_rounded_figures_is_no_false_alarm(
    tmp_path: Path, seed: int, total_style: str
) -> None:
    path = write_project(
        tmp_path,
        indicators=INDICATORS,
        checks=CHECKS,
        rows=_rows(seed, 25, total_style),
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    assert ds.total_from_file
    assert [f.message for f in validate(config, ds)] == []


def test_a_wrong_total_row_is_still_found(tmp_path: Path) -> None:
    rows = _rows(3, 25, "column sum of rounded wards")
    rows[-1]["a"] = vi(Decimal(rows[-1]["a"].replace(".", "").replace(",", ".")) + 5, 1)
    path = write_project(
        tmp_path,
        indicators=INDICATORS,
        checks=CHECKS,
        rows=rows,
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    found = validate(config, ds)
    assert {f.check for f in found} >= {"city_sum", "sum"}
    assert all(f.unit == "thành phố Hòa An" for f in found)


CITY_ROW = {"don_vi": "Toàn thành phố", "tong": "538,0", "a": "332,1", "b": "205,9", "ty_le": ""}


def test_a_city_only_report_is_declared_and_checked_without_wards(tmp_path: Path) -> None:
    path = write_project(
        tmp_path,
        indicators=INDICATORS,
        checks=CHECKS,
        rows=[CITY_ROW],
        data={"city_only": True},
    )
    config = load_config(path)
    ds = load_dataset(config)
    assert ds.units == [] and ds.total_from_file
    # the blank rate of the total row is computed by its total formula, not an empty cell
    assert ds.total.values["ty_le"] == Decimal("332.1") / Decimal("538.0") * 100
    assert ds.issues == []
    assert validate(config, ds) == []


def test_a_city_only_report_still_finds_its_own_mistakes(tmp_path: Path) -> None:
    row = {**CITY_ROW, "tong": "583,0", "ty_le": "61,73"}
    path = write_project(
        tmp_path, indicators=INDICATORS, checks=CHECKS, rows=[row], data={"city_only": True}
    )
    config = load_config(path)
    ds = load_dataset(config)
    found = validate(config, ds)
    assert {f.check for f in found} == {"sum", "percentage"}
    assert found[0].suspects[0]["indicator"] == "tong"
    assert found[0].suspects[0]["shape"]["code"] == "swapped-digits"


def test_a_city_only_file_with_wards_is_refused(tmp_path: Path) -> None:
    from reportgen.diagnostics.errors import DataError

    rows = [{**CITY_ROW, "don_vi": "Xã A"}, CITY_ROW]
    path = write_project(
        tmp_path, indicators=INDICATORS, checks=CHECKS, rows=rows, data={"city_only": True}
    )
    with pytest.raises(DataError, match="city_only"):
        load_dataset(load_config(path))


def test_a_blank_rate_in_a_total_row_is_computed(tmp_path: Path) -> None:
    rows = _rows(1, 5, "column sum of rounded wards")
    rows[-1]["ty_le"] = ""
    path = write_project(
        tmp_path,
        indicators=INDICATORS,
        checks=CHECKS,
        rows=rows,
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    assert ds.issues == []
    assert ds.total.values["ty_le"] is not None
    assert validate(config, ds) == []


COUNTS: dict[str, dict[str, Any]] = {
    "tong": {"label": "Tổng số hộ", "unit": "hộ", "column": "tong"},
    "a": {"label": "Hộ nghèo", "unit": "hộ", "column": "a"},
    "b": {"label": "Hộ không nghèo", "unit": "hộ", "column": "b"},
    "tl": {
        "label": "Tỷ lệ hộ nghèo",
        "unit": "%",
        "column": "tl",
        "total_formula": "a / tong * 100",
    },
}
COUNT_CHECKS = [
    {"check": "sum", "total": "tong", "parts": ["a", "b"]},
    {"check": "percentage", "value": "tl", "part": "a", "total": "tong"},
]


def test_a_total_row_finding_caused_by_a_ward_is_grouped_under_that_ward(tmp_path: Path) -> None:
    rows = [
        {"don_vi": "Xã A", "tong": "1.000", "a": "45", "b": "955", "tl": "4,50"},
        {"don_vi": "Xã B", "tong": "2.000", "a": "130", "b": "1.870", "tl": "6,50"},
        {"don_vi": "Toàn thành phố", "tong": "3.000", "a": "175", "b": "2.825", "tl": "5,83"},
    ]
    rows[0]["a"] = "54"  # swapped digits in one ward
    path = write_project(
        tmp_path,
        indicators=COUNTS,
        checks=COUNT_CHECKS,
        rows=rows,
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    found = validate(config, ds)
    ward = [f for f in found if f.unit == "Xã A"]
    assert ward[0].suspects[0]["indicator"] == "a"
    assert ward[0].suspects[0]["expected"] == Decimal(45)
    (city,) = [f for f in found if f.check == "city_sum"]
    assert city.extra["consequence_of"] == ["a"]
    assert city.extra["explained_by"] == "Xã A"  # shown and counted under the ward's suspect
    assert city.extra["reasoning"] == ward[0].extra["reasoning"]
    assert ward[0].extra["reasoning"].endswith("kể cả dòng tổng")


def test_a_total_row_alone_against_the_wards_does_not_decide(tmp_path: Path) -> None:
    rows = [
        {"don_vi": "Xã A", "tong": "1.000", "a": "45", "b": "955", "tl": "4,50"},
        {"don_vi": "Xã B", "tong": "2.000", "a": "130", "b": "1.870", "tl": "6,50"},
        {"don_vi": "Toàn thành phố", "tong": "3.000", "a": "175", "b": "2.825", "tl": "5,83"},
    ]
    path = write_project(
        tmp_path,
        indicators={**COUNTS, "the": {"label": "Số thẻ", "unit": "thẻ", "column": "the"}},
        checks=COUNT_CHECKS,
        rows=[{**rows[0], "the": "10"}, {**rows[1], "the": "20"}, {**rows[2], "the": "31"}],
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    (city,) = validate(config, ds)
    assert city.check == "city_sum" and city.extra["decided"] is False
    assert {(s["unit"], s["indicator"]) for s in city.suspects} == {
        ("Xã A", "the"),
        ("Xã B", "the"),
        (None, "the"),
    }
    assert "số liệu không đủ để biết ô nào sai" in city.extra["reasoning"]


def test_a_ward_figure_that_only_the_total_row_reads_is_named_by_its_shape(
    tmp_path: Path,
) -> None:
    rows = [
        {"don_vi": "Xã A", "tong": "1.000", "a": "45", "b": "955", "tl": "4,50", "the": "125"},
        {"don_vi": "Xã B", "tong": "2.000", "a": "130", "b": "1.870", "tl": "6,50", "the": "2130"},
        {
            "don_vi": "Toàn thành phố",
            "tong": "3.000",
            "a": "175",
            "b": "2.825",
            "tl": "5,83",
            "the": "338",
        },
    ]  # Xã B typed 2130 for 213: a moved decimal point, seen only by the total row
    path = write_project(
        tmp_path,
        indicators={**COUNTS, "the": {"label": "Số thẻ", "unit": "thẻ", "column": "the"}},
        checks=COUNT_CHECKS,
        rows=rows,
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    ds = load_dataset(config)
    (city,) = validate(config, ds)
    first = city.suspects[0]
    assert (first["unit"], first["indicator"], first["expected"]) == ("Xã B", "the", 213)
    assert city.extra["decided"] is True
    assert city.extra["reasoning"].startswith("ô nghi sai nhất: Số thẻ của Xã B (dòng 3")
