"""Present findings: a table for people, JSON for tools (docs/findings.md documents it)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportgen.validate.findings import SEVERITY_VI, Finding, FindingSummary

_MARK = {"error": "✗", "warning": "!", "info": "i"}


def summary_line(findings: Sequence[Finding]) -> str:
    """One Vietnamese sentence counting the findings."""
    s = FindingSummary.of(findings)
    if not findings:
        return "Số liệu khớp: không có lỗi nào."
    units = f" ở {len(s.units_with_errors)} đơn vị" if s.units_with_errors else ""
    return f"Kết quả: {s.errors} lỗi{units}, {s.warnings} cảnh báo, {s.infos} ghi chú."


def format_table(findings: Sequence[Finding]) -> str:
    """Findings as aligned text lines, each with its source cells, then a summary line."""
    lines = []
    for f in findings:
        lines.append(f"{_MARK[f.severity]} {SEVERITY_VI[f.severity]:<9} {f.check:<12} {f.message}")
        if f.sources:
            lines.append(
                " " * 25
                + "nguồn: "
                + "; ".join(s.describe() for s in f.sources[:4])
                + (" …" if len(f.sources) > 4 else "")
            )
        if f.hint:
            lines.append(" " * 25 + "→ " + f.hint)
        if f.config_key:
            lines.append(
                " " * 25
                + f"phép kiểm tra: {f.config_key}"
                + (f" (dòng {f.config_line} của tệp YAML)" if f.config_line else "")
            )
    lines.append(summary_line(findings))
    return "\n".join(lines)


def format_json(findings: Sequence[Finding]) -> str:
    """Findings as a JSON list of objects (stable format, see docs/findings.md)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
