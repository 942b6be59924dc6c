"""PDF from the rendered demo reports through the LibreOffice pool: what a reader sees.

Skipped when LibreOffice (with its UNO bridge) is not installed: scripts/install_pdf_tools.sh
installs it, and CI runs that script first.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from reportgen.app import pipeline
from reportgen.outputs import lopool
from reportgen.outputs.bundle import ZipWriter, zip_path
from reportgen.outputs.folder import batch_from_path
from reportgen.outputs.lopool import ConverterPool, LibreOfficeMissing
from reportgen.outputs.merge import MergedPdfWriter, merged_path
from reportgen.outputs.pdf import PdfWriter, pdf_path
from reportgen.outputs.writers import WriterResult, WrittenBatch
from tests.helpers import sample_project


def _tools_missing() -> str | None:
    try:
        lopool.find_tools()
    except LibreOfficeMissing as exc:
        return exc.format()
    return None


MISSING = _tools_missing()
pytestmark = pytest.mark.skipif(
    MISSING is not None, reason=f"LibreOffice/UNO not installed: {MISSING}"
)

A4 = (Decimal("595.3"), Decimal("841.9"))
WARD = "phuong-tran-phu"
# Liberation Serif: metric-compatible with Times New Roman, every Vietnamese glyph (2.x)
ONE_FAMILY = re.compile(r"^(?:[A-Z]{6}\+)?LiberationSerif(?:-Bold|-Italic|-BoldItalic)?$")


class Converted:
    """The demo rendered to .docx and converted once for the whole module."""

    def __init__(self, batch: WrittenBatch, pdf: PdfWriter, result: WriterResult) -> None:
        self.batch = batch
        self.pdf = pdf
        self.result = result


@pytest.fixture(scope="module")
def pool() -> Iterator[ConverterPool]:
    with ConverterPool(2, timeout=120) as p:
        yield p


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, pool: ConverterPool) -> Converted:
    tmp = tmp_path_factory.mktemp("pdf")
    config = sample_project(tmp)
    rendered = pipeline.render(config, out_dir=tmp / "o", jobs=1)
    batch = batch_from_path(rendered.out_dir)
    writer = PdfWriter(pool)
    return Converted(batch, writer, writer.write(batch))


def _fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()

    def walk(resources: object) -> None:
        if isinstance(resources, IndirectObject):
            resources = resources.get_object()
        if not isinstance(resources, DictionaryObject):
            return
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if isinstance(fonts, IndirectObject) else fonts
        if isinstance(fonts, DictionaryObject):
            for ref in fonts.values():
                names.add(str(ref.get_object()["/BaseFont"]).lstrip("/"))
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if isinstance(xobjects, IndirectObject) else xobjects
        if isinstance(xobjects, DictionaryObject):
            for ref in xobjects.values():
                walk(ref.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return names


def _docx_figures(path: Path) -> list[str]:
    """Every figure written in a .docx (its paragraphs and tables), as printed."""
    from docx import Document

    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return re.findall(r"\d+(?:[.,]\d+)*", " ".join(texts))


def test_every_report_converts_beside_its_docx_with_its_sha256(converted: Converted) -> None:
    files = converted.result.files
    assert converted.result.diagnostics == []
    assert len(files) == len(converted.batch.reports) == 13
    for report, written in zip(converted.batch.reports, files, strict=True):
        assert written.path == report.path.with_suffix(".pdf") and written.kind == "pdf"
        assert written.unit == report.unit
        assert hashlib.sha256(written.path.read_bytes()).hexdigest() == written.sha256


def test_ward_report_pdf_holds_its_figures(converted: Converted) -> None:
    docx = converted.batch.folder / f"{WARD}.docx"
    text = " ".join(p.extract_text() for p in PdfReader(pdf_path(docx)).pages)
    text = " ".join(text.split())
    assert "PHƯỜNG TRẦN PHÚ" in text
    assert "toàn phường Trần Phú có 4.558 hộ với 17.138 nhân khẩu" in text
    figures = _docx_figures(docx)
    assert len(figures) > 30
    missing = [f for f in figures if f not in text]
    assert missing == []


@pytest.mark.parametrize("name", [WARD, "thanh-pho-hoa-an"], ids=["ward", "city"])
def test_pages_are_a4_and_the_signature_closes_the_last_one(
    converted: Converted, name: str
) -> None:
    """Every page A4; as many pages as LibreOffice lays out, the last portrait one (and only
    it) with the recipients and the signature block — nothing cut off, nothing after it but
    the appendix on landscape pages (the city's report)."""
    reader = PdfReader(converted.batch.folder / f"{name}.pdf")
    assert len(reader.pages) >= 2
    portrait = []
    for page in reader.pages:
        size = (
            Decimal(str(page.mediabox.width)).quantize(Decimal("0.1")),
            Decimal(str(page.mediabox.height)).quantize(Decimal("0.1")),
        )
        assert size in (A4, A4[::-1])
        portrait.append(size == A4)
    main = portrait.index(False) if False in portrait else len(portrait)
    assert all(portrait[:main]) and not any(portrait[main:])
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    closing = [i for i, t in enumerate(texts) if "Nơi nhận:" in t and "TM. ỦY BAN NHÂN DÂN" in t]
    assert closing == [main - 1]


@pytest.mark.parametrize("name", [WARD, "thanh-pho-hoa-an"], ids=["ward", "city"])
def test_no_fallback_font_every_glyph_in_one_times_family(converted: Converted, name: str) -> None:
    fonts = _fonts(PdfReader(converted.batch.folder / f"{name}.pdf"))
    assert fonts, "no font found"
    assert sorted(f for f in fonts if not ONE_FAMILY.match(f)) == []


def test_pdfa_2b_metadata_when_asked(tmp_path: Path, converted: Converted) -> None:
    docx = tmp_path / f"{WARD}.docx"
    docx.write_bytes((converted.batch.folder / f"{WARD}.docx").read_bytes())
    batch = batch_from_path(docx)
    with ConverterPool(1) as pool:
        result = PdfWriter(pool, pdfa=True).write(batch)
    assert result.diagnostics == []
    reader = PdfReader(result.files[0].path)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    part = re.search(r'pdfaid:part(?:>|=")\s*(\d)', xmp)
    conformance = re.search(r'pdfaid:conformance(?:>|=")\s*([A-Za-z])', xmp)
    assert part is not None and conformance is not None
    assert (part.group(1), conformance.group(1).upper()) == ("2", "B")


def test_existing_pdf_is_not_overwritten_without_leave(
    tmp_path: Path, pool: ConverterPool, converted: Converted
) -> None:
    docx = tmp_path / f"{WARD}.docx"
    docx.write_bytes((converted.batch.folder / f"{WARD}.docx").read_bytes())
    pdf_path(docx).write_bytes(b"old")
    os.utime(pdf_path(docx), (1_000_000_000, 1_000_000_000))  # older than the .docx
    result = PdfWriter(pool).write(batch_from_path(docx))
    assert [d.code for d in result.diagnostics] == ["output.pdf-exists"]
    assert result.files == [] and pdf_path(docx).read_bytes() == b"old"
    result = PdfWriter(pool).write(batch_from_path(docx, overwrite=True))
    assert result.diagnostics == [] and pdf_path(docx).read_bytes().startswith(b"%PDF")
    # now newer than its .docx: kept as it is, listed with its SHA-256
    writer = PdfWriter(pool)
    result = writer.write(batch_from_path(docx))
    assert result.diagnostics == [] and writer.kept == [pdf_path(docx)]
    assert result.files[0].sha256 == hashlib.sha256(pdf_path(docx).read_bytes()).hexdigest()


def test_merged_pdf_holds_every_report_city_first_with_bookmarks(
    converted: Converted, pool: ConverterPool
) -> None:
    batch = converted.batch
    result = MergedPdfWriter(pool, pdfs_from=converted.pdf).write(batch)
    assert result.diagnostics == []
    (written,) = result.files
    assert written.path == merged_path(batch)
    reader = PdfReader(written.path)
    marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    assert [m[0] for m in marks][:2] == ["thành phố Hòa An", "Phường Trần Phú"]
    assert sorted(m[0] for m in marks) == sorted(r.unit for r in batch.reports)
    starts = [0]
    for report in sorted(batch.reports, key=lambda r: (not r.is_total, r.order)):
        starts.append(starts[-1] + len(PdfReader(pdf_path(report.path)).pages))
    assert [m[1] for m in marks] == starts[:-1]
    assert len(reader.pages) == starts[-1]
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Kết quả thực hiện công tác giảm nghèo năm 2024 và nhiệm vụ năm 2025"
    )


