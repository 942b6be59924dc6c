"""PDF writer and merged-PDF writer together, with a fake converter standing for LibreOffice:
a report that cannot be converted is tried once and reported once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reportgen.outputs.lopool import ConverterPool
from reportgen.outputs.merge import MergedPdfWriter
from reportgen.outputs.pdf import PdfWriter
from reportgen.outputs.writers import WrittenBatch, WrittenReport

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

FAKE = [sys.executable, str(Path(__file__).with_name("fake_uno_worker.py"))]


def test_a_report_that_cannot_be_converted_is_reported_once(tmp_path: Path) -> None:
    reports = []
    for order, (unit, text) in enumerate([("Thành phố", "ok"), ("Xã A", "bad"), ("Xã B", "ok")]):
        docx = tmp_path / f"{order}.docx"
        docx.write_text(text)
        reports.append(WrittenReport(unit, docx, order == 0, "rendered", order))
    batch = WrittenBatch(folder=tmp_path, report_id="r", reports=reports)
    with ConverterPool(1, worker_command=FAKE) as pool:
        pdf = PdfWriter(pool)
        first = pdf.write(batch)
        merged = MergedPdfWriter(pool, pdfs_from=pdf).write(batch)
    codes = [d.code for d in first.diagnostics + merged.diagnostics]
    assert codes == ["output.pdf-failed", "output.merge-failed"]
    assert "Xã A" in merged.diagnostics[0].message
    assert pdf.failed == {tmp_path / "1.docx"}
    assert not (tmp_path / "r.pdf").exists()  # a printed set missing a unit is not written
