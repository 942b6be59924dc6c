"""Batch speed: the bundled report for N units, rendered the plain docxtpl way and reportgen's way.

    python benchmarks/batch_bench.py                 # N = 500 units, docxtpl on 40 of them
    python benchmarks/batch_bench.py --units 2000 --memory 10000

What it measures, all in one run on the same template, data and filters (one core):

- plain docxtpl loop: for each document open the template, render, save (docs/s);
- reportgen, everything: read the config and the data, validate every unit, render and write
  every .docx (docs/s, validation included);
- floor: render + zip write of the same documents with contexts already built (docs/s);
- with ``--memory N``: peak memory of a whole ``reportgen render`` batch of N units, measured
  in a fresh process (validation included).

The docxtpl loop is given the same template with the report body already spliced in (docxtpl
cannot splice it), the same context and the same Vietnamese filters.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportgen.resources import DEMO, DEMO_FILES  # noqa: E402

# Work files go under the current directory, where real reports (outputs/) are written: the
# system temporary directory may sit on a much slower file system.
WORKDIR = Path.cwd()


def make_project(root: Path, units: int) -> Path:
    """Copy the sample project and grow its data to ``units`` units (consistent figures)."""
    for rel in DEMO_FILES:
        dst = root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO / rel, dst)
    for name in ("giam-ngheo-2024.csv", "giam-ngheo-2023.csv"):
        path = root / "inputs" / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        head, body = rows[0], rows[1:]
        out = [head]
        for i in range(units):
            row = list(body[i % len(body)])
            row[0] = f"{row[0]} {i // len(body) + 1}"
            out.append(row)
        buf = io.StringIO()
        csv.writer(buf, delimiter=";", lineterminator="\n").writerows(out)
        path.write_text(buf.getvalue(), encoding="utf-8-sig")
    return root / "configs" / "giam-ngheo-2024.yaml"


def spliced_template(config_path: Path, out: Path) -> Path:
    """The template with the report body spliced in, for docxtpl."""
    from reportgen.config.loader import load_config
    from reportgen.templating.body import build_body

    config = load_config(config_path)
    body = build_body(config)
    src = zipfile.ZipFile(config.template)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = re.sub(
                    r"<w:p>(?:(?!<w:p>).)*?\{\{p noi_dung \}\}.*?</w:p>",
                    lambda _: body,
                    xml,
                    count=1,
                    flags=re.S,
                )
                data = xml.encode("utf-8")
            dst.writestr(info, data)
    return out


def _best(run: Callable[[int], float], repeat: int) -> float:
    """The shortest of ``repeat`` timings (the least disturbed by the rest of the machine)."""
    return min(run(i) for i in range(repeat))


def bench(units: int, plain_docs: int, repeat: int = 3) -> dict[str, float]:
    from docxtpl import DocxTemplate

    from reportgen.app import pipeline
    from reportgen.config.loader import load_config
    from reportgen.data.dataset import load_dataset
    from reportgen.templating.environment import make_env
    from reportgen.validate.runner import validate

    tmp = Path(tempfile.mkdtemp(prefix=".rg-bench-", dir=WORKDIR))
    try:
        config_path = make_project(tmp / "project", units)
        config = load_config(config_path)
        dataset = load_dataset(config)
        renderer = pipeline.Renderer(config, dataset)
        names = [u.name for u in dataset.units]
        sample = dataset.units[:plain_docs]
        contexts = [renderer.contexts.build(u) for u in sample]
        spliced = spliced_template(config_path, tmp / "spliced.docx")
        env = make_env()

        def plain(_: int) -> float:
            t = time.perf_counter()
            for ctx in contexts:
                doc = DocxTemplate(str(spliced))
                doc.render(ctx, jinja_env=env, autoescape=True)
                doc.save(io.BytesIO())
            return (time.perf_counter() - t) / len(contexts)

        def full(i: int) -> float:
            # config, data, validation, render and atomic write of every unit's report
            t = time.perf_counter()
            result = pipeline.render(config_path, out_dir=tmp / f"out{i}", jobs=1, units=names)
            seconds = time.perf_counter() - t
            assert result.count("rendered") == units, result.outputs[:3]
            return seconds / units

        all_ctx = [renderer.contexts.build(u) for u in dataset.units]

        def floor(i: int) -> float:
            # render + zip write of the same documents, contexts already built
            folder = tmp / f"floor{i}"
            folder.mkdir()
            t = time.perf_counter()
            for n, ctx in enumerate(all_ctx):
                data = renderer.template.render(ctx, core_properties=renderer.props)
                (folder / f"{n}.docx").write_bytes(data)
            return (time.perf_counter() - t) / units

        per_plain = _best(plain, repeat)
        per_full = _best(full, repeat)
        per_floor = _best(floor, repeat)
        t = time.perf_counter()
        validate(config, dataset)
        validate_s = time.perf_counter() - t
        return {
            "plain": 1 / per_plain,
            "full": 1 / per_full,
            "floor": 1 / per_floor,
            "full_s": per_full * units,
            "validate_s": validate_s,
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def peak_memory(units: int, jobs: int) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh ``reportgen render`` over ``units`` units, and its seconds."""
    tmp = Path(tempfile.mkdtemp(prefix=".rg-bench-", dir=WORKDIR))
    try:
        config = make_project(tmp / "project", units)
        code = (
            "import resource, sys, time\n"
            "from reportgen.app import pipeline\n"
            "t = time.perf_counter()\n"
            f"r = pipeline.render({str(config)!r}, out_dir={str(tmp / 'out')!r}, jobs={jobs})\n"
            "s = time.perf_counter() - t\n"
            "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(own, kids, s, r.count('rendered'))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        own, kids, seconds, rendered = proc.stdout.split()
        assert int(rendered) == units + 1, proc.stdout
        return max(int(own), int(kids)) / 1024, float(seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=500, help="units rendered by reportgen")
    ap.add_argument("--plain", type=int, default=40, help="documents for the docxtpl loop")
    ap.add_argument(
        "--memory",
        type=int,
        default=0,
        help="also measure peak memory of a batch of this many units",
    )
    ap.add_argument("--jobs", type=int, default=1, help="processes for the memory batch")
    ap.add_argument("--repeat", type=int, default=3, help="timings per measure (best is kept)")
    args = ap.parse_args()
    r = bench(args.units, min(args.plain, args.units), args.repeat)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"plain docxtpl loop      : {r['plain']:8.1f} docs/s")
    print(
        f"reportgen (all, 1 core) : {r['full']:8.1f} docs/s  "
        f"({args.units} units in {r['full_s']:.2f} s, validation {r['validate_s']:.2f} s)"
    )
    print(f"floor (render+zip)      : {r['floor']:8.1f} docs/s")
    print(f"reportgen / docxtpl     : {r['full'] / r['plain']:8.1f} x")
    print(f"floor / reportgen       : {r['floor'] / r['full']:8.2f} x")
    if args.memory:
        mb, seconds = peak_memory(args.memory, args.jobs)
        print(
            f"peak memory, {args.memory} units, jobs={args.jobs}: {mb:.0f} MB "
            f"({seconds:.1f} s, {args.memory / seconds:.0f} docs/s)"
        )


if __name__ == "__main__":
    main()
