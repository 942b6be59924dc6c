"""Render batches in the background, one thread each (at most a few at once), with progress the
batch page polls. The outcome is also written to the batch's ``meta.json`` so a finished batch
outlives the server."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.web.storage import Item, Workspace

log = logging.getLogger("reportgen.web")


@dataclass
class Progress:
    """Where a batch is: its phase (``cho``, ``docx``, ``pdf``, ``zip``, ``xong``, ``loi``),
    documents done of total, and the error message when it failed."""

    phase: str = "cho"
    done: int = 0
    total: int = 0
    error: str | None = None
    hint: str | None = None
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        """True once the batch is done or failed."""
        return self.phase in ("xong", "loi")

    def as_dict(self) -> dict[str, Any]:
        """The progress as JSON for the page."""
        return asdict(self)


Work = Callable[[Progress], dict[str, Any]]


MAX_PER_SESSION = 3
"""Batches one session may have waiting or running at once (more would only queue behind the
others' and fill the disk)."""


class Jobs:
    """The running batches of every session, by the batch folder."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reportgen-web")
        self._lock = threading.Lock()
        self._running: dict[str, Progress] = {}

    def start(self, workspace: Workspace, item: Item, work: Work) -> None:
        """Run ``work`` for the batch ``item`` in the background."""
        key = str(item.folder)
        progress = Progress()
        with self._lock:
            self._running[key] = progress

        def run() -> None:
            try:
                progress.result = work(progress)
                progress.phase = "xong"
            except ReportgenError as exc:
                progress.error = (
                    exc.format() if exc.hint is None else exc.format().rsplit("\n  → ", 1)[0]
                )
                progress.hint = exc.hint
                progress.phase = "loi"
            except Exception:  # a batch's failure is a message on its page, not a dead thread
                ref = item.id
                log.error("batch %s failed:\n%s", ref, traceback.format_exc())
                progress.error = catalog.text("web.batch-failed")
                progress.hint = catalog.hint("web.batch-failed", ref=ref)
                progress.phase = "loi"
            item.meta["progress"] = progress.as_dict()
            workspace.save(item)
            with self._lock:
                self._running.pop(key, None)

        self._pool.submit(run)

    def running_under(self, folder: Path) -> int:
        """How many batches inside ``folder`` (a session's) are waiting or running."""
        prefix = str(folder) + "/"
        with self._lock:
            return sum(1 for key in self._running if key.startswith(prefix))

    def progress(self, item: Item) -> Progress:
        """The progress of a batch: live while it runs, else as recorded in its folder."""
        with self._lock:
            live = self._running.get(str(item.folder))
        if live is not None:
            return live
        saved = item.meta.get("progress")
        if isinstance(saved, dict):
            return Progress(**saved)
        return Progress(
            phase="loi",
            error=catalog.text("web.batch-interrupted"),
            hint=catalog.hint("web.batch-interrupted"),
        )

    def shutdown(self) -> None:
        """Drop the batches not started yet and wait for the running ones to end (their
        reports are written atomically; nothing is left half-written)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
