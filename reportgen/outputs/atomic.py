"""Writing an output file atomically: all of it or nothing, never a half-written report."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from reportgen.diagnostics.errors import Location, OutputError

__all__ = ["write_atomic"]

_UMASK_LOCK = threading.Lock()
_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    with _UMASK_LOCK:
        if _UMASK is None:
            current = os.umask(0)
            os.umask(current)
            _UMASK = current
        return _UMASK


def _exists_error(path: Path) -> OutputError:
    return OutputError(
        "tệp kết quả đã có, không ghi đè",
        location=Location(file=str(path)),
        hint="dùng --overwrite để ghi đè, hoặc chọn thư mục kết quả khác (-o)",
    )


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
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError as exc:
        raise OutputError(
            "thư mục kết quả không tồn tại",
            location=Location(file=str(path)),
            hint=f"tạo thư mục {directory} trước, hoặc chọn thư mục khác (-o)",
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"không tạo được tệp trong thư mục kết quả: {exc.strerror or exc}",
            location=Location(file=str(path)),
            hint="kiểm tra quyền ghi vào thư mục kết quả",
        ) from exc
    tmp = Path(tmp_name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o666 & ~_umask())
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
        raise OutputError(
            f"không ghi được tệp kết quả: {exc.strerror or exc}",
            location=Location(file=str(path)),
            hint="đóng tệp nếu đang mở trong Word, kiểm tra quyền ghi và dung lượng đĩa",
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


def flush_all(directory: Path) -> None:
    """Flush everything written so far to disk (end of a batch written with durable=False)."""
    if hasattr(os, "sync"):
        os.sync()
    _fsync_directory(Path(directory))
