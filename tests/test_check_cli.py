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
    assert json.loads(out) == []


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
    (item,) = json.loads(out)
    assert set(item) >= REQUIRED
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
    assert [i["severity"] for i in json.loads(out)] == ["warning"]


def test_unit_option_checks_only_that_unit(sample: SampleCopy) -> None:
    sample.set_cell("Xã Tân Tiến", "ty_le_ho_can_ngheo", "9,99")
    assert run(str(sample.config), "--unit", "phường  trần phú")[0] == 0
    code, out, _ = run(str(sample.config), "--unit", "Xã Tân Tiến", "--format", "json")
    assert code == 1
    assert [i["unit"] for i in json.loads(out)] == ["Xã Tân Tiến"]


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
    assert "(3 lỗi)" in err
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
