"""Clerks' workbooks (biểu mẫu): header paths, skipped rows, column mapping, groups and
subtotals, formulas, other formats — each checked cell by cell, and through check/render."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportgen.app import pipeline
from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.data.text import expand_unit_name
from reportgen.diagnostics.errors import DataError, ErrorList, ReportgenError
from reportgen.validate.runner import validate
from tests.data.bieu_mau import COLUMNS, UNITS, project, rate, write_bieu_mau
from tests.helpers import SOFFICE, libreoffice_convert

GROUPS = ["Tổng cộng", "Khối phường", "Khối xã"]


def _load(tmp: Path, **workbook: object):  # type: ignore[no-untyped-def]
    config = project(tmp, workbook={"columns": COLUMNS, "groups": GROUPS, **workbook})
    return load_config(config), config


def test_a_biểu_mẫu_is_read_cell_by_cell(tmp_path: Path) -> None:
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx") if (
        tmp_path / "inputs"
    ).exists() else None
    (tmp_path / "inputs").mkdir(exist_ok=True)
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == [u[0] for u in UNITS]
    for unit, (_, total, start, end, near) in zip(ds.units, UNITS, strict=True):
        assert unit.values == {
            "tong_so_ho": Decimal(total),
            "ho_ngheo_dau_ky": Decimal(start),
            "ho_ngheo_cuoi_ky": Decimal(end),
            "ho_can_ngheo_cuoi_ky": Decimal(near),
            "ty_le_ho_ngheo": Decimal(str(rate(end, total))),
        }
    assert [u.row for u in ds.units] == [9, 10, 11, 13, 14]  # numbering, total, groups skipped
    assert [u.kind for u in ds.units] == ["Phường"] * 3 + ["Xã"] * 2
    assert ds.total.values["tong_so_ho"] == sum(Decimal(u[1]) for u in UNITS)
    assert ds.table.headers[3:6] == [
        "Hộ nghèo › Đầu năm",
        "Hộ nghèo › Cuối năm",
        "Hộ nghèo › Tỷ lệ (%)",
    ]
    assert any("dòng 4–5 được lấy làm tiêu đề" in n for n in ds.notes)
    assert any("từ dòng 16 trở xuống là ghi chú" in n for n in ds.notes)
    assert validate(config, ds) == []
    source = ds.source(ds.units[0], "ho_ngheo_dau_ky")
    assert source is not None and source.cell() == (
        "trang tính Biểu 01, dòng 9, cột Hộ nghèo › Đầu năm (D)"
    )


@pytest.mark.parametrize(
    ("spec", "letter"),
    [
        ("Hộ nghèo › Đầu năm", "D"),
        ("Hộ nghèo > đầu năm", "D"),
        ("(2)", "D"),
        ("D", "D"),
        ("cột D", "D"),
        ("Biểu 01!D", "D"),
        ("Tổng số hộ", "C"),
        ("Tỷ lệ", "F"),
    ],
    ids=[
        "path",
        "path-ascii-arrow-case",
        "numbering",
        "letter",
        "cot-letter",
        "sheet-letter",
        "text",
        "leaf-without-unit",
    ],
)
def test_a_column_is_mapped_by_path_text_label_or_letter(
    tmp_path: Path, spec: str, letter: str
) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, _ = _load(
        tmp_path,
        columns={**COLUMNS, "ho_ngheo_dau_ky": spec, "ty_le_ho_ngheo": COLUMNS["ty_le_ho_ngheo"]}
        if letter == "D"
        else {**COLUMNS, ("tong_so_ho" if letter == "C" else "ty_le_ho_ngheo"): spec},
    )
    ds = load_dataset(config)
    iid = {"D": "ho_ngheo_dau_ky", "C": "tong_so_ho", "F": "ty_le_ho_ngheo"}[letter]
    src = ds.source(ds.units[0], iid)
    assert src is not None and src.column is not None and src.column.endswith(f"({letter})")


def test_a_header_text_found_twice_is_refused_with_both_paths(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, _ = _load(tmp_path, columns={**COLUMNS, "ho_ngheo_dau_ky": "Đầu năm"})
    with pytest.raises(ReportgenError) as info:
        load_dataset(config)
    text = info.value.format()
    assert '"Đầu năm" khớp với 2 cột' in text
    assert '"Hộ nghèo › Đầu năm" (cột D)' in text and '"Hộ cận nghèo › Đầu năm" (cột G)' in text


def test_undeclared_subtotal_rows_never_produce_a_report(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config_path = project(tmp_path, workbook={"columns": COLUMNS})
    with pytest.raises(ErrorList) as info:
        pipeline.check(config_path)
    errors = info.value.errors
    assert [(e.code, e.location.row) for e in errors if e.location] == [
        ("data.subtotal-row", 7),
        ("data.subtotal-row", 8),
        ("data.subtotal-row", 12),
    ]
    assert 'groups: ["Khối phường"]' in (errors[1].hint or "")
    with pytest.raises(ErrorList):
        pipeline.render(config_path, out_dir=tmp_path / "kq")
    assert not (tmp_path / "kq").exists() or not list((tmp_path / "kq").rglob("*.docx"))


def test_a_subtotal_with_a_plain_name_is_caught_by_its_sum(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["A8"], ws["B8"] = None, "Vùng trung tâm"  # the wards' subtotal, renamed and unnumbered
    wb.save(path)
    config, _ = _load(tmp_path, groups=["Tổng cộng", "Khối xã"])
    with pytest.raises(DataError) as info:
        load_dataset(config)
    assert info.value.location is not None and info.value.location.row == 8
    assert "bằng tổng các dòng dưới nó (dòng 9–11)" in info.value.message


def test_declared_groups_give_the_right_city_figures_through_render(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    _, config_path = _load(tmp_path)
    result = pipeline.check(config_path)
    assert result.summary.errors == 0
    city = result.dataset.total
    assert city.values["tong_so_ho"] == 21456  # not 42.912: the total and group rows are not units
    assert city.values["ho_ngheo_cuoi_ky"] == 280
    assert len(result.dataset.units) == 5


def test_a_group_row_that_disagrees_with_its_members_is_an_error_of_the_city(
    tmp_path: Path,
) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active["D12"] = 150  # Khối xã: 61 + 88 = 149
    wb.save(path)
    config, _ = _load(tmp_path)
    found = validate(config, load_dataset(config))
    assert len(found) == 1
    (f,) = found
    assert f.severity == "error" and f.unit == "thành phố Hòa An"
    assert 'dòng nhóm "Khối xã" ghi Hộ nghèo đầu năm là 150' in f.message
    assert "tổng 2 đơn vị của nhóm (các dòng 13–14 ngay dưới) là 149" in f.message


def test_a_formula_saved_without_its_value_is_its_own_finding(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active["F9"] = "=ROUND(E9/C9*100,2)"  # written by a program: no cached value
    wb.save(path)
    config, _ = _load(tmp_path)
    (f,) = validate(config, load_dataset(config))
    assert "ô có công thức =ROUND(E9/C9*100,2) nhưng tệp không lưu giá trị đã tính" in f.message
    assert f.hint is not None and "mở tệp trong Excel" in f.hint
    assert "ô trống" not in f.message


def test_numbers_stored_as_text_follow_the_strict_vietnamese_rules(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["C9"] = "4.558"  # a number typed as text, Vietnamese style
    ws["F9"] = "0,99"
    ws["D10"] = "7.0"  # not a number under vi
    wb.save(path)
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert ds.units[0].values["tong_so_ho"] == 4558
    assert ds.units[0].values["ty_le_ho_ngheo"] == Decimal("0.99")
    (issue,) = ds.issues
    assert issue.text == "7.0" and issue.source.row == 10


def test_a_percent_formatted_cell_is_read_as_shown(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active["F9"] = 0.0099
    wb.active["F9"].number_format = "0.00%"
    wb.save(path)
    config, _ = _load(tmp_path)
    assert load_dataset(config).units[0].values["ty_le_ho_ngheo"] == Decimal("0.99")


def test_missing_columns_are_one_message_with_guesses_by_meaning(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    columns = {"ho_ngheo_cuoi_ky": "Hộ nghèo › Cuối năm"}
    config, _ = _load(tmp_path, columns=columns)
    with pytest.raises(DataError) as info:
        load_dataset(config)
    text = info.value.format()
    assert "không tìm thấy cột của 4 chỉ tiêu" in text
    near = next(
        line for line in text.splitlines() if line.strip().startswith("- ho_can_ngheo_cuoi_ky")
    )
    assert '"Hộ cận nghèo › Cuối năm" (cột H)' in near
    assert "Hộ nghèo › Cuối năm" not in near  # already mapped, and the wrong meaning
    rate_line = next(
        line for line in text.splitlines() if line.strip().startswith("- ty_le_ho_ngheo")
    )
    assert '"Hộ nghèo › Tỷ lệ (%)" (cột F)' in rate_line
    assert 'ho_can_ngheo_cuoi_ky: "Hộ cận nghèo › Cuối năm"' in (info.value.hint or "")


def test_two_sheets_are_joined_by_unit_name(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path, groups=False, total=False)
    wb = openpyxl.load_workbook(path)
    ws2 = wb.create_sheet("Biểu 02")
    ws2.append(["BIỂU 02"])
    ws2.append(["STT", "Đơn vị", "Hộ cận nghèo cuối năm"])
    for k, u in enumerate(reversed(UNITS), 1):  # another order, abbreviated names
        ws2.append([k, u[0].replace("Phường ", "P. ").replace("Xã ", "X. "), u[4] + 1000])
    wb.save(path)
    columns = {**COLUMNS, "ho_can_ngheo_cuoi_ky": "Biểu 02!Hộ cận nghèo cuối năm"}
    config, _ = _load(tmp_path, sheets=["Biểu 01", "Biểu 02"], groups=[], columns=columns)
    ds = load_dataset(config)
    got = {u.name: u.values["ho_can_ngheo_cuoi_ky"] for u in ds.units}
    assert got == {u[0]: Decimal(u[4] + 1000) for u in UNITS}
    src = ds.source(ds.units[0], "ho_can_ngheo_cuoi_ky")
    assert src is not None and (src.sheet, src.row) == ("Biểu 02", 7)


def test_rows_with_figures_below_the_notes_make_the_table_end_unclear(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active.append(["", "Xã Tân Mỹ", 2000, 30, 25, 1.25, None, 40])
    wb.save(path)
    config, _ = _load(tmp_path)
    with pytest.raises(DataError) as info:
        load_dataset(config)
    assert "không rõ bảng kết thúc ở đâu" in info.value.message
    assert "last_row: 14" in (info.value.hint or "")


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("P. Trần Phú", "Phường Trần Phú"),
        ("X.Đồng Sơn", "Xã Đồng Sơn"),
        ("TT. Nếnh", "Thị trấn Nếnh"),
        ("Phường Trần Phú", "Phường Trần Phú"),
        ("Xã Ia Grai", "Xã Ia Grai"),
    ],
    ids=["p", "x-no-space", "tt", "full", "not-an-abbreviation"],
)
def test_abbreviated_unit_names_are_written_out(name: str, full: str) -> None:
    assert expand_unit_name(name) == full


def _calc_convert(source: Path, to: str, out: Path) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    try:
        return libreoffice_convert(source, to, out)
    except AssertionError as exc:
        if "could not be loaded" in str(exc):
            pytest.skip("LibreOffice Calc is not installed (libreoffice-calc)")
        raise


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_give_the_same_figures(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "inputs").mkdir()
    source = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(source)
    (tmp_path / "conv").mkdir()
    converted = _calc_convert(source, fmt, tmp_path / "conv")
    config, _ = _load(tmp_path)
    expected = load_dataset(config, source)
    got = load_dataset(config, converted)
    assert [(u.name, u.values) for u in got.all_units()] == [
        (u.name, u.values) for u in expected.all_units()
    ]


def test_abbreviated_names_match_last_years_full_names(tmp_path: Path) -> None:
    from tests.fixtures.projects import write_project

    config_path = write_project(
        tmp_path,
        indicators={
            "dau": {"label": "Hộ nghèo đầu năm", "unit": "hộ", "column": "dau"},
            "cuoi": {"label": "Hộ nghèo cuối năm", "unit": "hộ", "column": "cuoi"},
        },
        rows=[
            {"don_vi": "P. Trần Phú", "dau": "51", "cuoi": "45"},
            {"don_vi": "X.Đồng Sơn", "dau": "61", "cuoi": "40"},
            {"don_vi": "TT. Nếnh", "dau": "20", "cuoi": "18"},
        ],
        previous_rows=[
            {"don_vi": "Phường Trần Phú", "cuoi": "51"},
            {"don_vi": "Xã Đồng Sơn", "cuoi": "61"},
            {"don_vi": "Thị trấn Nếnh", "cuoi": "20"},
        ],
        checks=[{"check": "continuity", "value": "dau", "previous": "cuoi"}],
    )
    config = load_config(config_path)
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == ["Phường Trần Phú", "Xã Đồng Sơn", "Thị trấn Nếnh"]
    assert [u.slug for u in ds.units] == ["phuong-tran-phu", "xa-dong-son", "thi-tran-nenh"]
    assert validate(config, ds) == []  # matched across periods, no warning


def test_a_sheet_typed_in_tcvn3_is_refused_at_its_first_cell(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active["B9"] = "Ph­êng TrÇn Phó"  # "Phường Trần Phú" typed with a .VnTime font
    wb.save(path)
    config, _ = _load(tmp_path)
    with pytest.raises(DataError) as info:
        load_dataset(config)
    assert "bảng mã cũ TCVN3" in info.value.message
    assert info.value.location is not None
    assert (info.value.location.row, info.value.location.column) == (9, "B")


def test_declared_header_rows_replace_the_detection(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, _ = _load(tmp_path, header_rows="4-5")
    ds = load_dataset(config)
    assert [u.row for u in ds.units] == [9, 10, 11, 13, 14]
    assert not any("được lấy làm tiêu đề" in n for n in ds.notes)


def test_an_ambiguous_mapping_points_at_the_yaml(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, path = _load(tmp_path, columns={**COLUMNS, "ho_ngheo_dau_ky": "Đầu năm"})
    with pytest.raises(ReportgenError) as info:
        load_dataset(config)
    (err,) = [e for e in info.value.diagnostics() if e.code == "data.ambiguous-column"]
    assert err.location is not None and err.location.file == str(path)
    assert err.location.key == "data.workbook.columns.ho_ngheo_dau_ky"


def test_a_cộng_row_under_its_units_adds_up_those_units_not_the_sheet(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx", closing=True)
    config, _ = _load(tmp_path, groups=["Cộng", "Tổng cộng"])
    ds = load_dataset(config)
    assert [u.row for u in ds.units] == [8, 9, 10, 13, 14]  # headings 7, 12; Cộng 11, 15
    assert validate(config, ds) == []
    assert any(
        'dòng 11 "Cộng" = 3 đơn vị; dòng 15 "Cộng" = 2 đơn vị; dòng 16 "Tổng cộng" = 5 đơn vị' in n
        for n in ds.notes
    )


def test_a_wrong_cộng_row_is_reported_against_the_units_above_it(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path, closing=True)
    wb = openpyxl.load_workbook(path)
    wb.active["D15"] = 150  # Cộng of the communes: 61 + 88 = 149
    wb.save(path)
    config, _ = _load(tmp_path, groups=["Cộng", "Tổng cộng"])
    (f,) = validate(config, load_dataset(config))
    assert 'dòng nhóm "Cộng" ghi Hộ nghèo đầu năm là 150' in f.message
    assert "tổng 2 đơn vị của nhóm (các dòng 13–14 ngay trên) là 149" in f.message


def _group_rows_as_formulas(path: Path) -> None:
    """Rows 8 (Khối phường) and 12 (Khối xã) as formulas a program wrote (no values)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row, (a, b) in {8: (9, 11), 12: (13, 14)}.items():
        for col in "CDEH":
            ws[f"{col}{row}"] = f"=SUM({col}{a}:{col}{b})"
        ws[f"F{row}"] = f"=ROUND(E{row}/C{row}*100,2)"
    wb.save(path)


