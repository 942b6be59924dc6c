"""Documents as Word and other editors leave them: tracked changes written every way, tables with
form-numbered headers and merged cells, indicator tables, figures written the English way."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from reportgen.audit import audit_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph_with(document: docx.document.Document, before: str, xml: str, after: str) -> None:
    p = document.add_paragraph()
    p.add_run(before)
    for el in etree.fromstring(f'<w:root xmlns:w="{W}">{xml}</w:root>'):
        p._p.append(el)
    p.add_run(after)


@pytest.mark.parametrize(
    "removed",
    [
        '<w:del w:id="1" w:author="A"><w:r><w:t xml:space="preserve">năm trăm nghìn </w:t></w:r></w:del>',
        '<w:moveFrom w:id="2" w:author="A"><w:r><w:t xml:space="preserve">năm trăm nghìn </w:t>'
        "</w:r></w:moveFrom>",
        '<w:del w:id="3" w:author="A"><w:r><w:delText xml:space="preserve">năm trăm nghìn '
        "</w:delText></w:r></w:del>",
    ],
    ids=["deleted-as-text", "moved-away", "deleted-as-deltext"],
)
def test_text_removed_with_tracked_changes_is_not_read(tmp_path: Path, removed: str) -> None:
    document = docx.Document()
    _paragraph_with(document, "Kinh phí hỗ trợ 4.000.000 đồng (Bốn triệu ", removed, "đồng chẵn).")
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    result = audit_file(path)
    assert [f.diagnostic.describe() for f in result.findings] == []
    assert len(result.checked) == 1
