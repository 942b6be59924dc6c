"""Building .docx test templates in code: a python-docx base, with body, header, footer and
footnote XML written the way Word writes it (split runs, spell-check marks, bookmarks…)."""

from __future__ import annotations

import functools
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import jinja2
from lxml import etree

from reportgen.docx import CoreProperties, PreparedTemplate, render_plain

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

PROOF_START = '<w:proofErr w:type="spellStart"/>'
PROOF_END = '<w:proofErr w:type="spellEnd"/>'
BOOKMARK_START = '<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
BOOKMARK_END = '<w:bookmarkEnd w:id="0"/>'
PAGE_BREAK_HINT = "<w:lastRenderedPageBreak/>"


def make_env(**kwargs: object) -> jinja2.Environment:
    """The environment the engine expects: autoescape on, strict undefined."""
    options: dict[str, object] = {"autoescape": True, "undefined": jinja2.StrictUndefined}
    options.update(kwargs)
    return jinja2.Environment(**options)  # type: ignore[arg-type]


def r(text: str, rpr: str = "", *, rsid: str = "", preserve: bool = True) -> str:
    """A run as Word writes it: optional properties, one w:t."""
    attrs = f' w:rsidR="{rsid}"' if rsid else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    space = ' xml:space="preserve"' if preserve and text != text.strip() else ""
    return f"<w:r{attrs}>{props}<w:t{space}>{escape(text)}</w:t></w:r>"


def p(*content: str, ppr: str = "") -> str:
    """A paragraph."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{props}{''.join(content)}</w:p>"


def tc(*paragraphs: str) -> str:
    """A table cell."""
    return (
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>' + "".join(paragraphs) + "</w:tc>"
    )


def tr(*cells: str) -> str:
    """A table row."""
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def tbl(*rows: str, cols: int = 2) -> str:
    """A table with ``cols`` grid columns."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>" + "".join(rows) + "</w:tbl>"
    )


def field(instr: str, result: str) -> str:
    """A complex field (``fldChar`` begin/separate/end) with a result text."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def deleted(text: str) -> str:
    """A tracked deletion."""
    return (
        '<w:del w:id="9" w:author="A" w:date="2024-01-01T00:00:00Z">'
        f"<w:r><w:delText>{escape(text)}</w:delText></w:r></w:del>"
    )


def _base(
    header: bool, footer: bool, build: Callable[[docx.document.Document], None] | None
) -> bytes:
    if build is None:
        return _plain_base(header, footer)
    return _new_base(header, footer, build)


@functools.lru_cache(maxsize=8)
def _plain_base(header: bool, footer: bool) -> bytes:
    return _new_base(header, footer, None)


def _new_base(
    header: bool, footer: bool, build: Callable[[docx.document.Document], None] | None
) -> bytes:
    document = docx.Document()
    if build is not None:
        build(document)
    if header:
        document.sections[0].header.paragraphs[0].text = "HEADER"
    if footer:
        document.sections[0].footer.paragraphs[0].text = "FOOTER"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_children(xml: bytes, tag: str, inner: str, keep_sectpr: bool = False) -> bytes:
    text = xml.decode("utf-8")
    sectpr = ""
    if keep_sectpr:
        m = re.search(r"<w:sectPr[ >].*</w:sectPr>", text, re.S)
        sectpr = m.group(0) if m else ""
    pattern = re.compile(rf"(<w:{tag}\b[^>]*>).*(</w:{tag}>)", re.S)
    new, count = pattern.subn(lambda m: m.group(1) + inner + sectpr + m.group(2), text)
    assert count == 1, tag
    return new.encode("utf-8")


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def make_docx(
    body: str | None = None,
    *,
    header: str | None = None,
    footer: str | None = None,
    footnotes: str | None = None,
    build: Callable[[docx.document.Document], None] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """A .docx whose body / header / footer / footnotes hold the given raw WordprocessingML.

    ``body`` replaces everything in ``w:body`` but the section properties; ``header`` and
    ``footer`` replace the paragraphs of ``word/header1.xml`` / ``word/footer1.xml``;
    ``footnotes`` adds a ``word/footnotes.xml`` with one footnote holding those paragraphs.
    ``build`` may add python-docx content first (when ``body`` is None).
    """
    base = _base(header is not None, footer is not None, build)
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml" and body is not None:
                data = _replace_children(data, "body", body, keep_sectpr=True)
            elif info.filename == "word/header1.xml" and header is not None:
                data = _replace_children(data, "hdr", header)
            elif info.filename == "word/footer1.xml" and footer is not None:
                data = _replace_children(data, "ftr", footer)
            elif info.filename == "[Content_Types].xml" and footnotes is not None:
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="'
                    + FOOTNOTES_CT.encode()
                    + b'"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels" and footnotes is not None:
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="'
                    + FOOTNOTES_REL.encode()
                    + b'" Target="footnotes.xml"/></Relationships>',
                )
            dst.writestr(info.filename, data)
        if footnotes is not None:
            dst.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:footnotes xmlns:w="{W}">'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                "</w:footnote>"
                f'<w:footnote w:id="1">{footnotes}</w:footnote></w:footnotes>',
            )
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def texts(xml: bytes) -> list[str]:
    """The visible text of every paragraph of a part (``w:t`` joined), in order."""
    root = etree.fromstring(xml)
    return [
        "".join(t.text or "" for t in para.iter(f"{{{W}}}t")) for para in root.iter(f"{{{W}}}p")
    ]


def body_texts(data: bytes) -> list[str]:
    """The visible text of every paragraph in ``word/document.xml`` of a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return texts(z.read("word/document.xml"))


