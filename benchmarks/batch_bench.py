"""Batch speed, side by side: reportgen and other engines on the same report, in one run.

    python benchmarks/batch_bench.py                          # N = 2000 units, 3 rounds
    python benchmarks/batch_bench.py --memory 10000           # … and peak memory at 10.000 units
    python benchmarks/batch_bench.py --units 300 --repeat 1   # a quick look
    python benchmarks/batch_bench.py --profile                # … and where reportgen's time goes
    bash benchmarks/peers/install.sh                          # once: docxtemplater and Carbone

Every measure renders the bundled demo report, its data grown to N wards plus the whole-city
report (whose two tables then have N rows each), and writes every document to disk in a fresh
folder under the current directory. The measures run interleaved — round 1 of each, then
round 2 of each … — and each figure is the median over the rounds, so a burst of other work on
the machine falls on every engine alike.

- reportgen, jobs 1 / jobs 2: ``reportgen.app.render`` with ``InProcessExecutor()`` or
  ``ProcessPool(2)`` — everything ``reportgen render --all --overwrite`` does: read the YAML,
  the CSV files and the template, validate every unit, render and write every .docx atomically,
  the findings and the manifest;
- floor: the same documents, contexts already built: the compiled template's render and a plain
  file write only (what reportgen cannot go below);
- docxtpl: the plain loop (open the template, render, save) with reportgen's context, filters
  and the template with the report body spliced in;
- docxtemplater and Carbone (Node; skipped with a note when ``node`` or the packages are
  missing): the same template translated to their tags — conditions with their ``else`` and
  ``elif``, loops, ``set`` — and every field's text and condition computed by reportgen
  beforehand (see peer_templates.py), read as JSON; they only fill, zip and write. A tag the
  translation does not handle skips the engine with a note naming the tag.

The slow engines (docxtpl, docxtemplater, Carbone) render ``--sample`` ward reports (spread
over the wards) and the city report each round; their docs/s is for the whole batch estimated
from those, (N + 1) / (N × mean ward time + city time). Node engines render the first report
five times untimed before (the JIT's warm-up, as a real batch of thousands would have it).
Before timing, one ward's report and the city's from each engine are compared paragraph by
paragraph with reportgen's — text, then paragraph and run formatting; a difference is printed
and marked in the table.

Each figure is given by the wall clock and per CPU second (this process and its workers, or
the Node process): on a machine shared with other work the wall clock says what a user waits,
CPU time what the engine costs. The Markdown table at the end is ready for the README, with the
machine, its load and the command. ``--only jobs1,floor`` runs some measures only;
``--memory N`` adds the peak memory of a fresh ``render --all`` of N units (``--memory-jobs
1,2``: in-process and with two workers).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import peer_templates  # noqa: E402

from reportgen.resources import DEMO, DEMO_FILES  # noqa: E402

# Work files go under the current directory, where real reports (outputs/) are written: the
# system temporary directory may sit on a much slower file system.
WORKDIR = Path.cwd()
NODE_ENGINES = ("docxtemplater", "carbone")


def make_project(root: Path, units: int) -> Path:
    """Copy the sample project and grow its data to ``units`` units (consistent figures)."""
    for rel in DEMO_FILES:
        dst = root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO / rel, dst)
    for name in ("giam-ngheo-2024.csv", "giam-ngheo-2023.csv"):
        path = root / "inputs" / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        # the wards only: the file's whole-city row is left out (its figures are the sums of
        # the 12 sample wards, not of the grown ones), and the city figures are computed
        head, body = rows[0], [r for r in rows[1:] if r and r[0] != "Tổng cộng"]
        out = [head]
        for i in range(units):
            row = list(body[i % len(body)])
            row[0] = f"{row[0]} {i // len(body) + 1}"
            out.append(row)
        buf = io.StringIO()
        csv.writer(buf, delimiter=";", lineterminator="\n").writerows(out)
        path.write_text(buf.getvalue(), encoding="utf-8-sig")
    config = root / "configs" / "giam-ngheo-2024.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^\s*total_row:.*\n", "", text)
    # no village figures either: they name the sample's wards, not the grown ones
    text = re.sub(r"(?m)^  villages:.*\n(?:    .*\n)*", "", text)
    config.write_text(text, encoding="utf-8")
    return config


def spliced_template(config_path: Path, out: Path) -> Path:
    """The template with the report body spliced in, for docxtpl and the peers.

    The appendices (phụ lục), which reportgen's engine adds after the signature block on
    landscape pages of their own, are spliced in at the end of the body: the peers cannot add
    a section, so theirs stay on portrait pages, with the same paragraphs and tables."""
    from reportgen.config.loader import load_config
    from reportgen.templating.body import APPENDIX_NAME, BLOCK_NAME, build_blocks

    config = load_config(config_path)
    blocks = build_blocks(config, config.template)
    body = blocks[BLOCK_NAME]
    appendix = blocks.get(APPENDIX_NAME, "")
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
                if appendix:  # before the document's own last section properties
                    at = xml.rindex("<w:sectPr")
                    xml = xml[:at] + appendix + xml[at:]
                data = xml.encode("utf-8")
            dst.writestr(info, data)
    return out


# --- the machine ----------------------------------------------------------------------------


def cpu_model() -> str:
    """The processor's name (Linux), else what the platform module says."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def node_version() -> str | None:
    """``node --version``, or None when Node is not installed."""
    node = shutil.which("node")
    if node is None:
        return None
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or None


