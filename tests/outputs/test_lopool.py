"""The converter pool with a fake converter (no LibreOffice needed): a hung or crashed instance
is killed, started again and the document retried once; instances restart after a number of
documents; every process ends with the pool, also when its parent is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.outputs import lopool
from reportgen.outputs.lopool import ConverterPool, LibreOfficeMissing
from tests.outputs.proc import alive, wait_gone

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

FAKE = [sys.executable, str(Path(__file__).with_name("fake_uno_worker.py"))]


def _docs(tmp_path: Path, *texts: str) -> list[Path]:
    out = []
    for i, text in enumerate(texts):
        p = tmp_path / f"{i:02d}-{text}.docx"
        p.write_text(text)
        out.append(p)
    return out


def _starts(pool: ConverterPool) -> int:
    assert pool._dir is not None
    return sum(int(p.read_text()) for p in pool._dir.glob("profile-*/starts"))


@pytest.mark.parametrize(
    ("text", "status", "attempts", "restarts"),
    [
        ("ok", "ok", 1, 0),
        ("stall-once", "ok", 2, 1),
        ("crash-once", "ok", 2, 1),
        ("stall", "timeout", 2, 2),
        ("crash", "failed", 2, 2),
        ("bad", "failed", 1, 0),
    ],
    ids=[
        "converts",
        "hung-once-retried",
        "crashed-once-retried",
        "hangs-always",
        "crashes-always",
        "unreadable-not-retried",
    ],
)
def test_a_hung_or_crashed_conversion_is_killed_and_retried_once(
    tmp_path: Path, text: str, status: str, attempts: int, restarts: int
) -> None:
    (doc,) = _docs(tmp_path, text)
    with ConverterPool(1, timeout=1.5, worker_command=FAKE) as pool:
        (result,) = pool.convert([doc])
        assert (result.status, result.attempts, pool.restarts) == (status, attempts, restarts)
        if status == "ok":
            assert result.pdf == b"%PDF-fake " + doc.name.encode()
        else:
            assert result.pdf is None and result.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("bad", "cannot open"),
        ("unreadable", "LibreOffice không mở được tệp (tệp hỏng, hoặc không phải .docx)"),
    ],
    ids=["the-worker's-words", "an-unreadable-file-in-the-catalog's-words"],
)
def test_a_failed_conversion_says_why(tmp_path: Path, text: str, reason: str) -> None:
    (doc,) = _docs(tmp_path, text)
    with ConverterPool(1, worker_command=FAKE) as pool:
        (result,) = pool.convert([doc])
    assert (result.status, result.attempts, result.reason) == ("failed", 1, reason)


def test_other_documents_go_on_while_one_hangs(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "ok", "stall", "ok", "ok", "crash-once", "ok")
    with ConverterPool(2, timeout=1.5, worker_command=FAKE) as pool:
        results = pool.convert(docs)
    assert [r.status for r in results] == ["ok", "timeout", "ok", "ok", "ok", "ok"]
    assert [r.source for r in results] == [d.resolve() for d in docs]


def test_instances_restart_after_max_docs(tmp_path: Path) -> None:
    docs = _docs(tmp_path, *["ok"] * 7)
    with ConverterPool(1, max_docs=3, worker_command=FAKE) as pool:
        assert {r.status for r in pool.convert(docs)} == {"ok"}
        assert _starts(pool) == 3  # 3 + 3 + 1
        assert pool.restarts == 2


def test_pdfa_is_passed_to_the_converter(tmp_path: Path) -> None:
    (doc,) = _docs(tmp_path, "ok")
    with ConverterPool(1, worker_command=FAKE) as pool:
        (result,) = pool.convert([doc], pdfa=True)
    assert result.pdf is not None and result.pdf.endswith(b" A")


def test_closing_the_pool_ends_every_instance(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "ok", "ok", "ok")
    with ConverterPool(2, worker_command=FAKE) as pool:
        pool.convert(docs)
        workers = [i.proc.pid for i in pool._instances.values()]
        offices = pool.soffice_pids()
        assert len(offices) == 2 and all(alive(p) for p in offices + workers)
    assert wait_gone(offices + workers) == []


_PARENT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from reportgen.outputs.lopool import ConverterPool
    pool = ConverterPool(2, worker_command={fake!r})
    docs = []
    for i in range(4):
        p = Path({tmp!r}) / f"d{{i}}.docx"
        p.write_text("ok")
        docs.append(p)
    pool.convert(docs)
    pids = [i.proc.pid for i in pool._instances.values()] + pool.soffice_pids()
    print(" ".join(map(str, pids)), flush=True)
    {ending}
    """
)


