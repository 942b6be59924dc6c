"""The one did-you-mean of the project."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def _fold(text: str) -> str:
    """Lower case, no Vietnamese tone marks, đ → d: what a hurried typist might confuse."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def did_you_mean(
    word: str, candidates: Iterable[str], *, cutoff: float = 0.6, n: int = 1
) -> str | None:
    """Return the candidate closest to ``word`` (compared without case or tone marks), or None
    when nothing is close enough."""
    found = suggestions(word, candidates, cutoff=cutoff, n=n)
    return found[0] if found else None


def suggestions(
    word: str, candidates: Iterable[str], *, cutoff: float = 0.6, n: int = 3
) -> list[str]:
    """Return up to ``n`` candidates close to ``word``, the closest first."""
    by_fold: dict[str, str] = {}
    for c in candidates:
        by_fold.setdefault(_fold(c), c)
    close = difflib.get_close_matches(_fold(word), list(by_fold), n=n, cutoff=cutoff)
    return [by_fold[c] for c in close]
