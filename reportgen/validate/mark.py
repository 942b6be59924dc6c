"""The clerk's own sheet back, marked: a copy of the data workbook (or of the CSV file as a
workbook) where each suspect cell is coloured and carries a comment saying what was expected
and why, the cells related to it are lightly marked, and a first sheet lists the findings with
links to their cells. The original file is never touched: this module only returns bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.data.dataset import Dataset, Source
from reportgen.diagnostics import catalog
from reportgen.diagnostics.model import SEVERITY_VI
from reportgen.validate.findings import Finding

SUSPECT_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
FINDING_FILL = PatternFill("solid", start_color="FFD966", end_color="FFD966")
RELATED_FILL = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
SUMMARY_SHEET = "Kết quả kiểm tra"
_DATA_SHEET = "Số liệu"
"""The sheet a CSV file's figures are copied to."""
_HEADINGS = ("STT", "Đơn vị", "Mức", "Ô", "Nội dung", "Gợi ý")
"""The column headings of the summary sheet."""
_AUTHOR = "reportgen"


def _letter(source: Source) -> str | None:
    if source.column and source.column.endswith(")"):
        letter = source.column.rsplit("(", 1)[-1][:-1]
        if letter.isalpha():
            return letter
    return None


def _ref(source: Source) -> str | None:
    letter = _letter(source)
    return f"{letter}{source.row}" if letter and source.row else None


def _workbook(ds: Dataset, data: Path | bytes, name: str) -> tuple[Workbook, Worksheet]:
    """The workbook to mark and the sheet holding the figures."""
    if Path(name).suffix.lower() in (".xlsx", ".xlsm"):
        wb = load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data)
        ws = wb[ds.table.sheet] if ds.table.sheet and ds.table.sheet in wb else wb.worksheets[0]
        return wb, ws
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _DATA_SHEET
    table = ds.table
    for j, header in enumerate(table.headers, 1):
        ws.cell(row=table.header_row, column=j, value=header).font = Font(bold=True)
    for row, cells in table.rows:
        for j, value in enumerate(cells, 1):
            if value is not None:
                ws.cell(row=row, column=j, value=_plain(value))
    for j, header in enumerate(table.headers, 1):
        widest = max([len(str(c[j - 1] or "")) for _, c in table.rows if j <= len(c)] + [8])
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(
            max(widest, len(header or "")) + 2, 40
        )
    ws.freeze_panes = ws.cell(row=table.header_row + 1, column=2)
    return wb, ws


def _plain(value: Any) -> Any:
    return str(value) if not isinstance(value, int | float | str) else value


def _comment(cell: Any, text: str) -> None:
    old = cell.comment.text + "\n\n" if cell.comment is not None else ""
    comment = Comment(old + text, _AUTHOR)
    comment.width, comment.height = 360, 160
    cell.comment = comment


Ref = tuple[str | None, str]  # (sheet, A1 reference)


def _key(sheet: str | None, cell: str | None) -> Ref | None:
    return (sheet, cell) if cell else None


def _src_key(source: Source) -> Ref | None:
    return _key(source.sheet, _ref(source))


def mark_workbook(
    findings: Sequence[Finding], ds: Dataset, data: Path | bytes, name: str | None = None
) -> bytes:
    """Return the marked copy of the data file as .xlsx bytes (see the module docstring).

    ``data`` is the file the figures were read from — a path, or its bytes (an uploaded file)
    with its ``name`` (for its type); a CSV file is rebuilt from the rows already read. In a
    workbook of several sheets each cell is marked on its own sheet."""
    if name is None:
        name = str(data) if isinstance(data, Path) else ds.table.file
    wb, ws = _workbook(ds, data, name)
    same_file = {ds.table.file}
    suspects: dict[Ref, list[str]] = {}
    related: set[Ref] = set()
    stated: dict[Ref, list[str]] = {}
    for f in findings:
        sources = [s for s in f.sources if s.file in same_file]
        suspect_list = f.extra.get("suspects") or ()
        groups = f.extra.get("suspect_groups") or [suspect_list]
        if suspect_list:
            for s in groups[0] if f.extra.get("decided") else suspect_list:
                loc = s.get("location") or {}
                key = _key(loc.get("sheet"), loc.get("cell"))
                if key and loc.get("file") in same_file:
                    why = str(f.extra.get("reasoning", ""))
                    suspects.setdefault(key, [])
                    if why not in suspects[key]:
                        suspects[key].append(why)
            related.update(k for src in sources if (k := _src_key(src)))
        elif "consequence_of" in f.extra:
            # follows from a suspect marked elsewhere (a total or group row): not to fix
            related.update(k for src in sources if (k := _src_key(src)))
        elif sources:
            key = _src_key(sources[0])
            if key:
                stated.setdefault(key, []).append(f.message)
            related.update(k for src in sources[1:] if (k := _src_key(src)))

    def cell(key: Ref) -> Any:
        sheet, ref = key
        return (wb[sheet] if sheet and sheet in wb.sheetnames else ws)[ref]

    for key in related - set(suspects) - set(stated):
        cell(key).fill = RELATED_FILL
    for key, texts in stated.items():
        if key not in suspects:
            cell(key).fill = FINDING_FILL
            _comment(cell(key), "\n".join(texts))
    for key, texts in suspects.items():
        cell(key).fill = SUSPECT_FILL
        _comment(cell(key), catalog.text("check.mark-suspect") + "\n".join(texts))
    _summary(wb, ws, findings, same_file)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _summary(wb: Workbook, ws: Worksheet, findings: Sequence[Finding], files: set[str]) -> None:
    sheet = wb.create_sheet(SUMMARY_SHEET, 0)
    for j, h in enumerate(_HEADINGS, 1):
        sheet.cell(row=1, column=j, value=h).font = Font(bold=True)
    for j, width in enumerate((6, 26, 10, 10, 110, 60), 1):
        sheet.column_dimensions[chr(64 + j)].width = width
    if not findings:
        sheet.cell(row=2, column=5, value=catalog.text("check.all-clear"))
    for i, f in enumerate(findings, 1):
        row = i + 1
        suspect = next(iter(f.extra.get("suspects") or ()), None)
        loc = (suspect or {}).get("location") or {}
        ref = loc.get("cell") if loc.get("file") in files else None
        on = loc.get("sheet")
        if ref is None and f.sources and f.sources[0].file in files:
            ref, on = _ref(f.sources[0]), f.sources[0].sheet
        hint = f.hint or ""
        if "consequence_of" in f.extra:
            text = catalog.text(
                "check.mark-consequence", message=f.message, reasoning=f.extra.get("reasoning")
            )
            hint = catalog.hint("check.mark-consequence") or ""
        elif f.extra.get("reasoning"):
            text = f"{f.message}\n{f.extra['reasoning']}"
        else:
            text = f.message
        values = (i, f.unit, SEVERITY_VI[f.severity], ref or "", text, hint)
        for j, value in enumerate(values, 1):
            cell = sheet.cell(row=row, column=j, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = max(sum(len(part) // 100 + 1 for part in text.split("\n")), len(hint) // 55 + 1)
        sheet.row_dimensions[row].height = 15 * lines
        if ref:
            link = sheet.cell(row=row, column=4)
            target = on if on and on in wb.sheetnames else ws.title
            title = target.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{title}'!{ref}")
            if target != ws.title:
                link.value = f"{target}!{ref}"
            link.font = Font(color="0563C1", underline="single")
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    wb.active = 0