def test_a_declared_group_row_whose_formulas_were_never_computed_is_an_error(
    tmp_path: Path,
) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    _group_rows_as_formulas(path)
    config, _ = _load(tmp_path)
    found = validate(config, load_dataset(config))
    assert len(found) == 8  # 2 group rows × 4 summed columns, none passed silently
    assert {(f.sources[0].row, f.sources[0].column) for f in found} >= {(8, "Tổng số hộ (C)")}
    f = found[0]
    assert f.severity == "error" and f.unit == "thành phố Hòa An"
    assert 'dòng nhóm "Khối phường": ô có công thức =SUM(C9:C11)' in f.message
    assert f.hint is not None and "mở tệp trong Excel" in f.hint


def test_an_undeclared_group_row_of_uncomputed_formulas_is_still_a_subtotal(
    tmp_path: Path,
) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    _group_rows_as_formulas(path)
    config, _ = _load(tmp_path, groups=["Tổng cộng"])
    with pytest.raises(ErrorList) as info:
        load_dataset(config)
    assert [(e.code, e.location.row) for e in info.value.errors if e.location] == [
        ("data.subtotal-row", 8),
        ("data.subtotal-row", 12),
    ]


def test_only_the_lower_header_row_declared_gets_the_group_row_advice_and_distinct_guesses(
    tmp_path: Path,
) -> None:
    (tmp_path / "inputs").mkdir()
    write_bieu_mau(tmp_path / "inputs" / "bieu-mau.xlsx")
    config, _ = _load(tmp_path, header_rows="5", columns={})
    with pytest.raises(ReportgenError) as info:
        load_dataset(config)
    (err,) = [e for e in info.value.diagnostics() if e.code == "data.missing-columns"]
    assert err.hint is not None
    assert (
        'dòng 4 ngay trên dòng tiêu đề đã khai báo có tiêu đề nhóm gộp nhiều cột ("Hộ nghèo", '
        '"Hộ cận nghèo")'
    ) in err.hint
    assert "`header_rows: 4-5`" in err.hint
    guesses = {
        line.split()[1]: line.split("có thể là ", 1)[1]
        for line in err.message.splitlines()
        if line.strip().startswith("- ")
    }
    assert guesses["ho_ngheo_cuoi_ky"] != guesses["ho_can_ngheo_cuoi_ky"]
    shown = [g for text in guesses.values() for g in text.split(" hoặc ") if "cột" in g]
    assert len(shown) == len(set(shown))  # no column proposed for two indicators


