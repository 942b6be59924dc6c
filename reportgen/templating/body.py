"""The body of a report — opening, sections, tables, closing — as Jinja-templated OOXML.

The body is built once per template from the report definition: headings, paragraphs and tables
become WordprocessingML that uses named styles (so a template author restyles every heading by
changing one style in Word), with the section texts kept as Jinja so that per document only the
figures change. The result is spliced into the base template in place of ``{{p noi_dung }}``.

Style ids used here are created by :mod:`reportgen.authoring.basetemplate`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportgen.config.model import Appendix, Indicator, Paragraph, ReportConfig, Section, Table
from reportgen.docx.sections import (
    APPENDIX_BLOCK,
    APPENDIX_WHEN,
    LANDSCAPE_TEXT_WIDTH_TWIPS,
    appendix_text_width,
)
from reportgen.templating.measure import text_width_twips

#: Paragraph styles of the base template by role: (style id, name shown in Word).
STYLE_DEFS: dict[str, tuple[str, str]] = {
    "level1": ("RGMuc", "RG Mục (I.)"),
    "level2": ("RGKhoan", "RG Khoản (1.)"),
    "level3": ("RGDiem", "RG Điểm (1.1.)"),
    "level4": ("RGTiet", "RG Tiết (a)"),
    "body": ("RGNoiDung", "RG Nội dung"),
    "basis": ("RGCanCu", "RG Căn cứ"),
    "table_title": ("RGBangTen", "RG Tên bảng"),
    "table_head": ("RGBangDau", "RG Đầu bảng"),
    "table_cell": ("RGBangSo", "RG Số trong bảng"),
    "table_text": ("RGBangChu", "RG Chữ trong bảng"),
    "page_header": ("RGDauTrang", "RG Đầu trang"),
}
#: Style id by role.
STYLES = {role: sid for role, (sid, _) in STYLE_DEFS.items()}
BLOCK_NAME = "noi_dung"
#: the block of the appendices, which the docx engine puts in a landscape section of its own
APPENDIX_NAME = APPENDIX_BLOCK
TEXT_WIDTH_TWIPS = 9071  # A4 210 mm − 30 mm left − 20 mm right = 160 mm

_TAG = re.compile(r"({{.*?}}|{%.*?%})", re.S)
_MARK = re.compile(r"(\\\*|\*\*|\*)")
_NAME = re.compile(r"(?<![.\w'])([a-z_][a-z0-9_]*)")
_PREFIX = {"dash": "- ", "plus": "+ ", "bullet": "* "}

ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
]


def roman(n: int) -> str:
    """Roman numeral for section numbers (1 → I)."""
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


def _checked(tag: str, figures: Collection[str]) -> list[str]:
    """The indicator ids a ``{{ … }}`` tag prints (its names that are indicators)."""
    if not figures or not tag.startswith("{{"):
        return []
    return [n for n in dict.fromkeys(_NAME.findall(tag)) if n in figures]


def _tokens(text: str) -> list[tuple[str, str]]:
    """``text`` as (kind, value) tokens: ``tag`` (a Jinja tag), ``mark`` (``*`` or ``**``),
    ``text`` (literal text, an escaped ``\\*`` already a plain star)."""
    out: list[tuple[str, str]] = []
    for segment in _TAG.split(text):
        if not segment:
            continue
        if _TAG.fullmatch(segment):
            out.append(("tag", segment))
            continue
        for piece in _MARK.split(segment):
            if piece in ("*", "**"):
                out.append(("mark", piece))
            elif piece == "\\*":
                out.append(("text", "*"))
            elif piece:
                out.append(("text", piece))
    return out


def _formatting(tokens: list[tuple[str, str]]) -> set[int]:
    """The indices of the marks that format: an opening mark is followed by something other
    than a space, a closing one follows something other than a space, and each has its
    partner of the same kind in the paragraph. Any other star is printed as written (``(*)``,
    ``5*3``, ``a * b``)."""

    def char(i: int, step: int) -> str:
        j = i + step
        if 0 <= j < len(tokens):
            kind, value = tokens[j]
            if kind == "tag":
                return "x"
            return value[0] if step > 0 else value[-1]
        return " "

    pairs: set[int] = set()
    open_at: dict[str, int] = {}
    for i, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        before, after = char(i, -1), char(i, 1)
        if before == "(" and after == ")":  # (*), (**): a note sign, never formatting
            continue
        if value in open_at and not before.isspace():
            pairs.update((open_at.pop(value), i))
        elif not after.isspace():
            open_at[value] = i
    return pairs


def runs(
    text: str, *, italic: bool = False, bold: bool = False, figures: Collection[str] = ()
) -> str:
    """Return ``w:r`` elements for ``text``: literal parts XML-escaped, Jinja tags kept, and
    ``**bold**`` / ``*italic*`` markers turned into run formatting (a star without a partner,
    or written ``\\*``, is printed). A tag printing one of
    ``figures`` gets its own run, highlighted in a draft when that figure failed a check
    (``loi_so_lieu``)."""
    out: list[str] = []
    state = {"b": bold, "i": italic}
    buf: list[str] = []

    def flush(mark: str = "") -> None:
        if not buf:
            return
        props = ("<w:b/>" if state["b"] else "") + ("<w:i/>" if state["i"] else "") + mark
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{"".join(buf)}</w:t></w:r>')
        buf.clear()

    tokens = _tokens(text)
    formatting = _formatting(tokens)
    for index, (kind, segment) in enumerate(tokens):
        if kind == "tag":
            checked = _checked(segment, figures)
            if checked:
                flush()
                buf.append(segment)
                failed = " or ".join(f"'{n}' in loi_so_lieu" for n in checked)
                mark = f"<!--reportgen:figures {' '.join(checked)}-->"  # read by app/drafts.py
                flush(
                    f"{{% if du_thao and ({failed}) %}}"
                    f'<w:highlight w:val="yellow"/>{mark}{{% endif %}}'
                )
                continue
            buf.append(segment)
        elif kind == "mark" and index in formatting:
            flush()
            which = "b" if segment == "**" else "i"
            state[which] = not state[which]
        else:
            buf.append(escape(segment))
    flush()
    return "".join(out)


def paragraph(
    style: str,
    text: str,
    *,
    italic: bool = False,
    bold: bool = False,
    figures: Collection[str] = (),
) -> str:
    """A paragraph with a named style. With ``figures``, a draft gets a version of it whose
    figures can be highlighted (a signed report keeps the plain, smaller runs)."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    plain = f"<w:p>{ppr}{runs(text, italic=italic, bold=bold)}</w:p>"
    if not figures:
        return plain
    marked = f"<w:p>{ppr}{runs(text, italic=italic, bold=bold, figures=figures)}</w:p>"
    if marked == plain:
        return plain
    return f"{{% if du_thao %}}{marked}{{% else %}}{plain}{{% endif %}}"


