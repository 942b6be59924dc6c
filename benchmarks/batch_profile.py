"""Where a batch's time goes: ``python benchmarks/batch_bench.py --profile`` (or run this file).

Three looks at one ``reportgen.app.render`` of the demo batch, without changing reportgen:

1. phases, jobs 1 and jobs 2: the application layer's steps (load, checks, plan, template,
   executor, flush, findings and manifest) timed by wrapping them, and for jobs 2 the workers'
   own time (from the pool's start to each worker's first job, busy time, results);
2. per report, jobs 1: context, Jinja (per templated part), core properties, zip assembly,
   deflate, SHA-256 and the atomic write (temporary file, write, close, rename) timed the same
   way, then a cProfile of the render step grouped by library;
3. the write alone: the same report written N times by each way of writing a file (what
   reportgen does now, and cheaper ways that stay atomic), in a fresh folder;
4. changes tried by patching reportgen in this process only (a temporary name without
   mkstemp, gc.freeze() before the render step, syncfs instead of os.sync), jobs 1 and 2.

Every figure is wall clock and CPU time; on a busy machine trust CPU time more.
"""

from __future__ import annotations

import contextlib
import cProfile
import hashlib
import itertools
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# --- timers ------------------------------------------------------------------------------------

_TIMES: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
"""name → [wall seconds, CPU seconds, calls], in this process."""


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        c, t = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            slot = _TIMES[name]
            slot[0] += time.perf_counter() - t
            slot[1] += time.process_time() - c
            slot[2] += 1

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


@contextlib.contextmanager
def _patched(patches: list[tuple[Any, str, Callable[[Any], Any]]]) -> Iterator[None]:
    """Replace ``owner.name`` by ``make(original)`` for the duration (a name reportgen no
    longer has is left out, with a note)."""
    saved = []
    for owner, name, make in patches:
        original = getattr(owner, name, None)
        if original is None:
            print(f"  (not timed: {getattr(owner, '__name__', owner)}.{name} is gone)")
            continue
        saved.append((owner, name, original))
        setattr(owner, name, make(original))
    try:
        yield
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)


class _OsShim:
    """``os`` for reportgen.outputs.atomic, with the calls of a write timed."""

    def __init__(self) -> None:
        for name in ("open", "write", "close", "replace", "fchmod", "link", "unlink"):
            setattr(self, name, _timed(f"write: os.{name}", getattr(os, name)))

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


class _HashlibShim:
    def __init__(self) -> None:
        self.sha256 = _timed("sha256", hashlib.sha256)

    def __getattr__(self, name: str) -> Any:
        return getattr(hashlib, name)


def _phase_patches() -> list[tuple[Any, str, Callable[[Any], Any]]]:
    from reportgen.app import pipeline

    names = {
        "load": "1 load: YAML, CSV (this year, last year), template path",
        "select_units": "2 select units",
        "validate": "3 checks (validate)",
        "plan_batch": "4 plan",
        "Renderer": "5 prepare template, context builder",
        "_set_aside": "6 set aside",
        "flush_all": "8 flush_all (os.sync)",
        "format_json": "9 findings: JSON",
        "format_table": "9 findings: text",
        "_write_text": "9 write findings + manifest",
    }
    out: list[tuple[Any, str, Callable[[Any], Any]]] = [
        (pipeline, n, lambda f, label=label: _timed(label, f)) for n, label in names.items()
    ]
    out.append(
        (
            pipeline.manifests,
            "build",
            lambda f: _timed("9 manifest: build (hashes of the inputs)", f),
        )
    )
    from reportgen import docx
    from reportgen.data import dataset
    from reportgen.templating import body, context

    # steps inside the steps above (named "N.n", not added to the total)
    inner = {
        (pipeline, "load_config"): "1.1 YAML: load_config (schema, section texts)",
        (pipeline, "load_dataset"): "1.2 data: load_dataset",
        (dataset, "read_table"): "1.2.1 read CSV (both years)",
        (dataset, "build_units"): "1.2.2 build units (names, keys, slugs, totals)",
        (body, "build_body"): "5.1 build report body (OOXML)",
        (body, "style_ids"): "5.2 style ids from the template",
        (context, "ContextBuilder"): "5.4 context builder (every unit's figures, tables)",
    }
    out += [(o, n, lambda f, label=label: _timed(label, f)) for (o, n), label in inner.items()]
    out.append(
        (
            docx.PreparedTemplate,
            "from_file",
            lambda f: _timed("5.3 template: read, repair tags, compile Jinja", f),
        )
    )
    return out


