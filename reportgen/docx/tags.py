"""Finding Jinja tags in a paragraph's visible text, the way Jinja's lexer would.

A tag starts at the first ``{{``, ``{%`` or ``{#``. ``{{ … }}`` and ``{% … %}`` end at the first
closing delimiter that is outside string literals and outside brackets (Jinja balances
``( [ {`` and ignores delimiters inside strings); ``{# … #}`` ends at the first ``#}``. Smart
quotes count as quotes, because they are turned into straight quotes inside tags.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Structural",
    "Tag",
    "normalise_tag",
    "parse_structural",
    "scan",
    "statement_keyword",
]

_QUOTE = {'"': '"', "“": '"', "”": '"', "'": "'", "‘": "'", "’": "'"}
_OPEN_BRACKETS = "([{"
_CLOSE_BRACKETS = ")]}"
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
_NORMALISE = str.maketrans({**{k: v for k, v in _QUOTE.items() if k != v}, **_SPACES})
_EVENTS = re.compile(r"\{[{%#]|\}\}|%\}")


@dataclass(frozen=True)
class Tag:
    """A Jinja tag found in a text: ``text[start:end]``.

    ``closed`` is False for a tag opened and not closed before the end of the text (then
    ``end`` is the end of the text). ``kind`` is the opening delimiter, or ``}}``/``%}`` for a
    closing delimiter found without an opening one.
    """

    start: int
    end: int
    kind: Literal["{{", "{%", "{#", "}}", "%}"]
    closed: bool = True


def scan(text: str) -> list[Tag]:
    """Return the tags of ``text`` in order, including unclosed tags and stray closers."""
    tags: list[Tag] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _EVENTS.search(text, pos)
        if m is None:
            break
        token = m.group()
        if token in ("}}", "%}"):
            tags.append(Tag(m.start(), m.end(), token, closed=False))  # type: ignore[arg-type]
            pos = m.end()
            continue
        end = _close(text, m.start(), token)
        if end < 0:
            tags.append(Tag(m.start(), n, token, closed=False))  # type: ignore[arg-type]
            break
        tags.append(Tag(m.start(), end, token))  # type: ignore[arg-type]
        pos = end
    return tags


def _close(text: str, start: int, kind: str) -> int:
    """Return the end of the tag opened at ``start`` or -1 when it is not closed."""
    if kind == "{#":
        end = text.find("#}", start + 2)
        return end + 2 if end >= 0 else -1
    closer = "}}" if kind == "{{" else "%}"
    first = closer[0]
    depth = 0
    quote = ""
    i = start + 2
    n = len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if _QUOTE.get(c) == quote:
                quote = ""
        elif c in _QUOTE:
            quote = _QUOTE[c]
        elif depth == 0 and c == first and text.startswith(closer, i):
            return i + 2
        elif c in _OPEN_BRACKETS:
            depth += 1
        elif c in _CLOSE_BRACKETS and depth > 0:
            depth -= 1
        i += 1
    return -1


def normalise_tag(source: str) -> str:
    """Turn smart quotes into straight quotes and non-breaking spaces into spaces, and the text
    into Unicode NFC (a Vietnamese word typed decomposed — ``'Phường'`` as NFD — then equals
    the same word in the data, which reportgen reads as NFC)."""
    return unicodedata.normalize("NFC", source.translate(_NORMALISE))


@dataclass(frozen=True)
class Structural:
    """A docxtpl-style tag that acts on the enclosing element: ``{%p if x %}`` acts on the
    paragraph, ``{%tr for … %}`` on the table row, ``{{p name }}`` splices a block."""

    level: Literal["p", "tr", "tc", "r"]
    """The element the tag replaces (paragraph, row, cell, run)."""
    kind: Literal["{{", "{%", "{#"]
    """The opening delimiter."""
    body: str
    """The tag body without the level letter, e.g. ``if x`` or ``name``."""

    @property
    def jinja(self) -> str:
        """The plain Jinja tag that replaces the element."""
        if self.kind == "{%":
            return "{% " + self.body + " %}"
        if self.kind == "{{":
            return "{{ " + self.body + " }}"
        return ""


_STRUCTURAL = re.compile(
    r"^(?P<open>\{[{%#])(?P<level>tr|tc|p|r)\s+(?P<body>.*?)\s*(?P<close>[}%#]\})$", re.S
)


def parse_structural(source: str) -> Structural | None:
    """Recognise ``{%p …%}``, ``{%tr …%}``, ``{%tc …%}``, ``{%r …%}``, ``{{p …}}``, ``{{r …}}``,
    ``{#p …#}``… (the level letters followed by whitespace, as docxtpl requires)."""
    m = _STRUCTURAL.match(source)
    if m is None:
        return None
    open_, close = m.group("open"), m.group("close")
    if {"{{": "}}", "{%": "%}", "{#": "#}"}[open_] != close:
        return None
    return Structural(m.group("level"), open_, m.group("body"))  # type: ignore[arg-type]


_KEYWORD = re.compile(r"^\{%[-+]?\s*([A-Za-z_]\w*)")


def statement_keyword(source: str) -> str | None:
    """Return the first word of a ``{% … %}`` tag (``for``, ``endif``…), else None."""
    m = _KEYWORD.match(source)
    return m.group(1) if m else None
