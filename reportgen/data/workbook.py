"""Open spreadsheet workbooks (.xlsx, .xlsm, .xls, .ods) and give each sheet as a grid.

Values are read with python-calamine (fast, reads all four formats). Two things calamine does not
say are read from the .xlsx package (or the .ods content) itself, and only when the file can have
them: which cells are
shown as a percentage (``0.00%``: the stored 0.6295 is the 62,95 the clerk sees) and which cells
hold a formula that was never computed (a workbook written by a program and never opened in
Excel: the cell is empty, and "fill in the figure" would be the wrong advice).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.data.text import nfc
from reportgen.diagnostics.errors import DataError, Location

WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")

#: The hidden sheet of a form written by ``reportgen form`` (report id, column ids).
FORM_SHEET = "_reportgen"


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell saved without its computed value."""

    formula: str

    def __str__(self) -> str:
        return self.formula


Raw = Any
"""A cell as calamine gives it: float, int, str, bool, date/datetime/time/timedelta, or ""."""


@dataclass
class Grid:
    """One sheet: its cells (0-based rows and columns), merged ranges and cell facts."""

    name: str
    cells: list[list[Raw]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)
    uncomputed: dict[tuple[int, int], str] = field(default_factory=dict)
    converted: dict[int, list[Any]] = field(default_factory=dict)
    """Rows already converted to cell values (by row index)."""
    number_cache: dict[float, Any] = field(default_factory=dict)

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.cells)

    def get(self, r: int, c: int) -> Raw:
        """The raw value at (r, c), "" outside the grid."""
        if r < len(self.cells):
            row = self.cells[r]
            if c < len(row):
                return row[c]
        return ""

    def covering(self) -> dict[tuple[int, int], tuple[int, int]]:
        """For every cell inside a merged range, the range's top-left cell."""
        out: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in self.merged:
            if (r1 - r0 + 1) * (c1 - c0 + 1) > 5000:  # a whole-row title: only its first row
                r1 = r0
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    out[(r, c)] = (r0, c0)
        return out


def is_blank(v: Raw) -> bool:
    """Whether a raw cell is empty (None, "" or spaces)."""
    return v is None or (isinstance(v, str) and not v.strip())


def cell_value(v: Raw, percent: bool = False) -> str | Decimal | None:
    """A raw cell as reportgen keeps it: numbers as exact Decimal (15 significant digits, as
    Excel keeps them; ×100 when the cell is shown as a percentage), text NFC, dates dd/mm/yyyy."""
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int | float):
        d = Decimal(v) if isinstance(v, int) else Decimal(format(v, ".15g"))
        if percent:
            d = d.scaleb(2)
        return Decimal(int(d)) if d == d.to_integral_value() else d.normalize()
    if isinstance(v, datetime | date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, time | timedelta):
        return str(v)
    text = nfc(str(v))
    return text or None


class Workbook:
    """An open workbook: sheet names and grids (read once each)."""

    def __init__(self, path: Path, name: str) -> None:
        import python_calamine as pc  # late import: only workbook users pay for it

        self.path = path
        self.name = name
        self.ext = path.suffix.lower()
        try:
            self._book = pc.CalamineWorkbook.from_path(str(path))
        except OSError as exc:
            raise os_error(exc, name) from None
        except Exception as exc:
            raise DataError.of(
                "data.workbook-unreadable", location=Location(file=name), reason=_reason(exc)
            ) from None
        meta = self._book.sheets_metadata
        self.sheet_names: list[str] = [m.name for m in meta]
        self.visible: list[str] = [
            m.name for m in meta if str(m.visible).endswith("Visible") and m.name != FORM_SHEET
        ]
        self._grids: dict[str, Grid] = {}
        self._xlsx: _XlsxFacts | None = None
        self._ods: dict[str, tuple[set[tuple[int, int]], dict[tuple[int, int], str]]] | None = None

    def grid(self, sheet: str) -> Grid:
        """The grid of ``sheet`` (read on first use)."""
        if sheet in self._grids:
            return self._grids[sheet]
        try:
            ws = self._book.get_sheet_by_name(sheet)
            cells: list[list[Raw]] = ws.to_python(skip_empty_area=False)
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (ws.merged_cell_ranges or [])]
        except Exception as exc:
            raise DataError.of(
                "data.workbook-unreadable-sheet",
                location=Location(file=self.name, sheet=sheet),
                reason=_reason(exc),
            ) from None
        grid = Grid(sheet, cells, merged)
        if self.ext in (".xlsx", ".xlsm"):
            if self._xlsx is None:
                self._xlsx = _XlsxFacts(self.path)
            self._xlsx.fill(sheet, grid)
        elif self.ext == ".ods":
            if self._ods is None:
                self._ods = _ods_facts(self.path)
            percent, uncomputed = self._ods.get(sheet, (set(), {}))
            grid.percent |= percent
            grid.uncomputed.update(uncomputed)
        elif self.ext == ".xls":
            grid.percent |= _xls_percent(self.path, sheet)
        self._grids[sheet] = grid
        return grid

    def form_ids(self) -> dict[str, Any] | None:
        """The contents of the hidden sheet of a ``reportgen form`` workbook (None if absent):
        ``{"report": id, "sheet": name, "header_row": n, "columns": {letter: id}}``."""
        if FORM_SHEET not in self.sheet_names:
            return None
        rows = self.grid(FORM_SHEET).cells
        out: dict[str, Any] = {"columns": {}}
        for row in rows:
            if len(row) < 2 or is_blank(row[0]):
                continue
            key, value = str(row[0]).strip(), row[1]
            if key == "column" and len(row) >= 3:
                out["columns"][str(value).strip()] = str(row[2]).strip()
            elif key in ("report", "sheet", "unit_column", "version", "total_row"):
                out[key] = str(value).strip()
            elif key in ("header_row", "first_row"):
                out[key] = int(float(value))
        return out


