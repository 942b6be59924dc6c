"""Word markup the engine resolves before looking for tags: tracked changes, smart tags and
custom-XML wrappers.

**The rule for tracked changes** (Review → Track Changes): a template is read as Word shows it
with "No Markup" after *Accept All Changes*. When a part is prepared, every tracked change in it
is accepted:

* deleted content (``w:del``, ``w:moveFrom``) is dropped — a tag deleted with tracking on is
  gone, never printed as raw ``{{ … }}`` text;
* inserted content (``w:ins``, ``w:moveTo``) is kept as ordinary content;
* a deleted paragraph mark joins its paragraph to the next one; a deleted table row is
  dropped; inserted marks and rows just lose their revision marker;
* the records of formatting changes (``w:rPrChange``, ``w:pPrChange``, ``w:sectPrChange``,
  ``w:tblPrChange``…) and the move/custom-XML range markers are dropped.

The reports produced carry no tracked change. Lint tells the author (an ``info`` problem per
part, naming each tag that was deleted), so what Word shows with markup and what is rendered
never silently differ.

Smart tags (``w:smartTag``) and custom-XML elements (``w:customXml``, around runs, paragraphs,
rows or cells) are markup around content, not content: they are unwrapped (their properties
``w:smartTagPr``/``w:customXmlPr`` dropped, their children put in their place), so a tag Word
split across one is repaired like any other and a ``{%p %}``/``{%tr %}`` tag in one sits at the
same level as its partner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.docx.ooxml import W_P, W_PPR, W_RPR, W_TR, Element, w

__all__ = ["Resolved", "resolve_markup"]

_DEL = w("del")
_INS = w("ins")
_MOVE_FROM = w("moveFrom")
_MOVE_TO = w("moveTo")
_TRPR = w("trPr")
_DELTEXT = w("delText")
_DELINSTR = w("delInstrText")
_WRAPPERS = {w("smartTag"): w("smartTagPr"), w("customXml"): w("customXmlPr")}
#: records of earlier formatting and markers with no content: dropped
_RECORDS = {
    w(name)
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
    )
}
_INTERESTING = {_DEL, _INS, _MOVE_FROM, _MOVE_TO, *_WRAPPERS, *_RECORDS}


@dataclass
class Resolved:
    """What :func:`resolve_markup` changed in a part."""

    changes: int = 0
    """Tracked changes accepted."""
    wrappers: int = 0
    """Smart-tag and custom-XML wrappers removed."""
    first: Element | None = None
    """The first paragraph that held a tracked change (to locate the note)."""
    deleted_tags: list[tuple[Element | None, str]] = field(default_factory=list)
    """(paragraph, deleted text) of every deletion whose text holds ``{{``, ``{%`` or ``{#``."""

    @property
    def changed(self) -> bool:
        """True when the part was modified."""
        return bool(self.changes or self.wrappers)


def _paragraph_of(el: Element) -> Element | None:
    for anc in el.iterancestors(W_P):
        return anc
    return None


def _remove(el: Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():  # pragma: no cover - WordprocessingML has no mixed content
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _unwrap(el: Element, drop: str | None = None) -> None:
    """Put ``el``'s children (but ``drop``) where ``el`` is."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        if drop is not None and child.tag == drop:
            continue
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _attached(el: Element, root: Element) -> bool:
    top = el
    for anc in el.iterancestors():
        top = anc
    return top is root


def _join_with_next(p: Element) -> None:
    """Accept a deleted paragraph mark: the paragraph's content moves to the start of the
    next paragraph (which keeps its own mark and properties) and the paragraph goes."""
    following = p.getnext()
    if following is None or following.tag != W_P:
        return  # the last paragraph of a cell or of the body keeps its mark
    index = 1 if len(following) and following[0].tag == W_PPR else 0
    for child in list(p):
        if child.tag == W_PPR:
            continue
        following.insert(index, child)
        index += 1
    _remove(p)


def resolve_markup(root: Element) -> Resolved:
    """Accept every tracked change in ``root`` and unwrap smart tags and custom-XML elements
    (in place); see the module's rule."""
    out = Resolved()
    found = [el for el in root.iter(*_INTERESTING)]
    if not found:
        return out
    joins: list[Element] = []
    for el in found:
        if not _attached(el, root):
            continue  # inside a deletion (or row) already dropped
        tag = el.tag
        if tag in _WRAPPERS:
            _unwrap(el, _WRAPPERS[tag])
            out.wrappers += 1
            continue
        p = _paragraph_of(el)
        if out.first is None and p is not None:
            out.first = p
        out.changes += 1
        parent = el.getparent()
        holder = parent.tag if parent is not None else None
        if tag in _RECORDS:
            _remove(el)
        elif tag in (_DEL, _MOVE_FROM):
            if holder == W_RPR and parent is not None and parent.getparent() is not None:
                mark_of = parent.getparent()
                _remove(el)
                if mark_of is not None and mark_of.tag == W_PPR and p is not None:
                    joins.append(p)
            elif holder == _TRPR:
                row = parent.getparent() if parent is not None else None
                if row is not None and row.tag == W_TR:
                    _remove(row)
            else:
                text = "".join(t.text or "" for t in el.iter(_DELTEXT, _DELINSTR, w("t")))
                if "{{" in text or "{%" in text or "{#" in text:
                    out.deleted_tags.append((p, text))
                _remove(el)
        elif holder in (W_RPR, _TRPR) or holder == w("numPr"):
            _remove(el)  # an inserted paragraph mark, row or numbering: keep it, drop the marker
        else:
            _unwrap(el)
    for p in joins:
        _join_with_next(p)
    return out
