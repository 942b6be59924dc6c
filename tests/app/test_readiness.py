"""A clean check means the render goes through: what a render needs besides the figures is
checked too, and a render failure is never reported as a figure error."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from reportgen.app import check
from reportgen.cli import main
from tests.helpers import sample_project


def _drop_column(path: Path, column: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    i = rows[0].index(column)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(
        [r[:i] + r[i + 1 :] for r in rows]
    )
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def test_check_names_a_missing_signer_column_once_with_the_units_it_concerns(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    _drop_column(config.parent.parent / "inputs" / "giam-ngheo-2024.csv", "chu_tich")
    result = check(config)
    assert [p.code for p in result.problems] == ["render.cannot-fill"]
    problem = result.problems[0]
    assert "chu_tich" in problem.message
    assert len(problem.extra["units"]) == 12


def test_check_exits_2_when_the_render_could_not_go_through(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    _drop_column(config.parent.parent / "inputs" / "giam-ngheo-2024.csv", "chu_tich")
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2
    assert "Chưa sinh được báo cáo" in out.output
    assert "chu_tich" in out.output


def test_render_failures_exit_2_and_are_not_called_figure_errors(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    _drop_column(config.parent.parent / "inputs" / "giam-ngheo-2024.csv", "chu_tich")
    out = CliRunner().invoke(main, ["render", str(config), "-o", str(tmp_path / "o"), "-j", "1"])
    assert out.exit_code == 2
    assert "không phải lỗi số liệu" in out.output


def test_a_clean_project_has_no_render_problems(tmp_path: Path) -> None:
    assert check(sample_project(tmp_path / "p")).problems == []


def test_check_says_the_data_file_lacks_the_signer_column(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    _drop_column(data, "chu_tich")
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2
    assert f'tệp số liệu {data} không có cột "chu_tich"' in out.output
    assert 'thêm cột "chu_tich"' in out.output


def test_check_names_the_rows_whose_signer_cell_is_empty(tmp_path: Path) -> None:
    from tests.helpers import edit_cell

    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Phường Ngô Quyền", "chu_tich", "")
    edit_cell(data, "Xã Tân Mỹ", "chu_tich", " ")
    result = check(config)
    (problem,) = result.problems
    assert problem.extra["units"] == ["Phường Ngô Quyền", "Xã Tân Mỹ"]
    assert 'ô trống ở cột "chu_tich" — dòng 3 (Phường Ngô Quyền), dòng 11 (Xã Tân Mỹ)' in (
        problem.message
    )
    assert problem.location is not None and problem.location.row == 3
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2 and "dòng 3 (Phường Ngô Quyền)" in out.output


def test_check_finds_a_template_tag_that_would_fail_every_report(tmp_path: Path) -> None:
    from docx import Document

    config = sample_project(tmp_path / "p")
    template = config.parent.parent / "templates" / "bao-cao-co-ban.docx"
    doc = Document(str(template))
    doc.add_paragraph("Người lập: {{ don_vi.nguoi_lap }}")
    doc.save(str(template))
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2, out.output
    assert "Chưa sinh được báo cáo" in out.output
    assert "không có trường «nguoi_lap»" in out.output
    assert "⟦{{ don_vi.nguoi_lap }}⟧" in out.output
    rendered = CliRunner().invoke(main, ["render", str(config), "-o", str(tmp_path / "o")])
    assert rendered.exit_code == 2  # the render agrees with the check


def test_a_signer_column_written_with_accents_is_pointed_to(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    text = data.read_text(encoding="utf-8-sig")
    data.write_text(text.replace(";chu_tich;", ";Chủ tịch;", 1), encoding="utf-8-sig")
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2
    assert 'có phải cột "Chủ tịch"? Đặt tên cột là "chu_tich"' in out.output


def test_check_names_every_ward_where_a_division_typed_in_the_template_fails(
    tmp_path: Path,
) -> None:
    from docx import Document

    config = sample_project(tmp_path / "p")
    template = config.parent.parent / "templates" / "bao-cao-co-ban.docx"
    doc = Document(str(template))
    doc.add_paragraph("Bình quân: {{ ho_ngheo_cuoi_ky / phat_sinh_moi }} hộ")
    doc.save(str(template))
    result = check(config)
    (problem,) = result.problems
    assert problem.extra["units"] == ["Phường Ngô Quyền", "Phường Lê Lợi", "Xã Tân Tiến"]
    assert problem.extra["template_code"] == "template.division-by-zero"
    assert "chia cho 0" in problem.message
    assert "3 đơn vị: Phường Ngô Quyền, Phường Lê Lợi, Xã Tân Tiến" in problem.message
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 2 and "Xã Tân Tiến" in out.output, out.output
    one = check(config, units=["Phường Lê Lợi"])
    assert [p.extra["units"] for p in one.problems] == [["Phường Lê Lợi"]]
    assert check(config, units=["Phường Trần Phú"]).problems == []
