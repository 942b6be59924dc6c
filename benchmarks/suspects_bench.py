"""Benchmark: does the reasoning across findings name the cell the clerk got wrong?

    python benchmarks/suspects_bench.py [--config configs/giam-ngheo-2024.yaml] [--data FILE]
                                        [--seed 1] [--show N] [--json]
                                        [--total-row | --no-total-row]

Takes the demo report (consistent figures), and for every ward and every figure read from the
file makes single-cell mistakes of the kinds clerks make: one mistyped digit, two swapped
digits, the value of the neighbouring column, a moved decimal comma (×10, ×100, ÷10), last
year's value copied, money typed in đồng instead of triệu đồng, a movement figure off by a few.
Each variant is checked alone; a variant is *detectable* when it gives at least one error. It
prints:

- false alarms: errors on the consistent data (must be 0);
- the detectable variants, and the share whose first suspect is the changed cell (target
  ≥ 95 %), with the share where the relations determine the cell (one suspect, decided) and the
  accuracy there;
- the share where the changed cell is among the named suspects.

The demo's file ends with a whole-city row ("Tổng cộng", as clerks' forms do), which the
automatic ``city_sum`` check compares with the sum of the wards: a relation over every column.
Its own cells get the same mistakes, counted apart (``total row``). ``--no-total-row`` drops
that row (the city is then summed from the wards, as for a file without one); ``--total-row``
gives a file without one a total row (the column sums of the wards).

``--data inputs/giam-ngheo-2024-bieu-mau.xlsx`` reads the same figures as the clerks' workbook
(two sheets, the total row, the group rows "Khối phường" and "Khối xã"): each group row is one
more sum over its units (it stays as typed when a unit's figure changes, as the total row does),
and what the reader reports for a group row that no longer adds up is worked out again for each
variant.

``--show N`` prints N variants where a decided first suspect is another cell (to study them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.config.loader import load_config
from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.dataset import (
    CellIssue,
    Dataset,
    Unit,
    compute,
    compute_total,
    load_dataset,
)
from reportgen.validate.runner import prepare_checks, validate
from reportgen.validate.shapes import one_digit_changes, swaps

ROOT = Path(__file__).resolve().parent.parent


def mistakes(
    config: ReportConfig, ds: Dataset, unit: Unit, ind: Indicator, rng: random.Random
) -> Iterator[tuple[str, Decimal]]:
    """(kind, wrong value) for one cell of one unit."""
    v = unit.values.get(ind.id)
    if v is None:
        return
    typos = [x for x in one_digit_changes(v) if x >= 0]
    for x in rng.sample(typos, min(3, len(typos))):
        yield "digit typo", x
    for x in swaps(v):
        yield "swapped digits", x
    columns = sorted(
        (i for i in ds.columns if config.indicators[i].kind != "text"),
        key=lambda i: ds.table.index.get(ds.columns[i], 0),
    )
    k = columns.index(ind.id)
    for j in (k - 1, k + 1):
        if 0 <= j < len(columns):
            other = unit.values.get(columns[j])
            if other is not None and other != v:
                yield "neighbour column", other
    if v:
        yield "decimal comma ×10", v * 10
        yield "decimal comma ×100", v * 100
        if ind.decimals is not None and ind.kind != "count":
            small = v / 10  # only when it can be written with the declared decimals
            if small == small.quantize(Decimal(1).scaleb(-ind.decimals)):
                yield "decimal comma ÷10", small
    prev = ds.previous.get(unit.key) if ds.previous else None
    if prev is not None:
        last = prev.values.get(ind.id)
        if last is not None and last != v:
            yield "last year's value", last
    for a, b in _OPENING.items():  # a closing figure typed as the opening one (last year's)
        if ind.id == b and unit.values.get(a) not in (None, v):
            yield "last year's value", unit.values[a]  # type: ignore[misc]
    if ind.kind == "money":
        yield "đồng for triệu", v * 1_000_000
    if ind.id in _MOVEMENT:
        for d in (-3, -2, -1, 1, 2, 3):
            if v + d >= 0:
                yield "movement off by a few", v + d


def _cell_of(ds: Dataset, unit: Unit) -> Callable[[Mapping[str, Any]], str | None]:
    """The indicator of a suspect when it is a cell of the unit's row (else None); in a
    workbook of several sheets, the unit's row on the sheet of that indicator."""

    def cell(suspect: Mapping[str, Any]) -> str | None:
        loc = suspect.get("location") or {}
        src = ds.source(unit, str(suspect["indicator"]))
        if src is None or loc.get("row") != src.row or loc.get("sheet") != src.sheet:
            return None
        return str(suspect["indicator"])

    return cell


