"""The demo ships its 2024 figures twice: as the CSV and as a clerk's workbook (two sheets,
merged three-row headers, total and group rows, notes). Read through the demo definition's
``data.workbook`` block, the workbook gives exactly the CSV's figures."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.app import pipeline
from reportgen.cli import main
from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from tests.helpers import sample_project


def test_the_demo_workbook_gives_exactly_the_csv_figures(tmp_path: Path) -> None:
    config_path = sample_project(tmp_path)
    workbook = tmp_path / "inputs" / "giam-ngheo-2024-bieu-mau.xlsx"
    config = load_config(config_path)
    from_csv = load_dataset(config)
    from_xlsx = load_dataset(config, workbook)
    assert [u.name for u in from_xlsx.all_units()] == [u.name for u in from_csv.all_units()]
    for a, b in zip(from_xlsx.all_units(), from_csv.all_units(), strict=True):
        assert a.values == b.values, a.name
        assert a.kind == b.kind
    for a, b in zip(from_xlsx.units, from_csv.units, strict=True):
        assert a.attrs["chu_tich"] == b.attrs["chu_tich"]
    assert from_xlsx.issues == []
    source = from_xlsx.source(from_xlsx.units[0], "kinh_phi_tong")
    assert source is not None and (source.sheet, source.row) == ("Biểu 02", 10)
    result = pipeline.check(config_path, data_file=workbook)
    assert result.summary.errors == 0, [f.message for f in result.findings][:3]
    assert [f.message for f in result.findings] == [
        f.message for f in pipeline.check(config_path).findings
    ]


def test_form_xem_shows_how_a_workbook_is_read(tmp_path: Path) -> None:
    config_path = sample_project(tmp_path)
    workbook = tmp_path / "inputs" / "giam-ngheo-2024-bieu-mau.xlsx"
    result = CliRunner().invoke(main, ["form", str(config_path), "--xem", str(workbook)])
    assert result.exit_code == 0, result.output
    assert "12 đơn vị" in result.output
    assert "trang tính Biểu 01: dòng 5–7 được lấy làm tiêu đề cột" in result.output
    assert "kinh_phi_tong ← Biểu 02!Tổng kinh phí (triệu đồng) (cột G)" in result.output
