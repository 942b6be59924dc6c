"""Faults during a batch, with the real command line: kill -9 and Ctrl-C at random (seeded)
moments, a read-only output folder, a full disk, two batches into one folder at once.

After each: every .docx that exists opens; no earlier report is lost; after the next run no
temporary file remains and the manifest matches the folder. Bounded: about a minute on two
cores (each run of the sample batch takes a few seconds).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.conftest import (
    Project,
    assert_every_report_opens,
    assert_manifest_matches,
    assert_no_traceback,
    reports,
    temporaries,
)
from tests.helpers import drop_total_row

pytestmark = pytest.mark.skipif(os.name != "posix", reason="sends POSIX signals")

SEED = 20241201
_RNG = random.Random(SEED)
#: when a batch is interrupted: at a moment drawn (from a fixed seed) in each third of a run
#: of the sample batch — loading, writing reports, the manifest — and "temp": the moment a
#: temporary file of a report being written is seen in the folder
MOMENTS: list[float | str] = [
    round(_RNG.uniform(low, high), 2) for low, high in ((0.2, 1.5), (1.5, 3.0), (3.0, 4.5))
] + ["temp"]


def _interrupt(project: Project, sig: signal.Signals, after: float | str) -> tuple[int, str, str]:
    proc = project.start("--force", "--overwrite")
    if isinstance(after, str):  # as soon as a temporary file exists
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if any(n.endswith(".docx.tmp") or ".docx.rg" in n for n in temporaries(project.folder)):
                break
            time.sleep(0.002)
    else:
        time.sleep(after)
    if proc.poll() is None:
        proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


def _after_the_next_run(project: Project, before: dict[str, bytes]) -> None:
    again = project.run("--force", "--overwrite")
    assert again.returncode in (0, 1), again.stdout + again.stderr
    assert_no_traceback(again)
    assert temporaries(project.folder) == []
    assert_every_report_opens(project.folder)
    assert_manifest_matches(project.folder)
    assert set(before) <= set(reports(project.folder))


def _ids(moments: list[float | str]) -> list[str]:
    return [f"at-{m}s" if isinstance(m, float) else "while-a-temp-file-exists" for m in moments]


@pytest.mark.parametrize("after", MOMENTS, ids=_ids(MOMENTS))
def test_kill_9_loses_nothing_and_the_next_run_cleans_up(
    rendered: Project, after: float | str
) -> None:
    project = rendered
    before = reports(project.folder)
    assert before
    _interrupt(project, signal.SIGKILL, after)
    assert_every_report_opens(project.folder)
    assert set(before) <= set(reports(project.folder)), "an earlier report was lost"
    _after_the_next_run(project, before)


CTRL_C = [MOMENTS[1], "temp"]


@pytest.mark.parametrize("after", CTRL_C, ids=_ids(CTRL_C))
def test_ctrl_c_leaves_no_temporary_file_and_says_so(rendered: Project, after: float | str) -> None:
    project = rendered
    before = reports(project.folder)
    code, out, err = _interrupt(project, signal.SIGINT, after)
    assert_no_traceback((out, err))
    if code not in (0, 1):  # it was stopped, not finished
        assert "Đã dừng" in err or "Ctrl-C" in err or code != 0, out + err
    assert temporaries(project.folder) == []
    assert_every_report_opens(project.folder)
    assert set(before) <= set(reports(project.folder))
    _after_the_next_run(project, before)


def _other_batch_holds(folder: Path, seconds: float) -> subprocess.Popen[str]:
    """A process holding the folder's lock (as a running batch does)."""
    code = (
        "import sys, time\n"
        "from reportgen.outputs.lock import folder_lock\n"
        "with folder_lock(sys.argv[1], command='render khac.yaml'):\n"
        "    print('giu', flush=True)\n"
        "    time.sleep(float(sys.argv[2]))\n"
    )
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(folder), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.stdout.close()
    assert line.strip() == "giu"
    return proc