def group_issues(config: ReportConfig, ds: Dataset, iid: str) -> list[CellIssue]:
    """What the reader reports for the group rows (``data.group-mismatch``) that disagree with
    their units in column ``iid`` (the reader does it once, when the file is read; a variant
    changes a unit's figure after that)."""
    ind = config.indicators[iid]
    out = []
    for g in ds.groups:
        stated = g.values.get(iid)
        if stated is None:
            continue
        values = [u.values.get(iid) for u in ds.units if u.key in g.members]
        summed = sum((v for v in values if v is not None), Decimal(0))
        allowed = ind.tolerance_of(stated) + sum(
            (ind.tolerance_of(v) for v in values if v is not None), Decimal(0)
        )
        if summed != stated and abs(summed - stated) >= allowed:
            message = f'dòng nhóm "{g.name}" ghi {stated}, nhưng tổng các đơn vị là {summed}'
            out.append(
                CellIssue(
                    ds.total.name, iid, g.sources[iid], str(stated), message, None, ds.total.key
                )
            )
    return out


_OPENING = {
    "tong_so_ho_dau_ky": "tong_so_ho",
    "ho_ngheo_dau_ky": "ho_ngheo_cuoi_ky",
    "ty_le_ho_ngheo_dau_ky": "ty_le_ho_ngheo",
    "ho_can_ngheo_dau_ky": "ho_can_ngheo_cuoi_ky",
}
_MOVEMENT = {
    "thoat_ngheo_vuot_can_ngheo",
    "thoat_ngheo_thanh_can_ngheo",
    "khac_giam",
    "can_ngheo_thanh_ngheo",
    "phat_sinh_moi",
    "tai_ngheo",
    "khac_tang",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=str(ROOT / "configs" / "giam-ngheo-2024.yaml"))
    parser.add_argument(
        "--data",
        default=None,
        help="the data file (default: the report's); e.g. the clerk workbook "
        "inputs/giam-ngheo-2024-bieu-mau.xlsx, with its group rows",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    rows = parser.add_mutually_exclusive_group()
    rows.add_argument(
        "--total-row",
        action="store_true",
        help="give a file without one a whole-city row (the column sums of the wards)",
    )
    rows.add_argument(
        "--no-total-row",
        action="store_true",
        help="drop the file's whole-city row: the city is summed from the wards",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    config = load_config(args.config)
    ds = load_dataset(config, args.data)
    base_issues = list(ds.issues)
    order = config.indicator_order()
    if args.no_total_row and ds.total_from_file:
        config = replace(config, data=replace(config.data, total_row=None))
        ds.total = compute_total(ds.units, config, config.total_order(), None, ds.total.name)
        ds.total_from_file = False
    elif args.total_row and not ds.total_from_file:
        config = replace(config, data=replace(config.data, total_row="Toàn thành phố"))
        total = compute_total(ds.units, config, config.total_order(), None, ds.total.name)
        total.row = max(u.row or 0 for u in ds.units) + 1
        ds.total, ds.total_from_file = total, True
    prepared = prepare_checks(config)
    with_total = ds.total_from_file
    # the whole city too when its row is read (city_sum) or group rows are (their findings)
    checked = (lambda u: [u, ds.total]) if with_total or ds.groups else (lambda u: [u])
    started = time.perf_counter()
    false_alarms = [f for f in validate(config, ds, runners=prepared) if f.severity == "error"]
    wards, totals = Tally(), Tally()
    total_order = config.total_order()
    file_total = ds.total
    for unit in [*ds.units, *([file_total] if with_total else [])]:
        tally = totals if unit.is_total else wards
        for ind in config.indicators.values():
            if ind.column is None or ind.kind == "text" or ind.id not in ds.columns:
                continue
            original = unit.values.get(ind.id)
            for kind, wrong in list(mistakes(config, ds, unit, ind, rng)):
                tally.variants += 1
                unit.values[ind.id] = wrong
                ds.issues = base_issues + group_issues(config, ds, ind.id)
                if unit.is_total:
                    ds.total = compute_total(ds.units, config, total_order, unit, unit.name)
                    found = validate(config, ds, [ds.total], runners=prepared)
                    ds.total = file_total
                else:
                    compute(unit, config, order)
                    found = validate(config, ds, checked(unit), runners=prepared)
                unit.values[ind.id] = original
                ds.issues = base_issues
                if not unit.is_total:
                    compute(unit, config, order)
                errors = [f for f in found if f.severity == "error"]
                if errors:
                    tally.add(ds, unit, ind.id, kind, errors, f"{original} → {wrong}", args.show)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "false_alarms": len(false_alarms),
        "group_rows": [g.name for g in ds.groups],
        **wards.as_dict(),
    }
    if with_total:
        result["total_row"] = totals.as_dict()
    result["seconds"] = round(seconds, 2)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"false alarms on consistent data: {len(false_alarms)}")
    print(
        "whole-city row in the file: "
        + ("yes (the automatic city_sum check)" if with_total else "no (summed from the wards)")
    )
    groups = ", ".join(f"{g.name} ({len(g.members)} units)" for g in ds.groups)
    print(f"data file: {args.data or config.data.file.name}; group rows: {groups or 'none'}")
    print("mistakes in the wards' cells:")
    wards.print()
    if with_total:
        print("mistakes in the total row's own cells:")
        totals.print(by_cell=False)
    print(f"time: {seconds:.1f} s")
    for line in wards.misses + totals.misses:
        print("MISS", line)


