"""Cells a clerk corrects in the page, written to a copy of the upload (the original is never
changed): CSV cells take the text as typed, workbook cells the number it reads as."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.web import services
from reportgen.web.security import web_error

EDITABLE = (".xlsx", ".xlsm", ".csv")
"""The kinds of file the page can correct (others: fix in Excel and upload again)."""


@dataclass(frozen=True)
class Edit:
    """A cell the clerk corrected: its sheet (None: the only or first one), row (1-based),
    column (0-based index), the text the page showed, and the new text."""

    sheet: str | None
    row: int
    col: int
    old: str
    new: str

    @property
    def ref(self) -> str:
        """The cell as Excel names it: ``E2``."""
        return f"{services.column_letter(self.col)}{self.row}"


def apply_edits(
    source: Path, target: Path, edits: Sequence[Edit], *, locale: str = "vi", name: str = ""
) -> None:
    """Write a copy of ``source`` to ``target`` with ``edits`` applied; a workbook with
    formulas is recalculated (by LibreOffice) so every figure a formula works out is read with
    the corrected inputs. Raises :class:`~reportgen.web.security.WebError` for a file type that
    cannot be edited, a value that is not a number, a sheet or CSV cell that no longer holds
    what the page showed, or formulas that cannot be recalculated. ``name`` is the clerk's own
    file name, for messages."""
    ext = source.suffix.lower()
    if ext not in EDITABLE:
        raise web_error("web.edit-unsupported", ext=ext)
    if ext == ".csv":
        _edit_csv(source, target, edits, locale=locale)
    else:
        _edit_xlsx(source, target, edits, locale=locale, name=name)


def _edit_csv(source: Path, target: Path, edits: Sequence[Edit], *, locale: str) -> None:
    text = services.csv_text(source)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=";,\t"
        )
    except csv.Error:
        dialect = csv.excel
    records = list(csv.reader(io.StringIO(text, newline=""), dialect))
    for e in edits:
        if e.row < 1 or e.row > len(records) or e.col >= len(records[e.row - 1]):
            raise web_error("web.not-found", 404, what=catalog.text("web.what-cell", cell=e.ref))
        if records[e.row - 1][e.col].strip() != e.old.strip():
            raise web_error(
                "web.not-found", 409, what=catalog.text("web.what-cell-shown", cell=e.ref)
            )
        text = e.new.strip()
        if text:
            value, problem = services.parse_figure(text, locale)
            if value is None:
                raise web_error("web.edit-bad-value", value=text, cell=e.ref, reason=problem)
        records[e.row - 1][e.col] = text
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\n")
    writer.writerows(records)
    target.write_bytes(out.getvalue().encode("utf-8-sig"))


def _edit_xlsx(
    source: Path, target: Path, edits: Sequence[Edit], *, locale: str, name: str = ""
) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    formula = _first_formula(wb)
    if formula is not None and services.soffice() is None:
        # openpyxl writes formulas without their values: every figure a formula works out
        # (a rate, a total) would read as missing, so the copy must be recalculated
        raise web_error("web.edit-formulas", name=name or source.name, cell=formula)
    for e in edits:
        if e.sheet and e.sheet not in wb.sheetnames:
            raise web_error(
                "web.not-found", 404, what=catalog.text("web.what-sheet", sheet=e.sheet)
            )
        ws = wb[e.sheet] if e.sheet else wb.worksheets[0]
        if not (1 <= e.row <= ws.max_row and 0 <= e.col < ws.max_column):
            raise web_error("web.not-found", 404, what=catalog.text("web.what-cell", cell=e.ref))
        cell = ws.cell(row=e.row, column=e.col + 1)
        text = e.new.strip()
        if not text:
            cell.value = None
            continue
        value, problem = services.parse_figure(text, locale)
        if value is None:
            raise web_error("web.edit-bad-value", value=text, cell=e.ref, reason=problem)
        fmt = str(cell.number_format or "")
        if "%" in fmt.split(";", 1)[0].replace('"%"', ""):
            value = value.scaleb(-2)
        cell.value = int(value) if value == value.to_integral_value() else float(value)
    if formula is None:
        wb.save(target)
        return
    with tempfile.TemporaryDirectory(prefix="rg-sua-") as tmp:
        edited = Path(tmp) / ("sua" + target.suffix.lower())
        wb.save(edited)
        failed = services.recalculate(edited, target)
    if failed is not None:
        raise web_error("web.edit-recalc-failed", name=name or source.name, reason=failed)


def _first_formula(wb: Any) -> str | None:
    """The first cell holding a formula (``Biểu 01!E7``), or None when the workbook has none."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    return f"{cell.coordinate}, trang «{ws.title}»"
    return None
