"""docxtpl-style tags that act on the enclosing paragraph, row, cell or run, and blocks."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from reportgen.docx import PreparedTemplate, TemplateProblemsError

from .builders import NS, W, body_texts, make_docx, make_env, p, r, render_checked, tbl, tc, tr


def _root(out: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        return etree.fromstring(z.read("word/document.xml"))


IF_PARAGRAPH = (
    p(r("A")) + p(r("{%p if show %}")) + p(r("B {{ x }}")) + p(r("{%p endif %}")) + p(r("C"))
)


@pytest.mark.parametrize(
    ("show", "expected"), [(True, ["A", "B 1", "C"]), (False, ["A", "C"])], ids=["shown", "hidden"]
)
def test_paragraph_if_removes_whole_paragraphs(show: bool, expected: list[str]) -> None:
    _, out = render_checked(make_docx(IF_PARAGRAPH), {"show": show, "x": 1})
    assert body_texts(out) == expected


ROWS = tbl(
    tr(tc(p(r("Thôn"))), tc(p(r("Số hộ")))),
    tr(tc(p(r("{%tr for t in thon %}"))), tc(p())),
    tr(tc(p(r("{{ t.ten }}"))), tc(p(r("{{ t.so_ho }}")))),
    tr(tc(p(r("{%tr endfor %}"))), tc(p())),
)


@pytest.mark.parametrize("count", [0, 1, 20], ids=["no rows", "one row", "twenty rows"])
def test_row_for_repeats_table_rows(count: int) -> None:
    thon = [{"ten": f"Thôn {i} & Tổ", "so_ho": i} for i in range(count)]
    _, out = render_checked(make_docx(ROWS), {"thon": thon})
    table = docx.Document(io.BytesIO(out)).tables[0]
    assert len(table.rows) == 1 + count
    assert [row.cells[0].text for row in table.rows[1:]] == [t["ten"] for t in thon]


def test_cell_for_repeats_table_cells() -> None:
    cells = tbl(
        tr(tc(p(r("{%tc for c in cols %}"))), tc(p(r("{{ c }}"))), tc(p(r("{%tc endfor %}")))),
        cols=1,
    )
    _, out = render_checked(make_docx(cells), {"cols": ["a", "b", "c"]})
    assert [c.text for c in docx.Document(io.BytesIO(out)).tables[0].rows[0].cells] == [
        "a",
        "b",
        "c",
    ]


@pytest.mark.parametrize(
    ("body", "flag", "expected"),
    [
        (
            p(r("Trước "), r("{%r if b %}"), r("đậm", "<w:b/>"), r("{%r endif %}"), r(" sau")),
            True,
            "Trước đậm sau",
        ),
        (
            p(r("Trước "), r("{%r if b %}"), r("đậm", "<w:b/>"), r("{%r endif %}"), r(" sau")),
            False,
            "Trước  sau",
        ),
        (p(r("Trước {%r if b %}giữa{%r endif %} sau", "<w:i/>")), True, "Trước giữa sau"),
        (p(r("Trước {%r if b %}giữa{%r endif %} sau", "<w:i/>")), False, "Trước  sau"),
    ],
    ids=["own runs shown", "own runs hidden", "one run shown", "one run hidden"],
)
def test_run_if_keeps_the_formatting_of_the_surrounding_text(
    body: str, flag: bool, expected: str
) -> None:
    _, out = render_checked(make_docx(body), {"b": flag})
    assert body_texts(out) == [expected]
    root = _root(out)
    for run in root.iterfind(".//w:body/w:p/w:r", NS):
        text = "".join(t.text or "" for t in run.iterfind("w:t", NS))
        if text.strip() in ("Trước", "sau", "giữa") and "one run" in body:
            assert run.find("w:rPr/w:i", NS) is not None


def test_run_expression_is_a_plain_expression() -> None:
    _, out = render_checked(make_docx(p(r("Số {{r n }} hộ"))), {"n": 5})
    assert body_texts(out) == ["Số 5 hộ"]


def test_paragraph_comment_removes_the_paragraph() -> None:
    _, out = render_checked(
        make_docx(p(r("A")) + p(r("{#p ghi chú cho người soạn #}")) + p(r("B"))), {}
    )
    assert body_texts(out) == ["A", "B"]


BLOCK = (
    '<w:p><w:r><w:t xml:space="preserve">Mục {{ ten }}</w:t></w:r></w:p>'
    "{% for i in range(2) %}<w:p><w:r><w:t>{{ i }}</w:t></w:r></w:p>{% endfor %}"
)


def test_paragraph_block_splices_templated_ooxml() -> None:
    data = make_docx(p(r("Mở đầu")) + p(r("{{p muc_1 }}")) + p(r("Kết")))
    _, out = render_checked(data, {"ten": "A & B"}, blocks={"muc_1": BLOCK})
    assert body_texts(out) == ["Mở đầu", "Mục A & B", "0", "1", "Kết"]


def test_block_in_a_table_cell() -> None:
    data = make_docx(tbl(tr(tc(p(r("{{p o }}"))))))
    _, out = render_checked(data, {"ten": "x"}, blocks={"o": BLOCK})
    assert docx.Document(io.BytesIO(out)).tables[0].cell(0, 0).text == "Mục x\n0\n1"


def test_unknown_block_is_an_error() -> None:
    data = make_docx(p(r("{{p muc_2 }}")))
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(data, env=make_env(), blocks={"muc_1": BLOCK})
    assert "muc_2" in info.value.errors[0].message
    assert "muc_1" in info.value.errors[0].message


def test_paragraph_with_other_text_is_warned() -> None:
    template, out = render_checked(
        make_docx(p(r("Chữ {%p if a %}")) + p(r("x")) + p(r("{%p endif %}"))), {"a": True}
    )
    assert [x.severity for x in template.problems] == ["warning"]
    assert body_texts(out) == ["x"]


def test_two_paragraph_tags_in_one_paragraph_is_an_error() -> None:
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(make_docx(p(r("{%p if a %}{%p endif %}"))), env=make_env())
    assert "chỉ được có một thẻ" in info.value.errors[0].message


def test_row_with_other_content_is_warned() -> None:
    rows = tbl(
        tr(tc(p(r("{%tr for t in xs %}"))), tc(p(r("bị bỏ")))),
        tr(tc(p(r("{{ t }}"))), tc(p())),
        tr(tc(p(r("{%tr endfor %}"))), tc(p())),
    )
    template, out = render_checked(make_docx(rows), {"xs": [1, 2]})
    assert [x.severity for x in template.problems] == ["warning"]
    assert "bị bỏ" in template.problems[0].message
    assert "bị bỏ" not in "".join(body_texts(out))


MISMATCH_CASES = [
    ("plain if closed in a table", p(r("{% if a %}")) + tbl(tr(tc(p(r("{% endif %}")))))),
    ("paragraph if closed by a plain endif", p(r("{%p if a %}")) + p(r("{% endif %}"))),
    (
        "row for closed in a cell",
        tbl(tr(tc(p(r("{%tr for x in xs %}")))), tr(tc(p(r("{% endfor %}"))))),
    ),
    (
        "if in a hyperlink closed outside",
        p(
            '<w:hyperlink r:id="rId1"><w:r><w:t>{% if a %}</w:t></w:r></w:hyperlink>',
            r("x{% endif %}"),
        ),
    ),
]


@pytest.mark.parametrize("body", [c[1] for c in MISMATCH_CASES], ids=[c[0] for c in MISMATCH_CASES])
def test_block_tags_at_different_xml_levels_are_refused(body: str) -> None:
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(make_docx(body), env=make_env())
    assert "không cùng một cấp" in info.value.errors[0].message


@pytest.mark.parametrize("body", [c[1] for c in MISMATCH_CASES], ids=[c[0] for c in MISMATCH_CASES])
def test_mismatched_block_tags_never_produce_a_broken_document_when_not_strict(body: str) -> None:
    for a in (True, False):
        render_checked(make_docx(body), {"a": a, "xs": [1, 2]}, strict=False)


@pytest.mark.parametrize(
    ("body", "context", "expected"),
    [
        (p(r("{% if a %}")) + p(r("giữa")) + p(r("{% endif %}")), {"a": False}, [""]),
        (
            p(r("a{% if a %}")) + p(r("giữa")) + p(r("{% endif %}b")),
            {"a": True},
            ["a", "giữa", "b"],
        ),
        (p(r("{% for x in xs %}{{ x }}")) + p(r("{% endfor %}")), {"xs": [1, 2]}, ["1", "2", ""]),
    ],
    ids=["if across paragraphs hidden", "if across paragraphs shown", "for across paragraphs"],
)
def test_plain_block_tags_across_paragraphs_at_the_same_level_are_allowed(
    body: str, context: dict[str, object], expected: list[str]
) -> None:
    _, out = render_checked(make_docx(body), context)
    assert body_texts(out) == expected


def _picture(docpr_id: int) -> str:
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        f'wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="{docpr_id}" name="Hình"/>'
        "</wp:inline></w:drawing></w:r>"
    )


def test_drawings_repeated_by_a_loop_get_unique_ids() -> None:
    rows = tbl(
        tr(tc(p(r("{%tr for x in xs %}")))),
        tr(tc(p(_picture(1), r("{{ x }}")))),
        tr(tc(p(r("{%tr endfor %}")))),
    )
    body = p(_picture(5)) + rows
    _, out = render_checked(make_docx(body), {"xs": [1, 2, 3]})
    ids = [
        el.get("id")
        for el in _root(out).iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert len(ids) == 4
    assert len(set(ids)) == 4
    assert all(int(i) > 5 for i in ids if i is not None)


def test_whole_template_renders_the_same_text_as_the_plain_template() -> None:
    # sanity: the structural tags leave no stray markup behind
    _, out = render_checked(make_docx(IF_PARAGRAPH + ROWS), {"show": True, "x": 2, "thon": []})
    xml = _root(out)
    assert not [
        t for t in xml.iter(f"{{{W}}}t") if t.text and ("{%" in t.text or "\ue000" in t.text)
    ]


GUARD_CASES = [
    (
        "cell whose only paragraph is conditional",
        tbl(tr(tc(p(r("{%p if a %}")), p(r("chữ")), p(r("{%p endif %}"))), tc(p(r("x"))))),
    ),
    (
        "cell filled by a paragraph loop",
        tbl(
            tr(
                tc(p(r("{%p for x in xs %}")), p(r("{{ x }}")), p(r("{%p endfor %}"))),
                tc(p(r("x"))),
            )
        ),
    ),
    (
        "table whose only rows come from a loop",
        tbl(
            tr(tc(p(r("{%tr for x in xs %}"))), tc(p())),
            tr(tc(p(r("{{ x }}"))), tc(p())),
            tr(tc(p(r("{%tr endfor %}"))), tc(p())),
        ),
    ),
]


@pytest.mark.parametrize("body", [c[1] for c in GUARD_CASES], ids=[c[0] for c in GUARD_CASES])
@pytest.mark.parametrize(
    "context",
    [{"a": False, "xs": []}, {"a": True, "xs": ["một", "hai"]}],
    ids=["nothing produced", "content produced"],
)
def test_conditions_and_loops_never_leave_an_empty_cell_or_table(
    body: str, context: dict[str, object]
) -> None:
    # render_checked checks that every table has a row and every cell ends with a paragraph
    _, out = render_checked(make_docx(body), context)
    assert len(_root(out).findall(".//w:tbl", NS)) == 1


def test_guard_adds_nothing_when_content_is_produced() -> None:
    body = tbl(tr(tc(p(r("{%p if a %}")), p(r("chữ")), p(r("{%p endif %}")))))
    _, out = render_checked(make_docx(body), {"a": True})
    cell = _root(out).find(".//w:tc", NS)
    assert cell is not None
    assert [
        "".join(t.text or "" for t in para.iter(f"{{{W}}}t")) for para in cell.findall("w:p", NS)
    ] == ["chữ"]
