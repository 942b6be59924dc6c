"""A unit whose figures now fail its checks: its earlier report goes aside with its PDF, and so
do the merged PDF and the zip that hold it — nothing with figures known to be wrong stays beside
the reports to sign, print or hand over."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reportgen.app import pipeline
from reportgen.outputs.bundle import zip_path
from reportgen.outputs.folder import record_files
from reportgen.outputs.merge import merged_path
from reportgen.outputs.setaside import bundles_of, set_aside, set_aside_report
from reportgen.outputs.writers import WrittenBatch, WrittenFile
from tests.helpers import edit_cell, sample_project


@pytest.mark.parametrize(
    ("present", "taken", "expected"),
    [
        (["x.docx", "x.pdf"], [], ["x.cu.docx", "x.cu.pdf"]),
        (["x.docx"], [], ["x.cu.docx"]),
        (["x.pdf"], [], ["x.cu.pdf"]),  # --pdf-only: the .docx was removed
        (["x.docx", "x.pdf"], ["x.cu.docx"], ["x.cu-2.docx", "x.cu-2.pdf"]),
        (["x.docx", "x.pdf"], ["x.cu.pdf"], ["x.cu-2.docx", "x.cu-2.pdf"]),
        ([], [], []),
    ],
    ids=["report-and-pdf", "report-only", "pdf-only", "number-taken", "pdf-number-taken", "none"],
)
def test_a_report_and_its_pdf_go_aside_under_one_number(
    tmp_path: Path, present: list[str], taken: list[str], expected: list[str]
) -> None:
    for name in present + taken:
        (tmp_path / name).write_text(name)
    moved = set_aside_report(tmp_path / "x.docx")
    assert [p.name for p in moved] == expected
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.pdf").exists()
    for name in taken:  # an earlier set-aside file is never replaced
        assert (tmp_path / name).read_text() == name


def test_the_batch_files_go_aside_only_with_a_report(tmp_path: Path) -> None:
    bundles = bundles_of(tmp_path, "bc")
    for b in bundles:
        b.write_text("all units")
    assert set_aside_report(tmp_path / "gone.docx", bundles) == []
    assert all(b.exists() for b in bundles)
    (tmp_path / "x.pdf").write_text("x")
    moved = set_aside_report(tmp_path / "x.docx", bundles)
    assert [p.name for p in moved] == ["x.cu.pdf", "bc.cu.pdf", "bc.cu.zip"]
    assert set_aside([tmp_path / "none"]) == []


def test_bundles_are_the_merged_pdf_and_the_zip(tmp_path: Path) -> None:
    batch = WrittenBatch(folder=tmp_path, report_id="giam-ngheo-2024", reports=[])
    assert bundles_of(tmp_path, "giam-ngheo-2024") == [merged_path(batch), zip_path(batch)]


def test_a_city_report_now_wrong_takes_its_pdf_merged_pdf_and_zip_aside(tmp_path: Path) -> None:
    """The first run wrote every report with its PDF, the merged PDF and the zip; the city's
    row is then edited so that it no longer adds up. The re-run (no --changed, no --overwrite:
    every ward report is unchanged) must not leave the city's old PDF, nor a merged PDF or zip
    holding it, where an operator would print or send them."""
    config = sample_project(tmp_path)
    first = pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    folder = first.out_dir
    city = folder / "thanh-pho-hoa-an.pdf"
    files = []
    for docx in sorted(folder.glob("*.docx")):
        pdf = docx.with_suffix(".pdf")
        pdf.write_bytes(b"%PDF " + docx.name.encode())
        files.append(WrittenFile(pdf, "pdf", hashlib.sha256(pdf.read_bytes()).hexdigest()))
    merged, packed = bundles_of(folder, "giam-ngheo-2024")
    merged.write_bytes(b"%PDF all units")
    packed.write_bytes(b"PK all units")
    record_files(folder, files)

    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Tổng cộng", "tong_so_khau", "179.770")
    again = pipeline.render(config, out_dir=tmp_path / "o", jobs=1)

    (held,) = [o for o in again.outputs if o.state == "set-aside"]
    assert held.unit == "thành phố Hòa An"
    for name in ("thanh-pho-hoa-an.cu.docx", "thanh-pho-hoa-an.cu.pdf", "giam-ngheo-2024.cu.pdf"):
        assert name in (held.reason or "")
    assert not city.exists() and not merged.exists() and not packed.exists()
    assert (folder / "thanh-pho-hoa-an.cu.pdf").read_bytes() == b"%PDF thanh-pho-hoa-an.docx"
    assert (folder / "giam-ngheo-2024.cu.zip").read_bytes() == b"PK all units"
    manifest = json.loads(again.manifest_file.read_text(encoding="utf-8"))
    listed = {f["file"] for f in manifest["files"]}
    assert "thanh-pho-hoa-an.pdf" not in listed
    assert "phuong-tran-phu.pdf" in listed
