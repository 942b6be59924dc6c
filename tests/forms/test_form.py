"""``reportgen form``: the ready-to-fill workbook, and the round trip form → filled → check →
render with the figures read back cell by cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from reportgen.app import pipeline
from reportgen.authoring.form import FIRST_ROW, SHEET, build_form, form_columns
from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.diagnostics.errors import ReportgenError
from tests.fixtures.projects import SampleCopy
from tests.helpers import SOFFICE, libreoffice_convert


@pytest.fixture
def sample(tmp_path: Path) -> SampleCopy:
    """A fresh copy of the sample report."""
    return SampleCopy.make(tmp_path / "du-an")


def _form(sample: SampleCopy, tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    config = load_config(sample.config)
    path = tmp_path / "bieu-mau.xlsx"
    path.write_bytes(build_form(config))
    return path, openpyxl.load_workbook(path)


def test_form_has_labels_groups_units_formats_validation_and_protection(
    sample: SampleCopy, tmp_path: Path
) -> None:
    _, wb = _form(sample, tmp_path)
    ws = wb[SHEET]
    assert ws["A5"].value == "STT" and ws["B5"].value == "Tên đơn vị"
    assert ws["C5"].value == "Tổng số hộ đầu năm (hộ)"
    assert ws["G5"].value == "Thoát nghèo" and ws["G6"].value == "Vượt chuẩn cận nghèo (hộ)"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"G5:H5", "C5:C6"} <= merged  # a merged group header, a two-row single header
    assert [ws.cell(7, c).value for c in (1, 2, 3)] == ["A", "B", "(1)"]
    assert ws.cell(FIRST_ROW, 2).value == "Phường Trần Phú"
    assert ws.cell(FIRST_ROW + 11, 2).value == "Xã Tân Tiến"
    assert ws.cell(FIRST_ROW + 12, 2).value == "Tổng cộng"
    assert ws.protection.sheet is True
    assert ws.cell(FIRST_ROW, 2).protection.locked  # unit names protected
    assert not ws.cell(FIRST_ROW, 3).protection.locked  # figures to fill
    assert ws.cell(FIRST_ROW, 3).number_format == "#,##0"
    kinds = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert kinds["whole"].formula1 == "0"
    hidden = wb["_reportgen"]
    assert hidden.sheet_state == "hidden"
    assert hidden["B1"].value == "giam-ngheo-2024"


def test_rates_and_declared_totals_are_excel_formulas(sample: SampleCopy, tmp_path: Path) -> None:
    config = load_config(sample.config)
    _, wb = _form(sample, tmp_path)
    ws = wb[SHEET]
    letters = {
        c.id: openpyxl.utils.get_column_letter(i + 3) for i, c in enumerate(form_columns(config))
    }
    rate = ws[f"{letters['ty_le_ho_ngheo']}{FIRST_ROW}"]
    assert rate.value.startswith("=IF(") and "ROUND(" in rate.value and rate.protection.locked
    total = ws[f"{letters['kinh_phi_tong']}{FIRST_ROW}"].value
    assert total == "=" + "+".join(
        f"{letters[p]}{FIRST_ROW}"
        for p in ("kinh_phi_nha_o", "kinh_phi_sinh_ke", "kinh_phi_dao_tao")
    )
    last = FIRST_ROW + 12
    assert ws[f"{letters['tong_so_ho']}{last}"].value == (
        f"=SUM({letters['tong_so_ho']}{FIRST_ROW}:{letters['tong_so_ho']}{last - 1})"
    )


def _fill(sample: SampleCopy, path: Path) -> None:
    """Type the sample CSV's figures into the white cells, as a clerk would."""
    config = load_config(sample.config)
    dataset = load_dataset(config)
    cols = form_columns(config)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    for k, unit in enumerate(dataset.units):
        r = FIRST_ROW + k
        assert ws.cell(r, 2).value == unit.name
        for j, col in enumerate(cols):
            cell = ws.cell(r, j + 3)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                continue
            if col.id.startswith("attr:"):
                cell.value = unit.attrs[col.id.removeprefix("attr:")]
            else:
                v = unit.values[col.id]
                cell.value = int(v) if v == v.to_integral_value() else float(v)
    wb.save(path)


