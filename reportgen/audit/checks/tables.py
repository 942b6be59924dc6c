"""Tables: a total row (``Tổng``, ``Cộng``, ``Toàn thành phố``…) against its member rows, a
total column (``Tổng …`` after the columns of the same unit it adds up) against its members,
and a rate column (``Tỷ lệ X (%)``) against the count column before it and the one ``Tổng``
column of the count's unit.

A table is skipped where its structure is unsure: more than one total row, group rows among the
members (row numbers that are not 1, 2, 3…), members that break a total down (``- Hộ nghèo``,
``Trong đó: nữ``), cells that are not numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from reportgen.audit.checks.table_formulas import check_formulas, column_formulas
from reportgen.audit.checks.table_series import Series, check_series
from reportgen.audit.collect import Collector, show
from reportgen.audit.reader import Block, Cell, Table
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import NumberFormatError
from reportgen.vnformat import parse_number

__all__ = ["check_table"]

_TOTAL_LABEL = re.compile(
    r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+(?:thành\s+phố|tỉnh|huyện|thị\s+xã|quận|xã|"
    r"phường|thị\s+trấn))(?![\wà-ỹ])",
    re.IGNORECASE,
)
_UNIT = re.compile(r"\(([^()]*)\)\s*$")
# member rows that break a total down ("- Hộ nghèo", "Trong đó: nữ"): often not all of it
_GROUP = re.compile(r"^\s*(?:[IVXLC]+|[A-ZĐ])(?:[.)]|\s|$)")
_BREAKDOWN = re.compile(r"^\s*(?:[-+*–•]|trong\s+đó|chia\s+ra|gồm|bao\s+gồm|\w\))", re.IGNORECASE)
_STT = re.compile(r"^\s*(?:s?tt|số\s+tt)\s*$", re.IGNORECASE)
_NOT_ADDED = re.compile(
    r"bình\s+quân|trung\s+bình|(?<![\wà-ỹ])mức(?![\wà-ỹ])|đầu\s+người|định\s+mức|đơn\s+giá|"
    r"(?<![\wà-ỹ])chuẩn(?![\wà-ỹ])|/\s*[^\W\d]",
    re.IGNORECASE,
)
"""Columns whose total row is not the sum of the rows: averages, levels, amounts per unit."""
_FORMULA = "audit.table-formula"
_TOTAL_ROW = "audit.table-total-row"
_UNIT_COLUMN = re.compile(r"^\s*(?:đơn\s+vị\s+tính|đvt)\s*$", re.IGNORECASE)
_RATE = re.compile(r"^\s*tỷ\s+lệ\s+(.*?)\s*(?:\(%\))?\s*$", re.IGNORECASE)
_MONEY_WORD = "đồng"
"""A column whose unit names đồng holds money (rounded to the đồng)."""


@dataclass
class _Sums:
    """The sum checks of one table: how many add up exactly, and those off by less than the
    rounding of their decimals. These are reported only when every other sum of the table is
    exact: one or two of them (a wrong cell is off in its row and in its column), against at
    least three exact sums each."""

    exact: int = 0
    near: list[Callable[[], None]] = field(default_factory=list)

    def settle(self) -> None:
        if 1 <= len(self.near) <= 2 and self.exact >= 3 * len(self.near):
            for report in self.near:
                report()


def _num(text: str) -> tuple[Decimal, int] | None:
    s = text.strip()
    if s in ("", "-", "–"):
        return Decimal(0), 0
    try:
        value = parse_number(s)
    except NumberFormatError:
        return None
    return value, (len(s.split(",", 1)[1]) if "," in s else 0)


def _header_unit(header: str) -> str | None:
    m = _UNIT.search(header)
    return " ".join(m.group(1).lower().split()) if m else None


def check_table(table: Table, out: Collector) -> None:
    """Check a table's total row, total columns and rate columns."""
    rows = table.rows
    if len(rows) < 3:
        return
    width = max(len(r) for r in rows)
    if any(len(r) != width for r in rows):
        return

    def numeric_count(row: list[Cell]) -> int:
        return sum(1 for c in row if not c.spanned and c.text.strip() and _num(c.text) is not None)

    first = next((i for i, r in enumerate(rows) if numeric_count(r) >= 2), None)
    numbering: list[list[Cell]] = []
    while first is not None and _numbering_row(rows[first]):
        # "(1) (2) (3)…" or "1 2 3…" under the headers numbers the columns: not data
        numbering.append(rows[first])
        rows = rows[:first] + rows[first + 1 :]
        first = next((i for i, r in enumerate(rows) if numeric_count(r) >= 2), None)
    if first is None or first == 0:
        return
    headers = [_column_header(rows, first, j) for j in range(width)]
    body = rows[first:]
    number, formulas = column_formulas(rows[:first], numbering, lambda j: _is_rate(headers[j]))
    label_cols = [
        j
        for j in range(width)
        if not any(_num_strict(r[j].text) and not r[j].spanned for r in body)
    ]
    data_cols = [j for j in range(width) if j not in label_cols and not _STT.match(headers[j])]
    if not data_cols:
        return

    def label(row: list[Cell]) -> str:
        return " ".join(row[j].text for j in label_cols if row[j].text.strip())

    totals = [r for r in body if _TOTAL_LABEL.match(label(r))]
    members = [r for r in body if not _TOTAL_LABEL.match(label(r))]
    values: dict[tuple[int, int], tuple[Decimal, int]] = {}
    for i, r in enumerate(body):
        for j in data_cols:
            v = None if r[j].spanned else _num(r[j].text)
            if v is not None:
                values[(i, j)] = v
    unit_col = next((j for j in label_cols if _UNIT_COLUMN.match(headers[j])), None)
    start = len(out.findings)
    sums = _Sums()
    if unit_col is None or len({r[unit_col].text.strip().lower() for r in body}) <= 1:
        _check_total_row(table, body, totals, members, data_cols, headers, values, label, out, sums)
    sums.settle()
    _check_confirmed(body, data_cols, label_cols, unit_col, headers, label, out)
    if formulas:
        check_formulas(body, number, formulas, headers, label, _value, out)
        # a cell the header's formula finds wrong is not reported again as a wrong rate or
        # row total
        found = {f.block.index for f in out.findings[start:] if f.diagnostic.code == _FORMULA}
        out.findings[start:] = [
            f
            for f in out.findings[start:]
            if f.block.index not in found or f.diagnostic.code in (_FORMULA, _TOTAL_ROW)
        ]


