"""Diagnostics formatted at the edge: plain text for a terminal and the one JSON shape every
command's ``--format json`` prints."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from reportgen.diagnostics.model import SEVERITY_VI, Diagnostic, count, sort_key

JSON_VERSION = 1


def to_json_obj(
    diagnostics: Iterable[Diagnostic], *, command: str, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the JSON object every command prints: ``{"command", "version", "counts",
    "diagnostics": [...]}`` plus command-specific ``extra`` keys."""
    items = sorted(diagnostics, key=sort_key)
    out: dict[str, Any] = {
        "command": command,
        "version": JSON_VERSION,
        "counts": count(items),
        "diagnostics": [d.as_dict() for d in items],
    }
    if extra:
        out.update(extra)
    return out


def to_json(
    diagnostics: Iterable[Diagnostic], *, command: str, extra: Mapping[str, Any] | None = None
) -> str:
    """Return :func:`to_json_obj` as indented UTF-8 JSON text (Vietnamese kept readable)."""
    return json.dumps(
        to_json_obj(diagnostics, command=command, extra=extra), ensure_ascii=False, indent=2
    )


def to_text(diagnostics: Iterable[Diagnostic]) -> str:
    """Return a numbered Vietnamese list: ``1. [lỗi] where: message`` with the hint below."""
    lines: list[str] = []
    for i, d in enumerate(sorted(diagnostics, key=sort_key), 1):
        body = d.describe().replace("\n", "\n   ")
        lines.append(f"{i}. [{SEVERITY_VI[d.severity]}] {body}")
    return "\n".join(lines)
