"""Tags that Word split across runs are repaired once; tags that cannot be repaired are named."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from reportgen.diagnostics.errors import TemplateError
from reportgen.docx import PreparedTemplate, TemplateProblemsError

from .builders import (
    BOOKMARK_END,
    BOOKMARK_START,
    NS,
    PAGE_BREAK_HINT,
    PROOF_END,
    PROOF_START,
    body_texts,
    field,
    make_docx,
    make_env,
    p,
    part_texts,
    r,
    render_checked,
    tbl,
    tc,
    tr,
)

CONTEXT = {"ty_le_ho_ngheo": "12,5", "ten": "Hòa Bình", "x": None}

REPAIR_CASES = [
    (
        "spell-check marks",
        p(r("Tỷ lệ: "), r("{{ ty_le_"), PROOF_START, r("ho_ngheo"), PROOF_END, r(" }}%")),
        "Tỷ lệ: 12,5%",
        "kiểm tra chính tả",
    ),
    (
        "bookmark inside the tag",
        p(r("{{ ty_le_"), BOOKMARK_START, r("ho_ngheo }}"), BOOKMARK_END),
        "12,5",
        "bookmark",
    ),
    (
        "rsid-only run change",
        p(r("{{ ty_le_ho", rsid="00A1"), r("_ngheo }}", rsid="00B2")),
        "12,5",
        "rsid",
    ),
    (
        "font change inside the tag",
        p(r("{{ ty_le_", "<w:b/>"), r("ho_ngheo }} %", '<w:rFonts w:ascii="Arial"/>')),
        "12,5 %",
        "định dạng khác nhau",
    ),
    (
        "lastRenderedPageBreak",
        p(r("{{ ty_le_"), f"<w:r>{PAGE_BREAK_HINT}<w:t>ho_ngheo }}}}</w:t></w:r>"),
        "12,5",
        "ngắt trang",
    ),
    (
        "delimiters split",
        p(r("Xã {"), r("{ ten }"), r("} nhé")),
        "Xã Hòa Bình nhé",
        "dấu ngoặc",
    ),
    (
        "smart quotes inside the tag",
        p(r("{{ khong_co | default(“—”) }} và {{ ‘a’ ~ ten }}")),
        "— và aHòa Bình",
        "nháy cong",
    ),
    (
        "non-breaking spaces inside the tag",
        p(r("{{\u00a0ten\u00a0}}")),
        "Hòa Bình",
        "không ngắt",
    ),
    (
        "tag in a hyperlink and after it",
        p('<w:hyperlink r:id="rId1"><w:r><w:t>{{ te</w:t></w:r></w:hyperlink>', r("n }}")),
        "Hòa Bình",
        "2 phần",
    ),
    (
        "several tags split in one paragraph",
        p(r("{{ te"), r("n }}, {{ ty_le_"), PROOF_START, r("ho_ngheo }}"), PROOF_END),
        "Hòa Bình, 12,5",
        "đã nối lại",
    ),
]


@pytest.mark.parametrize(
    ("body", "expected", "cause"), [c[1:] for c in REPAIR_CASES], ids=[c[0] for c in REPAIR_CASES]
)
def test_split_tags_are_repaired_and_noted(body: str, expected: str, cause: str) -> None:
    template, out = render_checked(make_docx(body), CONTEXT)
    assert body_texts(out) == [expected]
    notes = template.problems
    assert notes, "a repair must be recorded"
    assert all(n.severity == "info" and n.repaired for n in notes)
    assert any(cause in n.message for n in notes)
    assert notes[0].where == "thân văn bản, đoạn 1"
    assert notes[0].paragraph == 1
    assert "⟦" in notes[0].text and "⟧" in notes[0].text


def _document(out: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_repair_keeps_bookmarks_and_the_formatting_of_the_text_after_the_tag() -> None:
    body = p(
        r("{{ ty_le_", "<w:b/>"),
        BOOKMARK_START,
        r("ho_ngheo }} sau", "<w:i/>"),
        BOOKMARK_END,
    )
    _, out = render_checked(make_docx(body), CONTEXT)
    root = _document(out)
    runs = root.findall(".//w:body/w:p/w:r", NS)
    assert [("".join(t.text or "" for t in run.findall("w:t", NS))) for run in runs] == [
        "12,5",
        " sau",
    ]
    assert runs[0].find("w:rPr/w:b", NS) is not None
    assert runs[1].find("w:rPr/w:i", NS) is not None
    assert len(root.findall(".//w:bookmarkStart", NS)) == 1
    assert len(root.findall(".//w:bookmarkEnd", NS)) == 1


def test_repair_removes_spell_check_marks_inside_tags_only() -> None:
    body = p(PROOF_START, r("Xãã"), PROOF_END, r(" {{ te"), PROOF_START, r("n }}"), PROOF_END)
    _, out = render_checked(make_docx(body), CONTEXT)
    root = _document(out)
    assert len(root.findall(".//w:proofErr", NS)) == 3  # the two around "Xãã" and the last
    assert body_texts(out) == ["Xãã Hòa Bình"]


def test_smart_quotes_outside_tags_are_left_alone() -> None:
    _, out = render_checked(make_docx(p(r("“Trích” {{ “a” }} ‘b’"))), {})
    assert body_texts(out) == ["“Trích” a ‘b’"]


def test_repairs_in_headers_and_tables_name_where_they_are() -> None:
    data = make_docx(
        tbl(tr(tc(p(r("x"))), tc(p(r("y")), p(r("{{ te"), r("n }}"))))),
        header=p(r("a")) + p(r("{{ te"), r("n }}")),
    )
    template, out = render_checked(data, CONTEXT)
    assert [n.where for n in template.problems] == [
        "bảng 1, hàng 1, ô 2, đoạn 2",
        "đầu trang (header1.xml), đoạn 2",
    ]
    assert [n.paragraph for n in template.problems] == [3, 2]
    assert part_texts(out, "word/header1.xml") == ["a", "Hòa Bình"]


UNREPAIRABLE_CASES = [
    (
        "tag opened and closed in the next paragraph",
        p(r("Số hộ: {{ ho_ngheo")) + p(r("}} hộ")),
        [
            ("thân văn bản, đoạn 1", 1, "Số hộ: ⟦{{ ho_ngheo⟧", "không đóng"),
            ("thân văn bản, đoạn 2", 2, "⟦}}⟧ hộ", "không có «{{»"),
        ],
    ),
    (
        "tag crossing a field",
        p(r("A {{ ten"), field("PAGE", "3"), r(" }}")),
        [("thân văn bản, đoạn 1", 1, "A ⟦{{ ten3 }}⟧", "trường (field)")],
    ),
    (
        "closing braces without an opening",
        p(r("Kết quả }} tốt")),
        [("thân văn bản, đoạn 1", 1, "Kết quả ⟦}}⟧ tốt", "không có «{{»")],
    ),
    (
        "tab inside a tag",
        p(r("{{ te"), "<w:r><w:tab/></w:r>", r("n }}")),
        [("thân văn bản, đoạn 1", 1, "⟦{{ ten }}⟧", "tab")],
    ),
    (
        "unclosed tag in a table cell",
        tbl(tr(tc(p(r("x"))), tc(p(r("y")), p(r("{% if a"))))),
        [("bảng 1, hàng 1, ô 2, đoạn 2", 3, "⟦{% if a⟧", "không đóng")],
    ),
    (
        "tr tag outside a table",
        p(r("{%tr for x in xs %}")),
        [("thân văn bản, đoạn 1", 1, "⟦{%tr for x in xs %}⟧", "hàng của bảng")],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"),
    [c[1:] for c in UNREPAIRABLE_CASES],
    ids=[c[0] for c in UNREPAIRABLE_CASES],
)
def test_unrepairable_tags_are_errors_naming_paragraph_and_text(
    body: str, expected: list[tuple[str, int, str, str]]
) -> None:
    data = make_docx(body)
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    errors = info.value.errors
    assert [(e.where, e.paragraph, e.text) for e in errors] == [x[:3] for x in expected]
    for error, (*_, words) in zip(errors, expected, strict=True):
        assert words in error.message
        assert error.severity == "error" and not error.repaired
    assert isinstance(info.value, TemplateError)
    assert info.value.location is not None and info.value.location.file == "mau.docx"
    assert info.value.location.paragraph == expected[0][1]


@pytest.mark.parametrize(
    "body", [c[1] for c in UNREPAIRABLE_CASES], ids=[c[0] for c in UNREPAIRABLE_CASES]
)
def test_non_strict_prepare_records_problems_and_prints_bad_tags_literally(body: str) -> None:
    template, out = render_checked(make_docx(body), {"ten": "X", "a": True, "xs": []}, strict=False)
    assert any(p.severity == "error" for p in template.problems)
    text = "".join(body_texts(out))
    assert "{" in text or "}" in text


def test_problem_error_message_lists_every_error() -> None:
    data = make_docx(p(r("{{ a")) + p(r("b }}")) + p(r("{{ ok }}")))
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    text = info.value.format()
    assert "2 lỗi" in text
    assert "1. [lỗi]" in text and "2. [lỗi]" in text
    assert "đoạn 1" in text and "đoạn 2" in text


def test_stray_percent_closer_is_only_a_warning() -> None:
    template, out = render_checked(make_docx(p(r("Tăng 5 %} so với {{ ten }}"))), CONTEXT)
    assert [p.severity for p in template.problems] == ["warning"]
    assert body_texts(out) == ["Tăng 5 %} so với Hòa Bình"]


def test_tag_inside_a_field_result_is_rendered() -> None:
    _, out = render_checked(make_docx(p(field("REF x", "{{ ten }}"))), CONTEXT)
    assert body_texts(out) == ["Hòa Bình"]