def test_zip_holds_every_report_and_pdf_and_is_deterministic(
    converted: Converted, pool: ConverterPool
) -> None:
    batch = converted.batch
    first = ZipWriter().write(batch)
    assert first.diagnostics == []
    data = zip_path(batch).read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    for report in batch.reports:
        assert f"giam-ngheo-2024/{report.path.name}" in names
        assert f"giam-ngheo-2024/{report.path.stem}.pdf" in names
    assert {"giam-ngheo-2024/manifest.json", "giam-ngheo-2024/kiem-tra.txt"} <= set(names)
    batch.overwrite = True
    try:
        again = ZipWriter().write(batch)
    finally:
        batch.overwrite = False
    assert again.files[0].sha256 == first.files[0].sha256
    assert zip_path(batch).read_bytes() == data


def test_a_libreoffice_that_died_is_started_again_and_the_document_retried(
    converted: Converted,
) -> None:
    docx = converted.batch.folder / f"{WARD}.docx"
    with ConverterPool(1, timeout=120) as pool:
        (first,) = pool.convert([docx])
        (office,) = pool.soffice_pids()
        os.kill(office, signal.SIGKILL)
        (second,) = pool.convert([docx])
        assert (first.status, first.attempts) == ("ok", 1)
        assert (second.status, second.attempts) == ("ok", 2)
        assert pool.restarts == 1 and pool.soffice_pids() != [office]
        assert second.pdf is not None and second.pdf.startswith(b"%PDF")