@pytest.mark.parametrize(
    "note",
    [
        "(1) Số liệu theo kết quả rà soát của Ban chỉ đạo",
        "- Số liệu tính đến ngày 30/11/2024",
        "Nguồn: Phòng Lao động - Thương binh và Xã hội",
        "Số liệu trên đã được Ban chỉ đạo giảm nghèo thành phố thống nhất",
        "Các phường gửi bản giấy về Phòng trước ngày 20/12.",
    ],
    ids=["numbered", "dash", "colon", "long-sentence", "full-stop"],
)
def test_a_note_in_the_unit_name_column_ends_the_table_and_is_no_unit(
    tmp_path: Path, note: str
) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path, footer=False)
    wb = openpyxl.load_workbook(path)
    wb.active["B16"] = note
    wb.active["B18"] = "NGƯỜI LẬP BIỂU"
    wb.save(path)
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == [u[0] for u in UNITS]
    assert any("bảng kết thúc ở dòng 14; từ dòng 16 trở xuống" in n for n in ds.notes)


def test_a_heading_with_a_colon_between_units_does_not_end_the_table(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path, groups=False, total=False)
    wb = openpyxl.load_workbook(path)
    wb.active.insert_rows(10)
    wb.active["B10"] = "Vùng đồng bằng:"
    wb.save(path)
    config, _ = _load(tmp_path, groups=[])
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == [u[0] for u in UNITS]