def test_two_batches_into_one_folder_end_with_a_true_manifest(project: Project) -> None:
    first = project.start("--force", "--overwrite")
    time.sleep(0.3)
    second = project.run("--force", "--overwrite")
    out, err = first.communicate(timeout=120)
    assert first.returncode in (0, 1), out + err
    assert_no_traceback(second)
    if second.returncode == 2:  # refused: it names the folder and the other batch
        assert str(project.folder) in second.stdout + second.stderr
    else:
        assert second.returncode in (0, 1)
    assert temporaries(project.folder) == []
    assert_every_report_opens(project.folder)
    assert_manifest_matches(project.folder)


def test_a_batch_into_a_locked_folder_waits_or_refuses_with_a_message(project: Project) -> None:
    project.folder.mkdir(parents=True)
    holder = _other_batch_holds(project.folder, 60)
    try:
        proc = project.run("--force")
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 2
    assert_no_traceback(proc)
    text = proc.stdout + proc.stderr
    assert str(project.folder) in text and f"tiến trình {holder.pid}" in text
    assert reports(project.folder) == {}


@contextlib.contextmanager
def _tmpfs(where: Path, *options: str) -> Iterator[Path]:
    """A small tmpfs mounted at ``where`` (skips the test where mounting is not allowed)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(("size=1m", *options)), "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_read_only_output_folder_is_a_message_not_a_traceback(
    project: Project, tmp_path: Path
) -> None:
    if os.geteuid() != 0:
        project.out.mkdir()
        project.out.chmod(0o555)
        ctx: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
    else:
        ctx = _tmpfs(project.out, "ro")
    with ctx:
        proc = project.run("--force")
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert_no_traceback(proc)
        text = proc.stdout + proc.stderr
        assert str(project.out) in text
        assert "chỉ cho đọc" in text or "quyền ghi" in text
    if os.geteuid() != 0:
        project.out.chmod(0o755)


def test_a_full_disk_leaves_whole_reports_or_none(project: Project) -> None:
    with _tmpfs(project.out):
        filler = project.out / "chiem-cho.bin"
        with contextlib.suppress(OSError):
            filler.write_bytes(b"\0" * (1024 * 1024 - 200 * 1024))
        proc = project.run("--force")
        assert_no_traceback(proc)
        text = proc.stdout + proc.stderr
        assert "ổ đĩa đã đầy" in text, text
        assert temporaries(project.folder) == []
        assert_every_report_opens(project.folder)


def _grow_wards(project: Project, copies: int) -> int:
    """Give the sample ``copies`` times its wards (named ``… 2``, ``… 3``…, with the same
    figures this year and last), without a whole-city row: a batch big enough for ``--jobs 2``
    to start worker processes. Returns the number of wards."""
    drop_total_row(project.sample.config)
    count = 0
    for path in (project.sample.data, project.sample.previous):
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        head = lines[0]
        wards = [x for x in lines[1:] if x and not x.startswith("Tổng cộng;")]
        grown = list(wards)
        for n in range(2, copies + 1):
            grown += [w.replace(";", f" {n};", 1) for w in wards]
        path.write_text("\n".join([head, *grown]) + "\n", encoding="utf-8-sig")
        count = len(grown)
    return count


def _children(pid: int) -> set[int]:
    """The processes ``pid`` started (Linux: /proc/PID/task/*/children)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out |= {int(x) for x in (task / "children").read_text().split()}
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_jobs_workers_end_with_the_batch_and_the_next_run_is_whole(
    project: Project, sig: signal.Signals
) -> None:
    assert _grow_wards(project, 10) >= 100
    proc = project.start("--force", "--overwrite", "-j", "2")
    workers: set[int] = set()
    deadline = time.monotonic() + 90
    while proc.poll() is None and time.monotonic() < deadline:
        workers = {c for c in _children(proc.pid) if _alive(c)}
        if len(workers) >= 2 and temporaries(project.folder) + list(reports(project.folder)):
            break
        time.sleep(0.01)
    assert len(workers) >= 2, "the batch never started its workers"
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "a worker outlived its batch"
    before = reports(project.folder)
    _after_the_next_run(project, before)
