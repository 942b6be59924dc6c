"""Rendering: tags in every kind of part, escaping, determinism, the package around them."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import docx
import jinja2
import pytest

from reportgen.docx import CoreProperties, PreparedTemplate

from .builders import (
    body_texts,
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

WHERE_CASES = [
    ("body", {"body": p(r("Xã {{ ten }}"))}, "word/document.xml", ["Xã Hòa Bình"]),
    (
        "table cell",
        {"body": tbl(tr(tc(p(r("Tên"))), tc(p(r("{{ ten }}")))))},
        "word/document.xml",
        ["Tên", "Hòa Bình"],
    ),
    (
        "header",
        {"body": p(r("x")), "header": p(r("UBND {{ ten }}"))},
        "word/header1.xml",
        ["UBND Hòa Bình"],
    ),
    (
        "footer",
        {"body": p(r("x")), "footer": p(r("Trang của {{ ten }}"))},
        "word/footer1.xml",
        ["Trang của Hòa Bình"],
    ),
    (
        "footnote",
        {"body": p(r("x")), "footnotes": p(r("Nguồn: {{ ten }}"))},
        "word/footnotes.xml",
        ["", "Nguồn: Hòa Bình"],
    ),
    (
        "text box",
        {
            "body": p(
                r("neo"),
                '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                "<w:txbxContent>" + p(r("Hộp {{ ten }}")) + "</w:txbxContent>"
                "</v:textbox></v:shape></w:pict></w:r>",
            )
        },
        "word/document.xml",
        ["neoHộp Hòa Bình", "Hộp Hòa Bình"],
    ),
]


@pytest.mark.parametrize(
    ("spec", "part", "expected"), [c[1:] for c in WHERE_CASES], ids=[c[0] for c in WHERE_CASES]
)
def test_tags_render_in_every_part(spec: dict[str, str], part: str, expected: list[str]) -> None:
    template, out = render_checked(make_docx(**spec), {"ten": "Hòa Bình"})
    assert part_texts(out, part) == expected
    assert part in template.templated_parts()


def test_python_docx_template_renders_body_table_and_header() -> None:
    def build(document: docx.document.Document) -> None:
        document.add_paragraph("Báo cáo của {{ ten }} năm {{ nam }}")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "{{ nam }}"
        document.sections[0].header.paragraphs[0].text = "Đầu trang {{ ten }}"

    _, out = render_checked(make_docx(build=build), {"ten": "Xã A", "nam": 2024})
    document = docx.Document(io.BytesIO(out))
    assert document.paragraphs[0].text == "Báo cáo của Xã A năm 2024"
    assert document.tables[0].cell(0, 0).text == "2024"
    assert document.sections[0].header.paragraphs[0].text == "Đầu trang Xã A"


ESCAPE_CASES = [
    ("ampersand", "Tổ 1 & 2"),
    ("less than", "a < b"),
    ("greater than", "a > b"),
    ("double quotes", 'Ấp "Mới"'),
    ("single quote", "Ấp 'Cũ'"),
    ("markup lookalike", "<w:t>x</w:t>"),
    ("entity lookalike", "&amp; &lt;"),
    ("jinja lookalike", "{{ not a tag }} {% if %}"),
]


@pytest.mark.parametrize("value", [c[1] for c in ESCAPE_CASES], ids=[c[0] for c in ESCAPE_CASES])
def test_values_are_escaped_and_never_corrupt_the_document(value: str) -> None:
    _, out = render_checked(make_docx(p(r("[{{ v }}]"))), {"v": value})
    assert body_texts(out) == [f"[{value}]"]


def test_string_literals_in_tags_with_xml_special_characters_render_once_escaped() -> None:
    _, out = render_checked(
        make_docx(p(r('{{ "Tổ 1 & 2" }} {{ x if x < 3 else "nhiều" }}'))), {"x": 1}
    )
    assert body_texts(out) == ["Tổ 1 & 2 1"]


def test_characters_xml_cannot_hold_are_dropped_from_values() -> None:
    _, out = render_checked(make_docx(p(r("{{ v }}"))), {"v": "a\x0bb\x00c\ud800d\tẹ"})
    assert body_texts(out) == ["abcd\tẹ"]


def test_literal_braces_outside_tags_are_kept() -> None:
    body = p(r("Giữ { và } và {x} & <y>")) + p(r("{{ a }} & {{ a }}"))
    _, out = render_checked(make_docx(body), {"a": 1})
    assert body_texts(out) == ["Giữ { và } và {x} & <y>", "1 & 1"]


def test_braces_in_field_codes_and_attributes_are_not_tags() -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> QUOTE "{{ x }}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>kq</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' + p(r("{{ a }}"))
    )
    _, out = render_checked(make_docx(body), {"a": 1})
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert ' QUOTE "{{ x }}" ' in z.read("word/document.xml").decode()


def test_rendering_is_byte_identical_across_template_instances() -> None:
    data = make_docx(p(r("{{ a }}")), header=p(r("{{ a }}")))
    one = PreparedTemplate.from_bytes(data, env=make_env()).render({"a": "x"})
    two = PreparedTemplate.from_bytes(data, env=make_env()).render({"a": "x"})
    assert one == two


def test_untouched_entries_are_copied_with_their_original_compressed_bytes() -> None:
    data = make_docx(p(r("{{ a }}")))
    _, out = render_checked(data, {"a": 1})
    src = zipfile.ZipFile(io.BytesIO(data))
    dst = zipfile.ZipFile(io.BytesIO(out))
    assert [i.filename for i in dst.infolist()] == [i.filename for i in src.infolist()]
    for info in dst.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        if info.filename in ("word/document.xml", "docProps/app.xml"):  # app.xml: no stale counts
            continue
        original = src.getinfo(info.filename)
        assert (info.CRC, info.compress_size, info.compress_type) == (
            original.CRC,
            original.compress_size,
            original.compress_type,
        )
        assert dst.read(info) == src.read(original)


def test_part_without_tags_is_not_templated() -> None:
    template, _ = render_checked(make_docx(p(r("{{ a }}")), header=p(r("chỉ chữ"))), {"a": 1})
    assert template.templated_parts() == ["word/document.xml"]


def test_render_parts_returns_the_xml_of_templated_parts() -> None:
    template, _ = render_checked(make_docx(p(r("{{ a }}")), footer=p(r("{{ a }}"))), {"a": 7})
    parts = template.render_parts({"a": 7})
    assert set(parts) == {"word/document.xml", "word/footer1.xml"}
    assert parts["word/document.xml"].startswith(b'<?xml version="1.0" encoding="UTF-8"')
    assert b">7</w:t>" in parts["word/footer1.xml"]


def test_variables_lists_names_from_every_part() -> None:
    data = make_docx(
        p(r("{{ a }} {% for x in xs %}{{ x.b }}{% endfor %} {% for i in range(2) %}{% endfor %}"))
        + tbl(tr(tc(p(r("{%p if c %}")), p(r("x")), p(r("{%p endif %}"))))),
        header=p(r("{{ h }}")),
        footer=p(r("{{ f | upper }}")),
    )
    template = PreparedTemplate.from_bytes(data, env=make_env())
    assert template.variables() == {"a", "xs", "c", "h", "f"}


CREATED = datetime(2024, 5, 17, 8, 30, 0)


def _core(out: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        return z.read("docProps/core.xml").decode("utf-8")


def test_core_properties_replace_the_template_values() -> None:
    props = CoreProperties(
        title="Báo cáo & tổng hợp",
        subject="Hộ nghèo",
        creator="UBND xã <A>",
        created=CREATED,
        modified=CREATED.replace(tzinfo=timezone(timedelta(hours=7))),
    )
    _, out = render_checked(make_docx(p(r("{{ a }}"))), {"a": 1}, core_properties=props)
    document = docx.Document(io.BytesIO(out))
    core = document.core_properties
    assert core.title == "Báo cáo & tổng hợp"
    assert core.subject == "Hộ nghèo"
    assert core.author == "UBND xã <A>"
    assert core.last_modified_by == "UBND xã <A>"
    assert core.revision == 1
    assert core.created == datetime(2024, 5, 17, 8, 30, 0, tzinfo=UTC)
    assert core.modified == datetime(2024, 5, 17, 1, 30, 0, tzinfo=UTC)
    assert "python-docx" in _core(out)  # properties not managed here are kept


def test_core_property_none_removes_the_template_value() -> None:
    def build(document: docx.document.Document) -> None:
        document.add_paragraph("{{ a }}")
        document.core_properties.author = "Tác giả mẫu"
        document.core_properties.title = "Mẫu"

    props = CoreProperties(
        title=None, subject=None, creator=None, created=CREATED, modified=CREATED
    )
    _, out = render_checked(make_docx(build=build), {"a": 1}, core_properties=props)
    text = _core(out)
    assert "Tác giả mẫu" not in text
    assert "Mẫu" not in text
    assert "2024-05-17T08:30:00Z" in text


def test_without_core_properties_core_xml_is_copied() -> None:
    data = make_docx(p(r("{{ a }}")))
    _, out = render_checked(data, {"a": 1})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert _core(out) == z.read("docProps/core.xml").decode("utf-8")


def test_core_properties_make_output_independent_of_the_clock() -> None:
    props = CoreProperties(
        "T", None, "C", datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC)
    )
    data = make_docx(p(r("{{ a }}")))
    template = PreparedTemplate.from_bytes(data, env=make_env())
    assert template.render({"a": 1}, core_properties=props) == template.render(
        {"a": 1}, core_properties=props
    )


@pytest.mark.parametrize(
    ("options", "ok"),
    [
        ({"autoescape": True}, True),
        ({"autoescape": jinja2.select_autoescape(default_for_string=True)}, True),
        ({"autoescape": False}, False),
        ({"autoescape": jinja2.select_autoescape(default_for_string=False)}, False),
        ({"autoescape": True, "variable_start_string": "[["}, False),
        ({"autoescape": True, "line_statement_prefix": "#"}, False),
    ],
    ids=[
        "autoescape",
        "select_autoescape",
        "no autoescape",
        "select without strings",
        "delimiters",
        "line statements",
    ],
)
def test_environment_must_autoescape_with_default_syntax(
    options: dict[str, object], ok: bool
) -> None:
    env = jinja2.Environment(**options)  # type: ignore[arg-type]
    data = make_docx(p(r("{{ a }}")))
    if ok:
        PreparedTemplate.from_bytes(data, env=env)
    else:
        with pytest.raises(ValueError):
            PreparedTemplate.from_bytes(data, env=env)


def test_callers_finalize_and_filters_are_used() -> None:
    env = make_env(finalize=lambda v: "—" if v is None else v)
    env.filters["hoa"] = str.upper
    _, out = render_checked(
        make_docx(p(r("{{ a }} {{ b | hoa }}"))), {"a": None, "b": "xã"}, env=env
    )
    assert body_texts(out) == ["— XÃ"]


def test_callers_environment_is_not_modified() -> None:
    env = make_env()
    PreparedTemplate.from_bytes(make_docx(p(r("{{ a }}"))), env=env)
    assert env.finalize is None


def test_whitespace_around_values_is_preserved() -> None:
    _, out = render_checked(make_docx(p(r("{{ a }}"))), {"a": "  hai đầu  "})
    assert body_texts(out) == ["  hai đầu  "]
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert b'xml:space="preserve">  hai' in z.read("word/document.xml")


def test_whitespace_control_works_inside_text() -> None:
    _, out = render_checked(make_docx(p(r("a   {{- b -}}   c"))), {"b": "B"})
    assert body_texts(out) == ["aBc"]


def test_sandboxed_environment_renders_loops_guards_and_drawings() -> None:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    picture = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="H"/>'
        "</wp:inline></w:drawing></w:r>"
    )
    body = (
        tbl(tr(tc(p(r("{%p if a %}")), p(r("chữ")), p(r("{%p endif %}")))))
        + tbl(
            tr(tc(p(r("{%tr for x in xs %}")))),
            tr(tc(p(picture, r("{{ x }}")))),
            tr(tc(p(r("{%tr endfor %}")))),
        )
        + p(r("{{ v }}"))
    )
    for context in ({"a": False, "xs": [], "v": "A & B"}, {"a": True, "xs": [1, 2], "v": "<x>"}):
        _, out = render_checked(make_docx(body), context, env=env)
        assert body_texts(out)[-1] == context["v"]


@pytest.mark.parametrize("threshold", [0, 10, 1 << 30], ids=["always", "mid-part", "never"])
def test_a_large_part_is_deflated_as_it_is_rendered_with_the_same_content(
    monkeypatch: pytest.MonkeyPatch, threshold: int
) -> None:
    """A city report with tables of thousands of wards is streamed into the compressor: the
    document reads the same, and two renders give the same bytes."""
    from reportgen.docx import template as engine

    data = make_docx(
        p(r("Đầu")) + p(r("{%p for x in xs %}")) + p(r("Dòng {{ x }} ⟨ộ⟩")) + p(r("{%p endfor %}"))
    )
    prepared = PreparedTemplate.from_bytes(data, env=make_env())
    context = {"xs": list(range(500))}
    expected = prepared.render_parts(context)["word/document.xml"]
    monkeypatch.setattr(engine, "_STREAM_AFTER", threshold)
    out = prepared.render(context)
    assert out == prepared.render(context)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.testzip() is None
        assert z.read("word/document.xml") == expected
    texts = [q.text for q in docx.Document(io.BytesIO(out)).paragraphs]
    assert texts[0] == "Đầu" and texts[-1] == "Dòng 499 ⟨ộ⟩" and len(texts) == 501


def test_a_header_part_is_found_by_its_relationship_whatever_its_name() -> None:
    """Another program may name the header part as it likes: the relationship decides."""
    data = make_docx(p(r("Thân {{ a }}")), header=p(r("Đầu trang {{ b }}")))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            name = info.filename.replace("word/header1.xml", "word/dau-trang.xml")
            if info.filename in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                content = content.replace(b"header1.xml", b"dau-trang.xml")
            dst.writestr(name, content)
    prepared = PreparedTemplate.from_bytes(out.getvalue(), env=make_env())
    assert "word/dau-trang.xml" in prepared.templated_parts()
    rendered = zipfile.ZipFile(io.BytesIO(prepared.render({"a": "A", "b": "B"})))
    assert "Đầu trang B" in rendered.read("word/dau-trang.xml").decode("utf-8")
