"""How wide a line of Times New Roman is, to lay out the lines NĐ 30 asks for.

Widths are the Adobe font metrics of Times Roman and Times Bold (the widths Times New Roman and
its metric-compatible Liberation Serif share), in thousandths of the font size. A Vietnamese
letter is as wide as its base letter (diacritics sit above or below it).
"""

from __future__ import annotations

import unicodedata

_ROMAN = {
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            [
                444,
                500,
                444,
                500,
                444,
                333,
                500,
                500,
                278,
                278,
                500,
                278,
                778,
                500,
                500,
                500,
                500,
                333,
                389,
                278,
                500,
                500,
                722,
                500,
                500,
                444,
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                722,
                667,
                667,
                722,
                611,
                556,
                722,
                722,
                333,
                389,
                722,
                611,
                889,
                722,
                722,
                556,
                722,
                667,
                556,
                611,
                722,
                722,
                944,
                722,
                722,
                611,
            ],
            strict=True,
        )
    ),
}
_BOLD = {
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            [
                500,
                556,
                444,
                556,
                444,
                333,
                500,
                556,
                278,
                333,
                556,
                278,
                833,
                556,
                500,
                556,
                556,
                444,
                389,
                333,
                556,
                500,
                722,
                500,
                500,
                444,
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                722,
                667,
                722,
                722,
                667,
                611,
                778,
                778,
                389,
                500,
                778,
                667,
                944,
                722,
                778,
                611,
                778,
                722,
                556,
                667,
                722,
                722,
                1000,
                722,
                722,
                667,
            ],
            strict=True,
        )
    ),
}
_COMMON = {
    " ": 250,
    ",": 250,
    ".": 250,
    ";": 278,
    ":": 278,
    "-": 333,
    "/": 278,
    "(": 333,
    ")": 333,
    "&": 778,
    "'": 333,
    "%": 833,
    "\u00a0": 250,
    "\u2060": 0,
}
_DIGIT = 500

TWIPS_PER_MM = 1440 / 25.4


def _base(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` in Times New Roman of ``size`` points."""
    table = _BOLD if bold else _ROMAN
    total = 0
    for ch in text:
        b = _base(ch)
        if b in table:
            total += table[b]
        elif b in _COMMON:
            total += _COMMON[b]
        else:
            total += _DIGIT if b.isdigit() else 500
    return total * size / 1000


def text_width_twips(text: str, size: float, *, bold: bool = False) -> int:
    """Width in twips (1/20 pt) of ``text``."""
    return round(text_width_pt(text, size, bold=bold) * 20)


def line_indent(cell_twips: int, text_twips: int, ratio: float = 0.4) -> tuple[int, int]:
    """The left/right indent (twips) that centres a line of ``ratio`` × the text width in a cell
    of ``cell_twips``, and the line's width."""
    line = round(min(text_twips, cell_twips) * ratio)
    return max(0, (cell_twips - line) // 2), line


#: The short lines of the header are underlined no-break spaces of this size (pt).
RULE_SIZE = 13
RULE_CHAR = "\u00a0"
RULE_END = "\u2060"  # word joiner: no width, not a space


def rule(cell_twips: int, text_twips: int, ratio: float = 0.4) -> str:
    """No-break spaces that, underlined at :data:`RULE_SIZE` pt, draw a line ``ratio`` × the
    width of the text above it (at most the cell): 0,4 lies within NĐ 30's 1/3–1/2."""
    line = min(text_twips, cell_twips) * ratio
    per_char = text_width_twips(RULE_CHAR, RULE_SIZE)
    # a word joiner ends the run: LibreOffice does not underline spaces that end a line
    return RULE_CHAR * max(1, round(line / per_char)) + RULE_END
