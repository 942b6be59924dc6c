"""Reading a report's text in reading order, with a location for every paragraph and cell.

A .docx is read from its XML: the body (paragraphs and tables, content controls included), then
the headers, footers and footnotes. A .txt or .md file is read line by line; Markdown tables
(``| a | b |``) become tables and emphasis marks are dropped. Every paragraph becomes a
:class:`Block`; table cells also form :class:`Table` grids for the table checks.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Location
from reportgen.docx.parts import document_parts

__all__ = [
    "AuditDocument",
    "Block",
    "Cell",
    "Table",
    "UnreadableDocument",
    "check_kind",
    "docx_paragraphs",
    "paragraph_text",
    "read_document",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P = f"{{{W}}}p"
_TBL = f"{{{W}}}tbl"
_TR = f"{{{W}}}tr"
_TC = f"{{{W}}}tc"
_R = f"{{{W}}}r"
_T = f"{{{W}}}t"
_SDT = f"{{{W}}}sdt"
_SDT_CONTENT = f"{{{W}}}sdtContent"
_RUN_TEXT = {
    f"{{{W}}}tab": "\t",
    f"{{{W}}}br": " ",
    f"{{{W}}}cr": " ",
    f"{{{W}}}noBreakHyphen": "-",
}
MAX_BYTES = 50 * 1024 * 1024


class UnreadableDocument(ReportgenError):
    """The document could not be read (exit code 2)."""

    code = "audit.unreadable"


@dataclass(frozen=True)
class Block:
    """One paragraph of text (a body paragraph, one paragraph of a table cell, a header line…).

    ``index`` is the block's position in reading order; ``anchor`` is the position of its
    ``w:p`` in :func:`docx_paragraphs` (for comments), None outside a .docx body.
    """

    index: int
    text: str
    location: Location
    kind: str = "body"
    anchor: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@dataclass
class Cell:
    """A table cell: its text (paragraphs joined by a space) and its blocks."""

    text: str
    location: Location
    blocks: list[Block] = field(default_factory=list)
    span: int = 1
    spanned: bool = False
    """A place of the grid covered by a merged cell (its text repeats the merged cell's, for
    headers; its figures are never counted)."""


@dataclass
class Table:
    """A table as rows of cells (merged cells appear once, as Word stores them)."""

    index: int
    rows: list[list[Cell]]


@dataclass
class AuditDocument:
    """The text of a report: blocks in reading order and the tables."""

    name: str
    blocks: list[Block]
    tables: list[Table]
    is_docx: bool = False


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def paragraph_text(p: etree._Element) -> tuple[str, list[tuple[etree._Element, int, int]]]:
    """The text of a ``w:p`` and, for each run, the span of the text it holds."""
    parts: list[str] = []
    spans: list[tuple[etree._Element, int, int]] = []
    pos = 0
    for r in p.iter(_R):
        if not _own_run(p, r):
            continue
        start = pos
        for child in r:
            s = child.text or "" if child.tag == _T else _RUN_TEXT.get(child.tag, "")
            parts.append(s)
            pos += len(s)
        if pos > start:
            spans.append((r, start, pos))
    return "".join(parts), spans


_REMOVED = frozenset({f"{{{W}}}del", f"{{{W}}}moveFrom"})


def _own_run(p: etree._Element, r: etree._Element) -> bool:
    """True when ``r`` belongs to ``p`` itself, as the reader sees it: not to a paragraph of a
    text box inside it, nor to text deleted or moved away with tracked changes (Word keeps such
    text as ``w:delText``, other editors as ``w:t``)."""
    parent = r.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _P or parent.tag in _REMOVED:
            return False
        parent = parent.getparent()
    return True


def _body_items(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body in order, looking inside content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_items(content)


@dataclass(frozen=True)
class DocxParagraph:
    """A body paragraph found by :func:`docx_paragraphs` and where it is."""

    element: etree._Element
    paragraph: int | None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    span: int = 1
    merged_below: bool = False


def docx_paragraphs(body: etree._Element) -> list[DocxParagraph]:
    """Every paragraph of a document body in reading order, numbered as a person counts them:
    body paragraphs 1, 2, …; tables 1, 2, … with rows and cells from 1 (nested tables are
    read as part of their cell)."""
    out: list[DocxParagraph] = []
    n_par = n_tbl = 0
    for item in _body_items(body):
        if item.tag == _P:
            n_par += 1
            out.append(DocxParagraph(item, n_par))
            continue
        n_tbl += 1
        for r, tr in enumerate(item.iterchildren(_TR), 1):
            for c, tc in enumerate(tr.iterchildren(_TC), 1):
                span, below = _merge(tc)
                for p in tc.iter(_P):
                    out.append(DocxParagraph(p, None, n_tbl, r, c, span, below))
    return out


def _merge(tc: etree._Element) -> tuple[int, bool]:
    """How many grid columns a cell spans, and whether it continues a vertical merge."""
    pr = tc.find(f"{{{W}}}tcPr")
    if pr is None:
        return 1, False
    span_el = pr.find(f"{{{W}}}gridSpan")
    span = 1
    if span_el is not None:
        try:
            span = max(1, int(span_el.get(f"{{{W}}}val", "1")))
        except ValueError:
            span = 1
    v = pr.find(f"{{{W}}}vMerge")
    below = v is not None and v.get(f"{{{W}}}val", "continue") != "restart"
    return span, below


def _grid(table: Table) -> Table:
    """The table with merged cells spread over the grid columns they cover."""
    rows: list[list[Cell]] = []
    for row in table.rows:
        out: list[Cell] = []
        for cell in row:
            out.append(cell)
            for _ in range(cell.span - 1):
                out.append(Cell(cell.text, cell.location, [], 1, True))
        rows.append(out)
    return Table(table.index, rows)


_PART_KIND = (
    (f"{{{W}}}hdr", "header", "audit.where-header"),
    (f"{{{W}}}ftr", "footer", "audit.where-footer"),
    (f"{{{W}}}footnotes", "footnote", "audit.where-footnotes"),
    (f"{{{W}}}endnotes", "endnote", "audit.where-endnotes"),
)
"""The parts read after the body, by their root element (whatever the part's name)."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _read_docx(data: bytes, name: str) -> AuditDocument:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = zf.namelist()
        main, parts = document_parts(
            {n: zf.read(n) if n.endswith(".rels") else None for n in names}
        )
        root = etree.fromstring(zf.read(main), _PARSER)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise UnreadableDocument.of(
            "audit.unreadable-not-docx", location=Location(file=name)
        ) from exc
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise UnreadableDocument.of("audit.unreadable-no-body", location=Location(file=name))
    blocks: list[Block] = []
    tables: dict[int, Table] = {}
    for anchor, dp in enumerate(docx_paragraphs(body)):
        text, _ = paragraph_text(dp.element)
        text = _nfc(text)
        if dp.table is None:
            loc = Location(file=name, paragraph=dp.paragraph)
            blocks.append(Block(len(blocks), text, loc, "body", anchor))
            continue
        assert dp.row is not None and dp.cell is not None
        loc = Location(file=name, table=dp.table, table_row=dp.row, table_cell=dp.cell)
        block = Block(len(blocks), text, loc, "cell", anchor, dp.table, dp.row, dp.cell)
        blocks.append(block)
        table = tables.setdefault(dp.table, Table(dp.table, []))
        while len(table.rows) < dp.row:
            table.rows.append([])
        row = table.rows[dp.row - 1]
        while len(row) < dp.cell:
            row.append(Cell("", loc))
        cell = row[dp.cell - 1]
        cell.span = dp.span
        cell.spanned = dp.merged_below
        cell.blocks.append(block)
        cell.text = " ".join(b.text for b in cell.blocks if b.text).strip()
    others: list[tuple[int, str, etree._Element]] = []
    for part in parts - {main}:
        try:
            proot = etree.fromstring(zf.read(part), _PARSER)
        except (KeyError, etree.XMLSyntaxError):
            continue
        order = next((k for k, (tag, _, _) in enumerate(_PART_KIND) if proot.tag == tag), None)
        if order is not None:
            others.append((order, part, proot))
    for order, part, proot in sorted(others, key=lambda o: (o[0], o[1])):
        _, kind, label_key = _PART_KIND[order]
        label = catalog.text(label_key)
        shown = part.split("/", 1)[1] if part.startswith("word/") else part
        for i, p in enumerate(proot.iter(_P), 1):
            text = _nfc(paragraph_text(p)[0])
            if text.strip():
                where = catalog.text("audit.where-part-paragraph", part=label, name=shown, number=i)
                loc = Location(file=name, where=where)
                blocks.append(Block(len(blocks), text, loc, kind))
    return AuditDocument(name, blocks, [_grid(tables[k]) for k in sorted(tables)], is_docx=True)


_EMPHASIS = re.compile(r"\*+(?=\S)|(?<=\S)\*+|(?<![\w])_+(?=\S)|(?<=\S)_+(?![\w])")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*)")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _clean_line(line: str, markdown: bool) -> str:
    line = _EMPHASIS.sub("", line)
    if markdown:
        line = _MD_PREFIX.sub("", line)
    return line.strip()


