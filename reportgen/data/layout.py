"""Find the table in a clerk's sheet (biểu mẫu): the header block, the columns, the rows.

A sheet as wards send it has title lines, a header of one or several rows with merged cells
("Hộ nghèo" over "Đầu năm | Cuối năm"), an STT column, a numbering row ("A B (1) (2) …"), group
and total rows, and notes and signatures under the table. :func:`find_layout` finds each part and
says which rows it took (:attr:`Layout.notes`), so nothing is guessed silently; where the layout
is unclear it stops with the rows it saw and the options that declare them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reportgen.data.text import ascii_words, collapse_spaces, nfc
from reportgen.data.workbook import Grid, Raw, is_blank
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DataError, Location

PATH_SEP = " › "

#: Header texts (folded) that name the unit column.
UNIT_HEADERS = frozenset(
    {
        "don-vi",
        "ten-don-vi",
        "don-vi-hanh-chinh",
        "ten-don-vi-hanh-chinh",
        "phuong-xa",
        "xa-phuong",
        "ten-phuong-xa",
        "ten-xa-phuong",
        "phuong-xa-thi-tran",
        "xa-phuong-thi-tran",
        "xa-thi-tran",
        "ten-xa-thi-tran",
        "dia-ban",
        "dia-phuong",
        "ten-dia-phuong",
        "ten-xa",
        "ten-phuong",
        "don-vi-phuong-xa",
        "ten-don-vi-phuong-xa",
    }
)
#: Longer unit-column headers: "Tên phường, xã, thị trấn", "Đơn vị (xã, phường)",
#: "Đơn vị hành chính cấp xã" (never "Đơn vị tính").
_UNIT_HEADER_START = re.compile(
    r"(ten-)?(don-vi-(hanh-chinh|xa|phuong|cap-xa)|phuong-xa|xa-phuong|ten-phuong|ten-xa"
    r"|ten-don-vi|dia-ban-(xa|phuong))(-|$)"
)
STT_HEADERS = frozenset({"stt", "tt", "so-tt", "so-thu-tu"})

_FOOTER = re.compile(
    r"(ghi-chu|chu-thich|luu-y|nguon|nguoi-lap|lap-bieu|nguoi-lap-bieu|nguoi-tong-hop|"
    r"thu-truong|xac-nhan|noi-nhan|tm|kt|ky-ten|ky-ghi-ro|ky-va-ghi-ro|chu-tich|pho-chu-tich|"
    r"giam-doc|truong-phong|can-bo|ket-luan)(-.*)?"
    r"|.*ngay-[0-9]*-?thang-[0-9]*-?nam.*"
)
_ROMAN = re.compile(r"[IVXLC]{1,6}")
_ROMAN_PREFIX = re.compile(r"\s*[IVXLC]{1,6}\s*[.)\-–:/]\s*\S")
_LETTER_PREFIX = re.compile(r"\s*[A-DĐ]\s*[.)/]\s+\S")
_GROUP_SLUG = re.compile(
    r"khoi-.*|cac-(phuong|xa|thi-tran|don-vi|dia-ban)(-.*)?|khu-vuc(-.*)?|nhom-.*|cum-.*"
    r"|thanh-thi|nong-thon|trong-do.*|cong(-.*)?|tong(-.*)?|phuong|xa|thi-tran|dia-ban-.*"
    r"|toan-(thanh-pho|huyen|tinh|quan|thi-xa|thi-tran|xa|phuong)(-.*)?"
)
_TOTAL_SLUG = re.compile(
    r"tong|cong|tong-cong(-.*)?|tong-so(-.*)?|toan-(thanh-pho|huyen|tinh|quan|thi-xa|thi-tran"
    r"|xa|phuong)(-.*)?|tong-toan-.*"
)
_NUMBERING = re.compile(
    r"\(?[0-9]{1,2}\)?|\(?[A-DĐ]\)?|\(?[0-9]{1,2}\)?\s*=\s*[()0-9+\-*/x:\s]+", re.IGNORECASE
)


def text_of(v: Raw) -> str:
    """A raw cell as one line of NFC text ("" when blank)."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return collapse_spaces(nfc(str(v)))


