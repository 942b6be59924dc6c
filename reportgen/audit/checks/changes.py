"""Changes between two stated values: ``giảm 0,36 điểm phần trăm (từ 1,71% xuống còn 1,35%)``,
``có 615 hộ … đến … còn 492 hộ (giảm 123 hộ - tương ứng giảm 0,52%)``.

A change is a figure right after ``giảm``/``tăng`` (``giảm còn`` names the end value, not a
change). Its two values are, in this order of preference: the ``từ A xuống/lên/còn B`` stated
right before or after it; the earlier value in brackets after ``so với`` (``492 hộ, giảm 123 hộ
so với đầu năm (615 hộ)``); or the only two earlier figures of its kind in the sentence with
``đến``/``còn``/``xuống``/``lên`` between them. For a change in % the values are the rates
(percentage points); ``tương ứng giảm D%`` right after a change between two counts may also be
their relative change. Anything else is skipped.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector, show
from reportgen.audit.confidence import Confidence
from reportgen.audit.figures import MONEY_EXP, Figure, sentence_span
from reportgen.vnformat import round_half_up

__all__ = ["check_changes"]

_VERB = re.compile(r"(?<![\wà-ỹ])(giảm|tăng)(?:\s+(?:được|thêm))?\s*$", re.IGNORECASE)
_FROM = re.compile(r"(?<![\wà-ỹ])từ\s*$", re.IGNORECASE)
_TO = re.compile(
    r"^\s*(?:(?:vào\s+)?(?:đầu\s+|cuối\s+)?năm\s+(?:19|20)\d{2}\s*,?\s*)?"
    r"(?:(?:giảm\s+|tăng\s+)?(?:xuống|lên)(?:\s+còn)?|còn|đến|tới)"
    r"(?:\s+(?:đầu\s+|cuối\s+)?năm\s+(?:19|20)\d{2}\s*(?:còn|là)?)?\s*$",
    re.IGNORECASE,
)
_TRANSITION = re.compile(r"(?<![\wà-ỹ])(đến|còn|xuống|lên|sau)(?![\wà-ỹ])", re.IGNORECASE)
_STRONG = re.compile(r"(?<![\wà-ỹ])(còn|xuống|lên)(?![\wà-ỹ])", re.IGNORECASE)


def _same_scale(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and (a.kind != "money" or a.unit is not None)


def _compatible(change: Figure, value: Figure) -> bool:
    if change.kind in ("percent", "points"):
        return value.kind == "percent"
    return change.kind == value.kind


def check_changes(par: Paragraph, out: Collector) -> None:
    """Check every stated change of the paragraph against its two values."""
    text = par.text
    figs = par.figures
    change_idx = {
        k
        for k, f in enumerate(figs)
        if f.value is not None and _VERB.search(text[max(0, f.start - 20) : f.start])
    }
    # từ A xuống B pairs
    pairs: list[tuple[Figure, Figure, str]] = []
    for k in range(len(figs) - 1):
        a, b = figs[k], figs[k + 1]
        if k in change_idx or k + 1 in change_idx:
            continue
        if not _FROM.search(text[max(0, a.start - 8) : a.start]):
            continue
        between = text[a.unit_end : b.start]
        if not _TO.match(between) or not _same_scale(a, b):
            continue
        pairs.append((a, b, between))
    paired = {id(f) for a, b, _ in pairs for f in (a, b)}
    last_count: tuple[Figure, Figure, Figure] | None = None
    for k in sorted(change_idx):
        c = figs[k]
        if c.unit is None or c.approx:
            continue
        verb = _VERB.search(text[max(0, c.start - 20) : c.start])
        assert verb is not None
        word = verb.group(1).lower()
        found = _find_pair(text, figs, k, change_idx, pairs, paired)
        relative: tuple[Figure, Figure] | None = None
        confidence: Confidence
        if (
            c.kind in ("percent", "points")
            and last_count is not None
            and _RELATIVE.fullmatch(text[last_count[0].unit_end : c.start])
        ):
            relative = (last_count[1], last_count[2])
        if found is not None and relative is not None and _relative_matches(c, *relative):
            continue
        if found is None:
            if relative is None:
                continue
            a, b = relative
            between, confidence = "", "probable"
        else:
            a, b, between, confidence = found
        if a.value is None or b.value is None or a.approx or b.approx:
            continue
        if c.kind not in ("percent", "points"):
            last_count = (c, a, b)
        _judge(par, c, word, a, b, between, confidence, out)


_RELATIVE = re.compile(
    r"\s*\)?\s*[,;-]?\s*(?:tương ứng|tức là|bằng)\s+(?:giảm|tăng)\s*", re.IGNORECASE
)


def _relative_matches(c: Figure, a: Figure, b: Figure) -> bool:
    """True when the change ``c`` in % is the relative change from ``a`` to ``b``."""
    if a.value is None or b.value is None or c.value is None or a.value == 0:
        return False
    return round_half_up(abs(b.value - a.value) / a.value * 100, c.decimals) == c.value


def _find_pair(
    text: str,
    figs: list[Figure],
    k: int,
    change_idx: set[int],
    pairs: list[tuple[Figure, Figure, str]],
    paired: set[int],
) -> tuple[Figure, Figure, str, Confidence] | None:
    """The two values the change ``figs[k]`` is between, with how sure that reading is."""
    c = figs[k]
    s, _e = sentence_span(text, c.start, c.end)
    for a, b, bt in pairs:
        if _compatible(c, a) and _adjacent(text, c, a, b):
            return a, b, bt, "direct"
    compared = _compared(text, figs, k, change_idx)
    if compared is not None:
        return compared[0], compared[1], "", "direct"
    lo = s
    for j in sorted(change_idx):
        f = figs[j]
        if j < k and f.start >= s and _compatible(c, f):
            lo = f.unit_end
    earlier = [
        f
        for j, f in enumerate(figs)
        if lo <= f.start
        and f.end <= c.start
        and j not in change_idx
        and id(f) not in paired
        and _compatible(c, f)
    ]
    if len(earlier) != 2:
        return None
    a, b = earlier
    between = text[a.unit_end : b.start]
    if not _TRANSITION.search(between) or not _same_scale(a, b):
        return None
    # only "từ A xuống/lên B" says a direction of its own
    return a, b, "", "direct" if _STRONG.search(between) else "probable"


_SO_VOI = re.compile(r"\s*so\s+với\s[^;.()]{0,60}\(\s*(?:là\s+)?", re.IGNORECASE)


def _compared(
    text: str, figs: list[Figure], k: int, change_idx: set[int]
) -> tuple[Figure, Figure, str] | None:
    """``B …, giảm C so với năm trước (A)``: the earlier value A in brackets after ``so với``
    and the value B just before the change, in the same clause."""
    c = figs[k]
    if k + 1 >= len(figs):
        return None
    a = figs[k + 1]
    if not _compatible(c, a) or not _SO_VOI.fullmatch(text[c.unit_end : a.start]):
        return None
    clause = max(text.rfind(";", 0, c.start), text.rfind(". ", 0, c.start)) + 1
    before = [
        f
        for j, f in enumerate(figs[:k])
        if j not in change_idx and f.start >= clause and _compatible(c, f)
    ]
    if len(before) != 1 or not _same_scale(a, before[0]):
        return None
    return a, before[0], ""


_BEFORE_PAIR = re.compile(
    r"^(?:\s+(?:hộ\s+)?(?:nghèo|cận\s+nghèo|khẩu|người))?\s*[(,:-]?\s*(?:(?:giảm|tăng)\s*)?$",
    re.IGNORECASE,
)
_AFTER_PAIR = re.compile(
    r"^(?:\s*\(?\s*(?:vào\s+)?(?:đầu\s+|cuối\s+)?năm\s+(?:19|20)\d{2}\s*\)?)?"
    r"\s*\)?\s*[,:-]?\s*(?:tức là|tương ứng|bằng)?\s*(?:giảm|tăng)(?:\s+(?:được|thêm))?\s*$",
    re.IGNORECASE,
)


def _adjacent(text: str, c: Figure, a: Figure, b: Figure) -> bool:
    """True when the change ``c`` is stated right before ``(từ a … b)`` or right after it."""
    if c.end <= a.start:
        m = re.search(r"(?<![\wà-ỹ])từ\s*$", text[: a.start], re.IGNORECASE)
        return m is not None and bool(_BEFORE_PAIR.match(text[c.unit_end : m.start()]))
    if b.end <= c.start:
        return bool(_AFTER_PAIR.match(text[b.unit_end : c.start]))
    return False


def _judge(
    par: Paragraph,
    c: Figure,
    word: str,
    a: Figure,
    b: Figure,
    between: str,
    confidence: Confidence,
    out: Collector,
) -> None:
    av, bv, cv = a.base_value, b.base_value, c.base_value
    assert av is not None and bv is not None and cv is not None
    out.read(par.block, [a, b, c])
    diff = bv - av
    low = between.lower()
    said = "giảm" if ("xuống" in low or "còn" in low) and "lên" not in low else None
    if "lên" in low:
        said = "tăng"
    if diff == 0:
        return
    actual = "giảm" if diff < 0 else "tăng"
    if said is not None and said != actual:
        out.add(
            "audit.change-direction",
            "direct",
            par.block,
            b.start,
            b.unit_end,
            expected=actual,
            found=said,
            related=[a.shown, b.shown],
            start=a.shown,
            end=b.shown,
            verb_expected=actual,
            verb=said,
        )
        return
    if word != actual:
        out.add(
            "audit.change-direction",
            confidence,
            par.block,
            c.start,
            c.unit_end,
            expected=actual,
            found=word,
            related=[a.shown, b.shown],
            start=a.shown,
            end=b.shown,
            verb_expected=actual,
            verb=word,
        )
        return
    if c.kind in ("percent", "points") and a.kind != "percent":
        if av == 0:
            return
        expected = round_half_up(abs(diff) / av * 100, c.decimals)
        if expected == cv:
            return
        unit = c.unit
        confidence = "probable"
    else:
        tolerance = a.base_tolerance + b.base_tolerance + c.base_tolerance
        if a.decimals == b.decimals == c.decimals == 0 and c.kind != "money":
            tolerance = Decimal(0)
        if abs(abs(diff) - cv) <= tolerance:
            return
        decimals = max(a.decimals, b.decimals, c.decimals)
        expected = abs(diff)
        unit = c.unit
        if c.kind == "money" and c.unit and a.unit != c.unit:
            expected = expected.scaleb(-MONEY_EXP[c.unit])
        expected = round_half_up(expected, decimals)
    if unit == "%" and a.kind == "percent":
        unit = "điểm phần trăm"
    shown = show(expected, c.decimals if c.decimals else None, unit)
    out.add(
        "audit.change-mismatch",
        confidence,
        par.block,
        c.start,
        c.unit_end,
        expected=shown,
        found=c.shown,
        related=[a.shown, b.shown],
        start=a.shown,
        end=b.shown,
        verb_expected=actual,
        verb=word,
    )
