"""Problems found in a Word template while preparing it, and the error that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportgen.diagnostics.errors import Location, TemplateError

Severity = Literal["error", "warning", "info"]
"""How bad a :class:`TemplateProblem` is: ``error`` stops a strict prepare, ``warning`` is a
probable mistake that still renders, ``info`` a note (typically an automatic repair)."""


@dataclass(frozen=True)
class TemplateProblem:
    """One thing the engine noticed in a template paragraph while preparing it.

    Repairs of tags that Word split across runs are recorded as ``info`` problems with
    ``repaired=True``; tags that cannot be repaired safely are ``error`` problems with
    ``repaired=False``.
    """

    part: str
    """The package part, e.g. ``word/document.xml`` or ``word/header1.xml``."""
    where: str
    """Where the paragraph is, in Vietnamese: ``thân văn bản, đoạn 12``,
    ``bảng 1, hàng 2, ô 3, đoạn 1``, ``đầu trang (header1.xml), đoạn 1``…"""
    paragraph: int
    """1-based ordinal of the paragraph among all paragraphs of the part, in document order
    (table cells and text boxes included); 0 when the problem is not tied to a paragraph."""
    text: str
    """The paragraph's visible text with the offending tag marked by ``⟦ ⟧``."""
    message: str
    """What is wrong or what was done, in Vietnamese."""
    severity: Severity
    """``error``, ``warning`` or ``info``."""
    repaired: bool
    """True when the engine fixed the tag itself (the template renders as intended)."""
    code: str = ""
    """A short English slug for the kind of problem, stable for tools: ``repaired-tag``,
    ``broken-tag`` (a tag Word broke beyond repair: across paragraphs, fields, tracked
    changes…), ``misplaced-tag`` (a ``{%tr %}`` outside a table row, a tag pair at two
    different levels…), ``unsupported-tag``, ``unknown-block``, ``dropped-content`` or
    ``jinja-syntax``."""
    hint: str = ""
    """What to do about it, in Vietnamese (empty when the message says it already)."""

    def location(self, file: str | None = None) -> Location:
        """Return the problem's :class:`~reportgen.diagnostics.errors.Location` (part and paragraph)."""
        return Location(
            file=file, part=self.part, paragraph=self.paragraph or None, where=self.where or None
        )

    def format(self) -> str:
        """Return a one-paragraph Vietnamese description: where, what, and the text."""
        return f"{self.part}, {self.where}: {self.message}\n    «{self.text}»"


_SEVERITY_WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}


class TemplateProblemsError(TemplateError):
    """A template has problems the engine cannot repair (or Jinja syntax errors).

    ``problems`` holds every problem found while preparing, repairs included, so a caller
    (e.g. ``reportgen lint``) can show all of them at once.
    """

    def __init__(
        self,
        message: str,
        problems: Sequence[TemplateProblem],
        *,
        location: Location | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, location=location, hint=hint)
        self.problems: list[TemplateProblem] = list(problems)

    @property
    def errors(self) -> list[TemplateProblem]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.severity == "error"]

    def format(self) -> str:
        """Return the message followed by a numbered list of the error problems (when there
        is more than one)."""
        text = super().format()
        errors = self.errors
        if len(errors) < 2:
            return text
        for i, problem in enumerate(errors, 1):
            word = _SEVERITY_WORDS[problem.severity]
            body = problem.format().replace("\n", "\n   ")
            text += f"\n{i}. [{word}] {body}"
        return text
