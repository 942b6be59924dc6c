"""Did-you-mean for the column of an indicator in a flat table (CSV, or a workbook read as one).

The guess for a missing column is made by spelling *and* by meaning: a column another indicator
already reads is never proposed, nor one whose name is another indicator's own id, column or label
("ho_ngheo_cuoi_ky" is not a near-poor column, however close it is spelt to
"ho_can_ngheo_cuoi_ky"), and when several indicators are missing each column is proposed to one
of them only — the one whose label and unit its words fit best.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from reportgen.config.model import Indicator
from reportgen.data.text import ascii_words
from reportgen.diagnostics.suggest import suggestions


def _fold(text: str) -> str:
    return ascii_words(re.sub(r"\s*\([^()]*\)\s*$", "", text), "_")


def column_guesses(
    missing: Sequence[Indicator],
    others: Collection[Indicator],
    headers: Sequence[str],
    taken: Collection[str],
    wanted: dict[str, str],
) -> dict[str, str | None]:
    """For each missing indicator, the header most likely meant (None when none fits).

    ``others`` are all the indicators of the report, ``taken`` the headers already read by an
    indicator (or the unit column), ``wanted`` the column each missing indicator asks for."""
    from reportgen.data.sheets import meaning_score

    owned: dict[str, str] = {}  # folded id/column/label → indicator id
    for ind in others:
        for name in (ind.id, ind.column or "", ind.label):
            if name:
                owned.setdefault(_fold(name), ind.id)
    free = [h for h in headers if h and h not in taken]
    out: dict[str, str | None] = {}
    claims: dict[str, tuple[float, str]] = {}  # header → (score, indicator) of its best claimant
    for ind in missing:
        mine = [h for h in free if owned.get(_fold(h), ind.id) == ind.id]
        spec = wanted.get(ind.id, ind.id)
        same = [h for h in mine if _fold(h) in {_fold(spec), _fold(ind.id), _fold(ind.label)}]
        if same:
            guess: str | None = same[0]
        else:
            close = suggestions(spec, mine, n=1) or suggestions(ind.label, mine, n=1)
            guess = close[0] if close else None
            if guess is None:
                scored = sorted(((meaning_score(ind, h), h) for h in mine), key=lambda x: -x[0])
                if scored and scored[0][0] >= 0.25:
                    guess = scored[0][1]
        out[ind.id] = guess
        if guess is not None:
            score = 2.0 if same else meaning_score(ind, guess)
            held = claims.get(guess)
            if held is not None and held[0] >= score:
                out[ind.id] = None
            else:
                if held is not None:
                    out[held[1]] = None
                claims[guess] = (score, ind.id)
    return out
