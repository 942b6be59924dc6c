"""Word's markup in templates: tracked changes are accepted when the template is prepared (a tag
deleted with tracking on never reaches a report), smart tags and custom-XML wrappers are
unwrapped, bookmarks and section breaks of paragraphs replaced by ``{%p %}`` tags are kept, and
tags are read as Unicode NFC."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest
from lxml import etree

from reportgen.docx import PreparedTemplate, analyse
from tests.docx_engine.builders import (
    NS,
    body_texts,
    deleted,
    make_docx,
    make_env,
    p,
    r,
    render_checked,
    tbl,
    tc,
    tr,
)

DATE = 'w:id="{}" w:author="A" w:date="2024-01-01T00:00:00Z"'


def inserted(text: str, n: int = 1) -> str:
    return f"<w:ins {DATE.format(n)}>{r(text)}</w:ins>"


def moved_from(text: str, n: int = 2) -> str:
    return f"<w:moveFrom {DATE.format(n)}><w:r><w:t>{text}</w:t></w:r></w:moveFrom>"


def moved_to(text: str, n: int = 3) -> str:
    return f"<w:moveTo {DATE.format(n)}>{r(text)}</w:moveTo>"


def smart_tag(*runs: str) -> str:
    return (
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        '<w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr>'
        + "".join(runs)
        + "</w:smartTag>"
    )


def custom_xml(*content: str) -> str:
    return (
        '<w:customXml w:uri="urn:x" w:element="ward"><w:customXmlPr/>'
        + "".join(content)
        + "</w:customXml>"
    )


def _document(out: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        return etree.fromstring(z.read("word/document.xml"))


CTX = {"ten": "Phường Trần Phú", "a": True, "b": False, "ds": [1, 2]}

# (id, body, expected paragraphs of the report)
ACCEPTED = [
    ("deleted tag", p(r("Đơn vị: "), deleted("{{ ten }}"), r("hết")), ["Đơn vị: hết"]),
    ("moved-away tag", p(r("A "), moved_from("{{ ten }}"), r("B")), ["A B"]),
    ("inserted tag", p(r("Đơn vị: "), inserted("{{ ten }}")), ["Đơn vị: Phường Trần Phú"]),
    ("moved-in tag", p(r("Đơn vị: "), moved_to("{{ ten }}")), ["Đơn vị: Phường Trần Phú"]),
    (
        "tag split by a deletion",
        p(r("{{ te"), deleted("xx"), r("n }}")),
        ["Phường Trần Phú"],
    ),
    (
        "tag split across an insertion",
        p(r("{{ t"), inserted("e"), r("n }}")),
        ["Phường Trần Phú"],
    ),
    (
        "deleted if-paragraph",
        p(deleted("{%p if b %}"), ppr=f"<w:rPr><w:del {DATE.format(5)}/></w:rPr>")
        + p(r("luôn in"))
        + p(r("kết thúc")),
        ["luôn in", "kết thúc"],
    ),
    (
        "deleted table row",
        tbl(
            tr(tc(p(r("giữ")))),
            f"<w:tr><w:trPr><w:del {DATE.format(6)}/></w:trPr>"
            + tc(p(deleted("{{ ten }}")))
            + "</w:tr>",
            cols=1,
        )
        + p(r("")),
        ["giữ", ""],
    ),
    (
        "formatting change record",
        p(
            f"<w:r><w:rPr><w:b/><w:rPrChange {DATE.format(7)}><w:rPr/></w:rPrChange></w:rPr>"
            "<w:t>{{ ten }}</w:t></w:r>"
        ),
        ["Phường Trần Phú"],
    ),
    (
        "smart tag around the tag",
        p(r("Tại "), smart_tag(r("{{ te"), r("n }}"))),
        ["Tại Phường Trần Phú"],
    ),
    (
        "custom XML around runs",
        p(custom_xml(r("{{ t")), r("en }}")),
        ["Phường Trần Phú"],
    ),
    (
        "custom XML around an if-paragraph",
        custom_xml(p(r("{%p if b %}"))) + p(r("ẩn")) + p(r("{%p endif %}")) + p(r("sau")),
        ["sau"],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED]
)
def test_templates_are_read_as_word_shows_them_with_changes_accepted(
    body: str, expected: list[str]
) -> None:
    _, out = render_checked(make_docx(body), CTX)
    assert body_texts(out) == expected
    root = _document(out)
    for name in (
        "del",
        "ins",
        "moveFrom",
        "moveTo",
        "delText",
        "rPrChange",
        "smartTag",
        "customXml",
    ):
        assert root.find(f".//w:{name}", NS) is None, name
    assert b"{{" not in etree.tostring(root)


def test_a_deleted_tag_is_a_note_naming_it() -> None:
    data = make_docx(p(r("Mở đầu")) + p(r("Đơn vị: "), deleted("{{ ten }}")))
    notes = [x for x in analyse(data, env=make_env()).problems if x.code == "tracked-changes"]
    assert [x.severity for x in notes] == ["info", "info"]
    tag_note = notes[0]
    assert tag_note.paragraph == 2 and "{{ ten }}" in tag_note.text
    assert "Track Changes" in tag_note.message
    assert "1 thay đổi" in notes[1].message


def test_a_part_whose_only_change_is_tracked_is_still_cleaned() -> None:
    # no tag left to render in the part: the accepted XML is still what the report carries
    template, out = render_checked(make_docx(p(r("A"), deleted("B"))), {})
    assert body_texts(out) == ["A"]
    assert template.problems[0].code == "tracked-changes"


def test_a_template_without_markup_is_untouched() -> None:
    template = PreparedTemplate.from_bytes(make_docx(p(r("{{ ten }}"))), env=make_env())
    assert template.problems == []


BOOKMARK = '<w:bookmarkStart w:id="7" w:name="PhuLuc"/>'
BOOKMARK_END = '<w:bookmarkEnd w:id="7"/>'


@pytest.mark.parametrize(
    ("body", "context", "expected"),
    [
        (
            p(BOOKMARK, r("{%p if a %}"))
            + p(r("Phụ lục"), BOOKMARK_END)
            + p(r("{%p endif %}"))
            + p(
                r("Xem trang "),
                '<w:fldSimple w:instr=" PAGEREF PhuLuc "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
            ),
            {"a": True},
            ["Phụ lục", "Xem trang 1"],
        ),
        (
            p(r("Trước"))
            + p(BOOKMARK, r("{%p for x in ds %}"), BOOKMARK_END)
            + p(r("{{ x }}"))
            + p(r("{%p endfor %}")),
            {"ds": [1, 2]},
            ["Trước", "1", "2"],
        ),
        (
            p(r("{%p if a %}")) + p(r("Nội dung")) + p(BOOKMARK, r("{%p endif %}"), BOOKMARK_END),
            {"a": False},
            [],
        ),
    ],
    ids=["bookmark-in-if-paragraph", "bookmark-in-for-paragraph", "bookmark-in-endif-paragraph"],
)
def test_bookmarks_of_tag_paragraphs_are_kept_once(
    body: str, context: dict[str, object], expected: list[str]
) -> None:
    _, out = render_checked(make_docx(body), context)
    assert body_texts(out) == expected or body_texts(out) == [*expected, ""]
    root = _document(out)
    starts = root.findall(".//w:bookmarkStart", NS)
    ends = root.findall(".//w:bookmarkEnd", NS)
    assert [s.get(f"{{{NS['w']}}}name") for s in starts] == ["PhuLuc"]
    assert len(ends) == 1


def test_a_bookmark_moves_into_the_conditional_paragraph_it_marked() -> None:
    body = p(BOOKMARK, r("{%p if a %}")) + p(r("Phụ lục"), BOOKMARK_END) + p(r("{%p endif %}"))
    _, out = render_checked(make_docx(body), {"a": True})
    paragraph = _document(out).find(".//w:body/w:p", NS)
    assert paragraph is not None
    assert paragraph.find("w:bookmarkStart", NS) is not None
    assert "".join(str(t) for t in paragraph.itertext()) == "Phụ lục"


SECTION = (
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="0" '
    'w:footer="0" w:gutter="0"/></w:sectPr>'
)


@pytest.mark.parametrize("shown", [True, False], ids=["block-shown", "block-hidden"])
def test_a_section_break_on_a_tag_paragraph_survives(shown: bool) -> None:
    body = p(r("{%p if a %}")) + p(r("Phụ lục ngang")) + p(r("{%p endif %}"), ppr=SECTION)
    template, out = render_checked(make_docx(body), {"a": shown})
    root = _document(out)
    body_el = root.find("w:body", NS)
    assert body_el is not None
    in_paragraphs = body_el.findall("w:p/w:pPr/w:sectPr", NS)
    assert len(in_paragraphs) == 1
    assert in_paragraphs[0].find("w:pgSz", NS).get(f"{{{NS['w']}}}orient") == "landscape"  # type: ignore[union-attr]
    assert body_el[-1].tag == f"{{{NS['w']}}}sectPr"  # the last section is untouched
    assert "kept-section-break" in [x.code for x in template.problems]


NFC = "Phường"
NFD = unicodedata.normalize("NFD", NFC)


def test_a_decomposed_vietnamese_literal_in_a_tag_compares_equal() -> None:
    assert NFD != NFC
    body = p(r("{% if ten == '" + NFD + "' %}khớp{% else %}lệch{% endif %}"))
    template, out = render_checked(make_docx(body), {"ten": NFC})
    assert body_texts(out) == ["khớp"]
    notes = [x for x in template.problems if x.code == "repaired-tag"]
    assert notes and "NFC" in notes[0].message


def test_a_header_with_tracked_changes_and_no_tag_is_cleaned_once_at_prepare() -> None:
    data = make_docx(p(r("{{ ten }}")), header=p(r("ỦY BAN "), deleted("CŨ"), inserted("NHÂN DÂN")))
    template, out = render_checked(data, CTX)
    assert template.templated_parts() == ["word/document.xml"]  # nothing per document
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        header = etree.fromstring(z.read("word/header1.xml"))
    assert "".join(str(t) for t in header.itertext()) == "ỦY BAN NHÂN DÂN"
    assert header.find(".//w:del", NS) is None and header.find(".//w:ins", NS) is None
