"""Errors name the file, the part and the paragraph, in Vietnamese, with a hint."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reportgen.diagnostics.errors import NumberFormatError, TemplateError
from reportgen.docx import PreparedTemplate, TemplateProblemsError, render_plain

from .builders import make_docx, make_env, p, r, tbl, tc, tr


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _corrupt_crc(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
    raw = bytearray(buffer.getvalue())
    index = raw.find(b"<w:body>")
    raw[index + 1] = ord("x")  # damage the stored document.xml: its CRC no longer matches
    return bytes(raw)


BAD_FILES = [
    ("not a zip", b"Day la tep van ban"),
    ("empty", b""),
    (
        "zip without document",
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}),
    ),
    ("document is not xml", _zip({"word/document.xml": b"<w:document><w:body>"})),
    ("document is not a word document", _zip({"word/document.xml": b"<root/>"})),
    ("damaged entry", _corrupt_crc(make_docx(p(r("x"))))),
]


@pytest.mark.parametrize("data", [c[1] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_files_that_are_not_word_documents_are_refused(data: bytes) -> None:
    with pytest.raises(TemplateError) as info:
        PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    error = info.value
    assert "không phải tệp Word .docx hợp lệ" in error.message
    assert error.location is not None and error.location.file == "mau.docx"
    assert error.hint is not None and ".docx" in error.hint


def test_missing_file_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        PreparedTemplate.from_file(tmp_path / "khong_co.docx", env=make_env())
    assert "khong_co.docx" in info.value.format()


SYNTAX_CASES = [
    (
        "unclosed for",
        p(r("Mở đầu")) + p(r("{% for x in xs %}")) + p(r("{{ x }}")),
        2,
        "thân văn bản, đoạn 2",
        "không có thẻ đóng",
    ),
    (
        "bad expression",
        p(r("a")) + p(r("b")) + p(r("Tỷ lệ {{ x + }}")),
        3,
        "thân văn bản, đoạn 3",
        "viết sai",
    ),
    ("stray endif", p(r("a")) + p(r("{% endif %}")), 2, "thân văn bản, đoạn 2", "không khớp"),
    ("unknown tag", p(r("{% colspan 2 %}")), 1, "thân văn bản, đoạn 1", "không phải lệnh"),
    (
        "error in a table",
        tbl(tr(tc(p(r("x"))), tc(p(r("{{ a b }}"))))),
        2,
        "bảng 1, hàng 1, ô 2, đoạn 1",
        "viết sai",
    ),
]


@pytest.mark.parametrize(
    ("body", "paragraph", "where", "words"),
    [c[1:] for c in SYNTAX_CASES],
    ids=[c[0] for c in SYNTAX_CASES],
)
def test_syntax_errors_name_part_and_paragraph(
    body: str, paragraph: int, where: str, words: str
) -> None:
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(make_docx(body), env=make_env(), name="mau.docx")
    error = info.value
    assert error.location is not None
    assert (error.location.file, error.location.part, error.location.paragraph) == (
        "mau.docx",
        "word/document.xml",
        paragraph,
    )
    assert where in error.message
    assert words in error.message
    assert "⟦" in error.message  # the paragraph text with the tag marked
    assert error.hint


def test_syntax_errors_are_raised_even_when_not_strict() -> None:
    with pytest.raises(TemplateProblemsError):
        PreparedTemplate.from_bytes(make_docx(p(r("{{ a b }}"))), env=make_env(), strict=False)


def test_syntax_error_in_header_names_the_header() -> None:
    data = make_docx(p(r("x")), header=p(r("{% if %}")))
    with pytest.raises(TemplateProblemsError) as info:
        PreparedTemplate.from_bytes(data, env=make_env())
    assert info.value.location is not None
    assert info.value.location.part == "word/header1.xml"
    assert "đầu trang (header1.xml), đoạn 1" in info.value.message


def test_undefined_variable_names_the_paragraph_and_suggests_a_name() -> None:
    data = make_docx(p(r("a")) + p(r("b")) + p(r("Tỷ lệ {{ ty_le_ho_ngeo }}%")))
    template = PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    with pytest.raises(TemplateError) as info:
        template.render({"ty_le_ho_ngheo": 5})
    error = info.value
    assert error.location is not None
    assert (error.location.part, error.location.paragraph) == ("word/document.xml", 3)
    assert "ty_le_ho_ngeo" in error.message
    assert "Tỷ lệ ⟦{{ ty_le_ho_ngeo }}⟧%" in error.message
    assert error.hint is not None and "ty_le_ho_ngheo" in error.hint


def test_missing_attribute_in_a_loop_row_names_the_row_paragraph() -> None:
    rows = tbl(
        tr(tc(p(r("{%tr for t in xs %}")))),
        tr(tc(p(r("{{ t.ten }}")))),
        tr(tc(p(r("{%tr endfor %}")))),
    )
    template = PreparedTemplate.from_bytes(make_docx(rows), env=make_env())
    with pytest.raises(TemplateError) as info:
        template.render({"xs": [{"ten": "a"}, {}]})
    assert "«ten»" in info.value.message
    assert "bảng 1, hàng 2, ô 1, đoạn 1" in info.value.format()


def test_filter_raising_names_the_paragraph() -> None:
    env = make_env()

    def so(value: object) -> str:
        raise NumberFormatError("«2.2.839» không phải là số", hint="Sửa ô dữ liệu")

    env.filters["so"] = so
    data = make_docx(p(r("x")), footer=p(r("Trang {{ n | so }}")))
    template = PreparedTemplate.from_bytes(data, env=env)
    with pytest.raises(TemplateError) as info:
        template.render({"n": "2.2.839"})
    error = info.value
    assert error.location is not None and error.location.part == "word/footer1.xml"
    assert "không phải là số" in error.message
    assert error.hint == "Sửa ô dữ liệu"
    assert isinstance(error.__cause__, NumberFormatError)


def test_python_error_in_a_filter_is_wrapped() -> None:
    env = make_env()
    env.filters["chia"] = lambda v: 1 / v
    template = PreparedTemplate.from_bytes(make_docx(p(r("{{ n | chia }}"))), env=env)
    with pytest.raises(TemplateError) as info:
        template.render({"n": 0})
    assert "ZeroDivisionError" in info.value.message
    assert info.value.location is not None and info.value.location.paragraph == 1


def test_render_plain_raises_the_same_errors(tmp_path: Path) -> None:
    path = tmp_path / "mau.docx"
    path.write_bytes(make_docx(p(r("{{ a }}"))))
    with pytest.raises(TemplateError) as info:
        render_plain(path, {}, env=make_env())
    assert info.value.location is not None and info.value.location.file == str(path)


@pytest.mark.parametrize(
    ("source", "name", "field"),
    [("{{ khong_co }}", "khong_co", False), ("{{ don_vi.khong_co }}", "khong_co", True)],
    ids=["top-level-name", "field-of-an-object"],
)
def test_a_missing_name_is_carried_by_the_error_not_read_from_jinjas_words(
    source: str, name: str, field: bool
) -> None:
    import jinja2

    from reportgen.docx.undefined import MissingName, NamedUndefined

    env = jinja2.Environment(undefined=NamedUndefined)
    with pytest.raises(MissingName) as info:
        env.from_string(source).render(don_vi={"ten": "A"})
    assert (info.value.name, info.value.field) == (name, field)


def test_a_missing_field_is_said_in_vietnamese_with_its_name() -> None:
    data = make_docx(p(r("Đơn vị: {{ don_vi.khong_co }}")))
    template = PreparedTemplate.from_bytes(data, env=make_env(), name="mau.docx")
    with pytest.raises(TemplateError) as info:
        template.render({"don_vi": {"ten": "Phường A"}})
    assert "không có trường «khong_co»" in info.value.message
    assert "has no attribute" not in info.value.message