def _report_patches() -> list[tuple[Any, str, Callable[[Any], Any]]]:
    from reportgen.app import executor
    from reportgen.docx import template, zipio
    from reportgen.outputs import atomic
    from reportgen.templating import context

    return [
        (context.ContextBuilder, "build", lambda f: _timed("context (ContextBuilder.build)", f)),
        (template.PreparedTemplate, "_render_part", lambda f: _timed("Jinja (render parts)", f)),
        (template.CoreTemplate, "render", lambda f: _timed("core properties", f)),
        (template, "build_zip", lambda f: _timed("zip (assemble, deflate inside)", f)),
        (zipio, "deflate", lambda f: _timed("zip: deflate (zlib level 1)", f)),
        (executor, "hashlib", lambda _: _HashlibShim()),
        (executor, "write_atomic", lambda f: _timed("write: write_atomic (all)", f)),
        (atomic, "os", lambda _: _OsShim()),
        *_optional(atomic, "temporary_name", "write: temporary name"),
        *_optional(atomic, "_clean_once", "write: stale temporaries (once per folder)"),
    ]


def _optional(owner: Any, name: str, label: str) -> list[tuple[Any, str, Callable[[Any], Any]]]:
    """A timer on ``owner.name`` where that exists in this version of reportgen."""
    if not hasattr(owner, name):
        return []
    return [(owner, name, lambda f: _timed(label, f))]


# --- jobs 2: the workers ----------------------------------------------------------------------

_WORKER_DIR: list[Path] = []


def _worker_chunk(jobs: list[Any]) -> list[Any]:
    """executor._run_chunk, timed, in a worker; dumps this worker's timers after each chunk."""
    import pickle

    c, t, q = time.process_time(), time.perf_counter(), _queued()
    out = _ORIGINAL_CHUNK[0](jobs)
    slot = _TIMES["worker: chunks"]
    slot[0] += time.perf_counter() - t
    slot[1] += time.process_time() - c
    slot[2] += 1
    _TIMES["worker: waiting for a core"][0] += _queued() - q
    t = time.perf_counter()
    size = len(pickle.dumps(out))
    slot = _TIMES["worker: pickle results"]
    slot[0] += time.perf_counter() - t
    slot[2] += size  # bytes, not calls
    _TIMES["worker: last chunk done"][0] = time.time()
    (_WORKER_DIR[0] / f"{os.getpid()}.json").write_text(json.dumps(dict(_TIMES)))
    return out


_ORIGINAL_CHUNK: list[Callable[[list[Any]], list[Any]]] = []