#: the catalog entry of each kind of operating-system error on a data file (the first that fits)
_OS_ERRORS: tuple[tuple[type[OSError], str], ...] = (
    (PermissionError, "data.os-error-permission"),
    (IsADirectoryError, "data.os-error-directory"),
    (FileNotFoundError, "data.os-error-not-found"),
)


def os_error(exc: OSError, name: str) -> DataError:
    """An operating-system error on a data file as a located Vietnamese message."""
    location = Location(file=name)
    for kind, key in _OS_ERRORS:
        if isinstance(exc, kind):
            return DataError.of(key, location=location)
    return DataError.of(
        "data.os-error", location=location, reason=exc.strerror or type(exc).__name__
    )


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text[:60] if text else type(exc).__name__


# --- .xlsx facts calamine does not give ------------------------------------------------------

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_STYLE = re.compile(rb'\ss="([0-9]+)"')


def _percent_format(code: str) -> bool:
    section = code.split(";", 1)[0]
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", section)
    return "%" in section


def col_index(letters: str) -> int:
    """0-based index of a column letter (A → 0, AB → 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class _XlsxFacts:
    """Percent-formatted cells and uncomputed formulas of an .xlsx package."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sheets: dict[str, str] = {}
        self.percent_styles: set[bytes] = set()
        try:
            with zipfile.ZipFile(path) as z:
                self._index(z)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            pass  # calamine read it; without these facts the plain values stand

    def _index(self, z: zipfile.ZipFile) -> None:
        from lxml import etree

        book = etree.fromstring(z.read("xl/workbook.xml"))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for s in book.iter("{*}sheet"):
            target = targets.get(s.get(f"{{{_NS_REL}}}id")) or ""
            target = target.lstrip("/")
            self.sheets[s.get("name") or ""] = (
                target if target.startswith("xl/") else "xl/" + target
            )
        try:
            styles = etree.fromstring(z.read("xl/styles.xml"))
        except KeyError:
            return
        custom = {
            int(f.get("numFmtId") or 0): f.get("formatCode") or "" for f in styles.iter("{*}numFmt")
        }
        xfs = next(styles.iter("{*}cellXfs"), None)
        if xfs is None:
            return
        for i, xf in enumerate(xf for xf in xfs if xf.tag.endswith("xf")):
            fid = int(xf.get("numFmtId") or 0)
            if fid in (9, 10) or (fid in custom and _percent_format(custom[fid])):
                self.percent_styles.add(str(i).encode())

    def fill(self, sheet: str, grid: Grid) -> None:
        part = self.sheets.get(sheet)
        if part is None:
            return
        try:
            with zipfile.ZipFile(self.path) as z:
                data = z.read(part)
        except (zipfile.BadZipFile, KeyError, OSError):
            return
        formulas = b"<f" in data
        if not formulas and not self.percent_styles:
            return
        for m in _cells(data):
            letters, number, attrs, inner = m.groups()
            r, c = int(number) - 1, col_index(letters.decode())
            if self.percent_styles:
                s = _STYLE.search(attrs)
                if s and s.group(1) in self.percent_styles:
                    grid.percent.add((r, c))
            if formulas and inner and inner.startswith(b"<f") and not _has_value(inner):
                f = re.search(rb"<f[^>]*>(.*?)</f>", inner, re.S)
                text = f.group(1).decode("utf-8", "replace") if f else ""
                grid.uncomputed[(r, c)] = "=" + _unescape(text)


