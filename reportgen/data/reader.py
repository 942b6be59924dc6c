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

from reportgen.config.schema import did_you_mean
from reportgen.data.text import (
    ascii_words,
    collapse_spaces,
    double_encoded,
    legacy_encoding,
    nfc,
)
from reportgen.data.workbook import Uncomputed, catalog_error, os_error
from reportgen.diagnostics.errors import DataError, Location

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
        raise DataError(
            f'thiếu cột "{name}" ({what})',
            location=Location(file=self.file, sheet=self.sheet, row=self.header_row),
            hint=f'có phải ý bạn là cột "{guess}"?'
            if guess
            else "các cột có trong tệp: " + ", ".join(h for h in self.headers if h),
            code="data.column-missing",
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
            raise DataError(
                f"tệp UTF-8 bị hỏng (byte lỗi ở vị trí {exc.start + 3})",
                location=Location(file=name),
                hint="lưu lại tệp từ Excel: Lưu thành → CSV UTF-8",
                code="data.bad-utf8",
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
            raise DataError(
                "tệp UTF-16 bị hỏng",
                location=Location(file=name),
                hint=f"lỗi ở byte {exc.start}; lưu lại tệp từ Excel",
                code="data.bad-utf16",
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise DataError(
            "không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)",
            location=Location(file=name),
            hint="trong Excel chọn Lưu thành → CSV UTF-8 (Comma delimited)",
            code="data.unknown-encoding",
        ) from exc


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
        raise catalog_error("data.double-encoded", location, text=text[:40], fixed=fixed[:40])
    enc = legacy_encoding(text)
    if enc:
        raise DataError(
            f'chữ có vẻ được gõ bằng bảng mã cũ {enc} ("{text[:40]}"), không phải Unicode',
            location=location,
            hint="chuyển tệp sang Unicode (ví dụ Unikey → Công cụ chuyển mã: nguồn "
            f"{'TCVN3 (ABC)' if enc == 'TCVN3' else 'VNI Windows'}, đích Unicode) rồi thử lại",
            code="data.legacy-encoding",
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
        raise DataError(
            f"tệp không có dòng {header_row}",
            location=Location(file=name, sheet=sheet),
            hint="kiểm tra data.header_row",
            code="data.header-row-missing",
        )
    if unit_column:
        for i, (_, values) in enumerate(rows[:30]):
            if any(isinstance(v, str) and collapse_spaces(v) == unit_column for v in values):
                return i
    for i, (_, values) in enumerate(rows):
        if any(v not in (None, "") for v in values):
            return i
    raise DataError(
        "tệp không có dữ liệu",
        location=Location(file=name, sheet=sheet),
        hint="kiểm tra lại tệp: cần một dòng tiêu đề cột và mỗi dòng một đơn vị",
        code="data.empty",
    )


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
            raise DataError(
                f'cột "{h}" xuất hiện hai lần (cột {column_letter(seen[h])} và {column_letter(i)})',
                location=Location(file=name, sheet=sheet, row=hrow),
                hint="đổi tên một trong hai cột",
                code="data.column-twice",
            )
        seen[h] = i
    if unit_column and unit_column not in seen:
        guess = closest_column(unit_column, [h for h in headers if h])
        raise DataError(
            f'không tìm thấy dòng tiêu đề có cột "{unit_column}" (tên đơn vị, xem '
            "data.unit_column)",
            location=Location(file=name, sheet=sheet, row=hrow),
            hint=(f'có phải ý bạn là cột "{guess}"? ' if guess else "")
            + ("kiểm tra trang tính (data.sheet); " if sheet else "")
            + "dòng đầu tiên có chữ của tệp là: "
            + ", ".join(h for h in headers if h)[:200],
            code="data.header-missing",
        )
    body = [(n, v) for n, v in rows[hi + 1 :] if any(x not in (None, "") for x in v)]
    if unit_column in seen:  # unit names are the text most likely to show a legacy encoding
        u = seen[unit_column]
        for n, v in body:
            cell = v[u] if u < len(v) else None
            if isinstance(cell, str):
                _check_legacy(cell, Location(file=name, sheet=sheet, row=n, column=unit_column))
    if not body:
        raise DataError(
            "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
            location=Location(file=name, sheet=sheet, row=hrow),
            hint="mỗi phường, xã cần một dòng dưới dòng tiêu đề",
            code="data.no-rows",
        )
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
        raise DataError(
            "tệp trống",
            location=Location(file=name),
            hint="xuất lại số liệu từ Excel (Lưu thành → CSV UTF-8)",
            code="data.empty",
        )
    if data.startswith(_XLSX_MAGIC) or data.startswith(_XLS_MAGIC):
        kind = ".xlsx" if data.startswith(_XLSX_MAGIC) else ".xls (Excel 97-2003)"
        raise DataError(
            f"tệp này là tệp Excel {kind}, không phải tệp CSV dạng chữ",
            location=Location(file=name),
            hint="đổi đuôi tệp thành .xlsx (với tệp .xlsx), hoặc mở bằng Excel và lưu "
            "lại dạng CSV UTF-8",
            code="data.excel-as-csv",
        )
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
                        raise catalog_error(
                            "data.unclosed-quote",
                            Location(file=name, row=opened, column=column_letter(col)),
                            first=opened,
                            last="hết tệp"
                            if reader.line_num >= last_line
                            else f"dòng {reader.line_num}",
                        )
            rows.append(
                (
                    reader.line_num,
                    [strings.setdefault(v, v) if v else None for v in map(str.strip, record)],
                )
            )
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)
        raise DataError(
            f"tệp CSV hỏng: có một ô dài hơn {csv.field_size_limit()} ký tự"
            " (thường do một dấu ngoặc kép không được đóng)"
            if too_long
            else f"tệp CSV hỏng: {exc}",
            location=Location(file=name, row=reader.line_num),
            hint="kiểm tra dấu ngoặc kép trong dòng này",
            code="data.bad-csv",
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
        raise DataError(
            f"không mở được tệp Excel ({type(exc).__name__})",
            location=Location(file=name),
            hint="mở tệp bằng Excel và lưu lại dạng .xlsx",
            code="data.bad-workbook",
        ) from None
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            guess = did_you_mean(sheet, names)
            raise DataError(
                f'không có trang tính "{sheet}"',
                location=Location(file=name),
                hint=(f'có phải ý bạn là "{guess}"? ' if guess else "")
                + "các trang tính: "
                + ", ".join(names),
                code="data.sheet-missing",
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
        raise DataError(
            "trang tính trống",
            location=Location(file=name, sheet=sheet),
            hint="chọn đúng trang tính có số liệu (data.sheet)",
            code="data.empty-sheet",
        )
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
    """Read a data file by its extension (.csv .tsv .txt → text; .xlsx .xlsm → Excel)."""
    p = Path(path)
    display = name or str(path)
    if not p.exists():
        raise DataError(
            "không tìm thấy tệp số liệu",
            location=Location(file=display),
            hint="kiểm tra đường dẫn (data.file trong tệp YAML hoặc --data)",
            code="data.not-found",
        )
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
    if ext == ".xls":
        raise DataError(
            "tệp .xls (Excel 97-2003) không được hỗ trợ",
            location=Location(file=display),
            hint="mở bằng Excel, chọn Lưu thành → Sổ làm việc Excel (.xlsx) hoặc "
            "CSV UTF-8, rồi sửa data.file",
            code="data.xls-unsupported",
        )
    raise DataError(
        f'không đọc được tệp loại "{ext}"',
        location=Location(file=display),
        hint="dùng tệp .csv, .xlsx, .xlsm, .xls hoặc .ods",
        code="data.unsupported-type",
    )
