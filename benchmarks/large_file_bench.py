"""Benchmark: one ward from a very large data file — peak memory and time of ``check --unit``
and ``render --unit`` (the target: one unit from 100.000 rows under 300 MB).

    python benchmarks/large_file_bench.py [-n 100000] [--figures varied|repeated]

Writes (into a temporary directory) the demo definition without its whole-city row, last year's
file and village figures, and a CSV of N wards: with ``--figures repeated`` the demo's 12 wards
copied under new names (few distinct numbers, the easy case), with ``varied`` (the default) every
figure drawn at random in the range of the demo's, so that hardly two cells hold the same number.
Each command runs as ``python -m reportgen`` in a child process that reports its own peak resident
memory (Linux ``VmHWM``, read at exit: the figure ``/usr/bin/time -v`` prints as "Maximum resident
set size") and its CPU time.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20241202

_CHILD = """
import atexit, json, os, resource, runpy, sys
def _report():
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0])
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["RG_BENCH_OUT"], "w") as fh:
        json.dump({"peak_kb": peak, "cpu_s": cpu.ru_utime + cpu.ru_stime}, fh)
atexit.register(_report)
sys.argv = ["reportgen", *sys.argv[1:]]
runpy.run_module("reportgen", run_name="__main__")
"""


def _definition(tmp: Path) -> Path:
    """The demo definition reading ``inputs/lon.csv``: no whole-city row, no last year, no
    village table (those name the demo's own wards)."""
    text = (ROOT / "configs" / "giam-ngheo-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("file: ../inputs/giam-ngheo-2024.csv", "file: ../inputs/lon.csv", 1)
    text = re.sub(r"(?m)^  total_row: .*\n", "", text)
    text = re.sub(r"(?m)^  (previous|villages):[^\n]*\n(    [^\n]*\n)+", "", text)
    text = re.sub(r"(?m)^  - check: continuity\n(    [^\n]*\n)+", "", text)
    start = text.index("      - heading: Kết quả rà soát theo thôn, tổ dân phố")
    end = text.index("\n  - heading:", start) + 1
    text = text[:start] + text[end:]
    (tmp / "configs").mkdir()
    (tmp / "inputs").mkdir()
    config = tmp / "configs" / "lon.yaml"
    config.write_text(
        text.replace("../templates/", str(ROOT / "templates") + "/"), encoding="utf-8"
    )
    return config


def _vary(text: str, rng: random.Random) -> str:
    """A figure in the style of ``text`` (thousands dots, decimal comma) drawn at random."""
    if "," in text:
        whole, frac = text.split(",")
        top = max(10, int(whole.replace(".", "") or 0) * 2)
        return f"{rng.randint(0, top)},{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    top = max(10, int(text.replace(".", "") or 0) * 2)
    return f"{rng.randint(0, top):,}".replace(",", ".")


def write_rows(path: Path, n: int, *, varied: bool) -> str:
    """Write N wards to ``path``; return the name of one of them (the ward rendered)."""
    source = (ROOT / "inputs" / "giam-ngheo-2024.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(source), delimiter=";"))
    head, wards = rows[0], [r for r in rows[1:] if r and r[0] != "Tổng cộng"]
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(head)
        for i in range(n):
            row = list(wards[i % len(wards)])
            row[0] = f"{row[0]} {i + 1}"
            if varied:
                row[3:] = [_vary(cell, rng) for cell in row[3:]]
            out.writerow(row)
    return f"{wards[7 % len(wards)][0]} 8"


def run(args: list[str], cwd: Path) -> tuple[int, float, float, float]:
    """Run ``python -m reportgen ARGS``; return exit code, wall seconds, CPU seconds, peak MB."""
    result = cwd / "bench.json"
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        cwd=cwd,
        env={"RG_BENCH_OUT": str(result), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    measured = json.loads(result.read_text())
    return proc.returncode, wall, measured["cpu_s"], measured["peak_kb"] / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="wards in the data file")
    parser.add_argument("--figures", choices=("varied", "repeated"), default="varied")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        config = _definition(tmp)
        ward = write_rows(tmp / "inputs" / "lon.csv", args.n, varied=args.figures == "varied")
        size = (tmp / "inputs" / "lon.csv").stat().st_size / 1e6
        print(f"{args.n} wards ({args.figures} figures), {size:.1f} MB of CSV; the ward: {ward}")
        for label, cmd in (
            ("check --unit", ["check", str(config), "--unit", ward]),
            (
                "render --unit",
                ["render", str(config), "--unit", ward, "-o", str(tmp / "out"), "--force"],
            ),
        ):
            code, wall, cpu, peak = run(cmd, tmp)
            print(
                f"{label:14} exit {code}: peak {peak:.0f} MiB, {cpu:.1f} s CPU, {wall:.1f} s wall"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
