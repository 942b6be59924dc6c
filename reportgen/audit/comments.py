"""A copy of a .docx with a Word comment on each offending figure — what a reviewer sends back.

The runs holding a figure are split so that the comment covers the figure (and its unit or
words) exactly; a run with more than plain text in it is commented whole. Findings outside
the body (headers, footers, footnotes) get no comment: Word does not anchor comments there.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from typing import cast

import docx
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from reportgen.audit.collect import AuditFinding
from reportgen.audit.confidence import CONFIDENCE_VI
from reportgen.audit.reader import _R, _T, docx_paragraphs, paragraph_text
from reportgen.diagnostics import catalog

__all__ = ["AUTHOR", "comment_text", "write_comments"]

AUTHOR = "reportgen soát"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def comment_text(finding: AuditFinding) -> str:
    """The comment's words: how sure, what is wrong, what was expected, the fix."""
    d = finding.diagnostic
    lines = [f"[{CONFIDENCE_VI[finding.confidence]}] {d.message}"]
    if d.expected is not None:
        lines.append(catalog.text("audit.comment-expected", expected=d.expected))
    if d.hint:
        lines.append(catalog.text("audit.comment-hint", hint=d.hint))
    return "\n".join(lines)


def _plain(r: etree._Element) -> etree._Element | None:
    """The single ``w:t`` of a run holding only text (and its properties), else None."""
    texts = [c for c in r if c.tag == _T]
    others = [c for c in r if c.tag != _T and not c.tag.endswith("}rPr")]
    return texts[0] if len(texts) == 1 and not others else None


def _split_at(p: etree._Element, offset: int) -> None:
    """Split the run that holds ``offset`` inside it into two runs at that point."""
    _, spans = paragraph_text(p)
    for r, start, end in spans:
        if start < offset < end:
            t = _plain(r)
            if t is None:
                return
            text = t.text or ""
            k = offset - start
            clone = copy.deepcopy(r)
            t.text = text[:k]
            t.set(_XML_SPACE, "preserve")
            ct = _plain(clone)
            assert ct is not None
            ct.text = text[k:]
            ct.set(_XML_SPACE, "preserve")
            r.addnext(clone)
            return


def _runs(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    _split_at(p, start)
    _split_at(p, end)
    _, spans = paragraph_text(p)
    return [r for r, a, b in spans if a < end and b > start]


def write_comments(source: bytes, findings: Sequence[AuditFinding]) -> tuple[bytes, int]:
    """Return the .docx ``source`` with a comment on each body finding, and how many were put."""
    document = docx.Document(io.BytesIO(source))
    body = document.element.body
    paragraphs = docx_paragraphs(body)
    n = 0
    for finding in findings:
        anchor = finding.block.anchor
        if anchor is None or anchor >= len(paragraphs):
            continue
        p = paragraphs[anchor].element
        runs = _runs(p, finding.start, finding.end)
        if not runs:
            runs = list(p.iter(_R))[:1]
        if not runs:
            continue
        para = DocxParagraph(cast(CT_P, p), document._body)
        document.add_comment(
            [Run(cast(CT_R, r), para) for r in runs],
            text=comment_text(finding),
            author=AUTHOR,
            initials="RG",
        )
        n += 1
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue(), n
