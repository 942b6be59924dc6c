"""A report written for the tests, correct (nothing to find) and with the mistakes clerks make
(each found, at its place, and nothing else); and where the reader looks in a .docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from reportgen.audit import audit_file
from tests.audit.builders import text_to_docx

FIXTURES = Path(__file__).parent / "fixtures"

WRONG = [
    ("audit.change-mismatch", "213 hộ", "direct"),
    ("audit.change-mismatch", "1,52%", "direct"),
    ("audit.sum-mismatch", "4.512,6 triệu đồng", "direct"),
    ("audit.words-mismatch", "15.800.000 đồng (Mười tám triệu năm trăm nghìn đồng chẵn)", "direct"),
    ("audit.sum-mismatch", "38,600 triệu đồng", "direct"),
    ("audit.part-exceeds-total", "25,2 tỷ đồng", "direct"),
    ("audit.table-total-row", "4.212,6", "direct"),
    ("audit.table-total-column", "4.212,6", "direct"),
    ("audit.number-form", "1.2.50 lượt", "probable"),
    ("audit.number-spacing", "62, 4 tỷ đồng", "probable"),
    ("audit.table-rate", "2,20", "probable"),
    ("audit.date-padding", "3/3/2025", "style"),
    ("audit.thousands-separator", "1075,5 triệu đồng", "style"),
    ("audit.three-decimals", "38,600 triệu đồng", "style"),
]


@pytest.mark.parametrize("as_docx", [False, True], ids=["md", "docx"])
def test_correct_report_has_nothing(tmp_path: Path, as_docx: bool) -> None:
    path = FIXTURES / "bao-cao-dung.md"
    if as_docx:
        path = text_to_docx(path.read_text(encoding="utf-8"), tmp_path / "bao-cao.docx")
    result = audit_file(path)
    assert [f.diagnostic.describe() for f in result.findings] == []
    assert len(result.checked) >= 40


@pytest.mark.parametrize("as_docx", [False, True], ids=["md", "docx"])
def test_each_mistake_found_surest_first(tmp_path: Path, as_docx: bool) -> None:
    path = FIXTURES / "bao-cao-sai.md"
    if as_docx:
        path = text_to_docx(path.read_text(encoding="utf-8"), tmp_path / "bao-cao.docx")
    found = [
        (f.diagnostic.code, f.diagnostic.extra["figure"], f.confidence)
        for f in audit_file(path).findings
    ]
    assert sorted(found) == sorted(WRONG)
    ranks = [["direct", "probable", "style"].index(c) for _, _, c in found]
    assert ranks == sorted(ranks)


def test_table_finding_located_by_table_row_and_cell(tmp_path: Path) -> None:
    path = text_to_docx(
        (FIXTURES / "bao-cao-sai.md").read_text(encoding="utf-8"), tmp_path / "bao-cao.docx"
    )
    (rate,) = [f for f in audit_file(path).findings if f.diagnostic.code == "audit.table-rate"]
    loc = rate.diagnostic.location
    assert loc is not None
    assert (loc.table, loc.table_row, loc.table_cell) == (1, 4, 5)
    assert loc.describe().endswith("bảng 1, hàng 4, ô 5")
    assert rate.diagnostic.extra["sentence"] == "Thị trấn Yên Hòa — Tỷ lệ hộ nghèo (%): «2,20»"


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Kinh phí 2.000.000 đồng (Ba triệu đồng chẵn).</w:t>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def test_headers_footers_and_footnotes_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Nội dung báo cáo.")
    document.sections[0].header.paragraphs[0].text = "Tổng số: 1.250,5 triệu đồng (Một tỷ đồng)"
    document.sections[0].footer.paragraphs[0].text = "Ngày 31/02/2025"
    buf = io.BytesIO()
    document.save(buf)
    path = tmp_path / "bao-cao.docx"
    with (
        zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin,
        zipfile.ZipFile(path, "w") as zout,
    ):
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("word/footnotes.xml", FOOTNOTES)
    found = sorted(
        (f.diagnostic.code, (f.diagnostic.location.where or "").split(" (")[0])
        for f in audit_file(path).findings
        if f.diagnostic.location is not None
    )
    assert found == [
        ("audit.date-invalid", "chân trang"),
        ("audit.words-mismatch", "chú thích cuối trang"),
        ("audit.words-mismatch", "đầu trang"),
    ]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_figure_split_over_runs_links_and_tracked_changes(tmp_path: Path) -> None:
    """Word splits a figure over runs, puts runs in hyperlinks and keeps deleted text: the
    reader sees the text as shown, and the comment covers the figure across the runs."""
    from lxml import etree

    from reportgen.audit.comments import write_comments

    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Kinh phí tập huấn: 15.")
    xml = (
        f'<w:root xmlns:w="{W}">'
        "<w:hyperlink><w:r><w:t>000</w:t></w:r></w:hyperlink>"
        "<w:del><w:r><w:delText>9</w:delText></w:r></w:del>"
        '<w:ins><w:r><w:t xml:space="preserve">.000 đồng</w:t></w:r></w:ins>'
        "</w:root>"
    )
    for el in etree.fromstring(xml):
        p._p.append(el)
    p.add_run(" (Mười sáu triệu đồng chẵn).")
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))

    result = audit_file(path)
    assert [(f.diagnostic.code, f.diagnostic.extra["figure"]) for f in result.findings] == [
        ("audit.words-mismatch", "15.000.000 đồng (Mười sáu triệu đồng chẵn)")
    ]
    data, n = write_comments(path.read_bytes(), result.findings)
    assert n == 1
    out = tmp_path / "da-soat.docx"
    out.write_bytes(data)
    body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    covered, inside = [], False
    for el in body.iter():
        if el.tag == f"{{{W}}}commentRangeStart":
            inside = True
        elif el.tag == f"{{{W}}}commentRangeEnd":
            inside = False
        elif el.tag == f"{{{W}}}t" and inside:
            covered.append(el.text or "")
    assert "".join(covered) == "15.000.000 đồng (Mười sáu triệu đồng chẵn)"
    assert audit_file(out).findings[0].diagnostic.code == "audit.words-mismatch"


def _merged_table_docx(path: Path, total_housing: str) -> Path:
    """A table as clerks make it in Word: a two-row header with merged cells."""
    document = docx.Document()
    document.add_paragraph("Biểu 2. Kinh phí theo đơn vị")
    rows = [
        ["TT", "Đơn vị", "Kinh phí (triệu đồng)", "", ""],
        ["", "", "Nhà ở", "Sinh kế", "Tổng"],
        ["1", "Xã An Phú", "120,5", "80,0", "200,5"],
        ["2", "Xã Bình Lợi", "99,5", "60,5", "160,0"],
        ["3", "Phường Đông", "30,0", "10,0", "40,0"],
        ["", "Toàn huyện", total_housing, "150,5", "400,5"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value:
                table.cell(i, j).text = value
    table.cell(0, 2).merge(table.cell(0, 4)).text = "Kinh phí (triệu đồng)"
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("total_housing", "expected"),
    [
        ("250,0", []),
        (
            "260,0",
            [("audit.table-total-row", "260,0"), ("audit.table-total-column", "400,5")],
        ),
    ],
    ids=["right", "total-row-wrong"],
)
def test_table_with_merged_header_cells(
    tmp_path: Path, total_housing: str, expected: list[tuple[str, str]]
) -> None:
    path = _merged_table_docx(tmp_path / "bao-cao.docx", total_housing)
    result = audit_file(path)
    found = [(f.diagnostic.code, f.diagnostic.extra["figure"]) for f in result.findings]
    assert sorted(found) == sorted(expected)
    assert len(result.checked) >= 12  # the totals were compared, not skipped
