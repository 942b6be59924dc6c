"""Proofreading the figures of a finished report (``reportgen soat``), with no YAML.

The document's text is read in reading order with a location for every paragraph and table cell
(:mod:`.reader`), the figures in it are found (:mod:`.figures`), statements that tie figures
together are checked (:mod:`.checks`: words in brackets, totals and their parts, changes,
shares, tables, the form of figures, dates and document codes), and each finding is a
:class:`~reportgen.diagnostics.model.Diagnostic` with a confidence (:mod:`.confidence`).
:mod:`.comments` writes a copy of a .docx with a Word comment on each offending figure.
Patterns that cannot be read safely are skipped, never guessed.
"""

from __future__ import annotations

from reportgen.audit.comments import write_comments
from reportgen.audit.confidence import CONFIDENCES, Confidence
from reportgen.audit.engine import AuditResult, audit_bytes, audit_document, audit_file
from reportgen.audit.reader import AuditDocument, Block, UnreadableDocument, read_document

__all__ = [
    "CONFIDENCES",
    "AuditDocument",
    "AuditResult",
    "Block",
    "Confidence",
    "UnreadableDocument",
    "audit_bytes",
    "audit_document",
    "audit_file",
    "read_document",
    "write_comments",
]
