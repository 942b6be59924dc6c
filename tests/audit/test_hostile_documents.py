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


FORM_TABLE = """| TT | Đơn vị | Tổng số hộ (3) | Hộ nghèo đầu năm (4) | Tỷ lệ hộ nghèo đầu năm (%) (5) | Hộ nghèo cuối năm (6) | Tỷ lệ hộ nghèo (%) (7) | Kinh phí nhà ở (8) | Kinh phí sinh kế (9) | Tổng kinh phí (10) |
|---|---|---|---|---|---|---|---|---|---|
| 1 | Xã Tân Lập | 2.480 | 46 | 1,90 | 38 | 1,53 | 120,0 | 35,5 | 155,5 |
| 2 | Xã Phú Cường | 3.125 | 61 | 2,01 | 50 | 1,60 | 160,0 | 42,0 | 202,0 |
| 3 | Xã Đông Hưng | 1.960 | 29 | 1,52 | 22 | 1,12 | 80,0 | 20,5 | 100,5 |
| 4 | Thị trấn Hòa | 4.305 | 35 | 0,83 | 30 | 0,70 | 40,0 | 60,0 | 100,0 |
|  | Toàn huyện | 11.870 | 171 | 1,46 | 140 | 1,18 | 400,0 | 158,0 | 558,0 |
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("| 1,53 |", "| 1,53 |", []),
        ("| 1,60 |", "| 1,80 |", [("audit.table-rate", "1,80")]),
        (
            "| 202,0 |",
            "| 212,0 |",
            [("audit.table-total-column", "212,0"), ("audit.table-total-row", "558,0")],
        ),
        ("| 1,52 |", "| 1,62 |", []),
    ],
    ids=[
        "right",
        "rate-under-numbered-header",
        "total-under-numbered-header",
        "rate-of-other-base",
    ],
)
def test_table_with_numbered_headers(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    # Headers numbered the way forms are ("Tổng số hộ (3)") name no unit; the
    # rate of the last year's poor households is over last year's households, which the table
    # does not give: the figures do not confirm that reading, so it is not used.
    text = FORM_TABLE.replace(old, new, 1)
    assert sorted(codes(audit_text(text, ".md"))) == sorted(expected)


def test_row_numbering_the_columns_is_not_data() -> None:
    numbered = FORM_TABLE.replace(
        "|---|---|---|---|---|---|---|---|---|---|\n",
        "|---|---|---|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |\n",
    )
    assert codes(audit_text(numbered, ".md")) == []
    wrong = numbered.replace("| 171 |", "| 181 |")
    assert codes(audit_text(wrong, ".md")) == [("audit.table-total-row", "181")]


SOURCES_TABLE = """| TT | Đơn vị | Tổng kinh phí | Ngân sách trung ương | Ngân sách địa phương | Huy động xã hội |
|---|---|---|---|---|---|
| 1 | Xã Tân Lập | 155,5 | 90,0 | 40,5 | 25,0 |
| 2 | Xã Phú Cường | 202,0 | 120,0 | 52,0 | 30,0 |
| 3 | Xã Đông Hưng | 100,5 | 60,0 | 30,5 | 10,0 |
| 4 | Thị trấn Hòa | 100,0 | 50,0 | 30,0 | 20,0 |
"""


def test_total_column_before_its_members() -> None:
    assert codes(audit_text(SOURCES_TABLE, ".md")) == []
    wrong = SOURCES_TABLE.replace("| 52,0 |", "| 62,0 |")
    assert codes(audit_text(wrong, ".md")) == [("audit.table-total-column", "202,0")]


INDICATORS = """| TT | Chỉ tiêu | Đơn vị tính | Xã Tân Lập | Toàn huyện |
|---|---|---|---|---|
| 1 | Tổng số hộ | hộ | 2.480 | 11.870 |
| 2 | Hộ nghèo đầu năm | hộ | 46 | 171 |
| 3 | Số hộ thoát nghèo | hộ | 10 | 41 |
| 4 | Hộ nghèo cuối năm | hộ | 38 | 140 |
| 5 | Tỷ lệ hộ nghèo | % | 1,53 | 1,18 |
| 6 | Tổng kinh phí | triệu đồng | 155,5 | 558,0 |
| 7 | Ngân sách trung ương | triệu đồng | 90,0 | 320,0 |
| 8 | Ngân sách địa phương | triệu đồng | 40,5 | 153,0 |
| 9 | Huy động xã hội | triệu đồng | 25,0 | 85,0 |
| 10 | Tỷ lệ giải ngân | % | 82,40 | 88,10 |
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("| 1,53 |", "| 1,53 |", []),
        ("| 1,53 |", "| 1,63 |", [("audit.table-rate-row", "1,63")]),
        ("| 153,0 |", "| 163,0 |", [("audit.table-total-row", "558,0")]),
        ("| 46 |", "| 56 |", []),
    ],
    ids=["right", "rate-row", "total-row-of-sources", "unrelated-row"],
)
def test_indicator_table_rows(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    # Rows of one unit after "Tổng số hộ" are not its parts (the two value columns say so);
    # the sources after "Tổng kinh phí" are, and the other column confirms it.
    text = INDICATORS.replace(old, new, 1)
    assert sorted(codes(audit_text(text, ".md"))) == sorted(expected)


def test_indicator_table_finding_names_row_and_column() -> None:
    result = audit_text(INDICATORS.replace("| 1,53 |", "| 1,63 |"), ".md")
    (finding,) = result.findings
    d = finding.diagnostic
    assert d.location is not None
    assert (d.location.table, d.location.table_row, d.location.table_cell) == (1, 6, 4)
    assert d.message == 'hàng "Tỷ lệ hộ nghèo", cột "Xã Tân Lập": ghi 1,63 nhưng 38 / 2.480 = 1,53'
    assert d.expected == "1,53"


def test_rate_column_over_another_base_is_not_flagged_even_with_units() -> None:
    # "Tỷ lệ hộ nghèo đầu năm" right after "Hộ nghèo đầu năm (hộ)", and a "Tổng số hộ (hộ)"
    # of this year: the rates are over last year's households, every row "disagrees", so the
    # reading is wrong, not the table.
    text = FORM_TABLE.replace("Tổng số hộ (3)", "Tổng số hộ (hộ)").replace(
        "Hộ nghèo đầu năm (4)", "Hộ nghèo đầu năm (hộ)"
    )
    assert codes(audit_text(text, ".md")) == []


def test_rate_column_with_the_count_not_right_before_it() -> None:
    text = """| TT | Đơn vị | Số hộ nghèo (hộ) | Tổng số hộ (hộ) | Tỷ lệ hộ nghèo (%) |
|---|---|---|---|---|
| 1 | Xã Tân Lập | 38 | 2.480 | 1,53 |
| 2 | Xã Phú Cường | 50 | 3.125 | 1,60 |
| 3 | Xã Đông Hưng | 22 | 1.960 | 1,12 |
|  | Cộng | 110 | 7.565 | 1,45 |
"""
    assert codes(audit_text(text, ".md")) == []
    assert codes(audit_text(text.replace("| 1,60 |", "| 1,66 |"), ".md")) == [
        ("audit.table-rate", "1,66")
    ]


LISTS = [
    (
        "colon-list-by-commas-right",
        "Số hộ ra khỏi danh sách: 21 hộ, gồm: 12 hộ vượt chuẩn cận nghèo, 8 hộ thành hộ cận "
        "nghèo và 1 hộ chuyển đi; số hộ bổ sung: 5 hộ, gồm: 3 hộ phát sinh mới và 2 hộ tái nghèo.",
        [],
    ),
    (
        "first-colon-list-by-commas-wrong",
        "Số hộ ra khỏi danh sách: 21 hộ, gồm: 12 hộ vượt chuẩn cận nghèo, 9 hộ thành hộ cận "
        "nghèo và 1 hộ chuyển đi; số hộ bổ sung: 5 hộ, gồm: 3 hộ phát sinh mới và 2 hộ tái nghèo.",
        [("audit.sum-mismatch", "21 hộ")],
    ),
    (
        "second-list-of-the-sentence-wrong",
        "Số hộ ra khỏi danh sách: 21 hộ, gồm: 12 hộ vượt chuẩn cận nghèo, 8 hộ thành hộ cận "
        "nghèo và 1 hộ chuyển đi; số hộ bổ sung: 5 hộ, gồm: 2 hộ phát sinh mới và 2 hộ tái nghèo.",
        [("audit.sum-mismatch", "5 hộ")],
    ),
    (
        "gom-is-complete-so-short-is-found",
        "Tổng nguồn vốn 1.650 triệu đồng, gồm: ngân sách trung ương 1.100 triệu đồng, ngân sách "
        "tỉnh 320 triệu đồng, vốn lồng ghép 130 triệu đồng.",
        [("audit.sum-mismatch", "1.650 triệu đồng")],
    ),
    (
        "gom-open-ended-short-is-skipped",
        "Tổng nguồn vốn 1.650 triệu đồng, gồm: ngân sách trung ương 1.100 triệu đồng, ngân sách "
        "tỉnh 320 triệu đồng, các nguồn khác 50 triệu đồng...",
        [],
    ),
    (
        "trong-do-short-is-a-selection",
        "Tổng nguồn vốn 1.650 triệu đồng, trong đó: ngân sách trung ương 1.100 triệu đồng, ngân "
        "sách tỉnh 320 triệu đồng.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LISTS], ids=[c[0] for c in LISTS])
def test_lists_after_gom_and_trong_do(text: str, expected: list[tuple[str, str]]) -> None:
    result = audit_text(text)
    assert sorted(codes(result)) == sorted(expected)
    assert len(result.checked) >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tỷ lệ hộ nghèo từ 3,25% năm 2023 giảm xuống còn 2,75% năm 2024, giảm 0,6 điểm phần "
            "trăm.",
            [("audit.change-mismatch", "0,6 điểm phần trăm")],
        ),
        (
            "Tỷ lệ hộ nghèo từ 3,25% năm 2023 giảm xuống còn 2,75% năm 2024, giảm 0,5 điểm phần "
            "trăm.",
            [],
        ),
        (
            "Số hộ nghèo từ 120 hộ (năm 2023) xuống còn 95 hộ (năm 2024), giảm 35 hộ.",
            [("audit.change-mismatch", "35 hộ")],
        ),
    ],
    ids=["year-after-end-wrong", "year-after-end-right", "year-in-brackets-wrong"],
)
def test_change_stated_after_a_pair_with_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(audit_text(text)) == expected


