"""Writing an output file atomically: all of it or nothing, never a half-written report.

Temporary files are named ``.<name>.rg<pid>-<random>.tmp`` beside their target, so a file left
by a process that was killed (``kill -9``, a power cut) is recognisable as ours and as stale —
its process is gone and it is older than the current run — and is removed by
:func:`clean_stale_temporaries`, which :func:`write_atomic` calls once per directory and
process, and :func:`reportgen.outputs.lock.folder_lock` when it takes a folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from reportgen.diagnostics.errors import Location, OutputError
from reportgen.diagnostics.oserrors import os_reason

__all__ = [
    "TEMP_PATTERN",
    "clean_stale_temporaries",
    "flush_all",
    "flushing",
    "os_reason",
    "temporary_name",
    "write_atomic",
]

STARTED = time.time()
"""When this process started using this module: temporary files older than that, of a
process that no longer runs, are stale."""

TEMP_PATTERN = re.compile(r"^\..+\.rg(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
"""The names of reportgen's temporary files."""

_CLEANED: set[str] = set()
_NAME_KEEP = 80  # characters of the target's name kept in a temporary name (NAME_MAX is 255)


def temporary_name(target: str) -> str:
    """A fresh temporary file name for ``target`` (a file name), in the pattern
    :data:`TEMP_PATTERN`."""
    return f".{target[:_NAME_KEEP]}.rg{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's) or cannot tell: keep its files
    return True


def clean_stale_temporaries(directory: Path | str, *, before: float | None = None) -> list[Path]:
    """Remove the temporary files reportgen left in ``directory`` (not its subfolders) when a
    run was killed: only names in :data:`TEMP_PATTERN`, only when modified before ``before``
    (default: when this process started) and when the process that made them no longer runs.
    Returns what was removed. Never raises: a file that cannot be removed stays."""
    limit = STARTED if before is None else before
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        m = TEMP_PATTERN.match(entry.name)
        if m is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime >= limit:
                continue
            pid = int(m.group("pid"))
            if pid == os.getpid() or not _alive(pid):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _clean_once(directory: Path) -> None:
    key = os.path.abspath(directory)
    if key in _CLEANED:
        return
    _CLEANED.add(key)
    clean_stale_temporaries(directory)


def _exists_error(path: Path) -> OutputError:
    return OutputError.of("output.exists", location=Location(file=str(path)))


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either untouched or complete.

    With ``durable=False`` the file and directory are not flushed to disk one by one (a crash or
    Ctrl-C still never leaves half a file; only a power cut may lose the newest files): batches
    write that way and flush once at the end with :func:`flush_all`.

    The bytes go to a temporary file in the same directory, are flushed to disk (fsync), and
    the temporary file is then renamed over ``path`` (``os.replace``). When ``overwrite`` is
    False and ``path`` exists, nothing is written and :class:`OutputError` is raised (also when
    another process creates ``path`` meanwhile). The temporary file is removed whatever goes
    wrong, ``KeyboardInterrupt`` included. Other failures (missing directory, no permission,
    file locked by Word) raise :class:`OutputError`.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise _exists_error(path)
    directory = path.parent
    _clean_once(directory)
    tmp = directory / temporary_name(path.name)
    fd = -1
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileNotFoundError as exc:
        raise OutputError.of(
            "output.no-folder", location=Location(file=str(path)), folder=directory
        ) from exc
    except OSError as exc:
        raise OutputError.of(
            "output.cannot-write-create", location=Location(file=str(path)), reason=os_reason(exc)
        ) from exc
    except BaseException:
        # Ctrl-C while the file was being created: the name is ours alone (random, O_EXCL),
        # so whatever exists under it was made by this call
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            _publish_new(tmp, path)
        if durable:
            _fsync_directory(directory)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OutputError | KeyboardInterrupt) or not isinstance(exc, OSError):
            raise
        raise OutputError.of(
            "output.cannot-write", location=Location(file=str(path)), reason=os_reason(exc)
        ) from exc


def _publish_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist (atomically where the file
    system supports hard links)."""
    try:
        os.link(tmp, path)
    except FileExistsError as exc:
        raise _exists_error(path) from exc
    except OSError:
        # no hard links here (FAT, some network shares): check, then rename
        if path.exists():
            raise _exists_error(path) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _fsync_directory(directory: Path) -> None:
    """Flush the directory entry (POSIX); best effort."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def flushing(every: float = 0.5) -> Iterator[None]:
    """While a batch writes with ``durable=False``, hand what it has written to the disk every
    ``every`` seconds from a background thread, so that the :func:`flush_all` at its end waits
    for the last files only, not for the whole batch (the same writes, started earlier)."""
    if not hasattr(os, "sync"):
        yield
        return
    stop = threading.Event()

    def flush() -> None:
        while not stop.wait(every):
            os.sync()

    thread = threading.Thread(target=flush, name="reportgen-flush", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def flush_all(directory: Path) -> None:
    """Flush everything written so far to disk (end of a batch written with durable=False)."""
    if hasattr(os, "sync"):
        os.sync()
    _fsync_directory(Path(directory))
