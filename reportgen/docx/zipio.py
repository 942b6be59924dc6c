"""Reading a .docx package once, and writing rendered packages fast and deterministically.

The reader keeps, for every entry, its name, its position in the archive and its *raw compressed
bytes* with CRC and sizes, so that untouched entries are copied to every output without being
decompressed or recompressed. The writer is a minimal ZIP writer: no extra fields, no data
descriptors, no ZIP64, a fixed timestamp (1980-01-01 00:00:00), entries in the template's order.
Same inputs give byte-identical outputs.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, TemplateError
from reportgen.diagnostics.oserrors import os_reason

__all__ = [
    "DEFLATED",
    "MAX_TEMPLATE_BYTES",
    "STORED",
    "PreparedEntry",
    "RawEntry",
    "build_zip",
    "deflate",
    "read_package",
]

STORED = zipfile.ZIP_STORED
DEFLATED = zipfile.ZIP_DEFLATED

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG = 0x04034B50
_CENTRAL_SIG = 0x02014B50
_END_SIG = 0x06054B50
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_VERSION = 20  # 2.0: deflate; made by MS-DOS (host 0)
_FLAG_UTF8 = 0x0800
_FLAG_KEEP = 0x0806  # UTF-8 names + deflate option bits; the data-descriptor bit is dropped
_MAX32 = 0xFFFFFFFF
_MAX16 = 0xFFFF

MAX_TEMPLATE_BYTES = 300_000_000
"""Largest template read, uncompressed (every entry together): Word templates are a few
hundred kB to a few MB with pictures; anything near this is a "zip bomb"."""


@dataclass(frozen=True)
class RawEntry:
    """One entry of the template package as read: name and raw (still compressed) data."""

    name: str
    """The entry name, e.g. ``word/document.xml``."""
    name_bytes: bytes
    """The name exactly as stored in the archive."""
    flags: int
    """General-purpose flags to write (UTF-8 name bit and deflate option bits only)."""
    method: int
    """Compression method (0 stored, 8 deflated)."""
    crc: int
    """CRC-32 of the uncompressed data."""
    compressed: bytes
    """The raw compressed bytes, copied verbatim to outputs when the entry is untouched."""
    size: int
    """Uncompressed size."""

    def data(self) -> bytes:
        """Return the uncompressed bytes (CRC checked)."""
        if self.method == STORED:
            out = self.compressed
        elif self.method == DEFLATED:
            # never more than the declared size (+1 to notice a lie): a "zip bomb" entry
            # cannot take more memory than its header admits
            out = zlib.decompressobj(-15).decompress(self.compressed, self.size + 1)
        else:  # pragma: no cover - checked by read_package
            raise ValueError(f"unsupported compression method {self.method}")
        if zlib.crc32(out) != self.crc or len(out) != self.size:
            raise ValueError(f"CRC mismatch in {self.name}")
        return out


def _bad(file: str, key: str, **params: Any) -> TemplateError:
    """The error of catalog entry ``key`` (a ``template.bad-docx``) about ``file``."""
    d = catalog.make(key, location=Location(file=file), **params)
    return TemplateError(d.message, location=d.location, hint=d.hint, code=d.code)


def read_package(data: bytes, file: str) -> list[RawEntry]:
    """Read every entry of a ZIP archive, keeping raw compressed bytes, CRCs and order.

    Every entry is decompressed once and its CRC checked, so a damaged template is refused
    here instead of producing damaged reports. Raises :class:`TemplateError` (naming ``file``)
    when the data is not a readable ZIP archive.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _bad(file, "template.bad-docx-not-zip") from exc
    entries: list[RawEntry] = []
    with archive:
        declared = sum(info.file_size for info in archive.infolist())
        if declared > MAX_TEMPLATE_BYTES:
            raise _bad(
                file,
                "template.bad-docx-too-large",
                size=declared // 1_000_000,
                limit=MAX_TEMPLATE_BYTES // 1_000_000,
            )
        for info in archive.infolist():
            if info.flag_bits & 0x1:
                raise _bad(file, "template.bad-docx-encrypted", entry=info.filename)
            if info.compress_type not in (STORED, DEFLATED):
                raise _bad(file, "template.bad-docx-compression", entry=info.filename)
            if max(info.compress_size, info.file_size, info.header_offset) >= _MAX32:
                raise _bad(file, "template.bad-docx-entry-too-large", entry=info.filename)
            offset = info.header_offset
            header = data[offset : offset + _LOCAL.size]
            if len(header) != _LOCAL.size:
                raise _bad(file, "template.bad-docx-truncated", entry=info.filename)
            fields = _LOCAL.unpack(header)
            if fields[0] != _LOCAL_SIG:
                raise _bad(file, "template.bad-docx-damaged", entry=info.filename)
            start = offset + _LOCAL.size + fields[9] + fields[10]
            raw = data[start : start + info.compress_size]
            if len(raw) != info.compress_size:
                raise _bad(file, "template.bad-docx-truncated", entry=info.filename)
            utf8 = bool(info.flag_bits & _FLAG_UTF8)
            name_bytes = info.orig_filename.encode("utf-8" if utf8 else "cp437")
            entry = RawEntry(
                name=info.filename,
                name_bytes=name_bytes,
                flags=info.flag_bits & _FLAG_KEEP,
                method=info.compress_type,
                crc=info.CRC,
                compressed=raw,
                size=info.file_size,
            )
            try:
                entry.data()
            except (ValueError, zlib.error) as exc:
                raise _bad(file, "template.bad-docx-crc", entry=info.filename) from exc
            entries.append(entry)
    return entries