def _value(cell: Cell) -> tuple[Decimal, int] | None:
    v = _strict(cell)
    return None if v is None else (v[0], v[1])


def _strict(cell: Cell) -> tuple[Decimal, int, Cell] | None:
    if cell.spanned or not cell.blocks or not _num_strict(cell.text):
        return None
    v = _num(cell.text)
    return None if v is None else (v[0], v[1], cell)


def _check_confirmed(
    body: list[list[Cell]],
    data_cols: list[int],
    label_cols: list[int],
    unit_col: int | None,
    headers: list[str],
    label: Callable[[list[Cell]], str],
    out: Collector,
) -> None:
    """Totals and rates the headers hint at, used where the table's figures confirm them
    (:mod:`.table_series`): between columns, and between the rows of an indicator table."""
    columns: list[Series] = []
    for j in data_cols:
        cells = {i: v for i, r in enumerate(body) if (v := _strict(r[j])) is not None}
        columns.append(Series(headers[j], _header_unit(headers[j]), cells, _is_rate(headers[j])))
    names = {i: " ".join(label(r).split()) for i, r in enumerate(body)}
    check_series(columns, names, out, rows=False)
    if unit_col is None:
        return
    places = [j for j in data_cols if not _is_rate(headers[j])]
    text_cols = [j for j in label_cols if j != unit_col]
    indicators: list[Series] = []
    for r in body:
        unit = " ".join(r[unit_col].text.lower().split()) or None
        header = " ".join(" ".join(r[j].text for j in text_cols).split())
        cells = {j: v for j in places if (v := _strict(r[j])) is not None}
        rate = unit == "%" or bool(_RATE.match(header))
        indicators.append(Series(header, unit, cells, rate))
    check_series(indicators, {j: " ".join(headers[j].split()) for j in places}, out, rows=True)


_NUMBERING = re.compile(r"^\(?(\d+)\)?(?:\s*=.*)?$")
_LETTER = re.compile(r"[A-ZĐ]")


def _numbering_row(row: list[Cell]) -> bool:
    """True for a row that numbers the columns: ``(1) (2) (3)…``, ``1 2 3…``, ``A B 1 2 3=1+2``."""
    texts = [c.text.strip() for c in row if not c.spanned and c.text.strip()]
    while texts and _LETTER.fullmatch(texts[0]):
        texts = texts[1:]
    numbers: list[int] = []
    for t in texts:
        m = _NUMBERING.match(t)
        if not m:
            return False
        numbers.append(int(m.group(1)))
    return len(numbers) >= 4 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


