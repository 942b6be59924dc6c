"""Benchmark: read a clerk's workbook of N units (default 10.000) through the demo definition.

    python benchmarks/read_bench.py [-n 10000] [--csv-rows 100000]

Writes (into a temporary directory) the demo's biểu mẫu layout — two sheets, a three-row merged
header, a numbering row, "Tổng cộng" and group rows, notes under the table — with N units (the
demo's 12 repeated under new names, the group rows kept true), then times ``load_dataset`` on
it and on the same figures as CSV, and prints seconds and units per second.

With ``--csv-rows R`` it also runs ``reportgen check --unit`` on an R-row CSV in a child process
and prints its peak memory (the target: one unit from 100.000 rows under 300 MB).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_sample_data import write_workbook  # noqa: E402

from reportgen.config.loader import load_config  # noqa: E402
from reportgen.data.dataset import load_dataset  # noqa: E402


def demo_rows() -> list[dict[str, str]]:
    """The demo's 2024 ward rows (as the CSV has them; its whole-city row left out)."""
    text = (ROOT / "inputs" / "giam-ngheo-2024.csv").read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return [r for r in rows if r.get("don_vi") != "Tổng cộng"]


def total_row() -> dict[str, str]:
    """The demo's whole-city row, as the CSV has it."""
    text = (ROOT / "inputs" / "giam-ngheo-2024.csv").read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return next(r for r in rows if r.get("don_vi") == "Tổng cộng")


def many(rows: list[dict[str, str]], n: int) -> list[dict[str, str]]:
    """``n`` units: the demo's rows repeated, each copy with its own unit names."""
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        if i >= len(rows):
            row["don_vi"] = f"{row['don_vi']} {i // len(rows) + 1}"
        out.append(row)
    return out


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    """The rows as the demo's CSV (UTF-8 with BOM, ';')."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="units in the workbook")
    parser.add_argument("--csv-rows", type=int, default=0, help="also measure a one-unit check")
    args = parser.parse_args(argv)
    config = load_config(ROOT / "configs" / "giam-ngheo-2024.yaml")
    # the grown files have wards only: the city's figures are computed from them
    # (and no village figures: those name the sample's wards)
    config = dataclasses.replace(
        config, data=dataclasses.replace(config.data, total_row=None, villages=None)
    )
    rows = many(demo_rows(), args.n)
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "bieu-mau.xlsx"
        t0 = time.perf_counter()
        write_workbook(book, rows)
        written = time.perf_counter() - t0
        table = Path(tmp) / "so-lieu.csv"
        write_csv(table, rows)
        t0 = time.perf_counter()
        ds = load_dataset(config, book)
        xlsx_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        ds_csv = load_dataset(config, table)
        csv_s = time.perf_counter() - t0
        by_name = {u.name: u.values for u in ds_csv.units}
        assert {u.name: u.values for u in ds.units} == by_name  # wards first in the workbook
        print(f"workbook written in {written:.1f} s ({book.stat().st_size / 1e6:.1f} MB)")
        print(
            f"workbook: {len(ds.units)} units read in {xlsx_s:.2f} s "
            f"({len(ds.units) / xlsx_s:,.0f} units/s)"
        )
        print(
            f"CSV:      {len(ds_csv.units)} units read in {csv_s:.2f} s "
            f"({len(ds_csv.units) / csv_s:,.0f} units/s)"
        )
        print(
            f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        if args.csv_rows:
            big = Path(tmp) / "lon.csv"
            write_csv(big, [*many(demo_rows(), args.csv_rows), total_row()])
            t0 = time.perf_counter()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import resource, sys; from reportgen.app import pipeline; "
                    f"r = pipeline.check({str(ROOT / 'configs' / 'giam-ngheo-2024.yaml')!r}, "
                    f"data_file={str(big)!r}, units=['Phường Trần Phú']); "
                    "print(r.summary.errors, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            )
            errors, peak = proc.stdout.split()
            print(
                f"check --unit on {args.csv_rows} rows: {time.perf_counter() - t0:.1f} s, "
                f"peak {int(peak) / 1024:.0f} MB, {errors} errors"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
