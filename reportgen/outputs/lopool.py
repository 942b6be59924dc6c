"""A pool of long-lived LibreOffice instances that turn .docx reports into PDF.

Starting LibreOffice costs one to two seconds; converting a three-page report a fraction of
that. The pool therefore keeps a few instances running (one per core by default, each with its
own profile folder) and feeds them from one queue.

Each instance is a small worker process (:mod:`reportgen.outputs.uno_worker`) run by the Python
interpreter that can import ``uno`` — on Debian that is ``/usr/bin/python3`` with python3-uno,
usually not the interpreter reportgen runs under (a pyenv or virtualenv Python cannot load
Debian's pyuno). The worker starts ``soffice.bin`` and drives it over a named UNO pipe; the pool
talks to the worker by JSON lines over its standard input and output. This is the design of
unoserver (a UNO-side server process and a client in any Python), without its TCP ports and
with the process control the pool needs:

* a time limit per document: an instance that does not answer in time, or that dies, is killed
  (its whole process group) and started again, and the document is tried once more;
* an instance is restarted after ``max_docs`` documents (LibreOffice grows as it works);
* every instance ends with the pool: on :meth:`ConverterPool.close`, on Ctrl-C (the workers run
  in their own session, so the terminal's SIGINT reaches only reportgen, which then kills them),
  and when reportgen itself is killed (the worker and LibreOffice carry a parent-death signal,
  and the worker also watches its parent's pid).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import OutputError

__all__ = [
    "Conversion",
    "ConverterPool",
    "LibreOfficeMissing",
    "Tools",
    "find_tools",
]

WORKER = Path(__file__).with_name("uno_worker.py")
DIR_PREFIX = "reportgen-pdf-"
"""Temporary folder of a pool (its instances' profiles), in the system's temporary folder."""
OWNER = ".owner"
"""A file in that folder its pool holds locked while it lives."""
STALE_UNMARKED = 24 * 3600
"""Seconds after which a pool folder without an owner file (an older reportgen's) is stale."""
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_DOCS = 200
DEFAULT_STARTUP_TIMEOUT = 60.0
_UNO_PYTHONS = (
    "/usr/bin/python3",
    "/usr/lib/libreoffice/program/python",
    "/opt/libreoffice/program/python",
    "/Applications/LibreOffice.app/Contents/Resources/python",
)


class LibreOfficeMissing(OutputError):
    """LibreOffice, or the UNO bridge to drive it, is not installed."""

    code = "output.libreoffice-missing"

    @classmethod
    def make(cls, code: str) -> LibreOfficeMissing:
        """The error of catalog entry ``code`` (``output.libreoffice-missing`` or
        ``output.uno-missing``)."""
        entry = catalog.messages()[code]
        return cls(entry.text, hint=entry.hint, code=code)


@dataclass(frozen=True)
class Tools:
    """What running the pool needs: the LibreOffice program and a Python that imports ``uno``."""

    program: Path
    """``soffice.bin`` (started directly: the ``soffice`` launcher script forks it away)."""
    python: str


def _imports_uno(python: str) -> bool:
    try:
        proc = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


@cache
def find_tools() -> Tools:
    """Find LibreOffice and a Python interpreter with its UNO bridge.

    ``REPORTGEN_SOFFICE`` and ``REPORTGEN_UNO_PYTHON`` override the search. Raises
    :class:`LibreOfficeMissing` with the install command when either is missing.
    """
    found = os.environ.get("REPORTGEN_SOFFICE") or shutil.which("soffice")
    found = found or shutil.which("libreoffice")
    if not found or not Path(found).exists():
        raise LibreOfficeMissing.make("output.libreoffice-missing")
    launcher = Path(found).resolve()
    program = launcher.with_name("soffice.bin")
    if not program.exists():
        program = launcher
    candidates = [os.environ.get("REPORTGEN_UNO_PYTHON", ""), sys.executable]
    candidates += [str(launcher.with_name("python")), *_UNO_PYTHONS]
    for python in dict.fromkeys(c for c in candidates if c):
        if (python == sys.executable or Path(python).exists()) and _imports_uno(python):
            return Tools(program=program, python=python)
    raise LibreOfficeMissing.make("output.uno-missing")


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def seed_profile(program: Path) -> Path | None:
    """Where a LibreOffice profile built once is kept for later runs (one per LibreOffice
    build): ``$XDG_CACHE_HOME/reportgen`` or ``~/.cache/reportgen``; None when unknown.
    ``REPORTGEN_LO_SEED=0`` turns it off."""
    if os.environ.get("REPORTGEN_LO_SEED") == "0":
        return None
    try:
        stamp = f"{program.resolve()}:{program.stat().st_mtime_ns}"
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (OSError, RuntimeError):
        return None
    key = hashlib.sha256(stamp.encode()).hexdigest()[:12]
    return base / "reportgen" / f"lo-profile-{key}"


def _hold_owner(folder: Path) -> int | None:
    """Create ``folder/.owner`` already locked (made locked under another name, then renamed,
    so that no sweeper sees it unlocked); return its descriptor, to keep open while the pool
    lives. None where file locks are not available."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return None
    tmp = folder / f"{OWNER}.{os.getpid()}"
    fd = os.open(tmp, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        tmp.rename(folder / OWNER)
    except OSError:
        os.close(fd)
        return None
    return fd


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def sweep_stale(base: Path | None = None) -> list[Path]:
    """Remove what pools of runs that were killed (``kill -9``, a power cut) left in the
    temporary folder ``base``: their folders (LibreOffice profiles, about 1 MB each), whose
    owner file nobody holds any more, and their UNO pipes. Return the folders removed."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return []
    base = Path(base or tempfile.gettempdir())
    removed = []
    for folder in base.glob(DIR_PREFIX + "*"):
        try:
            fd = os.open(folder / OWNER, os.O_RDWR)
        except FileNotFoundError:
            with contextlib.suppress(OSError):
                if time.time() - folder.stat().st_mtime > STALE_UNMARKED:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
            continue
        except OSError:
            continue  # another user's, or gone meanwhile
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # its pool is alive
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(fd)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    for pipe in base.glob(f"OSL_PIPE_{uid}_reportgen-*-*"):
        pid = pipe.name.removeprefix(f"OSL_PIPE_{uid}_reportgen-").split("-", 1)[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                pipe.unlink()
    return removed


@dataclass(frozen=True)
class Conversion:
    """The outcome of converting one document."""

    source: Path
    status: Literal["ok", "failed", "timeout"]
    pdf: bytes | None = None
    reason: str | None = None
    """Why it failed (LibreOffice's words, or what the pool saw)."""
    attempts: int = 1


class _Timeout(Exception):
    pass


class _Died(Exception):
    pass


class _StartFailed(Exception):
    pass


class _Instance:
    """One worker process and its LibreOffice, in their own process group."""

    _names = itertools.count(1)

    def __init__(self, command: Sequence[str], profile: Path, startup_timeout: float) -> None:
        self.docs = 0
        self.profile = profile
        self.soffice_pid: int | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        pipe = f"reportgen-{os.getpid()}-{next(self._names)}"
        self.pipe = pipe
        lock = profile / ".lock"  # left behind by a killed instance
        with contextlib.suppress(OSError):
            lock.unlink()
        args = [
            *command,
            "--profile",
            str(profile),
            "--pipe",
            pipe,
            "--parent",
            str(os.getpid()),
            "--startup-timeout",
            str(startup_timeout),
        ]
        try:
            self.proc = subprocess.Popen(
                args,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                start_new_session=True,  # own group: Ctrl-C goes to reportgen; killpg ends all
            )
        except OSError as exc:
            raise _StartFailed(str(exc)) from exc
        threading.Thread(target=self._read, daemon=True).start()
        try:
            ready = self._receive(startup_timeout + 5)
        except (_Timeout, _Died) as exc:
            self.kill()
            raise _StartFailed(
                catalog.text(
                    "output.lo-no-answer"
                    if isinstance(exc, _Timeout)
                    else "output.lo-died-at-start"
                )
            ) from exc
        if not ready.get("ready"):
            self.kill()
            raise _StartFailed(str(ready.get("error") or catalog.text("output.no-reason")))
        pid = ready.get("soffice_pid")
        self.soffice_pid = pid if isinstance(pid, int) else None

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with contextlib.suppress(ValueError, OSError):
            for line in self.proc.stdout:
                self._lines.put(line)
        self._lines.put(None)

    def _receive(self, timeout: float) -> dict[str, Any]:
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                raise _Timeout from None
            if line is None:
                raise _Died
            try:
                msg = json.loads(line)
            except ValueError:
                continue  # not ours (a library printing to stdout)
            if isinstance(msg, dict):
                return msg

    def convert(self, src: Path, dst: Path, pdfa: bool, timeout: float) -> dict[str, Any]:
        """Ask for one conversion and wait for the answer (``_Timeout``/``_Died`` otherwise)."""
        self.docs += 1
        request = {"id": self.docs, "src": str(src), "dst": str(dst), "pdfa": pdfa}
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            raise _Died from None
        while True:
            answer = self._receive(timeout)
            if answer.get("id") == self.docs:
                return answer

    def kill(self) -> None:
        """Kill the worker and its LibreOffice at once (the whole process group)."""
        with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.soffice_pid is not None:  # in the group already; in case it left it
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                os.kill(self.soffice_pid, signal.SIGKILL)
        self._reap()

    def end_input(self) -> None:
        """Close the worker's input: it ends LibreOffice and exits."""
        with contextlib.suppress(OSError, ValueError):
            if self.proc.stdin is not None:
                self.proc.stdin.close()

    def close(self, grace: float = 5.0) -> None:
        """End the worker politely (it ends LibreOffice), by force after ``grace`` seconds."""
        self.end_input()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=grace)
        self.kill()

    def _reap(self) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()
        # the named pipe LibreOffice listened on
        with contextlib.suppress(OSError):
            Path(tempfile.gettempdir(), f"OSL_PIPE_{os.getuid()}_{self.pipe}").unlink()


_Job = tuple[int, Path, bool, "queue.Queue[tuple[int, Conversion]]"]
_LIVE: weakref.WeakSet[ConverterPool] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for pool in list(_LIVE):
        pool.close()


class ConverterPool:
    """Long-lived LibreOffice instances converting .docx to PDF from one queue.

    Use it as a context manager (or call :meth:`close`); instances start on the first
    conversion, no more of them than there are documents.

    ``size``: instances (default: the number of cores). ``timeout``: seconds one document may
    take. ``max_docs``: documents an instance converts before it is restarted.
    ``worker_command``: the command that runs one worker (default: the UNO worker under the
    Python that imports ``uno``); tests put a fake converter there.
    """

    def __init__(
        self,
        size: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_docs: int = DEFAULT_MAX_DOCS,
        startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
        worker_command: Sequence[str] | None = None,
    ) -> None:
        self.size = max(1, size or usable_cores())
        self.timeout = timeout
        self.max_docs = max(1, max_docs)
        self.startup_timeout = startup_timeout
        self._command = list(worker_command) if worker_command is not None else None
        self._seed: Path | None = None
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._instances: dict[int, _Instance] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._broken: str | None = None
        self._start_failures = 0
        self._dir: Path | None = None
        self._owner: int | None = None
        self.restarts = 0
        """Instances started again after a hang, a crash or ``max_docs`` documents."""
        _LIVE.add(self)

    # --- public ---------------------------------------------------------------------------

    def convert(
        self,
        sources: Sequence[Path],
        *,
        pdfa: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Conversion]:
        """Convert every source to PDF (bytes in memory); return the outcomes in order.

        A document that fails is reported in its :class:`Conversion`; the others go on.
        Raises :class:`LibreOfficeMissing` when LibreOffice is not installed.
        """
        if not sources:
            return []
        if self._closed:
            raise RuntimeError("the converter pool is closed")
        self._start_slots(min(self.size, len(sources)))
        answers: queue.Queue[tuple[int, Conversion]] = queue.Queue()
        for i, src in enumerate(sources):
            self._jobs.put((i, Path(src).resolve(), pdfa, answers))
        out: list[Conversion | None] = [None] * len(sources)
        for done in range(1, len(sources) + 1):
            i, conversion = answers.get()
            out[i] = conversion
            if progress is not None:
                progress(done, len(sources))
        return [c for c in out if c is not None]

    def close(self) -> None:
        """Stop every instance (and LibreOffice with it); safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            instances = list(self._instances.values())
            self._instances.clear()
        with contextlib.suppress(queue.Empty):
            while True:
                self._jobs.get_nowait()
        for inst in instances:  # all at once: each ends its LibreOffice and reaps it
            inst.end_input()
        for inst in instances:
            inst.close(grace=3.0)
        self._save_seed(instances)
        # only now let the slot threads end: a worker gets its parent-death signal when the
        # thread that started it ends
        for _ in self._threads:
            self._jobs.put(None)
        for t in self._threads:
            t.join(timeout=10)
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
        if self._owner is not None:
            with contextlib.suppress(OSError):
                os.close(self._owner)
            self._owner = None
        _LIVE.discard(self)

    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def soffice_pids(self) -> list[int]:
        """Process ids of the running LibreOffice instances (for tests and diagnostics)."""
        with self._lock:
            return [i.soffice_pid for i in self._instances.values() if i.soffice_pid]

    # --- internals ------------------------------------------------------------------------

    def _worker_command(self) -> list[str]:
        if self._command is None:
            tools = find_tools()
            self._command = [tools.python, str(WORKER), "--program", str(tools.program)]
            self._seed = seed_profile(tools.program)
        return self._command

    def _prepare_profile(self, profile: Path) -> None:
        """Start a new profile as a copy of the seed, when there is one: LibreOffice builds a
        profile on its first start, which makes that start slower by a second or more."""
        if self._seed is None or any(profile.iterdir()) or not self._seed.is_dir():
            return
        with contextlib.suppress(OSError, shutil.Error):
            shutil.copytree(self._seed, profile, dirs_exist_ok=True)

    def _save_seed(self, instances: list[_Instance]) -> None:
        """Keep the profile of an instance that ended cleanly as the seed of later runs."""
        if self._seed is None or self._seed.exists():
            return
        clean = [i for i in instances if i.proc.returncode == 0]
        if not clean:
            return
        tmp = self._seed.with_name(f".{self._seed.name}.{os.getpid()}.tmp")
        try:
            self._seed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(clean[0].profile, tmp, ignore=shutil.ignore_patterns(".lock"))
            tmp.rename(self._seed)
        except OSError:
            pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def _start_slots(self, wanted: int) -> None:
        self._worker_command()  # LibreOfficeMissing now, not in a thread
        if self._dir is None:
            sweep_stale()
            self._dir = Path(tempfile.mkdtemp(prefix=DIR_PREFIX))
            self._owner = _hold_owner(self._dir)
        while len(self._threads) < wanted:
            slot = len(self._threads)
            (self._dir / f"profile-{slot}").mkdir(exist_ok=True)
            t = threading.Thread(target=self._slot, args=(slot,), daemon=True)
            self._threads.append(t)
            t.start()

    def _slot(self, slot: int) -> None:
        # Instances are started from this thread, which lives as long as they do: the
        # parent-death signal of a child fires when the thread that started it ends.
        while True:
            job = self._jobs.get()
            if job is None:
                break
            i, src, pdfa, answers = job
            try:
                conversion = self._run(slot, src, pdfa)
            except Exception as exc:  # never leave the caller waiting
                conversion = Conversion(src, "failed", reason=f"{type(exc).__name__}: {exc}")
            answers.put((i, conversion))
        with self._lock:
            inst = self._instances.pop(slot, None)
        if inst is not None:
            inst.kill()

    def _instance(self, slot: int) -> _Instance:
        with self._lock:
            inst = self._instances.get(slot)
        if inst is not None and inst.docs >= self.max_docs:
            self._drop(slot, polite=True)
            self.restarts += 1
            inst = None
        if inst is None:
            if self._broken is not None:
                raise _StartFailed(self._broken)
            assert self._dir is not None
            profile = self._dir / f"profile-{slot}"
            self._prepare_profile(profile)
            try:
                inst = _Instance(self._worker_command(), profile, self.startup_timeout)
            except _StartFailed as exc:
                if self._seed is not None:  # a bad seed must not fail every later run
                    shutil.rmtree(self._seed, ignore_errors=True)
                    shutil.rmtree(profile, ignore_errors=True)
                    profile.mkdir()
                    self._seed = None
                self._start_failures += 1
                if self._start_failures >= 2:  # do not make every document wait for it again
                    self._broken = str(exc)
                raise
            self._start_failures = 0
            with self._lock:
                if self._closed:
                    inst.kill()
                    raise _StartFailed(catalog.text("output.lo-stopped"))
                self._instances[slot] = inst
        return inst

    def _drop(self, slot: int, *, polite: bool = False) -> None:
        with self._lock:
            inst = self._instances.pop(slot, None)
        if inst is not None:
            if polite:
                inst.close()
            else:
                inst.kill()

    def _run(self, slot: int, src: Path, pdfa: bool) -> Conversion:
        assert self._dir is not None
        plain = _without_comments(src, self._dir / f"{slot}-sans-notes.docx")
        try:
            result = self._run_file(slot, plain or src, pdfa)
        finally:
            if plain is not None:
                plain.unlink(missing_ok=True)
        return replace(result, source=src) if plain is not None else result

    def _run_file(self, slot: int, src: Path, pdfa: bool) -> Conversion:
        reason = ""
        assert self._dir is not None
        for attempt in (1, 2):
            if self._closed:
                return Conversion(
                    src, "failed", reason=catalog.text("output.lo-stopped"), attempts=attempt
                )
            try:
                inst = self._instance(slot)
            except _StartFailed as exc:
                return Conversion(src, "failed", reason=f"LibreOffice: {exc}", attempts=attempt)
            dst = self._dir / f"{slot}-{inst.pipe}-{inst.docs + 1}.pdf"
            try:
                answer = inst.convert(src, dst, pdfa, self.timeout)
            except _Timeout:
                self._drop(slot)
                self.restarts += 1
                if attempt == 2:
                    return Conversion(
                        src, "timeout", reason=catalog.text("output.lo-timeout"), attempts=attempt
                    )
                continue
            except _Died:
                self._drop(slot)
                self.restarts += 1
                reason = catalog.text("output.lo-crashed")
                continue
            if not answer.get("ok"):
                said = (
                    catalog.text("output.pdf-unreadable")
                    if answer.get("unreadable")
                    else str(answer.get("error") or "")
                )
                return Conversion(src, "failed", reason=said, attempts=attempt)
            try:
                data = dst.read_bytes()
                dst.unlink()
            except OSError as exc:
                return Conversion(src, "failed", reason=str(exc), attempts=attempt)
            return Conversion(src, "ok", pdf=data, attempts=attempt)
        return Conversion(src, "failed", reason=reason, attempts=2)


_COMMENT_MARKS = re.compile(
    rb"<w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:commentReference\b[^>]*/></w:r>"
    rb"|<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*/>"
)
_COMMENT_PART = re.compile(r"word/comments\w*\.xml")


def _without_comments(src: Path, out: Path) -> Path | None:
    """A copy of the .docx ``src`` at ``out`` without its Word comments, or None when it has
    none (or is not a .docx). LibreOffice 7.4 run hidden over UNO dies opening a document
    with comments (a draft's notes on its wrong figures); a PDF never shows them anyway."""
    if src.suffix.lower() != ".docx":
        return None
    try:
        with zipfile.ZipFile(src) as zin:
            names = zin.namelist()
            if not any(_COMMENT_PART.fullmatch(n) for n in names):
                return None
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    if _COMMENT_PART.fullmatch(info.filename):
                        continue
                    data = zin.read(info.filename)
                    if info.filename == "[Content_Types].xml" or info.filename.endswith(".rels"):
                        data = re.sub(
                            rb"<(?:Override|Relationship)\b[^>]*comments\w*\.xml\"[^>]*/>",
                            b"",
                            data,
                        )
                    elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
                        data = _COMMENT_MARKS.sub(b"", data)
                    zout.writestr(info, data)
    except (OSError, zipfile.BadZipFile):
        out.unlink(missing_ok=True)
        return None
    return out
