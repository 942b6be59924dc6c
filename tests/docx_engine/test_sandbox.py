"""A tag the sandbox refuses is found before rendering (with its paragraph and the tag
marked), and a render that meets one gives a located Vietnamese message, never a raw
SecurityError."""

from __future__ import annotations

import pytest

from reportgen.diagnostics.errors import TemplateError
from reportgen.docx import PreparedTemplate, analyse
from reportgen.templating.environment import make_env
from tests.docx_engine.builders import make_docx, p, r

UNSAFE = [
    ("{{ ''.__class__ }}", "__class__"),
    ("{{ don_vi.__globals__ }}", "__globals__"),
    ("{{ don_vi['_ten'] }}", "_ten"),
    ("{{ don_vi | attr('__dict__') }}", "__dict__"),
    ("{{ ds.append(1) }}", "append"),
    ("{% for x in ds %}{{ x.__class__.__mro__ }}{% endfor %}", "__class__"),
]
IDS = ["class", "globals", "item", "attr-filter", "mutating-call", "in-loop"]


@pytest.mark.parametrize(("tag", "name"), UNSAFE, ids=IDS)
def test_analysis_names_the_unsafe_tag_and_its_paragraph(tag: str, name: str) -> None:
    data = make_docx(p(r("Mở đầu")) + p(r("Đơn vị: " + tag)))
    problems = [x for x in analyse(data, env=make_env()).problems if x.code == "sandbox"]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.severity == "error"
    assert (problem.part, problem.paragraph, problem.where) == (
        "word/document.xml",
        2,
        "thân văn bản, đoạn 2",
    )
    assert f"«{name}»" in problem.message
    assert "⟦" in problem.text and "Đơn vị:" in problem.text


@pytest.mark.parametrize(
    "tag",
    ["{{ don_vi.ten }}", "{{ ds | length }}", "{{ ds.append }}", "{{ so_ho | so }}"],
    ids=["field", "filter", "method-not-called", "vn-filter"],
)
def test_ordinary_tags_are_not_sandbox_problems(tag: str) -> None:
    data = make_docx(p(r(tag)))
    assert not [x for x in analyse(data, env=make_env()).problems if x.code == "sandbox"]


@pytest.mark.parametrize(("tag", "name"), UNSAFE[:2] + UNSAFE[4:5], ids=IDS[:2] + IDS[4:5])
def test_render_gives_a_located_message(tag: str, name: str) -> None:
    data = make_docx(p(r("Mở đầu")) + p(r("Đơn vị: " + tag)))
    template = PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    with pytest.raises(TemplateError) as info:
        template.render({"don_vi": {"ten": "Phường A"}, "ds": [1]})
    err = info.value
    assert err.code == "template.sandbox"
    assert err.location is not None
    assert (err.location.file, err.location.part, err.location.paragraph) == (
        "mau.docx",
        "word/document.xml",
        2,
    )
    assert f"«{name}»" in err.message
    assert "SecurityError" not in err.format()
