"""The zip to hand over, the merged PDF's bookmarks and the batch read back from a folder — no
LibreOffice needed."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from reportgen.diagnostics.errors import OutputError
from reportgen.outputs.bundle import ZipWriter, deterministic_zip, zip_path
from reportgen.outputs.folder import batch_from_path
from reportgen.outputs.merge import merge_pdfs
from reportgen.outputs.writers import WrittenBatch, WrittenReport

UNITS = [("Phường A", "phuong-a", False), ("Xã B", "xa-b", False), ("thành phố C", "tp-c", True)]


def _pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _batch(folder: Path, *, pdfs: bool = True) -> WrittenBatch:
    reports = []
    for order, (unit, slug, total) in enumerate(UNITS):
        docx = folder / f"{slug}.docx"
        docx.write_bytes(f"docx {unit}".encode())
        if pdfs:
            docx.with_suffix(".pdf").write_bytes(f"pdf {unit}".encode())
        reports.append(WrittenReport(unit, docx, total, "rendered", order))
    side = []
    for name in ("kiem-tra.txt", "manifest.json"):
        (folder / name).write_text(name)
        side.append(folder / name)
    return WrittenBatch(folder, "bao-cao", reports, side)


def _names(path: Path) -> list[str]:
    return zipfile.ZipFile(path).namelist()


def test_zip_holds_reports_city_first_then_findings_and_manifest(tmp_path: Path) -> None:
    result = ZipWriter().write(_batch(tmp_path))
    assert result.diagnostics == []
    assert _names(zip_path(_batch(tmp_path))) == [
        "bao-cao/tp-c.docx",
        "bao-cao/tp-c.pdf",
        "bao-cao/phuong-a.docx",
        "bao-cao/phuong-a.pdf",
        "bao-cao/xa-b.docx",
        "bao-cao/xa-b.pdf",
        "bao-cao/kiem-tra.txt",
        "bao-cao/manifest.json",
    ]


def test_zip_is_the_same_bytes_whenever_and_wherever_it_is_made(tmp_path: Path) -> None:
    one, two = tmp_path / "1", tmp_path / "2"
    one.mkdir()
    two.mkdir()
    ZipWriter().write(_batch(one))
    batch = _batch(two)
    for f in two.iterdir():
        os.utime(f, (1_700_000_000, 1_700_000_000))  # other times on disk
    ZipWriter().write(batch)
    assert zip_path(batch).read_bytes() == (one / "bao-cao.zip").read_bytes()
    info = zipfile.ZipFile(zip_path(batch)).infolist()[0]
    assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_deterministic_zip_keeps_the_order_given() -> None:
    data = deterministic_zip([("b.txt", b"2"), ("a.txt", b"1")])
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["b.txt", "a.txt"]
    assert data == deterministic_zip([("b.txt", b"2"), ("a.txt", b"1")])


def test_a_pdf_older_than_its_docx_is_left_out_of_the_zip(tmp_path: Path) -> None:
    batch = _batch(tmp_path)
    stale = tmp_path / "xa-b.pdf"
    os.utime(stale, (1_000_000_000, 1_000_000_000))  # from an earlier run
    ZipWriter().write(batch)
    names = _names(zip_path(batch))
    assert "bao-cao/xa-b.pdf" not in names and "bao-cao/xa-b.docx" in names


def test_existing_zip_is_not_overwritten_without_leave(tmp_path: Path) -> None:
    batch = _batch(tmp_path)
    zip_path(batch).write_bytes(b"old")
    result = ZipWriter().write(batch)
    assert [d.code for d in result.diagnostics] == ["output.file-exists"]
    assert zip_path(batch).read_bytes() == b"old"
    batch.overwrite = True
    assert ZipWriter().write(batch).diagnostics == []
    assert zipfile.is_zipfile(zip_path(batch))


def test_merged_pdf_has_one_bookmark_per_unit_at_its_first_page() -> None:
    data = merge_pdfs(
        [("thành phố C", _pdf(4)), ("Phường A", _pdf(3)), ("Xã B", _pdf(2))], title="t"
    )
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 9
    marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    assert marks == [("thành phố C", 0), ("Phường A", 4), ("Xã B", 7)]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def _render_like(folder: Path, outputs: list[dict[str, object]]) -> None:
    folder.mkdir(exist_ok=True)
    for o in outputs:
        if o.get("file"):
            (folder / str(o["file"])).write_bytes(b"docx")
    manifest = {"report": "giam-ngheo", "outputs": outputs}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))


def test_folder_batch_takes_names_and_order_from_the_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "giam-ngheo"
    _render_like(
        folder,
        [
            {"unit": "Xã Đồng Sơn", "file": "xa-dong-son.docx", "status": "rendered"},
            {"unit": "Phường Lê Lợi", "file": "phuong-le-loi.docx", "status": "draft"},
            {"unit": "Xã Tân Mỹ", "file": None, "status": "skipped"},
            {"unit": "thành phố Hòa An", "file": "thanh-pho-hoa-an.docx", "status": "rendered"},
        ],
    )
    (folder / "phuong-le-loi.cu.docx").write_bytes(b"set aside: wrong figures")
    (folder / "xa-tan-my.cu-2.docx").write_bytes(b"set aside")
    (folder / "~$ong-son.docx").write_bytes(b"word lock")
    (folder / "them.docx").write_bytes(b"not in the manifest")
    batch = batch_from_path(folder)
    assert batch.report_id == "giam-ngheo"
    got = [(r.unit, r.path.name, r.is_total, r.status) for r in batch.reports]
    assert got == [
        ("Xã Đồng Sơn", "xa-dong-son.docx", False, "rendered"),
        ("Phường Lê Lợi", "phuong-le-loi.docx", False, "draft"),
        ("thành phố Hòa An", "thanh-pho-hoa-an.docx", True, "rendered"),
        ("them", "them.docx", False, "rendered"),
    ]
    assert [p.name for p in batch.side_files] == ["manifest.json"]


@pytest.mark.parametrize(
    ("name", "code"),
    [("none", "output.not-found"), ("", "output.no-docx"), ("a.pdf", "output.not-docx")],
    ids=["missing-path", "empty-folder", "not-a-docx"],
)
def test_nothing_to_convert_is_said_plainly(tmp_path: Path, name: str, code: str) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(OutputError) as info:
        batch_from_path(tmp_path / name)
    assert info.value.code == code
    assert info.value.hint


def test_written_files_are_listed_in_the_folders_manifest(tmp_path: Path) -> None:
    from reportgen.outputs.folder import record_files
    from reportgen.outputs.writers import WrittenFile

    folder = tmp_path / "giam-ngheo"
    _render_like(folder, [{"unit": "Xã B", "file": "xa-b.docx", "status": "rendered"}])
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = [{"file": "xa-b.pdf", "kind": "pdf", "sha256": "old"}]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    new = [
        WrittenFile(folder / "xa-b.pdf", "pdf", "a" * 64, unit="Xã B"),
        WrittenFile(folder / "giam-ngheo.pdf", "pdf-merged", "b" * 64),
    ]
    assert record_files(folder, new)
    after = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert after["files"] == [
        {"file": "xa-b.pdf", "kind": "pdf", "sha256": "a" * 64, "unit": "Xã B"},
        {"file": "giam-ngheo.pdf", "kind": "pdf-merged", "sha256": "b" * 64},
    ]
    assert after["outputs"] == manifest["outputs"]
    assert not record_files(tmp_path, new)  # no manifest there: none is made


def test_pdf_command_zips_a_folder_without_libreoffice(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reportgen.cli import main

    folder = tmp_path / "giam-ngheo"
    _render_like(
        folder,
        [
            {"unit": "Xã B", "file": "xa-b.docx", "status": "rendered"},
            {"unit": "thành phố C", "file": "tp-c.docx", "status": "rendered"},
        ],
    )
    result = CliRunner().invoke(main, ["pdf", str(folder), "--no-pdf", "--zip"])
    assert result.exit_code == 0, result.output
    assert "Tệp nén (để gửi)" in result.output
    assert _names(folder / "giam-ngheo.zip") == [
        "giam-ngheo/tp-c.docx",
        "giam-ngheo/xa-b.docx",
        "giam-ngheo/manifest.json",
    ]
    again = CliRunner().invoke(main, ["pdf", str(folder), "--no-pdf", "--zip"])
    assert again.exit_code == 0, again.output  # nothing changed: the zip is kept