def _read_text(text: str, name: str, markdown: bool) -> AuditDocument:
    blocks: list[Block] = []
    tables: list[Table] = []
    n_par = 0
    current: Table | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = _nfc(raw)
        if line.lstrip().startswith("|") and line.rstrip().endswith("|") and line.count("|") >= 3:
            if _MD_SEPARATOR.match(line):
                continue
            if current is None:
                current = Table(len(tables) + 1, [])
                tables.append(current)
            r = len(current.rows) + 1
            row: list[Cell] = []
            for c, cell_text in enumerate(line.strip().strip("|").split("|"), 1):
                value = _clean_line(cell_text, markdown)
                loc = Location(
                    file=name, line=lineno, table=current.index, table_row=r, table_cell=c
                )
                block = Block(len(blocks), value, loc, "cell", None, current.index, r, c)
                blocks.append(block)
                row.append(Cell(value, loc, [block]))
            current.rows.append(row)
            continue
        current = None
        value = _clean_line(line, markdown)
        if not value:
            continue
        n_par += 1
        blocks.append(Block(len(blocks), value, Location(file=name, line=lineno, paragraph=n_par)))
    return AuditDocument(name, blocks, tables)


def check_kind(suffix: str, shown: str) -> str:
    """Return the kind of report ``suffix`` names (``.docx``, ``.txt``, ``.md``); raise
    :class:`UnreadableDocument` for any other."""
    kind = suffix.lower()
    if kind not in (".docx", ".txt", ".md"):
        raise UnreadableDocument.of(
            "audit.unreadable-kind",
            location=Location(file=shown),
            suffix=suffix or catalog.text("audit.no-suffix"),
        )
    return kind