def test_a_ward_without_figures_at_the_end_of_the_table_is_still_a_unit(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path, footer=False)
    wb = openpyxl.load_workbook(path)
    wb.active["A15"], wb.active["B15"] = 6, "Xã Hòa Bình"  # sent no figures yet
    wb.active["B17"] = "Ghi chú: xã Hòa Bình chưa gửi số liệu."
    wb.save(path)
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert ds.units[-1].name == "Xã Hòa Bình" and ds.units[-1].row == 15
    assert ds.units[-1].values["tong_so_ho"] is None
    assert any(i.source.row == 15 for i in ds.issues)  # its empty cells are reported


@pytest.mark.parametrize("merged", [True, False], ids=["merged-A-B", "typed-in-stt-column"])
def test_a_total_row_named_across_the_stt_and_name_columns_is_a_named_row(
    tmp_path: Path, merged: bool
) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row, name in ((7, "Tổng cộng"), (8, "Khối phường")):
        ws[f"A{row}"], ws[f"B{row}"] = name, None
        if merged:
            ws.merge_cells(f"A{row}:B{row}")
    wb.save(path)
    config, _ = _load(tmp_path, groups=[])
    with pytest.raises(ErrorList) as info:
        load_dataset(config)
    assert [(e.code, e.location.row) for e in info.value.errors if e.location] == [
        ("data.subtotal-row", 7),
        ("data.subtotal-row", 8),
        ("data.subtotal-row", 12),
    ]
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert [u.row for u in ds.units] == [9, 10, 11, 13, 14]
    assert validate(config, ds) == []
    config, _ = _load(tmp_path, groups=["Khối phường", "Khối xã"])
    config = replace(config, data=replace(config.data, total_row="Tổng cộng"))
    ds = load_dataset(config)
    assert ds.total_from_file and ds.total.values["tong_so_ho"] == sum(u[1] for u in UNITS)


