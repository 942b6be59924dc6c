"""Build the base Word template (templates/bao-cao-co-ban.docx) that any report can use.

Everything follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait; margins top/bottom 20 mm,
left 30 mm, right 20 mm; Times New Roman; the two-column header (agency with the short line under
it, Số/ký hiệu, quốc hiệu and tiêu ngữ with its line, place and date in italics); the document type
and trích yếu centred in bold; the body (spliced in at ``{{p noi_dung }}``); the signature block
and Nơi nhận side by side; page numbers centred in the header from page 2.

Headings and body text use named styles ("RG Muc", "RG Khoan", "RG Noi dung" …) so that a
template author changes a style once in Word. Run ``python scripts/build_base_template.py`` to
rebuild; the .docx is kept in the repository because authors edit it.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from reportgen.templating.body import STYLE_DEFS
from reportgen.templating.measure import RULE_SIZE

FONT = "Times New Roman"

#: role → (size pt, bold, italic, alignment, first-line indent cm, space before pt, after pt);
#: the style ids and names come from :data:`reportgen.templating.body.STYLE_DEFS`.
PARAGRAPH_STYLES: dict[str, tuple[float, bool, bool, str, float, float, float]] = {
    "body": (14, False, False, "justify", 1.27, 6, 0),
    "basis": (14, False, True, "justify", 1.27, 3, 0),
    "level1": (14, True, False, "justify", 1.27, 6, 0),
    "level2": (14, True, False, "justify", 1.27, 6, 0),
    "level3": (14, True, True, "justify", 1.27, 6, 0),
    "level4": (14, False, True, "justify", 1.27, 6, 0),
    "table_title": (13, True, False, "center", 0, 6, 6),
    "table_head": (12, True, False, "center", 0, 2, 2),
    "table_cell": (12, False, False, "right", 0, 2, 2),
    "table_text": (12, False, False, "left", 0, 2, 2),
    "page_header": (13, False, False, "center", 0, 0, 0),
}
_KEEP_WITH_NEXT = ("level1", "level2", "level3", "level4", "table_title")

_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def _fonts(rpr_parent: object) -> None:
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    for role, (size, bold, italic, align, indent, before, after) in PARAGRAPH_STYLES.items():
        style_id, name = STYLE_DEFS[role]
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.element.set(qn("w:styleId"), style_id)
        st.base_style = normal
        st.quick_style = True
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = italic
        _fonts(st.element)
        f = st.paragraph_format
        f.alignment = _ALIGN[align]
        f.first_line_indent = Cm(indent) if indent else None
        f.space_before = Pt(before)
        f.space_after = Pt(after)
        f.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        f.line_spacing = 1.15 if size >= 14 else 1.0
        f.widow_control = True
        if role in _KEEP_WITH_NEXT:
            f.keep_with_next = True


def _para(
    cell_or_doc: object,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    before: float = 0,
    after: float = 0,
) -> object:
    p = cell_or_doc.add_paragraph()  # type: ignore[attr-defined]
    p.alignment = _ALIGN[align]
    pf = p.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.first_line_indent = Cm(0)
    pf.line_spacing = 1.0
    if text:
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.font.bold = bold
        r.font.italic = italic
    return p


_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _ppr_set(ppr: object, xml: str) -> None:
    """Put ``xml`` (one w:pPr child) into ``ppr`` at the place the schema requires, replacing an
    existing child of the same name (Word rejects out-of-order children)."""
    elm = parse_xml(xml)
    name = elm.tag.split("}")[1]
    old = ppr.find(qn(f"w:{name}"))  # type: ignore[attr-defined]
    if old is not None:
        ppr.remove(old)  # type: ignore[attr-defined]
    later = _PPR_ORDER[_PPR_ORDER.index(name) + 1 :]
    ppr.insert_element_before(elm, *(f"w:{x}" for x in later))  # type: ignore[attr-defined]


def _line(cell: object, width_cm: float, cell_width_cm: float, rule_tag: str = "") -> None:
    """A short solid line centred in the cell. With ``rule_tag`` (a context field of underlined
    no-break spaces) its length follows the text above it; otherwise a fixed ``width_cm``
    line: an empty paragraph with a top border."""
    if rule_tag:
        p = _para(cell, "", size=RULE_SIZE)
        r = p.add_run("{{ " + rule_tag + " }}")  # type: ignore[attr-defined]
        r.font.size = Pt(RULE_SIZE)
        r.font.underline = True
        ppr = p._p.get_or_add_pPr()  # type: ignore[attr-defined]
        _ppr_set(
            ppr,
            f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
        )
        return
    p = _para(cell, "", size=2)
    indent = max(0.0, (cell_width_cm - width_cm) / 2)
    ppr = p._p.get_or_add_pPr()  # type: ignore[attr-defined]
    _ppr_set(
        ppr,
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr>',
    )
    _ppr_set(
        ppr,
        f'<w:ind {nsdecls("w")} w:left="{int(indent * 567)}" '
        f'w:right="{int(indent * 567)}" w:firstLine="0"/>',
    )
    _ppr_set(
        ppr, f'<w:spacing {nsdecls("w")} w:before="60" w:after="0" w:line="80" w:lineRule="exact"/>'
    )
    _ppr_set(ppr, f'<w:rPr {nsdecls("w")}><w:sz w:val="4"/></w:rPr>')


def _no_borders(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    tblpr = tbl.tblPr
    # in schema order, before w:tblLook (Word ignores out-of-order table properties)
    for xml in (
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{s} w:val="nil"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>",
        f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>',
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>',
    ):
        tblpr.insert_element_before(parse_xml(xml), "w:tblLook", "w:tblCaption", "w:tblDescription")


def _widths(table: object, widths_cm: list[float]) -> None:
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(w * 567)))


def _clear(cell: object) -> None:
    for p in list(cell.paragraphs):  # type: ignore[attr-defined]
        p._p.getparent().remove(p._p)


def _layout_table(doc: DocxDocument, rows: int, widths_cm: list[float]) -> Any:
    """A borderless, centred table of fixed column widths with empty cells (the header block
    and the signature block are laid out with one)."""
    t = doc.add_table(rows=rows, cols=len(widths_cm))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(t)
    _widths(t, widths_cm)
    for row in t.rows:
        for cell in row.cells:
            _clear(cell)
    return t


def _header_block(doc: DocxDocument) -> None:
    # Left: agency (12–13 pt); right: national title (12–13 pt) and motto (13–14 pt). The left
    # column is wide enough for a parent agency such as "UBND THÀNH PHỐ HÒA AN" on one line.
    left_w, right_w = 6.8, 9.2
    t = _layout_table(doc, 2, [left_w, right_w])
    a, b = t.cell(0, 0), t.cell(0, 1)
    _para(a, "{{ co_quan.chu_quan }}", size=12)
    _para(a, "{%p for dong in co_quan.ten_dong %}", size=12)
    _para(a, "{{ dong }}", size=12, bold=True)
    _para(a, "{%p endfor %}", size=12)
    _line(a, 2.2, left_w, "co_quan.gach")
    _para(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _para(b, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    _line(b, 5.9, right_w)
    c, d = t.cell(1, 0), t.cell(1, 1)
    _para(c, "{{ bao_cao.so_ky_hieu }}", size=13, before=4)
    _para(d, "{{ bao_cao.dia_danh_ngay }}", size=14, italic=True, before=4)


def _title(doc: DocxDocument) -> None:
    _para(doc, "", size=14)
    _para(doc, "{{ bao_cao.ten_loai }}", size=14, bold=True, before=6)
    _para(doc, "{{ bao_cao.trich_yeu }}", size=14, bold=True)
    _line(doc, 3.0, 16.0, "bao_cao.gach")
    _para(doc, "", size=8)


def _signature(doc: DocxDocument) -> None:
    spacer = _para(doc, "", size=8)
    spacer.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
    t = _layout_table(doc, 1, [8.0, 8.0])
    # the signature block is never split across pages, nor left alone on the last one
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    a, b = t.cell(0, 0), t.cell(0, 1)
    _para(a, "Nơi nhận:", size=12, bold=True, italic=True, align="left")
    _para(a, "{%p for dong in noi_nhan %}", size=11, align="left")
    _para(a, "{{ dong }}", size=11, align="left")
    _para(a, "{%p endfor %}", size=11, align="left")
    _para(b, "{%p for dong in nguoi_ky.dong_tham_quyen %}", size=14, bold=True)
    _para(b, "{{ dong }}", size=14, bold=True)
    _para(b, "{%p endfor %}", size=14, bold=True)
    _para(b, "{{ nguoi_ky.chuc_vu }}", size=14, bold=True)
    for _ in range(5):
        _para(b, "", size=14)
    _para(b, "{{ nguoi_ky.ho_ten }}", size=14, bold=True)


def _page_setup(doc: DocxDocument) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(20), Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(20)
    s.header_distance, s.footer_distance = Mm(10), Mm(10)
    s.different_first_page_header_footer = True
    draft = ("{%p if du_thao %}", "DỰ THẢO", "{%p endif %}")
    first = s.first_page_header
    fp = first.paragraphs[0]
    fp.text = draft[0]
    # the box is drawn around the words (a run border), flush right: the same on a portrait
    # page and on the landscape pages of an appendix
    p = _para(first, "\u00a0" + draft[1] + "\u00a0", size=13, bold=True, align="right")
    rpr = p.runs[0]._r.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.append(
        parse_xml(f'<w:bdr {nsdecls("w")} w:val="single" w:sz="8" w:space="0" w:color="000000"/>')
    )
    _para(first, draft[2], size=13)
    _para(first, "", size=2)  # a header holds at least one paragraph, draft or not
    header = s.header
    hp = header.paragraphs[0]
    hp.style = doc.styles[STYLE_DEFS["page_header"][1]]
    hp._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/></w:rPr>'
            "<w:t>2</w:t></w:r></w:fldSimple>"
        )
    )
    # pages 2+: the page number and the draft mark (when a draft); no empty paragraph, so the
    # header of a signed report stays within the top margin
    for para in (copy.deepcopy(x._p) for x in first.paragraphs[:-1]):
        header._element.append(para)
    hp.paragraph_format.space_before = Pt(0)
    hp.paragraph_format.space_after = Pt(0)
    hp.paragraph_format.line_spacing = 1.0
    ppr = hp._p.get_or_add_pPr()
    _ppr_set(ppr, f'<w:rPr {nsdecls("w")}><w:sz w:val="26"/></w:rPr>')


def build_base_template(path: str | Path, *, body: Sequence[tuple[str, str]] | None = None) -> Path:
    """Write the base template to ``path`` and return it.

    ``body`` replaces the ``{{p noi_dung }}`` placeholder with paragraphs given as
    (role, text) pairs — roles of :data:`~reportgen.templating.body.STYLE_DEFS` ("level1", "body" …);
    ``reportgen new`` uses it to write a starter template with a tag for each indicator.
    """
    doc = Document()
    _styles(doc)
    _page_setup(doc)
    element = doc.element.body
    for p in list(element.findall(qn("w:p"))):
        element.remove(p)
    _header_block(doc)
    _title(doc)
    if body is None:
        _para(doc, "{{p noi_dung }}", size=14, align="justify")
    else:
        for role, text in body:
            doc.add_paragraph(text, style=doc.styles[STYLE_DEFS[role][1]])
    _signature(doc)
    props = doc.core_properties
    props.title = "Mẫu báo cáo cơ bản (Nghị định 30/2020/NĐ-CP)"
    props.author = "reportgen"
    props.last_modified_by = "reportgen"
    props.comments = ""
    props.revision = 1
    from datetime import datetime

    props.created = props.modified = datetime(2024, 1, 1)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_strip_package(buf.getvalue()))
    return out


#: Extended properties: the application that wrote the file and nothing that goes stale (no
#: page or word counts: a report's pages are counted by the program that opens it).
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>reportgen</Application><DocSecurity>0</DocSecurity>"
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _strip_package(data: bytes) -> bytes:
    """Drop the generic thumbnail python-docx ships (it would show a wrong preview) and write
    entries with a fixed timestamp so the template builds byte-identically."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            content = src.read(info.filename)
            if info.filename == "docProps/app.xml":
                content = APP_XML
            if info.filename == "_rels/.rels":
                content = re.sub(rb'<Relationship [^>]*thumbnail\.jpeg"/>', b"", content)
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, content)
    return out.getvalue()