def read_document(path: str | Path, *, name: str | None = None) -> AuditDocument:
    """Read a .docx, .txt or .md report; raise :class:`UnreadableDocument` (a located
    Vietnamese message) when it cannot be read."""
    path = Path(path)
    shown = name or str(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UnreadableDocument.of("audit.unreadable-folder", location=Location(file=shown))
    check_kind(path.suffix, shown)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableDocument.of(
                "audit.unreadable-too-large",
                location=Location(file=shown),
                size=size,
                limit=MAX_BYTES,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument.of(
            "audit.unreadable-missing", location=Location(file=shown)
        ) from None
    except IsADirectoryError:
        raise UnreadableDocument.of(
            "audit.unreadable-folder", location=Location(file=shown)
        ) from None
    except OSError as exc:
        raise UnreadableDocument.of(
            "audit.unreadable-os", location=Location(file=shown), reason=exc.strerror or exc
        ) from None
    return read_bytes(data, shown, suffix)


def read_bytes(data: bytes, name: str, suffix: str) -> AuditDocument:
    """Read a report given as bytes, ``suffix`` (``.docx``, ``.txt``, ``.md``) telling its kind."""
    if suffix == ".docx":
        return _read_docx(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument.of(
            "audit.unreadable-encoding", location=Location(file=name), position=exc.start
        ) from None
    return _read_text(text, name, markdown=suffix == ".md")
