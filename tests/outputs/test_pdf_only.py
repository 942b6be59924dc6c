"""``--pdf-only`` run twice: the .docx is gone after the first run, so the second writes it again;
its PDF is then known by the SHA-256 of the .docx it was made from (kept in the manifest), not
refused as an older PDF. A fake converter stands for LibreOffice."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reportgen.outputs.folder import record_files
from reportgen.outputs.lopool import ConverterPool
from reportgen.outputs.pdf import PdfWriter
from reportgen.outputs.writers import WrittenBatch, WrittenReport

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

FAKE = [sys.executable, str(Path(__file__).with_name("fake_uno_worker.py"))]


def _batch(folder: Path, text: str) -> WrittenBatch:
    """The batch a render run hands over after writing x.docx anew (state ``new``)."""
    docx = folder / "x.docx"
    docx.write_text(text)
    report = WrittenReport("Xã X", docx, False, "rendered", 0, changed=True)
    return WrittenBatch(folder=folder, report_id="r", reports=[report])


@pytest.mark.parametrize(
    ("second", "kept", "codes"),
    [("ok", True, []), ("ok changed", False, ["output.pdf-exists"])],
    ids=["same-docx-pdf-kept", "other-docx-pdf-refused"],
)
def test_pdf_only_rerun_knows_its_pdf_by_the_docx_it_was_made_from(
    tmp_path: Path, second: str, kept: bool, codes: list[str]
) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"report": "r", "outputs": []}))
    with ConverterPool(1, worker_command=FAKE) as pool:
        first = PdfWriter(pool, remove_docx=True).write(_batch(tmp_path, "ok"))
        assert first.diagnostics == []
        assert record_files(tmp_path, first.files)
        pdf = (tmp_path / "x.pdf").read_bytes()
        assert not (tmp_path / "x.docx").exists()

        writer = PdfWriter(pool, remove_docx=True)
        again = writer.write(_batch(tmp_path, second))
    assert [d.code for d in again.diagnostics] == codes
    assert (writer.kept == [tmp_path / "x.pdf"]) is kept
    assert (tmp_path / "x.pdf").read_bytes() == pdf
    assert (tmp_path / "x.docx").exists() is not kept  # refused: the new .docx stays


def test_a_pdf_replaced_since_is_not_taken_for_the_one_made(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"report": "r", "outputs": []}))
    with ConverterPool(1, worker_command=FAKE) as pool:
        first = PdfWriter(pool, remove_docx=True).write(_batch(tmp_path, "ok"))
        record_files(tmp_path, first.files)
        (tmp_path / "x.pdf").write_bytes(b"%PDF another")
        again = PdfWriter(pool, remove_docx=True).write(_batch(tmp_path, "ok"))
    assert [d.code for d in again.diagnostics] == ["output.pdf-exists"]
    assert (tmp_path / "x.pdf").read_bytes() == b"%PDF another"


@pytest.mark.parametrize(
    ("existing", "kept", "codes"),
    [
        (b"%PDF plain", False, ["output.pdf-not-pdfa"]),
        (b"%PDF <pdfaid:part>2</pdfaid:part>", True, []),
    ],
    ids=["plain-pdf-not-taken-for-pdfa", "pdfa-kept"],
)
def test_pdfa_asked_keeps_only_a_pdfa_already_there(
    tmp_path: Path, existing: bytes, kept: bool, codes: list[str]
) -> None:
    docx = tmp_path / "x.docx"
    docx.write_text("ok")
    (tmp_path / "x.pdf").write_bytes(existing)  # newer than the .docx: kept when it may be
    report = WrittenReport("Xã X", docx, False, "rendered", 0, changed=False)
    batch = WrittenBatch(folder=tmp_path, report_id="r", reports=[report])
    with ConverterPool(1, worker_command=FAKE) as pool:
        writer = PdfWriter(pool, pdfa=True)
        result = writer.write(batch)
    assert [d.code for d in result.diagnostics] == codes
    assert (writer.kept == [tmp_path / "x.pdf"]) is kept
    assert (tmp_path / "x.pdf").read_bytes() == existing
