"""Columns whose header states how they are computed, as forms number them: ``Tổng (5)=(3)+(4)``,
``Còn lại (8)=(4)-(6)+(7)``, ``Tỷ lệ (%) (9)=(8)/(3)``, or a row under the headers reading
``1 | 2 | 3=1+2``.

Only sums and differences of columns, and the ratio of two columns (×100 when written, or when
the column is a rate in %), are read; anything else is skipped. A formula is used when it holds
in at least one place of the table — so that columns are numbered as read — and the places
where it does not hold (beyond the rounding of the decimals written) are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from reportgen.audit.collect import Collector, show
from reportgen.audit.confidence import Confidence
from reportgen.audit.reader import Cell
from reportgen.vnformat import round_half_up

__all__ = ["Formula", "check_formulas", "column_formulas"]

_IN_HEADER = re.compile(r"\((\d+)\)\s*(?:=\s*(.+?))?\s*$")
_IN_NUMBERING = re.compile(r"^\(?(\d+)\)?\s*(?:=\s*(.+?))?\s*$")
_TERM = re.compile(r"\s*([+\-−])?\s*\(?(\d+)\)?\s*")
_RATIO = re.compile(
    r"^\s*\(?(\d+)\)?\s*[/:]\s*\(?(\d+)\)?\s*(?:([x×*])\s*100\s*(?:%\s*)?)?$", re.IGNORECASE
)


@dataclass(frozen=True)
class Formula:
    """A column computed from others: ``terms`` (sign, column number) added up, or the ratio
    ``terms[0] / terms[1]`` (× 100 when ``percent``)."""

    text: str
    terms: tuple[tuple[int, int], ...]
    ratio: bool = False
    percent: bool = False


def _parse(expression: str, rate: bool) -> Formula | None:
    text = " ".join(expression.split())
    m = _RATIO.match(text)
    if m:
        return Formula(
            text,
            ((1, int(m.group(1))), (1, int(m.group(2)))),
            ratio=True,
            percent=bool(m.group(3)) or rate,
        )
    terms: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        t = _TERM.match(text, pos)
        if not t or t.end() == pos or (terms and not t.group(1)):
            return None
        terms.append((-1 if t.group(1) in ("-", "−") else 1, int(t.group(2))))
        pos = t.end()
    return Formula(text, tuple(terms)) if len(terms) >= 2 else None


def column_formulas(
    header_rows: list[list[Cell]], numbering_rows: list[list[Cell]], is_rate: Callable[[int], bool]
) -> tuple[dict[int, int], dict[int, Formula]]:
    """The column number of each grid column (from ``(3)`` in its header or a numbering row)
    and the formulas stated for them."""
    number: dict[int, int] = {}
    formulas: dict[int, Formula] = {}
    sources = [(r, _IN_HEADER) for r in header_rows] + [(r, _IN_NUMBERING) for r in numbering_rows]
    for row, pattern in sources:
        for j, cell in enumerate(row):
            if cell.spanned:
                continue
            m = pattern.search(cell.text.strip()) if pattern is _IN_HEADER else None
            if pattern is _IN_NUMBERING:
                m = pattern.match(cell.text.strip())
            if not m:
                continue
            number.setdefault(j, int(m.group(1)))
            if m.group(2):
                f = _parse(m.group(2), is_rate(j))
                if f is not None:
                    formulas.setdefault(j, f)
    if len(set(number.values())) != len(number):
        return {}, {}  # the same number twice: not a numbering of columns
    return number, formulas


def check_formulas(
    body: list[list[Cell]],
    number: dict[int, int],
    formulas: dict[int, Formula],
    headers: list[str],
    row_label: Callable[[list[Cell]], str],
    value: Callable[[Cell], tuple[Decimal, int] | None],
    out: Collector,
) -> None:
    """Check each stated formula in every row where its columns hold numbers."""
    column_of = {n: j for j, n in number.items()}
    for j, f in formulas.items():
        if any(n not in column_of for _, n in f.terms):
            continue
        cols = [column_of[n] for _, n in f.terms]
        if j in cols:
            continue
        holds: list[int] = []
        wrong: list[tuple[int, Decimal, int]] = []
        for i, row in enumerate(body):
            target = value(row[j])
            operands = [value(row[c]) for c in cols]
            if target is None or any(o is None for o in operands) or not row[j].blocks:
                continue
            got, decimals = target
            ops = [o for o in operands if o is not None]
            if f.ratio:
                if ops[1][0] == 0:
                    continue
                computed = ops[0][0] / ops[1][0] * (100 if f.percent else 1)
                expected = round_half_up(computed, decimals)
                tolerance = Decimal(0)
            else:
                expected = sum(
                    (s * o[0] for (s, _), o in zip(f.terms, ops, strict=True)), Decimal(0)
                )
                places = [decimals] + [o[1] for o in ops]
                tolerance = sum((Decimal(5).scaleb(-d - 1) for d in places if d), Decimal(0))
                decimals = max(places)
            if expected == got:
                holds.append(i)
            elif abs(expected - got) > tolerance:
                wrong.append((i, expected, decimals))
        if not holds:
            continue
        for i in holds + [w[0] for w in wrong]:
            for c in [j, *cols]:
                if body[i][c].blocks:
                    out.checked.add((body[i][c].blocks[0].index, 0))
        confidence: Confidence = "probable" if f.ratio else "direct"
        for i, expected, decimals in wrong:
            cell = body[i][j]
            block = cell.blocks[0]
            column = " ".join(headers[j].split())
            shown = show(expected, decimals)
            out.add(
                "audit.table-formula",
                confidence,
                block,
                0,
                len(block.text),
                expected=shown,
                found=cell.text,
                sentence=f"{' '.join(row_label(body[i]).split())} — {column}: «{cell.text}»",
                column=column,
                number=number[j],
                formula=f.text,
                columns=", ".join(f"({n})" for _, n in f.terms),
            )
