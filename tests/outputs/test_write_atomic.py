"""write_atomic: all of the file or nothing, and no overwriting without being asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportgen.diagnostics.errors import OutputError
from reportgen.outputs.atomic import write_atomic


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
