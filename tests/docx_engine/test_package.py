"""Templates saved as .dotx, .dotm or .docm give reports Word opens: the main part is declared
a document and macros are dropped, each said once as a problem of the template."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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


# -- docProps/app.xml: no stale statistics from the program that saved the template ----------

WORD_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>184</TotalTime><Pages>3</Pages>"
    "<Words>912</Words><Characters>5201</Characters><Application>Microsoft Office Word"
    "</Application><DocSecurity>0</DocSecurity><Lines>43</Lines><Paragraphs>12</Paragraphs>"
    "<ScaleCrop>false</ScaleCrop><Company>UBND thành phố Hòa An</Company>"
    "<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>6101</CharactersWithSpaces>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<AppVersion>16.0000</AppVersion></Properties>"
)


def _with_app_xml(data: bytes, app_xml: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/app.xml":
                content = app_xml.encode()
            dst.writestr(info, content)
    return out.getvalue()


def _app_of(data: bytes) -> dict[str, str]:
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml"))
    return {etree.QName(el).localname: el.text or "" for el in root}


def test_report_from_a_word_template_drops_the_templates_statistics() -> None:
    template = _with_app_xml(make_docx(p(r("Xin chào {{ ten }}"))), WORD_APP_XML)
    out = PreparedTemplate.from_bytes(template, env=make_env()).render({"ten": "Hòa An"})
    app = _app_of(out)
    for stale in ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs"):
        assert stale not in app, stale
    assert "TotalTime" not in app and "AppVersion" not in app
    assert app["Application"] == "reportgen"
    # what describes the document, not the template's text, stays
    assert app["Company"] == "UBND thành phố Hòa An"
    assert app["Template"] == "Normal.dotm"
    assert app["DocSecurity"] == "0"


def test_python_docx_template_app_xml_is_neutralised_too() -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    out = PreparedTemplate.from_bytes(buf.getvalue(), env=make_env()).render({})
    app = _app_of(out)
    assert app["Application"] == "reportgen" and "Pages" not in app and "Words" not in app


def test_an_app_xml_already_neutral_is_copied_byte_for_byte() -> None:
    from reportgen.authoring.basetemplate import APP_XML
    from reportgen.docx.package import neutral_app_xml

    assert neutral_app_xml(APP_XML) is None


def test_lint_tells_how_to_save_a_template_or_macro_file_as_a_document(tmp_path: Path) -> None:
    from reportgen.authoring.lint import lint_template

    path = tmp_path / "mau.dotm"
    path.write_bytes(_saved_as(DOTM_MAIN, macros=True))
    by_code = {f.code: f for f in lint_template(path).findings}
    for code in ("converted-package", "dropped-macros"):
        assert "Word Document (*.docx)" in by_code[code].hint
        assert "gõ lại" not in by_code[code].hint


@pytest.mark.parametrize("command", ["lint", "vars", "render"])
def test_an_unreadable_template_is_said_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    from click.testing import CliRunner

    from reportgen.cli import main
    from tests.helpers import sample_project

    config = sample_project(tmp_path)
    template = tmp_path / "templates" / "bao-cao-co-ban.docx"
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == template.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    args = {
        "lint": ["lint", str(template)],
        "vars": ["vars", str(template)],
        "render": ["render", str(config), "--all", "-o", str(tmp_path / "o")],
    }[command]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 2, out.output
    assert "không có quyền truy cập" in out.output
    assert "Traceback" not in out.output
