"""Sections of the main part: the landscape section the engine adds for an appendix.

A report may end with appendices (phụ lục) on landscape pages after its signature block. The
appendix is a block like any other (Jinja-templated OOXML, under the name
:data:`APPENDIX_BLOCK`), but it is not placed by the template: the engine puts it after the
last thing of the main part, in a section of its own, and only in the documents where it
renders to something:

* the template's own last section (its ``w:sectPr`` at the end of ``w:body``) moves into an
  empty paragraph that closes the main part, unchanged — the main body keeps its page,
  margins, headers and first-page header;
* the document's final ``w:sectPr`` becomes the appendix's: the same page turned to landscape
  (width and height swapped, ``w:orient="landscape"``), its margins turned with it (the binding
  edge, the left margin of the portrait page, becomes the top of the landscape page), the same
  headers and footers, no different first page (an appendix page is never page 1) and no
  restart of the page numbers (they continue);
* where the appendix renders to nothing (a ward's report when the appendix is for the city),
  the document keeps its one section exactly as the template has it.

A template author who makes the landscape section in Word (Layout → Breaks → Next Page, then
Orientation → Landscape) needs none of this: every ``w:sectPr`` of a template is copied as it
is.
"""

from __future__ import annotations

import copy

from lxml import etree

from reportgen.docx.ooxml import NS_W, W_BODY, W_SECTPR, Element, w

__all__ = [
    "APPENDIX_BLOCK",
    "APPENDIX_WHEN",
    "LANDSCAPE_TEXT_WIDTH_TWIPS",
    "appendix_text_width",
    "closing_paragraph",
    "final_section",
    "is_landscape",
    "landscape",
    "text_width",
]

APPENDIX_BLOCK = "<phu_luc>"
"""The name of the block the engine puts in a landscape section after the main part (not a
name a template can write as ``{{p … }}``: the engine places it, never the template)."""
APPENDIX_WHEN = "<phu_luc?>"
"""Optional: the name of a "block" that is a Jinja expression, true exactly in the documents
where the appendix renders something. With it the engine tests the expression; without it the
engine renders the appendix once into a buffer to see whether anything came out (which holds
the whole appendix in memory twice: a city report with tables of 10.000 wards)."""

#: A4 portrait with the margins of Nghị định 30 (top 20, bottom 20, left 30, right 20 mm), the
#: page used when a template has no page setup of its own.
_DEFAULT_SECTPR = (
    f'<w:sectPr xmlns:w="{NS_W}"><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" '
    'w:footer="567" w:gutter="0"/></w:sectPr>'
)
#: the text width of the landscape page made from :data:`_DEFAULT_SECTPR` (297 − 20 − 20 mm)
LANDSCAPE_TEXT_WIDTH_TWIPS = 14570

_PGSZ, _PGMAR, _TITLEPG, _PGNUMTYPE, _TYPE = (
    w("pgSz"),
    w("pgMar"),
    w("titlePg"),
    w("pgNumType"),
    w("type"),
)
#: w:sectPr children in schema order (Word refuses out-of-order children)
_ORDER = [
    w(x)
    for x in (
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    )
]


def _int(el: Element | None, attr: str) -> int | None:
    if el is None:
        return None
    raw = el.get(w(attr))
    try:
        return round(float(raw)) if raw is not None else None
    except ValueError:
        return None


def default_section() -> Element:
    """An A4 portrait section with the margins of Nghị định 30."""
    return etree.fromstring(_DEFAULT_SECTPR)


def final_section(root: Element) -> Element | None:
    """The document's last section properties (the ``w:sectPr`` child of ``w:body``)."""
    body = root.find(W_BODY)
    if body is None:
        return None
    found = body.find(W_SECTPR)
    return found


def is_landscape(sectpr: Element) -> bool:
    """True when the section's page is wider than tall (or declared landscape)."""
    size = sectpr.find(_PGSZ)
    width, height = _int(size, "w"), _int(size, "h")
    if width and height and width != height:
        return width > height
    return size is not None and size.get(w("orient")) == "landscape"


