"""Executors: run a batch's render jobs in this process or in a pool of worker processes.

A job renders one report and writes it (atomically); its result says what happened. The
process pool is an object, not a global: two pools may run at once (two batches of a web
server), each worker gets the prepared :class:`~reportgen.app.renderer.Renderer` once — by
inheritance where the platform forks, so nothing is read or prepared again — and every worker
dies with the process that started it (Linux: the parent-death signal), so a killed batch
leaves no worker behind.
"""

from __future__ import annotations

import gc
import hashlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from reportgen.app.renderer import Renderer
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.oserrors import os_reason
from reportgen.outputs.atomic import write_atomic
from reportgen.outputs.manifest import sha256_file

WriteMode = Literal["new", "overwrite", "if-changed", "compare"]
"""``new``: the file must not exist; ``overwrite``: replace it; ``if-changed``: leave it when
it already holds exactly these bytes, else replace it; ``compare``: write nothing, only say
whether the file holds these bytes (``unchanged``) or not (``differs``)."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Job:
    """Render the report of one unit to ``path``."""

    index: int
    unit_key: str
    draft: bool
    path: str
    mode: WriteMode


@dataclass(frozen=True)
class JobResult:
    """What a job did: ``rendered``/``draft`` (written), ``unchanged`` (the file already held
    these bytes), or ``failed`` with the reason."""

    index: int
    unit: str
    status: str
    sha256: str | None = None
    reason: str | None = None


def run_job(renderer: Renderer, job: Job) -> JobResult:
    """Render and write one report; a failure is returned, never raised (the batch goes on)."""
    unit = renderer.units[job.unit_key]
    path = Path(job.path)
    try:
        data = renderer.render(unit, draft=job.draft)
        digest = hashlib.sha256(data).hexdigest()
        if job.mode in ("if-changed", "compare"):
            same = path.exists() and sha256_file(path) == digest
            if same or job.mode == "compare":
                status = "unchanged" if same else "differs"
                return JobResult(job.index, unit.name, status, sha256=digest)
        write_atomic(path, data, overwrite=job.mode != "new", durable=False)
    except ReportgenError as exc:
        return JobResult(job.index, unit.name, "failed", reason=exc.format())
    except OSError as exc:
        return JobResult(
            job.index,
            unit.name,
            "failed",
            reason=catalog.text("app.job-write-failed", path=path, reason=os_reason(exc)),
        )
    except Exception as exc:  # one unit's failure must not stop the batch
        return JobResult(
            job.index,
            unit.name,
            "failed",
            reason=catalog.text("app.job-unexpected", kind=type(exc).__name__, detail=exc),
        )
    return JobResult(job.index, unit.name, "draft" if job.draft else "rendered", sha256=digest)


class Executor(Protocol):
    """Runs render jobs and returns their results in job order."""

    def run(
        self, renderer: Renderer, jobs: Sequence[Job], progress: Progress | None = None
    ) -> list[JobResult]:
        """Run every job; call ``progress(done, total)`` as they finish."""
        ...


class InProcessExecutor:
    """Runs the jobs one after the other in this process."""

    def run(
        self, renderer: Renderer, jobs: Sequence[Job], progress: Progress | None = None
    ) -> list[JobResult]:
        """Run every job in order."""
        out: list[JobResult] = []
        # the data and the prepared template live as long as the batch: the collector's full
        # passes need not walk them again after every few reports
        gc.freeze()
        try:
            for job in jobs:
                out.append(run_job(renderer, job))
                if progress:
                    progress(len(out), len(jobs))
        finally:
            gc.unfreeze()
        return out


# Set in each worker process by its initializer (never in the parent): the worker's renderer.
_WORKER_RENDERER: list[Renderer] = []


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this worker when its parent dies (Linux), and leave at once if
    the parent is already gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(renderer: Renderer, parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C goes to the whole process group: the parent handles it and ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_RENDERER[:] = [renderer]


def _run_chunk(jobs: list[Job]) -> list[JobResult]:
    renderer = _WORKER_RENDERER[0]
    return [run_job(renderer, job) for job in jobs]


def _chunks(items: Sequence[Job], workers: int) -> Iterator[list[Job]]:
    """The jobs in chunks that shrink as the batch nears its end (guided scheduling): large
    chunks cost less to hand over, small last ones let the workers finish together."""
    i, n = 0, len(items)
    while i < n:
        size = max(4, min(100, (n - i) // (workers * 4)))
        yield list(items[i : i + size])
        i += size


class ProcessPool:
    """Runs the jobs in ``workers`` forked processes that inherit the prepared renderer.

    Falls back to :class:`InProcessExecutor` where the platform cannot fork (each worker would
    have to read and prepare everything again, which costs more than it saves for a batch).
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def run(
        self, renderer: Renderer, jobs: Sequence[Job], progress: Progress | None = None
    ) -> list[JobResult]:
        """Run every job in the pool; results come back in job order."""
        import multiprocessing as mp

        if self.workers == 1 or "fork" not in mp.get_all_start_methods():
            return InProcessExecutor().run(renderer, jobs, progress)
        # The heaviest document (the city, with its tables) goes first so it is not the tail.
        order = sorted(jobs, key=lambda j: j.unit_key != _total_key(renderer))
        # What the parent built (the data, the prepared template) goes to the collector's
        # permanent generation before the fork, as Python's gc documentation advises: the
        # workers' collections then never write to those objects, so their pages stay shared
        # instead of being copied into every worker.
        gc.freeze()
        try:
            results = self._run(order, renderer, len(jobs), progress)
        finally:
            gc.unfreeze()
        return sorted(results, key=lambda r: r.index)

    def _run(
        self, order: list[Job], renderer: Renderer, total: int, progress: Progress | None
    ) -> list[JobResult]:
        import multiprocessing as mp

        results: list[JobResult] = []
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=mp.get_context("fork"),
            initializer=_init_worker,
            initargs=(renderer, os.getpid()),
        ) as pool:
            for batch in pool.map(_run_chunk, _chunks(order, self.workers)):
                results.extend(batch)
                if progress:
                    progress(len(results), total)
        return results


def _total_key(renderer: Renderer) -> str:
    return renderer.dataset.total.key


def choose(jobs: int | None, documents: int, *, min_per_job: int = 40) -> Executor:
    """The executor for a batch of ``documents``: ``jobs`` workers (default: the cores), but
    none started for fewer than ``min_per_job`` documents each, where starting a worker would
    cost more than it saves."""
    n = max(1, min(jobs or os.cpu_count() or 1, documents // max(1, min_per_job) or 1))
    return InProcessExecutor() if n == 1 else ProcessPool(n)
