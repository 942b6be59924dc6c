"""The command line: arguments, messages, exit codes (the pipeline itself is tested elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.diagnostics import catalog
from tests.helpers import edit_cell, sample_project


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_help_lists_the_commands(runner: CliRunner) -> None:
    out = runner.invoke(main, ["--help"])
    assert out.exit_code == 0
    for cmd in ("demo", "render", "check", "words"):
        assert cmd in out.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["22.000.000", "--money"], "Hai mươi hai triệu đồng chẵn"),
        (["1001"], "một nghìn không trăm linh một"),
        (["15", "--south"], "mười lăm"),
        (["105", "--south"], "một trăm lẻ năm"),
        (["1,5"], "một phẩy năm"),
        (["1,013.5", "--locale", "en"], "một nghìn không trăm mười ba phẩy năm"),
    ],
    ids=["money", "inner-zero-group", "south-15", "south-le", "decimal", "english-locale"],
)
def test_words_prints_the_reading(runner: CliRunner, args: list[str], expected: str) -> None:
    out = runner.invoke(main, ["words", *args])
    assert out.exit_code == 0, out.output
    assert out.output.strip() == expected


def test_words_prints_one_line_per_number_in_order(runner: CliRunner) -> None:
    numbers = [str(n) for n in range(1000)]
    out = runner.invoke(main, ["words", *numbers])
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert len(lines) == 1000
    assert lines[21] == "hai mươi mốt" and lines[105] == "một trăm linh năm"


def test_words_rejects_a_mistyped_number_naming_it(runner: CliRunner) -> None:
    out = runner.invoke(main, ["words", "1.013", "2.2.839"])
    assert out.exit_code == 2
    assert "số thứ 2" in out.output and "2.2.839" in out.output


def test_render_prints_a_summary_and_where_the_files_are(runner: CliRunner, tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    out = runner.invoke(
        main, ["render", str(config), "--unit", "Phường Trần Phú", "-o", str(tmp_path / "o")]
    )
    assert out.exit_code == 0, out.output
    assert "Đã sinh 1 báo cáo" in out.output
    assert (tmp_path / "o" / "giam-ngheo-2024" / "phuong-tran-phu.docx").exists()


def test_render_with_failing_figures_exits_1_and_names_the_skipped_unit(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = sample_project(tmp_path)
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Song Mai", "ty_le_ho_ngheo", "9,99")
    out = runner.invoke(main, ["render", str(config), "-o", str(tmp_path / "o")])
    assert out.exit_code == 1
    assert "Bỏ qua: Xã Song Mai" in out.output


def test_render_unknown_unit_suggests_the_right_name(runner: CliRunner, tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    out = runner.invoke(
        main, ["render", str(config), "--unit", "Phường Trần Phúc", "-o", str(tmp_path / "o")]
    )
    assert out.exit_code == 2
    assert "Phường Trần Phú" in out.output


def test_render_unit_name_typed_without_diacritics_is_found(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = sample_project(tmp_path)
    out = runner.invoke(
        main, ["render", str(config), "--unit", "phuong tran phu", "-o", str(tmp_path / "o")]
    )
    assert out.exit_code == 0, out.output
    assert (tmp_path / "o" / "giam-ngheo-2024" / "phuong-tran-phu.docx").exists()


def test_render_missing_config_exits_2_with_a_clear_message(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = runner.invoke(main, ["render", str(tmp_path / "khong-co.yaml")])
    assert out.exit_code == 2
    assert "không tìm thấy" in out.output


def test_render_unit_and_all_together_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    out = runner.invoke(main, ["render", str(config), "--unit", "Xã Song Mai", "--all"])
    assert out.exit_code == 2


def test_demo_renders_the_bundled_sample(runner: CliRunner, tmp_path: Path) -> None:
    out = runner.invoke(main, ["demo", "-o", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "Đã sinh 13 báo cáo" in out.output
    assert len(list((tmp_path / "demo" / "giam-ngheo-2024").glob("*.docx"))) == 13


def test_demo_never_touches_reports_rendered_from_the_users_files(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = sample_project(tmp_path)
    out = runner.invoke(
        main, ["render", str(config), "--unit", "Xã Song Mai", "-o", str(tmp_path / "o")]
    )
    assert out.exit_code == 0
    mine = tmp_path / "o" / "giam-ngheo-2024" / "xa-song-mai.docx"
    before = mine.read_bytes()
    assert runner.invoke(main, ["demo", "-o", str(tmp_path / "o")]).exit_code == 0
    assert mine.read_bytes() == before


def test_words_money_refuses_a_fraction_of_a_dong(runner: CliRunner) -> None:
    out = runner.invoke(main, ["words", "1.000,5", "--money"])
    assert out.exit_code == 2
    assert "phần lẻ" in out.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check"], "thiếu đối số 'CONFIG'"),
        (["check", "x.yaml", "--format", "xml"], "'xml' không phải một trong 'table', 'json'"),
        (["rendr"], "không có lệnh 'rendr'. (có phải ý bạn là 'render'?)"),
        (["render", "x.yaml", "--jobs", "abc"], "'abc' không phải số nguyên"),
    ],
    ids=["missing-argument", "bad-choice", "misspelt-command", "not-a-number"],
)
def test_usage_errors_are_explained_in_vietnamese_with_exit_2(args: list[str], says: str) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", *args], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("Lỗi cách dùng lệnh: ")
    assert says in proc.stderr and "--help" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["render", "--help"], ["check", "--help"], ["words", "--help"], ["lint", "-h"]],
    ids=["group", "render", "check", "words", "lint"],
)
def test_help_is_vietnamese_end_to_end(runner: CliRunner, args: list[str]) -> None:
    out = runner.invoke(main, args)
    assert out.exit_code == 0
    for english in (
        "Usage",
        "Options",
        "Commands",
        "Show this message",
        "[default:",
        "TEXT",
        "INTEGER",
    ):
        assert english not in out.output, english
    assert "Cách dùng:" in out.output


def test_the_click_catalog_is_compiled_from_its_source() -> None:
    from pathlib import Path

    pytest.importorskip("babel")
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "build_locale", root / "scripts" / "build_locale.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    po = root / "reportgen" / "locale" / "vi" / "LC_MESSAGES" / "click.po"
    assert module.compile_po(po) == po.with_suffix(".mo").read_bytes(), (
        "run: python scripts/build_locale.py"
    )


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["render", "x.yaml", "--unit", "A", "--all"], "cli.unit-and-all"),
        (["render", "x.yaml", "--pdfa"], "cli.pdfa-needs-pdf"),
        (["pdf", "outputs", "--no-pdf"], "cli.no-pdf-needs-merge"),
    ],
    ids=["unit-and-all", "pdfa-without-pdf", "no-pdf-alone"],
)
def test_a_usage_mistake_is_said_in_the_catalog_s_words_with_exit_2(
    runner: CliRunner, args: list[str], key: str
) -> None:
    out = runner.invoke(main, args)
    assert out.exit_code == 2
    assert catalog.text(key) in out.output


def test_money_with_a_fraction_names_the_number_and_how_to_fix_it(runner: CliRunner) -> None:
    out = runner.invoke(main, ["words", "1", "12,5", "--money"])
    assert out.exit_code == 2
    assert out.output.startswith(catalog.text("cli.number-position", index=2) + ": ")
    assert catalog.text("cli.money-fraction", text="12,5") in out.output
    hint = catalog.hint("cli.money-fraction", text="12,5")
    assert hint is not None and hint in out.output


@pytest.mark.parametrize(
    ("seconds", "said"), [(0.84, "0,8"), (12.0, "12,0"), (1234.56, "1.234,6"), (0.04, "0,0")]
)
def test_durations_and_rates_are_said_with_a_decimal_comma(seconds: float, said: str) -> None:
    from reportgen.cli.main import tenths

    assert tenths(seconds) == said
