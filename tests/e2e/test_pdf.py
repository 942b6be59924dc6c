"""The rendered report converts to PDF with LibreOffice and its first page reads like a report.

Skipped when LibreOffice or pdftotext is not installed (scripts/install_pdf_tools.sh installs
them; CI runs that script first).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.app import pipeline
from tests.helpers import SOFFICE, libreoffice_convert, sample_project

PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice/pdftotext not installed")
def test_city_report_converts_to_pdf_and_page_one_looks_official(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["thành phố Hòa An"])
    src = result.out_dir / "thanh-pho-hoa-an.docx"
    pdf = libreoffice_convert(src, "pdf", tmp_path)
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
    pages = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=False
    ).stdout
    assert "Pages:" in pages
