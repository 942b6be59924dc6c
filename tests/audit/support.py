"""Helpers for the proofreading tests: audit a text, render the demo reports."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.audit import audit_document
from reportgen.audit.engine import AuditResult
from reportgen.audit.reader import read_bytes


def audit_text(text: str, suffix: str = ".txt") -> AuditResult:
    """Audit ``text`` as the content of a .txt (or .md) report."""
    return audit_document(read_bytes(text.encode("utf-8"), "bao-cao" + suffix, suffix))


def codes(result: AuditResult) -> list[tuple[str, str]]:
    """The findings as (code, figure text) pairs, in the order reported."""
    return [(f.diagnostic.code, f.diagnostic.extra["figure"]) for f in result.findings]


DEMO_KINDS = ("giam-ngheo", "so-ket-6-thang", "ke-hoach")
"""Every kind of report ``reportgen demo --report`` renders."""


def render_demo(out: Path, kinds: tuple[str, ...] = DEMO_KINDS) -> list[Path]:
    """Render every report of ``reportgen demo``, in every kind, into ``out``; return the
    .docx files."""
    from reportgen.cli import main

    for kind in kinds:
        result = CliRunner().invoke(main, ["demo", "-o", str(out / kind), "--report", kind])
        assert result.exit_code == 0, result.output
    files = sorted(out.rglob("*.docx"))
    assert files, "the demo rendered no report"
    return files
