"""Turning one Word XML part into a Jinja template source — the work done once per template.

Steps, for every paragraph of the part:

1. compute the visible text (``w:t`` of its runs) and find the Jinja tags in it;
2. refuse tags that cannot be repaired safely (unclosed, crossing a field, a tracked deletion,
   a tab…) and record them as ``error`` problems;
3. repair tags Word split across runs: the whole tag goes into the first run's ``w:t``, the
   following runs keep their remaining text; spell-check marks inside the tag are dropped;
   smart quotes and non-breaking spaces inside the tag become plain ones;
4. replace each tag by a private marker; docxtpl-style tags (``{%p %}``, ``{%tr %}``,
   ``{%tc %}``, ``{%r %}``, ``{{p block }}``) replace their enclosing element by a marker.

Then the part is serialised, every ``{{``/``{%``/``{#`` left in it (text that is not a tag,
field codes, attributes) is escaped so Jinja prints it literally, block tags (``if``/``for``…)
are checked to open and close at the same XML level (otherwise a false ``if`` or a ``for``
would cut the XML in two), and the markers are replaced by the tags, each preceded by a
newline inside a Jinja comment — so a Jinja line number identifies the tag and its paragraph
without adding a byte to the output.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from xml.sax.saxutils import escape as xml_escape

from lxml import etree

from reportgen.diagnostics import catalog
from reportgen.docx.ooxml import (
    BLOCKING,
    NS_W,
    NS_WP,
    W_BODY,
    W_GRIDCOL,
    W_P,
    W_PPR,
    W_RPR,
    W_SECTPR,
    W_T,
    W_TBL,
    W_TBLGRID,
    W_TC,
    W_TR,
    XML_SPACE,
    Element,
    Locator,
    ParagraphText,
    Segment,
    paragraph_text,
    rpr_signature,
)
from reportgen.docx.problems import TemplateProblem
from reportgen.docx.revisions import Resolved, resolve_markup
from reportgen.docx.sections import (
    APPENDIX_BLOCK,
    APPENDIX_WHEN,
    closing_paragraph,
    default_section,
    final_section,
    landscape,
)
from reportgen.docx.tags import (
    Structural,
    Tag,
    normalise_tag,
    parse_structural,
    scan,
    statement_keyword,
)

__all__ = [
    "DOCPR_COUNTER",
    "XML_DECLARATION",
    "Item",
    "PartSource",
    "escape_delimiters",
    "max_docpr_id",
    "parse_part",
    "prepare_part",
]

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DOCPR_COUNTER = "_reportgen_docpr_id"
"""Name of the per-document counter that numbers drawings (``wp:docPr/@id``) in parts with
loops, so that images repeated by a ``for`` keep unique ids."""

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_DELIMS = re.compile(r"\{(?=[{%#])")
_ESCAPED_BRACE = "{% raw %}{{% endraw %}"
_NEWLINES = re.compile(r"\r\n|\r|\n")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MARKER_CHARS = [chr(c) for c in range(0xE000, 0xE100)]
_DOCPR = f"{{{NS_WP}}}docPr"
_BOOKMARK_START = f"{{{NS_W}}}bookmarkStart"
_BOOKMARK_END = f"{{{NS_W}}}bookmarkEnd"

#: Jinja block statements and the tag that closes each.
BLOCK_OPENERS = {
    "for": "endfor",
    "if": "endif",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "block": "endblock",
    "with": "endwith",
    "autoescape": "endautoescape",
    "trans": "endtrans",
    "set": "endset",
}
_MIDDLES = {"elif": ("if",), "else": ("if", "for"), "pluralize": ("trans",)}
_CLOSERS = {v: k for k, v in BLOCK_OPENERS.items()}

#: catalog entries of the marks between the pieces of a split tag (the causes of a repair)
_CAUSES = {
    "proofErr": "template.split-cause-proof-err",
    "bookmark": "template.split-cause-bookmark",
    "pageBreakHint": "template.split-cause-page-break-hint",
    "neutral": "template.split-cause-neutral",
}
#: catalog entries of the marks that make a tag unrepairable
_BLOCKING_MESSAGES = {
    "field": "template.broken-tag-field",
    "deletion": "template.broken-tag-deletion",
    "tab": "template.broken-tag-tab",
    "break": "template.broken-tag-break",
    "object": "template.broken-tag-object",
    "control": "template.broken-tag-control",
}
#: catalog entries naming what a structural tag of each level replaces
_LEVEL_WORDS = {
    "p": "template.level-p",
    "tr": "template.level-tr",
    "tc": "template.level-tc",
    "r": "template.level-r",
}


def _level_word(level: str) -> str:
    """What a ``{%<level> %}`` tag replaces, in Vietnamese (``hàng của bảng``)."""
    return catalog.text(_LEVEL_WORDS[level])


def escape_delimiters(text: str) -> str:
    """Make every ``{{``, ``{%`` and ``{#`` in ``text`` print literally under Jinja."""
    return _DELIMS.sub(_ESCAPED_BRACE, text)


def _literal(raw: str) -> str:
    """Jinja source that prints ``raw`` as the text of a ``w:t``."""
    return escape_delimiters(xml_escape(raw))


def marked(text: str, start: int, end: int) -> str:
    """The paragraph text with ``text[start:end]`` marked by ⟦ ⟧, shortened around it."""
    before, tag, after = text[:start], text[start:end], text[end:]
    if len(before) > 60:
        before = "…" + before[-59:]
    if len(after) > 60:
        after = after[:59] + "…"
    if len(tag) > 120:
        tag = tag[:119] + "…"
    return f"{before}⟦{tag}⟧{after}"


@dataclass(eq=False)
class Item:
    """What replaces one marker in the serialised part."""

    source: str
    """Jinja source inserted for the marker (a tag, an escaped literal, a block)."""
    tag: str
    """The tag as the author wrote it (quotes normalised), for messages."""
    paragraph: int
    """Ordinal of the paragraph the tag came from (0 for internal items)."""
    where: str
    """Vietnamese description of the paragraph's place."""
    text: str
    """The paragraph's visible text with the tag marked by ⟦ ⟧."""
    anchor: Element | None = None
    """The element whose content holds the marker (``w:t`` or the parent of a replaced
    element), for the check that block tags open and close at the same XML level."""
    jinja: bool = True
    """True for a real Jinja tag (gets a line marker; takes part in block pairing)."""
    block: bool = False
    """True for a spliced block (gets a line marker, no pairing)."""


_T = TypeVar("_T")


def starting_at_or_before(starts: Sequence[tuple[int, _T]], line: int | None) -> _T | None:
    """Of ``(first line, thing)`` pairs sorted by line, the thing whose lines contain ``line``
    (the last one starting at or before it)."""
    if line is None:
        return None
    i = bisect.bisect_right(starts, line, key=lambda pair: pair[0])
    return starts[i - 1][1] if i else None


@dataclass
class PartSource:
    """The Jinja source of one part and what is needed to explain its errors."""

    name: str
    source: str
    line_items: list[tuple[int, Item]]
    """(first line, item) for every line marker, sorted by line."""
    items_in_order: list[Item]
    unclosed: list[Item]
    """Block tags (``for``, ``if``…) opened and never closed, outermost first."""
    problems: list[TemplateProblem]
    uses_docpr_counter: bool
    pieces: list[str | Item] = field(default_factory=list)
    """The source as literal text and the items inserted into it, in order (for
    :meth:`source_with`)."""

    def source_with(self, replacements: Mapping[Item, str], suffix: str = "") -> str:
        """Return the source with the items in ``replacements`` replaced by the given Jinja
        (``""`` leaves a tag out) and ``suffix`` appended; every other item keeps its line
        number. Used to check the rest of a part once some of its tags are known to be
        wrong."""
        out: list[str] = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece in replacements:
                lines = len(_NEWLINES.findall(piece.source))
                out.append(replacements[piece] + ("{#" + "\n" * lines + "#}" if lines else ""))
            else:
                out.append(piece.source)
        out.append(suffix)
        return "".join(out)

    def live_items(self) -> list[Item]:
        """The items that are real Jinja tags or spliced blocks, in document order."""
        return [item for item in self.items_in_order if item.jinja or item.block]

    def item_at(self, line: int | None) -> Item | None:
        """Return the item whose line range contains ``line``."""
        return starting_at_or_before(self.line_items, line)


@dataclass
class _StructuralTag:
    info: Structural
    item: int
    t: Element
    p: Element


@dataclass
class _Builder:
    name: str
    root: Element
    blocks: Mapping[str, str]
    locator: Locator = field(init=False)
    m0: str = field(init=False)
    m1: str = field(init=False)
    items: list[Item] = field(default_factory=list)
    problems: list[TemplateProblem] = field(default_factory=list)
    structurals: list[_StructuralTag] = field(default_factory=list)
    p_targets: set[Element] = field(default_factory=set)
    """The paragraphs replaced by ``{%p %}`` tags."""
    replaced: bool = False
    """True once an element was replaced by a structural tag (the part then changes even if
    no Jinja tag is left, e.g. a paragraph holding only ``{#p … #}``)."""

    def __post_init__(self) -> None:
        self.locator = Locator(self.root, self.name)
        existing = etree.tostring(self.root, encoding="unicode")
        free = [c for c in _MARKER_CHARS if c not in existing]
        self.m0, self.m1 = free[0], free[1]

    # -- helpers ---------------------------------------------------------------------------

    def marker(self, index: int) -> str:
        return f"{self.m0}{index}{self.m1}"

    def add_item(self, item: Item) -> int:
        self.items.append(item)
        return len(self.items) - 1

    def problem(
        self,
        p: Element | None,
        text: str,
        key: str,
        /,
        *,
        repaired: bool = False,
        **params: Any,
    ) -> None:
        """Record the catalog entry ``key`` (message, severity, kind) at paragraph ``p``."""
        d = catalog.make(key, **params)
        self.problems.append(
            TemplateProblem(
                part=self.name,
                where=self.locator.where(p) if p is not None else "",
                paragraph=self.locator.paragraph_number(p) if p is not None else 0,
                text=text,
                message=d.message,
                severity=d.severity,
                repaired=repaired,
                code=d.code.removeprefix("template."),
            )
        )

    def item_problem(self, item: Item, key: str, /, **params: Any) -> None:
        """Record the catalog entry ``key`` (message, severity, kind) at the tag ``item``."""
        d = catalog.make(key, **params)
        self.problems.append(
            TemplateProblem(
                part=self.name,
                where=item.where,
                paragraph=item.paragraph,
                text=item.text,
                message=d.message,
                severity=d.severity,
                repaired=False,
                code=d.code.removeprefix("template."),
            )
        )

    def note_resolved(self, resolved: Resolved) -> None:
        """Tell the author what accepting tracked changes did (``info`` problems)."""
        for p, text in resolved.deleted_tags:
            attached = p if p is not None and p in self.locator.ordinal else None
            shown = " ".join(text.split())
            self.problem(attached, f"⟦{_short(shown)}⟧", "template.tracked-deleted-tag")
        if resolved.changes:
            first = resolved.first
            attached = first if first is not None and first in self.locator.ordinal else None
            self.problem(
                attached,
                paragraph_text(attached).text if attached is not None else "",
                "template.tracked-changes-read",
                changes=resolved.changes,
            )

    # -- paragraphs --------------------------------------------------------------------------

    def paragraph(self, p: Element) -> None:
        pt = paragraph_text(p)
        text = pt.text
        if "{" not in text and "}" not in text:
            return
        good: list[Tag] = []
        for tag in scan(text):
            shown = marked(text, tag.start, tag.end)
            if tag.kind == "}}":
                self.problem(p, shown, "template.broken-tag-stray-close")
                continue
            if tag.kind == "%}":
                self.problem(p, shown, "template.broken-tag-stray-block-close")
                continue
            if not tag.closed:
                closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[tag.kind]
                self.problem(
                    p, shown, "template.broken-tag-unclosed", opener=tag.kind, closer=closer
                )
                continue
            blocking = [m for m in pt.marks if tag.start < m.pos < tag.end and m.kind in BLOCKING]
            if blocking:
                self.problem(p, shown, _BLOCKING_MESSAGES[blocking[0].kind])
                continue
            good.append(tag)
        if good:
            self.rewrite(pt, good)

    def rewrite(self, pt: ParagraphText, tags: list[Tag]) -> None:
        text = pt.text
        p = pt.p
        where = self.locator.where(p)
        number = self.locator.paragraph_number(p)
        replacement: dict[int, str] = {}  # tag start -> marker
        for tag in tags:
            raw = text[tag.start : tag.end]
            source = normalise_tag(raw)
            segments = [s for s in pt.segments if s.start < tag.end and s.end > tag.start]
            shown = marked(text, tag.start, tag.end)
            item = Item(source, source, number, where, shown, anchor=segments[0].el)
            index = self.add_item(item)
            replacement[tag.start] = self.marker(index)
            self.note_repair(pt, tag, segments, raw, source, shown)
            for m in pt.marks:
                if m.kind == "proofErr" and tag.start < m.pos < tag.end:
                    _remove_keep_tail(m.el)
            self.classify(item, index, pt, tag, segments[0].el)
        # rebuild the text of every w:t
        for seg in pt.segments:
            new = _rebuild(text, seg, tags, replacement)
            if new != (seg.el.text or ""):
                seg.el.text = new
                if new:
                    seg.el.set(XML_SPACE, "preserve")
        # drop w:t emptied by the repair, then runs left with nothing but formatting
        for seg in pt.segments:
            if seg.el.text:
                continue
            if seg.start == seg.end:
                continue  # it was empty before the repair: leave Word's markup alone
            run = seg.el.getparent()
            if run is None:
                continue
            run.remove(seg.el)
            if all(child.tag == W_RPR for child in run) and run.getparent() is not None:
                _remove_keep_tail(run)

    def note_repair(
        self,
        pt: ParagraphText,
        tag: Tag,
        segments: list[Segment],
        raw: str,
        source: str,
        shown: str,
    ) -> None:
        pieces = [s for s in segments if s.end > s.start]
        notes: list[str] = []
        bracket = catalog.text("template.split-cause-bracket")
        if len(pieces) > 1:
            causes: list[str] = []
            for before, after in itertools.pairwise(pieces):
                between = [m for m in pt.marks if before.end <= m.pos <= after.start]
                for m in between:
                    cause = catalog.text(_CAUSES[m.kind]) if m.kind in _CAUSES else None
                    if cause and cause not in causes:
                        causes.append(cause)
                if before.run is after.run:
                    cause = catalog.text("template.split-cause-one-run")
                elif rpr_signature(before.run) != rpr_signature(after.run):
                    cause = catalog.text("template.split-cause-formatting")
                elif _rsids(before.run) != _rsids(after.run):
                    cause = catalog.text("template.split-cause-rsid")
                else:
                    cause = catalog.text("template.split-cause-runs")
                if not between and cause not in causes:
                    causes.append(cause)
                if after.start in (tag.start + 1, tag.end - 1) and bracket not in causes:
                    causes.append(bracket)
            notes.append(
                catalog.text("template.repair-split", pieces=len(pieces), causes="; ".join(causes))
            )
        if any(c in raw for c in "“”‘’"):
            notes.append(catalog.text("template.repair-quotes"))
        if any(c in raw for c in "\u00a0\u202f\u2007"):
            notes.append(catalog.text("template.repair-spaces"))
        if not unicodedata.is_normalized("NFC", raw):
            notes.append(catalog.text("template.repair-nfc"))
        if notes:
            self.problem(
                pt.p, shown, "template.repaired-tag", repaired=True, detail="; ".join(notes) + "."
            )

    def classify(self, item: Item, index: int, pt: ParagraphText, tag: Tag, t: Element) -> None:
        """Decide what the tag's item becomes: a plain tag, a structural tag, or an error."""
        info = parse_structural(item.source)
        if info is None:
            if statement_keyword(item.source) == "raw":
                self.item_problem(item, "template.unsupported-raw")
                item.source = _literal(item.tag)
                item.jinja = False
            return
        if info.level == "r" and info.kind != "{%":
            item.source = info.jinja if info.kind == "{{" else item.source
            return
        if info.kind == "{{" and info.level in ("tr", "tc"):
            self.item_problem(item, "template.unsupported-level-print", level=info.level)
            item.source = _literal(item.tag)
            item.jinja = False
            return
        if info.kind == "{{":  # {{p name }}
            name = info.body.strip()
            if not _IDENT.match(name) or name not in self.blocks:
                known = ", ".join(sorted(self.blocks)) or catalog.text("template.no-blocks")
                self.item_problem(item, "template.unknown-block-name", name=name, known=known)
                item.source = _literal(item.tag)
                item.jinja = False
                return
        if info.level == "p":
            rest = (pt.text[: tag.start] + pt.text[tag.end :]).strip()
            if rest:
                self.item_problem(item, "template.dropped-paragraph-rest", rest=_short(rest))
        self.structurals.append(_StructuralTag(info, index, t, pt.p))

    # -- structural tags ---------------------------------------------------------------------

    def structural(self) -> None:
        self.p_targets = {st.p for st in self.structurals if st.info.level == "p"}
        for level in ("tr", "tc", "p", "r"):
            groups: dict[Element, list[_StructuralTag]] = {}
            order: list[Element] = []
            for st in self.structurals:
                if st.info.level != level:
                    continue
                target = self.target(st)
                if target is None:
                    continue
                if not _attached(target, self.root):
                    continue  # its row/cell/paragraph was already replaced
                if target not in groups:
                    groups[target] = []
                    order.append(target)
                groups[target].append(st)
            for target in order:
                if level == "r":
                    self.split_run(target, groups[target])
                else:
                    self.replace_element(target, level, groups[target])

    def target(self, st: _StructuralTag) -> Element | None:
        item = self.items[st.item]
        level = st.info.level
        if level == "p":
            return st.p
        if level == "r":
            return st.t.getparent()
        found = _ancestor(st.p, W_TR if level == "tr" else W_TC)
        if found is None:
            self.item_problem(
                item, "template.misplaced-level", level=level, container=_level_word(level)
            )
            item.source = _literal(item.tag)
            item.jinja = False
        return found

    def replace_element(self, target: Element, level: str, group: list[_StructuralTag]) -> None:
        first = self.items[group[0].item]
        if len(group) > 1:
            tags = ", ".join(f"«{self.items[st.item].tag}»" for st in group)
            self.item_problem(
                first,
                "template.misplaced-several",
                container=_level_word(level),
                level=level,
                count=len(group),
                tags=tags,
            )
        if level in ("tr", "tc"):
            own = {self.marker(st.item) for st in group}
            rest = self.visible(target, own).strip()
            if rest:
                self.item_problem(
                    first,
                    "template.dropped-cell-rest",
                    container=_level_word(level),
                    level=level,
                    rest=_short(rest),
                )
        keep_after: list[Element] = []
        keep_before: list[Element] = []
        if level == "p":
            words = [statement_keyword(st.info.jinja) or "" for st in group]
            closes = words[-1].startswith("end")
            kept = self.rescue_paragraph_marks(target, first, closes, loops="for" in words)
            (keep_after if closes else keep_before).extend(kept)
        parent = target.getparent()
        seq: list[Element | str] = []
        for st in group:
            item = self.items[st.item]
            item.anchor = parent
            info = st.info
            if info.kind == "{{":
                item.source = self.blocks[info.body.strip()]
                item.jinja = False
                item.block = True
            else:
                item.source = info.jinja
                item.jinja = info.kind == "{%"
            seq.append(self.marker(st.item))
        _replace_with(target, [*keep_before, *seq, *keep_after])
        self.replaced = True

    def rescue_paragraph_marks(
        self, p: Element, first: Item, closes: bool, *, loops: bool
    ) -> list[Element]:
        """Keep what a paragraph replaced by a ``{%p %}`` tag carries besides its text.

        Bookmarks move to the nearest paragraph that stays — the next one; the previous one for
        a loop's opening tag, so a loop never repeats them — so a cross-reference (PAGEREF,
        REF) to them still resolves; with no such paragraph they stay between paragraphs. A
        section break (``w:sectPr`` in the paragraph's properties) is kept in an empty
        paragraph outside the block — before an opening tag, after a closing one — so the page
        setup of the sections around it never changes. Returns the paragraphs to put beside
        the tag."""
        kept: list[Element] = []
        marks = [m for m in p.iter(_BOOKMARK_START, _BOOKMARK_END)]
        if marks:
            neighbour, at_start = self.neighbour(p, prefer_previous=loops and not closes)
            for m in marks:
                m.tail = None
                m.getparent().remove(m)  # type: ignore[union-attr]
            if neighbour is None:
                kept.extend(marks)
            elif at_start:
                index = 1 if len(neighbour) and neighbour[0].tag == W_PPR else 0
                for m in marks:
                    neighbour.insert(index, m)
                    index += 1
            else:
                neighbour.extend(marks)
        sectpr = p.find(f"{W_PPR}/{W_SECTPR}")
        if sectpr is None:
            return kept
        holder = p.makeelement(W_P)
        ppr = etree.SubElement(holder, W_PPR)
        ppr.append(sectpr)
        self.item_problem(
            first,
            "template.kept-section-break-after" if closes else "template.kept-section-break-before",
        )
        return [*kept, holder]

    def neighbour(self, p: Element, *, prefer_previous: bool) -> tuple[Element | None, bool]:
        """The nearest sibling paragraph of ``p`` that is not itself replaced by a tag, and
        whether the marks go at its start (a following paragraph) or its end."""

        def search(forward: bool) -> Element | None:
            el = p.getnext() if forward else p.getprevious()
            while el is not None:
                if el.tag == W_P and el not in self.p_targets:
                    return el
                el = el.getnext() if forward else el.getprevious()
            return None

        forward = not prefer_previous
        return search(forward), forward

    def split_run(self, run: Element, group: list[_StructuralTag]) -> None:
        """Replace a run holding ``{%r … %}`` tags by: a copy of the run with the text before
        the first tag, the tag, a copy with the text between, …, a copy with the text after."""
        wanted = {self.marker(st.item): st for st in group}
        pattern = re.compile("(" + "|".join(re.escape(m) for m in wanted) + ")")
        parent = run.getparent()
        rpr = run.find(W_RPR)
        seq: list[Element | str] = []

        def fresh() -> Element:
            clone = run.makeelement(run.tag)
            for key, value in run.attrib.items():
                clone.set(key, value)
            if rpr is not None:
                clone.append(copy.deepcopy(rpr))
            return clone

        current = fresh()

        def flush() -> None:
            nonlocal current
            if any(child.tag != W_RPR for child in current):
                seq.append(current)
            current = fresh()

        for child in run:
            if child.tag == W_RPR:
                continue
            if child.tag != W_T or not pattern.search(child.text or ""):
                current.append(copy.deepcopy(child))
                continue
            for piece in pattern.split(child.text or ""):
                if piece in wanted:
                    flush()
                    item = self.items[wanted[piece].item]
                    item.source = wanted[piece].info.jinja
                    item.anchor = parent
                    seq.append(piece)
                elif piece:
                    t = copy.deepcopy(child)
                    t.text = piece
                    t.set(XML_SPACE, "preserve")
                    current.append(t)
        flush()
        _replace_with(run, seq)
        self.replaced = True

    def visible(self, el: Element, skip: set[str]) -> str:
        """The text of every ``w:t`` under ``el``, markers shown as the tags they stand for."""
        text = "".join(t.text or "" for t in el.iter(W_T))
        for marker in skip:
            text = text.replace(marker, "")

        def show(m: re.Match[str]) -> str:
            return self.items[int(m.group(1))].tag

        return re.sub(f"{self.m0}(\\d+){self.m1}", show, text)

    # -- cells and tables that loops or conditions could leave empty ----------------------

    def guard_containers(self) -> None:
        """Keep the output valid when conditions or loops remove every paragraph of a table
        cell or every row of a table (Word refuses a cell without a paragraph and a table
        without a row): such a cell gets an empty paragraph, such a table an empty row, only
        in the documents where nothing else was produced."""
        pattern = re.compile(f"{self.m0}(\\d+){self.m1}")
        targets: list[tuple[Element, str]] = [(tc, W_P) for tc in self.root.iter(W_TC)]
        targets += [(tbl, W_TR) for tbl in self.root.iter(W_TBL)]
        for container, child_tag in targets:
            depth = 0
            safe = False
            conditional: list[Element] = []

            def follow(text: str | None) -> None:
                nonlocal depth
                for m in pattern.finditer(text or ""):
                    item = self.items[int(m.group(1))]
                    if not item.jinja:
                        continue
                    word = statement_keyword(item.source)
                    if word in BLOCK_OPENERS and not (word == "set" and "=" in item.source):
                        depth += 1
                    elif word in _CLOSERS:
                        depth = max(0, depth - 1)

            follow(container.text)
            for child in container:
                if child.tag == child_tag:
                    if depth == 0:
                        safe = True
                    else:
                        conditional.append(child)
                follow(child.tail)
            if not safe and conditional:
                self.guard(container, child_tag, conditional)

    def guard(self, container: Element, child_tag: str, conditional: list[Element]) -> None:
        var = f"_reportgen_guard_{len(self.items)}"

        def internal(source: str) -> str:
            return self.marker(self.add_item(Item(source, "", 0, "", "", jinja=False)))

        container.text = internal(f"{{% set {var} = namespace(found=false) %}}") + (
            container.text or ""
        )
        for child in conditional:
            child.tail = internal(f"{{% set {var}.found = true %}}") + (child.tail or "")
        if child_tag == W_P:
            filler = container.makeelement(W_P)
        else:
            filler = container.makeelement(W_TR)
            columns = max(1, len(container.findall(f"{W_TBLGRID}/{W_GRIDCOL}")))
            for _ in range(columns):
                cell = etree.SubElement(filler, W_TC)
                etree.SubElement(cell, W_P)
        xml = etree.tostring(filler, encoding="unicode")
        last = container[-1]
        last.tail = (last.tail or "") + internal(f"{{% if not {var}.found %}}{xml}{{% endif %}}")
        self.replaced = True

    # -- the appendix section -----------------------------------------------------------------

    def appendix(self, content: str, when: str | None = None) -> None:
        """Add ``content`` (the :data:`APPENDIX_BLOCK`) after the main part in a landscape
        section of its own, in the documents where it renders to something (see
        :mod:`reportgen.docx.sections`)."""
        body = self.root.find(W_BODY)
        if body is None:  # pragma: no cover - the main part always has a body
            return
        own = final_section(self.root)
        if own is None:
            own = default_section()
            body.append(own)
        turned = landscape(own)
        closing = closing_paragraph(copy.deepcopy(own))

        def internal(source: str, *, block: bool = False) -> str:
            item = Item(
                source,
                "{{p " + APPENDIX_BLOCK + " }}" if block else "",
                0,
                catalog.text("template.where-appendix") if block else "",
                "",
                jinja=False,
                block=block,
            )
            return self.marker(self.add_item(item))

        if when:  # the block builder says where the appendix shows
            opening = internal(f"{{% if {when} %}}", block=True)
            shown = internal(content)
        else:  # render it once and look
            var = "_reportgen_appendix"
            opening = internal(
                f"{{% set {var} %}}{content}{{% endset %}}{{% if '<w:' in {var} %}}", block=True
            )
            shown = internal(f"{{{{ {var} }}}}")
        _replace_with(
            own,
            [
                opening,
                closing,
                shown,
                turned,
                internal("{% else %}"),
                copy.deepcopy(own),
                internal("{% endif %}"),
            ],
        )
        self.replaced = True

    # -- drawings ----------------------------------------------------------------------------

    def number_drawings(self) -> bool:
        """In a part with loops, let every drawing id come from the per-document counter."""
        has_loop = any(it.jinja and statement_keyword(it.source) == "for" for it in self.items)
        if not has_loop:
            return False
        found = False
        for el in self.root.iter(_DOCPR):
            if el.get("id") is None:
                continue
            index = self.add_item(Item("{{ " + DOCPR_COUNTER + "() }}", "", 0, "", "", jinja=False))
            el.set("id", self.marker(index))
            found = True
        return found

    # -- assembly ----------------------------------------------------------------------------

    def assemble(self) -> PartSource:
        serialised = etree.tostring(self.root.getroottree(), encoding="unicode")
        serialised = escape_delimiters(serialised)
        pieces = re.split(f"{self.m0}(\\d+){self.m1}", serialised)
        order = [self.items[int(i)] for i in pieces[1::2]]
        unclosed = self.check_pairs(order)
        out: list[str | Item] = [XML_DECLARATION]
        line = 1 + XML_DECLARATION.count("\n")
        line_items: list[tuple[int, Item]] = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(piece)
                line += len(_NEWLINES.findall(piece))
                continue
            item = self.items[int(piece)]
            if item.jinja or item.block:
                lead = "{#-\n#}" if item.source[2:3] == "-" else "{#\n#}"
                out.append(lead)
                line += 1
                line_items.append((line, item))
            out.append(item)
            line += len(_NEWLINES.findall(item.source))
        return PartSource(
            name=self.name,
            source="".join(x if isinstance(x, str) else x.source for x in out),
            line_items=line_items,
            items_in_order=order,
            unclosed=unclosed,
            problems=self.problems,
            uses_docpr_counter=False,
            pieces=out,
        )

    def check_pairs(self, order: list[Item]) -> list[Item]:
        """Check that each block tag and its ``elif``/``else``/``end…`` sit at the same XML
        level; return the block tags left unclosed (Jinja will report those)."""
        stack: list[tuple[str, list[Item]]] = []
        for item in order:
            if not item.jinja:
                continue
            word = statement_keyword(item.source)
            if word is None:
                continue
            if word in BLOCK_OPENERS:
                if word == "set" and "=" in item.source:
                    continue
                stack.append((word, [item]))
            elif word in _MIDDLES and stack and stack[-1][0] in _MIDDLES[word]:
                stack[-1][1].append(item)
            elif word in _CLOSERS and stack and stack[-1][0] == _CLOSERS[word]:
                _, chain = stack.pop()
                chain.append(item)
                self.check_chain(chain)
        return [chain[0] for _, chain in stack]

    def check_chain(self, chain: list[Item]) -> None:
        for a, b in itertools.pairwise(chain):
            if a.anchor is None or b.anchor is None or _same_level(a.anchor, b.anchor):
                continue
            self.item_problem(a, "template.misplaced-pair", tag=a.tag, other=b.tag, where=b.where)
            for item in chain:  # never render a tag pair that would cut the XML
                in_text = item.anchor is not None and item.anchor.tag == W_T
                item.source = _literal(item.tag) if in_text else ""
                item.jinja = False
            return


def _rebuild(text: str, seg: Segment, tags: list[Tag], replacement: dict[int, str]) -> str:
    """The new text of one ``w:t``: text outside tags kept, a tag's marker in the segment
    where the tag starts, the rest of the tag removed."""
    a, b = seg.start, seg.end
    if a == b:
        return text[a:b]
    out: list[str] = []
    pos = a
    for tag in tags:
        if tag.end <= a or tag.start >= b:
            continue
        if tag.start >= a:
            out.append(text[pos : tag.start])
            out.append(replacement[tag.start])
        pos = min(tag.end, b)
    out.append(text[pos:b])
    return "".join(out)


def _rsids(run: Element | None) -> list[tuple[str, str]]:
    if run is None:
        return []
    rsids = [(str(k), str(v)) for k, v in run.attrib.items() if "rsid" in str(k)]
    rpr = run.find(W_RPR)
    if rpr is not None:
        rsids += [(str(k), str(v)) for k, v in rpr.attrib.items() if "rsid" in str(k)]
    return sorted(rsids)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _ancestor(el: Element, tag: str) -> Element | None:
    for anc in el.iterancestors(tag):
        return anc
    return None


def _attached(el: Element, root: Element) -> bool:
    top = el
    for anc in el.iterancestors():
        top = anc
    return top is root


def _same_level(a: Element, b: Element) -> bool:
    """True when the element chains from ``a`` and ``b`` up to their common ancestor have the
    same tag names — then the XML between a marker in ``a`` and one in ``b`` can be removed or
    repeated without unbalancing the document."""
    chain_a = [a, *a.iterancestors()]
    chain_b = [b, *b.iterancestors()]
    position = {id(el): i for i, el in enumerate(chain_b)}
    for i, el in enumerate(chain_a):
        j = position.get(id(el))
        if j is not None:
            return [e.tag for e in chain_a[:i]] == [e.tag for e in chain_b[:j]]
    return False


def _remove_keep_tail(el: Element) -> None:
    _replace_with(el, [])


def _replace_with(el: Element, seq: list[Element | str]) -> None:
    """Put ``seq`` (elements and marker texts) where ``el`` is, keeping ``el``'s tail."""
    parent = el.getparent()
    if parent is None:  # pragma: no cover - never the root
        return
    index = parent.index(el)
    tail = el.tail
    el.tail = None
    parent.remove(el)
    prev = parent[index - 1] if index > 0 else None

    def add_text(text: str) -> None:
        if prev is None:
            assert parent is not None
            parent.text = (parent.text or "") + text
        else:
            prev.tail = (prev.tail or "") + text

    for x in seq:
        if isinstance(x, str):
            add_text(x)
        else:
            x.tail = None
            parent.insert(index, x)
            index += 1
            prev = x
    if tail:
        add_text(tail)


_DOCUMENT = f"{{{NS_W}}}document"


def parse_part(name: str, xml: bytes) -> Element:
    """Parse a part's XML (no entity expansion, no network)."""
    return etree.fromstring(xml, _PARSER)


def prepare_part(name: str, root: Element, blocks: Mapping[str, str]) -> PartSource:
    """Repair and convert one parsed part (modified in place) into a :class:`PartSource`.

    The returned ``source`` is empty when the part has nothing to render (no usable tag); it
    is then copied to outputs untouched. ``problems`` lists what was repaired or refused.
    """
    resolved = resolve_markup(root)
    appendix = blocks.get(APPENDIX_BLOCK) if root.tag == _DOCUMENT else None
    builder = _Builder(name, root, blocks)
    if resolved.changed:
        builder.replaced = True
        builder.note_resolved(resolved)
    for p in list(root.iter(W_P)):
        builder.paragraph(p)
    builder.structural()
    builder.guard_containers()
    if appendix and appendix.strip():
        builder.appendix(appendix, blocks.get(APPENDIX_WHEN))
    uses_counter = builder.number_drawings()
    result = builder.assemble()
    result.uses_docpr_counter = uses_counter
    live = any(item.jinja or item.block for item in result.items_in_order)
    if not (live or uses_counter or builder.replaced):
        result.source = ""  # nothing to render: the part is copied untouched
    return result


def max_docpr_id(xml: bytes) -> int:
    """The largest drawing id (``wp:docPr/@id``) in a part's raw XML, or 0."""
    best = 0
    for m in re.finditer(rb"<[A-Za-z0-9]*:?docPr\b[^>]*?\sid=\"(\d+)\"", xml):
        best = max(best, int(m.group(1)))
    return best
