"""The package reader and the minimal ZIP writer."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

from reportgen.diagnostics.errors import TemplateError
from reportgen.docx.zipio import PreparedEntry, build_zip, read_package
from tests.helpers import SOFFICE, libreoffice_convert

from .builders import body_texts, make_docx, p, r, render_checked, tbl, tc, tr


def _archive(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data, method in entries:
            z.writestr(zipfile.ZipInfo(name, (2023, 5, 6, 7, 8, 10)), data, compress_type=method)
    return buffer.getvalue()


ENTRIES = [
    ("a.xml", b"<a/>" * 100, zipfile.ZIP_DEFLATED),
    ("thư mục/tên tiếng Việt.xml", "dữ liệu".encode(), zipfile.ZIP_DEFLATED),
    ("b.bin", bytes(range(256)), zipfile.ZIP_STORED),
    ("empty", b"", zipfile.ZIP_STORED),
]


def test_copy_of_a_package_keeps_names_order_and_data() -> None:
    data = _archive(ENTRIES)
    entries = read_package(data, "x.zip")
    out = build_zip([PreparedEntry.fixed(e) for e in entries], [None] * len(entries))
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.testzip() is None
        assert [i.filename for i in z.infolist()] == [e[0] for e in ENTRIES]
        for info, (_, content, method) in zip(z.infolist(), ENTRIES, strict=True):
            assert z.read(info) == content
            assert info.compress_type == method
            assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_dynamic_entries_are_deflated() -> None:
    data = _archive(ENTRIES)
    entries = [PreparedEntry.fixed(e) for e in read_package(data, "x.zip")]
    out = build_zip(entries, [b"<moi/>" * 50, None, None, b"khong rong"])
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.testzip() is None
        assert z.read("a.xml") == b"<moi/>" * 50
        assert z.read("empty") == b"khong rong"
        assert z.getinfo("empty").compress_type == zipfile.ZIP_DEFLATED


def test_data_descriptor_entries_are_read() -> None:
    # a streamed archive (sizes after the data) as some tools write them
    buffer = io.BytesIO()

    class Unseekable(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b: bytes) -> int:  # type: ignore[override]
            return buffer.write(b)

    with zipfile.ZipFile(Unseekable(), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<x/>")
    entries = read_package(buffer.getvalue(), "x.zip")
    out = build_zip([PreparedEntry.fixed(e) for e in entries], [None])
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.read("word/document.xml") == b"<x/>"
        assert not z.getinfo("word/document.xml").flag_bits & 0x8


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_libreoffice_opens_rendered_documents(tmp_path: Path) -> None:
    body = (
        p(r("Xã {{ ten }}"))
        + p(r("{%p if co %}"))
        + p(r("Có ghi chú"))
        + p(r("{%p endif %}"))
        + tbl(
            tr(tc(p(r("{%tr for t in xs %}")))),
            tr(tc(p(r("{{ t }}")))),
            tr(tc(p(r("{%tr endfor %}")))),
        )
    )
    _, out = render_checked(
        make_docx(body, header=p(r("Đầu {{ ten }}"))),
        {"ten": "Hòa & Bình <1>", "co": True, "xs": ["Thôn 1", "Thôn 2"]},
    )
    source = tmp_path / "bao_cao.docx"
    source.write_bytes(out)
    libreoffice_convert(source, "txt:Text", tmp_path)
    text = (tmp_path / "bao_cao.txt").read_text(encoding="utf-8-sig")
    assert "Xã Hòa & Bình <1>" in text
    assert "Có ghi chú" in text
    assert "Thôn 2" in text
    assert body_texts(out)[0] == "Xã Hòa & Bình <1>"


def test_a_zip_bomb_template_is_refused_before_it_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportgen.docx import zipio

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a/>")
        z.writestr("word/media/bom.bin", b"\0" * 5_000_000)  # ~5 kB compressed
    monkeypatch.setattr(zipio, "MAX_TEMPLATE_BYTES", 1_000_000)
    with pytest.raises(TemplateError) as info:
        zipio.read_package(buffer.getvalue(), "bom.docx")
    assert "quá lớn" in info.value.message


def test_an_entry_larger_than_it_declares_is_damaged() -> None:
    from reportgen.docx.zipio import DEFLATED, RawEntry, deflate

    body = b"x" * 10_000
    entry = RawEntry("a.xml", b"a.xml", 0, DEFLATED, zlib.crc32(body[:100]), deflate(body), 100)
    with pytest.raises(ValueError):
        entry.data()
