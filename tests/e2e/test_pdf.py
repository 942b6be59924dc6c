"""``reportgen pdf`` on rendered reports: page one reads like a report, and stopping the command
(Ctrl-C, or killing it) leaves no LibreOffice behind.

Skipped when LibreOffice (with its UNO bridge) or pdftotext is not installed
(scripts/install_pdf_tools.sh installs them; CI runs that script first).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from reportgen.app import pipeline
from reportgen.outputs import lopool
from reportgen.outputs.lopool import LibreOfficeMissing
from tests.helpers import ROOT, edit_cell, sample_project
from tests.outputs.proc import command_of, descendants, wait_gone

PDFTOTEXT = shutil.which("pdftotext")


def _missing() -> str | None:
    try:
        lopool.find_tools()
    except LibreOfficeMissing as exc:
        return exc.format()
    return None if PDFTOTEXT else "pdftotext (poppler-utils) not installed"


MISSING = _missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"PDF tools missing: {MISSING}")


def _reportgen(*args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reportgen", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,  # type: ignore[call-overload]
    )


def test_city_report_converts_to_pdf_and_page_one_looks_official(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["thành phố Hòa An"])
    src = result.out_dir / "thanh-pho-hoa-an.docx"
    proc = _reportgen("pdf", str(src))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "Đã chuyển 1/1 báo cáo sang PDF" in out
    pdf = src.with_suffix(".pdf")
    manifest = json.loads((src.parent / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["file"]: f["sha256"] for f in manifest["files"]}
    assert listed[pdf.name] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    first = subprocess.run(
        [str(PDFTOTEXT), "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in first.splitlines() if line.strip()]
    assert "UBND TỈNH ĐÔNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]
    assert any("Độc lập - Tự do - Hạnh phúc" in x for x in lines[:3])
    assert any("Số: 125/BC-UBND" in x and "ngày 16 tháng 12 năm 2024" in x for x in lines)
    assert "BÁO CÁO" in lines
    # the unit table is laid out as a table: a row reads across its cells
    full = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert any(
        " ".join(line.split()).startswith("1 Phường Trần Phú ") for line in full.splitlines()
    )
    # a second run keeps it, also once the .docx is only newer (the manifest knows the bytes
    # it was made from); once the .docx changed, it is not overwritten without leave
    for _ in ("same", "touched"):
        proc = _reportgen("pdf", str(src))
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "1 PDF đã có, đúng với .docx của nó: giữ nguyên" in out
        os.utime(src, (time.time() + 5, time.time() + 5))
    with zipfile.ZipFile(src, "a") as z:  # other bytes, still a report Word opens
        z.comment = b"edited"
    old = pdf.read_bytes()
    proc = _reportgen("pdf", str(src))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 2
    assert "1 tệp PDF đã có nhưng cũ hơn báo cáo .docx" in err and "--overwrite" in err
    assert pdf.read_bytes() == old


def _many_reports(tmp_path: Path, copies: int) -> Path:
    config = sample_project(tmp_path)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Phường Trần Phú"])
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(copies):
        shutil.copyfile(result.out_dir / "phuong-tran-phu.docx", folder / f"p{i:03d}.docx")
    return folder


def _wait_for_soffice(pid: int, timeout: float = 120.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in descendants(pid) if "soffice" in command_of(p)]
        if found:
            return found
        time.sleep(0.05)
    return []


@pytest.mark.parametrize(
    ("sig", "code"),
    [(signal.SIGINT, 130), (signal.SIGKILL, -signal.SIGKILL), (signal.SIGTERM, -signal.SIGTERM)],
    ids=["ctrl-c", "killed", "terminated"],
)
def test_stopping_the_command_leaves_no_libreoffice(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    folder = _many_reports(tmp_path, 60)
    # its own process group, as a terminal's foreground job: Ctrl-C reaches the whole group
    proc = _reportgen("pdf", str(folder), "--pdf-jobs", "2", process_group=0)
    try:
        offices = _wait_for_soffice(proc.pid)
        assert offices, "LibreOffice did not start"
        workers = descendants(proc.pid)
        profiles = {
            Path(m.group(1)).parent
            for pid in workers
            if (m := re.search(r"--profile (\S+)", command_of(pid)))
        }
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if proc.returncode == 0:
        pytest.skip("the conversion ended before the signal")
    assert proc.returncode == code, err
    if sig == signal.SIGINT:
        assert "Đã dừng (Ctrl-C)" in err
        assert "Traceback" not in err
    assert wait_gone(workers + offices) == []
    assert not list(folder.glob(".*.tmp")), "half-written file left"
    assert len(profiles) == 1
    (pool_dir,) = profiles
    if sig == signal.SIGKILL:  # nothing runs to clean up: the next pool does it
        assert pool_dir.is_dir()
        assert pool_dir in lopool.sweep_stale(pool_dir.parent)
    assert not pool_dir.exists(), "temporary LibreOffice profiles left behind"


def test_render_with_pdf_merge_and_zip_lists_every_file_in_the_manifest(tmp_path: Path) -> None:
    from pypdf import PdfReader

    config = sample_project(tmp_path)
    out = tmp_path / "o"
    args = ("render", str(config), "-o", str(out), "--pdf", "--merge-pdf", "--zip")
    proc = _reportgen(*args)
    stdout, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    folder = out / "giam-ngheo-2024"
    docx = sorted(folder.glob("*.docx"))
    assert len(docx) == 13
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["file"]: f for f in manifest["files"]}
    for d in docx:
        entry = listed[d.with_suffix(".pdf").name]
        assert entry["kind"] == "pdf"
        assert entry["sha256"] == hashlib.sha256(d.with_suffix(".pdf").read_bytes()).hexdigest()
    merged = PdfReader(folder / "giam-ngheo-2024.pdf")
    assert merged.outline[0].title == "thành phố Hòa An"
    assert len(merged.outline) == 13
    names = zipfile.ZipFile(folder / "giam-ngheo-2024.zip").namelist()
    assert len([n for n in names if n.endswith(".docx")]) == 13
    assert len([n for n in names if n.endswith(".pdf")]) == 14
    packed = json.loads(
        zipfile.ZipFile(folder / "giam-ngheo-2024.zip").read("giam-ngheo-2024/manifest.json")
    )
    assert {f["file"] for f in packed["files"]} >= {d.with_suffix(".pdf").name for d in docx}
    assert "Tệp nén (để gửi)" in stdout
    # the same command again changes nothing, and says so
    proc = _reportgen(*args)
    stdout, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert "Không có gì thay đổi" in stdout
    # --changed after one unit's row changed: only that unit's PDF is made again
    pdfs = {p.name: p.read_bytes() for p in folder.glob("*.pdf")}
    edit_cell(
        config.parent.parent / "inputs" / "giam-ngheo-2024.csv",
        "Xã Song Mai",
        "chu_tich",
        "Lê Văn Mới",
    )
    proc = _reportgen(*args, "--changed")
    stdout, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    after = {p.name: p.read_bytes() for p in folder.glob("*.pdf")}
    assert sorted(n for n in pdfs if after[n] != pdfs[n]) == [
        "giam-ngheo-2024.pdf",
        "xa-song-mai.pdf",
    ]
    song_mai = " ".join(p.extract_text() for p in PdfReader(folder / "xa-song-mai.pdf").pages)
    assert "Lê Văn Mới" in song_mai
    merged_text = " ".join(
        p.extract_text() for p in PdfReader(folder / "giam-ngheo-2024.pdf").pages
    )
    assert "Lê Văn Mới" in merged_text


def test_render_pdf_only_keeps_the_pdf_and_not_the_docx(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    out = tmp_path / "o"
    proc = _reportgen("render", str(config), "-o", str(out), "--unit", "Xã Tân Mỹ", "--pdf-only")
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    folder = out / "giam-ngheo-2024"
    assert sorted(p.name for p in folder.glob("xa-tan-my.*")) == ["xa-tan-my.pdf"]
    # the manifest lists what is in the folder: the PDF, not the removed .docx
    entries = {e["unit"]: e for e in json.loads((folder / "manifest.json").read_text())["outputs"]}
    entry = entries["Xã Tân Mỹ"]
    assert entry["file"] == "xa-tan-my.pdf" and entry["is_total"] is False
    assert entry["sha256"] == hashlib.sha256((folder / "xa-tan-my.pdf").read_bytes()).hexdigest()
