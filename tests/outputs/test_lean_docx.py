"""The lean copy the UNO worker opens: styles nothing refers to are left out of styles.xml (they
cost LibreOffice more time than the report's pages), everything else stays as it was."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from reportgen.app import pipeline
from reportgen.outputs.uno_worker import lean_docx
from tests.helpers import sample_project

_ID = re.compile(rb'<w:style\b[^>]*\bw:styleId="([^"]*)"')


@pytest.fixture(scope="module")
def ward_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    tmp = tmp_path_factory.mktemp("lean")
    config = sample_project(tmp)
    result = pipeline.render(config, out_dir=tmp / "o", jobs=1, units=["Phường Trần Phú"])
    return (result.out_dir / "phuong-tran-phu.docx").read_bytes()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _rewrite(data: bytes, name: str, edit: bytes) -> bytes:
    parts = _parts(data)
    parts[name] = parts[name].replace(b"</w:body>", edit + b"</w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, body in parts.items():
            z.writestr(n, body)
    return out.getvalue()


def test_only_the_styles_in_use_their_parents_and_the_defaults_stay(ward_docx: bytes) -> None:
    before, after = _parts(ward_docx), _parts(lean_docx(ward_docx) or b"")
    kept = set(_ID.findall(after["word/styles.xml"]))
    used = set()
    for name, body in before.items():
        if name.startswith("word/") and not name.startswith("word/styles"):
            used |= set(re.findall(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"', body))
    assert used and used <= kept
    styles = before["word/styles.xml"]
    for sid in kept:  # every parent of a kept style is kept
        xml = re.search(rb'<w:style\b[^>]*w:styleId="' + sid + rb'".*?</w:style>', styles, re.S)
        assert xml is not None
        assert set(re.findall(rb'<w:basedOn w:val="([^"]*)"', xml.group(0))) <= kept
    defaults = re.findall(rb'<w:style\b[^>]*w:default="1"[^>]*w:styleId="([^"]*)"', styles)
    assert defaults and set(defaults) <= kept
    assert len(kept) < len(_ID.findall(styles)) / 4
    # everything else is as it was (Word 2010's stylesWithEffects copy aside)
    assert set(before) - set(after) == {"word/stylesWithEffects.xml"}
    for name, body in after.items():
        if name != "word/styles.xml":
            assert body == before[name], name
    assert after["word/styles.xml"].split(b"<w:style ")[0] == styles.split(b"<w:style ")[0]


@pytest.mark.parametrize(
    "field",
    [
        b'<w:p><w:r><w:instrText> STYLEREF "Heading 1" </w:instrText></w:r></w:p>',
        b'<w:p><w:fldSimple w:instr=" TOC \\o &quot;1-3&quot; "/></w:p>',
    ],
    ids=["styleref", "toc"],
)
def test_a_document_whose_fields_name_styles_is_opened_as_it_is(
    ward_docx: bytes, field: bytes
) -> None:
    assert lean_docx(_rewrite(ward_docx, "word/document.xml", field)) is None


@pytest.mark.parametrize("data", [b"not a zip", b""], ids=["not-a-zip", "empty"])
def test_what_is_not_a_docx_is_opened_as_it_is(data: bytes) -> None:
    assert lean_docx(data) is None


def test_a_lean_document_is_left_as_it_is(ward_docx: bytes, tmp_path: Path) -> None:
    lean = lean_docx(ward_docx)
    assert lean is not None
    assert lean_docx(lean) is None