def _cells(data: bytes) -> Iterator[re.Match[bytes]]:
    return _CELL.finditer(data)


def _has_value(inner: bytes) -> bool:
    m = re.search(rb"<v>(.*?)</v>|<is>", inner, re.S)
    return m is not None and (m.group(0) == b"<is>" or bool(m.group(1)))


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


# --- .ods facts calamine does not give ---------------------------------------------------------

_OD_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OD_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_REPEAT_CAP = 20_000  # a repeated cell that carries a value is never repeated further than this


def _ods_facts(
    path: Path,
) -> dict[str, tuple[set[tuple[int, int]], dict[tuple[int, int], str]]]:
    """Per sheet of an .ods file: the cells whose value is a percentage (stored 0.0099, shown
    0,99%) and the formulas saved without a value. Empty when the content cannot be read (the
    plain values calamine gave stand)."""
    out: dict[str, tuple[set[tuple[int, int]], dict[tuple[int, int], str]]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return out
    if b'value-type="percentage"' not in data and b"table:formula" not in data:
        return out
    from lxml import etree

    t, o = f"{{{_OD_TABLE}}}", f"{{{_OD_OFFICE}}}"
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(huge_tree=True, resolve_entities=False)
        )
    except etree.XMLSyntaxError:
        return out
    for table in root.iter(f"{t}table"):
        percent: set[tuple[int, int]] = set()
        uncomputed: dict[tuple[int, int], str] = {}
        r = 0
        for row in table.iter(f"{t}table-row"):
            rows = int(row.get(f"{t}number-rows-repeated") or 1)
            c = 0
            for cell in row:
                if not cell.tag.endswith("table-cell"):
                    continue
                cols = int(cell.get(f"{t}number-columns-repeated") or 1)
                kind = cell.get(f"{o}value-type")
                formula = cell.get(f"{t}formula")
                if kind == "percentage" or (formula and kind is None):
                    for rr in range(r, r + min(rows, _REPEAT_CAP)):
                        for cc in range(c, c + min(cols, _REPEAT_CAP)):
                            if kind == "percentage":
                                percent.add((rr, cc))
                            elif formula:
                                uncomputed[(rr, cc)] = _odf_formula(formula)
                c += cols
            r += rows
        out[table.get(f"{t}name") or ""] = (percent, uncomputed)
    return out


# --- .xls facts calamine does not give -----------------------------------------------------------


def _xls_percent(path: Path, sheet: str) -> set[tuple[int, int]]:
    """The number cells of an .xls sheet shown as a percentage, read with xlrd (empty when xlrd
    is not installed or cannot read the file: the plain values calamine gave stand)."""
    try:
        import xlrd  # type: ignore[import-untyped]
    except ImportError:
        return set()
    out: set[tuple[int, int]] = set()
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        try:
            ws = book.sheet_by_name(sheet)
            percent_xf = {
                i
                for i, xf in enumerate(book.xf_list)
                if xf.format_key in book.format_map
                and _percent_format(book.format_map[xf.format_key].format_str)
            }
            if not percent_xf:
                return out
            for r in range(ws.nrows):
                for c, kind in enumerate(ws.row_types(r)):
                    if kind == xlrd.XL_CELL_NUMBER and ws.cell_xf_index(r, c) in percent_xf:
                        out.add((r, c))
        finally:
            book.release_resources()
    except Exception:  # calamine read the file; without this fact its values stand
        return set()
    return out


def _odf_formula(text: str) -> str:
    """An OpenDocument formula as a spreadsheet user writes it: ``of:=ROUND([.E9]/[.C9];2)`` →
    ``=ROUND(E9/C9;2)``."""
    body = text.split(":", 1)[1] if text.startswith(("of:", "oooc:", "msoxl:")) else text
    body = re.sub(r"\[\$?'?([^\]]*?)'?\]", lambda m: m.group(1).replace(".", ""), body.lstrip("="))
    return "=" + body
