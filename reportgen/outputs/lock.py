"""One batch at a time in an output folder.

Two batches writing the same folder at once would each see the other's reports as "already
there" and end with a manifest that lists every report as failed. :func:`folder_lock` takes an
exclusive lock on ``<folder>/.reportgen.lock`` for the length of a batch: a second batch waits
a little (``wait`` seconds) for the first to finish, then refuses with a Vietnamese message
naming the folder and the process that holds it. The lock is the operating system's (``flock``
on POSIX, ``msvcrt.locking`` on Windows), so it goes away with its process — a batch killed
with ``kill -9`` never leaves the folder locked. Once the lock is held, the temporary files
that killed runs left in the folder are removed
(:func:`reportgen.outputs.atomic.clean_stale_temporaries`).

Usage (the application layer, around everything a batch writes into its folder)::

    with folder_lock(folder, command="render giam-ngheo-2024.yaml"):
        ...  # render, write reports, findings and the manifest
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, OutputError
from reportgen.diagnostics.oserrors import os_reason
from reportgen.outputs.atomic import clean_stale_temporaries

__all__ = ["LOCK_NAME", "FolderLock", "folder_lock"]

LOCK_NAME = ".reportgen.lock"
"""The lock file's name inside the output folder (hidden; never listed as a report)."""

_POLL = 0.1


@dataclass(frozen=True)
class FolderLock:
    """A held lock: the folder, the lock file, and the stale temporary files removed when it
    was taken."""

    folder: Path
    path: Path
    cleaned: tuple[Path, ...]


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(path: Path) -> str:
    """Who holds the lock, in Vietnamese words, from what it wrote into the lock file."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not isinstance(info, dict) or "pid" not in info:
        return catalog.text("output.holder-unknown")
    bits = [catalog.text("output.holder-pid", pid=info["pid"])]
    if info.get("host") and info["host"] != socket.gethostname():
        bits.append(catalog.text("output.holder-host", host=info["host"]))
    if info.get("command"):
        bits.append(catalog.text("output.holder-command", command=info["command"]))
    if info.get("started"):
        bits.append(catalog.text("output.holder-started", started=info["started"]))
    return catalog.text("output.holder", details=", ".join(bits))


def _record(fd: int, command: str | None) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": command or " ".join(sys.argv[:4]),
        "started": time.strftime(catalog.text("output.holder-time")),
    }
    data = json.dumps(info, ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0) if hasattr(os, "pwrite") else os.write(fd, data)


@contextlib.contextmanager
def folder_lock(
    folder: Path | str, *, wait: float = 5.0, command: str | None = None
) -> Iterator[FolderLock]:
    """Hold the output folder ``folder`` for one batch (created if missing).

    Waits up to ``wait`` seconds for another batch to release it, then raises
    :class:`~reportgen.diagnostics.errors.OutputError` naming the folder and the other
    process. A folder that cannot be written (read-only, no permission, disk full) is an
    ``OutputError`` too. ``command`` is what the other batch's message shows (default: this
    process's command line). Stale temporary files of killed runs are removed once the lock
    is held.
    """
    directory = Path(folder)
    path = directory / LOCK_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError.of(
            "output.cannot-write-folder",
            location=Location(file=str(directory)),
            reason=os_reason(exc),
        ) from exc
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise OutputError.of(
                    "output.folder-locked",
                    location=Location(file=str(directory)),
                    folder=directory,
                    holder=_holder(path),
                )
            time.sleep(_POLL)
        try:
            _record(fd, command)
            cleaned = clean_stale_temporaries(directory, before=time.time())
            yield FolderLock(directory, path, tuple(cleaned))
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            _unlock(fd)
    finally:
        os.close(fd)