def is_number(v: Raw) -> bool:
    """Whether a raw cell holds a number (not a boolean)."""
    return isinstance(v, int | float) and not isinstance(v, bool)


def looks_numeric(v: Raw) -> bool:
    """A number cell, or text written like a number ("1.013", "0,99", "12%")."""
    if is_number(v):
        return True
    return isinstance(v, str) and re.fullmatch(r"\s*-?[0-9][0-9.,\s]*%?\s*", v) is not None


def total_like(name: str) -> bool:
    """Names of a whole-area total row ("Tổng cộng", "Cộng", "Toàn thành phố")."""
    return _TOTAL_SLUG.fullmatch(ascii_words(name)) is not None


def group_like(name: str, stt: str = "") -> bool:
    """Names of a group or subtotal row: "Khối phường", "I. Các phường", "Cộng khối xã",
    "Thành thị", or a row numbered with a Roman numeral in the STT column."""
    if _ROMAN_PREFIX.match(name) or _LETTER_PREFIX.match(name):
        return True
    if stt and (_ROMAN.fullmatch(stt) or stt in ("A", "B", "C", "D")):
        return True
    return _GROUP_SLUG.fullmatch(ascii_words(name)) is not None


def is_footer(texts: list[str]) -> bool:
    """A row of the notes, date line or signature block under a table."""
    first = next((t for t in texts if t), "")
    if not first:
        return False
    if first.startswith(("*", "(*")):
        return True
    return any(_FOOTER.fullmatch(ascii_words(t)) for t in [t for t in texts if t][:2])


@dataclass
class Row:
    """A named row of the table: a unit, a total or group row, or a group heading."""

    number: int  # 1-based row number in the sheet
    name: str
    stt: str
    kind: str = "unit"  # unit | total | group | heading | subtotal? (undeclared)
    has_numbers: bool = False
    reason: str = ""


@dataclass
class Layout:
    """Where the table of one sheet is."""

    sheet: str
    header_rows: tuple[int, int]  # 1-based, inclusive
    numbering_row: int | None
    paths: list[str]
    labels: list[str]  # the numbering row's label of each column ("(3)", "C"), "" if none
    unit_col: int
    stt_col: int | None
    first_row: int
    last_row: int  # last row of the table (1-based, inclusive)
    rows: list[Row] = field(default_factory=list)
    nameless: list[int] = field(default_factory=list)  # rows with figures and no unit name
    notes: list[str] = field(default_factory=list)
    errors: list[DataError] = field(default_factory=list)
    group_above: str = ""
    """When declared header rows leave out a row of group headers right above them: the advice
    to declare it too (``""`` otherwise)."""


def parse_rows(text: str) -> tuple[int, int]:
    """``"4-5"`` → (4, 5); ``"4"`` → (4, 4)."""
    m = re.fullmatch(r"\s*([0-9]+)\s*(?:[-–]\s*([0-9]+))?\s*", text)
    if not m:
        raise ValueError(text)
    a = int(m.group(1))
    b = int(m.group(2) or a)
    return (a, b) if a <= b else (b, a)


def _anchor(grid: Grid, unit_hint: str | None) -> tuple[int, int] | None:
    hint_fold = ascii_words(unit_hint) if unit_hint else None
    for r in range(min(grid.height, 40)):
        for c, v in enumerate(grid.cells[r]):
            t = text_of(v)
            if not t:
                continue
            if unit_hint and (t == unit_hint or ascii_words(t) == hint_fold):
                return r, c
    for r in range(min(grid.height, 40)):
        for c, v in enumerate(grid.cells[r]):
            t = text_of(v)
            if t and ascii_words(t) in UNIT_HEADERS:
                return r, c
    for r in range(min(grid.height, 40)):
        for c, v in enumerate(grid.cells[r]):
            t = text_of(v)
            if t and _UNIT_HEADER_START.match(ascii_words(t)) and len(t.split()) <= 8:
                return r, c
    return None


def has_header(grid: Grid, unit_hint: str | None) -> bool:
    """Whether ``grid`` has a header row with a unit-name column in its first rows."""
    return _anchor(grid, unit_hint) is not None


