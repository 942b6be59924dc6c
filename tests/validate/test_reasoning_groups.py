"""Reasoning with the group rows of a clerk's workbook ("Khối phường", "Khối xã"): each group
row is one more sum over its units' cells, so a wrong figure that only the column sums read is
found in its group, a group row's own figure is named, and the group row's finding is shown
under the cell that puts it right."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportgen.app import pipeline
from reportgen.validate.findings import Finding
from reportgen.validate.report import format_table, independent_errors
from tests.helpers import sample_project

WORKBOOK = "inputs/giam-ngheo-2024-bieu-mau.xlsx"
CITY = "thành phố Hòa An"
WARDS = {  # Khối phường on Biểu 01, rows 11–17
    "Phường Trần Phú",
    "Phường Ngô Quyền",
    "Phường Hoàng Văn Thụ",
    "Phường Lê Lợi",
    "Phường Hòa Bình",
    "Phường Thọ Xương",
    "Phường Mỹ Độ",
}


@dataclass
class Case:
    id: str
    cell: str  # on Biểu 01 (F: Tổng số nhân khẩu; row 9 total, 10 Khối phường, 16 Thọ Xương)
    value: int
    first: tuple[str | None, str, int]  # (unit of the first suspect, its row, value to write)
    decided: bool
    total_row: bool = True


CASES = [
    Case("ward figure, swapped digits", "F16", 20817, ("Phường Thọ Xương", "16", 20871), True),
    Case("total row figure", "F9", 179711, (None, "9", 179771), True),
    Case("group row figure", "F10", 134778, ('dòng nhóm "Khối phường"', "10", 134787), True),
    Case(
        "ward figure, no total row: the whole-city row is a group",
        "F16",
        20817,
        ("Phường Thọ Xương", "16", 20871),
        True,
        total_row=False,
    ),
]


def _check(tmp_path: Path, cell: str, value: int, total_row: bool = True) -> list[Finding]:
    config = sample_project(tmp_path)
    if not total_row:  # "Tổng cộng" stays declared in data.workbook.groups
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^  total_row: .*\n", "", text, count=1), encoding="utf-8")
    book = tmp_path / WORKBOOK
    wb = openpyxl.load_workbook(book)
    wb["Biểu 01"][cell] = value
    wb.save(book)
    return pipeline.check(config, data_file=book).findings


def _first(findings: list[Finding]) -> Finding:
    return next(f for f in findings if f.suspects)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_group_rows_name_the_cell(tmp_path: Path, case: Case) -> None:
    findings = _check(tmp_path, case.cell, case.value, case.total_row)
    errors = [f for f in findings if f.severity == "error"]
    head = _first(errors)
    unit, row, value = case.first
    first = head.suspects[0]
    assert (first["unit"], str(first["location"]["row"])) == (unit, row)
    assert first["expected"] == Decimal(value)
    assert head.extra["decided"] is case.decided
    # one mistake: every finding is grouped under the suspect and counted once
    assert independent_errors(errors) == 1
    assert all(f.extra.get("reasoning") == head.extra["reasoning"] for f in errors)


def test_group_row_finding_is_shown_under_the_ward(tmp_path: Path) -> None:
    findings = _check(tmp_path, "F16", 20817)
    group = next(f for f in findings if f.check == "data")
    assert group.extra["consequence_of"] == ["tong_so_khau"]
    table = format_table(findings).splitlines()
    assert table[0].startswith("✗ lỗi       ô nghi sai   thành phố Hòa An: ô nghi sai nhất: ")
    assert 'kể cả dòng nhóm "Khối phường"' in table[0]
    assert table[1].lstrip().startswith("↳ data") and "Khối phường" in table[1]
    assert table[2].lstrip().startswith("↳ city_sum")
    assert table[-1].startswith("Kết quả: 1 lỗi ở 1 đơn vị (gồm 2 phép kiểm tra")


def test_undecidable_typo_stays_within_its_group(tmp_path: Path) -> None:
    """20.871 → 20.771: any ward of Khối phường with a hundreds digit below 9 could be the
    one; the wards of Khối xã and the total row cannot (their rows agree)."""
    findings = _check(tmp_path, "F16", 20771)
    head = _first(findings)
    assert head.extra["decided"] is False
    assert "số liệu không đủ để biết ô nào sai" in head.extra["reasoning"]
    units = {s["unit"] for s in head.suspects}
    assert "Phường Thọ Xương" in units and units <= WARDS


def test_consistent_workbook_has_no_findings(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    findings = pipeline.check(config, data_file=tmp_path / WORKBOOK).findings
    assert [f for f in findings if f.severity == "error"] == []


def test_mark_colours_a_suspect_on_its_own_sheet(tmp_path: Path) -> None:
    """Số thẻ BHYT of Xã Tân Mỹ is on the second sheet (Biểu 02, N20): it is marked there, the
    total and group rows it explains lightly, and the summary links to that sheet."""
    from reportgen.validate.mark import mark_workbook

    config = sample_project(tmp_path)
    book = tmp_path / WORKBOOK
    wb = openpyxl.load_workbook(book)
    wb["Biểu 02"]["N20"] = 3280  # 328 typed with a moved decimal comma
    wb.save(book)
    before = book.read_bytes()
    result = pipeline.check(config, data_file=book)
    out = tmp_path / "danh-dau.xlsx"
    out.write_bytes(mark_workbook(result.findings, result.dataset, book))
    assert book.read_bytes() == before
    marked = openpyxl.load_workbook(out)
    assert marked.sheetnames == ["Kết quả kiểm tra", "Biểu 01", "Biểu 02"]
    sheet = marked["Biểu 02"]
    assert sheet["N20"].value == 3280
    assert sheet["N20"].fill.start_color.rgb.endswith("FFC7CE")
    assert "328 thẻ" in sheet["N20"].comment.text
    for ref in ("N8", "N17"):  # the total row and Khối xã: they follow from it
        assert sheet[ref].fill.start_color.rgb.endswith("FFF2CC"), ref
    assert marked["Biểu 01"]["N20"].fill.fill_type is None
    links = [c.hyperlink.location for c in marked["Kết quả kiểm tra"]["D"] if c.hyperlink]
    assert "'Biểu 02'!N20" in links