_COLUMN_NUMBER = re.compile(r"\s*\(\d+\)(?:\s*=\s*[\d()+\-*/x×:.,\s]*)?$")


def _column_header(rows: list[list[Cell]], first: int, j: int) -> str:
    """A column's own header (its lowest non-empty header cell, without the column's number
    ``(3)`` or formula ``(9)=(8)/(3)``), with the unit of a group header above it when it names
    none: ``Nhà ở (triệu đồng)`` under ``Kinh phí (triệu đồng)``."""
    texts = [_COLUMN_NUMBER.sub("", rows[i][j].text.strip()) for i in range(first)]
    header = next((t for t in reversed(texts) if t), "")
    if _header_unit(header) is None:
        for t in reversed(texts):
            unit = _header_unit(t)
            if unit:
                return f"{header} ({unit})"
    return header


def _cell_sentence(row: str, column: str, value: str) -> str:
    """A table cell told as a sentence: ``Xã An Phú — Tỷ lệ hộ nghèo (%): «2,20»``."""
    return f"{' '.join(row.split())} — {' '.join(column.split())}: «{value}»"


def _num_strict(text: str) -> bool:
    s = text.strip()
    if not s or s in ("-", "–"):
        return False
    try:
        parse_number(s)
    except NumberFormatError:
        return False
    return True


def _is_rate(header: str) -> bool:
    return bool(_RATE.match(header)) or _header_unit(header) == "%" or "%" in header


def _tolerance(decimals: list[int], money: bool) -> Decimal:
    if not money and all(d == 0 for d in decimals):
        return Decimal(0)
    return sum((Decimal(5).scaleb(-d - 1) for d in decimals), Decimal(0))


def _check_total_row(
    table: Table,
    body: list[list[Cell]],
    totals: list[list[Cell]],
    members: list[list[Cell]],
    data_cols: list[int],
    headers: list[str],
    values: dict[tuple[int, int], tuple[Decimal, int]],
    label: Callable[[list[Cell]], str],
    out: Collector,
    sums: _Sums,
) -> None:
    if len(totals) != 1 or len(members) < 2:
        return
    first_col = [r[0].text.strip() for r in members]
    kinds = {"int" if t.isdigit() else ("" if not t else "other") for t in first_col}
    if len(kinds) > 1 or (kinds == {"other"} and any(_GROUP.match(t) for t in first_col)):
        return
    if kinds == {"int"} and [int(t) for t in first_col] != list(range(1, len(first_col) + 1)):
        return
    if any(_BREAKDOWN.match(label(r)) for r in members):
        return
    total_row = totals[0]
    ti = body.index(total_row)
    member_idx = [body.index(r) for r in members]
    for j in data_cols:
        header = headers[j]
        if _is_rate(header) or _NOT_ADDED.search(header):
            continue
        if (ti, j) not in values or not total_row[j].text.strip():
            continue
        if any((i, j) not in values for i in member_idx):
            continue
        total, td = values[(ti, j)]
        parts = [values[(i, j)] for i in member_idx]
        unit = _header_unit(header)
        money = bool(unit and _MONEY_WORD in unit)
        s = sum((v for v, _ in parts), Decimal(0))
        tol = _tolerance([td] + [d for _, d in parts], money)
        for i in member_idx:
            out.checked.add((body[i][j].blocks[0].index, 0) if body[i][j].blocks else (-1, 0))
        cell = total_row[j]
        if not cell.blocks:
            continue
        out.checked.add((cell.blocks[0].index, 0))
        if s == total:
            sums.exact += 1
            continue
        decimals = max([td] + [d for _, d in parts])
        block = cell.blocks[0]
        difference = show(abs(s - total), decimals)
        near = abs(s - total) <= tol

        def report(
            block: Block = block,
            s: Decimal = s,
            decimals: int = decimals,
            cell: Cell = cell,
            header: str = header,
            near: bool = near,
            difference: str = difference,
        ) -> None:
            out.add(
                "audit.table-total-row",
                "probable" if near else "direct",
                block,
                0,
                len(block.text),
                expected=show(s, decimals),
                found=cell.text,
                hint=catalog.text("audit.table-exact-totals", difference=difference)
                if near
                else None,
                sentence=_cell_sentence(label(total_row), header, cell.text),
                label=label(total_row),
                column=" ".join(header.split()),
                total=cell.text,
                parts_sum=show(s, decimals),
                difference=difference,
            )

        if near:
            sums.near.append(report)
        else:
            report()
