"""Relations between the series of a table that its headers only hint at, checked when the
table's own figures confirm them.

A series is a column of a table (its cells down the rows), or a row of an indicator table
(``Chỉ tiêu | Đơn vị tính | Xã An Phú | Toàn huyện``: its cells across the value columns). Two
relations are read from the headers:

- a total: a ``Tổng …`` series and the series of the same unit right before it (or right after
  it, as in ``Tổng kinh phí | Ngân sách trung ương | Ngân sách địa phương | …``);
- a rate: ``Tỷ lệ X (%)``, the nearest series before it naming X, and a ``Tổng …`` series of
  that series' unit.

Headers do not say enough on their own (``Tỷ lệ hộ nghèo đầu năm`` is over last year's number
of households, not this year's ``Tổng số hộ``), so a relation is used only when it holds
exactly in the table's other places: in at least three and three times as many as those where
it fails, or — with two or three places, as in indicator tables — in all but one. Only then are
the failing places reported. A relation that does not hold is a wrong reading and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportgen.audit.collect import Collector, show
from reportgen.audit.confidence import Confidence
from reportgen.audit.reader import Cell
from reportgen.diagnostics import catalog
from reportgen.vnformat import round_half_up

__all__ = ["Series", "check_series"]

_TOTAL = re.compile(r"^\s*tổng(?![\wà-ỹ])", re.IGNORECASE)
_RATE = re.compile(r"^\s*tỷ\s+lệ\s+(.*?)\s*(?:\(%\))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Series:
    """A column (or a row of an indicator table): its header, unit and numeric cells by place."""

    header: str
    unit: str | None
    cells: dict[int, tuple[Decimal, int, Cell]]
    rate: bool = False


def _confirmed(exact: int, wrong: int, places: int) -> bool:
    """True when a relation holds in enough places to trust it where it fails (or, failing
    nowhere, in at least two places)."""
    if wrong == 0:
        return exact >= 2
    if exact == 0:
        return False
    if places >= 4:
        return exact >= 3 and wrong <= 2 and exact >= 3 * wrong
    return wrong == 1 and exact >= places - 1


def check_series(
    series: Sequence[Series],
    place_names: dict[int, str],
    out: Collector,
    *,
    rows: bool,
) -> None:
    """Check the totals and rates among ``series`` (``rows``: the series are the rows of an
    indicator table, the places its value columns)."""
    for k, total in enumerate(series):
        if _TOTAL.match(total.header) and not total.rate:
            _check_total(series, k, place_names, out, rows=rows)
    for k, rate in enumerate(series):
        m = _RATE.match(rate.header)
        if m and rate.rate:
            _check_rate(series, k, m.group(1), place_names, out, rows=rows)


def _runs(series: Sequence[Series], k: int) -> list[list[int]]:
    """Candidate members of the total ``series[k]``: the longest run of same-unit series right
    before it, then right after it, each also shortened from its far end (at least two)."""
    unit = series[k].unit
    out: list[list[int]] = []
    for step in (-1, 1):
        run: list[int] = []
        i = k + step
        while 0 <= i < len(series):
            s = series[i]
            if s.unit != unit or s.rate or _TOTAL.match(s.header):
                break
            run.append(i)
            i += step
        while len(run) >= 2:
            out.append(sorted(run))
            run = run[:-1]
    return out


def _check_total(
    series: Sequence[Series], k: int, names: dict[int, str], out: Collector, *, rows: bool
) -> None:
    total = series[k]
    for members in _runs(series, k):
        places = [
            p for p in total.cells if all(p in series[m].cells for m in members) and p in names
        ]
        if len(places) < 2:
            continue
        exact: list[int] = []
        wrong: list[tuple[int, Decimal, int]] = []
        near: list[tuple[int, Decimal, int]] = []
        for p in places:
            value, td, _ = total.cells[p]
            parts = [series[m].cells[p] for m in members]
            s = sum((v for v, _, _ in parts), Decimal(0))
            decimals = max([td] + [d for _, d, _ in parts])
            tolerance = sum(
                (Decimal(5).scaleb(-d - 1) for d in [td] + [d for _, d, _ in parts] if d),
                Decimal(0),
            )
            if s == value:
                exact.append(p)
            elif abs(s - value) > tolerance:
                wrong.append((p, s, decimals))
            else:
                near.append((p, s, decimals))
        confidence: Confidence = "direct" if len(exact) >= 3 else "probable"
        hint = None
        if not wrong and len(places) >= 4 and _confirmed(len(exact), len(near), len(places)):
            # off by less than the rounding of its decimals, where (at least three times as
            # many) other places add up exactly: not rounding drift. With two or three places
            # (indicator tables) one exact place does not tell drift from a typo.
            wrong, confidence = near, "probable"
            hint = "near"
        if not _confirmed(len(exact), len(wrong), len(places)):
            continue
        for m in [k, *members]:
            for p in places:
                out.checked.add((series[m].cells[p][2].blocks[0].index, 0))
        for p, s, decimals in wrong:
            _report_total(
                total,
                [series[m] for m in members],
                p,
                s,
                decimals,
                names,
                out,
                confidence,
                rows=rows,
                near=hint is not None,
            )
        return


def _report_total(
    total: Series,
    members: list[Series],
    place: int,
    s: Decimal,
    decimals: int,
    names: dict[int, str],
    out: Collector,
    confidence: Confidence,
    *,
    rows: bool,
    near: bool = False,
) -> None:
    value, _, cell = total.cells[place]
    block = cell.blocks[0]
    difference = show(abs(s - value), decimals)
    header = " ".join(total.header.split())
    hint = catalog.text("audit.table-exact-places", difference=difference) if near else None
    if rows:
        out.add(
            "audit.table-total-row",
            confidence,
            block,
            0,
            len(block.text),
            expected=show(s, decimals),
            found=cell.text,
            hint=hint,
            sentence=f"{header} — {names[place]}: «{cell.text}»",
            label=header,
            column=names[place],
            total=cell.text,
            parts_sum=show(s, decimals),
            difference=difference,
        )
        return
    members_shown = ", ".join(f'"{" ".join(m.header.split())}"' for m in members)
    out.add(
        "audit.table-total-column",
        confidence,
        block,
        0,
        len(block.text),
        expected=show(s, decimals),
        found=cell.text,
        hint=hint,
        sentence=f"{names[place]} — {header}: «{cell.text}»",
        column=header,
        members=members_shown,
        total=cell.text,
        parts_sum=show(s, decimals),
        difference=difference,
    )


def _check_rate(
    series: Sequence[Series],
    k: int,
    subject: str,
    names: dict[int, str],
    out: Collector,
    *,
    rows: bool,
) -> None:
    subject = " ".join(subject.lower().replace("(%)", "").split())
    if not subject:
        return
    count_k = next(
        (
            i
            for i in range(k - 1, -1, -1)
            if not series[i].rate
            and not _TOTAL.match(series[i].header)
            and subject in " ".join(series[i].header.lower().split())
        ),
        None,
    )
    if count_k is None:
        return
    count = series[count_k]
    rate = series[k]
    for base in (s for s in series if _TOTAL.match(s.header) and s.unit == count.unit):
        if base.rate:
            continue
        places = [p for p in rate.cells if p in count.cells and p in base.cells and p in names]
        exact: list[int] = []
        wrong: list[tuple[int, Decimal]] = []
        for p in places:
            r, rd, _ = rate.cells[p]
            c, _, _ = count.cells[p]
            b, _, _ = base.cells[p]
            if b <= 0:
                continue
            expected = round_half_up(c / b * 100, rd)
            if expected == r:
                exact.append(p)
            else:
                wrong.append((p, expected))
        if not _confirmed(len(exact), len(wrong), len(exact) + len(wrong)):
            continue
        for p in exact + [w[0] for w in wrong]:
            for s in (rate, count, base):
                out.checked.add((s.cells[p][2].blocks[0].index, 0))
        for p, expected in wrong:
            _report_rate(rate, count, base, p, expected, names, out, rows=rows)
        return


def _report_rate(
    rate: Series,
    count: Series,
    base: Series,
    place: int,
    expected: Decimal,
    names: dict[int, str],
    out: Collector,
    *,
    rows: bool,
) -> None:
    _, rd, cell = rate.cells[place]
    block = cell.blocks[0]
    header = " ".join(rate.header.split())
    shown = show(expected, rd)
    common = {
        "expected": shown,
        "found": cell.text,
        "count": count.cells[place][2].text,
        "base": base.cells[place][2].text,
    }
    if rows:
        out.add(
            "audit.table-rate-row",
            "probable",
            block,
            0,
            len(block.text),
            sentence=f"{header} — {names[place]}: «{cell.text}»",
            row=header,
            column=names[place],
            count_row=f'"{" ".join(count.header.split())}"',
            base_row=f'"{" ".join(base.header.split())}"',
            **common,
        )
        return
    out.add(
        "audit.table-rate",
        "probable",
        block,
        0,
        len(block.text),
        sentence=f"{names[place]} — {header}: «{cell.text}»",
        column=header,
        count_column=f'"{" ".join(count.header.split())}"',
        base_column=f'"{" ".join(base.header.split())}"',
        **common,
    )
