"""Guards against figures that would be silently wrong in a report: a total row read as a ward,
cells shifted by an unquoted decimal comma, figures with more decimals than the report shows,
Excel formats with a literal "%"."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportgen.app import pipeline
from reportgen.data.reader import _is_percent_format
from reportgen.diagnostics.errors import DataError
from tests.fixtures.projects import read_rows, write_rows
from tests.helpers import drop_total_row, edit_cell, sample_project


def add_row(csv_path: Path, name: str, like: str) -> None:
    rows = read_rows(csv_path)
    model = next(r for r in rows if r[0] == like)
    write_rows(csv_path, [*rows, [name, *model[1:]]])


@pytest.mark.parametrize(
    "name",
    ["Toàn thành phố", "Tổng cộng", "TỔNG SỐ", "thành phố Hòa An"],
    ids=["toan-thanh-pho", "tong-cong", "tong-so-upper", "total-name"],
)
def test_a_total_row_not_declared_is_refused_instead_of_counted_as_a_ward(
    tmp_path: Path, name: str
) -> None:
    config = sample_project(tmp_path)
    drop_total_row(config)
    add_row(tmp_path / "inputs" / "giam-ngheo-2024.csv", name, "Xã Song Mai")
    with pytest.raises(DataError) as err:
        pipeline.check(config)
    text = err.value.format()
    assert f'dòng "{name}" có vẻ là dòng tổng' in text and "total_row" in text
    assert "dòng 14" in text


def test_a_ward_whose_name_only_looks_similar_is_still_a_ward(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    for csv_name in ("giam-ngheo-2024.csv", "giam-ngheo-2023.csv"):
        path = tmp_path / "inputs" / csv_name
        path.write_text(
            path.read_text(encoding="utf-8-sig").replace("Xã Tân Tiến", "Xã Toàn Thắng"),
            encoding="utf-8-sig",
        )
    result = pipeline.check(config)
    assert result.summary.errors == 0
    assert "Xã Toàn Thắng" in [u.name for u in result.dataset.units]


def test_the_previous_periods_total_row_is_not_a_ward(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = read_rows(tmp_path / "inputs" / "giam-ngheo-2023.csv")
    totals = ["Tổng cộng"] + [
        str(sum(int(r[i].replace(".", "")) for r in rows[1:])) for i in range(1, len(rows[0]))
    ]
    write_rows(tmp_path / "inputs" / "giam-ngheo-2023.csv", [*rows, totals])
    result = pipeline.check(config)
    assert result.summary.errors == 0, [f.message for f in result.findings]


def test_a_row_longer_than_the_header_is_an_error_naming_the_row(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = read_rows(tmp_path / "inputs" / "giam-ngheo-2024.csv")
    rows[3] = [*rows[3], "4"]
    write_rows(tmp_path / "inputs" / "giam-ngheo-2024.csv", rows)
    with pytest.raises(DataError) as err:
        pipeline.check(config)
    text = err.value.format()
    assert "dòng 4" in text and "ô nhưng dòng tiêu đề chỉ có" in text and "dấu phẩy" in text


def test_a_figure_with_more_decimals_than_declared_is_a_finding_not_a_rounded_figure(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path)
    edit_cell(
        tmp_path / "inputs" / "giam-ngheo-2024.csv", "Phường Trần Phú", "kinh_phi_tong", "538,04"
    )
    result = pipeline.check(config)
    found = [f for f in result.findings if f.check == "data" and f.unit == "Phường Trần Phú"]
    assert len(found) == 1
    assert '"538,04" có nhiều chữ số thập phân hơn khai báo' in found[0].message
    assert "decimals: 1" in found[0].message


@pytest.mark.parametrize(
    ("number_format", "percent"),
    [
        ("0.00%", True),
        ("0%", True),
        ('0.00"%"', False),
        ("0.00\\%", False),
        ('[Red]0.00;"% âm"', False),
        ("#,##0.00", False),
    ],
    ids=["percent", "percent-whole", "quoted", "escaped", "quoted-in-second-section", "plain"],
)
def test_only_a_real_percent_format_scales_a_cell(number_format: str, percent: bool) -> None:
    assert _is_percent_format(number_format) is percent


def _flat_workbooks(config: Path) -> None:
    """Drop the sample's data.workbook block: these workbooks have the CSV's flat header."""
    text = config.read_text(encoding="utf-8")
    start = text.index("  workbook:")
    end = text.index("\nindicators:")
    config.write_text(text[:start] + text[end + 1 :], encoding="utf-8")


def test_a_workbook_figure_is_taken_as_shown_at_its_declared_decimals(tmp_path: Path) -> None:
    # Excel shows a formula's 0,139797… as 0,14; the report states 0,14 and the checks judge it
    config = sample_project(tmp_path)
    _flat_workbooks(config)
    rows = read_rows(tmp_path / "inputs" / "giam-ngheo-2024.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    col = rows[0].index("giam_ty_le_ho_ngheo")
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if r > 1 and c - 1 != 0 and c - 1 not in (1, 2) and text:
                value: object = Decimal(text.replace(".", "").replace(",", "."))
                if c - 1 == col:
                    value = float(value) + 0.0000123  # full precision behind the display
                ws.cell(r, c, float(value) if isinstance(value, Decimal) else value)
            else:
                ws.cell(r, c, text)
    wb.save(tmp_path / "inputs" / "so-lieu.xlsx")
    result = pipeline.check(config, data_file=tmp_path / "inputs" / "so-lieu.xlsx")
    assert result.summary.errors == 0, [f.message for f in result.findings][:3]
    first = result.dataset.units[0]
    assert first.values["giam_ty_le_ho_ngheo"] == Decimal(rows[1][col].replace(",", "."))