def _is_numbering(grid: Grid, r: int, unit_col: int) -> bool:
    vals = [v for v in (grid.cells[r] if r < grid.height else []) if not is_blank(v)]
    if len(vals) < 3:
        return False
    numbers = [v for v in vals if is_number(v)]
    texts = [text_of(v) for v in vals if not is_number(v)]
    if not all(_NUMBERING.fullmatch(t) for t in texts):
        return False
    if numbers:
        ints = [int(v) for v in numbers if float(v).is_integer()]
        if len(ints) != len(numbers) or any(b - a != 1 for a, b in itertools.pairwise(ints)):
            return False
    unit = grid.get(r, unit_col)
    return (
        is_blank(unit)
        or (not is_number(unit) and _NUMBERING.fullmatch(text_of(unit)) is not None)
        or is_number(unit)
    )


def find_layout(
    grid: Grid,
    *,
    file: str,
    unit_hint: str | None = None,
    header_rows: tuple[int, int] | None = None,
    first_row: int | None = None,
    last_row: int | None = None,
    unit_col: int | None = None,
) -> Layout:
    """Find the header block, columns and rows of the table in ``grid``.

    ``unit_hint`` is the unit column's header text (declared or ``data.unit_column``);
    ``header_rows``/``first_row``/``last_row`` (1-based) replace the detection when declared.
    Raises :class:`DataError` when no header can be found.
    """
    loc = Location(file=file, sheet=grid.name)
    if grid.height == 0 or all(all(is_blank(v) for v in row) for row in grid.cells):
        raise DataError.of("data.empty-sheet", location=loc)
    cover = grid.covering()
    notes: list[str] = []
    if header_rows is not None:
        top, bottom = header_rows[0] - 1, header_rows[1] - 1
        if top >= grid.height:
            raise DataError.of("data.layout-no-row", location=loc, row=header_rows[0])
        anchor = _anchor(grid, unit_hint)
        ucol = (
            unit_col
            if unit_col is not None
            else (anchor[1] if anchor and top <= anchor[0] <= bottom else None)
        )
        if ucol is None:
            ucol = _first_text_column(grid, bottom + 1)
    else:
        anchor = _anchor(grid, unit_hint)
        if anchor is None and unit_col is None:
            first_texts = []
            for r in range(min(grid.height, 12)):
                texts = [text_of(v) for v in grid.cells[r] if text_of(v)]
                if texts:
                    first_texts.append(
                        catalog.text("data.no-header-line", row=r + 1, texts=" | ".join(texts)[:90])
                    )
            raise DataError.of(
                "data.no-header",
                location=loc,
                want=catalog.text("data.no-header-want-declared", unit=unit_hint)
                if unit_hint
                else catalog.text("data.no-header-want"),
                first="; ".join(first_texts[:6]),
            )
        if anchor is None:
            assert unit_col is not None
            top = 0
            ucol = unit_col
        else:
            top, ucol = anchor
            if unit_col is not None:
                ucol = unit_col
        bottom = top
        for r0, _c0, r1, _c1 in grid.merged:
            if r0 == top and r1 > bottom and r1 - r0 < 6:
                bottom = r1
        r = bottom + 1
        while r < grid.height and r - top < 6:
            row = grid.cells[r]
            if all(is_blank(v) for v in row) or _is_numbering(grid, r, ucol):
                break
            unit_cell_merged = cover.get((r, ucol), (r, ucol))[0] < r
            if not is_blank(grid.get(r, ucol)) and not unit_cell_merged:
                break
            if any(is_number(v) for v in row) and not _under_group_cells(grid, r):
                break  # figures; but years (2023 | 2024) under "Hộ nghèo" are sub-headers
            bottom = r
            r += 1
        if bottom > top:
            notes.append(catalog.text("data.note-header-rows", top=top + 1, bottom=bottom + 1))
    group_above = _group_row_above(grid, top) if header_rows is not None else ""
    if group_above:
        notes.append(group_above)
    width = max((len(row) for row in grid.cells[top : bottom + 1]), default=0)
    for row in grid.cells[bottom + 1 :]:
        while width < len(row) and not is_blank(row[width]):
            width += 1
    if not grid.merged and bottom > top:
        cover = {**cover, **_implied_merges(grid, top, bottom, width)}
    paths: list[str] = []
    for c in range(width):
        parts: list[str] = []
        seen: set[tuple[int, int]] = set()
        for r in range(top, bottom + 1):
            origin = cover.get((r, c), (r, c))
            if origin in seen:
                continue
            seen.add(origin)
            t = text_of(grid.get(*origin))
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        paths.append(PATH_SEP.join(parts))
    stt_col = next(
        (c for c, p in enumerate(paths) if p and ascii_words(p.split(PATH_SEP)[0]) in STT_HEADERS),
        None,
    )
    start = bottom + 1
    numbering_row = None
    labels = [""] * width
    if start < grid.height and _is_numbering(grid, start, ucol):
        numbering_row = start + 1
        labels = [text_of(grid.get(start, c)) for c in range(width)]
        start += 1
    if first_row is not None:
        start = first_row - 1
    layout = Layout(
        sheet=grid.name,
        header_rows=(top + 1, bottom + 1),
        numbering_row=numbering_row,
        paths=paths,
        labels=labels,
        unit_col=ucol,
        stt_col=stt_col,
        first_row=start + 1,
        last_row=start,
        notes=notes,
        group_above=group_above,
    )
    _rows(grid, layout, start, last_row, loc)
    return layout


