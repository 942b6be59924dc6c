"""Read a table of figures from CSV/TSV/TXT or XLSX, as clerks have them.

CSV text may be UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode Text") or cp1258 (plain
"CSV" saved on Vietnamese Windows); the separator is ",", ";" or tab. Every string is NFC; legacy
TCVN3/VNI text is refused with a clear message. Each row keeps its row number in the file so a
finding can point at the cell.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.config.schema import did_you_mean
from reportgen.data.text import collapse_spaces, legacy_encoding, nfc
from reportgen.errors import DataError, Location

CellValue = str | Decimal | None


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
    rows: list[tuple[int, list[CellValue]]]
    encoding: str | None = None
    separator: str | None = None
    index: dict[str, int] = field(default_factory=dict)

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
        """Return the index of column ``name`` or raise a DataError with "did you mean"."""
        if name in self.index:
            return self.index[name]
        guess = did_you_mean(name, list(self.index))
        raise DataError(
            f'thiếu cột "{name}" ({what})',
            location=Location(file=self.file, sheet=self.sheet, row=self.header_row),
            hint=(f'có phải ý bạn là cột "{guess}"? ' if guess else "")
            + "các cột có trong tệp: " + ", ".join(h for h in self.headers if h),
        )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DataError("tệp UTF-16 bị hỏng", location=Location(file=name),
                            hint=f"lỗi ở byte {exc.start}; lưu lại tệp từ Excel") from None
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
        ) from exc


def _sniff_separator(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {sep: first.count(sep) for sep in ("\t", ";", ",")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _check_legacy(text: str, location: Location) -> None:
    enc = legacy_encoding(text)
    if enc:
        raise DataError(
            f'chữ có vẻ được gõ bằng bảng mã cũ {enc} ("{text[:40]}"), không phải Unicode',
            location=location,
            hint="chuyển tệp sang Unicode (ví dụ Unikey → Công cụ chuyển mã: nguồn "
                 f"{'TCVN3 (ABC)' if enc == 'TCVN3' else 'VNI Windows'}, đích Unicode) rồi thử lại",
        )


def _find_header(rows: list[tuple[int, list[CellValue]]], unit_column: str | None,
                 header_row: int | None, name: str, sheet: str | None) -> int:
    if header_row is not None:
        for i, (n, _) in enumerate(rows):
            if n == header_row:
                return i
        raise DataError(f"tệp không có dòng {header_row}", location=Location(file=name, sheet=sheet),
                        hint="kiểm tra data.header_row")
    if unit_column:
        for i, (_, values) in enumerate(rows[:30]):
            if any(isinstance(v, str) and collapse_spaces(v) == unit_column for v in values):
                return i
    for i, (_, values) in enumerate(rows):
        if any(v not in (None, "") for v in values):
            return i
    raise DataError("tệp không có dữ liệu", location=Location(file=name, sheet=sheet),
                    hint="kiểm tra lại tệp: cần một dòng tiêu đề cột và mỗi dòng một đơn vị")


def _table(name: str, sheet: str | None, rows: list[tuple[int, list[CellValue]]],
           unit_column: str | None, header_row: int | None, **extra: Any) -> RawTable:
    hi = _find_header(rows, unit_column, header_row, name, sheet)
    hrow, hvalues = rows[hi]
    headers = [collapse_spaces(str(v)) if v is not None else "" for v in hvalues]
    for h in headers:
        _check_legacy(h, Location(file=name, sheet=sheet, row=hrow))
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        if h and h in seen:
            raise DataError(
                f'cột "{h}" xuất hiện hai lần (cột {column_letter(seen[h])} và {column_letter(i)})',
                location=Location(file=name, sheet=sheet, row=hrow),
                hint="đổi tên một trong hai cột",
            )
        seen[h] = i
    body = [(n, v) for n, v in rows[hi + 1:] if any(x not in (None, "") for x in v)]
    if not body:
        raise DataError("tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
                        location=Location(file=name, sheet=sheet, row=hrow),
                        hint="mỗi phường, xã cần một dòng dưới dòng tiêu đề")
    return RawTable(name, sheet, headers, hrow, body, **extra)


def read_csv(path: Path, *, name: str, separator: str | None = None,
             unit_column: str | None = None, header_row: int | None = None) -> RawTable:
    """Read a CSV/TSV file (see the module docstring for encodings and separators)."""
    data = path.read_bytes()
    if not data.strip():
        raise DataError("tệp trống", location=Location(file=name),
                        hint="xuất lại số liệu từ Excel (Lưu thành → CSV UTF-8)")
    text, encoding = _decode(data, name)
    text = unicodedata.normalize("NFC", text)
    sep = separator or _sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[tuple[int, list[CellValue]]] = []
    try:
        for record in reader:
            rows.append((reader.line_num, [v.strip() if v.strip() else None for v in record]))
    except csv.Error as exc:
        raise DataError(f"tệp CSV hỏng: {exc}", location=Location(file=name, row=reader.line_num),
                        hint="kiểm tra dấu ngoặc kép trong dòng này") from None
    for n, values in rows[:5]:
        for v in values:
            if isinstance(v, str):
                _check_legacy(v, Location(file=name, row=n))
    return _table(name, None, rows, unit_column, header_row, encoding=encoding, separator=sep)


def read_xlsx(path: Path, *, name: str, sheet: str | None = None,
              unit_column: str | None = None, header_row: int | None = None) -> RawTable:
    """Read one sheet of an .xlsx workbook (by name; the first sheet by default)."""
    import openpyxl  # late import: only XLSX users pay for it

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DataError(f"không mở được tệp Excel ({type(exc).__name__})",
                        location=Location(file=name),
                        hint="mở tệp bằng Excel và lưu lại dạng .xlsx") from None
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            guess = did_you_mean(sheet, names)
            raise DataError(f'không có trang tính "{sheet}"', location=Location(file=name),
                            hint=(f'có phải ý bạn là "{guess}"? ' if guess else "")
                            + "các trang tính: " + ", ".join(names))
        ws = wb[sheet]
        rows: list[tuple[int, list[CellValue]]] = []
        for n, record in enumerate(ws.iter_rows(values_only=True), 1):
            values: list[CellValue] = []
            for v in record:
                if v is None:
                    values.append(None)
                elif isinstance(v, bool):
                    values.append(str(v))
                elif isinstance(v, int):
                    values.append(Decimal(v))
                elif isinstance(v, float):
                    values.append(Decimal(repr(v)))
                else:
                    s = nfc(str(v))
                    values.append(s or None)
            rows.append((n, values))
    finally:
        wb.close()
    if not any(any(v is not None for v in vals) for _, vals in rows):
        raise DataError("trang tính trống", location=Location(file=name, sheet=sheet),
                        hint="chọn đúng trang tính có số liệu (data.sheet)")
    for n, values in rows[:5]:
        for v in values:
            if isinstance(v, str):
                _check_legacy(v, Location(file=name, sheet=sheet, row=n))
    return _table(name, sheet, rows, unit_column, header_row)


def read_table(path: str | Path, *, name: str | None = None, sheet: str | None = None,
               separator: str | None = None, unit_column: str | None = None,
               header_row: int | None = None) -> RawTable:
    """Read a data file by its extension (.csv .tsv .txt → text; .xlsx .xlsm → Excel)."""
    p = Path(path)
    display = name or str(path)
    if not p.exists():
        raise DataError("không tìm thấy tệp số liệu", location=Location(file=display),
                        hint="kiểm tra đường dẫn (data.file trong tệp YAML hoặc --data)")
    ext = p.suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        return read_xlsx(p, name=display, sheet=sheet, unit_column=unit_column,
                         header_row=header_row)
    if ext in (".csv", ".tsv", ".txt"):
        return read_csv(p, name=display, separator=separator or ("\t" if ext == ".tsv" else None),
                        unit_column=unit_column, header_row=header_row)
    if ext == ".xls":
        raise DataError("tệp .xls (Excel 97-2003) không được hỗ trợ", location=Location(file=display),
                        hint="mở bằng Excel và lưu lại dạng .xlsx hoặc CSV UTF-8")
    raise DataError(f'không đọc được tệp loại "{ext}"', location=Location(file=display),
                    hint="dùng tệp .csv hoặc .xlsx")
