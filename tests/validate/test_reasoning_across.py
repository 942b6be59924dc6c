"""Reasoning across units: a ward's cell breaks its own relation and the total row's column sum
at once, and the two findings name the same cell; a wrong total row is named as such; what the
figures cannot decide is still said."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportgen.app import pipeline
from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.validate.findings import Finding
from reportgen.validate.reasoning import explain
from reportgen.validate.report import format_table
from reportgen.validate.runner import prepare_checks, validate
from tests.fixtures.projects import write_project
from tests.helpers import sample_project

TOTAL = "Tổng cộng"
CITY = "thành phố Hòa An"
INDICATORS = {
    "dau": {"label": "Hộ nghèo đầu năm", "unit": "hộ", "column": "dau"},
    "giam": {"label": "Hộ thoát nghèo", "unit": "hộ", "column": "giam"},
    "tang": {"label": "Hộ nghèo phát sinh", "unit": "hộ", "column": "tang"},
    "cuoi": {"label": "Hộ nghèo cuối năm", "unit": "hộ", "column": "cuoi"},
    "the": {"label": "Số thẻ BHYT", "unit": "thẻ", "column": "the"},
}
MOVEMENT = {
    "check": "movement",
    "start": "dau",
    "decreases": ["giam"],
    "increases": ["tang"],
    "end": "cuoi",
}
# three wards and the total row (160 − 19 + 6 = 147), each ward's movement adding up
ROWS = {
    "Xã A": {"dau": "50", "giam": "6", "tang": "2", "cuoi": "46", "the": "10"},
    "Xã B": {"dau": "80", "giam": "9", "tang": "3", "cuoi": "74", "the": "20"},
    "Xã C": {"dau": "30", "giam": "4", "tang": "1", "cuoi": "27", "the": "15"},
    TOTAL: {"dau": "160", "giam": "19", "tang": "6", "cuoi": "147", "the": "45"},
}


@dataclass
class Case:
    id: str
    unit: str  # the row changed
    column: str
    text: str
    first: tuple[str | None, str, int]  # (unit of the first suspect, its cell, value to write)
    decided: bool
    named: tuple[tuple[str | None, str], ...] = ()  # more suspects the reasoning must name


CASES = [
    Case(
        "a ward's movement figure wrong, the total row right: that ward's cell",
        "Xã B",
        "giam",
        "7",
        (None, "giam", 9),
        True,
    ),
    Case(
        "the total row's movement figure wrong, the wards right: the total row's cell",
        TOTAL,
        "giam",
        "17",
        (None, "giam", 19),
        True,
    ),
    Case(
        "a figure only the total row reads, one off: the ward or the total row, undecided",
        "Xã A",
        "the",
        "11",
        ("Xã A", "the", 10),
        False,
        named=((None, "the"),),
    ),
]


def _check(tmp_path: Path, case: Case) -> list[Finding]:
    rows = [{"don_vi": name, **cells} for name, cells in ROWS.items()]
    for r in rows:
        if r["don_vi"] == case.unit:
            r[case.column] = case.text
    path = write_project(
        tmp_path,
        indicators=INDICATORS,
        checks=[MOVEMENT],
        rows=rows,
        data={"total_row": TOTAL},
    )
    config = load_config(path)
    return validate(config, load_dataset(config))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reasoning_across_the_wards_and_the_total_row(tmp_path: Path, case: Case) -> None:
    found = _check(tmp_path, case)
    assert found and all(f.severity == "error" for f in found)
    f = next(f for f in found if f.suspects)
    first = f.suspects[0]
    assert (first["unit"], first["indicator"], first["expected"]) == (
        case.first[0],
        case.first[1],
        Decimal(case.first[2]),
    ), f.extra["reasoning"]
    # a suspect of another row than the finding's says whose it is
    own = case.unit == TOTAL or case.first[0] is None
    assert f.unit == (CITY if case.unit == TOTAL or not own else case.unit)
    assert f.extra["decided"] is case.decided
    named = {(s["unit"], s["indicator"]) for s in f.suspects}
    assert set(case.named) <= named
    if not case.decided:
        assert f.extra["reasoning"].startswith("số liệu không đủ để biết ô nào sai")


def test_a_wrong_ward_cell_is_one_mistake_with_the_total_row_under_it(tmp_path: Path) -> None:
    found = _check(tmp_path, CASES[0])
    ward, city = found
    assert (ward.check, ward.unit, city.check, city.unit) == ("movement", "Xã B", "city_sum", CITY)
    # the total row's cell is never blamed: its finding follows from the ward's cell
    assert city.extra["consequence_of"] == ["giam"] and city.extra["explained_by"] == "Xã B"
    assert city.extra["reasoning"] == ward.extra["reasoning"]
    assert ward.extra["reasoning"].endswith("cả 2 phép kiểm tra đều khớp, kể cả dòng tổng")
    lines = format_table(found).splitlines()
    assert lines[0].startswith("✗ lỗi       ô nghi sai   Xã B: ô nghi sai nhất: Hộ thoát nghèo")
    assert "↳ city_sum" in lines[2] and "ở dòng tổng" in lines[2]
    assert (
        lines[-1]
        == "Kết quả: 1 lỗi ở 1 đơn vị (gồm 2 phép kiểm tra không khớp), 0 cảnh báo, 0 ghi chú."
    )


def test_the_total_rows_explanation_names_the_broken_ward_not_itself(tmp_path: Path) -> None:
    found = _check(tmp_path, CASES[0])
    (city,) = [f for f in found if f.unit == CITY]
    # asked alone (without the ward's findings), the total row's finding still names the ward
    config = load_config(tmp_path / "configs" / "thu-nghiem.yaml")
    ds = load_dataset(config)
    got = explain(config, ds, ds.total, prepare_checks(config), [city], config.indicator_order())
    assert got is not None and got.decided
    assert [(s.unit, s.indicator.id) for s in got.suspects[0]] == [("Xã B", "giam")]
    assert all(s.unit is not None for g in got.suspects for s in g)


def test_a_total_row_finding_names_the_total_rows_cell_on_its_own_sheet(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    book = tmp_path / "inputs" / "giam-ngheo-2024-bieu-mau.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["Biểu 02"]
    rows = {r[1].value: r for r in ws.iter_rows()}
    total_row = rows["Tổng cộng"][0].row
    (cell,) = [c for c in rows["Phường Trần Phú"] if c.value == 538]
    cell.value = 548  # Tổng kinh phí of one ward mistyped
    wb.save(book)
    result = pipeline.check(config, data_file=book)
    (city,) = [f for f in result.findings if f.check == "city_sum"]
    assert city.location is not None
    assert (city.location.sheet, city.location.row) == ("Biểu 02", total_row)
    assert city.extra["explained_by"] == "Phường Trần Phú"


def test_a_total_row_that_follows_the_wards_does_not_hide_the_ward_cell(tmp_path: Path) -> None:
    # an Excel SUM in the total row: the ward's mistake is in the total row too
    rows = [{"don_vi": name, **cells} for name, cells in ROWS.items()]
    rows[1]["giam"] = "7"
    rows[3]["giam"] = "17"
    path = write_project(
        tmp_path, indicators=INDICATORS, checks=[MOVEMENT], rows=rows, data={"total_row": TOTAL}
    )
    config = load_config(path)
    found = validate(config, load_dataset(config))
    ward = next(f for f in found if f.unit == "Xã B")
    assert "giam" in {s["indicator"] for s in ward.suspects}, ward.extra["reasoning"]
    assert "dòng tổng đang bằng tổng các đơn vị" in ward.extra["reasoning"]
