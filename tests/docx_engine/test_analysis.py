"""analyse(): every tag with its place and every syntax error at once, without rendering."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import nodes

from reportgen.diagnostics.errors import TemplateError
from reportgen.docx import PreparedTemplate, TemplateProblemsError, analyse
from reportgen.docx.prepare import parse_part, prepare_part

from .builders import PROOF_END, PROOF_START, make_docx, make_env, p, r, tbl, tc, tr

# (id, body, [(paragraph, words of the message)])
SYNTAX = [
    ("unclosed if at the opening tag", p(r("{% if a %}")) + p(r("x")), [(1, "không có thẻ đóng")]),
    ("stray endfor", p(r("x")) + p(r("{% endfor %}")), [(2, "không khớp")]),
    ("else outside a block", p(r("{% else %}")), [(1, "không nằm trong")]),
    ("unknown statement", p(r("{% colspan 2 %}")), [(1, "«colspan» không phải lệnh")]),
    ("bad expression", p(r("{{ a b }}")), [(1, "dấu cách")]),
    ("empty condition", p(r("{% if %}x{% endif %}")), [(1, "thiếu biểu thức")]),
    ("bad closing tag", p(r("{% if a %}x{% endif a %}")), [(1, "thừa chữ")]),
    (
        "crossed blocks",
        p(r("{% for x in xs %}")) + p(r("{% if x %}")) + p(r("{% endfor %}")) + p(r("{% endif %}")),
        [(2, "bắt chéo")],
    ),
    (
        "five errors in one part",
        p(r("{% if a %}"))
        + p(r("{{ b + }}"))
        + p(r("{% foo %}"))
        + p(r("{{ c d }}"))
        + p(r("{% endfor %}")),
        [(1, "không có thẻ đóng"), (2, "thiếu một phần"), (3, "«foo»"), (4, "dấu cách"), (5, "")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in SYNTAX], ids=[c[0] for c in SYNTAX])
def test_every_syntax_error_is_found_at_its_tag(body: str, expected: list[tuple[int, str]]) -> None:
    analysis = analyse(make_docx(body), env=make_env(), name="m.docx")
    problems = [x for x in analysis.problems if x.code == "jinja-syntax"]
    assert [x.paragraph for x in problems] == [e[0] for e in expected]
    for problem, (_, words) in zip(problems, expected, strict=True):
        assert words in problem.message
        assert problem.severity == "error" and not problem.repaired
        assert problem.where.startswith("thân văn bản, đoạn ")
        assert "⟦" in problem.text
        assert problem.hint


def test_the_rest_of_a_part_with_errors_still_parses() -> None:
    body = (
        p(r("{% for dv in cac_don_vi if %}"))  # wrong: becomes an empty loop over dv
        + p(r("{{ dv.ten }}"))
        + p(r("{% endfor %}"))
        + p(r("{% if a %}"))  # never closed: closed at the end of the part
        + p(r("{{ b }}"))
    )
    analysis = analyse(make_docx(body), env=make_env())
    (part,) = analysis.parts
    assert part.ast is not None
    loops = list(part.ast.find_all(nodes.For))
    assert [loop.target.name for loop in loops if isinstance(loop.target, nodes.Name)] == ["dv"]
    names = {n.name for n in part.ast.find_all(nodes.Name)}
    assert {"dv", "a", "b"} <= names
    assert [x.paragraph for x in analysis.problems] == [1, 4]


def test_tags_carry_their_places_and_lines_map_back_to_them() -> None:
    data = make_docx(
        tbl(tr(tc(p(r("{{ a }}"))), tc(p(r("{{ b"), PROOF_START, r(" }}"), PROOF_END)))) + p(r("")),
        header=p(r("{{ c }}")),
    )
    analysis = analyse(data, env=make_env())
    sites = [(t.part, t.where, t.tag) for part in analysis.parts for t in part.tags]
    assert ("word/document.xml", "bảng 1, hàng 1, ô 1, đoạn 1", "{{ a }}") in sites
    assert ("word/document.xml", "bảng 1, hàng 1, ô 2, đoạn 1", "{{ b }}") in sites
    assert ("word/header1.xml", "đầu trang (header1.xml), đoạn 1", "{{ c }}") in sites
    document = next(part for part in analysis.parts if part.name == "word/document.xml")
    assert document.ast is not None
    for name in document.ast.find_all(nodes.Name):
        site = document.tag_at(name.lineno)
        assert site is not None and name.name in site.tag
    assert [x.code for x in analysis.problems] == ["repaired-tag"]


PROBLEM_CODES = [
    ("repaired", p(r("{{ a"), r(" }}", "<w:b/>")), "repaired-tag", "info"),
    ("not closed in its paragraph", p(r("{{ a")), "broken-tag", "error"),
    ("stray closer", p(r("a }}")), "broken-tag", "error"),
    ("tr outside a row", p(r("{%tr for x in xs %}")), "misplaced-tag", "error"),
    ("raw", p(r("{% raw %}")), "unsupported-tag", "error"),
    ("unknown block", p(r("{{p nothing }}")), "unknown-block", "error"),
    (
        "text beside a p tag",
        p(r("chữ {%p if a %}")) + p(r("{%p endif %}")),
        "dropped-content",
        "warning",
    ),
]


@pytest.mark.parametrize(
    ("body", "code", "severity"),
    [c[1:] for c in PROBLEM_CODES],
    ids=[c[0] for c in PROBLEM_CODES],
)
def test_problems_of_preparation_have_a_code(body: str, code: str, severity: str) -> None:
    analysis = analyse(make_docx(body), env=make_env(), blocks={})
    assert [(x.code, x.severity) for x in analysis.problems][:1] == [(code, severity)]


def test_without_blocks_every_block_placeholder_is_accepted() -> None:
    analysis = analyse(make_docx(p(r("{{p phu_luc }}"))), env=make_env())
    assert analysis.problems == []
    (site,) = analysis.parts[0].tags
    assert site.block and site.block_name == "phu_luc"


def test_not_a_word_document_is_a_template_error() -> None:
    with pytest.raises(TemplateError):
        analyse(b"not a zip", env=make_env())


def test_source_with_keeps_every_other_tag_on_its_line() -> None:
    xml = make_docx(p(r("{{ a }}")) + p(r("{% if b %}")) + p(r("{{ c }}")))
    import io
    import zipfile

    raw = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml")
    source = prepare_part("word/document.xml", parse_part("word/document.xml", raw), {})
    opened = next(item for item in source.items_in_order if "if b" in item.source)
    healed = source.source_with({opened: ""}, suffix="")
    template = jinja2.Environment().parse(healed)
    lines = {n.name: n.lineno for n in template.find_all(nodes.Name)}
    tags = {name: getattr(source.item_at(line), "tag", None) for name, line in lines.items()}
    assert tags == {"a": "{{ a }}", "c": "{{ c }}"}


def test_prepared_template_still_stops_at_syntax_errors() -> None:
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(make_docx(p(r("{{ a + }}"))), env=make_env())
    assert [x.code for x in info.value.errors] == ["jinja-syntax"]
