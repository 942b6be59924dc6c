"""``X hộ, chiếm Y%`` when the base is stated in the same paragraph.

The part is the last figure before ``chiếm`` in its clause; the base is the first figure of the
same unit in the paragraph, introduced by ``có``, ``tổng số`` or ``toàn``, and larger than the
part; a figure of that unit between the base and the part must itself be a share
(``648 hộ (…), chiếm …``), otherwise the base is unsure and the share is skipped. The words after ``Y%`` must say nothing else than ``tổng số (hộ)`` (a share of something
else, ``chiếm 30% số hộ nghèo``, is skipped). Y is compared at its own decimals, half-up.
"""

from __future__ import annotations

import re

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector, show
from reportgen.vnformat import round_half_up

__all__ = ["check_shares"]

_CHIEM = re.compile(r"(?<![\wà-ỹ])chiếm(?:\s+tỷ\s+lệ|\s+tỉ\s+lệ)?\s*(?:là\s*)?$", re.IGNORECASE)
_AFTER_OK = re.compile(
    r"^\s*(?:(?:so\s+với\s+)?tổng\s+số(?:\s+hộ(?:\s+dân)?(?:\s+(?:toàn|của|trên)[^,;.()]*)?|\s+dân)?)?\s*(?:[,;.)]|$)",
    re.IGNORECASE,
)
_CHIEM_AFTER = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s*chiếm", re.IGNORECASE)
_BASE_INTRO = re.compile(r"(?<![\wà-ỹ])(?:có|tổng số|toàn)(?![\wà-ỹ])", re.IGNORECASE)


def _inside_brackets(text: str, pos: int, until: int) -> bool:
    """True when ``pos`` sits inside a bracket that closes before ``until``."""
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return False
    close = text.find(")", pos)
    return 0 <= close < until


def check_shares(par: Paragraph, out: Collector) -> None:
    """Check each ``chiếm Y%`` against part / base × 100."""
    text = par.text
    figs = par.figures
    for k, y in enumerate(figs):
        if y.kind != "percent" or y.value is None or y.approx:
            continue
        if not _CHIEM.search(text[max(0, y.start - 25) : y.start]):
            continue
        if not _AFTER_OK.match(text[y.unit_end :]):
            continue
        clause_start = max(text.rfind(";", 0, y.start), text.rfind(". ", 0, y.start)) + 1
        part = next(
            (
                f
                for f in reversed(figs[:k])
                if f.start >= clause_start
                and f.kind
                and f.kind.startswith("count:")
                and not _inside_brackets(text, f.start, y.start)
            ),
            None,
        )
        if part is None or part.value is None or part.approx:
            continue
        base = next((f for f in figs if f.kind == part.kind), None)
        if base is None or base is part or base.value is None or base.approx:
            continue
        intro_from = max(text.rfind(";", 0, base.start), text.rfind(". ", 0, base.start), 0)
        if not _BASE_INTRO.search(text[intro_from : base.start]):
            continue
        if base.value <= part.value:
            continue
        between = [
            f for f in figs if f.kind == part.kind and base.end <= f.start and f.end <= part.start
        ]
        if any(not _CHIEM_AFTER.match(text, f.unit_end) for f in between):
            continue
        out.read(par.block, [part, base, y])
        expected = round_half_up(part.value / base.value * 100, y.decimals)
        if expected == y.value:
            continue
        shown = show(expected, y.decimals, "%")
        out.add(
            "audit.share-mismatch",
            "probable",
            par.block,
            y.start,
            y.unit_end,
            expected=shown,
            found=y.shown,
            related=[part.shown, base.shown],
            part=part.shown,
            base=base.shown,
        )
