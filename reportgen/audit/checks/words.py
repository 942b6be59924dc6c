"""Amounts with their words in brackets: ``13.000.000 đ (Mười ba triệu đồng chẵn)``."""

from __future__ import annotations

import re

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector, show
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import WordsError
from reportgen.vnformat import money_in_words, words_to_number

__all__ = ["check_words"]

_BRACKET = re.compile(r"\s*\(\s*(?:bằng chữ\s*:\s*)?([^()\d]*)\)", re.IGNORECASE)
_NUMBER_WORDS = frozenset(
    [
        "không",
        "một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "mươi",
        "trăm",
        "nghìn",
        "ngàn",
        "triệu",
        "tỷ",
        "tỉ",
        "linh",
        "lẻ",
        "mốt",
        "tư",
        "lăm",
        "nhăm",
        "âm",
        "phẩy",
        "đồng",
        "chẵn",
    ]
)
_WORDS_UNIT = "đồng"
"""The unit words are read in (``Mười ba triệu đồng`` is an amount in đồng)."""
_FIRST_WORDS = _NUMBER_WORDS - {"đồng", "chẵn", "phẩy", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"}


def check_words(par: Paragraph, out: Collector) -> None:
    """The words read back (strictly) must equal the money figure before them, in đồng."""
    text = par.text
    for f in par.figures:
        if f.kind != "money" or f.value is None:
            continue
        m = _BRACKET.match(text, f.unit_end)
        if not m:
            continue
        words = " ".join(m.group(1).replace("*", " ").replace("_", " ").split()).rstrip(" .")
        tokens = words.lower().split()
        if not tokens or tokens[0] not in _FIRST_WORDS:
            continue
        amount = f.base_value
        assert amount is not None
        expected_words = (
            money_in_words(amount)
            if amount == amount.to_integral_value()
            else catalog.text("audit.words-no-reading")
        )
        out.read(par.block, [f])
        try:
            value = words_to_number(words)
        except WordsError as exc:
            if all(t in _NUMBER_WORDS for t in tokens):
                out.add(
                    "audit.words-unreadable",
                    "probable",
                    par.block,
                    f.start,
                    m.end(),
                    expected=expected_words,
                    found=words,
                    figure=f.shown,
                    reason=exc.message,
                    expected_words=expected_words,
                )
            continue
        if value != amount:
            out.add(
                "audit.words-mismatch",
                "direct",
                par.block,
                f.start,
                m.end(),
                expected=expected_words,
                found=words,
                figure=f.shown,
                words_value=show(value, unit=_WORDS_UNIT),
                expected_words=expected_words,
            )