def test_a_form_filled_by_a_program_and_never_opened_says_to_open_and_save(
    sample: SampleCopy, tmp_path: Path
) -> None:
    path, _ = _form(sample, tmp_path)
    _fill(sample, path)
    result = pipeline.check(sample.config, data_file=path)
    uncomputed = [f for f in result.findings if "công thức" in f.message]
    assert uncomputed, [f.message for f in result.findings][:3]
    assert all("không lưu giá trị đã tính" in f.message for f in uncomputed)
    assert all(f.hint and "mở tệp trong Excel" in f.hint for f in uncomputed)
    assert not any("ô trống" in f.message for f in uncomputed)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_round_trip_form_filled_checked_rendered_gives_the_csv_figures(
    sample: SampleCopy, tmp_path: Path
) -> None:
    path, _ = _form(sample, tmp_path)
    _fill(sample, path)
    out = tmp_path / "da-tinh"
    out.mkdir()
    saved = libreoffice_convert(path, "xlsx", out)  # opened and saved: formulas computed
    config = load_config(sample.config)
    from_csv = load_dataset(config)
    from_form = load_dataset(config, saved)
    assert [u.name for u in from_form.units] == [u.name for u in from_csv.units]
    for a, b in zip(from_form.all_units(), from_csv.all_units(), strict=True):
        for iid, value in b.values.items():
            got = a.values[iid]
            assert got == value or (
                config.indicators[iid].kind == "percent" and got == round(value, 2)
            ), (a.name, iid, got, value)
    for a, b in zip(from_form.units, from_csv.units, strict=True):
        assert a.attrs["chu_tich"] == b.attrs["chu_tich"] and a.kind == b.kind
    result = pipeline.check(sample.config, data_file=saved)
    assert result.summary.errors == 0, [f.message for f in result.findings][:5]
    rendered = pipeline.render(
        sample.config, data_file=saved, units=["Phường Trần Phú"], out_dir=tmp_path / "kq"
    )
    assert rendered.count("rendered") == 1
    from docx import Document

    text = "\n".join(p.text for p in Document(rendered.outputs[0].file).paragraphs)
    unit = from_csv.units[0]
    assert f"{int(unit.values['tong_so_ho']):,}".replace(",", ".") in text
    shutil.rmtree(out / "lo-profile", ignore_errors=True)


def test_form_command_writes_the_form_and_never_overwrites(
    sample: SampleCopy, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from reportgen.cli import main

    out = tmp_path / "bm.xlsx"
    runner = CliRunner()
    first = runner.invoke(main, ["form", str(sample.config), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert f"Đã tạo biểu mẫu: {out}" in first.output
    assert openpyxl.load_workbook(out)[SHEET]["B8"].value == "Phường Trần Phú"
    again = runner.invoke(main, ["form", str(sample.config), "-o", str(out)])
    assert again.exit_code == 2
    assert "không ghi đè" in again.output


def test_a_form_of_another_report_is_refused(sample: SampleCopy, tmp_path: Path) -> None:
    path, _ = _form(sample, tmp_path)
    sample.edit_yaml("id: giam-ngheo-2024", "id: giam-ngheo-2025")
    with pytest.raises(ReportgenError) as info:
        load_dataset(load_config(sample.config), path)
    assert 'biểu mẫu của báo cáo "giam-ngheo-2024", không phải "giam-ngheo-2025"' in str(info.value)


@pytest.mark.skipif(SOFFICE is None, reason="cần LibreOffice (soffice) để mở và lưu biểu mẫu")
def test_an_id_with_xa_survives_a_form_saved_by_libreoffice(
    sample: SampleCopy, tmp_path: Path
) -> None:
    """LibreOffice reads "_xa_" in a cell as an escaped line break: the form escapes it."""
    from python_calamine import CalamineWorkbook

    from reportgen.authoring.form import FORM_SHEET

    text = sample.config.read_text(encoding="utf-8")
    sample.config.write_text(text.replace("so_the_bhyt", "so_the_bhyt_xa_a1"), encoding="utf-8")
    path, _ = _form(sample, tmp_path)
    out = tmp_path / "da-luu"
    out.mkdir()
    saved = libreoffice_convert(path, "xlsx", out)
    for book in (path, saved):
        rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(FORM_SHEET).to_python()
        ids = {str(r[2]) for r in rows if r and r[0] == "column"}
        assert "so_the_bhyt_xa_a1" in ids, (book.name, sorted(ids))
    shutil.rmtree(out / "lo-profile", ignore_errors=True)


def test_groups_declared_in_the_yaml_are_merged_header_cells(tmp_path: Path) -> None:
    from tests.data.bieu_mau import INDICATORS
    from tests.fixtures.projects import write_project

    indicators = {
        "tong_so_ho": INDICATORS["tong_so_ho"],
        **{
            iid: {**INDICATORS[iid], "group": "Hộ nghèo"}
            for iid in ("ho_ngheo_dau_ky", "ho_ngheo_cuoi_ky", "ty_le_ho_ngheo")
        },
        "ho_can_ngheo_cuoi_ky": {**INDICATORS["ho_can_ngheo_cuoi_ky"], "group": "Hộ cận nghèo"},
    }
    config = load_config(
        write_project(tmp_path, indicators=indicators, rows=[{"don_vi": "Phường A"}])
    )
    path = tmp_path / "bieu-mau.xlsx"
    path.write_bytes(build_form(config, units=["Phường A"]))
    ws = openpyxl.load_workbook(path)[SHEET]
    assert [ws.cell(5, c).value for c in range(3, 8)] == [
        "Tổng số hộ (hộ)",
        "Hộ nghèo",
        None,
        None,
        "Hộ cận nghèo",
    ]
    assert [ws.cell(6, c).value for c in range(4, 8)] == [
        "Đầu năm (hộ)",
        "Cuối năm (hộ)",
        "Tỷ lệ hộ nghèo (%)",  # the label does not start with the group: kept whole
        "Cuối năm (hộ)",
    ]
    assert {"D5:F5", "C5:C6"} <= {str(r) for r in ws.merged_cells.ranges}
    assert [c.id for c in form_columns(config)][1:4] == [
        "ho_ngheo_dau_ky",
        "ho_ngheo_cuoi_ky",
        "ty_le_ho_ngheo",
    ]
