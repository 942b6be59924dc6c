"""The same template gives the same text with docxtpl and with the engine."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest
from docxtpl import DocxTemplate

from .builders import (
    BOOKMARK_END,
    BOOKMARK_START,
    PROOF_END,
    PROOF_START,
    make_docx,
    p,
    r,
    render_checked,
    tbl,
    tc,
    texts,
    tr,
)


def _python_docx_report(document: docx.document.Document) -> None:
    document.add_heading("BÁO CÁO NĂM {{ nam }}", level=1)
    for i in range(5):
        paragraph = document.add_paragraph(f"{i}. Xã ")
        paragraph.add_run("{{ ten }}").bold = True
        paragraph.add_run(" có {{ so_ho }} hộ, tỷ lệ {{ ty_le }}%.")
    document.add_paragraph("{%p if ghi_chu %}")
    document.add_paragraph("Ghi chú: {{ ghi_chu }}")
    document.add_paragraph("{%p endif %}")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].text = "{%tr for t in thon %}"
    for cell, expr in zip(
        table.rows[1].cells, ["{{ loop.index }}", "{{ t.ten }}", "{{ t.so }}"], strict=True
    ):
        cell.text = expr
    table.rows[2].cells[0].text = "{%tr endfor %}"
    document.sections[0].header.paragraphs[0].text = "UBND {{ ten | upper }}"


CONTEXT: dict[str, Any] = {
    "nam": 2024,
    "ten": "Hòa Bình & Tân Lập",
    "so_ho": 1234,
    "ty_le": "7,08",
    "ghi_chu": "Số liệu <tạm tính>",
    "thon": [{"ten": f"Thôn {i}", "so": i * 10} for i in range(1, 6)],
}

TEMPLATES = [
    ("python-docx report", lambda: make_docx(build=_python_docx_report)),
    (
        "split runs",
        lambda: make_docx(
            p(r("Xã "), r("{{ te"), PROOF_START, r("n }}"), PROOF_END, r(" năm {{ nam }}"))
            + p(r("{{ so_"), BOOKMARK_START, r("ho }}"), BOOKMARK_END)
        ),
    ),
    (
        "paragraph if hidden",
        lambda: make_docx(
            p(r("a")) + p(r("{%p if not ghi_chu %}")) + p(r("ẩn")) + p(r("{%p endif %}"))
        ),
    ),
    (
        "rows in a table",
        lambda: make_docx(
            tbl(
                tr(tc(p(r("Tên"))), tc(p(r("Số")))),
                tr(tc(p(r("{%tr for t in thon %}"))), tc(p())),
                tr(tc(p(r("{{ t.ten }}"))), tc(p(r("{{ t.so }}")))),
                tr(tc(p(r("{%tr endfor %}"))), tc(p())),
            )
        ),
    ),
    ("smart quotes", lambda: make_docx(p(r("{{ ten ~ “ – ” ~ nam }}")))),
]


def _docxtpl(data: bytes, part: str) -> list[str]:
    template = DocxTemplate(io.BytesIO(data))
    template.render(CONTEXT, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return texts(z.read(part))


@pytest.mark.parametrize("build", [c[1] for c in TEMPLATES], ids=[c[0] for c in TEMPLATES])
def test_document_text_matches_docxtpl(build: Any) -> None:
    data = build()
    _, out = render_checked(data, CONTEXT)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        ours = texts(z.read("word/document.xml"))
        assert ours == _docxtpl(data, "word/document.xml")
        if "word/header1.xml" in z.namelist():
            assert texts(z.read("word/header1.xml")) == _docxtpl(data, "word/header1.xml")
