"""Each check on sentences written for the tests: the mistake is found where it is, and the
correct sentence next to it raises nothing. Patterns that cannot be read safely are skipped."""

from __future__ import annotations

import pytest

from tests.audit.support import audit_text, codes

CASES = [
    # --- words in brackets -------------------------------------------------------------------
    (
        "words-wrong",
        "Kinh phí tập huấn: 15.000.000 đồng (Mười sáu triệu đồng chẵn).",
        [("audit.words-mismatch", "15.000.000 đồng (Mười sáu triệu đồng chẵn)")],
    ),
    ("words-right", "Kinh phí tập huấn: 15.000.000 đồng (Mười lăm triệu đồng chẵn).", []),
    (
        "words-right-in-trieu",
        "Tổng kinh phí là 1.250,5 triệu đồng (Một tỷ hai trăm năm mươi triệu năm trăm nghìn đồng).",
        [],
    ),
    (
        "words-wrong-scale",
        "Kinh phí hỗ trợ 4,2 triệu đồng (Bốn trăm hai mươi nghìn đồng).",
        [("audit.words-mismatch", "4,2 triệu đồng (Bốn trăm hai mươi nghìn đồng)")],
    ),
    ("words-not-words", "Kinh phí 5.000.000 đ (nguồn ngân sách xã).", []),
    (
        "words-misread",
        "Kinh phí 20.000.000 đồng (Hai mươi mười triệu đồng).",
        [("audit.words-unreadable", "20.000.000 đồng (Hai mươi mười triệu đồng)")],
    ),
    ("words-south-reading", "Hỗ trợ 1.005.000 đồng (Một triệu không trăm lẻ năm ngàn đồng).", []),
    # --- totals and their parts --------------------------------------------------------------
    (
        "items-money-short",
        "Tổng kinh phí năm 2025 là 900,5 triệu đồng, trong đó:\n"
        "- Hỗ trợ nhà ở: 500 triệu đồng;\n- Hỗ trợ sinh kế: 300,5 triệu đồng;\n"
        "- Đào tạo nghề: 90 triệu đồng.",
        [("audit.sum-mismatch", "900,5 triệu đồng")],
    ),
    (
        "items-money-right",
        "Tổng kinh phí năm 2025 là 890,5 triệu đồng, trong đó:\n"
        "- Hỗ trợ nhà ở: 500 triệu đồng;\n- Hỗ trợ sinh kế: 300,5 triệu đồng;\n"
        "- Đào tạo nghề: 90 triệu đồng.\nĐoạn tiếp theo không thuộc danh sách: 7 hộ.",
        [],
    ),
    (
        "items-end-at-the-full-stop",
        "Tổng kinh phí năm 2025 là 890,5 triệu đồng, trong đó:\n"
        "- Hỗ trợ nhà ở: 500 triệu đồng;\n- Hỗ trợ sinh kế: 300,5 triệu đồng;\n"
        "- Đào tạo nghề: 90 triệu đồng.\n- Ngoài ra, các hội huy động thêm 120 triệu đồng.",
        [],
    ),
    (
        "items-counts-and-money",
        "- Số hộ tham gia: 40 hộ; kinh phí 320.000.000 đ; trong đó:\n"
        "+ Hộ nghèo: 15 hộ, kinh phí 150.000.000đ.\n+ Hộ cận nghèo: 20 hộ, kinh phí 120.000.000 đ.\n"
        "+ Hộ mới thoát nghèo: 5 hộ, kinh phí 50.000.000đ.",
        [],
    ),
    (
        "items-count-wrong",
        "- Số hộ tham gia: 42 hộ; kinh phí 320.000.000 đ; trong đó:\n"
        "+ Hộ nghèo: 15 hộ, kinh phí 150.000.000đ.\n+ Hộ cận nghèo: 20 hộ, kinh phí 120.000.000 đ.\n"
        "+ Hộ mới thoát nghèo: 5 hộ, kinh phí 50.000.000đ.",
        [("audit.sum-mismatch", "42 hộ")],
    ),
    (
        "inline-partition-over",
        "Trong năm có 120 hộ thoát nghèo, trong đó 70 hộ vượt chuẩn cận nghèo và 60 hộ trở thành "
        "hộ cận nghèo; 9 hộ chuyển đi.",
        [("audit.sum-mismatch", "120 hộ")],
    ),
    (
        "inline-selection-under",
        "Tổng vốn của chương trình là 512,4 tỷ đồng, trong đó phân bổ cho huyện Bình Minh là "
        "120,5 tỷ đồng, huyện Yên Hòa là 98,3 tỷ đồng.",
        [],
    ),
    (
        "inline-part-over-total",
        "Vốn vay đạt 52,6 triệu đồng, trong đó: Ngân hàng Chính sách xã hội 31,2 tỷ đồng; "
        "Quỹ hỗ trợ nông dân 18,4 tỷ đồng; Quỹ tín dụng 3 tỷ đồng.",
        [
            ("audit.sum-mismatch", "52,6 triệu đồng"),
            ("audit.part-exceeds-total", "31,2 tỷ đồng"),
        ],
    ),
    (
        "approximate-total-skipped",
        "Đã trao trên 30 nghìn suất quà, tổng trị giá trên 9,5 tỷ đồng; trong đó: 1.200 suất cho "
        "hộ nghèo, trị giá 1.820,4 triệu đồng, 900 suất cho hộ cận nghèo, trị giá 310,2 triệu đồng.",
        [],
    ),
    (
        "total-not-stated-skipped",
        "Trong tổng số hộ nghèo: 30 hộ dân tộc thiểu số; 25 hộ có người có công; 61 hộ không có "
        "khả năng lao động.",
        [],
    ),
    # --- changes -----------------------------------------------------------------------------
    (
        "change-rate-wrong",
        "Tỷ lệ hộ nghèo giảm 0,42 điểm phần trăm (từ 2,15% xuống còn 1,83%).",
        [("audit.change-mismatch", "0,42 điểm phần trăm")],
    ),
    (
        "change-rate-right",
        "Tỷ lệ hộ nghèo giảm 0,32 điểm phần trăm (từ 2,15% xuống còn 1,83%).",
        [],
    ),
    (
        "change-in-percent-written",
        "Năm 2024, tỷ lệ hộ nghèo giảm 1,5% (giảm từ 12,40% xuống còn 10,90%); tỷ lệ hộ nghèo "
        "dân tộc thiểu số giảm 2,1%, đạt mục tiêu.",
        [],
    ),
    (
        "change-direction-wrong",
        "Số hộ cận nghèo tăng 12 hộ (từ 230 hộ xuống còn 218 hộ).",
        [("audit.change-direction", "12 hộ")],
    ),
    (
        "change-count-and-rate-wrong",
        "Đầu kỳ toàn huyện có 1.240 hộ nghèo, chiếm 3,10%; đến cuối kỳ còn 1.015 hộ nghèo, chiếm "
        "2,48% (giảm 325 hộ - tương ứng giảm 0,72%).",
        [
            ("audit.change-mismatch", "325 hộ"),
            ("audit.change-mismatch", "0,72%"),
        ],
    ),
    (
        "change-count-and-rate-right",
        "Đầu kỳ toàn huyện có 1.240 hộ nghèo, chiếm 3,10%; đến cuối kỳ còn 1.015 hộ nghèo, chiếm "
        "2,48% (giảm 225 hộ - tương ứng giảm 0,62%).",
        [],
    ),
    (
        "relative-change-after-counts",
        "Năm 2023 có 500 hộ nghèo; năm 2024 còn 420 hộ, giảm 80 hộ, tương ứng giảm 18%.",
        [("audit.change-mismatch", "18%")],
    ),
    (
        "relative-change-after-counts-right",
        "Năm 2023 có 500 hộ nghèo; năm 2024 còn 420 hộ, giảm 80 hộ, tương ứng giảm 16%.",
        [],
    ),
    ("change-against-unstated-skipped", "Số hộ nghèo giảm 38 hộ so với năm trước.", []),
    (
        "change-against-stated-earlier-value",
        "Cuối năm còn 492 hộ nghèo, giảm 132 hộ so với đầu năm (615 hộ).",
        [("audit.change-mismatch", "132 hộ")],
    ),
    (
        "change-against-stated-earlier-value-right",
        "Cuối năm còn 492 hộ nghèo, giảm 123 hộ so với đầu năm (615 hộ); tỷ lệ hộ nghèo là "
        "2,00%, giảm 0,52 điểm phần trăm so với năm 2024 (2,52%).",
        [],
    ),
    # --- shares ------------------------------------------------------------------------------
    (
        "share-wrong",
        "Toàn xã có 3.200 hộ với 11.050 nhân khẩu. Số hộ nghèo là 64 hộ (190 khẩu), chiếm 2,20% "
        "tổng số hộ.",
        [("audit.share-mismatch", "2,20%")],
    ),
    (
        "share-right",
        "Toàn xã có 3.200 hộ với 11.050 nhân khẩu. Số hộ nghèo là 64 hộ (190 khẩu), chiếm 2,00% "
        "tổng số hộ; số hộ cận nghèo là 97 hộ, chiếm 3,03%.",
        [],
    ),
    (
        "share-of-other-base-skipped",
        "Toàn xã có 3.200 hộ. Có 64 hộ nghèo, trong số đó 20 hộ có chủ hộ là nữ, chiếm 31,25% số "
        "hộ nghèo.",
        [],
    ),
    (
        "share-base-unstated-skipped",
        "Còn 75 hộ nghèo, chiếm tỷ lệ 1,12% so với tổng số hộ dân.",
        [],
    ),
    # --- form of figures ---------------------------------------------------------------------
    (
        "space-inside-figure",
        "Tổng số tiền hỗ trợ là 315, 7 triệu đồng.",
        [("audit.number-spacing", "315, 7 triệu đồng")],
    ),
    (
        "space-between-groups",
        "Toàn huyện có 1 013 hộ nghèo.",
        [("audit.number-spacing", "1 013 hộ")],
    ),
    (
        "non-breaking-space-groups-read-as-style",
        "Toàn huyện có 1\u00a0013 hộ nghèo, tổng 2\u202f500 người.",
        [
            ("audit.thousands-separator", "1\u00a0013 hộ"),
            ("audit.thousands-separator", "2\u202f500 người"),
        ],
    ),
    (
        "malformed-groups",
        "Cho 1.1.520 hội viên vay vốn.",
        [("audit.number-form", "1.1.520 hội viên")],
    ),
    (
        "decimal-point-for-comma",
        "Mỗi hộ được hỗ trợ 2.5 triệu đồng.",
        [("audit.number-form", "2.5 triệu đồng")],
    ),
    (
        "thousands-separator-missing",
        "Kinh phí hỗ trợ hộ nghèo là 3815,6 triệu đồng.",
        [("audit.thousands-separator", "3815,6 triệu đồng")],
    ),
    (
        "three-decimals-on-trieu",
        "Dư nợ cho vay đạt 57,310 triệu đồng.",
        [("audit.three-decimals", "57,310 triệu đồng")],
    ),
    ("well-written-figures", "Đã chi 3.815,6 triệu đồng cho 1.520 hộ; 12,5 tỷ đồng vốn vay.", []),
    ("heading-numbers-and-years", "1.2. Kết quả năm 2024 giai đoạn 2021 - 2025", []),
    # --- dates and codes ---------------------------------------------------------------------
    (
        "date-not-in-calendar",
        "Quyết định số 215/QĐ-UBND ngày 30/02/2024 của UBND huyện.",
        [("audit.date-invalid", "30/02/2024")],
    ),
    (
        "date-padding",
        "Kế hoạch số 41/KH-UBND ngày 3/5/2024 của UBND huyện.",
        [("audit.date-padding", "3/5/2024")],
    ),
    (
        "date-line-padding",
        "Hòa An, ngày 7 tháng 03 năm 2025",
        [("audit.date-padding", "ngày 7 tháng 03 năm 2025")],
    ),
    (
        "date-right",
        "Quyết định số 90/QĐ-TTg ngày 18/01/2022; ngày 13/7/2018; ngày 05 tháng 3 năm 2024.",
        [],
    ),
    (
        "citation-type-mismatch",
        "Thực hiện Quyết định số 77/KH-UBND ngày 12/6/2024 của UBND tỉnh.",
        [("audit.citation-type", "77/KH-UBND")],
    ),
    (
        "code-unknown-type",
        "Căn cứ Công văn số 12/QD-UBND ngày 12/6/2024.",
        [("audit.doc-code", "12/QD-UBND")],
    ),
    (
        "citation-year-differs",
        "Thực hiện Nghị định số 07/2021/NĐ-CP ngày 27/01/2022 của Chính phủ.",
        [("audit.citation-year", "07/2021/NĐ-CP ngày 27/01/2022")],
    ),
    (
        "citation-year-right",
        "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021; Nghị quyết số 25/2023/NQ-HĐND ngày "
        "08 tháng 12 năm 2023.",
        [],
    ),
    ("code-number-padding", "Báo cáo số 5/BC-UBND.", [("audit.doc-code-style", "5/BC-UBND")]),
    (
        "codes-right",
        "Nghị định số 07/2021/NĐ-CP; Công văn số 549-CV/TU; Công văn số 2874/UBND-LĐTB.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(codes(audit_text(text))) == sorted(expected)


TABLE = """Biểu 1. Kết quả theo đơn vị

| TT | Đơn vị | Tổng số hộ (hộ) | Hộ nghèo (hộ) | Tỷ lệ hộ nghèo (%) | Vốn nhà ở (triệu đồng) | Vốn sinh kế (triệu đồng) | Tổng vốn (triệu đồng) |
|---|---|---|---|---|---|---|---|
| 1 | Xã An Phú | 2.400 | 48 | 2,00 | 120,5 | 80,0 | 200,5 |
| 2 | Xã Bình Lợi | 1.600 | 40 | 2,50 | 99,5 | 60,5 | 160,0 |
| 3 | Phường Đông | 3.000 | 15 | 0,50 | 30,0 | 10,0 | 40,0 |
|  | Tổng cộng | 7.000 | 103 | 1,47 | 250,0 | 150,5 | 400,5 |
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("| 7.000 |", "| 7.000 |", []),
        ("| 103 |", "| 113 |", [("audit.table-total-row", "113"), ("audit.table-rate", "1,47")]),
        ("| 2,50 |", "| 2,60 |", [("audit.table-rate", "2,60")]),
        (
            "| 160,0 |",
            "| 161,0 |",
            [("audit.table-total-column", "161,0"), ("audit.table-total-row", "400,5")],
        ),
        (
            "| 99,5 |",
            "| 98,5 |",
            [("audit.table-total-row", "250,0"), ("audit.table-total-column", "160,0")],
        ),
    ],
    ids=["right", "total-row", "rate", "total-column", "member-cell"],
)
def test_table(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(codes(audit_text(TABLE.replace(old, new, 1), ".md"))) == sorted(expected)


def test_table_with_group_rows_is_skipped() -> None:
    text = TABLE.replace("| 2 | Xã Bình Lợi |", "| II | Xã Bình Lợi |").replace(
        "| 103 |", "| 113 |"
    )
    assert [c for c, _ in codes(audit_text(text, ".md")) if c == "audit.table-total-row"] == []


def test_finding_carries_confidence_sentence_and_location() -> None:
    result = audit_text("Mở đầu.\nSố hộ cận nghèo giảm 30 hộ (từ 230 hộ xuống còn 210 hộ).")
    (finding,) = result.findings
    d = finding.diagnostic
    assert d.code == "audit.change-mismatch"
    assert d.severity == "error"
    assert d.extra["confidence"] == "direct"
    assert d.extra["sentence"] == "Số hộ cận nghèo giảm «30 hộ» (từ 230 hộ xuống còn 210 hộ)."
    assert d.expected == "20 hộ"
    assert d.found == "30 hộ"
    assert d.location is not None and (d.location.line, d.location.paragraph) == (2, 2)
    assert d.as_dict()["confidence"] == "direct"


def test_table_off_by_less_than_rounding_is_probable_when_other_sums_are_exact() -> None:
    text = TABLE.replace("| 30,0 | 10,0 | 40,0 |", "| 30,1 | 10,0 | 40,0 |", 1)
    found = audit_text(text, ".md").findings
    assert sorted((f.diagnostic.code, f.confidence) for f in found) == [
        ("audit.table-total-column", "probable"),
        ("audit.table-total-row", "probable"),
    ]
    assert "cộng đúng tuyệt đối" in (found[0].diagnostic.hint or "")


def test_table_with_rounding_drift_everywhere_is_not_flagged() -> None:
    text = (
        TABLE.replace("| 120,5 | 80,0 | 200,5 |", "| 120,5 | 80,1 | 200,5 |")
        .replace("| 99,5 | 60,5 | 160,0 |", "| 99,6 | 60,5 | 160,0 |")
        .replace("| 30,0 | 10,0 | 40,0 |", "| 30,0 | 10,1 | 40,0 |")
    )
    assert codes(audit_text(text, ".md")) == []


GUARDS = [
    (
        "inline-attributes-overlap",
        "Toàn xã có 60 hộ nghèo, trong đó 20 hộ dân tộc thiểu số, 15 hộ có người có công, 31 hộ "
        "không có khả năng lao động.",
        [],
    ),
    (
        "share-base-unsure",
        "Toàn xã có 3.200 hộ, 64 hộ nghèo; 20 hộ có chủ hộ là nữ, chiếm 31,25%.",
        [],
    ),
    (
        "change-pair-with-years",
        "Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm (từ 4,5% năm 2021 xuống còn 3,1% năm 2024).",
        [("audit.change-mismatch", "1,2 điểm phần trăm")],
    ),
    (
        "change-with-two-unrelated-counts",
        "Năm nay có 30 hộ thoát nghèo, 12 hộ tái nghèo, tăng 2 hộ so với cùng kỳ.",
        [],
    ),
    (
        "money-then-year-in-brackets",
        "Đã chi 5 triệu đồng (năm 2024) và 3 triệu đồng (hai đợt).",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in GUARDS], ids=[c[0] for c in GUARDS])
def test_unsure_patterns_are_skipped(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(codes(audit_text(text))) == sorted(expected)


BREAKDOWN_TABLE = """| Chỉ tiêu | Số hộ (hộ) | Số người (người) |
|---|---|---|
| Tổng số | 500 | 1.800 |
| - Hộ nghèo | 20 | 75 |
| - Hộ cận nghèo | 30 | 110 |
"""


def test_table_breaking_a_total_down_is_not_summed() -> None:
    assert codes(audit_text(BREAKDOWN_TABLE, ".md")) == []


def test_table_without_row_numbers_is_summed() -> None:
    text = """| Đơn vị | Hộ nghèo (hộ) | Hộ cận nghèo (hộ) |
|---|---|---|
| Xã An Phú | 12 | 30 |
| Xã Bình Lợi | 8 | 21 |
| Cộng | 21 | 51 |
"""
    assert codes(audit_text(text, ".md")) == [("audit.table-total-row", "21")]
