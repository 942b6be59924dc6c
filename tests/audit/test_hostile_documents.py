"""Documents as Word and other editors leave them: tracked changes written every way, tables with
form-numbered headers and merged cells, indicator tables, figures written the English way."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from reportgen.audit import audit_file
from tests.audit.support import audit_text, codes

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


ENGLISH_WAY = [
    (
        "count-with-comma-thousands",
        "Tổng số hộ nghèo là 2,468 hộ, trong đó: 2,000 hộ ở nông thôn và 468 hộ ở đô thị.",
        [("audit.number-form", "2,468 hộ"), ("audit.number-form", "2,000 hộ")],
        "2.468",
    ),
    (
        "dong-with-comma-thousands",
        "Mỗi lớp được hỗ trợ 7,500 đồng (Bảy nghìn năm trăm đồng).",
        [("audit.number-form", "7,500 đồng")],
        "7.500",
    ),
    (
        "comma-then-point",
        "Tổng kinh phí là 3,140.5 triệu đồng.",
        [("audit.number-form", "3,140.5 triệu đồng")],
        "3.140,5",
    ),
    (
        "several-commas",
        "Kinh phí 2,750,000 đồng.",
        [("audit.number-form", "2,750,000 đồng")],
        "2.750.000",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "fix"), [c[1:] for c in ENGLISH_WAY], ids=[c[0] for c in ENGLISH_WAY]
)
def test_figures_written_the_english_way_are_named_not_computed(
    text: str, expected: list[tuple[str, str]], fix: str
) -> None:
    # "2,468 hộ" read the Vietnamese way is 2 households and a fraction: such a figure is a
    # matter of form, never a term of a sum or a change (no "part larger than the total").
    result = audit_text(text)
    assert sorted(codes(result)) == sorted(expected)
    assert all(f.confidence == "probable" for f in result.findings)
    assert fix in (result.findings[0].diagnostic.hint or "")
    assert "locale" not in " ".join(f.diagnostic.describe() for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Sản lượng đạt 1,250 tấn, diện tích 12,375 ha.",
        "Tỷ lệ hộ nghèo còn 1,125%.",
        "Dư nợ 23,348 tỷ đồng.",
    ],
    ids=["weights-and-areas", "percent", "ty-dong"],
)
def test_three_decimals_where_a_unit_has_fractions_are_fine(text: str) -> None:
    assert codes(audit_text(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tổng số 12 xã, trong đó 8 xã đạt chuẩn nông thôn mới, 5 xã đạt chuẩn nâng cao.",
            [("audit.sum-mismatch", "12 xã")],
        ),
        (
            "Toàn xã có 95 hộ nghèo, trong đó 60 hộ dân tộc thiểu số 40 hộ ở thôn Đông.",
            [],
        ),
        (
            "Tổng số hộ nghèo là 130 hộ; trong đó: hộ dân tộc thiểu số 45 hộ; hộ khác 90 hộ.",
            [("audit.sum-mismatch", "130 hộ")],
        ),
        ("Tổ dân phố số 5 có 30 hộ; Quyết định số 1258 ngày 21 tháng 8; nhà số 12.", []),
    ],
    ids=["tong-so-n", "thieu-so-n-twice-skipped", "thieu-so-n-part", "numbers-that-name"],
)
def test_so_followed_by_a_unit_is_a_figure(text: str, expected: list[tuple[str, str]]) -> None:
    # "số 5" names a thing (Tổ dân phố số 5), but "tổng số 250 người" and "dân tộc thiểu số
    # 40 hộ" state figures: they are read and checked.
    assert sorted(codes(audit_text(text))) == sorted(expected)