def test_a_profile_built_once_seeds_later_runs_even_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, converted: Converted
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("REPORTGEN_LO_SEED", raising=False)
    docx = converted.batch.folder / f"{WARD}.docx"
    with ConverterPool(1) as pool:
        assert [c.status for c in pool.convert([docx])] == ["ok"]
        seed = pool._seed
    assert seed is not None and (seed / "user").is_dir()
    with ConverterPool(1) as pool:
        assert [c.status for c in pool.convert([docx])] == ["ok"]
    # a damaged seed: LibreOffice still starts (and were it not to, the seed is dropped)
    shutil.rmtree(seed)
    (seed / "user").mkdir(parents=True)
    (seed / "user" / "registrymodifications.xcu").write_text("<not xml")
    with ConverterPool(1, startup_timeout=30) as pool:
        result = pool.convert([docx])
    assert [c.status for c in result] == ["ok"]


@pytest.mark.parametrize("name", [WARD, "thanh-pho-hoa-an"], ids=["ward", "city"])
def test_the_lean_copy_prints_the_same_pages_as_the_report(
    converted: Converted, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The worker opens a copy without the unused styles, for viewing only; the PDF must read
    page for page as the report opened as it is, for editing (REPORTGEN_PDF_LEAN=0,
    REPORTGEN_PDF_PREVIEW=0)."""
    docx = converted.batch.folder / f"{name}.docx"
    monkeypatch.setenv("REPORTGEN_PDF_LEAN", "0")
    monkeypatch.setenv("REPORTGEN_PDF_PREVIEW", "0")
    with ConverterPool(1, timeout=120) as pool:
        (plain,) = pool.convert([docx])
    assert plain.pdf is not None
    lean = PdfReader(pdf_path(docx))
    whole = PdfReader(io.BytesIO(plain.pdf))
    assert len(lean.pages) == len(whole.pages)
    for a, b in zip(lean.pages, whole.pages, strict=True):
        assert a.extract_text() == b.extract_text()
        assert (a.mediabox.width, a.mediabox.height) == (b.mediabox.width, b.mediabox.height)
    assert _fonts(lean) == _fonts(whole)
