"""folder_lock: one batch at a time in an output folder; the second waits, then refuses
with a message naming the folder and the other process; a killed holder never leaves the
folder locked; stale temporary files are removed when the lock is taken."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reportgen.diagnostics.errors import OutputError
from reportgen.outputs.lock import LOCK_NAME, folder_lock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="runs a holder in a POSIX subprocess")

_HOLDER = textwrap.dedent(
    """
    import sys, time
    from reportgen.outputs.lock import folder_lock
    with folder_lock(sys.argv[1], command="render thu.yaml"):
        print("giu", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _hold(folder: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.stdout.close()
    assert line.strip() == "giu"
    return proc


def test_the_lock_is_taken_and_given_back(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with folder_lock(folder) as held:
        assert held.folder == folder and (folder / LOCK_NAME).exists()
    with folder_lock(folder, wait=0):
        pass


def test_a_second_batch_is_refused_naming_the_folder_and_the_other_process(
    tmp_path: Path,
) -> None:
    proc = _hold(tmp_path, 30)
    try:
        with pytest.raises(OutputError) as info, folder_lock(tmp_path, wait=0.3):
            pass
    finally:
        proc.kill()
        proc.wait()
    err = info.value
    assert err.code == "output.folder-locked"
    assert str(tmp_path) in err.message
    assert f"tiến trình {proc.pid}" in err.message
    assert "render thu.yaml" in err.message
    assert err.hint is not None and "-o" in err.hint


def test_a_second_batch_waits_for_the_first_to_finish(tmp_path: Path) -> None:
    proc = _hold(tmp_path, 0.5)
    with folder_lock(tmp_path, wait=30):
        assert proc.poll() is not None or proc.wait(timeout=30) == 0
    proc.wait()


def test_a_killed_holder_leaves_the_folder_free(tmp_path: Path) -> None:
    proc = _hold(tmp_path, 30)
    proc.kill()
    proc.wait()
    with folder_lock(tmp_path, wait=0):
        pass


def test_stale_temporary_files_are_removed_when_the_lock_is_taken(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".xa-a.docx.rg{dead.pid}-0123abcd.tmp"
    stale.write_bytes(b"nua chung")
    old = time.time() - 5
    os.utime(stale, (old, old))
    with folder_lock(tmp_path) as held:
        assert held.cleaned == (stale,)
    assert not stale.exists()


@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_an_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError) as info, folder_lock(folder):
            pass
    finally:
        folder.chmod(0o755)
    assert "không có quyền" in info.value.message
