"""``X hộ, chiếm Y%`` when the base is stated in the same paragraph.

The part is the last figure before ``chiếm`` in its clause; the base is the first figure of the
same unit in the paragraph, introduced by ``có``, ``tổng số`` or ``toàn``, and larger than the
part — or, when the paragraph states no other figure of that unit and the share is said to be
of ``tổng số hộ``, the one total stated earlier in the document (``toàn xã có 3.200 hộ``; two
different such totals and the share is skipped); a figure of that unit between the base and the part must itself be a share
(``648 hộ (…), chiếm …``), otherwise the base is unsure and the share is skipped. The words after ``Y%`` must say nothing else than ``tổng số (hộ)`` (a share of something
else, ``chiếm 30% số hộ nghèo``, is skipped). Y is compared at its own decimals, half-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector, show
from reportgen.audit.figures import Figure
from reportgen.vnformat import round_half_up

__all__ = ["check_shares"]

_CHIEM = re.compile(r"(?<![\wà-ỹ])chiếm(?:\s+tỷ\s+lệ|\s+tỉ\s+lệ)?\s*(?:là\s*)?$", re.IGNORECASE)
_AFTER_OK = re.compile(
    r"^\s*(?:(?:so\s+với\s+)?tổng\s+số(?:\s+hộ(?:\s+dân)?(?:\s+(?:toàn|của|trên)[^,;.()]*)?|\s+dân)?)?\s*(?:[,;.)]|$)",
    re.IGNORECASE,
)
_CHIEM_AFTER = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s*chiếm", re.IGNORECASE)
_AFTER_NAMED = re.compile(r"^\s*(?:so\s+với\s+)?tổng\s+số\s+hộ", re.IGNORECASE)
_DOC_BASE = re.compile(
    r"(?:tổng\s+số\s+hộ[^,;.]{0,25}?(?:là|có)?|toàn\s+(?:xã|phường|thị\s+trấn|huyện|quận|"
    r"thị\s+xã|thành\s+phố|tỉnh)[^,;.]{0,30}có)\s*:?\s*$",
    re.IGNORECASE,
)
_BASE_INTRO = re.compile(r"(?<![\wà-ỹ])(?:có|tổng số|toàn)(?![\wà-ỹ])", re.IGNORECASE)


def _inside_brackets(text: str, pos: int, until: int) -> bool:
    """True when ``pos`` sits inside a bracket that closes before ``until``."""
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return False
    close = text.find(")", pos)
    return 0 <= close < until


def _document_base(pars: Sequence[Paragraph], i: int, kind: str) -> Figure | None:
    """The one total of ``kind`` stated earlier in the document (``toàn xã có 3.200 hộ``,
    ``tổng số hộ là 3.200 hộ``); None when there is none or they differ."""
    found: list[Figure] = []
    for earlier in pars[:i]:
        for f in earlier.figures:
            if f.kind != kind or f.value is None or f.approx:
                continue
            if _DOC_BASE.search(earlier.text[max(0, f.start - 60) : f.start]):
                found.append(f)
    values = {f.value for f in found}
    return found[-1] if len(values) == 1 else None


def check_shares(pars: Sequence[Paragraph], i: int, out: Collector) -> None:
    """Check each ``chiếm Y%`` of paragraph ``pars[i]`` against part / base × 100."""
    par = pars[i]
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
        base_par = par
        if base is part and _AFTER_NAMED.match(text[y.unit_end :]) and part.kind:
            base = _document_base(pars, i, part.kind)
            base_par = pars[i]
            if base is not None:
                base_par = next(p for p in pars[:i] if any(f is base for f in p.figures))
        elif base is not None and base is not part:
            intro_from = max(text.rfind(";", 0, base.start), text.rfind(". ", 0, base.start), 0)
            if not _BASE_INTRO.search(text[intro_from : base.start]):
                continue
        if base is None or base is part or base.value is None or base.approx:
            continue
        if base.value <= part.value:
            continue
        between = [
            f
            for f in figs
            if f.kind == part.kind
            and (base_par is not par or base.end <= f.start)
            and f.end <= part.start
            and f is not part
        ]
        if any(not _CHIEM_AFTER.match(text, f.unit_end) for f in between):
            continue
        out.read(par.block, [part, y])
        out.read(base_par.block, [base])
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
