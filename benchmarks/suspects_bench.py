"""Benchmark: does the reasoning across findings name the cell the clerk got wrong?

    python benchmarks/suspects_bench.py [--config configs/giam-ngheo-2024.yaml] [--seed 1]
                                        [--show N] [--json]

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

``--show N`` prints N variants where a decided first suspect is another cell (to study them);
``--total-row`` gives the file a whole-city row (the column sums of the wards), which the
automatic ``city_sum`` check compares with the wards: a relation over every column.
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
from reportgen.data.dataset import Dataset, Unit, compute, compute_total, load_dataset
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


def _cell_of(row: int | None) -> Callable[[Mapping[str, Any]], str | None]:
    """The indicator of a suspect when it is a cell of the unit's row (else None)."""

    def cell(suspect: Mapping[str, Any]) -> str | None:
        loc = suspect.get("location") or {}
        return str(suspect["indicator"]) if loc.get("row") == row else None

    return cell


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
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--total-row",
        action="store_true",
        help="give the file a whole-city row (the column sums), checked against the wards",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    config = load_config(args.config)
    ds = load_dataset(config)
    order = config.indicator_order()
    if args.total_row:
        config = replace(config, data=replace(config.data, total_row="Toàn thành phố"))
        total = compute_total(ds.units, config, config.total_order(), None, ds.total.name)
        total.row = max(u.row or 0 for u in ds.units) + 1
        ds.total, ds.total_from_file = total, True
    prepared = prepare_checks(config)
    checked = (lambda u: [u, ds.total]) if args.total_row else (lambda u: [u])
    started = time.perf_counter()
    false_alarms = [f for f in validate(config, ds, runners=prepared) if f.severity == "error"]
    total = detectable = first_right = decided = decided_right = named = 0
    determined = determined_right = 0
    by_kind: Counter[str] = Counter()
    by_kind_right: Counter[str] = Counter()
    misses: list[str] = []
    by_cell: Counter[str] = Counter()
    by_cell_right: Counter[str] = Counter()
    for unit in ds.units:
        for ind in config.indicators.values():
            if ind.column is None or ind.kind == "text" or ind.id not in ds.columns:
                continue
            original = unit.values.get(ind.id)
            for kind, wrong in list(mistakes(config, ds, unit, ind, rng)):
                total += 1
                unit.values[ind.id] = wrong
                compute(unit, config, order)
                found = validate(config, ds, checked(unit), runners=prepared)
                unit.values[ind.id] = original
                compute(unit, config, order)
                errors = [f for f in found if f.severity == "error"]
                if not errors:
                    continue
                detectable += 1
                by_kind[kind] += 1
                by_cell[ind.id] += 1
                suspects = next((f.suspects for f in errors if f.suspects), ())
                is_decided = next(
                    (bool(f.extra.get("decided")) for f in errors if f.suspects), False
                )
                mine = _cell_of(unit.row)
                first = mine(suspects[0]) if suspects else None
                if first == ind.id:
                    first_right += 1
                    by_kind_right[kind] += 1
                    by_cell_right[ind.id] += 1
                elif len(misses) < args.show and is_decided:
                    misses.append(
                        f"{unit.name} {ind.id} {original} → {wrong} ({kind}): "
                        + (errors[0].extra.get("reasoning") or errors[0].message)
                    )
                if any(mine(s) == ind.id for s in suspects):
                    named += 1
                if is_decided:
                    decided += 1
                    decided_right += first == ind.id
                alternatives = next(
                    (int(f.extra.get("alternatives", 0)) for f in errors if f.suspects), 0
                )
                if is_decided and alternatives == 1:
                    determined += 1
                    determined_right += first == ind.id
    seconds = time.perf_counter() - started

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "–"

    result = {
        "false_alarms": len(false_alarms),
        "variants": total,
        "detectable": detectable,
        "first_suspect_right": first_right,
        "first_suspect_rate": round(first_right / detectable, 4) if detectable else None,
        "decided": decided,
        "decided_right": decided_right,
        "named_among_suspects": named,
        "determined": determined,
        "determined_right": determined_right,
        "seconds": round(seconds, 2),
        "by_kind": {k: [by_kind_right[k], n] for k, n in sorted(by_kind.items())},
        "by_cell": {k: [by_cell_right[k], n] for k, n in by_cell.items()},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"false alarms on consistent data: {len(false_alarms)}")
    print(f"variants: {total}, detectable: {detectable}")
    print(
        f"first suspect is the changed cell: {first_right}/{detectable} "
        f"({pct(first_right, detectable)})"
    )
    print(
        f"relations decide one cell: {decided}/{detectable} ({pct(decided, detectable)}); "
        f"right there: {decided_right}/{decided} ({pct(decided_right, decided)})"
    )
    print(
        f"relations leave one cell: {determined}/{detectable} "
        f"({pct(determined, detectable)}); right there: {determined_right}/{determined} "
        f"({pct(determined_right, determined)})"
    )
    print(f"changed cell among the named suspects: {named}/{detectable} ({pct(named, detectable)})")
    for k, n in sorted(by_kind.items()):
        print(f"  {k:<24} {by_kind_right[k]:>4}/{n:<4} ({pct(by_kind_right[k], n)})")
    print("by cell:")
    for k, n in by_cell.items():
        print(f"  {k:<28} {by_cell_right[k]:>4}/{n:<4} ({pct(by_cell_right[k], n)})")
    print(f"time: {seconds:.1f} s")
    for line in misses:
        print("MISS", line)


if __name__ == "__main__":
    main()
