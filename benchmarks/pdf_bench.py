"""PDF speed: the converter pool against LibreOffice's own command line, on the demo's ward
reports (A4, three or four pages each; the run prints how many).

    python benchmarks/pdf_bench.py                  # 48 ward reports, 2 instances, 6 one-by-one
    python benchmarks/pdf_bench.py --docs 96 --instances 2 --single 4

What it measures, in one run, on the same .docx files:

- one ``soffice --convert-to pdf`` call per file (LibreOffice started for every document),
  on ``--single`` files;
- one ``soffice --convert-to pdf`` call for the whole batch (LibreOffice started once);
- ``--instances`` such batch calls side by side, each with its own profile (the best the
  command line can do on several cores);
- reportgen's pool with ``--instances`` instances, as ``reportgen pdf`` runs it: from nothing
  to every PDF written beside its .docx (LibreOffice start-up included), and its steady rate
  once the instances run.

Every figure is documents per second, wall clock, with the CPU time LibreOffice used per
document (start-up included). The machine's load is printed before and after: other programs
running at the same time slow every column, and the CPU time per document says what the same
run would reach on free cores.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pypdf import PdfReader  # noqa: E402

from reportgen.outputs.folder import batch_from_path  # noqa: E402
from reportgen.outputs.lopool import ConverterPool, find_tools  # noqa: E402
from reportgen.outputs.pdf import PdfWriter  # noqa: E402
from reportgen.resources import demo_config  # noqa: E402

WORKDIR = Path.cwd()


def ward_reports(root: Path, count: int) -> list[Path]:
    """Render the demo and copy its ward reports (not the city's) to ``count`` files."""
    from reportgen.app import pipeline

    result = pipeline.render(demo_config(), out_dir=root / "render", jobs=1)
    wards = sorted(p for p in result.out_dir.glob("*.docx") if not p.name.startswith("thanh-pho"))
    folder = root / "docs"
    folder.mkdir()
    out = []
    for i in range(count):
        dst = folder / f"{i:04d}-{wards[i % len(wards)].name}"
        shutil.copyfile(wards[i % len(wards)], dst)
        out.append(dst)
    return out


def soffice(files: Sequence[Path], outdir: Path, profile: Path) -> subprocess.Popen[bytes]:
    """Start one ``soffice --convert-to pdf`` call on ``files``."""
    outdir.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def warm_profile(root: Path, name: str, sample: Path) -> Path:
    """A LibreOffice profile that has been used once (first start builds it: not measured)."""
    profile = root / name
    soffice([sample], root / f"{name}-warm", profile).wait()
    return profile


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and theirs: LibreOffice)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pool_cpu(pool: ConverterPool) -> float:
    """CPU seconds used so far by the pool's running instances (worker and LibreOffice), read
    from /proc (Linux): their time is not counted among finished children while they run."""
    pids = [i.proc.pid for i in pool._instances.values()] + pool.soffice_pids()
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def rate(count: int, seconds: float, cpu: float) -> str:
    return (
        f"{count / seconds:6.1f} docs/s  ({count} in {seconds:5.1f} s; "
        f"LibreOffice CPU {cpu / count:.3f} s/doc)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=48, help="ward reports to convert")
    ap.add_argument("--instances", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--single", type=int, default=6, help="files for the one-call-per-file run")
    ap.add_argument(
        "--plain",
        action="store_true",
        help="the pool opens each report as it is, for editing (not a copy without unused "
        "styles, for viewing only)",
    )
    args = ap.parse_args()
    if args.plain:
        os.environ["REPORTGEN_PDF_LEAN"] = "0"
        os.environ["REPORTGEN_PDF_PREVIEW"] = "0"
    tools = find_tools()
    print(f"LibreOffice: {tools.program}; UNO bridge run by {tools.python}")
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(dir=WORKDIR, prefix=".pdf-bench-") as tmp:
        root = Path(tmp)
        files = ward_reports(root, args.docs)
        profiles = [warm_profile(root, f"profile-{i}", files[0]) for i in range(args.instances)]
        print(f"{len(files)} ward reports; {args.instances} instances\n")

        c, t = children_cpu(), time.perf_counter()
        for f in files[: args.single]:
            soffice([f], root / "single", profiles[0]).wait()
        single = time.perf_counter() - t
        print(f"soffice, one call per file       {rate(args.single, single, children_cpu() - c)}")

        c, t = children_cpu(), time.perf_counter()
        soffice(files, root / "batch", profiles[0]).wait()
        batch = time.perf_counter() - t
        print(f"soffice, one call for the batch  {rate(len(files), batch, children_cpu() - c)}")

        parts = [files[i :: args.instances] for i in range(args.instances)]
        c, t = children_cpu(), time.perf_counter()
        calls = [soffice(p, root / f"side-{i}", profiles[i]) for i, p in enumerate(parts)]
        for call in calls:
            call.wait()
        side = time.perf_counter() - t
        label = f"soffice, {args.instances} batch calls at once"
        print(f"{label:<33}{rate(len(files), side, children_cpu() - c)}")

        # the pool as `reportgen pdf` runs it: every PDF written beside its .docx
        written = batch_from_path(files[0].parent)
        c, t = children_cpu(), time.perf_counter()
        with ConverterPool(args.instances, timeout=300) as pool:
            warm = pool.convert(files[: args.instances])
            started, running = time.perf_counter(), pool_cpu(pool)
            result = PdfWriter(pool).write(written)
            done, running = time.perf_counter(), pool_cpu(pool) - running
            restarted = pool.restarts
        cpu = children_cpu() - c
        total, steady = done - t, done - started
        bad = [r for r in warm if r.status != "ok"]
        assert not bad and not result.diagnostics, (bad, result.diagnostics[:3])
        assert len(result.files) == len(files)
        whole = len(files) + args.instances
        pages = len(PdfReader(io.BytesIO(result.files[0].path.read_bytes())).pages)
        print(f"reportgen pool, start included   {rate(whole, total, cpu)}")
        print(
            f"reportgen pool, once running     {len(files) / steady:6.1f} docs/s  "
            f"(CPU of worker + LibreOffice {running / len(files):.3f} s/doc"
            + (f"; {restarted} restarts, not counted" if restarted else "")
            + ")"
        )
        print(
            f"\npool (start included) / one batch call: "
            f"{(whole / total) / (len(files) / batch):.2f}x; "
            f"/ one call per file: {(whole / total) / (args.single / single):.1f}x"
        )
        cores = os.cpu_count() or 1
        print(
            f"LibreOffice CPU per document in the pool: {cpu / whole:.3f} s with start-up, "
            f"{running / len(files):.3f} s once running; on {cores} free cores that is at "
            f"most {cores * whole / cpu:.1f} docs/s from nothing, "
            f"{cores * len(files) / running:.1f} docs/s once running"
        )
        print(f"each ward report: {pages} A4 pages; load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
