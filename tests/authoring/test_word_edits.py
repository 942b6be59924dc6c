"""Tolerance of Word's edits: a tag Word split or decorated renders as typed and lint notes
the repair (info); a tag Word broke beyond repair is named precisely (where + marked text)."""

from __future__ import annotations

import pytest

from reportgen.authoring.lint import lint_bytes
from tests.docx_engine.builders import (
    BOOKMARK_END,
    BOOKMARK_START,
    PAGE_BREAK_HINT,
    PROOF_END,
    PROOF_START,
    deleted,
    field,
    make_docx,
    p,
    r,
    tbl,
    tc,
    tr,
)

from .support import demo_config, docx_of, render_texts, tag_findings

BODY = "thân văn bản, đoạn 1"

# (id, docx arguments, expected rendered text, where lint reports the repair, cause words)
REPAIRABLE = [
    (
        "spell-check marks split the tag",
        {"body": p(r("Tỷ lệ: "), r("{{ ty_le_"), PROOF_START, r("ho_ngheo"), PROOF_END, r(" }}%"))},
        "Tỷ lệ: 12,5%",
        BODY,
        "kiểm tra chính tả",
    ),
    (
        "bookmark inside the tag",
        {"body": p(r("{{ ty_le_"), BOOKMARK_START, r("ho_ngheo"), BOOKMARK_END, r(" }}"))},
        "12,5",
        BODY,
        "bookmark",
    ),
    (
        "tag split across a bookmark that ends after it",
        {"body": p(r("Xã {{ don_vi.te"), BOOKMARK_START, r("n }} nhé"), BOOKMARK_END, r("."))},
        "Xã Hòa Bình nhé.",
        BODY,
        "bookmark",
    ),
    (
        "runs differing only by rsid",
        {"body": p(r("{{ ty_le_ho", rsid="00A1"), r("_ngheo }}", rsid="00B2"))},
        "12,5",
        BODY,
        "rsid",
    ),
    (
        "lastRenderedPageBreak inside the tag",
        {"body": p(r("{{ ty_le_"), f"<w:r>{PAGE_BREAK_HINT}<w:t>ho_ngheo }}}}</w:t></w:r>")},
        "12,5",
        BODY,
        "ngắt trang",
    ),
    (
        "font change inside the tag",
        {"body": p(r("{{ ty_le_", "<w:b/>"), r("ho_ngheo }} %", '<w:rFonts w:ascii="Arial"/>'))},
        "12,5 %",
        BODY,
        "định dạng khác nhau",
    ),
    (
        "smart single quotes in a filter argument",
        {"body": p(r("Kinh phí {{ kinh_phi_tong | tien(‘tỷ đồng’) }}."))},
        "Kinh phí 1,5 tỷ đồng.",
        BODY,
        "nháy cong",
    ),
    (
        "smart double quotes in a filter argument, split by a spell-check mark",
        {
            "body": p(
                r("{{ kinh_phi_tong | tien(“tỷ "),
                PROOF_START,
                r("đồng”) }}"),
                PROOF_END,
            )
        },
        "1,5 tỷ đồng",
        BODY,
        "nháy cong",
    ),
    (
        "tag in a header",
        {"body": p(r("x")), "header": p(r("Xã {{ don_vi.te"), PROOF_START, r("n }}"), PROOF_END)},
        "Xã Hòa Bình",
        "đầu trang (header1.xml), đoạn 1",
        "kiểm tra chính tả",
    ),
    (
        "tag in a footer",
        {"body": p(r("x")), "footer": p(r("{{ ty_le_", rsid="00A1"), r("ho_ngheo }}", rsid="0B"))},
        "12,5",
        "chân trang (footer1.xml), đoạn 1",
        "rsid",
    ),
    (
        "tag in a table cell",
        {
            "body": tbl(
                tr(tc(p(r("Tỷ lệ"))), tc(p(r("{{ ty_le_"), BOOKMARK_START, r("ho_ngheo }}"))))
            )
            + p(r(""))
        },
        "12,5",
        "bảng 1, hàng 1, ô 2, đoạn 1",
        "bookmark",
    ),
]


