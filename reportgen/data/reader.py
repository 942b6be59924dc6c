"""Read a table of figures from CSV/TSV/TXT or XLSX, as clerks have them.

CSV text may be UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode Text") or cp1258 (plain
"CSV" saved on Vietnamese Windows); the separator is ",", ";" or tab. Every string is NFC; legacy
TCVN3/VNI text is refused with a clear message. Each row keeps its row number in the file so a
finding can point at the cell.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.data.text import (
    ascii_words,
    collapse_spaces,
    double_encoded,
    legacy_encoding,
    nfc,
)
from reportgen.data.workbook import Uncomputed, Workbook, cell_value, os_error
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DataError, Location
from reportgen.diagnostics.suggest import did_you_mean

CellValue = str | Decimal | Uncomputed | None


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index (0 → A, 27 → AB)."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass
class RawTable:
    """A table read from a file: the headers and the rows below them, with their row numbers."""

    file: str
    sheet: str | None
    headers: list[str]
    header_row: int
    rows: Sequence[tuple[int, list[CellValue]]]
    encoding: str | None = None
    separator: str | None = None
    index: dict[str, int] = field(default_factory=dict)
    reload: Callable[[], Sequence[tuple[int, list[CellValue]]]] | None = field(
        default=None, repr=False
    )
    """Reads the rows again from the file: the rows of a large file are let go once its units
    are built, and read again only if something asks for them (a marked copy of the file)."""

    def take_rows(self) -> list[tuple[int, list[CellValue]]]:
        """The rows, for building units: handed over (and read again from the file if asked
        for later) when the table can reload them, else a copy of the list."""
        if self.reload is not None and isinstance(self.rows, list):
            rows = self.rows
            self.rows = _Reread(self.reload)
            return rows
        return list(self.rows)

    def __post_init__(self) -> None:
        self.index = {h: i for i, h in enumerate(self.headers) if h}

    def location(self, row: int | None = None, column: str | None = None) -> Location:
        """Return the location of a row/column of this table."""
        col = None
        if column is not None:
            i = self.index.get(column)
            col = f"{column} ({column_letter(i)})" if i is not None else column
        return Location(file=self.file, sheet=self.sheet, row=row, column=col)

    def require_column(self, name: str, what: str) -> int:
        """Return the index of column ``name`` or raise a DataError with "did you mean" (the
        names are compared without case, accents and punctuation, so ``khau_ngheo`` finds
        ``Khẩu nghèo``)."""
        if name in self.index:
            return self.index[name]
        guess = closest_column(name, list(self.index))
        raise DataError.of(
            "data.column-missing",
            location=Location(file=self.file, sheet=self.sheet, row=self.header_row),
            hint=catalog.text("data.did-you-mean-column", guess=guess) if guess else None,
            name=name,
            what=what,
            columns=", ".join(h for h in self.headers if h),
        )


class _Reread(Sequence[tuple[int, list[CellValue]]]):
    """The rows of a table, read again from its file on first use."""

    def __init__(self, load: Callable[[], Sequence[tuple[int, list[CellValue]]]]) -> None:
        self._load = load
        self._rows: Sequence[tuple[int, list[CellValue]]] | None = None

    def _get(self) -> Sequence[tuple[int, list[CellValue]]]:
        if self._rows is None:
            self._rows = self._load()
        return self._rows

    def __getitem__(self, i: Any) -> Any:
        return self._get()[i]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[tuple[int, list[CellValue]]]:
        return iter(self._get())


def closest_column(name: str, headers: list[str]) -> str | None:
    """The header most like ``name``: the same once case, accents and punctuation are folded,
    else the closest by difflib."""
    folded = {ascii_words(h, "_") or h: h for h in headers}
    key = ascii_words(name, "_") or name
    if key in folded:
        return folded[key]
    guess = did_you_mean(key, list(folded))
    return folded[guess] if guess else None


_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Return the text of a CSV file and the encoding it was read with.

    UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode Text") or without one (told
    by its zero bytes), else cp1258 (plain "CSV" on Vietnamese Windows).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DataError.of(
                "data.bad-utf8", location=Location(file=name), position=exc.start + 3
            ) from None
    utf16 = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf16 = "utf-16"
    elif len(data) >= 4 and data[1:4:2] == b"\0\0" and data[0] and data[2]:
        utf16 = "utf-16-le"
    elif len(data) >= 4 and data[0:4:2] == b"\0\0" and data[1] and data[3]:
        utf16 = "utf-16-be"
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise DataError.of(
                "data.bad-utf16", location=Location(file=name), position=exc.start
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise DataError.of("data.unknown-encoding", location=Location(file=name)) from exc


def _sniff_separator(text: str, unit_column: str | None) -> str:
    """The separator of the header line (the line naming the unit column, else the first
    non-empty line): the one of tab, ";" and "," it holds most of."""
    lines = [ln for ln in text.splitlines()[:60] if ln.strip()]
    header = next((ln for ln in lines if unit_column and unit_column in ln), None)
    first = header or (lines[0] if lines else "")
    counts = {sep: first.count(sep) for sep in ("\t", ";", ",")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def check_legacy(text: str, location: Location) -> None:
    """Raise a :class:`DataError` when ``text`` is double-encoded UTF-8 or typed in a legacy
    Vietnamese encoding (TCVN3, VNI)."""
    _check_legacy(text, location)


def _check_legacy(text: str, location: Location) -> None:
    fixed = double_encoded(text)
    if fixed is not None:
        raise DataError.of(
            "data.double-encoded", location=location, text=text[:40], fixed=fixed[:40]
        )
    enc = legacy_encoding(text)
    if enc:
        raise DataError.of(
            "data.legacy-encoding",
            location=location,
            encoding=enc,
            text=text[:40],
            source="TCVN3 (ABC)" if enc == "TCVN3" else "VNI Windows",
        )


def _find_header(
    rows: list[tuple[int, list[CellValue]]],
    unit_column: str | None,
    header_row: int | None,
    name: str,
    sheet: str | None,
) -> int:
    if header_row is not None:
        for i, (n, _) in enumerate(rows):
            if n == header_row:
                return i
        raise DataError.of(
            "data.header-row-missing", location=Location(file=name, sheet=sheet), row=header_row
        )
    if unit_column:
        for i, (_, values) in enumerate(rows[:30]):
            if any(isinstance(v, str) and collapse_spaces(v) == unit_column for v in values):
                return i
    for i, (_, values) in enumerate(rows):
        if any(v not in (None, "") for v in values):
            return i
    raise DataError.of("data.empty-no-data", location=Location(file=name, sheet=sheet))


def _table(
    name: str,
    sheet: str | None,
    rows: list[tuple[int, list[CellValue]]],
    unit_column: str | None,
    header_row: int | None,
    **extra: Any,
) -> RawTable:
    hi = _find_header(rows, unit_column, header_row, name, sheet)
    hrow, hvalues = rows[hi]
    headers = [collapse_spaces(str(v)) if v is not None else "" for v in hvalues]
    for i, h in enumerate(headers):
        _check_legacy(h, Location(file=name, sheet=sheet, row=hrow, column=column_letter(i)))
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        if h and h in seen:
            raise DataError.of(
                "data.column-twice",
                location=Location(file=name, sheet=sheet, row=hrow),
                name=h,
                first=column_letter(seen[h]),
                second=column_letter(i),
            )
        seen[h] = i
    if unit_column and unit_column not in seen:
        guess = closest_column(unit_column, [h for h in headers if h])
        raise DataError.of(
            "data.header-missing",
            location=Location(file=name, sheet=sheet, row=hrow),
            name=unit_column,
            guess=catalog.text("data.did-you-mean-column", guess=guess) + " " if guess else "",
            sheet=catalog.text("data.header-missing-sheet") if sheet else "",
            headers=", ".join(h for h in headers if h)[:200],
        )
    body = [(n, v) for n, v in rows[hi + 1 :] if any(x not in (None, "") for x in v)]
    if unit_column in seen:  # unit names are the text most likely to show a legacy encoding
        u = seen[unit_column]
        for n, v in body:
            cell = v[u] if u < len(v) else None
            if isinstance(cell, str):
                _check_legacy(cell, Location(file=name, sheet=sheet, row=n, column=unit_column))
    if not body:
        raise DataError.of("data.no-rows", location=Location(file=name, sheet=sheet, row=hrow))
    return RawTable(name, sheet, headers, hrow, body, **extra)


def read_csv(
    path: Path,
    *,
    name: str,
    separator: str | None = None,
    unit_column: str | None = None,
    header_row: int | None = None,
) -> RawTable:
    """Read a CSV/TSV file (see the module docstring for encodings and separators)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise os_error(exc, name) from None
    if not data.strip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n;,"):  # nothing but BOMs and blanks
        raise DataError.of("data.empty", location=Location(file=name))
    if data.startswith(_XLSX_MAGIC) or data.startswith(_XLS_MAGIC):
        kind = ".xlsx" if data.startswith(_XLSX_MAGIC) else ".xls (Excel 97-2003)"
        raise DataError.of("data.excel-as-csv", location=Location(file=name), kind=kind)
    text, encoding = _decode(data, name)
    del data  # a large file is not held three times (bytes, text, parsed rows)
    text = unicodedata.normalize("NFC", text)
    sep = separator or _sniff_separator(text, unit_column)
    reader = csv.reader(_lines(text), delimiter=sep)
    rows: list[tuple[int, list[CellValue]]] = []
    strings: dict[str, str] = {}  # one string object per distinct cell text
    quotes = '"' in text
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    try:
        for record in reader:
            if quotes:
                first = rows[-1][0] + 1 if rows else 1
                if reader.line_num > first:
                    col = _swallowed(
                        record, first, reader.line_num, sep, reader.line_num >= last_line
                    )
                    if col is not None:
                        opened = first
                        raise DataError.of(
                            "data.unclosed-quote",
                            location=Location(file=name, row=opened, column=column_letter(col)),
                            first=opened,
                            last=catalog.text("data.unclosed-quote-to-end")
                            if reader.line_num >= last_line
                            else catalog.text("data.unclosed-quote-to-row", row=reader.line_num),
                        )
            rows.append(
                (
                    reader.line_num,
                    [strings.setdefault(v, v) if v else None for v in map(str.strip, record)],
                )
            )
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)
        raise DataError.of(
            "data.bad-csv-too-long" if too_long else "data.bad-csv",
            location=Location(file=name, row=reader.line_num),
            limit=csv.field_size_limit(),
            reason=exc,
        ) from None
    _check_first_rows(rows, name, None)

    def reload() -> Sequence[tuple[int, list[CellValue]]]:
        return read_csv(
            path, name=name, separator=sep, unit_column=unit_column, header_row=header_row
        ).rows

    return _table(
        name,
        None,
        rows,
        unit_column,
        header_row,
        encoding=encoding,
        separator=sep,
        reload=reload,
    )


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as ``io.StringIO(text, newline="")`` gives them,
    without the copy StringIO makes (four bytes a character: 80 MB for a 20 MB file)."""
    end = 0
    for m in _LINE.finditer(text):
        end = m.end()
        yield m.group()
    if end < len(text):
        yield text[end:]


def _swallowed(record: list[str], first: int, last: int, sep: str, at_end: bool) -> int | None:
    """The column of a quoted cell that ran over the end of its line and swallowed the rows
    below (an unclosed or stray quote), or None. A cell with one line break and no separator
    in it (a note typed with Alt+Enter) is left alone."""
    for i, v in enumerate(record):
        if "\n" in v and (sep in v or v.count("\n") >= 2 or at_end or last - first >= 2):
            return i
    return None


def _check_first_rows(
    rows: list[tuple[int, list[CellValue]]], name: str, sheet: str | None
) -> None:
    """Refuse legacy-encoded text in the first rows (titles, headers, the first units)."""
    for n, values in rows[:5]:
        for i, v in enumerate(values):
            if isinstance(v, str):
                _check_legacy(v, Location(file=name, sheet=sheet, row=n, column=column_letter(i)))


def _is_percent_format(number_format: str) -> bool:
    """Whether Excel shows a cell ×100 with "%": an unquoted, unescaped ``%`` in the format's
    first section (``0.00%``), not a literal one (``0.00"%"``, ``0.00\\%``)."""
    section = number_format.split(";", 1)[0]
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", section)
    return "%" in section


def _xlsx_value(v: object, number_format: str | None) -> CellValue:
    """A cell of a workbook as reportgen keeps it: numbers as exact Decimal (a cell formatted as
    a percentage, stored 0.6295 and shown 62,95%, gives 62.95), everything else as NFC text."""
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int | float):
        # Excel keeps 15 significant digits: 0.1 + 0.2 is shown (and meant) as 0,3.
        d = Decimal(v) if isinstance(v, int) else Decimal(format(v, ".15g"))
        if number_format and _is_percent_format(number_format):
            d = d.scaleb(2)
        return Decimal(int(d)) if d == d.to_integral_value() else d.normalize()
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y")
    text = nfc(str(v))
    return text or None


def read_xlsx(
    path: Path,
    *,
    name: str,
    sheet: str | None = None,
    unit_column: str | None = None,
    header_row: int | None = None,
) -> RawTable:
    """Read one sheet of an .xlsx workbook (by name; the first sheet by default)."""
    import openpyxl  # late import: only XLSX users pay for it

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DataError.of(
            "data.bad-workbook", location=Location(file=name), reason=type(exc).__name__
        ) from None
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            guess = did_you_mean(sheet, names)
            raise DataError.of(
                "data.sheet-missing",
                location=Location(file=name),
                name=sheet,
                guess=catalog.text("data.did-you-mean", guess=guess) if guess else "",
                sheets=", ".join(names),
            )
        ws = wb[sheet]
        rows: list[tuple[int, list[CellValue]]] = []
        for n, record in enumerate(ws.iter_rows(), 1):
            rows.append(
                (n, [_xlsx_value(c.value, getattr(c, "number_format", None)) for c in record])
            )
    finally:
        wb.close()
    if not any(any(v is not None for v in vals) for _, vals in rows):
        raise DataError.of("data.empty-sheet-flat", location=Location(file=name, sheet=sheet))
    _check_first_rows(rows, name, sheet)
    return _table(name, sheet, rows, unit_column, header_row)


def read_calamine_sheet(
    path: Path,
    *,
    name: str,
    sheet: str | None = None,
    unit_column: str | None = None,
    header_row: int | None = None,
) -> RawTable:
    """Read one sheet of an .xls (Excel 97-2003) or .ods (LibreOffice) workbook as a flat
    table (by name; the first visible sheet by default): percentages as shown, a formula saved
    without its value kept as such (an error where a figure is read)."""
    book = Workbook(path, name)
    names = book.visible or book.sheet_names
    if sheet is None:
        sheet = names[0]
    elif sheet not in book.sheet_names:
        guess = did_you_mean(sheet, names)
        raise DataError.of(
            "data.sheet-missing",
            location=Location(file=name),
            name=sheet,
            guess=catalog.text("data.did-you-mean", guess=guess) if guess else "",
            sheets=", ".join(names),
        )
    grid = book.grid(sheet)
    rows: list[tuple[int, list[CellValue]]] = []
    for r, record in enumerate(grid.cells):
        values: list[CellValue] = []
        for c, v in enumerate(record):
            formula = grid.uncomputed.get((r, c))
            values.append(
                Uncomputed(formula)
                if formula is not None
                else cell_value(v, (r, c) in grid.percent)
            )
        rows.append((r + 1, values))
    if not any(any(v is not None for v in vals) for _, vals in rows):
        raise DataError.of("data.empty-sheet-flat", location=Location(file=name, sheet=sheet))
    _check_first_rows(rows, name, sheet)
    return _table(name, sheet, rows, unit_column, header_row)


def read_table(
    path: str | Path,
    *,
    name: str | None = None,
    sheet: str | None = None,
    separator: str | None = None,
    unit_column: str | None = None,
    header_row: int | None = None,
) -> RawTable:
    """Read a data file by its extension (.csv .tsv .txt → text; .xlsx .xlsm → Excel; .xls
    .ods → one sheet of an Excel 97-2003 or LibreOffice workbook)."""
    p = Path(path)
    display = name or str(path)
    if not p.exists():
        raise DataError.of("data.not-found", location=Location(file=display))
    ext = p.suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        return read_xlsx(
            p, name=display, sheet=sheet, unit_column=unit_column, header_row=header_row
        )
    if ext in (".csv", ".tsv", ".txt"):
        return read_csv(
            p,
            name=display,
            separator=separator or ("\t" if ext == ".tsv" else None),
            unit_column=unit_column,
            header_row=header_row,
        )
    if ext in (".xls", ".ods"):
        return read_calamine_sheet(
            p, name=display, sheet=sheet, unit_column=unit_column, header_row=header_row
        )
    raise DataError.of("data.unsupported-type", location=Location(file=display), ext=ext)