def peer_version(package: str) -> str | None:
    """The installed version of an npm package in benchmarks/peers, or None."""
    meta = PEERS / "node_modules" / package / "package.json"
    try:
        return str(json.loads(meta.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def python_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def load_average() -> str:
    with contextlib.suppress(OSError):
        return " / ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())
    return "?"


# --- measures ---------------------------------------------------------------------------------


@dataclass
class Measure:
    """One engine's way of rendering the batch; ``run(round)`` returns the batch's docs/s by
    the wall clock and per CPU second (this process, its workers or the Node process)."""

    key: str
    label: str
    note: str
    run: Callable[[int], tuple[float, float]]
    rates: list[float] = field(default_factory=list)
    cpu_rates: list[float] = field(default_factory=list)
    idle_rates: list[float] = field(default_factory=list)
    """jobs 2 only: docs/s on an idle machine, estimated from CPU time as (parent's CPU +
    workers' CPU / workers)."""

    @property
    def median(self) -> float:
        return statistics.median(self.rates)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_rates)


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _cpu_split() -> tuple[float, float]:
    """CPU seconds used so far by this process, and by its finished children."""
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


@dataclass
class Setup:
    """Everything prepared once: the project, the renderer, contexts, peer templates and data."""

    tmp: Path
    units: int
    config_path: Path
    renderer: Any
    spliced: Path
    names: list[str]
    ward_indexes: list[int]
    city_index: int
    reference: dict[int, tuple[list[str], list[str]]]
    """Paragraph texts and layout of reportgen's reports for one ward and the city (for the
    check)."""


def _fresh(tmp: Path, name: str) -> Path:
    folder = tmp / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _estimate(units: int, seconds: list[float]) -> float:
    """docs/s of the whole batch (N wards and the city) from a sample of wards and the city
    (``seconds``: each ward's, then the city's)."""
    return (units + 1) / (units * statistics.fmean(seconds[:-1]) + seconds[-1])


def prepare(units: int, sample: int) -> Setup:
    from reportgen import app
    from reportgen.app.renderer import Renderer
    from reportgen.config.loader import load_config
    from reportgen.data.dataset import load_dataset
    from reportgen.resources import demo_config

    tmp = Path(tempfile.mkdtemp(prefix=".rg-bench-", dir=WORKDIR))
    # warm-up: every module imported and every cache filled before the first timed round
    app.render(demo_config(), out_dir=tmp / "warm-up", executor=app.InProcessExecutor())
    config_path = make_project(tmp / "project", units)
    config = load_config(config_path)
    dataset = load_dataset(config)
    renderer = Renderer(config, dataset)
    all_units = dataset.all_units()
    city_index = next(i for i, u in enumerate(all_units) if u.is_total)
    wards = [i for i, u in enumerate(all_units) if not u.is_total]
    step = max(1, len(wards) // max(1, sample))
    ward_indexes = wards[::step][:sample]
    reference = {}
    for i in (ward_indexes[0], city_index):
        docx = renderer.render(all_units[i], draft=False)
        reference[i] = (peer_templates.paragraph_texts(docx), peer_templates.paragraph_layout(docx))
    return Setup(
        tmp=tmp,
        units=units,
        config_path=config_path,
        renderer=renderer,
        spliced=spliced_template(config_path, tmp / "spliced.docx"),
        names=[u.name for u in all_units],
        ward_indexes=ward_indexes,
        city_index=city_index,
        reference=reference,
    )


def text_diff(expected: list[str], got: list[str], limit: int = 8) -> list[str]:
    """The paragraphs that differ, as unified-diff lines (at most ``limit`` changes)."""
    lines = [
        line.rstrip("\n")
        for line in difflib.unified_diff(expected, got, "reportgen", "engine", n=1, lineterm="")
    ][2:]
    changes = [i for i, line in enumerate(lines) if line[:1] in "+-"]
    if len(changes) > limit:
        lines = [*lines[: changes[limit]], f"… {len(changes) - limit} more changed lines"]
    return lines


def _check(setup: Setup, engine: str, outputs: dict[int, Path]) -> str:
    """Compare an engine's reports with reportgen's, paragraph by paragraph (text, then the
    properties of paragraphs and runs); print what differs."""
    notes = []
    for index, (expected, layout) in setup.reference.items():
        got = peer_templates.paragraph_texts(outputs[index])
        if got != expected:
            diff = text_diff(expected, got)
            changed = sum(1 for line in diff if line[:1] in "+-")
            notes.append(f"{setup.names[index]}: {changed} paragraphs differ")
            print(f"  ! {engine}, {setup.names[index]}:")
            for line in diff:
                print(f"    {line[:160]}")
            continue
        got_layout = peer_templates.paragraph_layout(outputs[index])
        wrong = [i for i, (a, b) in enumerate(zip(layout, got_layout, strict=True)) if a != b]
        if wrong:
            notes.append(f"{setup.names[index]}: formatting of {len(wrong)} paragraphs differs")
            for i in wrong[:3]:
                print(f"  ! {engine}, {setup.names[index]}, paragraph {i + 1} {got[i][:60]!r}:")
                print(f"    reportgen: {layout[i][:300]}")
                print(f"    {engine}: {got_layout[i][:300]}")
    if notes:
        print(f"  ! {engine}: output differs from reportgen's — " + "; ".join(notes))
        return "differs"
    return "same"


def reportgen_measure(setup: Setup, jobs: int) -> Measure:
    from reportgen import app

    def run(r: int) -> tuple[float, float]:
        out = _fresh(setup.tmp, f"jobs{jobs}")
        executor = app.InProcessExecutor() if jobs == 1 else app.ProcessPool(jobs)
        (own, kids), t = _cpu_split(), time.perf_counter()
        result = app.render(setup.config_path, out_dir=out, executor=executor, overwrite=True)
        seconds = time.perf_counter() - t
        own, kids = (a - b for a, b in zip(_cpu_split(), (own, kids), strict=True))
        rendered = result.count("rendered")
        if rendered != setup.units + 1:
            raise SystemExit(f"reportgen rendered {rendered} of {setup.units + 1} reports")
        if jobs > 1:
            measure.idle_rates.append((setup.units + 1) / (own + kids / jobs))
        return (setup.units + 1) / seconds, (setup.units + 1) / (own + kids)

    if jobs == 1:
        label = "reportgen `render --all`"
        note = (
            "trọn quy trình trong một tiến trình (`InProcessExecutor`): đọc YAML, CSV và mẫu, "
            "kiểm tra số liệu, điền, ghi an toàn từng tệp, kiem-tra.json, manifest"
        )
    else:
        label = f"reportgen `render --all --jobs {jobs}`"
        note = f"như trên, điền và ghi trong {jobs} tiến trình con (`ProcessPool({jobs})`)"
    measure = Measure(f"jobs{jobs}", label, note, run)
    return measure


def floor_measure(setup: Setup) -> Measure:
    renderer = setup.renderer
    units = list(renderer.units.values())
    contexts = [renderer.contexts.build(u) for u in units]

    def run(r: int) -> tuple[float, float]:
        folder = _fresh(setup.tmp, "floor")
        c, t = _cpu(), time.perf_counter()
        for n, ctx in enumerate(contexts):
            data = renderer.template.render(ctx, core_properties=renderer.props)
            (folder / f"{n}.docx").write_bytes(data)
        seconds, cpu = time.perf_counter() - t, _cpu() - c
        return len(contexts) / seconds, len(contexts) / cpu

    return Measure(
        "floor",
        "sàn: mẫu đã biên dịch + ghi zip chép nguyên byte",
        "ngữ cảnh dựng sẵn, không kiểm tra; chỉ điền, nén phần có thẻ, ghi tệp thường",
        run,
    )


def docxtpl_measure(setup: Setup) -> tuple[Measure, str]:
    from docxtpl import DocxTemplate

    from reportgen.templating.environment import make_env

    renderer = setup.renderer
    units = list(renderer.units.values())
    env = make_env()
    picks = [*setup.ward_indexes, setup.city_index]
    contexts = {i: renderer.contexts.build(units[i]) for i in picks}

    def one(i: int, folder: Path) -> tuple[float, float]:
        c, t = time.process_time(), time.perf_counter()
        doc = DocxTemplate(str(setup.spliced))
        doc.render(contexts[i], jinja_env=env, autoescape=True)
        doc.save(str(folder / f"{i}.docx"))
        return time.perf_counter() - t, time.process_time() - c

    check_dir = _fresh(setup.tmp, "docxtpl-check")
    for i in setup.reference:
        one(i, check_dir)
    same = _check(setup, "docxtpl", {i: check_dir / f"{i}.docx" for i in setup.reference})

    def run(r: int) -> tuple[float, float]:
        folder = _fresh(setup.tmp, "docxtpl")
        times = [one(i, folder) for i in picks]
        return (
            _estimate(setup.units, [w for w, _ in times]),
            _estimate(setup.units, [c for _, c in times]),
        )

    return (
        Measure(
            "docxtpl",
            f"docxtpl {python_version('docxtpl')}, vòng lặp thường",
            "mở mẫu, điền, lưu từng báo cáo; cùng mẫu (đã ghép phần thân), ngữ cảnh và bộ lọc "
            "của reportgen",
            run,
        ),
        same,
    )


def node_measure(setup: Setup, engine: str) -> tuple[Measure, str]:
    """docxtemplater or Carbone through ``benchmarks/peers/render.js``."""
    from reportgen.templating.environment import make_env

    renderer = setup.renderer
    units = list(renderer.units.values())
    peer = peer_templates.PEERS[engine]
    trees = peer_templates.trees_of(setup.spliced, peer.whole_rows)
    template = peer_templates.write_template(
        setup.spliced, setup.tmp / f"{engine}.docx", peer.writer, trees
    )
    builder = peer_templates.DataBuilder(trees, make_env())
    picks = [*setup.ward_indexes, setup.city_index]
    data = {i: builder.unit(renderer.contexts.build(units[i])) for i in picks}

    def call(indexes: list[int], folder: Path) -> tuple[list[float], list[float]]:
        data_file = peer_templates.write_data(
            setup.tmp / f"{engine}.json", [(f"{i}.docx", data[i]) for i in indexes]
        )
        proc = subprocess.run(
            ["node", str(PEERS / "render.js"), engine, str(template), str(data_file), str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"{engine} failed:\n{proc.stderr[-2000:]}")
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        return list(out["seconds"]), list(out["cpu"])

    check_dir = _fresh(setup.tmp, f"{engine}-check")
    call(list(setup.reference), check_dir)
    same = _check(setup, engine, {i: check_dir / f"{i}.docx" for i in setup.reference})

    def run(r: int) -> tuple[float, float]:
        seconds, cpu = call(picks, _fresh(setup.tmp, engine))
        return _estimate(setup.units, seconds), _estimate(setup.units, cpu)

    version = peer_version(engine)
    node = node_version() or "?"
    if engine == "docxtemplater":
        label = f"docxtemplater {version} + PizZip (Node {node})"
        how = "`new Docxtemplater(new PizZip(mẫu))`, `render`, nén DEFLATE, ghi tệp"
    else:
        label = f"Carbone {version} (Node {node})"
        how = "`carbone.render` docx → docx (không chuyển PDF), ghi tệp"
    return (
        Measure(
            engine,
            label,
            how + f"; mẫu dịch sang thẻ của nó ({vn(peer_templates.tag_count(template, engine))} "
            f"thẻ; mẫu của reportgen {vn(peer_templates.tag_count(setup.spliced, 'reportgen'))}"
            "), chữ của mọi trường và mọi điều kiện tính sẵn bằng reportgen (JSON)",
            run,
        ),
        same,
    )


def peers_status() -> tuple[bool, str]:
    """Whether the Node peers can run, else why not."""
    if shutil.which("node") is None:
        return False, "node is not installed: docxtemplater and Carbone skipped"
    missing = [p for p in ("docxtemplater", "pizzip", "carbone") if peer_version(p) is None]
    if missing:
        return False, (
            f"npm packages missing ({', '.join(missing)}): docxtemplater and Carbone skipped; "
            "install them with `bash benchmarks/peers/install.sh`"
        )
    return True, ""


# --- memory -----------------------------------------------------------------------------------


def peak_memory(units: int, jobs: int) -> tuple[float, float, float]:
    """Peak RSS (MB) of a fresh ``reportgen render --all`` over ``units`` units — this process
    and its largest worker — and its seconds."""
    tmp = Path(tempfile.mkdtemp(prefix=".rg-bench-", dir=WORKDIR))
    try:
        config = make_project(tmp / "project", units)
        executor = "InProcessExecutor()" if jobs == 1 else f"ProcessPool({jobs})"
        code = (
            "import resource, time\n"
            "from reportgen import app\n"
            "t = time.perf_counter()\n"
            f"r = app.render({str(config)!r}, out_dir={str(tmp / 'out')!r}, "
            f"executor=app.{executor}, overwrite=True)\n"
            "s = time.perf_counter() - t\n"
            # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report
            # the size of this benchmark process that forked the measured one
            "own = next(int(l.split()[1]) for l in open('/proc/self/status') "
            "if l.startswith('VmHWM'))\n"
            "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(own, kids, s, r.count('rendered'))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        own, kids, seconds, rendered = proc.stdout.split()
        assert int(rendered) == units + 1, proc.stdout
        return int(own) / 1024, int(kids) / 1024, float(seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- output -----------------------------------------------------------------------------------


def vn(x: float, digits: int = 0) -> str:
    """A number the Vietnamese way: 1.234,5."""
    text = f"{x:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def print_table(
    measures: list[Measure],
    checks: dict[str, str],
    memory: list[tuple[int, int, float, float, float]],
    args: argparse.Namespace,
    notes: list[str],
    load_before: str,
) -> None:
    by = {m.key: m for m in measures}
    base = by["jobs1"].median
    command = "python benchmarks/batch_bench.py " + " ".join(sys.argv[1:])
    node = node_version()
    print()
    print(
        f"Máy: {os.cpu_count()} lõi {cpu_model()}, Python {platform.python_version()}"
        + (f", Node {node}" if node else "")
        + f"; tải máy (load average 1/5/15 phút) lúc bắt đầu {load_before}, lúc kết thúc "
        f"{load_average()}."
    )
    print(
        f"Lệnh: `{command.strip()}` — {vn(args.units)} phường, xã và báo cáo toàn thành phố; "
        f"trung vị của {args.repeat} lượt đo xen kẽ."
    )
    print()
    print(
        "| Cách sinh | báo cáo/giây (trung vị; thấp nhất–cao nhất) | so với reportgen "
        "| báo cáo/giây CPU | Làm gì |"
    )
    print("|---|---:|---:|---:|---|")
    for m in measures:
        spread = f" ({vn(min(m.rates))}–{vn(max(m.rates))})" if len(m.rates) > 1 else ""
        check = {"same": "", "differs": " — **nội dung khác reportgen**"}.get(
            checks.get(m.key, ""), ""
        )
        print(
            f"| {m.label} | {vn(m.median)}{spread} | {vn(m.median / base, 2)}× "
            f"| {vn(m.cpu_median)} | {m.note}{check} |"
        )
    print()
    targets = []
    if "floor" in by:
        targets.append(
            f"sàn / jobs 1 = {vn(by['floor'].median / base, 2)}× theo đồng hồ, "
            f"{vn(by['floor'].cpu_median / by['jobs1'].cpu_median, 2)}× theo CPU "
            "(mục tiêu ≤ 1,5×)"
        )
    if "jobs2" in by:
        idle = statistics.median(by["jobs2"].idle_rates) / by["jobs1"].cpu_median
        targets.append(
            f"jobs 2 / jobs 1 = {vn(by['jobs2'].median / base, 2)}× theo đồng hồ; trên máy "
            f"rảnh ước {vn(idle, 2)}× (từ thời gian CPU: tiến trình chính + CPU các tiến trình "
            "con / 2) (mục tiêu ≥ 1,7×)"
        )
    if targets:
        print("; ".join(targets) + ".")
    for units, jobs, own, kids, seconds in memory:
        print(
            f"Bộ nhớ đỉnh, {vn(units)} đơn vị, jobs {jobs}: tiến trình chính {vn(own)} MB"
            + (f", tiến trình con lớn nhất {vn(kids)} MB" if jobs > 1 else "")
            + f" ({vn(seconds, 1)} giây, {vn(units / seconds)} báo cáo/giây; mục tiêu ≤ ~285 MB)."
        )
    for note in notes:
        print(f"- {note}.")


# --- profile ----------------------------------------------------------------------------------


def profile(setup: Setup) -> None:
    """Where a jobs-1 and a jobs-2 run spend their time (see batch_profile.py)."""
    import batch_profile

    batch_profile.run(setup.config_path, setup.tmp, setup.units)


@contextlib.contextmanager
def _kept(tmp: Path, keep: bool) -> Iterator[None]:
    try:
        yield
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--units", type=int, default=2000, help="wards in the batch (default 2000)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved rounds (median kept)")
    ap.add_argument(
        "--sample",
        type=int,
        default=60,
        help="ward reports per round for the slow engines (docxtpl, Node peers)",
    )
    ap.add_argument(
        "--only",
        default="jobs1,jobs2,floor,docxtpl,docxtemplater,carbone",
        help="comma-separated measures to run",
    )
    ap.add_argument(
        "--memory", type=int, default=0, help="also measure peak memory of a batch this large"
    )
    ap.add_argument(
        "--memory-jobs",
        default="1",
        help="comma-separated worker counts for the memory batch (default 1)",
    )
    ap.add_argument("--profile", action="store_true", help="also profile a jobs-1 and a jobs-2 run")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (.rg-bench-*)")
    args = ap.parse_args()
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    load_before = load_average()
    notes: list[str] = []

    setup = prepare(args.units, args.sample)
    with _kept(setup.tmp, args.keep):
        measures: list[Measure] = []
        checks: dict[str, str] = {}
        for key in wanted:
            if key in ("jobs1", "jobs2"):
                measures.append(reportgen_measure(setup, int(key[-1])))
            elif key == "floor":
                measures.append(floor_measure(setup))
            elif key == "docxtpl":
                m, checks[key] = docxtpl_measure(setup)
                measures.append(m)
            elif key in NODE_ENGINES:
                ok, why = peers_status()
                if not ok:
                    if why not in notes:
                        print(f"note: {why}")
                        notes.append(why)
                    continue
                try:
                    m, checks[key] = node_measure(setup, key)
                except peer_templates.Unsupported as exc:
                    why = (
                        f"{key} bỏ qua: mẫu của báo cáo có thẻ mà bước chuyển sang thẻ của "
                        f"docxtemplater/Carbone chưa dịch được ({exc})"
                    )
                    print(f"note: {why}")
                    notes.append(why)
                    continue
                measures.append(m)
            else:
                raise SystemExit(f"unknown measure {key!r}")
        if "jobs1" not in {m.key for m in measures}:
            measures.insert(0, reportgen_measure(setup, 1))
        sampled = [m.label.split(" ")[0] for m in measures if m.key in ("docxtpl", *NODE_ENGINES)]
        if sampled:
            notes.append(
                f"{', '.join(sampled)}: mỗi lượt điền {len(setup.ward_indexes)} báo cáo phường, "
                "xã và báo cáo toàn thành phố; số báo cáo/giây là của cả loạt, ước từ đó "
                "((N + 1) / (N × thời gian trung bình một phường + thời gian toàn thành phố))"
            )
            names = {"docxtpl": "docxtpl", "docxtemplater": "docxtemplater", "carbone": "Carbone"}
            checked = [names[k] for k, v in checks.items() if v == "same"]
            if checked:
                notes.append(
                    f"{', '.join(checked)}: báo cáo của một phường và của toàn thành phố có "
                    "cùng các đoạn văn, cùng số hàng bảng, cùng chữ, cùng định dạng đoạn và chữ "
                    "như của reportgen (đã so từng đoạn)"
                )
        notes.append(
            "báo cáo/giây CPU: chia cho thời gian CPU (của tiến trình đo, các tiến trình con, "
            "hoặc tiến trình Node) thay cho thời gian đồng hồ — ít phụ thuộc việc khác đang chạy "
            "trên máy"
        )
        for r in range(args.repeat):
            for m in measures:
                wall, cpu = m.run(r)
                m.rates.append(wall)
                m.cpu_rates.append(cpu)
                print(
                    f"round {r + 1}: {m.key:14} {wall:9.1f} docs/s  {cpu:9.1f} docs/CPU-s",
                    flush=True,
                )
        memory = []
        if args.memory:
            for jobs in (int(j) for j in args.memory_jobs.split(",")):
                own, kids, seconds = peak_memory(args.memory, jobs)
                memory.append((args.memory, jobs, own, kids, seconds))
        print_table(measures, checks, memory, args, notes, load_before)
        if args.profile:
            profile(setup)


if __name__ == "__main__":
    main()