@pytest.mark.parametrize(
    ("ending", "code"),
    [
        ("os.kill(os.getpid(), signal.SIGKILL)", -signal.SIGKILL),
        ("os.kill(os.getpid(), signal.SIGTERM)", -signal.SIGTERM),
        ("raise KeyboardInterrupt", -signal.SIGINT),  # Python re-raises it as the signal
    ],
    ids=["parent-killed", "parent-terminated", "ctrl-c"],
)
def test_no_instance_outlives_its_parent(tmp_path: Path, ending: str, code: int) -> None:
    script = _PARENT.format(fake=FAKE, tmp=str(tmp_path), ending=ending)
    root = str(Path(__file__).resolve().parents[2])
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=root,
        env={**os.environ, "PYTHONPATH": root},
        check=False,
    )
    assert proc.returncode == code, proc.stderr
    pids = [int(p) for p in proc.stdout.split()]
    assert len(pids) == 4
    assert wait_gone(pids) == []


def test_missing_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("REPORTGEN_SOFFICE", raising=False)
    lopool.find_tools.cache_clear()
    try:
        with pytest.raises(LibreOfficeMissing) as info:
            lopool.find_tools()
        assert "bash scripts/install_pdf_tools.sh" in (info.value.hint or "")
        doc = tmp_path / "a.docx"
        doc.write_bytes(b"x")
        result = CliRunner().invoke(main, ["pdf", str(doc)])
    finally:
        lopool.find_tools.cache_clear()
    assert result.exit_code == 2
    assert "không tìm thấy LibreOffice" in result.output
    assert "bash scripts/install_pdf_tools.sh" in result.output
    assert not doc.with_suffix(".pdf").exists()


def test_render_without_libreoffice_still_writes_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import sample_project

    config = sample_project(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("REPORTGEN_SOFFICE", raising=False)
    lopool.find_tools.cache_clear()
    try:
        out = tmp_path / "o"
        args = ["render", str(config), "-o", str(out), "--unit", "Xã Tân Mỹ"]
        args += ["--pdf", "--merge-pdf", "--zip"]
        result = CliRunner().invoke(main, args)
    finally:
        lopool.find_tools.cache_clear()
    assert result.exit_code == 2
    # said once, not once per writer, and not as if a report had failed
    assert result.output.count("không tìm thấy LibreOffice") == 1
    assert "bash scripts/install_pdf_tools.sh" in result.output
    assert "lỗi mẫu" not in result.output
    folder = out / "giam-ngheo-2024"
    assert [p.name for p in folder.glob("xa-tan-my.*")] == ["xa-tan-my.docx"]
    assert (folder / "giam-ngheo-2024.zip").exists()  # the batch can still be handed over


def test_what_killed_runs_left_is_swept_and_nothing_of_a_live_pool(tmp_path: Path) -> None:
    live, killed, fresh, old = (tmp_path / f"{lopool.DIR_PREFIX}{n}" for n in "abcd")
    for folder in (live, killed, fresh, old):
        (folder / "profile-0").mkdir(parents=True)
    held = lopool._hold_owner(live)  # a pool of a run still going
    assert held is not None
    (killed / lopool.OWNER).write_text("")  # its run was killed: nobody holds it
    os.utime(old, (0, 0))  # an older reportgen's folder, days old
    dead = subprocess.Popen(["true"])
    dead.wait()
    uid = os.getuid()
    pipes = [tmp_path / f"OSL_PIPE_{uid}_reportgen-{pid}-1" for pid in (dead.pid, os.getpid())]
    for pipe in pipes:
        pipe.write_text("")
    try:
        assert sorted(lopool.sweep_stale(tmp_path)) == [killed, old]
        assert live.is_dir() and fresh.is_dir()
        assert [p.exists() for p in pipes] == [False, True]
    finally:
        os.close(held)


def test_a_pool_holds_its_folder_while_it_lives_and_removes_it(tmp_path: Path) -> None:
    (doc,) = _docs(tmp_path, "ok")
    with ConverterPool(1, worker_command=FAKE) as pool:
        pool.convert([doc])
        folder = pool._dir
        assert folder is not None and (folder / lopool.OWNER).exists()
        assert folder not in lopool.sweep_stale(folder.parent)
        assert folder.is_dir()
    assert not folder.exists()
