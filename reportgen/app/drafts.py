"""What a draft shows about its wrong figures: which figures are highlighted (those that failed
a check — when the reasoning across checks found the cell to fix, only that one) and the Word
comment on each, saying what its checks expected, so the reviewer reads it where the figure is.

The template marks each figure it can highlight (:func:`reportgen.templating.body.runs`) with
an XML comment naming the indicators the figure prints (``<!--reportgen:figures a b-->``);
:func:`comment_failing` reads the marks, writes the comments and removes the marks.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from reportgen.diagnostics import catalog
from reportgen.docx.zipio import repack
from reportgen.validate.findings import Finding

AUTHOR = "reportgen"
MARK = "reportgen:figures"
"""The start of the XML comment that names the indicators of a highlighted figure."""


def failing_figures(findings: Iterable[Finding]) -> dict[str, dict[str, str]]:
    """Per unit name, the indicators a draft highlights and, for each, what its checks
    expected (the messages of those checks, one a line).

    A finding the reasoning across checks decided on marks only its suspect cells among the
    figures it is about (the correct parts of a wrong total stay plain); a finding that is only
    a consequence of another unit's suspect adds its words only to a figure that has none (and
    names the unit whose cell to fix: the whole city's total disagrees because of one ward); an
    undecided finding marks every figure it is about."""
    own: dict[str, dict[str, list[str]]] = {}
    echoed: dict[str, dict[str, list[str]]] = {}
    for f in findings:
        if f.severity != "error" or not f.unit:
            continue
        decided = bool(f.extra.get("decided")) and bool(f.suspects)
        if decided:
            suspects = {s.get("indicator") for s in f.suspects}
            ids = [i for i in f.indicators if i in suspects]
        else:
            ids = list(f.indicators)
        into = echoed if f.extra.get("consequence_of") else own
        text = f.message
        cause, why = f.extra.get("explained_by"), f.extra.get("reasoning")
        if cause and cause != f.unit and why:  # the cell to fix is in another unit's row
            text += "\n" + catalog.text("app.draft-cause", cause=cause, why=why)
        for iid in ids:
            said = into.setdefault(f.unit, {}).setdefault(iid, [])
            if text not in said:
                said.append(text)
    out: dict[str, dict[str, str]] = {}
    for unit in {*own, *echoed}:
        mine, theirs = own.get(unit, {}), echoed.get(unit, {})
        out[unit] = {iid: "\n".join(mine.get(iid) or theirs[iid]) for iid in {*mine, *theirs}}
    return out


def _marked_runs(doc: object) -> list[tuple[Run, list[str]]]:
    """Every highlighted run of the body (tables included) carrying the figures mark, with
    the indicators the mark names; the marks are removed."""
    body = doc.element.body  # type: ignore[attr-defined]
    runs: list[tuple[Run, list[str]]] = []
    for r in body.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            continue
        marks = [
            c for c in rpr if isinstance(c, etree._Comment) and (c.text or "").startswith(MARK)
        ]
        for c in marks:
            rpr.remove(c)
        if rpr.find(qn("w:highlight")) is None or not marks or not r.text:
            continue
        ids = [i for c in marks for i in (c.text or "")[len(MARK) :].split()]
        runs.append((Run(r, doc), ids))  # type: ignore[arg-type]
    return runs


def comment_failing(data: bytes, failing: Mapping[str, str], moment: datetime) -> bytes:
    """Return the draft ``data`` with a Word comment on each highlighted figure saying what
    its checks expected (``failing``: indicator → what was expected, see
    :func:`failing_figures`). ``moment`` dates the comments, so a draft stays the same from
    run to run. Unchanged when nothing is highlighted."""
    doc = Document(io.BytesIO(data))
    runs = _marked_runs(doc)
    if not runs:
        return data
    for run, ids in runs:
        said = list(dict.fromkeys(failing[i] for i in ids if i in failing))
        if not said:
            continue
        text = catalog.text("app.draft-comment", said="\n".join(said))
        comment = doc.add_comment(run, text=text, author=AUTHOR, initials="RG")
        comment._comment_elm.date = moment
    out = io.BytesIO()
    doc.save(out)
    return repack(out.getvalue())
