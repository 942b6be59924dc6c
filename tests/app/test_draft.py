"""A draft shows what is wrong where it is: the figures that failed a check are highlighted."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from reportgen.app import render
from tests.helpers import edit_cell, sample_project


def _highlighted(path: Path) -> list[str]:
    doc = Document(str(path))
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    out = []
    for p in paragraphs:
        for run in p.runs:
            rpr = run._r.rPr
            if rpr is not None and rpr.find(qn("w:highlight")) is not None:
                out.append(run.text)
    return out


def test_a_draft_highlights_the_figure_that_failed_and_a_clean_report_has_none(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    result = render(
        config, out_dir=tmp_path / "o", units=["Xã Song Mai", "Xã Tân Mỹ"], force=True, jobs=1
    )
    by_unit = {o.unit: o for o in result.outputs}
    assert by_unit["Xã Song Mai"].status == "draft"
    marked = _highlighted(Path(by_unit["Xã Song Mai"].file or ""))
    assert any("999,9" in text for text in marked), marked
    assert by_unit["Xã Tân Mỹ"].status == "rendered"
    assert _highlighted(Path(by_unit["Xã Tân Mỹ"].file or "")) == []


def test_a_draft_carries_a_word_comment_on_the_failing_figure_and_stays_byte_identical(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    first = render(config, out_dir=tmp_path / "a", units=["Xã Song Mai"], force=True, jobs=1)
    second = render(config, out_dir=tmp_path / "b", units=["Xã Song Mai"], force=True, jobs=1)
    path = Path(first.outputs[0].file or "")
    doc = Document(str(path))
    comments = list(doc.comments)
    assert comments, "the draft has no Word comment"
    assert all(c.author == "reportgen" for c in comments)
    assert any("Tổng kinh phí" in c.text and "cần" in c.text for c in comments)
    assert path.read_bytes() == Path(second.outputs[0].file or "").read_bytes()
    # the clock must not reach the archive: every entry carries the fixed timestamp
    with zipfile.ZipFile(path) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_signed_ready_report_has_no_comment(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    result = render(config, out_dir=tmp_path / "o", units=["Xã Tân Mỹ"], jobs=1)
    assert list(Document(str(result.outputs[0].file or "")).comments) == []


def _comments_by_figure(path: Path) -> dict[str, str]:
    """The text of each commented run of the body → its comment's text."""
    doc = Document(str(path))
    texts = {c.comment_id: c.text for c in doc.comments}
    out: dict[str, str] = {}
    body = doc.element.body
    start: dict[int, list[str]] = {}
    for el in body.iter(qn("w:commentRangeStart"), qn("w:r")):
        if el.tag == qn("w:commentRangeStart"):
            start[int(el.get(qn("w:id")))] = []
            continue
        for words in start.values():
            words.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
        ref = el.find(qn("w:commentReference"))
        if ref is not None:
            cid = int(ref.get(qn("w:id")))
            figure = "".join(start.pop(cid, [])).strip()
            out[figure] = texts[cid]
    return out


