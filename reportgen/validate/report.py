"""Present findings: a table for people (the cells to fix first), JSON for tools
(docs/findings.md documents both)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportgen.diagnostics import catalog
from reportgen.diagnostics.formats import to_json
from reportgen.diagnostics.model import Diagnostic
from reportgen.validate.findings import SEVERITY_VI, Finding, FindingSummary

_MARK = {"error": "✗", "warning": "!", "info": "i"}
_INDENT = " " * 25


def independent_errors(findings: Sequence[Diagnostic]) -> int:
    """Errors counted once per suspected cell: the findings a suspect explains count as one,
    the others one each."""
    groups: set[tuple[str | None, str]] = set()
    n = 0
    for f in findings:
        if f.severity != "error":
            continue
        reasoning = f.extra.get("reasoning")
        if reasoning and f.extra.get("decided"):
            groups.add((_owner(f), str(reasoning)))
        else:
            n += 1
    return n + len(groups)


def summary_line(findings: Sequence[Diagnostic]) -> str:
    """One Vietnamese sentence counting the findings."""
    s = FindingSummary.of(findings)
    if not findings:
        return catalog.text("check.all-clear")
    owners = {_owner(f) for f in findings if f.severity == "error" and f.unit is not None}
    units = catalog.text("check.summary-units", count=len(owners)) if owners else ""
    errors = independent_errors(findings)
    grouped = catalog.text("check.summary-grouped", count=s.errors) if errors != s.errors else ""
    return catalog.text(
        "check.summary",
        errors=errors,
        units=units,
        grouped=grouped,
        warnings=s.warnings,
        infos=s.infos,
    )


def _owner(f: Diagnostic) -> str | None:
    """The unit whose cell is to fix: a total row finding explained by a ward's suspect
    belongs to that ward."""
    by = f.extra.get("explained_by")
    return str(by) if by else f.unit


def _lines(f: Finding, *, consequence: bool = False) -> list[str]:
    if consequence:
        return [f"{'':<22}↳ {f.check:<12} {f.message}"]
    lines = [f"{_MARK[f.severity]} {SEVERITY_VI[f.severity]:<9} {f.check:<12} {f.message}"]
    if f.sources:
        lines.append(
            _INDENT
            + catalog.text("check.report-sources")
            + "; ".join(s.describe() for s in f.sources[:4])
            + (" …" if len(f.sources) > 4 else "")
        )
    if f.hint:
        lines.append(_INDENT + "→ " + f.hint)
    if f.config_key:
        lines.append(
            _INDENT
            + catalog.text("check.report-check", key=f.config_key)
            + (catalog.text("check.report-check-line", line=f.config_line) if f.config_line else "")
        )
    return lines


def _needs_header(group: Sequence[Finding]) -> bool:
    """A suspect line adds something when the suspect is not simply the one finding's cell."""
    if len(group) > 1 or not group[0].extra.get("decided", True):
        return True
    return "consequence_of" in group[0].extra


def format_table(findings: Sequence[Diagnostic]) -> str:
    """Findings as aligned text lines: for each unit, the suspected cells first (with what to
    write and why) and the findings they explain indented under them, then the others, each
    with its source cells, hint and check; then a summary line."""
    items = [f if isinstance(f, Finding) else _as_finding(f) for f in findings]
    lines: list[str] = []
    done: set[int] = set()
    for i, f in enumerate(items):
        if i in done:
            continue
        reasoning = f.extra.get("reasoning")
        if not reasoning:
            lines.extend(_lines(f))
            continue
        group = [
            (j, g)
            for j, g in enumerate(items)
            if j not in done and _owner(g) == _owner(f) and g.extra.get("reasoning") == reasoning
        ]
        done.update(j for j, _ in group)
        members = [g for _, g in group]
        if not _needs_header(members):
            lines.extend(_lines(f))
            continue
        decided = all(g.extra.get("decided", False) for g in members) and any(
            g.extra.get("suspects") for g in members
        )
        head = catalog.text("check.report-suspect")
        lines.append(f"{_MARK['error']} {SEVERITY_VI['error']:<9} {head:<12} {f.unit}: {reasoning}")
        # the findings that follow from the suspect right under it, then those that state
        # the suspect cell itself (shown in full: their message names it)
        members.sort(key=lambda g: not (decided and "consequence_of" in g.extra))
        for g in members:
            lines.extend(_lines(g, consequence=bool(decided) and "consequence_of" in g.extra))
    lines.append(summary_line(items))
    return "\n".join(lines)


def _as_finding(d: Diagnostic) -> Finding:
    return Finding(
        code=d.code,
        severity=d.severity,
        message=d.message,
        location=d.location,
        expected=d.expected,
        found=d.found,
        hint=d.hint,
        unit=d.unit or "",
        extra=d.extra,
    )


def format_json(findings: Sequence[Diagnostic]) -> str:
    """Findings as a JSON list of objects (the findings file a render writes)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def format_check_json(findings: Sequence[Diagnostic]) -> str:
    """``check --format json``: the shape every command prints (``command``, ``version``,
    ``counts``, ``diagnostics``)."""
    return to_json(findings, command="check")
