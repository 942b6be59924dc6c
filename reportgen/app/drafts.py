"""Word comments on a draft: each figure highlighted because it failed a check gets a comment
saying what was expected, so the reviewer reads it where the figure is."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

from reportgen.docx.zipio import repack

AUTHOR = "reportgen"


def _highlighted_runs(doc: object) -> list[Run]:
    """Every run of the body (tables included) that carries a highlight."""
    body = doc.element.body  # type: ignore[attr-defined]
    runs: list[Run] = []
    for r in body.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:highlight")) is not None and r.text:
            runs.append(Run(r, doc))  # type: ignore[arg-type]
    return runs


def comment_failing(data: bytes, failing: Mapping[str, str], moment: datetime) -> bytes:
    """Return the draft ``data`` with a Word comment on each highlighted figure listing what
    its checks expected (``failing``: indicator → the finding's message). ``moment`` dates the
    comments, so a draft stays the same from run to run. Unchanged when nothing is
    highlighted."""
    doc = Document(io.BytesIO(data))
    runs = _highlighted_runs(doc)
    if not runs or not failing:
        return data
    text = "Số liệu chưa khớp — " + " | ".join(dict.fromkeys(failing.values()))
    for run in runs:
        comment = doc.add_comment(run, text=text, author=AUTHOR, initials="RG")
        comment._comment_elm.date = moment
    out = io.BytesIO()
    doc.save(out)
    return repack(out.getvalue())