#: zlib level for rendered parts: level 1 is about twice as fast as the default 6 on document
#: XML and the archive is only a few per cent larger (most of a .docx is copied untouched).
LEVEL = 1
_SMALL = 4096
_memo: dict[bytes, tuple[bytes, int]] = {}


def read_template_file(path: Path) -> bytes:
    """The bytes of the template at ``path``; :class:`TemplateError` (Vietnamese, with a hint)
    when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        d = catalog.make(
            "template.unreadable", location=Location(file=str(path)), reason=os_reason(exc)
        )
        raise TemplateError(d.message, location=d.location, hint=d.hint, code=d.code) from exc


@dataclass(frozen=True)
class Packed:
    """A per-document entry already deflated while it was produced (a large part, streamed
    into the compressor instead of being held whole)."""

    compressed: bytes
    crc: int
    size: int


def pack_stream(chunks: Iterable[str], batch: int = 1 << 20) -> Packed:
    """Deflate the UTF-8 of ``chunks`` as they come, gathered ``batch`` characters at a time;
    only the compressed bytes are kept."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    pending: list[str] = []
    held = 0

    def push() -> None:
        nonlocal crc, size
        data = "".join(pending).encode("utf-8")
        pending.clear()
        crc = zlib.crc32(data, crc)
        size += len(data)
        out.append(compressor.compress(data))

    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= batch:
            push()
            held = 0
    push()
    out.append(compressor.flush())
    return Packed(b"".join(out), crc, size)


def deflate(data: bytes) -> bytes:
    """Compress ``data`` as a raw deflate stream (zlib, no header)."""
    return zlib.compress(data, LEVEL, wbits=-15)


def _packed(content: bytes) -> tuple[bytes, int]:
    """Deflated bytes and CRC of a rendered part. Small parts that come out the same in every
    document (headers, footers, core properties) are compressed once per process."""
    if len(content) <= _SMALL:
        hit = _memo.get(content)
        if hit is None:
            if len(_memo) >= 256:
                _memo.clear()
            hit = _memo[content] = (deflate(content), zlib.crc32(content))
        return hit
    return deflate(content), zlib.crc32(content)


