"""Benchmark: load a report definition and a large data file, and validate every unit.

    python benchmarks/validate_bench.py [-n 10000] [--groups 10] [--profile]

Writes (into a temporary directory) a CSV of N units × 50 indicators (10 groups of a total,
three parts and a rate, as Vietnamese figures: ``4.558``, ``1,13``) and a YAML with 100 checks
over them (10 per group: sum, partial sum, percentage, three not_greater, movement and three
ranges). About one unit in a hundred has a wrong rate, so the findings path is exercised too.
Then times ``load_config`` + ``load_dataset`` + ``validate`` and prints seconds for each and
units per second overall. ``--profile`` prints the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.validate.runner import validate


def vi(value: int | Decimal, decimals: int = 0) -> str:
    """A figure as clerks write it: 4.558, 1,13."""
    d = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{d:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def write_project(root: Path, n_units: int, groups: int, seed: int = 7) -> Path:
    """Write the benchmark YAML, CSV and an empty template; return the YAML path."""
    rng = random.Random(seed)
    (root / "templates").mkdir()
    (root / "templates" / "mau.docx").write_bytes(b"")
    header = ["don_vi"]
    for g in range(groups):
        header += [f"tong_{g}", f"a_{g}", f"b_{g}", f"c_{g}", f"ty_le_{g}"]
    lines = [";".join(header)]
    for u in range(n_units):
        cells = [f"Xã Thử Nghiệm {u + 1}"]
        for _ in range(groups):
            a, b, c = rng.randint(0, 900), rng.randint(0, 900), rng.randint(0, 3000)
            tong = a + b + c or 1
            rate = Decimal(a) / Decimal(tong) * 100
            if u % 100 == 99:
                rate += 1  # a mistake to find
            cells += [vi(tong), vi(a), vi(b), vi(c), vi(rate, 2)]
        lines.append(";".join(cells))
    (root / "so-lieu.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    ind = []
    checks = []
    for g in range(groups):
        for name, label in (
            ("tong", "Tổng số hộ"),
            ("a", "Hộ nghèo"),
            ("b", "Hộ cận nghèo"),
            ("c", "Hộ khác"),
        ):
            ind.append(f"  {name}_{g}: {{label: {label} {g}, unit: hộ, column: {name}_{g}}}")
        ind.append(
            f'  ty_le_{g}: {{label: Tỷ lệ {g}, unit: "%", column: ty_le_{g}, '
            f"total_formula: a_{g} / tong_{g} * 100}}"
        )
        t, a, b, c, r = (f"{x}_{g}" for x in ("tong", "a", "b", "c", "ty_le"))
        checks += [
            f"  - {{check: sum, total: {t}, parts: [{a}, {b}, {c}]}}",
            f"  - {{check: sum, total: {t}, parts: [{a}, {b}], partial: true}}",
            f"  - {{check: percentage, value: {r}, part: {a}, total: {t}}}",
            f"  - {{check: not_greater, part: {a}, total: {t}}}",
            f"  - {{check: not_greater, part: {b}, total: {t}}}",
            f"  - {{check: not_greater, part: {c}, total: {t}}}",
            f"  - {{check: movement, start: {t}, decreases: [{a}, {b}, {c}], increases: [{a}], "
            f"end: {a}}}",
            f"  - {{check: range, value: {r}, min: 0, max: 100}}",
            f"  - {{check: range, value: {t}, min: 0, max: 10000000}}",
            f"  - {{check: range, value: [{a}, {b}], max: 5000}}",
        ]
    yaml = f"""\
report: {{id: bench, title: Thử tốc độ kiểm tra, date: 2024-12-16, place: Hà Nội,
         template: templates/mau.docx}}
issuer: {{name: ỦY BAN NHÂN DÂN}}
signer: {{title: CHỦ TỊCH, name: Nguyễn Văn An}}
data: {{file: so-lieu.csv, total_name: toàn tỉnh}}
indicators:
{chr(10).join(ind)}
checks:
{chr(10).join(checks)}
"""
    path = root / "bench.yaml"
    path.write_text(yaml, encoding="utf-8")
    return path


def run(path: Path) -> tuple[float, float, float, int]:
    """Time the three steps; return their seconds and the number of findings."""
    t0 = time.perf_counter()
    config = load_config(path)
    t1 = time.perf_counter()
    dataset = load_dataset(config)
    t2 = time.perf_counter()
    findings = validate(config, dataset)
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, len(findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--units", type=int, default=10_000, help="number of units")
    parser.add_argument(
        "--groups",
        type=int,
        default=10,
        help="groups of 5 indicators and 10 checks (default 10: 50 × 100)",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_project(Path(tmp), args.units, args.groups)
        size = (Path(tmp) / "so-lieu.csv").stat().st_size
        print(
            f"{args.units} đơn vị × {args.groups * 5} chỉ tiêu, {args.groups * 10} phép kiểm "
            f"tra; tệp CSV {size / 1e6:.1f} MB"
        )
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
        cfg, data, val, n = run(path)
        if args.profile:
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
    total = cfg + data + val
    print(f"load_config  {cfg:7.3f} s")
    print(f"load_dataset {data:7.3f} s")
    print(f"validate     {val:7.3f} s  ({n} kết quả)")
    print(f"tổng         {total:7.3f} s  → {args.units / total:,.0f} đơn vị/giây")
    return 0


if __name__ == "__main__":
    sys.exit(main())
