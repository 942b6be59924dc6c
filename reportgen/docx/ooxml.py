"""WordprocessingML helpers: names, the visible text of a paragraph, and where a paragraph is.

Only what the template engine needs: a paragraph's visible text with the ``w:t`` elements it
comes from (:func:`paragraph_text`), and a Vietnamese description of a paragraph's place in
its part (:class:`Locator`), e.g. ``bảng 1, hàng 2, ô 3, đoạn 1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from reportgen.diagnostics import catalog

__all__ = [
    "NS_W",
    "NS_WP",
    "Locator",
    "Mark",
    "MarkKind",
    "ParagraphText",
    "Segment",
    "paragraph_text",
    "rpr_signature",
    "strip_illegal_xml",
    "w",
]

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Element = etree._Element

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_illegal_xml(text: str) -> str:
    """Remove the characters an XML document cannot contain (control characters other than
    tab/newline/carriage return, lone surrogates, U+FFFE/U+FFFF)."""
    if _ILLEGAL_XML.search(text) is None:
        return text
    return _ILLEGAL_XML.sub("", text)


def w(local: str) -> str:
    """Return the Clark name ``{w-namespace}local`` of a WordprocessingML element."""
    return f"{{{NS_W}}}{local}"


W_P = w("p")
W_R = w("r")
W_T = w("t")
W_RPR = w("rPr")
W_PPR = w("pPr")
W_SECTPR = w("sectPr")
W_TBL = w("tbl")
W_TBLGRID = w("tblGrid")
W_GRIDCOL = w("gridCol")
W_TR = w("tr")
W_TC = w("tc")
W_BODY = w("body")
W_HDR = w("hdr")
W_FTR = w("ftr")
W_TXBX = w("txbxContent")
W_FOOTNOTE = w("footnote")
W_ENDNOTE = w("endnote")
W_PROOFERR = w("proofErr")
W_FLDSIMPLE = w("fldSimple")
W_SDT = w("sdt")
W_SDTCONTENT = w("sdtContent")

#: containers whose children runs are as visible as the paragraph's own runs
_TRANSPARENT = {
    w("hyperlink"),
    w("smartTag"),
    w("ins"),
    w("moveTo"),
    w("customXml"),
    w("dir"),
    w("bdo"),
}
_DELETED = {w("del"), w("moveFrom")}
_BOOKMARKS = {w("bookmarkStart"), w("bookmarkEnd")}
#: paragraph-level markers that have no visible content and can stay where they are
_NEUTRAL = {
    w("commentRangeStart"),
    w("commentRangeEnd"),
    w("permStart"),
    w("permEnd"),
    w("moveFromRangeStart"),
    w("moveFromRangeEnd"),
    w("moveToRangeStart"),
    w("moveToRangeEnd"),
    w("customXmlInsRangeStart"),
    w("customXmlInsRangeEnd"),
    w("customXmlDelRangeStart"),
    w("customXmlDelRangeEnd"),
}
_FIELD = {w("fldChar"), w("instrText"), w("delInstrText")}
_TAB = {w("tab"), w("ptab")}
_BREAK = {w("br"), w("cr")}
_RUN_IGNORED = {W_RPR, w("lastRenderedPageBreak")}

MarkKind = Literal[
    "proofErr",
    "bookmark",
    "pageBreakHint",
    "neutral",
    "field",
    "deletion",
    "tab",
    "break",
    "object",
    "control",
]
"""What sits between two pieces of a paragraph's visible text. The first four are harmless
inside a tag; the others make a tag that spans them unrepairable."""

BLOCKING: frozenset[str] = frozenset({"field", "deletion", "tab", "break", "object", "control"})
"""Mark kinds that a tag must not span."""


@dataclass
class Segment:
    """One ``w:t`` element of a paragraph and the range of the visible text it holds."""

    el: Element
    start: int
    end: int

    @property
    def run(self) -> Element | None:
        """The run (``w:r``) the text belongs to."""
        return self.el.getparent()


@dataclass
class Mark:
    """A non-text item at a position of the visible text (between two characters)."""

    pos: int
    kind: MarkKind
    el: Element


@dataclass
class ParagraphText:
    """The visible text of one paragraph and where each piece of it lives."""

    p: Element
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


def paragraph_text(p: Element) -> ParagraphText:
    """Collect the visible text of paragraph ``p`` from the ``w:t`` of its runs.

    Runs inside hyperlinks, smart tags, tracked insertions and inline content controls count;
    tracked deletions (``w:del``) do not. Paragraphs nested in text boxes are skipped (they are
    paragraphs of their own). Everything else that sits between texts is recorded as a
    :class:`Mark` so the caller can tell a harmless split (spell-check mark, bookmark) from a
    dangerous one (field, deletion, tab).
    """
    out = ParagraphText(p)
    pieces: list[str] = []
    pos = 0

    def mark(kind: MarkKind, el: Element) -> None:
        out.marks.append(Mark(pos, kind, el))

    def walk_run(run: Element) -> None:
        nonlocal pos
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                out.segments.append(Segment(child, pos, pos + len(text)))
                pieces.append(text)
                pos += len(text)
            elif tag in _RUN_IGNORED or not isinstance(tag, str):
                if tag == w("lastRenderedPageBreak"):
                    mark("pageBreakHint", child)
            elif tag in _FIELD:
                mark("field", child)
            elif tag == w("delText"):
                mark("deletion", child)
            elif tag in _TAB:
                mark("tab", child)
            elif tag in _BREAK:
                mark("break", child)
            else:
                mark("object", child)

    def walk(container: Element) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                continue
            if tag == W_R:
                walk_run(child)
            elif tag in _TRANSPARENT:
                walk(child)
            elif tag == W_PROOFERR:
                mark("proofErr", child)
            elif tag in _BOOKMARKS:
                mark("bookmark", child)
            elif tag in _NEUTRAL:
                mark("neutral", child)
            elif tag in _DELETED:
                mark("deletion", child)
            elif tag == W_FLDSIMPLE:
                mark("field", child)
                walk(child)
                mark("field", child)
            elif tag == W_SDT:
                mark("control", child)
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    walk(content)
                mark("control", child)
            elif tag == W_PPR:
                continue
            else:  # math, embedded objects, unknown markup
                mark("object", child)

    walk(p)
    out.text = "".join(pieces)
    return out


def rpr_signature(run: Element | None) -> bytes:
    """Return the run's formatting (``w:rPr``) serialised without revision ids (rsid).

    Two runs with the same signature differ only by Word's editing-session bookkeeping.
    """
    if run is None:
        return b""
    rpr = run.find(W_RPR)
    if rpr is None:
        return b""
    copy = etree.fromstring(etree.tostring(rpr))
    for el in copy.iter():
        for name in list(el.attrib):
            if "rsid" in str(name):
                del el.attrib[name]
    return etree.tostring(copy, method="c14n")


#: catalog entries naming the kinds of part in a place (the main document has none)
_PART_PREFIX = {
    "header": "template.where-header",
    "footer": "template.where-footer",
    "footnotes": "template.where-footnotes",
    "endnotes": "template.where-endnotes",
}

_CONTAINERS = {W_TC, W_TXBX, W_BODY, W_HDR, W_FTR, w("footnotes"), w("endnotes")}


class Locator:
    """Numbers the paragraphs, tables, rows and cells of one part in a single pass and
    describes a paragraph's place in Vietnamese words."""

    def __init__(self, root: Element, part: str) -> None:
        self.part = part
        base = part.rsplit("/", 1)[-1]
        kind = base.removesuffix(".xml").rstrip("0123456789")
        prefix = catalog.text(_PART_PREFIX[kind]) if kind in _PART_PREFIX else base
        if kind == "document":
            prefix = ""
        self._prefix = f"{prefix} ({base})" if prefix else ""
        self.ordinal: dict[Element, int] = {}
        self._index: dict[Element, int] = {}
        counters: dict[tuple[Element | None, str], int] = {}
        n = 0
        for el in root.iter(W_P, W_TBL, W_TR, W_TC):
            tag = el.tag
            if tag == W_P:
                n += 1
                self.ordinal[el] = n
                scope = self._container(el)
            elif tag == W_TBL:
                scope = self._container(el)
            elif tag == W_TR:
                scope = _ancestor(el, W_TBL)
            else:
                scope = _ancestor(el, W_TR)
            key = (scope, str(tag))
            counters[key] = counters.get(key, 0) + 1
            self._index[el] = counters[key]

    def _container(self, el: Element) -> Element | None:
        for anc in el.iterancestors():
            if anc.tag in _CONTAINERS:
                return anc
        return None

    def paragraph_number(self, p: Element) -> int:
        """Return the 1-based ordinal of ``p`` among all paragraphs of the part."""
        return self.ordinal.get(p, 0)

    def where(self, p: Element) -> str:
        """Describe where paragraph ``p`` is, e.g. ``thân văn bản, đoạn 12``."""
        bits = self._context(self._container(p))
        bits.append(catalog.text("template.where-paragraph", number=self._index.get(p, 0)))
        if not bits[:-1] and not self._prefix:
            bits.insert(0, catalog.text("template.where-body"))
        return ", ".join(bits)

    def _context(self, container: Element | None) -> list[str]:
        if container is None or container.tag not in (W_TC, W_TXBX):
            return [self._prefix] if self._prefix else []
        if container.tag == W_TXBX:
            anchor = _ancestor(container, W_P)
            inside = self.where(anchor) if anchor is not None else "?"
            return [catalog.text("template.where-text-box", inside=inside)]
        row = _ancestor(container, W_TR)
        table = _ancestor(container, W_TBL)
        bits = self._context(self._container(table) if table is not None else None)
        bits.append(
            catalog.text(
                "template.where-cell",
                table=self._index.get(table, 0) if table is not None else 0,
                row=self._index.get(row, 0) if row is not None else 0,
                cell=self._index.get(container, 0),
            )
        )
        return bits


def _ancestor(el: Element, tag: str) -> Element | None:
    for anc in el.iterancestors(tag):
        return anc
    return None
