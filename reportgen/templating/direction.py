"""Sentences that state a direction (tăng, giảm, không thay đổi…) no figure backs.

"Số hộ nghèo giảm so với đầu năm" written by hand is true for one ward and false for the next;
the direction must come from the figures (``{{ a | bien_dong(b) }}``, ``thay_doi``,
``tang_giam``, ``gom``, ``danh_gia``…). A sentence is flagged when its literal text has a
direction word and none of its tags is a filter that derives a direction from figures, or when
it has no tag at all. Words that only look like a direction ("giảm nghèo", "tăng cường") are
not directions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportgen.config.model import ReportConfig, Section

#: Filters whose output states a direction computed from the figures.
DIRECTION_FILTERS = frozenset(
    {
        "bien_dong",
        "movement",
        "thay_doi",
        "change",
        "tang_giam",
        "change_word",
        "gom",
        "total_of",
        "danh_gia",
        "target_status",
        "danh_gia_chi_tieu",
        "target_phrase",
        "muc",
        "level",
    }
)

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_WORD = re.compile(
    r"(?<!miễn, )(?<!miễn )\b(tăng|giảm|không thay đổi|vượt|không đạt|còn chậm|chậm hơn)\b"
    r"(?!\s+(?:nghèo|cường|trưởng|thiểu|thêm|tốc|dần|bền vững|chuẩn|học phí))",
    re.I,
)
_SENTENCE = re.compile(r"[^.;:!?]+[.;:!?]?")
_FILTER_NAME = re.compile(r"\|\s*([a-z_]+)")


@dataclass(frozen=True)
class Unbacked:
    """A sentence with a direction word no figure backs."""

    sentence: str
    word: str


def _sentences(text: str) -> Iterator[str]:
    """Sentences of a text, tags kept whole (a tag may hold "." or ";")."""
    masked = _TAG.sub(lambda m: "\x00" * len(m.group(0)), text)
    for m in _SENTENCE.finditer(masked):
        yield text[m.start() : m.end()]


def unbacked_directions(text: str) -> list[Unbacked]:
    """The sentences of ``text`` (a YAML paragraph or a template paragraph) that state a
    direction no figure backs."""
    out: list[Unbacked] = []
    for sentence in _sentences(text):
        tags = _TAG.findall(sentence)
        literal = _TAG.sub(" ", sentence)
        m = _WORD.search(literal)
        if m is None:
            continue
        filters = {f for t in tags for f in _FILTER_NAME.findall(t)}
        conditional = any(t.startswith("{%") and " if " in f" {t}" for t in tags)
        if filters & DIRECTION_FILTERS or conditional:
            continue
        out.append(Unbacked(sentence.strip(), m.group(1)))
    return out


def yaml_line(source: str, text: str) -> int | None:
    """The line of the YAML ``source`` where the paragraph ``text`` starts (its first words),
    or None."""
    words = " ".join(text.split()[:6])
    if not words:
        return None
    for n, line in enumerate(source.splitlines(), 1):
        if words in " ".join(line.split()):
            return n
    first = text.split()[0]
    return next((n for n, line in enumerate(source.splitlines(), 1) if first in line), None)


def walk_paragraphs(config: ReportConfig) -> Iterator[tuple[str, str]]:
    """(key path, text) of every section paragraph of ``config`` shown without a condition
    (a paragraph or section with ``when`` states what its condition checked)."""

    def walk(sections: tuple[Section, ...], path: str) -> Iterator[tuple[str, str]]:
        for i, s in enumerate(sections):
            if s.when:
                continue
            p = f"{path}[{i}]"
            for j, para in enumerate(s.paragraphs):
                if not para.when:
                    yield f"{p}.paragraphs[{j}]", para.text
            yield from walk(s.sections, f"{p}.sections")

    yield from walk(config.sections, "sections")