def part_texts(data: bytes, part: str) -> list[str]:
    """The visible text of every paragraph of ``part`` in a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return texts(z.read(part))


def render_checked(
    data: bytes,
    context: Mapping[str, object],
    *,
    env: jinja2.Environment | None = None,
    blocks: Mapping[str, str] | None = None,
    strict: bool = True,
    core_properties: CoreProperties | None = None,
) -> tuple[PreparedTemplate, bytes]:
    """Prepare ``data`` and render ``context``, checking on the way the invariants every
    rendering must keep: rendering twice gives the same bytes; the plain path
    (:func:`render_plain`) gives the same bytes; the output is a sound ZIP that python-docx
    opens. Returns ``(prepared template, output bytes)``."""
    env = env or make_env()
    template = PreparedTemplate.from_bytes(data, env=env, blocks=blocks, strict=strict)
    first = template.render(context, core_properties=core_properties)
    second = template.render(context, core_properties=core_properties)
    assert first == second, "rendering is not deterministic"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "template.docx"
        path.write_bytes(data)
        plain = render_plain(
            path, context, env=env, blocks=blocks, strict=strict, core_properties=core_properties
        )
    assert plain == first, "render_plain differs from PreparedTemplate.render"
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name in template.templated_parts():
                assert_word_structure(archive.read(name), name)
    docx.Document(io.BytesIO(first))
    return template, first


def assert_word_structure(xml: bytes, name: str = "") -> None:
    """Check the rules Word enforces that a template engine can break: the part parses, every
    table has a row, every cell ends with a paragraph, no paragraph is nested in a paragraph
    outside a text box, and no private marker character leaked into the text."""
    root = etree.fromstring(xml)
    w = f"{{{W}}}"
    for table in root.iter(f"{w}tbl"):
        assert table.findall(f"{w}tr"), f"{name}: table without rows"
    for cell in root.iter(f"{w}tc"):
        blocks = [c for c in cell if c.tag in (f"{w}p", f"{w}tbl")]
        assert blocks and blocks[-1].tag == f"{w}p", f"{name}: cell must end with a paragraph"
    for para in root.iter(f"{w}p"):
        parent = para.getparent()
        assert parent is None or parent.tag != f"{w}p", f"{name}: paragraph inside a paragraph"
    assert not _MARKER.search(xml.decode("utf-8")), f"{name}: marker leaked"


_MARKER = re.compile("[\ue000-\ue0ff]")