@pytest.mark.parametrize(
    "header",
    ["Tên phường, xã, thị trấn", "Đơn vị (xã, phường)", "Đơn vị hành chính cấp xã", "Phường, xã"],
    ids=["ten-phuong-xa-thi-tran", "don-vi-in-brackets", "cap-xa", "phuong-xa"],
)
def test_the_unit_column_is_found_under_its_longer_names(tmp_path: Path, header: str) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    wb.active["B4"] = header
    wb.active["H1"] = "Đơn vị tính: hộ"  # not the unit column
    wb.save(path)
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == [u[0] for u in UNITS]


def test_a_guide_sheet_in_front_is_passed_over_and_said(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    guide = wb.create_sheet("Hướng dẫn", 0)
    guide["A1"], guide["A2"] = "Hướng dẫn điền biểu", "Điền số liệu vào Biểu 01, không sửa tiêu đề"
    wb.active = 0
    wb.save(path)
    config, _ = _load(tmp_path)
    ds = load_dataset(config)
    assert [u.name for u in ds.units] == [u[0] for u in UNITS]
    assert ds.notes[0].startswith(
        "trang tính đầu tiên (Hướng dẫn) không có bảng số liệu: đọc trang tính Biểu 01"
    )


@pytest.mark.parametrize(
    ("first", "flagged"),
    [("Phường Trần Phú", False), ("Vùng trung tâm", True)],
    ids=["ward-name", "plain-name"],
)
def test_one_figure_that_is_a_sum_blocks_only_a_row_not_named_as_a_ward(
    tmp_path: Path, first: str, flagged: bool
) -> None:
    from tests.fixtures.projects import write_project

    config_path = write_project(
        tmp_path,
        indicators={"ho_ngheo": {"label": "Hộ nghèo", "unit": "hộ", "column": "Hộ nghèo"}},
        rows=[{"don_vi": "x", "Hộ nghèo": "1"}],
        data={"file": "../inputs/bieu-mau.xlsx"},
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tên đơn vị", "Hộ nghèo"])
    for row in ([1, first, 2], [2, "Phường Ngô Quyền", 1], [3, "Xã Đồng Sơn", 1]):
        ws.append(row)
    wb.save(tmp_path / "inputs" / "bieu-mau.xlsx")
    config = load_config(config_path)
    if flagged:
        with pytest.raises(DataError) as info:
            load_dataset(config)
        assert info.value.code == "data.subtotal-row"
    else:
        assert [u.values["ho_ngheo"] for u in load_dataset(config).units] == [2, 1, 1]


def test_a_percent_formatted_cell_of_an_ods_file_is_read_as_shown(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    source = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(source)
    wb = openpyxl.load_workbook(source)
    wb.active["F9"] = 0.0099
    wb.active["F9"].number_format = "0.00%"
    wb.save(source)
    (tmp_path / "conv").mkdir()
    converted = _calc_convert(source, "ods", tmp_path / "conv")
    config, _ = _load(tmp_path)
    ds = load_dataset(config, converted)
    assert ds.units[0].values["ty_le_ho_ngheo"] == Decimal("0.99")
    assert validate(config, ds) == []


def test_a_percent_formatted_cell_of_an_xls_file_is_read_as_shown(tmp_path: Path) -> None:
    pytest.importorskip("xlrd", reason="xlrd reads the formats of .xls cells (pip install xlrd)")
    (tmp_path / "inputs").mkdir()
    source = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(source)
    wb = openpyxl.load_workbook(source)
    wb.active["F9"] = 0.0099
    wb.active["F9"].number_format = "0.00%"
    wb.save(source)
    (tmp_path / "conv").mkdir()
    converted = _calc_convert(source, "xls", tmp_path / "conv")
    config, _ = _load(tmp_path)
    ds = load_dataset(config, converted)
    assert ds.units[0].values["ty_le_ho_ngheo"] == Decimal("0.99")
    assert ds.units[1].values["ty_le_ho_ngheo"] == Decimal(str(rate(59, 5492)))


def test_an_ods_formula_saved_without_its_value_is_its_own_finding(tmp_path: Path) -> None:
    import re
    import zipfile

    (tmp_path / "inputs").mkdir()
    source = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(source)
    wb = openpyxl.load_workbook(source)
    wb.active["F9"] = "=ROUND(E9/C9*100,2)"
    wb.save(source)
    (tmp_path / "conv").mkdir()
    computed = _calc_convert(source, "ods", tmp_path / "conv")
    # as a program would write it: the formula without its value
    bare = tmp_path / "conv" / "khong-gia-tri.ods"
    with zipfile.ZipFile(computed) as src, zipfile.ZipFile(bare, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                data, n = re.subn(
                    rb'(<table:table-cell[^>]*?table:formula="[^"]*")[^>]*>.*?</table:table-cell>',
                    rb"\1/>",
                    data,
                )
                assert n == 1
            out.writestr(item, data)
    config, _ = _load(tmp_path)
    (f,) = validate(config, load_dataset(config, bare))
    assert "ô có công thức =ROUND(E9/C9*100;2) nhưng tệp không lưu giá trị đã tính" in f.message
    assert "ô trống" not in f.message


def test_years_under_a_merged_group_header_are_sub_headers_not_figures(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "bieu-mau.xlsx"
    write_bieu_mau(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["D5"], ws["E5"] = 2023, 2024  # typed as numbers
    for rng in ("A4:A5", "B4:B5", "C4:C5", "I4:I5"):  # only the group cells are merged
        ws.unmerge_cells(rng)
    wb.save(path)
    columns = {
        **COLUMNS,
        "ho_ngheo_dau_ky": "Hộ nghèo › 2023",
        "ho_ngheo_cuoi_ky": "Hộ nghèo › 2024",
    }
    config, _ = _load(tmp_path, columns=columns)
    ds = load_dataset(config)
    assert [(u.values["ho_ngheo_dau_ky"], u.values["ho_ngheo_cuoi_ky"]) for u in ds.units] == [
        (u[2], u[3]) for u in UNITS
    ]
