"""A figure that cannot be computed (a division by zero, a rate whose base is 0 for one ward) is
a finding for that unit, or the words the indicator declares for it — never a silent dash in a
report."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from reportgen.app import pipeline
from reportgen.cli import main
from reportgen.compute.formula import compile_formula
from tests.fixtures.projects import read_rows
from tests.helpers import edit_cell, sample_project

WARD = "Xã Song Mai"
AVERAGE = """  the_binh_quan:
    label: Số thẻ BHYT bình quân mỗi hộ được hỗ trợ nhà ở
    unit: thẻ
    kind: number
    decimals: 1
    formula: so_the_bhyt / so_ho_ho_tro_nha_o
"""
SENTENCE = """      - heading: Thẻ bình quân
        paragraphs:
          - Bình quân {{ the_binh_quan | so(1) }} thẻ cho mỗi hộ được hỗ trợ nhà ở.
"""


def _project(tmp_path: Path, *, declared: str | None = None) -> Path:
    config = sample_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    average = AVERAGE + (f"    uncomputable: {declared}\n" if declared else "")
    text = text.replace("  so_the_bhyt: {", average + "  so_the_bhyt: {", 1)
    anchor = "      - heading: Kết quả thực hiện các dự án\n"
    assert anchor in text
    text = text.replace(anchor, SENTENCE + anchor, 1)
    config.write_text(text, encoding="utf-8")
    data = tmp_path / "inputs" / "giam-ngheo-2024.csv"
    rows = read_rows(data)
    col = rows[0].index("so_ho_ho_tro_nha_o")
    (old,) = [int(r[col]) for r in rows if r[0] == WARD]
    (total,) = [int(r[col]) for r in rows if r[0] == "Tổng cộng"]
    edit_cell(data, WARD, "so_ho_ho_tro_nha_o", "0")
    edit_cell(data, "Tổng cộng", "so_ho_ho_tro_nha_o", str(total - old))  # the total follows
    return config


@pytest.mark.parametrize(
    ("formula", "values"),
    [
        ("a / b * 100", {"a": 0, "b": 0}),
        ("a / (b - c)", {"a": 5, "b": 3, "c": 3}),
        ("round(a / b, 1)", {"a": 1, "b": 0}),
    ],
    ids=["a rate of a zero base", "a difference that is zero", "inside a function"],
)
def test_division_by_zero_is_unknown_not_zero(formula: str, values: dict[str, int]) -> None:
    from decimal import Decimal

    assert compile_formula(formula)({k: Decimal(v) for k, v in values.items()}) is None


def test_check_names_the_unit_whose_figure_cannot_be_computed(tmp_path: Path) -> None:
    config = _project(tmp_path)
    out = CliRunner().invoke(main, ["check", str(config), "--format", "json"])
    assert out.exit_code == 1
    (item,) = [d for d in json.loads(out.stdout)["diagnostics"] if d["severity"] == "error"]
    assert (item["code"], item["unit"]) == ("check.uncomputable", WARD)
    assert "Số hộ được hỗ trợ nhà ở bằng 0" in item["message"]
    assert item["location"]["column"].startswith("so_ho_ho_tro_nha_o")


def test_render_holds_back_the_report_instead_of_printing_a_dash(tmp_path: Path) -> None:
    config = _project(tmp_path)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=[WARD])
    (ward,) = result.outputs
    assert ward.status == "skipped"
    assert not list((tmp_path / "o").rglob("xa-song-mai.docx"))


def test_a_declared_way_to_say_it_is_printed_and_noted(tmp_path: Path) -> None:
    config = _project(tmp_path, declared="không có")
    check = pipeline.check(config)
    assert check.summary.errors == 0
    (note,) = [f for f in check.findings if f.check == "uncomputable"]
    assert note.severity == "info" and note.unit == WARD
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=[WARD])
    (ward,) = result.outputs
    assert ward.status == "rendered" and ward.file
    text = "\n".join(p.text for p in docx.Document(str(result.out_dir / ward.file)).paragraphs)
    assert "Bình quân không có thẻ" in text
    assert "–" not in text.split("Bình quân", 1)[1].split("\n", 1)[0]


@pytest.mark.parametrize(
    ("formula", "words"),
    [
        ("so_the_bhyt * 1e999", "quá lớn"),
        ("round(so_the_bhyt, 100000)", "số chữ số của round"),
        ("round(so_the_bhyt, so_ho_ho_tro_nha_o)", "số chữ số của round"),
        ("round(so_the_bhyt, 1.5)", "số chữ số của round"),
    ],
    ids=["an infinite constant", "round to 100000 digits", "round to a figure", "round to 1.5"],
)
def test_a_formula_that_cannot_give_a_figure_is_refused_when_read(formula: str, words: str) -> None:
    from reportgen.compute.formula import FormulaError

    with pytest.raises(FormulaError) as err:
        compile_formula(formula)
    assert words in err.value.message and err.value.column


def test_rounding_past_the_digits_kept_is_unknown_not_a_crash() -> None:
    from decimal import Decimal

    assert compile_formula("round(a, 15)")({"a": Decimal(10) ** 20}) is None
    assert compile_formula("round(a, -2)")({"a": Decimal(1251)}) == Decimal("1.3E+3")
