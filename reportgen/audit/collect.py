"""Collecting findings: each one a Diagnostic with its confidence and the sentence, figure marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportgen.audit.confidence import CONFIDENCE_VI, SEVERITY_OF, Confidence
from reportgen.audit.figures import Figure, sentence_span
from reportgen.audit.reader import Block
from reportgen.diagnostics import catalog
from reportgen.diagnostics.model import Diagnostic
from reportgen.vnformat import format_number

__all__ = ["AuditFinding", "Collector", "marked_sentence", "show"]

MARK_OPEN = "«"
MARK_CLOSE = "»"
_WINDOW = 110


@dataclass(frozen=True)
class AuditFinding:
    """A finding and the figure it is about: the block and the span of text to comment on."""

    diagnostic: Diagnostic
    block: Block
    start: int
    end: int
    confidence: Confidence


def marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` with the figure between « and »."""
    s, e = sentence_span(text, start, end)
    if e - s > 2 * _WINDOW:
        for sep in ("; ", ", "):
            a = text.rfind(sep, s, start)
            b = text.find(sep, end, e)
            if a >= 0 and start - a <= _WINDOW:
                s = a + 1
            if b >= 0 and b - end <= _WINDOW:
                e = b + 1
        if start - s > _WINDOW:
            s = text.find(" ", start - _WINDOW, start) + 1 or start - _WINDOW
        if e - end > _WINDOW:
            e = (
                text.rfind(" ", end, end + _WINDOW)
                if text.rfind(" ", end, end + _WINDOW) > end
                else end + _WINDOW
            )
    sentence = text[s:start] + MARK_OPEN + text[start:end] + MARK_CLOSE + text[end:e]
    return " ".join(sentence.split())


def show(value: Decimal, decimals: int | None = None, unit: str | None = None) -> str:
    """A value the Vietnamese way, with its unit (``2.697,15 triệu đồng``, ``0,51%``)."""
    text = format_number(value, decimals)
    if unit == "%":
        return text + "%"
    return f"{text} {unit}" if unit else text


@dataclass
class Collector:
    """The findings of one document, and the figures some check read (for coverage)."""

    findings: list[AuditFinding] = field(default_factory=list)
    checked: set[tuple[int, int]] = field(default_factory=set)
    _seen: set[tuple[str, int, int]] = field(default_factory=set)

    def read(self, block: Block, figures: Iterable[Figure]) -> None:
        """Record that a check used these figures of ``block``."""
        for f in figures:
            self.checked.add((block.index, f.start))

    def add(
        self,
        code: str,
        confidence: Confidence,
        block: Block,
        lo: int,
        hi: int,
        /,
        *,
        expected: object = None,
        found: object = None,
        related: Sequence[str] = (),
        hint: str | None = None,
        sentence: str | None = None,
        **params: Any,
    ) -> None:
        """Add the finding ``code`` about ``block.text[lo:hi]`` (once per place and code)."""
        key = (code, block.index, lo)
        if key in self._seen:
            return
        self._seen.add(key)
        extra: dict[str, Any] = {
            "confidence": confidence,
            "confidence_vi": CONFIDENCE_VI[confidence],
            "figure": block.text[lo:hi],
            "sentence": sentence or marked_sentence(block.text, lo, hi),
        }
        if related:
            extra["related"] = list(related)
        entry = catalog.messages()[code]
        fields = {"expected": expected, "found": found, **params}
        diagnostic = Diagnostic(
            code=code,
            severity=SEVERITY_OF[confidence],
            message=entry.text.format(**fields),
            location=block.location,
            expected=expected,
            found=found,
            hint=hint or (entry.hint.format(**fields) if entry.hint else None),
            extra=extra,
        )
        self.findings.append(AuditFinding(diagnostic, block, lo, hi, confidence))
