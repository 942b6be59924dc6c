"""`reportgen check` through click's CliRunner: table and JSON output, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from tests.fixtures.projects import SampleCopy

TP = "Phường Trần Phú"
REQUIRED = {"severity", "check", "unit", "indicators", "expected", "actual", "message", "source"}


@pytest.fixture
def sample(tmp_path: Path) -> SampleCopy:
    return SampleCopy.make(tmp_path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_sample_exits_0(sample: SampleCopy) -> None:
    code, out, _ = run(str(sample.config))
    assert code == 0
    assert "Số liệu khớp: không có lỗi nào." in out


def test_clean_sample_as_json_is_an_empty_list(sample: SampleCopy) -> None:
    code, out, _ = run(str(sample.config), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["command"], doc["diagnostics"]) == ("check", [])
    assert doc["counts"] == {"error": 0, "warning": 0, "info": 0}


def test_failed_check_exits_1_with_a_table(sample: SampleCopy) -> None:
    sample.set_cell(TP, "ty_le_ho_can_ngheo", "9,99")
    code, out, _ = run(str(sample.config))
    assert code == 1
    first, source, hint, config_line, summary = out.strip().splitlines()
    assert first.startswith("✗ lỗi")
    assert "percentage" in first and f"{TP}: Tỷ lệ hộ cận nghèo: cần" in first
    assert "nhưng ghi 9,99%" in first and "(dòng 2, cột ty_le_ho_can_ngheo (W))" in first
    assert source.strip().startswith("nguồn: ") and "giam-ngheo-2024.csv, dòng 2" in source
    assert hint.strip().startswith("→ ")
    assert config_line.strip().startswith("phép kiểm tra: checks[")
    assert summary == "Kết quả: 1 lỗi ở 1 đơn vị, 0 cảnh báo, 0 ghi chú."


def test_failed_check_as_json(sample: SampleCopy) -> None:
    sample.set_cell(TP, "ty_le_ho_can_ngheo", "9,99")
    code, out, _ = run(str(sample.config), "--format", "json")
    assert code == 1
    (item,) = json.loads(out)["diagnostics"]
    assert set(item) >= REQUIRED
    assert item["code"] == "check.percentage"
    assert item["location"]["cell"] == "W2"
    assert item["severity"] == "error"
    assert item["check"] == "percentage"
    assert item["unit"] == TP
    assert item["indicators"] == ["ty_le_ho_can_ngheo", "ho_can_ngheo_cuoi_ky", "tong_so_ho"]
    assert item["actual"] == "9.99"
    assert isinstance(item["expected"], str)
    assert item["message"].startswith(f"{TP}: ")
    assert item["hint"]
    assert item["source"][0]["row"] == 2
    assert item["source"][0]["column"] == "ty_le_ho_can_ngheo (W)"
    assert item["source"][0]["file"].endswith("giam-ngheo-2024.csv")
    assert item["config"]["key"].startswith("checks[")
    assert isinstance(item["config"]["line"], int)


def test_warnings_alone_exit_0(sample: SampleCopy) -> None:
    sample.set_cell(TP, "chi_tieu_giam_ty_le", "0,50")  # target not reached: a warning
    code, out, _ = run(str(sample.config), "--format", "json")
    assert code == 0
    assert [i["severity"] for i in json.loads(out)["diagnostics"]] == ["warning"]


def test_unit_option_checks_only_that_unit(sample: SampleCopy) -> None:
    sample.set_cell("Xã Tân Tiến", "ty_le_ho_can_ngheo", "9,99")
    assert run(str(sample.config), "--unit", "phường  trần phú")[0] == 0
    code, out, _ = run(str(sample.config), "--unit", "Xã Tân Tiến", "--format", "json")
    assert code == 1
    assert [i["unit"] for i in json.loads(out)["diagnostics"]] == ["Xã Tân Tiến"]


def test_data_option_reads_another_file(sample: SampleCopy, tmp_path: Path) -> None:
    other = tmp_path / "khac.csv"
    other.write_bytes(sample.data.read_bytes())
    sample.set_cell(TP, "ty_le_ho_can_ngheo", "9,99", other)
    assert run(str(sample.config))[0] == 0
    assert run(str(sample.config), "--data", str(other))[0] == 1


def test_bad_definition_exits_2_with_every_mistake(sample: SampleCopy) -> None:
    sample.edit_yaml("  place: Hòa An", "  plase: Hòa An")
    sample.edit_yaml("  - check: movement", "  - check: movment")
    code, out, err = run(str(sample.config))
    assert code == 2
    assert out == ""
    assert "(2 lỗi)" in err
    assert "thiếu khóa bắt buộc" not in err  # the misspelt key is said once
    assert f"dòng {sample.yaml_line('plase')}, report.plase" in err
    assert 'có phải ý bạn là "movement"?' in err


def test_unreadable_data_exits_2(sample: SampleCopy) -> None:
    sample.data.write_bytes(b"")
    code, _, err = run(str(sample.config))
    assert code == 2
    assert "giam-ngheo-2024.csv: tệp trống" in err


def test_unknown_unit_exits_2_with_did_you_mean(sample: SampleCopy) -> None:
    code, _, err = run(str(sample.config), "--unit", "Phường Trần Phúc")
    assert code == 2
    assert 'không có đơn vị "Phường Trần Phúc"' in err
    assert 'có phải ý bạn là "Phường Trần Phú"?' in err


def test_missing_definition_exits_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "khong-co.yaml"))
    assert code == 2
    assert "không tìm thấy tệp định nghĩa báo cáo" in err


def test_bad_format_option_is_a_usage_error(sample: SampleCopy) -> None:
    code, _, err = run(str(sample.config), "--format", "xml")
    assert code == 2
    assert "xml" in err


def test_bad_definition_as_json_is_the_shared_shape(sample: SampleCopy) -> None:
    sample.edit_yaml("  - check: movement", "  - check: movment")
    code, out, _ = run(str(sample.config), "--format", "json")
    assert code == 2
    doc = json.loads(out)
    assert doc["command"] == "check" and doc["counts"]["error"] >= 1
    assert any("movement" in (d["hint"] or "") for d in doc["diagnostics"])
    assert all(d["location"]["file"].endswith(".yaml") for d in doc["diagnostics"])


def test_suspect_is_printed_first_with_its_consequences_under_it(sample: SampleCopy) -> None:
    sample.set_cell(TP, "tong_so_ho", "4.585")
    code, out, _ = run(str(sample.config))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(
        "✗ lỗi       ô nghi sai   Phường Trần Phú: ô nghi sai nhất: Tổng số hộ"
    )
    assert "sửa thành 4.558 hộ" in lines[0]
    assert "cả 3 phép kiểm tra đều khớp, kể cả dòng tổng" in lines[0]
    assert all("↳ percentage" in line for line in lines[1:3])
    # the total row no longer adds up: the same mistake, shown under the ward's suspect
    assert "↳ city_sum" in lines[3] and "Tổng số hộ ở dòng tổng" in lines[3]
    assert (
        lines[-1]
        == "Kết quả: 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp), 0 cảnh báo, 0 ghi chú."
    )


def test_mark_writes_a_marked_copy_and_never_the_original(
    sample: SampleCopy, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    sample.set_cell(TP, "tong_so_ho", "4.585")
    before = sample.data.read_bytes()
    out = tmp_path / "danh-dau.xlsx"
    code, text, _ = run(str(sample.config), "--mark", str(out))
    assert code == 1 and f"Đã ghi bảng số liệu có đánh dấu: {out}" in text
    assert sample.data.read_bytes() == before
    wb = load_workbook(out)
    summary, data = wb.worksheets
    assert summary.title == "Kết quả kiểm tra"
    assert summary["D2"].value == "E2"
    assert summary["D2"].hyperlink.location == "'Số liệu'!E2"
    cell = data["E2"]
    assert cell.value == "4.585"
    assert cell.fill.start_color.rgb.endswith("FFC7CE")
    assert cell.comment is not None and "4.558" in cell.comment.text
    assert data["R2"].fill.start_color.rgb.endswith("FFF2CC")  # a related rate, lightly
    # never overwritten without leave, never the data file itself
    assert run(str(sample.config), "--mark", str(out))[0] == 2
    assert run(str(sample.config), "--mark", str(out), "--overwrite")[0] == 1
    code, _, err = run(str(sample.config), "--mark", str(sample.data))
    assert code == 2 and "phải có đuôi .xlsx" in err
    assert sample.data.read_bytes() == before


def _as_workbook(sample: SampleCopy, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from tests.fixtures.projects import num, read_rows

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Biểu 1"
    rows = read_rows(sample.data)
    for j, h in enumerate(rows[0], 1):
        ws.cell(row=1, column=j, value=h).font = Font(bold=True)
    for i, r in enumerate(rows[1:], 2):
        for j, text in enumerate(r, 1):
            try:
                value: object = float(num(text)) if j > 3 else text
            except Exception:
                value = text
            ws.cell(row=i, column=j, value=value)
    ws.column_dimensions["A"].width = 31
    wb.save(path)


def test_mark_keeps_the_clerks_workbook_and_marks_a_copy(
    sample: SampleCopy, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    data = tmp_path / "so-lieu.xlsx"
    _as_workbook(sample, data)
    wb = load_workbook(data)
    wb["Biểu 1"]["E2"] = 4585  # swapped digits in the total households of the first ward
    wb.save(data)
    before = data.read_bytes()
    out = tmp_path / "so-lieu-danh-dau.xlsx"
    code, _, _ = run(str(sample.config), "--data", str(data), "--mark", str(out))
    assert code == 1
    assert data.read_bytes() == before
    marked = load_workbook(out)
    assert marked.sheetnames == ["Kết quả kiểm tra", "Biểu 1"]
    sheet = marked["Biểu 1"]
    assert sheet["A1"].font.bold and sheet.column_dimensions["A"].width == 31
    assert sheet["E2"].value == 4585
    assert sheet["E2"].fill.start_color.rgb.endswith("FFC7CE")
    assert "4.558" in sheet["E2"].comment.text
    assert marked["Kết quả kiểm tra"]["D2"].hyperlink.location == "'Biểu 1'!E2"
    code, _, err = run(str(sample.config), "--data", str(data), "--mark", str(data), "--overwrite")
    assert code == 2 and "không bao giờ sửa tệp gốc" in err
    assert data.read_bytes() == before
