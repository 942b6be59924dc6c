"""``reportgen form``: a ready-to-fill Excel form (biểu mẫu nhập liệu) for a report definition.

The clerk fills the white cells; everything else is protected. Header labels come from the
indicators (consecutive indicators whose labels begin alike are grouped under one merged cell:
"Hộ nghèo" over "Đầu năm | Cuối năm"), the units are pre-filled, each column has the number
format and data validation of its indicator, and rates and declared totals are Excel formulas
so the clerk sees them compute. A hidden sheet carries the report id and each column's id, so
reading the filled form back needs no mapping.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.reader import column_letter
from reportgen.data.workbook import FORM_SHEET
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError

SHEET = "Biểu nhập liệu"
TOTAL_LABEL = "Tổng cộng"
HEADER_TOP = 5  # header rows 5–6, numbering row 7, units from row 8
FIRST_ROW = 8
BLANK_ROWS = 20


@dataclass(frozen=True)
class FormColumn:
    """One column of the form: an indicator, or a text column the templates read."""

    id: str  # indicator id, or "attr:<name>"
    group: str | None
    leaf: str
    indicator: Indicator | None
    formula: str | None = None  # Excel formula template with {r} for the row


def _words(label: str) -> list[str]:
    return label.split()


def _groups(indicators: list[Indicator]) -> list[tuple[str | None, str, Indicator]]:
    """(group, leaf, indicator): runs of consecutive labels sharing their first two or more
    words become one group."""
    out: list[tuple[str | None, str, Indicator]] = []
    i = 0
    while i < len(indicators):
        words = _words(indicators[i].label)
        j = i + 1
        best = 0
        while j < len(indicators):
            other = _words(indicators[j].label)
            n = 0
            while n < min(len(words), len(other)) - 1 and words[n] == other[n]:
                n += 1
            n = min(n, best) if best else n
            if n < 2 or any(len(_words(x.label)) - n < 2 for x in indicators[i : j + 1]):
                break  # a group needs a two-word prefix and leaves of two words or more
            best = n
            j += 1
        if j - i >= 2:
            group = " ".join(words[:best])
            for ind in indicators[i:j]:
                rest = " ".join(_words(ind.label)[best:])
                out.append((group, rest[:1].upper() + rest[1:], ind))
        else:
            out.append((None, indicators[i].label, indicators[i]))
        i = j
    return out


def _declared_groups(indicators: list[Indicator]) -> list[tuple[str | None, str, Indicator]]:
    """(group, leaf, indicator) with the groups the YAML declares (``group:``): consecutive
    indicators of one group share its merged cell, the leaf is the label without the group's
    words in front; runs of indicators without ``group`` are grouped by their labels."""
    out: list[tuple[str | None, str, Indicator]] = []
    run: list[Indicator] = []
    for ind in [*indicators, None]:
        if ind is not None and ind.group is None:
            run.append(ind)
            continue
        out.extend(_groups(run))
        run = []
        if ind is None:
            continue
        assert ind.group is not None
        group = ind.group.strip()
        words, head = _words(ind.label), _words(group)
        same = [w.lower() for w in words[: len(head)]] == [w.lower() for w in head]
        rest = " ".join(words[len(head) :]) if same and len(words) > len(head) else ind.label
        out.append((group, rest[:1].upper() + rest[1:], ind))
    return out


def form_columns(config: ReportConfig) -> list[FormColumn]:
    """The columns of the form, in declaration order: every indicator read from a column, then
    the text columns the definition's templates read (``{{ don_vi.cot.<name> }}``)."""
    read = [ind for ind in config.indicators.values() if ind.column is not None]
    grouped = _declared_groups(read) if any(i.group for i in read) else _groups(read)
    cols = [FormColumn(ind.id, g, leaf, ind) for g, leaf, ind in grouped]
    seen = {c.id for c in cols}
    try:
        text = config.path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    for name in dict.fromkeys(re.findall(r"don_vi\.cot\.([A-Za-z_][A-Za-z0-9_]*)", text)):
        if f"attr:{name}" not in seen and name not in config.indicators:
            label = {"chu_tich": "Chủ tịch UBND (người ký)"}.get(name, name)
            cols.append(FormColumn(f"attr:{name}", None, label, None))
    return cols


