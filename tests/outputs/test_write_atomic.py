"""write_atomic: all of the file or nothing, and no overwriting without being asked."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen.diagnostics.errors import OutputError
from reportgen.outputs import atomic
from reportgen.outputs.atomic import clean_stale_temporaries, write_atomic


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "xa_a.docx"
    write_atomic(target, b"du lieu")
    assert target.read_bytes() == b"du lieu"
    assert _leftovers(tmp_path) == []


def test_refuses_to_overwrite_without_the_flag(tmp_path: Path) -> None:
    target = tmp_path / "xa_a.docx"
    target.write_bytes(b"cu")
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"moi")
    assert target.read_bytes() == b"cu"
    assert info.value.hint is not None and "--overwrite" in info.value.hint
    assert info.value.location is not None and info.value.location.file == str(target)
    assert _leftovers(tmp_path) == []


def test_overwrites_with_the_flag(tmp_path: Path) -> None:
    target = tmp_path / "xa_a.docx"
    target.write_bytes(b"cu")
    write_atomic(target, b"moi", overwrite=True)
    assert target.read_bytes() == b"moi"
    assert _leftovers(tmp_path) == []


def test_file_created_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "xa_a.docx"
    real_fsync = os.fsync

    def racing_fsync(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(b"cua tien trinh khac")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(OutputError):
        write_atomic(target, b"moi")
    assert target.read_bytes() == b"cua tien trinh khac"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("where", "error"),
    [
        ("write", OSError(28, "No space left on device")),
        ("fsync", OSError(5, "Input/output error")),
        ("replace", PermissionError(13, "Permission denied")),
        ("write", KeyboardInterrupt()),
        ("fsync", KeyboardInterrupt()),
        ("replace", KeyboardInterrupt()),
    ],
    ids=[
        "disk full",
        "fsync fails",
        "file locked",
        "ctrl-c while writing",
        "ctrl-c in fsync",
        "ctrl-c in rename",
    ],
)
@pytest.mark.parametrize("overwrite", [False, True], ids=["new", "overwrite"])
def test_failures_leave_no_partial_file_and_no_temp_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    error: BaseException,
    overwrite: bool,
) -> None:
    target = tmp_path / "xa_a.docx"
    if overwrite:
        target.write_bytes(b"ban cu")

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    if where == "replace":
        monkeypatch.setattr(os, "replace", fail)
        monkeypatch.setattr(os, "link", fail)
    else:
        monkeypatch.setattr(os, where, fail)
    expected = KeyboardInterrupt if isinstance(error, KeyboardInterrupt) else OutputError
    with pytest.raises(expected):
        write_atomic(target, b"x" * 100_000, overwrite=overwrite)
    assert _leftovers(tmp_path) == []
    if overwrite:
        assert target.read_bytes() == b"ban cu"
    else:
        assert not target.exists()


def test_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as info:
        write_atomic(tmp_path / "khong_co" / "a.docx", b"x")
    assert "không tồn tại" in info.value.message


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    write_atomic(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_disk_full_is_said_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OutputError) as info:
        write_atomic(tmp_path / "a.docx", b"x")
    assert "ổ đĩa đã đầy" in info.value.message


@pytest.mark.parametrize("after_creating", [True, False], ids=["file-created", "before-creating"])
def test_ctrl_c_while_the_temporary_file_is_created_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after_creating: bool
) -> None:
    real_open = os.open

    def interrupted(path: str, flags: int, mode: int = 0o777) -> int:
        if after_creating:  # the file exists, the descriptor never reaches the caller
            os.close(real_open(path, flags, mode))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "a.docx", b"x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporaries_of_a_killed_run_are_removed_and_nothing_else(tmp_path: Path) -> None:
    dead = _dead_pid()
    old = time.time() - 60
    stale = tmp_path / f".xa-a.docx.rg{dead}-0123abcd.tmp"
    live = tmp_path / f".xa-b.docx.rg{os.getppid()}-0123abcd.tmp"  # a process that runs
    fresh = tmp_path / f".xa-c.docx.rg{dead}-89abcdef.tmp"  # newer than this run
    foreign = tmp_path / ".xa-d.docx.abcdefgh.tmp"  # not our pattern
    report = tmp_path / "xa-e.docx"
    for f in (stale, live, foreign, report):
        f.write_bytes(b"x")
        os.utime(f, (old, old))
    fresh.write_bytes(b"x")
    removed = clean_stale_temporaries(tmp_path, before=time.time() - 10)
    assert removed == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (live, fresh, foreign, report)
    )


def test_writing_into_a_folder_cleans_what_a_killed_run_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / f".xa-a.docx.rg{_dead_pid()}-0123abcd.tmp"
    stale.write_bytes(b"nua chung")
    old = time.time() - 60
    os.utime(stale, (old, old))
    monkeypatch.setattr(atomic, "_CLEANED", set())
    monkeypatch.setattr(atomic, "STARTED", time.time())  # this process started just now
    write_atomic(tmp_path / "xa-b.docx", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa-b.docx"]


def test_temporary_names_fit_a_long_report_name() -> None:
    name = atomic.temporary_name("x" * 250 + ".docx")
    assert len(name) < 120 and atomic.TEMP_PATTERN.match(name)


def test_a_batch_hands_its_files_to_the_disk_while_it_runs_and_stops_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from reportgen.outputs import atomic

    calls: list[float] = []
    monkeypatch.setattr(os, "sync", lambda: calls.append(time.monotonic()))
    with atomic.flushing(every=0.01):
        time.sleep(0.2)
    during = len(calls)
    assert during >= 2, "the files written so far are flushed during the batch"
    time.sleep(0.05)
    assert len(calls) == during, "no flush once the batch is over"
    assert not any(t.name == "reportgen-flush" for t in threading.enumerate())
