"""Test sheets: the sample figures with one wrong cell, as CSV or as an .xlsx workbook."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl

from reportgen.vnformat import parse_number
from tests.helpers import edit_cell

WRONG_UNIT = "Phường Trần Phú"
WRONG_COLUMN = "tong_so_ho"
RIGHT_VALUE = "4.558"
WRONG_VALUE = "4.585"  # two digits swapped: both rates of the ward break, they share this cell


def wrong_csv(demo_csv: Path) -> bytes:
    """The sample figures with Trần Phú's total households mistyped."""
    edit_cell(demo_csv, WRONG_UNIT, WRONG_COLUMN, WRONG_VALUE)
    data = demo_csv.read_bytes()
    edit_cell(demo_csv, WRONG_UNIT, WRONG_COLUMN, RIGHT_VALUE)
    return data


_NUMBER = re.compile(r"^-?[0-9.]+(,[0-9]+)?$")


def to_xlsx(csv_bytes: bytes) -> bytes:
    """The same figures as a workbook: numbers stored as numbers, text as text."""
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig")), delimiter=";"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for row in rows:
        out: list[object] = []
        for cell in row:
            if _NUMBER.match(cell):
                d = parse_number(cell, locale="vi")
                out.append(int(d) if d == d.to_integral_value() else float(d))
            else:
                out.append(cell)
        ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def wrong_workbook(demo_csv: Path) -> bytes:
    """The sample figures as a clerk's workbook with the same cell mistyped: the project's own
    biểu mẫu workbook when it ships one (inputs/*-bieu-mau.xlsx), else the CSV as a sheet."""
    shipped = sorted(demo_csv.parent.glob("*-bieu-mau.xlsx"))
    if not shipped:
        return to_xlsx(wrong_csv(demo_csv))
    wb = openpyxl.load_workbook(shipped[0])
    right = int(parse_number(RIGHT_VALUE))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            if any(c.value == WRONG_UNIT for c in row):
                for c in row:
                    if c.value == right:
                        c.value = int(parse_number(WRONG_VALUE))
                        buf = io.BytesIO()
                        wb.save(buf)
                        return buf.getvalue()
    raise AssertionError(f"{shipped[0].name} has no {RIGHT_VALUE} for {WRONG_UNIT}")