@dataclass(frozen=True)
class PreparedEntry:
    """An entry ready for the writer.

    For an untouched entry ``local`` is the complete local header followed by the compressed
    data, and ``central`` the central-directory record without its trailing offset; both are
    computed once. A templated entry has ``local``/``central`` empty and only ``name_bytes``
    and ``flags``: its header is built per document.
    """

    name: str
    name_bytes: bytes
    flags: int
    local: bytes = b""
    central: bytes = b""

    @classmethod
    def fixed(cls, entry: RawEntry) -> PreparedEntry:
        """Precompute the headers of an entry that is copied verbatim to every output."""
        header = _local_header(
            entry.name_bytes,
            entry.flags,
            entry.method,
            entry.crc,
            len(entry.compressed),
            entry.size,
        )
        central = _central_record(
            entry.name_bytes,
            entry.flags,
            entry.method,
            entry.crc,
            len(entry.compressed),
            entry.size,
        )
        return cls(entry.name, entry.name_bytes, entry.flags, header + entry.compressed, central)

    @classmethod
    def dynamic(cls, entry: RawEntry) -> PreparedEntry:
        """Describe an entry whose content is produced per document (always deflated)."""
        return cls(entry.name, entry.name_bytes, entry.flags & _FLAG_UTF8)


def _local_header(name: bytes, flags: int, method: int, crc: int, csize: int, size: int) -> bytes:
    return (
        _LOCAL.pack(
            _LOCAL_SIG,
            _VERSION,
            flags,
            method,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            csize,
            size,
            len(name),
            0,
        )
        + name
    )


def _central_record(name: bytes, flags: int, method: int, crc: int, csize: int, size: int) -> bytes:
    """The central-directory record up to (not including) the 4-byte local-header offset,
    followed by the name; :func:`build_zip` splices the offset in."""
    packed = _CENTRAL.pack(
        _CENTRAL_SIG,
        _VERSION,
        _VERSION,
        flags,
        method,
        _DOS_TIME,
        _DOS_DATE,
        crc,
        csize,
        size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    return packed + name


def build_zip(entries: Sequence[PreparedEntry], dynamic: Iterable[bytes | Packed | None]) -> bytes:
    """Assemble an archive.

    ``dynamic`` gives, for each entry in order, ``None`` to copy a fixed entry or the
    *uncompressed* bytes of a per-document entry, which is deflated here.
    """
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    pack_offset = struct.Struct("<I").pack
    for entry, content in zip(entries, dynamic, strict=True):
        if content is None:
            record = entry.local
            cen = entry.central
        else:
            if isinstance(content, Packed):
                packed, crc, size = content.compressed, content.crc, content.size
            else:
                (packed, crc), size = _packed(content), len(content)
            if size > _MAX32:
                raise ValueError(catalog.text("template.zip-over-4gb"))
            header = _local_header(entry.name_bytes, entry.flags, DEFLATED, crc, len(packed), size)
            record = header + packed
            cen = _central_record(entry.name_bytes, entry.flags, DEFLATED, crc, len(packed), size)
        if offset > _MAX32:
            raise ValueError(catalog.text("template.zip-over-4gb"))
        chunks.append(record)
        # splice the local-header offset into the last 4 bytes of the fixed part
        fixed_len = _CENTRAL.size
        central.append(cen[: fixed_len - 4] + pack_offset(offset) + cen[fixed_len:])
        offset += len(record)
    cd = b"".join(central)
    if len(entries) > _MAX16 or offset + len(cd) > _MAX32:
        raise ValueError(catalog.text("template.zip-too-many"))
    end = _END.pack(_END_SIG, 0, 0, len(entries), len(entries), len(cd), offset, 0)
    chunks.append(cd)
    chunks.append(end)
    return b"".join(chunks)


def repack(data: bytes) -> bytes:
    """Rewrite a ZIP archive written by another library (python-docx stamps the current time)
    with this module's fixed timestamp, so the same content always gives the same bytes."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    entries = [
        PreparedEntry(
            i.filename, i.filename.encode("utf-8"), _FLAG_UTF8 if not i.filename.isascii() else 0
        )
        for i in infos
    ]
    return build_zip(entries, (archive.read(i) for i in infos))
