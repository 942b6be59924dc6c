"""Lint warnings an author has seen and accepted on purpose, each with a reason.

Two places say it:

* the report definition (YAML)::

      lint:
        acknowledge:
          - code: template.page-setup
            reason: phụ lục khổ ngang

* a comment anywhere in the template (Word): ``{# reportgen: chấp nhận template.page-setup —
  phụ lục khổ ngang #}`` (also ``chap nhan`` or ``acknowledge``; the ``template.`` prefix may
  be left out; the reason follows a dash or a colon). Written ``{#p … #}`` in a paragraph of
  its own, the paragraph is left out of the reports.

An accepted warning is shown afterwards as a note (``info``) saying who accepted it and why,
and no longer counts for the exit code. Only warnings can be accepted: accepting an error
is itself a warning, an acceptance without a reason too; an acceptance that matches nothing
is a note (the warning was fixed — the line can go).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.diagnostics.catalog import messages, text
from reportgen.diagnostics.suggest import did_you_mean

if TYPE_CHECKING:
    from reportgen.authoring.lint import LintFinding
    from reportgen.docx import TemplateAnalysis

__all__ = ["Acknowledgement", "apply", "from_config", "from_template"]

_CODE = r"[A-Za-z][\w.]*(?:-[A-Za-z][\w.]*)*"
_COMMENT = re.compile(
    r"^\{#(?:p\s)?-?\s*reportgen\s*:?\s*(?:chấp\s+nhận|chap\s+nhan|acknowledge)\s*:?\s*"
    rf"(?P<codes>{_CODE}(?:\s*,\s*{_CODE})*)"
    r"(?:\s*[—–:]+\s*|\s+-+\s+|\s+)?(?P<reason>.*?)\s*-?#\}$",
    re.IGNORECASE | re.DOTALL,
)
_ABOUT_US = re.compile(r"^\{#(?:p\s)?-?\s*reportgen\b", re.IGNORECASE)
"""A comment meant for reportgen: one that does not read as an acknowledgement is reported."""


@dataclass(frozen=True)
class Acknowledgement:
    """One accepted warning: its code (``template.page-setup``), the reason, and where it was
    said (Vietnamese words)."""

    code: str
    reason: str
    source: str
    part: str = ""
    paragraph: int | None = None
    text: str = ""

    @property
    def kind(self) -> str:
        """The code without its ``template.`` prefix (``page-setup``)."""
        return self.code.removeprefix("template.")


def _normal(code: str) -> str:
    code = code.strip().lower().replace("_", "-")
    return code if code.startswith("template.") else f"template.{code}"


def from_config(path: Path | str) -> list[Acknowledgement]:
    """The acknowledgements under ``lint.acknowledge`` of the report definition at ``path``
    (already validated by the config loader), each with its line."""
    from reportgen.config.yamlsource import load_yaml

    raw, lines = load_yaml(path)
    lint = raw.get("lint") if isinstance(raw, dict) else None
    items: Any = lint.get("acknowledge") if isinstance(lint, dict) else None
    out: list[Acknowledgement] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            continue
        line = lines.line(("lint", "acknowledge", i))
        reason = item.get("reason")
        out.append(
            Acknowledgement(
                code=_normal(item["code"]),
                reason=str(reason).strip() if reason is not None else "",
                source=(
                    text("authoring.ack-where-definition", file=Path(path).name, line=line)
                    if line
                    else Path(path).name
                ),
            )
        )
    return out


def from_template(analysis: TemplateAnalysis) -> list[Acknowledgement]:
    """The acknowledgements written as ``{# reportgen: chấp nhận CODE — lý do #}`` comments
    in the template."""
    out: list[Acknowledgement] = []
    for part in analysis.parts:
        for site in part.comments:
            tag = unicodedata.normalize("NFC", site.tag.strip())
            m = _COMMENT.match(tag)
            if m is None and _ABOUT_US.match(tag) is None:
                continue
            codes = re.split(r"\s*,\s*", m.group("codes")) if m is not None else [""]
            for code in codes:
                out.append(
                    Acknowledgement(
                        code=_normal(code) if code else "",
                        reason=(m.group("reason") or "").strip() if m is not None else "",
                        source=text("authoring.ack-where-template", where=site.where),
                        part=site.part,
                        paragraph=site.paragraph,
                        text=site.text,
                    )
                )
    return out


def apply(
    findings: list[LintFinding], acknowledgements: Iterable[Acknowledgement]
) -> list[LintFinding]:
    """Return ``findings`` with every accepted warning turned into a note, followed by a
    finding for each acknowledgement that is wrong (of an error, without a reason) or that
    matched nothing."""
    from reportgen.authoring.lint import LintFinding

    acks = list(acknowledgements)
    if not acks:
        return findings
    catalog = messages()
    used: set[int] = set()
    out: list[LintFinding] = []
    for f in findings:
        match = next(
            (i for i, a in enumerate(acks) if a.kind == f.code and a.reason),
            None,
        )
        if match is None or f.severity != "warning":
            if match is not None and f.severity == "error":
                used.add(match)
            out.append(f)
            continue
        used.add(match)
        ack = acks[match]
        entry = catalog["template.acknowledged"]
        out.append(
            replace(
                f,
                severity="info",
                message=entry.text.format(source=ack.source, detail=f.message),
                hint=(entry.hint or "").format(reason=ack.reason),
                acknowledged=ack.reason,
            )
        )
    codes_of_errors = {f.code for f in findings if f.severity == "error"}
    known = sorted(k for k in catalog if k.startswith("template.") and "acknowledg" not in k)
    for i, ack in enumerate(acks):
        kind: str | None = None
        hint_more = ""
        if not ack.code:
            kind = "template.acknowledgement-unreadable"
        elif not ack.reason:
            kind = "template.acknowledgement-without-reason"
        elif ack.kind in codes_of_errors and not any(
            f.code == ack.kind and f.severity == "warning" for f in findings
        ):
            kind = "template.acknowledgement-not-warning"
        elif i not in used:
            kind = "template.acknowledgement-unused"
            if ack.code not in catalog:
                guess = did_you_mean(ack.code, known)
                hint_more = (
                    text("authoring.ack-unknown-code-guess", name=ack.code, guess=guess)
                    if guess
                    else text("authoring.ack-unknown-code", name=ack.code)
                )
        if kind is None:
            continue
        entry = catalog[kind]
        out.append(
            LintFinding(
                severity=entry.severity,
                code=kind.removeprefix("template."),
                part=ack.part,
                where=ack.source,
                paragraph=ack.paragraph,
                text=ack.text,
                message=entry.text.format(code=ack.code),
                hint=(entry.hint or "").format(code=ack.code) + hint_more,
            )
        )
    return out