def _queued() -> float:
    """Seconds this process has waited, runnable, for a core (Linux /proc/self/schedstat);
    busy wall time minus CPU minus this is time blocked (disk, locks)."""
    try:
        return int(Path("/proc/self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _pool_asked(original: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        _TIMES["pool asked"][0] = time.time()
        return original(*args, **kwargs)

    return run


def _worker_init(original: Callable[..., None]) -> Callable[..., None]:
    def init(*args: Any) -> None:
        _TIMES["worker: started"][0] = time.time()
        original(*args)

    return init


# --- runs --------------------------------------------------------------------------------------


def _render(config: Path, out: Path, jobs: int) -> tuple[float, float]:
    from reportgen import app

    shutil.rmtree(out, ignore_errors=True)
    executor = app.InProcessExecutor() if jobs == 1 else app.ProcessPool(jobs)
    c, t = _cpu(), time.perf_counter()
    app.render(config, out_dir=out, executor=executor, overwrite=True)
    return time.perf_counter() - t, _cpu() - c


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _cpu_parts() -> tuple[float, float]:
    """User and system CPU seconds so far, this process and its finished children."""
    t = os.times()
    return t.user + t.children_user, t.system + t.children_system


def _print_times(title: str, total: tuple[float, float], rows: dict[str, list[float]]) -> None:
    wall, cpu = total
    print(f"\n{title}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  {'step':52} {'wall s':>8} {'%':>5} {'CPU s':>8} {'%':>5} {'calls':>7}")
    for name in sorted(rows):
        w, c, n = rows[name]
        print(
            f"  {name:52} {w:8.3f} {100 * w / wall:5.1f} {c:8.3f} "
            f"{100 * c / cpu if cpu else 0:5.1f} {int(n):7d}"
        )


def phases(config: Path, tmp: Path, units: int, jobs: int) -> None:
    """Step 1: the application layer's steps, jobs 1 or 2."""
    from reportgen.app import executor

    _TIMES.clear()
    patches = _phase_patches()
    patches.append(
        (
            executor.InProcessExecutor if jobs == 1 else executor.ProcessPool,
            "run",
            lambda f: _timed(f"7 executor.run ({'in-process' if jobs == 1 else 'pool'})", f),
        )
    )
    worker_dir = tmp / "profile-workers"
    shutil.rmtree(worker_dir, ignore_errors=True)
    worker_dir.mkdir(parents=True)
    _WORKER_DIR[:] = [worker_dir]
    if jobs > 1:
        patches.append((executor.ProcessPool, "run", _pool_asked))
        _ORIGINAL_CHUNK[:] = [executor._run_chunk]
        patches.append((executor, "_run_chunk", lambda _: _worker_chunk))
        patches.append((executor, "_init_worker", _worker_init))
    with _patched(patches):
        total = _render(config, tmp / f"profile-out{jobs}", jobs)
    rows = {k: v for k, v in _TIMES.items() if not k.startswith("pool")}
    _print_times(f"jobs {jobs}, {units + 1} reports, phases", total, rows)
    known = sum(v[0] for k, v in rows.items() if "." not in k.split(" ", 1)[0])
    print(f"  {'(rest: render() glue, outputs list, …)':52} {total[0] - known:8.3f}")
    if jobs > 1:
        workers = [json.loads(p.read_text()) for p in sorted(worker_dir.glob("*.json"))]
        pool_wall = next(v[0] for k, v in rows.items() if k.startswith("7 executor"))
        pool_start = _TIMES["pool asked"][0]
        print(f"  workers: {len(workers)}")
        for w in workers:
            busy_wall, busy_cpu, chunks = w["worker: chunks"]
            queued = w.get("worker: waiting for a core", [0.0])[0]
            print(
                f"    first job {w['worker: started'][0] - pool_start:6.3f} s after the pool "
                f"was asked for; {int(chunks)} chunks, busy {busy_wall:.2f} s wall = "
                f"{busy_cpu:.2f} s CPU + {queued:.2f} s waiting for a core + "
                f"{busy_wall - busy_cpu - queued:.2f} s blocked (disk, locks); results pickled "
                f"{int(w['worker: pickle results'][2])} bytes in "
                f"{w['worker: pickle results'][0] * 1000:.1f} ms"
            )
        if workers:
            busiest = max(w["worker: chunks"][1] for w in workers)
            serial_cpu = total[1] - sum(w["worker: chunks"][1] for w in workers)
            print(
                f"  pool wall {pool_wall:.2f} s vs busiest worker {busiest:.2f} s CPU; "
                f"parent CPU outside the workers {serial_cpu:.2f} s"
            )
            print(
                f"  on an idle 2-core machine jobs 2 would take about "
                f"{serial_cpu + busiest:.2f} s CPU-bound (parent + busiest worker)"
            )


def per_report(config: Path, tmp: Path, units: int) -> None:
    """Step 2: inside the render step of a jobs-1 run, timed, then a cProfile by library."""
    from reportgen.app import executor

    _TIMES.clear()
    patches = _report_patches()
    patches.append((executor.InProcessExecutor, "run", lambda f: _timed("executor.run", f)))
    with _patched(patches):
        total = _render(config, tmp / "profile-out-r", 1)
    rows = {k: v for k, v in _TIMES.items() if k != "executor.run"}
    run = _TIMES["executor.run"]
    _print_times(
        f"jobs 1, {units + 1} reports, inside executor.run ({run[0]:.2f} s wall, "
        f"{run[1]:.2f} s CPU; percentages of the whole run)",
        total,
        rows,
    )

    profiler = cProfile.Profile()

    def profiled(f: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            profiler.enable()
            try:
                return f(*args, **kwargs)
            finally:
                profiler.disable()

        return run

    with _patched([(executor.InProcessExecutor, "run", profiled)]):
        _render(config, tmp / "profile-out-p", 1)
    by_lib: dict[str, float] = defaultdict(float)
    stats = pstats.Stats(profiler)
    entries: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    for (file, _line, func), (_cc, _nc, tt, _ct, _callers) in entries.items():
        by_lib[_library(file, func)] += tt
    whole = sum(by_lib.values())
    print("\n  cProfile of executor.run (own time by library; the profiler slows Python code")
    print("  more than C code, so read the shares, not the seconds):")
    for lib, tt in sorted(by_lib.items(), key=lambda kv: -kv[1])[:14]:
        print(f"    {lib:58} {100 * tt / whole:5.1f} %")
    print("  top functions by own time:")
    top = sorted(entries.items(), key=lambda kv: -kv[1][2])[:12]
    for (file, line, func), (_cc, nc, tt, _ct, _callers) in top:
        where = f"{_short(file)}:{line} {func}"
        print(f"    {where:70} {100 * tt / whole:5.1f} % {nc:8d} calls")


def _short(file: str) -> str:
    for marker in ("site-packages/", "reportgen/", "lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def _library(file: str, func: str) -> str:
    if file == "~":
        if "zlib" in func or "compress" in func or "crc32" in func:
            return "zlib (deflate, CRC)"
        if any(k in func for k in ("posix", "io.open", "write", "close", "replace", "mkstemp")):
            return "system calls (open, write, close, rename…)"
        if "sha256" in func or "hexdigest" in func or "_hashlib" in func:
            return "SHA-256"
        return f"C builtins ({func.split(' ', 2)[-1][:30]})"
    if "<template>" in file or file.startswith("word/") or file.endswith(".xml"):
        return "Jinja: generated template code"
    if "/jinja2/" in file:
        return "Jinja: runtime (jinja2/*)"
    if "/markupsafe/" in file:
        return "markupsafe (escaping)"
    if "reportgen/vnformat" in file:
        return "reportgen.vnformat (numbers, words)"
    if "reportgen/templating" in file:
        return "reportgen.templating." + Path(file).stem
    if "reportgen/docx" in file:
        return "reportgen.docx." + Path(file).stem
    if "reportgen/outputs" in file:
        return "reportgen.outputs." + Path(file).stem
    if "reportgen/" in file:
        return "reportgen." + file.split("reportgen/", 1)[1].replace("/", ".")[:-3]
    if "tempfile" in file:
        return "tempfile (mkstemp: random names)"
    if "pathlib" in file or "posixpath" in file:
        return "pathlib / os.path"
    return f"other Python ({Path(file).name})"


# --- step 3: ways of writing a file -------------------------------------------------------------


def _write_plain(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def _write_atomic_now(overwrite: bool) -> Callable[[Path, bytes], None]:
    from reportgen.outputs.atomic import write_atomic

    def write(path: Path, data: bytes) -> None:
        write_atomic(path, data, overwrite=overwrite, durable=False)

    return write


_COUNTER = itertools.count()


def _write_named_tmp(path: Path, data: bytes) -> None:
    """Atomic: a temporary name from the process id and a counter (no random names, no
    fchmod: the mode comes from os.open and the umask), then rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_COUNTER)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _write_tmpfile_link(path: Path, data: bytes) -> None:
    """Atomic, Linux: an unnamed file (O_TMPFILE) given its name at the end by linkat; fails
    when the name exists (the ``new`` policy)."""
    fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o666)
    try:
        os.write(fd, data)
        # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N; a dir_fd makes Python call linkat
        if not _PROC_FD:
            _PROC_FD.append(os.open("/proc/self/fd", os.O_RDONLY))
        os.link(str(fd), path, src_dir_fd=_PROC_FD[0], follow_symlinks=True)
    finally:
        os.close(fd)


_PROC_FD: list[int] = []


def writes(tmp: Path, count: int) -> None:
    """Step 3: the same report written ``count`` times by each way."""
    from reportgen import app
    from reportgen.app.renderer import Renderer
    from reportgen.resources import demo_config

    config, dataset = app.load(demo_config())
    data = Renderer(config, dataset).render(dataset.units[0], draft=False)
    ways: list[tuple[str, Callable[[Path, bytes], None]]] = [
        ("plain open/write/close (the floor; not atomic)", _write_plain),
        ("write_atomic overwrite=True (temporary file, rename)", _write_atomic_now(True)),
        ("write_atomic overwrite=False (temporary file, link, unlink)", _write_atomic_now(False)),
        ("atomic: pid+counter temp name, O_EXCL, rename", _write_named_tmp),
    ]
    if hasattr(os, "O_TMPFILE") and sys.platform.startswith("linux"):
        ways.append(("atomic: O_TMPFILE + linkat (new files only)", _write_tmpfile_link))
    print(f"\nwriting one {len(data):,}-byte report {count} times into a fresh folder:")
    results: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _round in range(3):
        for name, fn in ways:
            folder = tmp / "profile-writes"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            c, t = time.process_time(), time.perf_counter()
            for i in range(count):
                fn(folder / f"{i:05d}.docx", data)
            results[name].append((time.perf_counter() - t, time.process_time() - c))
    for name, _fn in ways:
        wall = sorted(w for w, _ in results[name])[1]
        cpu = sorted(c for _, c in results[name])[1]
        print(
            f"  {name:58} {1e6 * wall / count:7.0f} µs wall {1e6 * cpu / count:7.0f} µs CPU "
            "per file (median of 3)"
        )
    shutil.rmtree(tmp / "profile-writes", ignore_errors=True)


def run(config: Path, tmp: Path, units: int) -> None:
    """All three looks (see the module docstring)."""
    print(f"\n=== profile, {units} units + the city ===")
    phases(config, tmp, units, 1)
    phases(config, tmp, units, 2)
    per_report(config, tmp, units)
    writes(tmp, min(units, 500))
    experiments(config, tmp, units)


def main() -> None:
    import argparse

    import batch_bench

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--units", type=int, default=2000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix=".rg-bench-", dir=Path.cwd()))
    try:
        config = batch_bench.make_project(tmp / "project", args.units)
        run(config, tmp, args.units)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- step 4: changes tried without touching reportgen ------------------------------------------

_NAMES = itertools.count()


def _named_mkstemp(
    suffix: str | None = None, prefix: str | None = None, dir: str | Path | None = None
) -> tuple[int, str]:
    """tempfile.mkstemp's contract (a new file only this caller opened, mode 0600) with a name
    from the process id and a counter instead of eight random letters and a retry loop."""
    while True:
        name = os.path.join(str(dir), f"{prefix or ''}{os.getpid()}-{next(_NAMES)}{suffix or ''}")
        try:
            return os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600), name
        except FileExistsError:
            continue


class _NamedTempfile:
    mkstemp = staticmethod(_named_mkstemp)

    def __getattr__(self, name: str) -> Any:
        return getattr(tempfile, name)


def _syncfs(directory: Path) -> None:
    """flush_all without os.sync(): flush only the file system holding ``directory``."""
    import ctypes

    fd = os.open(directory, os.O_RDONLY)
    try:
        ctypes.CDLL(None, use_errno=True).syncfs(fd)
        os.fsync(fd)
    finally:
        os.close(fd)


def _gc_frozen(run: Callable[..., Any]) -> Callable[..., Any]:
    """executor.run with everything loaded so far moved out of the collector's sight
    (gc.freeze: fewer objects scanned per collection, and no pages touched in forked workers)."""
    import gc

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        gc.collect()
        gc.freeze()
        try:
            return run(*args, **kwargs)
        finally:
            gc.unfreeze()

    return wrapper


def _variants(jobs: int) -> list[tuple[str, list[tuple[Any, str, Callable[[Any], Any]]]]]:
    import functools

    from reportgen.app import executor, pipeline
    from reportgen.data import dataset
    from reportgen.outputs import atomic

    pool = executor.InProcessExecutor if jobs == 1 else executor.ProcessPool
    name_tmp = (atomic, "tempfile", lambda _: _NamedTempfile())
    syncfs = (pipeline, "flush_all", lambda _: _syncfs)
    gc_freeze = (pool, "run", _gc_frozen)
    # loading the data slugifies each row's name and the total's name again for every row
    slug_cache = (dataset, "slugify", lambda f: functools.lru_cache(maxsize=None)(f))
    out: list[tuple[str, list[tuple[Any, str, Callable[[Any], Any]]]]] = [("as is", [])]
    every = [gc_freeze, syncfs, slug_cache]
    if hasattr(atomic, "tempfile"):  # write_atomic still names its file with mkstemp
        out.append(("temporary file named pid+counter (no mkstemp)", [name_tmp]))
        every.append(name_tmp)
    out += [
        ("gc.freeze() before the render step", [gc_freeze]),
        ("syncfs(output folder) instead of os.sync()", [syncfs]),
        ("slugify cached while loading the data", [slug_cache]),
        ("all of these", every),
    ]
    return out


def experiments(config: Path, tmp: Path, units: int, rounds: int = 3) -> None:
    """Step 4: each change as a patch, jobs 1 and jobs 2, rounds interleaved; medians."""
    import statistics

    for jobs in (1, 2):
        variants = _variants(jobs)
        results: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        _render(config, tmp / "profile-exp", jobs)  # warm-up: imports, caches, page cache
        for _round in range(rounds):
            for name, patches in variants:
                with _patched(patches):
                    user, system = _cpu_parts()
                    wall, _cpu_s = _render(config, tmp / "profile-exp", jobs)
                    user2, system2 = _cpu_parts()
                    results[name].append((wall, user2 - user, system2 - system))
        print(
            f"\nchanges tried, jobs {jobs}, {units + 1} reports (median of {rounds} rounds; "
            "user CPU is Python's own work, system CPU mostly the file system's):"
        )
        base = [statistics.median(r[i] for r in results["as is"]) for i in range(3)]
        for name, _patches in variants:
            med = [statistics.median(r[i] for r in results[name]) for i in range(3)]
            print(
                f"  {name:48}"
                + "".join(
                    f" {m:6.2f} s {what} ({100 * (m / b - 1):+5.1f} %)"
                    for m, b, what in zip(med, base, ("wall", "user", "system"), strict=True)
                )
            )


if __name__ == "__main__":
    main()
