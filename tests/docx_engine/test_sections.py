"""The appendix block: put by the engine after the main part in a landscape section of its
own, only in the documents where it renders to something."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from reportgen.docx import PreparedTemplate
from reportgen.docx.sections import (
    APPENDIX_BLOCK,
    appendix_text_width,
    is_landscape,
    landscape,
    text_width,
)
from tests.docx_engine.builders import make_docx, make_env, p, r

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PORTRAIT = (
    f'<w:sectPr xmlns:w="{W}"><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" '
    'w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>'
)


def _attr(el: etree._Element, child: str, attr: str) -> str | None:
    found = el.find(f"{{{W}}}{child}")
    return None if found is None else found.get(f"{{{W}}}{attr}")


def test_landscape_turns_the_page_and_its_margins_with_it() -> None:
    turned = landscape(etree.fromstring(PORTRAIT))
    assert (_attr(turned, "pgSz", "w"), _attr(turned, "pgSz", "h")) == ("16838", "11906")
    assert _attr(turned, "pgSz", "orient") == "landscape"
    margins = {s: _attr(turned, "pgMar", s) for s in ("top", "right", "bottom", "left")}
    assert margins == {"top": "1701", "right": "1134", "bottom": "1134", "left": "1134"}
    assert turned.find(f"{{{W}}}titlePg") is None  # an appendix page is never page 1
    assert turned.find(f"{{{W}}}pgNumType") is None  # numbers continue
    assert _attr(turned, "type", "val") == "nextPage"
    # schema order: type before pgSz before pgMar
    names = [etree.QName(c).localname for c in turned]
    assert names.index("type") < names.index("pgSz") < names.index("pgMar")
    assert text_width(turned) == 16838 - 1134 - 1134


def test_a_page_already_landscape_keeps_its_size_and_margins() -> None:
    already = landscape(landscape(etree.fromstring(PORTRAIT)))
    assert is_landscape(already)
    assert _attr(already, "pgMar", "top") == "1701"
    assert _attr(already, "pgSz", "w") == "16838"


def _document(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


@pytest.mark.parametrize(
    ("show", "sections"),
    [(True, ["portrait", "landscape"]), (False, ["portrait"])],
    ids=["appendix-shown", "appendix-hidden"],
)
def test_the_appendix_section_exists_only_where_the_appendix_renders(
    show: bool, sections: list[str]
) -> None:
    appendix = "{% if show %}" + p(r("Phụ lục {{ n }}")) + "{% endif %}"
    template = PreparedTemplate.from_bytes(
        make_docx(p(r("Báo cáo"))), env=make_env(), blocks={APPENDIX_BLOCK: appendix}
    )
    xml = _document(template.render({"show": show, "n": "I"}))
    found = re.findall(r"<w:pgSz [^>]*>", xml)
    assert ["landscape" if "landscape" in s else "portrait" for s in found] == sections
    assert ("Phụ lục I" in xml) is show
    if show:  # the report's text, then the paragraph closing its section, then the appendix
        assert xml.index("Báo cáo") < xml.index("<w:pPr><w:spacing") < xml.index("Phụ lục I")


def test_a_template_cannot_place_the_appendix_block_itself() -> None:
    with pytest.raises(Exception, match="khối"):
        PreparedTemplate.from_bytes(
            make_docx(p(r("{{p " + APPENDIX_BLOCK + " }}"))),
            env=make_env(),
            blocks={APPENDIX_BLOCK: p(r("x"))},
        )


def test_an_error_in_the_appendix_names_it() -> None:
    template = PreparedTemplate.from_bytes(
        make_docx(p(r("Báo cáo"))),
        env=make_env(),
        blocks={APPENDIX_BLOCK: p(r("{{ 1 / 0 }}"))},
    )
    with pytest.raises(Exception, match="phụ lục"):
        template.render({})


def test_appendix_text_width_follows_the_template_page() -> None:
    assert appendix_text_width(None) == 16838 - 2 * 1134
    wide = _document(make_docx(p(r("x")))).encode()
    assert appendix_text_width(wide) > 12000
