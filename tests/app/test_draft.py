"""A draft shows what is wrong where it is: the figures that failed a check are highlighted."""

from __future__ import annotations

import zipfile
from pathlib import Path

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
