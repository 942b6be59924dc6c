"""Page setup, fonts and page numbers against Nghị định 30/2020/NĐ-CP (Phụ lục I): each
departure from the rules, made in a copy of the base template, is one warning naming where
to fix it."""

from __future__ import annotations

import pytest

from reportgen.authoring.lint import lint_bytes
from tests.docx_engine.builders import make_docx, p, r

from .support import base_template, edit_docx

DOC = "word/document.xml"
STYLES = "word/styles.xml"
HEADER = "word/header2.xml"  # the default header of the base template (page numbers)
PAGE_SETUP = "thiết lập trang (Layout → Size / Orientation / Margins)"
SIZE = '<w:pgSz w:w="11906" w:h="16838"/>'
MARGINS = 'w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"'
TITLE_RUN = '<w:sz w:val="28"/></w:rPr><w:t>{{ bao_cao.trich_yeu }}'
NUMBER_RUN = '<w:sz w:val="26"/></w:rPr><w:t>{{ bao_cao.so_ky_hieu }}'
PAGE_FIELD = '<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t>'

# (id, edits of the base template, [(code, part, where, words of the message)])
CASES = [
    (
        "Letter paper",
        [(DOC, SIZE, '<w:pgSz w:w="12240" w:h="15840"/>')],
        [("page-setup", DOC, PAGE_SETUP, "khổ giấy 215,9 × 279,4 mm, không phải A4")],
    ),
    (
        "landscape page",
        [(DOC, SIZE, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')],
        [("page-setup", DOC, PAGE_SETUP, "trang in ngang")],
    ),
    (
        "margins outside the ranges",
        [(DOC, MARGINS, 'w:top="851" w:right="1134" w:bottom="1134" w:left="1418"')],
        [
            (
                "page-setup",
                DOC,
                PAGE_SETUP,
                "lề trên 15 mm (cần 20–25 mm), lề trái 25 mm (cần 30–35 mm)",
            )
        ],
    ),
    (
        "Normal style in Arial",
        [
            (
                STYLES,
                '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New '
                'Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:lang w:val="vi-VN"/>',
                '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="28"/>'
                '<w:lang w:val="vi-VN"/>',
            )
        ],
        [("font", DOC, "bảng 1, hàng 1, ô 1, đoạn 1", "phông «Arial» (kiểu đoạn «Normal»)")],
    ),
    (
        "a run in Arial",
        [(DOC, TITLE_RUN, TITLE_RUN.replace("<w:sz", '<w:rFonts w:ascii="Arial"/><w:sz'))],
        [("font", DOC, "thân văn bản, đoạn 3", "phông «Arial» (định dạng trực tiếp)")],
    ),
    (
        "body text at 12 pt",
        [(DOC, TITLE_RUN, TITLE_RUN.replace('w:val="28"', 'w:val="24"'))],
        [("font-size", DOC, "thân văn bản, đoạn 3", "cỡ chữ 12 pt ở thân văn bản")],
    ),
    (
        "table text at 9 pt",
        [(DOC, NUMBER_RUN, NUMBER_RUN.replace('w:val="26"', 'w:val="18"'))],
        [("font-size", DOC, "bảng 1, hàng 2, ô 1, đoạn 1", "cỡ chữ 9 pt trong bảng")],
    ),
    (
        "page number on page 1",
        [(DOC, "<w:titlePg/>", "")],
        [("page-number", HEADER, "đầu trang (header2.xml), đoạn 1", "hiện cả ở trang 1")],
    ),
    (
        "page number not centred",
        [(HEADER, '<w:pStyle w:val="RGDauTrang"/>', '<w:pStyle w:val="Header"/>')],
        [("page-number", HEADER, "đầu trang (header2.xml), đoạn 1", "không căn giữa")],
    ),
    (
        "page number at 11 pt",
        [(HEADER, PAGE_FIELD, PAGE_FIELD.replace('w:val="26"', 'w:val="22"'))],
        [("page-number", HEADER, "đầu trang (header2.xml), đoạn 1", "cỡ chữ 11 pt")],
    ),
    (
        "no page number",
        [
            (
                HEADER,
                PAGE_FIELD,
                '<w:fldSimple w:instr=" DATE "><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t>',
            )
        ],
        [("page-number", DOC, "đầu trang", "không có số trang")],
    ),
    (
        "a style of the report body renamed in the Styles pane",
        [
            (STYLES, 'w:styleId="RGMuc"', 'w:styleId="RGMcI"'),
            (STYLES, 'w:val="RG Mục (I.)"', 'w:val="Mục lớn"'),
        ],
        [
            (
                "missing-style",
                STYLES,
                "các kiểu của mẫu (Home → Styles)",
                "«RG Mục (I.)» (mã RGMuc); các đoạn đó sẽ không có định dạng",
            )
        ],
    ),
]


@pytest.mark.parametrize(("edits", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_departures_from_decree_30_are_warnings_that_say_where_to_fix_them(
    edits: list[tuple[str, str, str]], expected: list[tuple[str, str, str, str]]
) -> None:
    report = lint_bytes(edit_docx(base_template(), edits), name="mau.docx")
    assert [(f.code, f.part, f.where) for f in report.findings] == [e[:3] for e in expected]
    for finding, (*_, words) in zip(report.findings, expected, strict=True):
        assert finding.severity == "warning"
        assert words in finding.message
        assert finding.hint
    assert report.exit_code == 1


def test_style_ids_renamed_by_libreoffice_are_found_by_name() -> None:
    # LibreOffice renames style ids when it saves (RGMuc → RGMcI) but keeps the names: the
    # renderer finds the body's styles by name, so lint has nothing to report
    data = edit_docx(base_template(), [(STYLES, 'w:styleId="RGMuc"', 'w:styleId="RGMcI"')])
    assert lint_bytes(data, name="mau.docx").findings == []


def test_page_number_in_a_footer_is_reported_at_the_footer() -> None:
    field = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    report = lint_bytes(make_docx(p(r("x")), footer=f"<w:p>{field}</w:p>"), name="m.docx")
    numbers = [(f.part, f.where, f.text) for f in report.findings if f.code == "page-number"]
    assert ("word/footer1.xml", "chân trang (footer1.xml), đoạn 1", "⟦1⟧") in numbers
    assert any("chân trang" in f.message for f in report.findings if f.code == "page-number")


def test_a_wrong_font_in_many_paragraphs_is_one_finding_listing_them() -> None:
    body = "".join(
        p(r(f"Đoạn {i}", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')) for i in range(6)
    )
    fonts = [f for f in lint_bytes(make_docx(body), name="m.docx").findings if f.code == "font"]
    direct = [f for f in fonts if "định dạng trực tiếp" in f.message]
    assert len(direct) == 1
    assert direct[0].where == "thân văn bản, đoạn 1"
    assert direct[0].text == "⟦Đoạn 0⟧"
    assert "và 5 đoạn khác: thân văn bản, đoạn 2; thân văn bản, đoạn 3; thân văn bản, đoạn 4…" in (
        direct[0].message
    )


def test_paragraphs_holding_only_statement_tags_are_not_checked_for_size() -> None:
    small = '<w:sz w:val="16"/>'
    body = (
        p(r("{%p if du_thao %}", small))
        + p(r("Chữ", '<w:sz w:val="28"/>'))
        + p(r("{%p endif %}", small))
    )
    sizes = [
        f for f in lint_bytes(make_docx(body), name="m.docx").findings if f.code == "font-size"
    ]
    assert all("8 pt" not in f.message for f in sizes)
