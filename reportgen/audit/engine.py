"""Running every check over a document, in reading order, errors first."""

from __future__ import annotations

from collections.abc import Callable
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
from reportgen.audit.reader import AuditDocument, check_kind, read_bytes, read_document
from reportgen.diagnostics import catalog
from reportgen.diagnostics.model import Diagnostic

__all__ = ["AuditResult", "audit_bytes", "audit_document", "audit_file"]

_Check = Callable[[list[Paragraph], int, Collector], None]
_PARAGRAPH_CHECKS: tuple[tuple[str, _Check], ...] = (
    ("số và chữ", lambda p, i, out: check_words(p[i], out)),
    ("tổng và các phần", check_sums),
    ("số tăng, giảm", lambda p, i, out: check_changes(p[i], out)),
    ("tỷ lệ", check_shares),
    ("cách viết số", lambda p, i, out: check_figure_form(p[i], out)),
    ("ngày", lambda p, i, out: check_dates(p[i], out)),
    ("số, ký hiệu văn bản", lambda p, i, out: check_codes(p[i], out)),
)


@dataclass
class AuditResult:
    """The findings of one document (surest first, then in reading order), the figures the
    checks read, and the number of figures seen (those with a unit, and table cells that hold
    just a number)."""

    document: AuditDocument
    findings: list[AuditFinding]
    checked: set[tuple[int, int]] = field(default_factory=set)
    figures: int = 0
    failures: list[str] = field(default_factory=list)
    """Places a check could not read because of a fault in the program (never silently)."""

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The findings as diagnostics."""
        return [f.diagnostic for f in self.findings]


def audit_document(document: AuditDocument) -> AuditResult:
    """Check a document that has been read."""
    out = Collector()
    failures: list[str] = []
    pars = [Paragraph(b, find_figures(b.text)) for b in document.blocks]
    for i, par in enumerate(pars):
        if not par.text.strip():
            continue
        for name, check in _PARAGRAPH_CHECKS:
            try:
                check(pars, i, out)
            except Exception as exc:  # a fault in one check must not hide the others
                failures.append(f"{par.block.location.describe()}: {name} ({exc!r})")
    for table in document.tables:
        try:
            check_table(table, out)
        except Exception as exc:
            failures.append(
                catalog.text("audit.table-check-failed", table=table.index, error=repr(exc))
            )
    findings = sorted(out.findings, key=lambda f: (RANK[f.confidence], f.block.index, f.start))
    n = sum(
        1
        for p in pars
        for f in p.figures
        if f.unit or (p.block.kind == "cell" and p.text.strip() == f.raw)
    )
    return AuditResult(document, findings, out.checked, n, failures)


def audit_file(path: str | Path, *, name: str | None = None) -> AuditResult:
    """Read and check a .docx, .txt or .md report."""
    return audit_document(read_document(path, name=name))


def audit_bytes(data: bytes, name: str) -> AuditResult:
    """Check a report given as bytes (an upload); ``name`` is shown in locations and its
    ending (.docx, .txt, .md) tells the kind. Unreadable input raises
    :class:`~reportgen.audit.reader.UnreadableDocument`."""
    suffix = check_kind(Path(name).suffix, name)
    return audit_document(read_bytes(data, name, suffix))