def _formulas(config: ReportConfig, cols: list[FormColumn]) -> dict[str, str]:
    """Excel formulas (with ``{r}`` for the row) for stated rates (``percentage`` checks) and
    declared totals (``sum`` checks without ``partial``)."""
    letter = {c.id: column_letter(i + 2) for i, c in enumerate(cols)}
    out: dict[str, str] = {}
    for check in config.checks:
        a = check.args
        if check.kind == "percentage" and all(
            a.get(k) in letter for k in ("value", "part", "total")
        ):
            ind = config.indicators[a["value"]]
            p, t = letter[a["part"]], letter[a["total"]]
            out[a["value"]] = (
                f'=IF(OR({t}{{r}}="",{t}{{r}}=0,{p}{{r}}=""),"",'
                f"ROUND({p}{{r}}/{t}{{r}}*100,{ind.decimals or 0}))"
            )
        elif check.kind == "sum" and not a.get("partial") and a.get("total") in letter:
            parts = a.get("parts") or []
            if parts and all(p in letter for p in parts):
                out[a["total"]] = "=" + "+".join(f"{letter[p]}{{r}}" for p in parts)
    return out


def _number_format(ind: Indicator) -> str:
    if ind.kind == "count":
        return "#,##0"
    d = ind.decimals if ind.decimals is not None else (2 if ind.kind == "percent" else 0)
    return "#,##0" + ("." + "0" * d if d else "") if ind.kind != "percent" else "0." + "0" * d


def unit_names(config: ReportConfig) -> list[str]:
    """The units to pre-fill: those of the definition's data file (or of the previous period's
    file when this one cannot be read yet); none when neither can be read."""
    from reportgen.data.dataset import load_dataset

    try:
        return [u.name for u in load_dataset(config).units]
    except ReportgenError:
        pass
    if config.data.previous is not None:
        from dataclasses import replace

        prev = config.data.previous
        data = replace(
            config.data,
            file=prev.file,
            sheet=prev.sheet,
            unit_column=prev.unit_column,
            previous=None,
            total_row=None,
        )
        try:
            return [u.name for u in load_dataset(replace(config, data=data)).units]
        except ReportgenError:
            pass
    return []


