"""Finding tags in visible text the way Jinja's lexer does, and escaping stray delimiters."""

from __future__ import annotations

import itertools

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.docx.prepare import escape_delimiters
from reportgen.docx.tags import (
    Structural,
    Tag,
    normalise_tag,
    parse_structural,
    scan,
    statement_keyword,
)

SCAN_CASES = [
    ("no tags", "Tỷ lệ hộ nghèo 5%", []),
    ("one expression", "a {{ x }} b", [Tag(2, 9, "{{")]),
    ("statement and comment", "{% if a %}{# c #}", [Tag(0, 10, "{%"), Tag(10, 17, "{#")]),
    ("closer inside string", '{{ "}}" }}', [Tag(0, 10, "{{")]),
    ("closer inside smart quotes", "{{ “}}” }}", [Tag(0, 10, "{{")]),
    ("dict literal", "{{ {'a': {'b': 1}} }}", [Tag(0, 21, "{{")]),
    ("dict literal closing braces together", "{{ {'a':1}}}", [Tag(0, 12, "{{")]),
    ("set literal inside an expression", "{{{ x }}}", [Tag(0, 9, "{{")]),
    ("unbalanced brace leaves the tag open", "{{{ x }}", [Tag(0, 8, "{{", closed=False)]),
    ("unclosed", "Số hộ {{ ho_ngheo", [Tag(6, 17, "{{", closed=False)]),
    ("stray closer", "abc }} d", [Tag(4, 6, "}}", closed=False)]),
    ("stray block closer", "50 %} d", [Tag(3, 5, "%}", closed=False)]),
    ("whitespace control", "{%- if a -%}", [Tag(0, 12, "{%")]),
    ("single braces are text", "{ a } {x}", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SCAN_CASES], ids=[c[0] for c in SCAN_CASES]
)
def test_scan_finds_tags_like_jinja(text: str, expected: list[Tag]) -> None:
    assert scan(text) == expected


STRUCTURAL_CASES = [
    ("{%p if x %}", Structural("p", "{%", "if x")),
    ("{%tr for r in rows %}", Structural("tr", "{%", "for r in rows")),
    ("{%tc endfor %}", Structural("tc", "{%", "endfor")),
    ("{%r if b %}", Structural("r", "{%", "if b")),
    ("{{p section }}", Structural("p", "{{", "section")),
    ("{{r x }}", Structural("r", "{{", "x")),
    ("{#p note #}", Structural("p", "{#", "note")),
    ("{{ p }}", None),
    ("{{p}}", None),
    ("{%pif x %}", None),
    ("{% if p %}", None),
]


@pytest.mark.parametrize(
    ("source", "expected"), STRUCTURAL_CASES, ids=[c[0] for c in STRUCTURAL_CASES]
)
def test_parse_structural_recognises_docxtpl_levels(
    source: str, expected: Structural | None
) -> None:
    assert parse_structural(source) == expected


def test_structural_jinja_drops_the_level_letter() -> None:
    assert Structural("p", "{%", "if x").jinja == "{% if x %}"
    assert Structural("r", "{{", "x").jinja == "{{ x }}"
    assert Structural("p", "{#", "x").jinja == ""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ “a” ‘b’ }}", "{{ \"a\" 'b' }}"),
        ("{{\u00a0x\u00a0}}", "{{ x }}"),
        ("{{\u202fx }}", "{{ x }}"),
    ],
    ids=["smart quotes", "nbsp", "narrow nbsp"],
)
def test_normalise_tag_straightens_quotes_and_spaces(source: str, expected: str) -> None:
    assert normalise_tag(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [("{% for x in y %}", "for"), ("{%- endif -%}", "endif"), ("{{ x }}", None)],
    ids=["for", "whitespace control", "expression"],
)
def test_statement_keyword(source: str, expected: str | None) -> None:
    assert statement_keyword(source) == expected


@given(st.text(alphabet=st.sampled_from(list("{}%#-ab \n'\""))))
def test_escaped_text_renders_literally(text: str) -> None:
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    assert env.from_string(escape_delimiters(text)).render() == text


@given(st.text())
def test_scan_never_fails_and_tags_are_ordered(text: str) -> None:
    tags = scan(text)
    for a, b in itertools.pairwise(tags):
        assert a.end <= b.start
    for tag in tags:
        assert 0 <= tag.start < tag.end <= len(text)
