"""The commented copy opened in LibreOffice: each comment is there, at its figure's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from tests.audit.builders import text_to_docx
from tests.audit.comments_picture import PDF_WITH_NOTES
from tests.helpers import SOFFICE, libreoffice_convert

TEXT = """BÁO CÁO
Tổng kinh phí năm 2025 là 900,5 triệu đồng, trong đó:
- Hỗ trợ nhà ở: 500 triệu đồng;
- Hỗ trợ sinh kế: 300,5 triệu đồng;
- Đào tạo nghề: 90 triệu đồng.
Kinh phí tập huấn: 15.000.000 đồng (*Mười sáu triệu đồng chẵn*).
"""


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_each_comment(tmp_path: Path) -> None:
    import pypdf

    source = text_to_docx(TEXT, tmp_path / "bao-cao.docx")
    out = tmp_path / "da-soat.docx"
    result = CliRunner().invoke(main, ["soat", str(source), "--comments", str(out)])
    assert result.exit_code == 1, result.output
    pdf = libreoffice_convert(out, PDF_WITH_NOTES, tmp_path)
    reader = pypdf.PdfReader(str(pdf))
    notes = [
        str(a.get_object().get("/Contents", ""))
        for page in reader.pages
        for a in (page.get("/Annots") or [])
        if a.get_object().get("/Subtype") == "/Text"
    ]
    assert len(notes) == 2
    assert any("tổng 900,5 triệu đồng" in n and "890,5 triệu đồng" in n for n in notes)
    assert any("Mười lăm triệu đồng chẵn" in n for n in notes)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "900,5 triệu đồng" in text and "Mười sáu triệu đồng chẵn" in text