def pct(a: int, b: int) -> str:
    """``a`` of ``b`` in per cent, one decimal."""
    return f"{100 * a / b:.1f}%" if b else "–"


class Tally:
    """The counts of one group of variants."""

    def __init__(self) -> None:
        self.variants = self.detectable = self.first_right = self.named = 0
        self.decided = self.decided_right = self.determined = self.determined_right = 0
        self.by_kind: Counter[str] = Counter()
        self.by_kind_right: Counter[str] = Counter()
        self.by_cell: Counter[str] = Counter()
        self.by_cell_right: Counter[str] = Counter()
        self.misses: list[str] = []

    def add(
        self,
        ds: Dataset,
        unit: Unit,
        cell: str,
        kind: str,
        errors: list[Any],
        change: str,
        show: int,
    ) -> None:
        """Count one detectable variant (``cell`` of ``unit`` was changed)."""
        self.detectable += 1
        self.by_kind[kind] += 1
        self.by_cell[cell] += 1
        with_suspects = [f for f in errors if f.suspects]
        suspects = with_suspects[0].suspects if with_suspects else ()
        is_decided = bool(with_suspects and with_suspects[0].extra.get("decided"))
        mine = _cell_of(ds, unit)
        first = mine(suspects[0]) if suspects else None
        right = first == cell
        if right:
            self.first_right += 1
            self.by_kind_right[kind] += 1
            self.by_cell_right[cell] += 1
        elif len(self.misses) < show and is_decided:
            self.misses.append(
                f"{unit.name} {cell} {change} ({kind}): "
                + (errors[0].extra.get("reasoning") or errors[0].message)
            )
        self.named += any(mine(s) == cell for s in suspects)
        alternatives = int(with_suspects[0].extra.get("alternatives", 0)) if with_suspects else 0
        if is_decided:
            self.decided += 1
            self.decided_right += right
            if alternatives == 1:
                self.determined += 1
                self.determined_right += right

    def as_dict(self) -> dict[str, Any]:
        """The counts for ``--json``."""
        return {
            "variants": self.variants,
            "detectable": self.detectable,
            "first_suspect_right": self.first_right,
            "first_suspect_rate": round(self.first_right / self.detectable, 4)
            if self.detectable
            else None,
            "decided": self.decided,
            "decided_right": self.decided_right,
            "named_among_suspects": self.named,
            "determined": self.determined,
            "determined_right": self.determined_right,
            "by_kind": {k: [self.by_kind_right[k], n] for k, n in sorted(self.by_kind.items())},
            "by_cell": {k: [self.by_cell_right[k], n] for k, n in self.by_cell.items()},
        }

    def print(self, by_cell: bool = True) -> None:
        """The counts as lines of text."""
        n = self.detectable
        print(f"  variants: {self.variants}, detectable: {n}")
        print(
            f"  first suspect is the changed cell: {self.first_right}/{n} ({pct(self.first_right, n)})"
        )
        print(
            f"  relations decide one cell: {self.decided}/{n} ({pct(self.decided, n)}); "
            f"right there: {self.decided_right}/{self.decided} "
            f"({pct(self.decided_right, self.decided)})"
        )
        print(
            f"  relations leave one cell: {self.determined}/{n} ({pct(self.determined, n)}); "
            f"right there: {self.determined_right}/{self.determined} "
            f"({pct(self.determined_right, self.determined)})"
        )
        print(f"  changed cell among the named suspects: {self.named}/{n} ({pct(self.named, n)})")
        for k, m in sorted(self.by_kind.items()):
            right = self.by_kind_right[k]
            print(f"    {k:<24} {right:>4}/{m:<4} ({pct(right, m)})")
        if by_cell:
            print("  by cell:")
            for k, m in self.by_cell.items():
                right = self.by_cell_right[k]
                print(f"    {k:<28} {right:>4}/{m:<4} ({pct(right, m)})")


if __name__ == "__main__":
    main()
