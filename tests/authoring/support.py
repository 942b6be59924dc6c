"""Shared helpers of the lint tests: the base template and demo config, editing a .docx in
place the way an author would, and reading back what a rendered document says."""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx

from reportgen.authoring.lint import LintFinding, LintReport
from reportgen.config.loader import load_config
from reportgen.config.model import ReportConfig
from reportgen.docx import PreparedTemplate
from reportgen.templating.environment import make_env
from tests.docx_engine.builders import make_docx
from tests.helpers import ROOT

BASE_TEMPLATE = ROOT / "templates" / "bao-cao-co-ban.docx"
DEMO_CONFIG = ROOT / "configs" / "giam-ngheo-2024.yaml"

#: run properties of the title paragraphs of the base template
TITLE_RPR = '<w:rPr><w:b/><w:i w:val="0"/><w:sz w:val="28"/></w:rPr>'

#: a context for small templates: names of the demo config (and its context)
CONTEXT: Mapping[str, object] = {
    "don_vi": {"ten": "Hòa Bình"},
    "ty_le_ho_ngheo": "12,5",
    "kinh_phi_tong": Decimal("1500000000"),  # đồng
}

#: codes about tags and names (not layout): what the tolerance tests look at
TAG_CODES = {
    "jinja-syntax",
    "broken-tag",
    "repaired-tag",
    "misplaced-tag",
    "unsupported-tag",
    "unknown-block",
    "dropped-content",
    "unknown-variable",
    "unknown-field",
    "unknown-filter",
    "unknown-test",
}


@functools.cache
def demo_config() -> ReportConfig:
    """The demo report definition (loaded once)."""
    return load_config(DEMO_CONFIG)


@functools.cache
def base_template() -> bytes:
    """The bytes of templates/bao-cao-co-ban.docx."""
    return BASE_TEMPLATE.read_bytes()


def edit_docx(data: bytes, changes: Iterable[tuple[str, str, str]]) -> bytes:
    """Return ``data`` with, in each (part, old, new), the text ``old`` of ``part`` replaced by
    ``new`` (``old`` must occur)."""
    changes = list(changes)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            for part, old, new in changes:
                if info.filename == part:
                    assert old.encode() in content, f"{old!r} not in {part}"
                    content = content.replace(old.encode(), new.encode())
            dst.writestr(info, content)
    return out.getvalue()


def render_texts(data: bytes, context: Mapping[str, object] = CONTEXT) -> list[str]:
    """Render ``data`` with the project's environment and return, read back with python-docx,
    the text of every body paragraph, table cell paragraph, header and footer paragraph."""
    template = PreparedTemplate.from_bytes(data, env=make_env())
    document = docx.Document(io.BytesIO(template.render(context)))
    return document_texts(
        document,
        lambda s: [p for p in (s.header, s.footer) if not p.is_linked_to_previous],
    )


def document_texts(document: Any, header_parts: Callable[[Any], Iterable[Any]]) -> list[str]:
    """The text of every body paragraph and table-cell paragraph of a python-docx document,
    then of the paragraphs of ``header_parts(section)`` for each section."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    for section in document.sections:
        for part in header_parts(section):
            texts += [p.text for p in part.paragraphs]
    return texts


def docx_of(parts: Mapping[str, str]) -> bytes:
    """A .docx from raw WordprocessingML by part: ``body``, ``header``, ``footer``,
    ``footnotes`` (see :func:`tests.docx_engine.builders.make_docx`)."""
    return make_docx(
        parts.get("body"),
        header=parts.get("header"),
        footer=parts.get("footer"),
        footnotes=parts.get("footnotes"),
    )


def tag_findings(report: LintReport) -> list[LintFinding]:
    """The findings about tags and names (layout findings left out)."""
    return [f for f in report.findings if f.code in TAG_CODES]


def summary(findings: Iterable[LintFinding]) -> list[tuple[str, str, str, str | None]]:
    """(severity, code, part, where) of each finding."""
    return [(f.severity, f.code, f.part, f.where) for f in findings]


def write(tmp: Path, data: bytes, name: str = "mau.docx") -> Path:
    """Write ``data`` to ``tmp / name`` and return the path."""
    path = tmp / name
    path.write_bytes(data)
    return path
