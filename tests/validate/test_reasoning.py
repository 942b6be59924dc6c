"""Reasoning across a unit's findings: the cell to fix, its value, the shape of the mistake,
and saying so when the data cannot decide."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.validate.findings import Finding
from reportgen.validate.runner import validate
from reportgen.validate.shapes import copied_shape, relation_shape
from tests.fixtures.projects import SampleCopy, write_project

UNIT = "Xã Thử"


def count(label: str, col: str) -> dict[str, Any]:
    return {"label": label, "unit": "hộ", "column": col}


def rate(label: str, col: str) -> dict[str, Any]:
    return {"label": label, "unit": "%", "column": col}


# tong = a + b + c; tl_a = a / tong; tl_b = b / tong (consistent: 1.000 = 120 + 300 + 580)
SYSTEM = {
    "tong": count("Tổng số hộ", "tong"),
    "a": count("Hộ nhóm A", "a"),
    "b": count("Hộ nhóm B", "b"),
    "c": count("Hộ nhóm C", "c"),
    "tl_a": rate("Tỷ lệ nhóm A", "tl_a"),
    "tl_b": rate("Tỷ lệ nhóm B", "tl_b"),
}
SUM = {"check": "sum", "total": "tong", "parts": ["a", "b", "c"]}
RATE_A = {"check": "percentage", "value": "tl_a", "part": "a", "total": "tong"}
RATE_B = {"check": "percentage", "value": "tl_b", "part": "b", "total": "tong"}
GOOD = {"tong": "1.000", "a": "120", "b": "300", "c": "580", "tl_a": "12,00", "tl_b": "30,00"}


@dataclass
class System:
    id: str
    checks: list[dict[str, Any]]
    changes: dict[str, str]
    suspects: list[str]  # the first explanation's cells
    values: list[str | None]  # the value each should take (None: a range)
    decided: bool
    named: tuple[str, ...] = ()  # more cells the reasoning must name (undecided)
    says: tuple[str, ...] = ()


SYSTEMS = [
    System("one wrong part", [SUM, RATE_A, RATE_B], {"a": "150"}, ["a"], ["120"], True),
    System("one wrong total", [SUM, RATE_A, RATE_B], {"tong": "1.100"}, ["tong"], ["1000"], True),
    System(
        "a wrong base shared by two rates",
        [RATE_A, RATE_B],
        {"tong": "1.090"},
        ["tong"],
        ["1000"],
        True,
        says=("cả 2 phép kiểm tra",),
    ),
    System(
        "two wrong cells",
        [SUM, RATE_A, RATE_B],
        {"a": "130", "b": "310"},
        ["a", "b"],
        ["120", "300"],
        True,
        says=("hai ô nghi sai nhất",),
    ),
    System(
        "an undecidable pair: a total and one part, nothing else",
        [SUM],
        {"c": "590"},
        [],
        [],
        False,
        named=("c", "tong"),
        says=("số liệu không đủ để biết ô nào sai",),
    ),
]


@pytest.mark.parametrize("case", SYSTEMS, ids=[c.id for c in SYSTEMS])
def test_reasoning_names_the_cells_to_fix(tmp_path: Path, case: System) -> None:
    row = {"don_vi": UNIT, **GOOD, **case.changes}
    path = write_project(tmp_path, indicators=SYSTEM, checks=case.checks, rows=[row])
    config = load_config(path)
    ds = load_dataset(config)
    found = validate(config, ds, ds.units)
    assert found and all(f.severity == "error" for f in found)
    f = found[0]
    groups = f.extra["suspect_groups"]
    if case.suspects:
        assert [s["indicator"] for s in groups[0]] == case.suspects, f.extra["reasoning"]
        assert [s["expected"] and format(s["expected"], "f") for s in groups[0]] == case.values
    assert f.extra["decided"] is case.decided
    named = {s["indicator"] for g in groups for s in g}
    assert set(case.named) <= named
    for words in case.says:
        assert words in f.extra["reasoning"]
    # every finding it explains carries the same suspects
    assert all(g.extra.get("reasoning") == f.extra["reasoning"] for g in found)


def test_a_consequence_is_grouped_under_its_suspect(tmp_path: Path) -> None:
    row = {"don_vi": UNIT, **GOOD, "tong": "1.090"}
    path = write_project(tmp_path, indicators=SYSTEM, checks=[RATE_A, RATE_B], rows=[row])
    config = load_config(path)
    ds = load_dataset(config)
    found = validate(config, ds, ds.units)
    assert {f.indicators[0] for f in found} == {"tl_a", "tl_b"}
    assert all(f.extra["consequence_of"] == ["tong"] for f in found)


# --- mistake shapes ---------------------------------------------------------------------------

D = Decimal


@pytest.mark.parametrize(
    ("stated", "right", "money", "count", "code"),
    [
        (D("538000000"), D("538"), True, False, "dong-for-trieu"),
        (D("4945"), D("494.5"), True, False, "decimal-x10"),
        (D("1.13"), D("113"), False, False, "decimal-div100"),
        (D("538000"), D("538"), True, False, "thousand"),
        (D("4558"), D("45.58"), False, False, "decimal-x100"),
        (D("0.99"), D("9.9"), False, False, "decimal-div10"),
        (D("4585"), D("4558"), False, True, "swapped-digits"),
        (D("1827"), D("1847"), False, True, "digit-typo"),
        (D("1"), D("10"), False, True, None),  # a count cannot have lost a decimal comma
        (D("1827"), D("1841"), False, True, None),
    ],
    ids=[
        "đồng typed for triệu",
        "a moved decimal comma ×10",
        "a moved decimal comma ÷100",
        "money typed in nghìn đồng",
        "a moved decimal comma ×100",
        "a moved decimal comma ÷10",
        "two swapped digits",
        "one mistyped digit",
        "no comma in a count",
        "two digits changed is no known shape",
    ],
)
def test_shape_of_a_mistake(
    stated: Decimal, right: Decimal, money: bool, count: bool, code: str | None
) -> None:
    shape = relation_shape(stated, right, money, count)
    assert (shape.code if shape else None) == code


@pytest.mark.parametrize(
    ("stated", "previous", "neighbours", "code"),
    [
        (D("4525"), D("4525"), {}, "last-year"),
        (D("4525"), None, {"cột bên cạnh (tong_so_ho_dau_ky)": D("4525")}, "neighbour"),
        (D("1.13"), None, {"dòng bên cạnh (Xã A)": D("1.13")}, "neighbour"),
        (D("14"), None, {"cột bên cạnh (ho_ngheo_dtts)": D("14")}, "neighbour"),  # weakly
        (D("19"), D("19"), {}, None),  # a small figure often stays the same from year to year
        (D("4"), None, {"cột bên cạnh (a)": D("4")}, None),  # equal by chance too often
    ],
    ids=[
        "last year's value",
        "neighbouring column",
        "neighbouring row",
        "a two-digit neighbour",
        "a small figure like last year's",
        "a one-digit neighbour",
    ],
)
def test_copied_value(
    stated: Decimal, previous: Decimal | None, neighbours: dict[str, Decimal], code: str | None
) -> None:
    shape = copied_shape(stated, previous, neighbours)
    assert (shape.code if shape else None) == code


# --- on the sample report ---------------------------------------------------------------------

TP = "Phường Trần Phú"


def _first(found: list[Finding], unit: str) -> Finding:
    return next(f for f in found if f.unit == unit and f.extra.get("suspects"))


@pytest.mark.parametrize(
    ("column", "text", "suspect", "value", "shape"),
    [
        ("tong_so_ho", "4.585", "tong_so_ho", "4558", "swapped-digits"),
        ("kinh_phi_tong", "538000000", "kinh_phi_tong", "538.0", "dong-for-trieu"),
        ("ty_le_ho_ngheo", "9,9", "ty_le_ho_ngheo", "0.99", "decimal-x10"),
        ("ho_ngheo_cuoi_ky", "54", "ho_ngheo_cuoi_ky", "45", "swapped-digits"),
        ("tong_so_ho_dau_ky", "4.558", "tong_so_ho_dau_ky", "4525", "neighbour"),
        ("tong_so_ho", "4.525", "tong_so_ho", "4558", "last-year"),
    ],
    ids=[
        "total households, swapped digits: two rates and the total row agree on it",
        "money typed in đồng",
        "a rate with a moved comma",
        "poor households at the end of the year: movement and rate agree on it",
        "opening households copied from the next column",
        "total households: last year's figure copied",
    ],
)
def test_sample_names_the_changed_cell_first(
    sample: SampleCopy, column: str, text: str, suspect: str, value: str | None, shape: str
) -> None:
    sample.set_cell(TP, column, text)
    _, _, found = sample.check()
    f = _first(found, TP)
    first = f.suspects[0]
    assert first["indicator"] == suspect, f.extra["reasoning"]
    assert (first["expected"] and format(first["expected"], "f")) == value
    assert first["shape"]["code"] == shape
    says = "ô nghi sai nhất: " if f.extra["decided"] else "số liệu không đủ để biết ô nào sai"
    assert f.extra["reasoning"].startswith(says)
    assert (
        f"dòng {sample.row_of(TP)}, cột {column} ({sample.letter(column)})"
        in (f.extra["reasoning"])
    )
