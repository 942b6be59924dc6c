"""Shared test helpers: a copy of the sample project that a test may break."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

from reportgen.resources import DEMO, DEMO_FILES

ROOT = Path(__file__).resolve().parent.parent


def sample_project(tmp: Path) -> Path:
    """Copy the sample project (configs/, inputs/, templates/) into ``tmp``; return its config."""
    for rel in DEMO_FILES:
        dst = tmp / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO / rel, dst)
    return tmp / "configs" / "giam-ngheo-2024.yaml"


def drop_total_row(config: Path) -> None:
    """Make the sample project's 2024 file one without a whole-city row: remove the "Tổng cộng"
    row and its declaration (``data.total_row``)."""
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^  total_row: .*\n", "", text, count=1), encoding="utf-8")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    lines = data.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    data.write_text(
        "".join(x for x in lines if not x.startswith("Tổng cộng;")), encoding="utf-8-sig"
    )


def signature_table(document: Any) -> Any:
    """The table holding Nơi nhận and the signature block of a python-docx document (the last
    table of the main part: appendices come after it)."""
    for table in document.tables:
        if table.cell(0, 0).paragraphs[0].text == "Nơi nhận:":
            return table
    raise AssertionError("no signature block")


def edit_cell(csv_path: Path, unit: str, column: str, value: str) -> None:
    """Set one cell of the sample CSV (UTF-8 with BOM, ';' separated)."""
    text = csv_path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    col = rows[0].index(column)
    hits = [r for r in rows[1:] if r[0] == unit]
    assert hits, f"no unit {unit}"
    hits[0][col] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    csv_path.write_text(out.getvalue(), encoding="utf-8-sig")


def rename_unit(csv_path: Path, old: str, new: str) -> None:
    """Rename a unit of the sample CSV."""
    text = csv_path.read_text(encoding="utf-8-sig")
    csv_path.write_text(text.replace(f"\n{old};", f"\n{new};"), encoding="utf-8-sig")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, to: str, out_dir: Path, *, timeout: int = 180) -> Path:
    """Convert ``source`` with LibreOffice headless (its own profile under ``out_dir``) to the
    format ``to`` (``pdf``, ``docx``, ``txt:Text``); return the converted file. Assert it
    worked; skip the test when LibreOffice does not answer in time."""
    import subprocess

    import pytest

    assert SOFFICE is not None
    try:
        proc = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{out_dir / 'lo-profile'}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("LibreOffice did not answer in time")
    converted = out_dir / f"{source.stem}.{to.split(':')[0]}"
    assert proc.returncode == 0 and converted.exists(), proc.stderr
    return converted