def test_only_the_cells_to_fix_are_highlighted_each_with_what_it_should_be(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    edit_cell(data, "Xã Song Mai", "ty_le_ho_ngheo", "3,33")
    result = render(config, out_dir=tmp_path / "o", units=["Xã Song Mai"], force=True, jobs=1)
    path = Path(result.outputs[0].file or "")
    marked = _highlighted(path)
    # the wrong cells (text and table) are marked; the right parts of the wrong total are not
    assert "999,9 triệu đồng" in marked and "999,9" in marked, marked
    assert "3,33%" in marked and "3,33" in marked, marked
    for right in ("2.722", "52", "251,3 triệu đồng", "323,4 triệu đồng", "494,2 triệu đồng"):
        assert right not in marked, (right, marked)
    comments = _comments_by_figure(path)
    money = comments["999,9 triệu đồng"]
    assert "Tổng kinh phí: cần 593,3 triệu đồng" in money and "Tỷ lệ hộ nghèo" not in money
    rate = comments["3,33%"]
    assert "Tỷ lệ hộ nghèo: cần 1,91%" in rate and "Tổng kinh phí" not in rate
    assert "999,9" in comments and "3,33" in comments  # the table cells too
    with zipfile.ZipFile(path) as archive:
        assert b"reportgen:figures" not in archive.read("word/document.xml")


def test_a_figure_the_checks_cannot_decide_on_is_highlighted_with_every_candidate(
    tmp_path: Path,
) -> None:
    from reportgen.app.drafts import failing_figures
    from reportgen.validate.findings import Finding

    undecided = Finding.of(
        "error", "sum", "Xã Song Mai", ["a", "b", "c"], None, None, "a: cần 3, nhưng ghi 4"
    )
    consequence = Finding.of(
        "error", "percentage", "Xã Song Mai", ["d", "a"], None, None, "d: cần 10%"
    ).with_extra(decided=True, consequence_of=["a"], suspects=[{"indicator": "a"}])
    marks = failing_figures([undecided, consequence])
    assert marks == {
        "Xã Song Mai": {
            "a": "a: cần 3, nhưng ghi 4",
            "b": "a: cần 3, nhưng ghi 4",
            "c": "a: cần 3, nhưng ghi 4",
        }
    }


def test_a_draft_with_comments_becomes_a_pdf_with_the_figure_highlighted(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from click.testing import CliRunner

    from reportgen.cli import main
    from reportgen.outputs import lopool
    from reportgen.outputs.lopool import LibreOfficeMissing

    try:
        lopool.find_tools()
    except LibreOfficeMissing as exc:
        pytest.skip(f"LibreOffice is not installed: {exc.format()}")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    out = CliRunner().invoke(
        main,
        [
            "render",
            str(config),
            "--unit",
            "Xã Song Mai",
            "--force",
            "--pdf",
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert out.exit_code == 1, out.output  # a draft: figures are wrong, the PDF is made
    folder = tmp_path / "o" / "giam-ngheo-2024"
    assert list(Document(str(folder / "xa-song-mai.docx")).comments)  # the notes stay in Word
    text = subprocess.run(
        ["pdftotext", str(folder / "xa-song-mai.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "DỰ THẢO" in text and "999,9" in text


def test_the_copy_given_to_libreoffice_has_no_comments_and_the_same_text(tmp_path: Path) -> None:
    from reportgen.outputs.lopool import _without_comments

    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    result = render(config, out_dir=tmp_path / "o", units=["Xã Song Mai"], force=True, jobs=1)
    draft = Path(result.outputs[0].file or "")
    plain = _without_comments(draft, tmp_path / "plain.docx")
    assert plain is not None
    with zipfile.ZipFile(plain) as archive:
        names = archive.namelist()
        assert not [n for n in names if "comments" in n]
        assert b"comment" not in archive.read("word/document.xml").lower()
        assert b"comments" not in archive.read("[Content_Types].xml")
    before = [p.text for p in Document(str(draft)).paragraphs]
    assert [p.text for p in Document(str(plain)).paragraphs] == before
    assert _highlighted(plain) == _highlighted(draft)
    assert _without_comments(plain, tmp_path / "again.docx") is None  # nothing to take out


def test_the_city_draft_says_which_ward_holds_the_cell_to_fix(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    edit_cell(data, "Xã Song Mai", "kinh_phi_tong", "999,9")
    result = render(config, out_dir=tmp_path / "o", units=["thành phố Hòa An"], force=True, jobs=1)
    (city,) = result.outputs
    assert city.status == "draft"
    comments = list(Document(str(city.file)).comments)
    assert comments
    assert any(
        "Tổng kinh phí ở dòng tổng" in c.text
        and "Có lẽ do số của Xã Song Mai" in c.text
        and "999,9" in c.text
        for c in comments
    ), [c.text for c in comments]
