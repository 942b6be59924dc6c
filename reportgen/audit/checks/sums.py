"""``Tổng … X; trong đó: a, b, c``: the parts add up to the total, per unit of measure.

The total is the one figure of its kind (money, or a count in one unit) stated in the sentence
before ``trong đó``/``gồm``. The parts are read from the same sentence, from the rest of the
paragraph after ``trong đó:``, or from the dash/plus items that follow a paragraph ending in
``trong đó:``. Every part must have exactly one figure of the kind, none approximate; otherwise
the kind is skipped. A part larger than its total is a direct contradiction. Whether the parts
must add up to the total depends on how the list is written: items listed under the total
(``trong đó:`` then ``- a``, ``- b``) must add up both ways; parts inside a sentence may be a
selection (``trong đó phân bổ cho huyện A …``) or overlap, so only a sum that exceeds the total
is reported there, as probable (for counts only when there are two parts: three or more
counts in a sentence are often attributes that overlap).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector, show
from reportgen.audit.confidence import Confidence
from reportgen.audit.figures import MONEY_EXP, Figure, sentence_span
from reportgen.diagnostics import catalog

__all__ = ["check_sums"]

_MARKER = re.compile(
    r"(?<![\wà-ỹ])(?:trong đó|bao gồm|gồm có|gồm)(?![\wà-ỹ])\s*(:)?", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*([-+–•*])\s")
_CLAUSE_END = re.compile(r";|[.!?](?=\s|$)")
_SEGMENT_COLON = re.compile(r";|[.!?](?=\s|$)")
_SEGMENT_INLINE = re.compile(r",|(?<![\wà-ỹ])và(?![\wà-ỹ])")


def _by_kind(figures: Sequence[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figures:
        k = f.kind
        if k is None or k in ("percent", "points"):
            continue
        out.setdefault(k, []).append(f)
    return out


def _segments(text: str, start: int, end: int, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in splitter.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def check_sums(pars: Sequence[Paragraph], i: int, out: Collector) -> None:
    """Check each ``trong đó``/``gồm`` list of paragraph ``pars[i]``."""
    text = pars[i].text
    previous_end = 0
    for m in _MARKER.finditer(text):
        _check_list(pars, i, m, previous_end, out)
        previous_end = m.end()


_COMPLETE = re.compile(r"gồm", re.IGNORECASE)
_OPEN_ENDED = re.compile(
    r"\.\.\.|…|v\.v|(?<![\wà-ỹ])khác(?![\wà-ỹ])|(?<![\wà-ỹ])còn lại", re.IGNORECASE
)


def _check_list(
    pars: Sequence[Paragraph], i: int, m: re.Match[str], previous_end: int, out: Collector
) -> None:
    """Check the list that the marker ``m`` of ``pars[i]`` opens against the total before it
    (in its sentence, after the previous list of the sentence)."""
    par = pars[i]
    text = par.text
    s0, _ = sentence_span(text, m.start(), m.start())
    if previous_end:
        s0 = max(s0, previous_end, text.rfind(";", 0, m.start()) + 1)
    before = [f for f in par.figures if s0 <= f.start and f.end <= m.start()]
    totals = _by_kind(before)
    if not totals:
        return
    colon = m.group(1) is not None
    complete = bool(_COMPLETE.search(m.group(0)))
    rest = text[m.end() :]
    parts: list[tuple[Paragraph, list[Figure]]] = []
    fallback: list[tuple[Paragraph, list[Figure]]] = []
    if colon and not rest.strip():
        mode = "items"
        bullet: str | None = None
        for nxt in pars[i + 1 :]:
            if nxt.block.kind != par.block.kind or nxt.block.table != par.block.table:
                break
            bm = _BULLET.match(nxt.text)
            if not bm:
                break
            if bullet is None:
                bullet = bm.group(1)
            if bm.group(1) != bullet:
                continue
            parts.append((nxt, nxt.figures))
            ending = nxt.text.rstrip()[-1:]
            if ending == "." and parts[0][0].text.rstrip().endswith(";"):
                break  # items end with ";" and the last one with "."
    else:
        ce = _CLAUSE_END.search(text, m.end())
        clause_end = ce.start() if ce else len(text)
        if colon:
            mode = "colon"
            for a, b in _segments(text, m.end(), len(text), _SEGMENT_COLON):
                parts.append((par, [f for f in par.figures if a <= f.start and f.end <= b]))
            # "gồm: 8 hộ …, 7 hộ … và 1 hộ …": the items of a colon list are often separated
            # by commas within the clause
            for a, b in _segments(text, m.end(), clause_end, _SEGMENT_INLINE):
                fallback.append((par, [f for f in par.figures if a <= f.start and f.end <= b]))
        else:
            mode = "inline"
            for a, b in _segments(text, m.end(), clause_end, _SEGMENT_INLINE):
                parts.append((par, [f for f in par.figures if a <= f.start and f.end <= b]))
        if complete and _OPEN_ENDED.search(text, m.end(), clause_end):
            complete = False
    for kind, total_figs in totals.items():
        if len(total_figs) != 1:
            continue
        total = total_figs[0]
        if total.value is None or total.approx:
            continue
        for candidate in (parts, fallback):
            chosen = _one_each(candidate, kind)
            if chosen is not None and len(chosen) >= 2:
                _judge(par, total, chosen, mode, kind, out, complete=complete)
                break


def _one_each(
    parts: list[tuple[Paragraph, list[Figure]]], kind: str
) -> list[tuple[Paragraph, Figure]] | None:
    """The one figure of ``kind`` of each part; None when a part has none, several, or an
    approximate or unreadable one."""
    chosen: list[tuple[Paragraph, Figure]] = []
    for ppar, figs in parts:
        of_kind = [f for f in figs if f.kind == kind]
        if len(of_kind) != 1 or of_kind[0].value is None or of_kind[0].approx:
            return None
        chosen.append((ppar, of_kind[0]))
    return chosen


def _judge(
    par: Paragraph,
    total: Figure,
    chosen: list[tuple[Paragraph, Figure]],
    mode: str,
    kind: str,
    out: Collector,
    *,
    complete: bool = False,
) -> None:
    out.read(par.block, [total])
    for ppar, f in chosen:
        out.read(ppar.block, [f])
    t = total.base_value
    assert t is not None
    over = [
        (ppar, f)
        for ppar, f in chosen
        if f.base_value is not None and f.base_value > t + total.base_tolerance + f.base_tolerance
    ]
    if over:
        ppar, f = max(over, key=lambda pf: pf[1].base_value or 0)
        out.add(
            "audit.part-exceeds-total",
            "direct",
            ppar.block,
            f.start,
            f.unit_end,
            expected=f"≤ {total.shown}",
            found=f.shown,
            related=[total.shown],
            part=f.shown,
            total=total.shown,
        )
    values = [f.base_value for _, f in chosen]
    parts_sum = sum((v for v in values if v is not None), Decimal(0))
    tolerance = total.base_tolerance + sum((f.base_tolerance for _, f in chosen), Decimal(0))
    if total.decimals == 0 and all(f.decimals == 0 for _, f in chosen) and kind != "money":
        tolerance = Decimal(0)
    diff = parts_sum - t
    if abs(diff) <= tolerance:
        return
    confidence: Confidence
    if mode == "items":
        confidence = "direct" if kind == "money" else "probable"
    elif diff > 0 and kind == "money":
        confidence = "direct" if mode == "colon" else "probable"
    elif diff > 0 and len(chosen) == 2:
        # two counts inside a sentence ("trong đó 70 hộ … và 50 hộ …") usually split the total;
        # three or more are often attributes that overlap (dân tộc thiểu số, nữ chủ hộ, …).
        confidence = "probable"
    elif complete:
        # "gồm" lists what the total is made of, not a selection of it
        confidence = "probable"
    else:
        return
    shown_sum = _in_unit(parts_sum, total)
    out.add(
        "audit.sum-mismatch",
        confidence,
        par.block,
        total.start,
        total.unit_end,
        expected=shown_sum,
        found=total.shown,
        related=[f.shown for _, f in chosen],
        total=total.shown,
        parts_sum=shown_sum,
        parts=" + ".join(f.shown for _, f in chosen),
        difference=_in_unit(abs(diff), total),
        hint=_comma_for_dot_hint(total, [f for _, f in chosen]),
    )


def _thousands(f: Figure) -> Decimal | None:
    """``83,020 triệu đồng`` read as 83.020 triệu đồng (a comma typed for the thousands dot),
    in đồng; None for any other figure."""
    if f.unit != "triệu đồng" or f.decimals != 3 or f.value is None:
        return None
    return (f.value * 1000).scaleb(MONEY_EXP["triệu đồng"])


def _in_million(value: Decimal) -> str:
    v = value.scaleb(-6).normalize()
    exponent = v.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return show(v, decimals, "triệu đồng")


def _comma_for_dot_hint(total: Figure, parts: list[Figure]) -> str | None:
    """When some figures have three decimals on triệu đồng, the sum read with those commas as
    thousands dots, so that the reader sees whether the mistake is only the separator."""
    if all(_thousands(f) is None for f in [total, *parts]):
        return None
    alt_total = _thousands(total) or total.base_value
    alt_parts = [_thousands(f) or f.base_value for f in parts]
    if alt_total is None or any(v is None for v in alt_parts):
        return None
    alt_sum = sum((v for v in alt_parts if v is not None), Decimal(0))
    shown_total, shown_sum = (_in_million(v) for v in (alt_total, alt_sum))
    verdict = catalog.text(
        "audit.sum-comma-for-dot-equal"
        if alt_sum == alt_total
        else "audit.sum-comma-for-dot-differs"
    )
    return catalog.text(
        "audit.sum-comma-for-dot", total=shown_total, parts_sum=shown_sum, verdict=verdict
    )


def _scaled(value: Decimal, like: Figure) -> Decimal:
    """``value`` (in đồng for money) in the unit of ``like``."""
    if like.kind == "money" and like.unit is not None:
        return value.scaleb(-MONEY_EXP[like.unit])
    return value


def _in_unit(value: Decimal, like: Figure) -> str:
    v = _scaled(value, like)
    exponent = v.normalize().as_tuple().exponent if v else 0
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    decimals = max(needed, like.decimals if like.decimals <= 2 else 0)
    return show(v, max(0, min(decimals, 6)), like.unit)