def test_relations_that_hold_everywhere_count_as_checked() -> None:
    # the rate row (2 cells), its count and base rows (4), the total and its three sources (8)
    assert len(audit_text(INDICATORS, ".md").checked) == 14


def test_table_relation_off_by_less_than_rounding() -> None:
    # where every other place adds up exactly, 0,1 off is not rounding drift (probable);
    # in an indicator table with two value columns one exact place cannot tell
    near = SOURCES_TABLE.replace("| 52,0 |", "| 52,1 |")
    result = audit_text(near, ".md")
    assert [
        (c, f.confidence) for (c, _), f in zip(codes(result), result.findings, strict=True)
    ] == [("audit.table-total-column", "probable")]
    assert "làm tròn" in (result.findings[0].diagnostic.hint or "")
    assert codes(audit_text(INDICATORS.replace("| 153,0 |", "| 153,1 |"), ".md")) == []


FORMULA_TABLE = """| TT | Đơn vị | Hộ nghèo đầu năm (1) | Thoát nghèo (2) | Phát sinh (3) | Hộ nghèo cuối năm (4)=(1)-(2)+(3) | Tổng số hộ (5) | Tỷ lệ (%) (6)=(4)/(5) |
|---|---|---|---|---|---|---|---|
| 1 | Xã Tân Lập | 46 | 10 | 2 | 38 | 2.480 | 1,53 |
| 2 | Xã Phú Cường | 61 | 13 | 2 | 50 | 3.125 | 1,60 |
| 3 | Xã Đông Hưng | 29 | 8 | 1 | 22 | 1.960 | 1,12 |
"""