def _group_row_above(grid: Grid, top: int) -> str:
    """The advice to take in the row right above declared header rows when it holds group
    headers merged over several columns ("Hộ nghèo" over "Đầu năm | Cuối năm")."""
    if top == 0:
        return ""
    groups = [
        text_of(grid.get(r0, c0))
        for r0, c0, r1, c1 in sorted(grid.merged, key=lambda m: m[1])
        if r1 == top - 1 and c1 > c0 and r1 - r0 < 3 and text_of(grid.get(r0, c0))
    ]
    width = max(len(grid.cells[top]) if top < grid.height else 0, 1)
    spans = [
        (r0, c0, c1) for r0, c0, r1, c1 in grid.merged if r1 == top - 1 and c1 > c0 and r1 - r0 < 3
    ]
    if not groups or any(c1 - c0 + 1 >= width for _, c0, c1 in spans):
        return ""  # a title line over the whole table is not a group header
    first = min(r0 for r0, _, _ in spans) + 1
    shown = ", ".join(f'"{g}"' for g in dict.fromkeys(groups))
    return catalog.text(
        "data.note-group-row-above",
        rows=first if first == top else f"{first}–{top}",
        groups=shown,
        first=first,
        last=top + 1,
    )


def _under_group_cells(grid: Grid, r: int) -> bool:
    """Whether every filled cell of row ``r`` lies under a header cell of the row above merged
    over several columns (sub-headers such as years under "Hộ nghèo")."""
    spans = [(c0, c1) for r0, c0, r1, c1 in grid.merged if r0 <= r - 1 <= r1 < r and c1 > c0]
    filled = [c for c, v in enumerate(grid.cells[r]) if not is_blank(v)]
    return bool(spans and filled) and all(any(a <= c <= b for a, b in spans) for c in filled)


