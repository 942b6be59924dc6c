"""Templates saved as .dotx, .dotm or .docm give reports Word opens: the main part is declared
a document and macros are dropped, each said once as a problem of the template."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from reportgen.docx import PreparedTemplate, analyse
from reportgen.docx.package import DOCUMENT_MAIN
from tests.docx_engine.builders import make_docx, make_env, p, r

TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTM_MAIN = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_DATA_REL = "http://schemas.microsoft.com/office/2006/relationships/wordVbaData"


def _saved_as(main_type: str, *, macros: bool) -> bytes:
    """A template whose main part is declared ``main_type``, with a VBA project if asked."""
    base = make_docx(p(r("Xin chào {{ ten }}")))
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_MAIN.encode(), main_type.encode())
                if macros:
                    data = data.replace(
                        b"</Types>",
                        b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
                        b'vbaProject"/><Override PartName="/word/vbaData.xml" ContentType='
                        b'"application/vnd.ms-word.vbaData+xml"/></Types>',
                    )
            elif info.filename == "word/_rels/document.xml.rels" and macros:
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdVba" Type="{VBA_REL}" Target="vbaProject.bin"/>'
                    "</Relationships>".encode(),
                )
            dst.writestr(info, data)
        if macros:
            dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro")
            dst.writestr(
                "word/_rels/vbaProject.bin.rels",
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships"><Relationship Id="rId1" Type="{VBA_DATA_REL}" '
                'Target="vbaData.xml"/></Relationships>',
            )
            dst.writestr("word/vbaData.xml", '<?xml version="1.0"?><wne:vbaSuppData/>')
    return out.getvalue()


def _content_types(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("[Content_Types].xml").decode("utf-8")


@pytest.mark.parametrize(
    ("main_type", "macros", "codes"),
    [
        (TEMPLATE_MAIN, False, ["converted-package"]),
        (DOCM_MAIN, True, ["converted-package", "dropped-macros"]),
        (DOTM_MAIN, True, ["converted-package", "dropped-macros"]),
    ],
    ids=["dotx", "docm", "dotm"],
)
def test_report_from_a_word_template_or_macro_file_is_a_plain_document(
    main_type: str, macros: bool, codes: list[str]
) -> None:
    template = PreparedTemplate.from_bytes(_saved_as(main_type, macros=macros), env=make_env())
    assert [x.code for x in template.problems] == codes
    out = template.render({"ten": "Phường Trần Phú"})
    types = _content_types(out)
    assert f'PartName="/word/document.xml" ContentType="{DOCUMENT_MAIN}"' in types
    assert "macroEnabled" not in types and "template.main" not in types
    assert "vbaProject" not in types and "vbaData" not in types
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        names = z.namelist()
        assert z.testzip() is None
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert not [n for n in names if "vba" in n.lower()]
    assert "vbaProject" not in rels
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "Xin chào Phường Trần Phú"


def test_macros_are_a_warning_and_the_template_type_a_note() -> None:
    analysis = analyse(_saved_as(DOTM_MAIN, macros=True), env=make_env())
    by_code = {x.code: x for x in analysis.problems}
    assert by_code["converted-package"].severity == "info"
    assert ".dotm" in by_code["converted-package"].message
    assert by_code["dropped-macros"].severity == "warning"
    assert "macro" in by_code["dropped-macros"].message


def test_a_plain_docx_is_left_as_it_is() -> None:
    data = make_docx(p(r("{{ ten }}")))
    template = PreparedTemplate.from_bytes(data, env=make_env())
    assert template.problems == []
    assert _content_types(template.render({"ten": "x"})) == _content_types(data)