@pytest.mark.parametrize(
    ("docx_args", "expected", "where", "cause"),
    [case[1:] for case in REPAIRABLE],
    ids=[case[0] for case in REPAIRABLE],
)
def test_tags_word_split_render_as_typed_and_lint_notes_the_repair(
    docx_args: dict[str, str], expected: str, where: str, cause: str
) -> None:
    data = docx_of(docx_args)
    assert expected in render_texts(data)
    report = lint_bytes(data, name="mau.docx", config=demo_config())
    findings = tag_findings(report)
    assert [(f.severity, f.code, f.where) for f in findings] == [("info", "repaired-tag", where)]
    assert cause in findings[0].message
    assert findings[0].message.startswith("đã tự sửa")
    assert "⟦" in findings[0].text and "⟧" in findings[0].text


# (id, body, [(where, marked text, words of the message)])
UNREPAIRABLE = [
    (
        "tag across two paragraphs",
        p(r("Tỷ lệ {{ ty_le_")) + p(r("ho_ngheo }}%")),
        [
            ("thân văn bản, đoạn 1", "Tỷ lệ ⟦{{ ty_le_⟧", "trong cùng đoạn"),
            ("thân văn bản, đoạn 2", "ho_ngheo ⟦}}⟧%", "«}}»"),
        ],
    ),
    (
        "tag across a field",
        p(r("Trang {{ ty_"), field("PAGE", "1"), r("le }} hết")),
        [("thân văn bản, đoạn 1", "Trang ⟦{{ ty_1le }}⟧ hết", "trường (field)")],
    ),
    (
        "tag with a line break inside, in a table",
        tbl(tr(tc(p(r("{{ don_vi.te"), "<w:r><w:br/></w:r>", r("n }}"))))) + p(r("")),
        [("bảng 1, hàng 1, ô 1, đoạn 1", "⟦{{ don_vi.ten }}⟧", "ngắt dòng")],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"),
    [case[1:] for case in UNREPAIRABLE],
    ids=[case[0] for case in UNREPAIRABLE],
)
def test_tags_word_broke_beyond_repair_are_named_precisely(
    body: str, expected: list[tuple[str, str, str]]
) -> None:
    report = lint_bytes(make_docx(body), name="mau.docx", config=demo_config())
    findings = tag_findings(report)
    assert [(f.severity, f.code) for f in findings] == [("error", "broken-tag")] * len(expected)
    for finding, (where, text, words) in zip(findings, expected, strict=True):
        assert finding.where == where
        assert finding.text == text
        assert words in finding.message
        assert finding.hint
    assert report.exit_code == 1


# -- Word's tracked changes, macros, the sandbox: what lint tells the author -----------------


def test_lint_tells_the_author_that_tracked_changes_were_accepted() -> None:
    body = p(r("Tỷ lệ: "), deleted("{{ ty_le_ho_can_ngheo }}"), r("{{ ty_le_ho_ngheo }}"))
    data = make_docx(body)
    report = lint_bytes(data, name="mau.docx", config=demo_config())
    notes = [f for f in report.findings if f.code == "tracked-changes"]
    assert [f.severity for f in notes] == ["info", "info"]
    assert "{{ ty_le_ho_can_ngheo }}" in notes[0].text and notes[0].where == BODY
    assert "Accept All Changes" in notes[1].message
    assert not report.errors
    assert "{{" not in "".join(render_texts(data))


def test_lint_names_a_sandbox_violation_at_its_tag() -> None:
    data = make_docx(p(r("Mở đầu")) + p(r("Xã: {{ don_vi.ten.__class__ }}")))
    report = lint_bytes(data, name="mau.docx", config=demo_config())
    found = [f for f in report.findings if f.code == "sandbox"]
    assert [(f.severity, f.where, f.paragraph) for f in found] == [
        ("error", "thân văn bản, đoạn 2", 2)
    ]
    assert found[0].text == "Xã: ⟦{{ don_vi.ten.__class__ }}⟧"
    assert "«__class__»" in found[0].message
    assert report.exit_code == 1
