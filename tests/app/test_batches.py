"""Batches as the application layer runs them: executors, re-runs, --changed, the manifest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.app import InProcessExecutor, ProcessPool, render
from reportgen.cli import main
from tests.helpers import edit_cell, rename_unit, sample_project

REPO = Path(__file__).resolve().parents[2]


def _docx_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}


def test_the_pool_writes_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    one = render(config, out_dir=tmp_path / "a", executor=InProcessExecutor())
    two = render(config, out_dir=tmp_path / "b", executor=ProcessPool(2))
    assert _docx_bytes(one.out_dir) == _docx_bytes(two.out_dir)
    assert len(_docx_bytes(one.out_dir)) == 13


def test_two_pools_can_run_at_the_same_time(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    results: dict[str, object] = {}

    def run(name: str) -> None:
        results[name] = render(config, out_dir=tmp_path / name, executor=ProcessPool(2))

    threads = [threading.Thread(target=run, args=(n,)) for n in ("x", "y")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _docx_bytes(tmp_path / "x" / "giam-ngheo-2024") == _docx_bytes(
        tmp_path / "y" / "giam-ngheo-2024"
    )


def _rerun(config: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", str(config), "-o", str(out), "-j", "1", *args])
    return result.exit_code, result.output


def test_a_rerun_that_would_change_nothing_exits_0_and_says_so(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    assert _rerun(config, tmp_path / "o")[0] == 0
    before = _docx_bytes(tmp_path / "o" / "giam-ngheo-2024")
    code, out = _rerun(config, tmp_path / "o")
    assert code == 0
    assert "Không có gì thay đổi" in out
    assert _docx_bytes(tmp_path / "o" / "giam-ngheo-2024") == before


def test_a_rerun_with_changed_figures_refuses_without_a_flag_and_writes_nothing(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    _rerun(config, tmp_path / "o")
    before = _docx_bytes(tmp_path / "o" / "giam-ngheo-2024")
    edit_cell(
        config.parent.parent / "inputs" / "giam-ngheo-2024.csv",
        "Xã Song Mai",
        "chu_tich",
        "Lê Văn Mới",
    )
    code, out = _rerun(config, tmp_path / "o")
    assert code == 2
    assert "--changed" in out
    assert _docx_bytes(tmp_path / "o" / "giam-ngheo-2024") == before


def test_changed_rewrites_only_the_unit_whose_row_changed(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    _rerun(config, tmp_path / "o")
    folder = tmp_path / "o" / "giam-ngheo-2024"
    before = _docx_bytes(folder)
    edit_cell(
        config.parent.parent / "inputs" / "giam-ngheo-2024.csv",
        "Xã Song Mai",
        "chu_tich",
        "Lê Văn Mới",
    )
    code, out = _rerun(config, tmp_path / "o", "--changed")
    assert code == 0, out
    after = _docx_bytes(folder)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["xa-song-mai.docx"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    states = {o["unit"]: o["state"] for o in manifest["outputs"]}
    assert states["Xã Song Mai"] == "changed"
    assert sum(1 for s in states.values() if s == "unchanged") == 12
    assert len(manifest["runs"]) == 2
    assert manifest["last_run"]["policy"] == "changed"
    assert manifest["last_run"]["seconds"] >= 0
    assert manifest["last_run"]["started"]


@pytest.mark.parametrize("name", ["kiem-tra.txt", "kiem-tra.json", "manifest.json"])
def test_findings_and_manifest_end_with_a_newline(tmp_path: Path, name: str) -> None:
    config = sample_project(tmp_path / "p")
    _rerun(config, tmp_path / "o")
    text = (tmp_path / "o" / "giam-ngheo-2024" / name).read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_a_unit_name_longer_than_the_file_system_allows_gets_a_short_unique_file(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path / "p")
    long_name = "Xã " + "Rất Dài " * 60 + "Song Mai"
    rename_unit(config.parent.parent / "inputs" / "giam-ngheo-2024.csv", "Xã Song Mai", long_name)
    result = render(config, out_dir=tmp_path / "o", units=[long_name], jobs=1)
    assert [o.status for o in result.outputs] == ["rendered"]
    path = Path(result.outputs[0].file or "")
    assert path.exists()
    assert len(path.name.encode("utf-8")) < 255


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(REPO)!r})
        from reportgen.app import ProcessPool, render
        from reportgen.app import executor as ex

        def slow(renderer, job):
            print("WORKER", os.getpid(), flush=True)
            time.sleep(60)

        ex.run_job = slow
        render({str(config)!r}, out_dir={str(tmp_path / "o")!r}, executor=ProcessPool(2))
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        if line.startswith("WORKER"):
            workers.add(int(line.split()[1]))
    assert len(workers) == 2, f"the batch ended early with code {proc.poll()}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 10
    alive = set(workers)
    while alive and time.monotonic() < deadline:
        alive = {pid for pid in alive if _alive(pid)}
        time.sleep(0.1)
    assert not alive, f"workers left running: {alive}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_skipped_unit_counts_its_mistakes_as_check_does(tmp_path: Path) -> None:
    """One mistyped cell that puts out several checks is one mistake in render's reason too."""
    config = sample_project(tmp_path / "p")
    edit_cell(
        config.parent.parent / "inputs" / "giam-ngheo-2024.csv",
        "Phường Hoàng Văn Thụ",
        "tong_so_ho",
        "4.926",
    )
    checked = CliRunner().invoke(main, ["check", str(config)])
    code, output = _rerun(config, tmp_path / "out")
    assert code == 1
    assert "Kết quả: 1 lỗi ở 1 đơn vị" in checked.output
    assert "Phường Hoàng Văn Thụ — 1 lỗi số liệu" in output