def _implied_merges(
    grid: Grid, top: int, bottom: int, width: int
) -> dict[tuple[int, int], tuple[int, int]]:
    """Group headers of a file that does not record its merged cells (some .ods and .xls
    writers): in an upper header row, a blank cell over a sub-header belongs to the nearest
    group header on its left."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(top, bottom):
        carry: tuple[int, int] | None = None
        for c in range(width):
            below = any(not is_blank(grid.get(rr, c)) for rr in range(r + 1, bottom + 1))
            if not is_blank(grid.get(r, c)):
                carry = (r, c) if below else None
            elif carry is not None and below:
                out[(r, c)] = carry
            else:
                carry = None
    return out


def _first_text_column(grid: Grid, start: int) -> int:
    counts: dict[int, int] = {}
    for row in grid.cells[start : start + 30]:
        for c, v in enumerate(row):
            if isinstance(v, str) and v.strip() and not looks_numeric(v):
                counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: (counts[c], -c)) if counts else 0


def _rows(grid: Grid, layout: Layout, start: int, last_row: int | None, loc: Location) -> None:
    ucol, scol = layout.unit_col, layout.stt_col
    stop = min(grid.height, last_row) if last_row is not None else grid.height
    end: int | None = None
    blank_rows: list[int] = []
    # rows with a formula saved without its value: it stands for a figure (a subtotal written by
    # a program is still a subtotal)
    formula_rows = {r for r, c in grid.uncomputed if c not in (ucol, scol)}
    seen_figures = False
    # a row name written in a cell merged across the STT and name columns ("Tổng cộng" in A:B)
    merged_names = {r0: c0 for r0, c0, _r1, c1 in grid.merged if c0 < ucol <= c1 and r0 >= start}
    for r in range(start, stop):
        row = grid.cells[r]
        if all(is_blank(v) for v in row):
            blank_rows.append(r + 1)
            continue
        name = text_of(grid.get(r, ucol))
        from_stt = False
        if not name and not is_number(grid.get(r, ucol)):
            if r in merged_names:
                name = text_of(grid.get(r, merged_names[r]))
                from_stt = merged_names[r] == scol
            elif scol is not None:
                beside = text_of(grid.get(r, scol))
                if beside and (total_like(beside) or (" " in beside and group_like(beside))):
                    name, from_stt = beside, True
        numbers = r in formula_rows or any(
            is_number(v) for c, v in enumerate(row) if c not in (ucol, scol)
        )
        if last_row is None and not numbers:  # notes, date line and signatures have no figures
            texts = [text_of(v) for v in row[:12] if isinstance(v, str) and v.strip()]
            if is_footer(texts) and not (name and layout.rows and _unitish(name)):
                end = r
                break
            if name and seen_figures and _note_like(name):
                end = r  # a sentence under the figures ("(1) Số liệu theo …", "- Tính đến …")
                break
        stt = text_of(grid.get(r, scol)) if scol is not None and not from_stt else ""
        figures = numbers or any(
            looks_numeric(v) for c, v in enumerate(row) if c not in (ucol, scol) and not is_blank(v)
        )
        if not name or (is_number(grid.get(r, ucol)) and not from_stt):
            if figures:
                layout.nameless.append(r + 1)
            continue
        layout.rows.append(Row(r + 1, name, stt, has_numbers=figures))
        seen_figures = seen_figures or figures
        layout.last_row = r + 1
    if blank_rows:
        inside = [n for n in blank_rows if n < layout.last_row]
        if inside:
            layout.notes.append(catalog.text("data.note-blank-rows", n=len(inside)))
    if end is not None:
        layout.notes.append(catalog.text("data.note-table-end", last=layout.last_row, next=end + 1))
        for r in range(end + 1, grid.height):
            row = grid.cells[r]
            name = text_of(grid.get(r, ucol))
            count = sum(1 for c, v in enumerate(row) if c not in (ucol, scol) and is_number(v))
            if name and count >= 2 and not is_footer([name]):
                layout.errors.append(
                    DataError.of(
                        "data.layout-table-end",
                        location=Location(file=loc.file, sheet=loc.sheet, row=r + 1),
                        note=end + 1,
                        row=r + 1,
                        name=name,
                        last=layout.last_row,
                    )
                )
                break


_NOTE_START = re.compile(r"\s*(\(\s*[0-9]{1,2}\s*\)|[0-9]{1,2}\s*\)|[-+•*–—])\s*\S")


def _note_like(name: str) -> bool:
    """A line of notes written in the unit-name column under the table: it starts like a note
    ("(1) …", "1) …", "- …"), has a colon, ends with a full stop or is a long sentence — and is
    neither a unit name nor a group heading."""
    bare = re.sub(r"^\s*[0-9]{1,3}\s*[.)]\s*", "", name)
    short = len(name.split()) <= 6
    if _unitish(bare) or (short and (group_like(name) or total_like(name))):
        return False
    return (
        _NOTE_START.match(name) is not None
        or re.search(r":\s*\S", name) is not None  # "Nguồn: …" (not a heading "Vùng …:")
        or name.rstrip().endswith((".", ";"))
        or len(name.split()) > 8
    )


def unit_like(name: str) -> bool:
    """Whether a row name reads as a ward or commune ("Phường …", "Xã …", "TT. …")."""
    return _unitish(name)


def _unitish(name: str) -> bool:
    slug = ascii_words(name)
    return slug.startswith(("phuong-", "xa-", "thi-tran-", "p-", "x-", "tt-"))