NUMBERED_BELOW = """| Đơn vị | Kế hoạch | Thực hiện | Còn lại | Tỷ lệ thực hiện (%) |
|---|---|---|---|---|
| A | 1 | 2 | 3=1-2 | 4=2/1 |
| Xã Tân Lập | 100,0 | 80,0 | 20,0 | 80,0 |
| Xã Phú Cường | 50,0 | 45,0 | 5,0 | 90,0 |
| Xã Đông Hưng | 40,0 | 30,0 | 10,0 | 75,0 |
"""


@pytest.mark.parametrize(
    ("table", "old", "new", "expected"),
    [
        (FORMULA_TABLE, "| 38 |", "| 38 |", []),
        (FORMULA_TABLE, "| 13 |", "| 11 |", [("audit.table-formula", "50")]),
        (FORMULA_TABLE, "| 1,12 |", "| 1,21 |", [("audit.table-formula", "1,21")]),
        (NUMBERED_BELOW, "| 80,0 |", "| 80,0 |", []),
        (NUMBERED_BELOW, "| 5,0 |", "| 6,0 |", [("audit.table-formula", "6,0")]),
        (NUMBERED_BELOW, "| 75,0 |", "| 70,0 |", [("audit.table-formula", "70,0")]),
    ],
    ids=["right", "difference", "ratio", "below-right", "below-difference", "below-ratio"],
)
def test_columns_computed_by_the_formula_in_their_header(
    table: str, old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(audit_text(table.replace(old, new, 1), ".md")) == expected


def test_formula_finding_says_formula_and_value() -> None:
    (finding,) = audit_text(FORMULA_TABLE.replace("| 13 |", "| 11 |"), ".md").findings
    d = finding.diagnostic
    assert (
        d.message
        == 'cột "Hộ nghèo cuối năm" (4) = (1)-(2)+(3) nhưng ghi 50; tính theo công thức được 52'
    )
    assert (d.expected, finding.confidence) == ("52", "direct")


def test_cell_found_by_its_formula_is_reported_once() -> None:
    text = FORM_TABLE.replace("| Tỷ lệ hộ nghèo (%) (7) |", "| Tỷ lệ hộ nghèo (%) (7)=(6)/(3) |")
    assert codes(audit_text(text.replace("| 1,60 |", "| 1,80 |"), ".md")) == [
        ("audit.table-formula", "1,80")
    ]


def _form_docx(path: Path, total: str) -> Path:
    """A form as typed in Word: a group header merged over three columns, the columns numbered
    with a formula, the unit column merged down two header rows."""
    document = docx.Document()
    document.add_paragraph("Biểu 3. Kinh phí hỗ trợ theo đơn vị")
    rows = [
        ["TT", "Đơn vị", "Kinh phí (triệu đồng)", "", ""],
        ["", "", "Nhà ở (1)", "Sinh kế (2)", "Tổng (3)=(1)+(2)"],
        ["1", "Xã Tân Lập", "120,0", "35,5", "155,5"],
        ["2", "Xã Phú Cường", "160,0", "42,0", total],
        ["3", "Xã Đông Hưng", "80,0", "20,5", "100,5"],
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
    ("total", "expected"),
    [("202,0", []), ("212,0", [("audit.table-formula", "212,0")])],
    ids=["right", "wrong"],
)
def test_word_form_with_merged_header_and_formula(
    tmp_path: Path, total: str, expected: list[tuple[str, str]]
) -> None:
    result = audit_file(_form_docx(tmp_path / "bieu.docx", total))
    assert [(f.diagnostic.code, f.diagnostic.extra["figure"]) for f in result.findings] == expected
    assert len(result.checked) >= 9
    if expected:
        loc = result.findings[0].diagnostic.location
        assert loc is not None and (loc.table, loc.table_row, loc.table_cell) == (1, 4, 5)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Dư nợ 52,600 triệu đồng, trong đó: Ngân hàng Chính sách 31,200 triệu đồng; Quỹ hỗ "
            "trợ nông dân 21,4 tỷ đồng.",
            "52.600 triệu đồng (bằng tổng: chỉ sai dấu phân cách)",
        ),
        (
            "Dư nợ 52,600 triệu đồng, trong đó: Ngân hàng Chính sách 31,200 triệu đồng; Quỹ hỗ "
            "trợ nông dân 22,4 tỷ đồng.",
            "53.600 triệu đồng (vẫn khác tổng)",
        ),
    ],
    ids=["only-the-separator", "wrong-either-way"],
)
def test_sum_with_commas_for_thousands_dots_says_both_readings(text: str, verdict: str) -> None:
    (finding,) = [f for f in audit_text(text).findings if f.diagnostic.code == "audit.sum-mismatch"]
    assert verdict in (finding.diagnostic.hint or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng kinh phí 1.240 trđ, gồm: nhà ở 800 tr.đ; sinh kế 350 Tr.đồng; đào tạo 90 tr đ.", []),
        (
            "Tổng kinh phí 1.250 trđ, gồm: nhà ở 800 tr.đ; sinh kế 350 Tr.đồng; đào tạo 90 tr đ.",
            [("audit.sum-mismatch", "1.250 trđ")],
        ),
        ("Đã hỗ trợ 5 trường hợp, 3 trẻ em mồ côi, tổng 4 triệu đồng.", []),
    ],
    ids=["abbreviated-right", "abbreviated-wrong", "tr-words-are-not-money"],
)
def test_abbreviated_million_dong(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(audit_text(text)) == expected


def _repackage(data: bytes, renamed: dict[str, str], extra: dict[str, bytes]) -> bytes:
    """The package ``data`` with parts renamed (and every mention of their names in the
    relationships and content types), plus ``extra`` parts."""
    import io
    import zipfile

    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            payload = zin.read(name)
            if name.endswith(".rels") or name == "[Content_Types].xml":
                for old, new in renamed.items():
                    payload = payload.replace(
                        old.split("/")[-1].encode(), new.split("/")[-1].encode()
                    )
            target = renamed.get(name, name)
            if name.endswith(".rels") and name.startswith("word/_rels/"):
                for old, new in renamed.items():
                    if name == f"word/_rels/{old.split('/')[-1]}.rels":
                        target = f"word/_rels/{new.split('/')[-1]}.rels"
            if target in extra and target.endswith(".rels"):
                payload = extra.pop(target)
            zout.writestr(target, payload)
        for name, payload in extra.items():
            zout.writestr(name, payload)
    return out.getvalue()


def test_parts_named_otherwise_and_endnotes_are_read(tmp_path: Path) -> None:
    # some editors save the document as word/document2.xml and name headers as they like;
    # the package's relationships say which part is which
    import io
    import zipfile

    document = docx.Document()
    document.add_paragraph("Kinh phí tập huấn: 15.000.000 đồng (Mười sáu triệu đồng chẵn).")
    document.sections[0].header.paragraphs[0].text = "Kinh phí 4.000.000 đồng (Năm triệu đồng)."
    buf = io.BytesIO()
    document.save(buf)
    rels = zipfile.ZipFile(io.BytesIO(buf.getvalue())).read("word/_rels/document.xml.rels")
    endnote_rel = (
        b'<Relationship Id="rIdEnd" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/endnotes" Target="ghi-chu.xml"/></Relationships>'
    )
    endnotes = (
        f'<w:endnotes xmlns:w="{W}"><w:endnote w:id="1"><w:p><w:r><w:t>Ngày 31/02/2025'
        "</w:t></w:r></w:p></w:endnote></w:endnotes>"
    ).encode()
    data = _repackage(
        buf.getvalue(),
        {"word/document.xml": "word/document2.xml", "word/header1.xml": "word/dau-trang.xml"},
        {
            "word/_rels/document2.xml.rels": rels.replace(b"</Relationships>", endnote_rel).replace(
                b"header1.xml", b"dau-trang.xml"
            ),
            "word/ghi-chu.xml": endnotes,
        },
    )
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(data)
    result = audit_file(path)
    found = [(f.diagnostic.code, f.diagnostic.location) for f in result.findings]
    assert [(c, loc.where if loc else None) for c, loc in found] == [
        ("audit.words-mismatch", None),
        ("audit.words-mismatch", "đầu trang (dau-trang.xml), đoạn 1"),
        ("audit.date-invalid", "chú thích cuối văn bản (ghi-chu.xml), đoạn 1"),
    ]


def test_total_column_that_is_not_the_sum_of_the_columns_before_it() -> None:
    # "Tổng số hộ" after "Hộ nghèo" and "Hộ cận nghèo" counts every household: no row adds
    # up, so it is not their total (each row used to be reported as a contradiction)
    text = """| TT | Đơn vị | Hộ nghèo (hộ) | Hộ cận nghèo (hộ) | Tổng số hộ (hộ) |
|---|---|---|---|---|
| 1 | Xã Tân Lập | 38 | 60 | 2.480 |
| 2 | Xã Phú Cường | 50 | 71 | 3.125 |
| 3 | Xã Đông Hưng | 22 | 40 | 1.960 |
|  | Cộng | 110 | 171 | 7.565 |
"""
    assert codes(audit_text(text, ".md")) == []
    assert codes(audit_text(text.replace("| 71 |", "| 81 |"), ".md")) == [
        ("audit.table-total-row", "171")
    ]


AVERAGES = """| TT | Đơn vị | Số hộ nghèo (hộ) | Thu nhập bình quân (triệu đồng/người/năm) | Mức hỗ trợ (triệu đồng) | Số khẩu trung bình |
|---|---|---|---|---|---|
| 1 | Xã Tân Lập | 38 | 42,5 | 40 | 3,2 |
| 2 | Xã Phú Cường | 50 | 45,1 | 40 | 3,5 |
| 3 | Xã Đông Hưng | 22 | 39,8 | 40 | 3,1 |
|  | Toàn huyện | 110 | 43,0 | 40 | 3,3 |
"""


def test_total_row_of_averages_and_levels_is_not_a_sum() -> None:
    assert codes(audit_text(AVERAGES, ".md")) == []
    assert codes(audit_text(AVERAGES.replace("| 110 |", "| 120 |"), ".md")) == [
        ("audit.table-total-row", "120")
    ]


def test_total_row_of_a_column_dated_in_its_header_is_a_sum() -> None:
    text = AVERAGES.replace("Số hộ nghèo (hộ)", "Hộ nghèo đến 30/6 (hộ)")
    assert codes(audit_text(text.replace("| 110 |", "| 120 |"), ".md")) == [
        ("audit.table-total-row", "120")
    ]
