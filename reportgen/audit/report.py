"""The findings as text for a terminal: surest first, each with its place, the sentence with
the figure marked, what was expected and the fix."""

from __future__ import annotations

from dataclasses import replace

from reportgen.audit.confidence import CONFIDENCE_VI
from reportgen.audit.engine import AuditResult
from reportgen.diagnostics import catalog

__all__ = ["format_table"]


def format_table(result: AuditResult, name: str) -> str:
    """Return the findings of ``result`` as numbered Vietnamese lines and a summary."""
    lines = [catalog.text("audit.report-title", name=name)]
    for i, f in enumerate(result.findings, 1):
        d = f.diagnostic
        where = replace(d.location, file=None).describe() if d.location else ""
        lines.append(f"{i}. [{CONFIDENCE_VI[f.confidence]}] {where}: {d.message}")
        lines.append(catalog.text("audit.report-sentence", sentence=d.extra["sentence"]))
        if d.expected is not None:
            lines.append(catalog.text("audit.report-expected", expected=d.expected))
        if d.hint:
            lines.append(f"   → {d.hint}")
    counts = {k: 0 for k in CONFIDENCE_VI}
    for f in result.findings:
        counts[f.confidence] += 1
    checked = len(result.checked)
    if result.findings:
        parts = ", ".join(f"{n} {CONFIDENCE_VI[k]}" for k, n in counts.items() if n)
        lines.append(catalog.text("audit.report-findings", count=len(result.findings), parts=parts))
    else:
        lines.append(catalog.text("audit.report-clean", figures=result.figures, checked=checked))
    return "\n".join(lines)
