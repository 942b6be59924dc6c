"""Running every check over a document, in reading order, errors first."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.audit.checks import Paragraph
from reportgen.audit.checks.changes import check_changes
from reportgen.audit.checks.form import check_codes, check_dates, check_figure_form
from reportgen.audit.checks.shares import check_shares
from reportgen.audit.checks.sums import check_sums
from reportgen.audit.checks.tables import check_table
from reportgen.audit.checks.words import check_words
from reportgen.audit.collect import AuditFinding, Collector
from reportgen.audit.confidence import RANK
from reportgen.audit.figures import find_figures
from reportgen.audit.reader import AuditDocument, read_document
from reportgen.diagnostics.model import Diagnostic

__all__ = ["AuditResult", "audit_document", "audit_file"]


@dataclass
class AuditResult:
    """The findings of one document (surest first, then in reading order), the figures the
    checks read, and the number of figures seen."""

    document: AuditDocument
    findings: list[AuditFinding]
    checked: set[tuple[int, int]] = field(default_factory=set)
    figures: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The findings as diagnostics."""
        return [f.diagnostic for f in self.findings]


def audit_document(document: AuditDocument) -> AuditResult:
    """Check a document that has been read."""
    out = Collector()
    pars = [Paragraph(b, find_figures(b.text)) for b in document.blocks]
    for i, par in enumerate(pars):
        if not par.text.strip():
            continue
        check_words(par, out)
        check_sums(pars, i, out)
        check_changes(par, out)
        check_shares(par, out)
        check_figure_form(par, out)
        check_dates(par, out)
        check_codes(par, out)
    for table in document.tables:
        check_table(table, out)
    findings = sorted(out.findings, key=lambda f: (RANK[f.confidence], f.block.index, f.start))
    n = sum(1 for p in pars for f in p.figures if f.unit)
    return AuditResult(document, findings, out.checked, n)


def audit_file(path: str | Path, *, name: str | None = None) -> AuditResult:
    """Read and check a .docx, .txt or .md report."""
    return audit_document(read_document(path, name=name))