def build_form(config: ReportConfig, units: list[str] | None = None) -> bytes:
    """Return the .xlsx bytes of the form for ``config`` (``units`` default:
    :func:`unit_names`)."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    names = unit_names(config) if units is None else units
    cols = form_columns(config)
    formulas = _formulas(config, cols)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    last_col = column_letter(len(cols) + 1)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    issuer = config.issuer.name.replace("\\n", " ").split("\n")[0]
    ws["A1"] = issuer
    ws["A1"].font = bold
    ws.merge_cells(f"A2:{last_col}2")
    ws["A2"] = f"BIỂU NHẬP SỐ LIỆU: {config.title.upper()}"
    ws["A2"].font = Font(bold=True, size=13)
    ws["A2"].alignment = center
    ws.merge_cells(f"A3:{last_col}3")
    ws["A3"] = (
        f"Kỳ báo cáo: {config.data.period or ''} — Ô trắng: nhập số liệu; ô xám có công thức, tự "
        "tính. Không sửa dòng tiêu đề và tên đơn vị."
    ).replace("Kỳ báo cáo:  — ", "")
    ws["A3"].font = Font(italic=True)
    ws["A3"].alignment = Alignment(horizontal="center", wrap_text=True)
    top, sub, numbering = HEADER_TOP, HEADER_TOP + 1, HEADER_TOP + 2
    for c, text in ((1, "STT"), (2, "Tên đơn vị")):
        ws.cell(top, c, text)
        ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
    c = 3
    i = 0
    while i < len(cols):
        col = cols[i]
        unit = (
            f" ({col.indicator.unit})" if col.indicator is not None and col.indicator.unit else ""
        )
        if col.group is None:
            ws.cell(top, c, col.leaf + unit)
            ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
            i += 1
            c += 1
            continue
        j = i
        while j < len(cols) and cols[j].group == col.group:
            u = cols[j].indicator
            ws.cell(
                sub, c + j - i, cols[j].leaf + (f" ({u.unit})" if u is not None and u.unit else "")
            )
            j += 1
        ws.cell(top, c, col.group)
        if j - i > 1:
            ws.merge_cells(start_row=top, start_column=c, end_row=top, end_column=c + j - i - 1)
        c += j - i
        i = j
    for cc in range(1, len(cols) + 3):
        for r in (top, sub):
            cell = ws.cell(r, cc)
            cell.font = bold
            cell.alignment = center
            cell.border = box
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        label = "A" if cc == 1 else "B" if cc == 2 else f"({cc - 2})"
        n = ws.cell(numbering, cc, label)
        n.alignment = center
        n.font = Font(italic=True)
        n.border = box
    ws.row_dimensions[sub].height = 45
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 28
    for k in range(len(cols)):
        ws.column_dimensions[column_letter(k + 2)].width = 14
    rows = list(names) or [""] * BLANK_ROWS
    first, last = FIRST_ROW, FIRST_ROW + len(rows) - 1
    grey = PatternFill("solid", fgColor="EDEDED")
    validations: dict[str, DataValidation] = {}
    for k, name in enumerate(rows):
        r = first + k
        ws.cell(r, 1, k + 1).alignment = center
        nc = ws.cell(r, 2, name or None)
        if not name:
            nc.protection = Protection(locked=False)
        for j, col in enumerate(cols):
            cell = ws.cell(r, j + 3)
            cell.border = box
            ind = col.indicator
            if ind is not None and ind.id in formulas:
                cell.value = formulas[ind.id].format(r=r)
                cell.fill = grey
            else:
                cell.protection = Protection(locked=False)
            if ind is not None and ind.kind != "text":
                cell.number_format = _number_format(ind)
        ws.cell(r, 1).border = box
        nc.border = box
    for j, col in enumerate(cols):
        ind = col.indicator
        if ind is None or ind.kind == "text" or ind.id in formulas:
            continue
        key = (
            ind.kind if ind.kind in ("count", "percent") else "money" if ind.kind == "money" else ""
        )
        if not key:
            continue
        if key not in validations:
            if key == "count":
                dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
                dv.error = catalog.text("authoring.form-invalid-count")
            elif key == "percent":
                dv = DataValidation(
                    type="decimal", operator="between", formula1="0", formula2="100"
                )
                dv.error = catalog.text("authoring.form-invalid-percent")
            else:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
                dv.error = catalog.text("authoring.form-invalid-money")
            dv.errorTitle = catalog.text("authoring.form-invalid-title")
            dv.showErrorMessage = True
            validations[key] = dv
            ws.add_data_validation(dv)
        letter = column_letter(j + 2)
        validations[key].add(f"{letter}{first}:{letter}{last}")
    # the whole-city row: sums of the summed indicators, the rates recomputed
    tr = last + 1
    ws.cell(tr, 2, TOTAL_LABEL).font = bold
    ws.cell(tr, 1).border = box
    ws.cell(tr, 2).border = box
    for j, col in enumerate(cols):
        ind = col.indicator
        cell = ws.cell(tr, j + 3)
        cell.border = box
        cell.font = bold
        cell.fill = grey
        if ind is None or ind.kind == "text":
            continue
        letter = column_letter(j + 2)
        if ind.id in formulas:
            cell.value = formulas[ind.id].format(r=tr)
        elif ind.total == "sum":
            cell.value = f"=SUM({letter}{first}:{letter}{last})"
        cell.number_format = _number_format(ind)
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{top}:{numbering}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    hidden = wb.create_sheet(FORM_SHEET)
    hidden.sheet_state = "hidden"
    hidden.append(["report", config.id])
    hidden.append(["version", "1"])
    hidden.append(["sheet", SHEET])
    hidden.append(["header_row", sub])
    hidden.append(["first_row", FIRST_ROW])
    hidden.append(["unit_column", "Tên đơn vị"])
    hidden.append(["total_row", TOTAL_LABEL])
    for j, col in enumerate(cols):
        hidden.append(["column", column_letter(j + 2), col.id])
    hidden.protection.sheet = True
    for sheet in wb.worksheets:
        _escape_texts(sheet)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


#: "_x" before a hex digit: spreadsheet programs read ``_xHHHH_`` as an escaped character, and
#: LibreOffice reads even ``_xa_`` (an id such as ``so_xa_dat_chuan``) as a line break
_X_ESCAPE = re.compile(r"_x(?=[0-9A-Fa-f])")


def _escape_texts(sheet: Any) -> None:
    """Write every "_x" of a text cell as the escaped underscore ``_x005F_x``, which Excel,
    LibreOffice and the reader all read back as "_x" (a form saved by LibreOffice keeps its
    column ids)."""
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if isinstance(value, str) and not value.startswith("=") and "_x" in value:
                cell.value = _X_ESCAPE.sub("_x005F_x", value)


def default_path(config: ReportConfig) -> Path:
    """Where the form goes by default: ``<report id>-bieu-mau.xlsx`` in the current folder."""
    return Path(f"{config.id}-bieu-mau.xlsx")