def _when(cond: str | None, inner: str) -> str:
    return f"{{% if {cond} %}}{inner}{{% endif %}}" if cond else inner


@dataclass
class _Numbering:
    """A heading's number: ``text`` as written in the paragraph (may hold a Jinja tag) and
    ``expr``, a Jinja expression giving the same string (for children's numbers). Numbers are
    computed at render time only where a sibling is conditional, so hidden sections never leave
    a gap (I, II, III …)."""

    text: str
    expr: str

    @classmethod
    def literal(cls, text: str) -> _Numbering:
        return cls(text, "'" + text + "'")

    @classmethod
    def dynamic(cls, expr: str) -> _Numbering:
        return cls("{{ " + expr + " }}", expr)


LETTERS = "abcdđeghiklmnopqrstuvxy"


def _cell(
    text: str,
    width: int,
    style: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str | None = None,
    shade: bool = False,
    keep: str = "",
    figure: str | None = None,
    guard: str = "",
) -> str:
    """A table cell holding ``text``. With ``figure`` (an indicator id), a draft highlights
    the cell's figure when that indicator failed a check (and ``guard``, a Jinja condition,
    holds: the row is the report's own unit)."""
    ppr = (
        f'<w:pPr><w:pStyle w:val="{style}"/>'
        + keep
        + (f'<w:jc w:val="{align}"/>' if align else "")
        + "</w:pPr>"
    )
    tcpr = (
        f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        + ('<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if shade else "")
        + '<w:vAlign w:val="center"/></w:tcPr>'
    )
    content = runs(text, bold=bold, italic=italic)
    if figure is not None:
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        cond = f"{guard} and '{figure}' in loi_so_lieu" if guard else f"'{figure}' in loi_so_lieu"
        marked = (
            f'<w:r><w:rPr>{props}<w:highlight w:val="yellow"/>'
            f"<!--reportgen:figures {figure}--></w:rPr>"
            f'<w:t xml:space="preserve">{text}</w:t></w:r>'
        )
        content = f"{{% if du_thao and {cond} %}}{marked}{{% else %}}{content}{{% endif %}}"
    return f"<w:tc>{tcpr}<w:p>{ppr}{content}</w:p></w:tc>"


#: Width of one character of 12 pt Times New Roman, in twips (an average over Vietnamese text;
#: bold is wider), and the cell's left + right margins.
CELL_MARGINS, TABLE_SIZE = 140, 12
#: the unit-name column holds "Phường Hoàng Văn Thụ" (and names as long) on one line
NAME_MIN_TWIPS = text_width_twips("Phường Hoàng Văn Thụ", TABLE_SIZE) + CELL_MARGINS + 80
KEEP = "<w:keepNext/>"
#: the unit-name column grows no wider than this on a wide (landscape) page: the figure
#: columns share the rest
NAME_MAX_TWIPS = NAME_MIN_TWIPS * 6 // 5


def _spread(widths: list[int], room: int) -> list[int]:
    """``widths`` grown evenly to fill ``room`` when they are narrower (never shrunk)."""
    extra = room - sum(widths)
    if extra <= 0 or not widths:
        return widths
    share, left = divmod(extra, len(widths))
    return [w + share + (1 if i < left else 0) for i, w in enumerate(widths)]


def unit_line_of(t: Table, cols: Sequence[Indicator]) -> tuple[str | None, str]:
    """The "Đơn vị tính" line of a table and the unit it names (columns in that unit do not
    repeat it in their header). The line is the table's ``unit_line`` or the most common unit of
    its columns; other units stay in their headers."""
    units = [c.unit for c in cols if c.unit]
    if t.unit_line is not None:
        return t.unit_line or None, t.unit_line.removeprefix("Đơn vị tính:").strip()
    if not units:
        return None, ""
    common = max(dict.fromkeys(units), key=units.count)
    return f"Đơn vị tính: {common}", common


def header_text(c: Indicator, common: str) -> str:
    """A column header: the label, with its unit only when it differs from the table's."""
    return f"{c.label} ({c.unit})" if c.unit and c.unit != common else c.label


def fit_widths(
    headers: Sequence[str], samples: Sequence[str], total: int, name_min: int = NAME_MIN_TWIPS
) -> list[int]:
    """Widths (twips) of the figure columns: wide enough for the longest word of the header,
    for the widest figure, and for the header in at most three lines; the name column keeps at
    least ``name_min`` of ``total`` (figure columns shrink, never below their longest word)."""

    def width(text: str) -> int:
        return text_width_twips(text, TABLE_SIZE, bold=True)

    wants, floors = [], []
    for head, sample in zip(headers, samples, strict=True):
        word = max((width(w) for w in head.split()), default=0) + CELL_MARGINS
        figure = width(sample) + CELL_MARGINS  # the total row is bold
        lines3 = width(head) * 115 // 300 + CELL_MARGINS  # three lines, with room to wrap
        floor = max(word, figure)
        floors.append(floor)
        wants.append(min(max(floor, lines3), 2200))
    room = total - name_min
    if sum(wants) > room:
        extra = sum(wants) - room
        slack = [w - f for w, f in zip(wants, floors, strict=True)]
        give = sum(slack)
        if give > 0:
            wants = [w - min(s, extra * s // give) for w, s in zip(wants, slack, strict=True)]
    return wants


def _sample(c: Indicator) -> str:
    """A figure as wide as the widest the column will show (thousands and decimals)."""
    d = c.decimals or 0
    whole = "100" if c.kind == "percent" else "99.999"
    return whole + ("," + "9" * d if d else "")


def _border() -> str:
    return "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )


def _tbl(width: int, grid: Sequence[int], rows: str) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_border()}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{rows}</w:tbl>"
    )


def _head_row(
    texts: Sequence[str], widths: Sequence[int], ids: dict[str, str], numbers: bool
) -> str:
    """The header row, repeated on each page and kept with the first rows. With ``numbers``
    each cell ends with its column number ((1), (2) …) over a rule: one row, not two
    (LibreOffice moves a whole table whose two heading rows are kept with the first row)."""
    style = ids["table_head"]
    cells = []
    for i, (text, w) in enumerate(zip(texts, widths, strict=True), 1):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{KEEP}<w:jc w:val="center"/></w:pPr>'
        body = f"<w:p>{ppr}{runs(text, bold=True)}</w:p>"
        if numbers:
            rule = '<w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>'
            ppr = (
                f'<w:pPr><w:pStyle w:val="{style}"/>{KEEP}{rule}'
                '<w:ind w:left="-70" w:right="-70"/><w:jc w:val="center"/></w:pPr>'
            )
            body += f"<w:p>{ppr}{runs(f'({i})', italic=True)}</w:p>"
        align = "bottom" if numbers else "center"
        tcpr = f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="{align}"/></w:tcPr>'
        cells.append(f"<w:tc>{tcpr}{body}</w:tc>")
    return "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>"


def _above(t: Table, line: str | None, ids: dict[str, str]) -> str:
    """The table's title and its "Đơn vị tính" line, kept with the table."""
    out = paragraph(ids["table_title"], t.title) if t.title else ""
    if line:
        xml = paragraph(ids["table_text"], line, italic=True)
        style = f'<w:pStyle w:val="{ids["table_text"]}"/>'
        out += xml.replace(style, style + KEEP + '<w:jc w:val="right"/>', 1)
    return out


def table(
    t: Table,
    indicators: dict[str, Indicator],
    ids: dict[str, str] | None = None,
    width: int = TEXT_WIDTH_TWIPS,
) -> str:
    """A table of indicators by unit: title, "Đơn vị tính" line, a header row repeated on each
    page (kept with the first two rows), optional column numbers, one row per unit and a total
    row. A table with ``rows`` lists indicators of the report's unit instead."""
    ids = ids or STYLES
    if t.rows:
        return indicator_table(t, indicators, ids, width)
    cols = [indicators[c] for c in t.columns]
    line, common = unit_line_of(t, cols)
    heads = [header_text(c, common) for c in cols]
    w_no = 600
    w_figs = fit_widths(heads, [_sample(c) for c in cols], width - w_no)
    w_figs = _spread(w_figs, width - w_no - NAME_MAX_TWIPS)
    w_name = width - w_no - sum(w_figs)
    widths = [w_no, w_name, *w_figs]
    head = _head_row([t.unit_label, t.first_column, *heads], widths, ids, t.column_numbers)

    def fig(expr: str) -> str:
        return f"{{{{ {expr} | bang }}}}"

    # the first two rows stay on the page of the header: a header never ends a page alone
    keep = "{% if loop.first %}" + KEEP + "{% endif %}"
    body_cells = (
        _cell("{{ loop.index }}", w_no, ids["table_cell"], align="center", keep=keep)
        + _cell("{{ dv.ten }}", w_name, ids["table_text"], keep=keep)
        + "".join(
            _cell(
                fig(f"dv.{c.id}"),
                w,
                ids["table_cell"],
                align="right",
                keep=keep,
                figure=c.id,
                guard="dv.ten == don_vi.ten",
            )
            for c, w in zip(cols, w_figs, strict=True)
        )
    )
    villages = t.by == "village"
    loop_filter = " if dv.ten == don_vi.ten" if t.show == "unit" and not villages else ""
    source = "don_vi.thon" if villages else f"cac_don_vi{loop_filter}"
    rows = (
        f"{{% for dv in {source} %}}<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f"{body_cells}</w:tr>{{% endfor %}}"
    )
    # the total row: the whole city's figures, or (by village) the ward's own
    total_of = "chi_tieu" if villages else "toan_thanh_pho"
    total = ""
    if t.total_row and (t.show != "unit" or villages):
        total_cells = (
            _cell("", w_no, ids["table_cell"], shade=True)
            + _cell(t.total_label, w_name, ids["table_text"], bold=True, shade=True)
            + "".join(
                _cell(
                    fig(f"{total_of}.{c.id}"),
                    w,
                    ids["table_cell"],
                    bold=True,
                    align="right",
                    shade=True,
                )
                for c, w in zip(cols, w_figs, strict=True)
            )
        )
        total = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{total_cells}</w:tr>"
    inner = (
        _above(t, line, ids) + _tbl(width, widths, head + rows + total) + paragraph(ids["body"], "")
    )
    if villages:  # only in the report of a ward that has village figures
        return _when("don_vi.thon", inner)
    return _show(t, inner)


def _show(t: Table, inner: str) -> str:
    return _shown_in(t.show, inner)


def _shown_in(show: str, inner: str) -> str:
    """``inner`` in the reports ``show`` names: all, city (the whole city's), unit (a ward's)."""
    if show == "city":
        return _when("don_vi.la_toan_thanh_pho", inner)
    if show == "unit":
        return _when("not don_vi.la_toan_thanh_pho", inner)
    return inner


def indicator_table(
    t: Table, indicators: dict[str, Indicator], ids: dict[str, str], width: int
) -> str:
    """A table of the report's own indicators, one per row: TT, Chỉ tiêu, Đơn vị tính, the
    unit's figure (and the whole city's with ``compare_total``)."""
    rows_ind = [indicators[r] for r in t.rows]
    w_no, w_unit = 600, 1500
    w_val = 1900
    n_val = 2 if t.compare_total else 1
    w_label = width - w_no - w_unit - w_val * n_val
    widths = [w_no, w_label, w_unit, *[w_val] * n_val]
    heads = [t.unit_label, "Chỉ tiêu", "Đơn vị tính", "{{ don_vi.ten }}"]
    if t.compare_total:
        heads.append(t.total_label)
    head = _head_row(heads, widths, ids, t.column_numbers)
    body = []
    for i, ind in enumerate(rows_ind, 1):
        keep = KEEP if i < 2 else ""
        cells = (
            _cell(str(i), w_no, ids["table_cell"], align="center", keep=keep)
            + _cell(ind.label, w_label, ids["table_text"], keep=keep)
            + _cell(ind.unit, w_unit, ids["table_cell"], align="center", keep=keep)
            + _cell(
                f"{{{{ {ind.id} | bang }}}}",
                w_val,
                ids["table_cell"],
                align="right",
                keep=keep,
                figure=ind.id,
            )
        )
        if t.compare_total:
            cells += _cell(
                f"{{{{ toan_thanh_pho.{ind.id} | bang }}}}",
                w_val,
                ids["table_cell"],
                align="right",
                keep=keep,
            )
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    inner = (
        _above(t, t.unit_line, ids)
        + _tbl(width, widths, head + "".join(body))
        + paragraph(ids["body"], "")
    )
    return _show(t, inner)


def _paragraph(p: Paragraph, ids: dict[str, str], figures: Collection[str] = ()) -> str:
    style = p.style or "body"
    text = _PREFIX.get(style, "") + p.text
    xml = paragraph(ids["body"], text, italic=style == "note", figures=figures)
    return _when(p.when, xml)


def _number(level: int, i: int, count_expr: str | None, parent: _Numbering | None) -> _Numbering:
    if count_expr is None:
        if level == 1:
            return _Numbering.literal(roman(i))
        if level == 2:
            return _Numbering.literal(str(i))
        if level == 3 and parent is not None and not parent.text.startswith("{{"):
            return _Numbering.literal(f"{parent.text}.{i}")
        if level >= 4:
            return _Numbering.literal(LETTERS[(i - 1) % len(LETTERS)])
        count_expr = f"'{i}'"
    if level == 1:
        return _Numbering.dynamic(f"({count_expr} | la_ma)")
    if level == 2:
        return _Numbering.dynamic(f"({count_expr} | string)")
    if level == 3:
        return _Numbering.dynamic(
            f"({parent.expr if parent else chr(39) * 2} ~ '.' ~ {count_expr})"
        )
    return _Numbering.dynamic(f"('{LETTERS}'[({count_expr} | int) - 1])")


def _sections(
    sections: Sequence[Section],
    level: int,
    parent: _Numbering | None,
    indicators: dict[str, Indicator],
    counter: Iterator[int],
    ids: dict[str, str],
) -> str:
    dynamic = any(s.when for s in sections)
    ns = f"ns{next(counter)}"
    out = [f"{{% set {ns} = namespace(n=0) %}}"] if dynamic else []
    for i, s in enumerate(sections, 1):
        number = _number(level, i, f"{ns}.n" if dynamic else None, parent)
        suffix = ")" if level >= 4 else "."
        heading = s.heading.upper() if level == 1 else s.heading
        style = ids[f"level{min(level, 4)}"]
        inner = (f"{{% set {ns}.n = {ns}.n + 1 %}}" if dynamic else "") + paragraph(
            style, f"{number.text}{suffix} {heading}"
        )
        inner += "".join(_paragraph(p, ids, indicators) for p in s.paragraphs)
        if s.table is not None:
            inner += table(s.table, indicators, ids)
        if s.sections:
            inner += _sections(s.sections, level + 1, number, indicators, counter, ids)
        out.append(_when(s.when, inner))
    return "".join(out)


def style_ids(template: str | Path) -> dict[str, str]:
    """Style ids of the body's roles as they are in ``template``, found by style name.

    Word keeps the ids of the base template, but LibreOffice renames them when it saves
    (``RGMuc`` becomes ``RGMcI``); looking styles up by their names keeps headings and body
    text styled after an edit in either program. Roles whose style is missing keep the default
    id (lint reports the missing style).
    """
    import zipfile

    ids = dict(STYLES)
    try:
        with zipfile.ZipFile(template) as z:
            xml = z.read("word/styles.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ids
    by_name = {
        html.unescape(m.group(2)): m.group(1)
        for m in re.finditer(
            r'<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"', xml
        )
    }
    for role, (_, name) in STYLE_DEFS.items():
        if name in by_name:
            ids[role] = by_name[name]
    return ids


def build_body(config: ReportConfig, styles: dict[str, str] | None = None) -> str:
    """Return the Jinja-templated OOXML of the whole body (opening → closing ``./.``)."""
    ids = {**STYLES, **(styles or {})}
    parts: list[str] = []
    if config.basis_style == "can_cu":
        parts.append(
            "{% for b in can_cu %}"
            + paragraph(
                ids["basis"],
                "Căn cứ {{ b.day_du }}{{ ';' if not loop.last else '.' }}",
                italic=True,
            )
            + "{% endfor %}"
        )
    parts.append("{% if mo_dau %}" + paragraph(ids["body"], "{{ mo_dau }}") + "{% endif %}")
    counter = iter(range(1, 10_000))
    parts.append(_sections(config.sections, 1, None, config.indicators, counter, ids))
    # the closing sentence stays on the page of the signature block
    closing = paragraph(ids["body"], "{{ ket_luan }}")
    style = f'<w:pStyle w:val="{ids["body"]}"/>'
    parts.append(closing.replace(style, style + "<w:keepNext/>", 1))
    return "".join(parts)


def _centred(text: str, ids: dict[str, str], *, bold: bool, italic: bool, lead: str = "") -> str:
    """A centred 14 pt line of an appendix heading, kept with what follows."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{ids["table_title"]}"/>{KEEP}{lead}'
        '<w:spacing w:before="0" w:after="0"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>'
        '<w:jc w:val="center"/></w:pPr>'
        + runs(text, bold=bold, italic=italic).replace("</w:rPr>", '<w:sz w:val="28"/></w:rPr>')
        + "</w:p>"
    )


def _short_rule(width: int, ids: dict[str, str], length: int = 1701) -> str:
    """A 3 cm solid line, centred, under the "(Kèm theo …)" line."""
    side = max(0, (width - length) // 2)
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{ids["table_title"]}"/>{KEEP}'
        '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="160" w:after="160" w:line="80" w:lineRule="exact"/>'
        f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/>'
        '<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>'
    )


def appendix_label(a: Appendix, n: int, count: int) -> str:
    """The line above an appendix title: its own ``label``, else ``Phụ lục`` (one appendix) or
    ``Phụ lục I``, ``Phụ lục II`` … (NĐ 30 numbers several appendices in Roman figures)."""
    if a.label:
        return a.label
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(n)}"


def build_appendix(
    config: ReportConfig,
    styles: dict[str, str] | None = None,
    width: int = LANDSCAPE_TEXT_WIDTH_TWIPS,
) -> str:
    """The Jinja-templated OOXML of the report's appendices (the :data:`APPENDIX_NAME` block),
    or ``""`` without any: each on a new landscape page, headed by its label, its title in
    capitals, the "(Kèm theo Báo cáo số …)" line in italics and a short line, then its tables
    (``width`` wide: the landscape text line) and notes. An appendix hidden in a report (by its
    ``show``) leaves nothing, and a report whose appendices are all hidden has no landscape
    section at all."""
    if not config.appendices:
        return ""
    ids = {**STYLES, **(styles or {})}
    count = len(config.appendices)
    out = []
    for n, a in enumerate(config.appendices, 1):
        # the first appendix shown starts the landscape section; each other on a new page (an
        # appendix's showing is known from its `show`, so no state is kept while rendering)
        earlier = " or ".join(f"({_SHOW[e.show]})" for e in config.appendices[: n - 1])
        lead = f"{{% if {earlier} %}}<w:pageBreakBefore/>{{% endif %}}" if earlier else ""
        inner = (
            _centred(appendix_label(a, n, count), ids, bold=True, italic=False, lead=lead)
            + _centred(a.title.upper(), ids, bold=True, italic=False)
            + _centred("{{ bao_cao.kem_theo }}", ids, bold=False, italic=True)
            + _short_rule(width, ids)
        )
        inner += "".join(table(t, config.indicators, ids, width) for t in a.tables)
        inner += "".join(_paragraph(p, ids, config.indicators) for p in a.paragraphs)
        out.append(_shown_in(a.show, inner))
    return "".join(out)


def appendix_width(template: str | Path) -> int:
    """The text width (twips) of the landscape section the engine adds to ``template``."""
    import zipfile

    try:
        with zipfile.ZipFile(template) as z:
            xml = z.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        xml = None
    return appendix_text_width(xml)


def build_blocks(config: ReportConfig, template: str | Path | None = None) -> dict[str, str]:
    """The blocks of a report built from its definition, for ``template`` (its style ids and
    page): the body (``{{p noi_dung }}``) and, when the report has appendices, the appendix
    block the engine puts after the signature block."""
    styles = style_ids(template) if template is not None else None
    blocks = {BLOCK_NAME: build_body(config, styles)}
    if config.appendices:
        width = appendix_width(template) if template is not None else LANDSCAPE_TEXT_WIDTH_TWIPS
        blocks[APPENDIX_NAME] = build_appendix(config, styles, width)
        blocks[APPENDIX_WHEN] = appendix_shown(config)
    return blocks


#: the reports an appendix shows in, by its ``show``, as a Jinja condition
_SHOW = {"all": "true", "city": "don_vi.la_toan_thanh_pho", "unit": "not don_vi.la_toan_thanh_pho"}


def appendix_shown(config: ReportConfig) -> str:
    """A Jinja expression true exactly in the reports where an appendix shows (by the
    appendices' ``show``), so the engine need not render the appendix to find out."""
    return " or ".join(f"({_SHOW[s]})" for s in dict.fromkeys(a.show for a in config.appendices))