def _insert(sectpr: Element, child: Element) -> None:
    """Put ``child`` into ``sectpr`` at its schema place, replacing one of the same name."""
    old = sectpr.find(child.tag)
    if old is not None:
        sectpr.remove(old)
    rank = _ORDER.index(child.tag) if child.tag in _ORDER else len(_ORDER)
    for i, existing in enumerate(sectpr):
        if existing.tag in _ORDER and _ORDER.index(existing.tag) > rank:
            sectpr.insert(i, child)
            return
    sectpr.append(child)


def landscape(sectpr: Element) -> Element:
    """A copy of ``sectpr`` for a landscape section that follows it on a new page.

    A portrait page is turned: width and height swapped, the margins turned with the page
    (top ← left, right ← top, bottom ← right, left ← bottom: the binding edge stays the same
    edge of the sheet); a page already landscape keeps its size and margins. The copy keeps
    the headers and footers, drops "different first page" and any restart of the page
    numbers, and starts on a new page."""
    out = copy.deepcopy(sectpr)
    out.tail = None
    for attr in ("rsidR", "rsidRPr", "rsidSect", "rsidDel"):
        if w(attr) in out.attrib:
            del out.attrib[w(attr)]
    size = out.find(_PGSZ)
    if size is None:
        size = etree.fromstring(_DEFAULT_SECTPR).find(_PGSZ)
        assert size is not None
        _insert(out, size)
    if not is_landscape(out):
        width, height = _int(size, "w") or 11906, _int(size, "h") or 16838
        size.set(w("w"), str(max(width, height)))
        size.set(w("h"), str(min(width, height)))
        margins = out.find(_PGMAR)
        if margins is not None:
            top, right, bottom, left = (
                margins.get(w(side)) for side in ("top", "right", "bottom", "left")
            )
            for side, value in (("top", left), ("right", top), ("bottom", right), ("left", bottom)):
                if value is not None:
                    margins.set(w(side), value)
    size.set(w("orient"), "landscape")
    title = out.find(_TITLEPG)
    if title is not None:
        out.remove(title)
    numbers = out.find(_PGNUMTYPE)
    if numbers is not None:
        if w("start") in numbers.attrib:
            del numbers.attrib[w("start")]
        if not numbers.attrib and not len(numbers):
            out.remove(numbers)
    kind = out.makeelement(_TYPE)
    kind.set(w("val"), "nextPage")
    _insert(out, kind)
    return out


def text_width(sectpr: Element) -> int:
    """The width of the text line of the section, in twips (page width − margins)."""
    size, margins = sectpr.find(_PGSZ), sectpr.find(_PGMAR)
    width = _int(size, "w") or 11906
    left, right = _int(margins, "left") or 0, _int(margins, "right") or 0
    return width - left - right


def appendix_text_width(document_xml: bytes | None) -> int:
    """The text width of the appendix section the engine would add to this main part."""
    if not document_xml:
        return LANDSCAPE_TEXT_WIDTH_TWIPS
    try:
        root = etree.fromstring(
            document_xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        )
    except etree.XMLSyntaxError:
        return LANDSCAPE_TEXT_WIDTH_TWIPS
    sectpr = final_section(root)
    return text_width(landscape(sectpr if sectpr is not None else default_section()))


def closing_paragraph(sectpr: Element) -> Element:
    """An empty, one-point paragraph carrying ``sectpr``: it ends the main part without
    adding a line (it never pushes the signature block onto a page of its own)."""
    holder = sectpr.makeelement(w("p"))
    ppr = etree.SubElement(holder, w("pPr"))
    spacing = etree.SubElement(ppr, w("spacing"))
    for attr, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(w(attr), value)
    rpr = etree.SubElement(ppr, w("rPr"))
    size = etree.SubElement(rpr, w("sz"))
    size.set(w("val"), "2")
    ppr.append(sectpr)
    return holder
