"""Looking at a template without rendering it: every tag with its place, every syntax error.

:func:`analyse` reads and prepares a template exactly as :class:`PreparedTemplate` does
(repairing the tags Word split across runs, converting ``{%p %}``/``{%tr %}`` tags) but never
stops at the first problem. Each tag is checked on its own (an expression that does not
parse, an unknown statement, ``{% include %}``…), then the block tags of each part are paired
(an ``{% if %}`` never closed is reported at the ``{% if %}``, a stray ``{% endfor %}`` at
itself), and finally the part is parsed with the wrong tags left out, so that one mistake
does not hide the others and the parse tree of the rest is available to tools that want to
know which names a template reads (``reportgen lint``, ``reportgen vars``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import _mutable_spec

from reportgen.diagnostics import catalog
from reportgen.docx.prepare import (
    BLOCK_OPENERS,
    Item,
    PartSource,
    starting_at_or_before,
)
from reportgen.docx.problems import TemplateProblem
from reportgen.docx.tags import parse_structural, statement_keyword
from reportgen.docx.template import _check_env, read_sources, syntax_problem
from reportgen.docx.zipio import read_template_file

__all__ = [
    "PartAnalysis",
    "TagSite",
    "TemplateAnalysis",
    "analyse",
    "analyse_file",
    "sandbox_problems",
]

# "trans" needs Jinja's i18n extension, which the environment does not load: lint reports it
# as an unknown statement rather than as an unclosed block
_OPENERS = {k: v for k, v in BLOCK_OPENERS.items() if k != "trans"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
#: a minimal opening tag for each block keyword, to check a closing tag on its own
_DUMMY_OPEN = {
    "for": "{% for _ in _ %}",
    "if": "{% if true %}",
    "macro": "{% macro _m() %}",
    "call": "{% call _m() %}",
    "filter": "{% filter upper %}",
    "block": "{% block _b %}",
    "with": "{% with %}",
    "autoescape": "{% autoescape true %}",
    "set": "{% set _s %}",
}
#: statements Jinja accepts that cannot work in a Word template (no other template to load)
_NO_LOADER = {"include", "extends", "import", "from"}
#: every statement keyword a template author may use
STATEMENTS = (
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "set",
    "endset",
    "with",
    "endwith",
    "macro",
    "endmacro",
    "call",
    "endcall",
    "filter",
    "endfilter",
    "autoescape",
    "endautoescape",
)


@dataclass(frozen=True)
class TagSite:
    """One tag of a template as the author wrote it, and where it is."""

    part: str
    """The package part, e.g. ``word/document.xml``."""
    where: str
    """The paragraph's place in Vietnamese, e.g. ``bảng 1, hàng 2, ô 3, đoạn 1``."""
    paragraph: int
    """1-based ordinal of the paragraph in its part."""
    text: str
    """The paragraph's visible text with the tag marked by ``⟦ ⟧``."""
    tag: str
    """The tag as written (smart quotes made straight), e.g. ``{%p if x %}``."""
    source: str
    """The Jinja the engine compiles for it (``{% if x %}``), or a spliced block's content."""
    block: bool
    """True for a ``{{p name }}`` block placeholder."""

    @property
    def block_name(self) -> str | None:
        """The block's name for a ``{{p name }}`` placeholder, else None."""
        if not self.block:
            return None
        info = parse_structural(self.tag)
        return info.body.strip() if info is not None else None


@dataclass
class PartAnalysis:
    """The tags of one templated part, its syntax problems and its parse tree."""

    name: str
    """The package part, e.g. ``word/header1.xml``."""
    tags: list[TagSite]
    """The live tags (Jinja tags and block placeholders), in document order."""
    ast: nodes.Template | None
    """The Jinja parse tree of the part with its wrong tags left out; None when even that
    does not parse."""
    problems: list[TemplateProblem]
    """The syntax problems of the part (code ``jinja-syntax``)."""
    lines: list[tuple[int, TagSite]] = field(default_factory=list)
    """(first line in the part's Jinja source, tag), sorted by line."""
    comments: list[TagSite] = field(default_factory=list)
    """Every comment tag (``{# … #}`` and ``{#p … #}``), in document order."""

    def tag_at(self, lineno: int | None) -> TagSite | None:
        """Return the tag whose lines contain Jinja line ``lineno`` (a node's ``lineno``)."""
        return starting_at_or_before(self.lines, lineno)


@dataclass
class TemplateAnalysis:
    """Everything known about a template before rendering it."""

    name: str
    """The template's name (its path when read from a file)."""
    parts: list[PartAnalysis]
    """The templated parts, in package order."""
    problems: list[TemplateProblem]
    """Every problem: repairs and unrepairable tags found while preparing, then the syntax
    problems, part by part in package order."""

    @property
    def errors(self) -> list[TemplateProblem]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.severity == "error"]


class _AnyBlock(Mapping[str, str]):
    """Blocks for discovery: every ``{{p name }}`` is accepted and spliced as nothing."""

    def __getitem__(self, key: str) -> str:
        return ""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def analyse_file(
    path: str | Path, *, env: jinja2.Environment, blocks: Mapping[str, str] | None = None
) -> TemplateAnalysis:
    """Read the template at ``path`` and :func:`analyse` it.

    Raises :class:`TemplateError` when the file cannot be read or is not a Word document.
    """
    return analyse(read_template_file(Path(path)), env=env, blocks=blocks, name=str(path))


def analyse(
    data: bytes,
    *,
    env: jinja2.Environment,
    blocks: Mapping[str, str] | None = None,
    name: str = "<template>",
) -> TemplateAnalysis:
    """Analyse the template in ``data`` (the bytes of a .docx) without rendering it.

    ``blocks`` are spliced at ``{{p name }}`` placeholders as in rendering; with None every
    placeholder is accepted and spliced as nothing (to discover names without a config).
    Never raises for a problem in a tag: every problem is in :attr:`TemplateAnalysis.problems`.
    Raises :class:`TemplateError` only when the data is not a readable Word document.
    """
    _check_env(env)
    package = read_sources(data, _AnyBlock() if blocks is None else blocks, name)
    problems = list(package.problems)
    parts: list[PartAnalysis] = []
    for source in package.prepared:
        part = _analyse_part(env, source)
        problems.extend(part.problems)
        parts.append(part)
    return TemplateAnalysis(name=name, parts=parts, problems=problems)


def _site(part: str, item: Item) -> TagSite:
    return TagSite(
        part=part,
        where=item.where,
        paragraph=item.paragraph,
        text=item.text,
        tag=item.tag,
        source=item.source,
        block=item.block,
    )


def _problem(part: str, item: Item, message: str, hint: str) -> TemplateProblem:
    return TemplateProblem(
        part=part,
        where=item.where,
        paragraph=item.paragraph,
        text=item.text,
        message=message,
        severity="error",
        repaired=False,
        code="jinja-syntax",
        hint=hint,
    )


def _analyse_part(env: jinja2.Environment, source: PartSource) -> PartAnalysis:
    sites = {id(item): _site(source.name, item) for item in source.live_items()}
    tags = [sites[id(item)] for item in source.live_items()]
    lines = [(line, sites[id(item)]) for line, item in source.line_items if id(item) in sites]
    comments = [
        _site(source.name, item) for item in source.items_in_order if item.tag.startswith("{#")
    ]
    if not source.source:
        return PartAnalysis(source.name, tags, None, [], lines, comments)
    statements = [item for item in source.items_in_order if item.jinja]
    errors: dict[Item, tuple[str, str]] = {}
    for item in statements:
        error = tag_error(env, item.source, item.tag)
        if error is not None:
            errors[item] = error
    pairing = _Pairing(statements, set(errors))
    found = [(item, *error) for item, error in errors.items()] + pairing.reports
    order = {id(item): i for i, item in enumerate(source.items_in_order)}
    found.sort(key=lambda entry: order.get(id(entry[0]), 0))
    problems = [_problem(source.name, item, message, hint) for item, message, hint in found]
    text = source.source
    if found:
        text = source.source_with(*pairing.healing(errors))
    ast: nodes.Template | None
    try:
        ast = env.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        ast = None
        fallback = syntax_problem(source, exc)
        if not any((p.paragraph, p.text) == (fallback.paragraph, fallback.text) for p in problems):
            problems.append(replace(fallback, hint=_expression_hint()))
    part = PartAnalysis(source.name, tags, ast, problems, lines, comments)
    if ast is not None:
        problems.extend(sandbox_problems(part, ast))
    return part


#: attribute names the sandbox refuses on some objects (besides every name starting with
#: "_"): methods that change a list, dict or set in place, and generator internals
_MUTATING = frozenset(name for _, names in _mutable_spec for name in names)
_UNSAFE_ANYWHERE = frozenset({"gi_frame", "gi_code", "cr_frame", "cr_code", "ag_code", "ag_frame"})


def _unsafe_name(name: object, called: bool) -> str | None:
    if not isinstance(name, str):
        return None
    if name.startswith("_") or name in _UNSAFE_ANYWHERE:
        return name
    if called and name in _MUTATING:
        return name
    return None


def sandbox_message(tag: str, name: str) -> str:
    """Vietnamese: tag ``tag`` uses ``name``, which the sandbox refuses."""
    return catalog.text(_sandbox_key(name), tag=tag, name=name)


def _sandbox_key(name: str) -> str:
    if name.startswith("_") or name in _UNSAFE_ANYWHERE:
        return "template.sandbox-private"
    return "template.sandbox-mutating"


def sandbox_problems(part: PartAnalysis, ast: nodes.Template) -> list[TemplateProblem]:
    """The tags of a part that the sandbox will refuse at render time — reading an attribute
    whose name starts with ``_`` (``''.__class__``, ``x.__globals__``, ``x['_y']``,
    ``x | attr('__dict__')``), calling a method that changes a list, dict or set
    (``ds.append(1)``) — each located at its tag, so lint names them instead of every render
    failing."""
    called: set[int] = {id(call.node) for call in ast.find_all(nodes.Call)}
    found: list[tuple[int | None, str]] = []
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: str | None = None
        if isinstance(node, nodes.Getattr):
            name = _unsafe_name(node.attr, id(node) in called)
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = _unsafe_name(node.arg.value, id(node) in called)
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            arg = node.args[0]
            if isinstance(arg, nodes.Const):
                name = _unsafe_name(arg.value, id(node) in called)
        if name is not None:
            found.append((node.lineno, name))
    out: list[TemplateProblem] = []
    seen: set[tuple[int, str]] = set()
    # innermost first: find_all walks a chain `x.a.b` from its outer end
    for lineno, name in sorted(reversed(found), key=lambda pair: pair[0] or 0):
        site = part.tag_at(lineno)
        if site is None or site.block:
            continue  # internal items and spliced blocks are not the author's tags
        key = (site.paragraph, site.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            TemplateProblem(
                part=part.name,
                where=site.where,
                paragraph=site.paragraph,
                text=site.text,
                message=sandbox_message(site.tag, name),
                severity="error",
                repaired=False,
                code="sandbox",
                hint=catalog.hint(_sandbox_key(name)) or "",
            )
        )
    return out


def tag_error(
    env: jinja2.Environment, source: str, shown: str | None = None
) -> tuple[str, str] | None:
    """Check one tag on its own; return (message, hint) in Vietnamese when it is wrong.

    ``source`` is the Jinja of the tag, ``shown`` the tag as the author wrote it (for the
    message). Block tags are checked with a matching opening or closing tag added, so only
    the tag's own mistakes are reported here (pairing is checked separately).
    """
    shown = shown or source
    if source.startswith("{#"):
        return None
    word = statement_keyword(source)
    if word in _NO_LOADER:
        return (
            catalog.text("template.loader-tag", tag=shown, word=word),
            catalog.hint("template.loader-tag") or "",
        )
    if source.startswith("{{") or word is None:
        test = source
    elif word in _OPENERS and not (word == "set" and "=" in source):
        test = source + "{% end" + word + " %}"
    elif word in _MIDDLES:
        test = "{% if true %}" + source + "{% endif %}"
    elif word in _CLOSERS:
        test = _DUMMY_OPEN[_CLOSERS[word]] + source
    else:
        test = source
    try:
        env.parse(test)
    except jinja2.TemplateSyntaxError as exc:
        message = exc.message or str(exc)
        if message.lower().startswith("encountered unknown tag") and word is not None:
            close = difflib.get_close_matches(word, STATEMENTS, n=1, cutoff=0.6)
            known = ", ".join(STATEMENTS)
            hint = (
                catalog.text("template.unknown-statement-guess", guess=close[0], known=known)
                if close
                else catalog.text("template.unknown-statement-hint", known=known)
            )
            return explain_syntax(shown, message), hint
        return explain_syntax(shown, message), _expression_hint()
    return None


def _expression_hint() -> str:
    """The general fix of a tag written wrong."""
    return catalog.hint("template.syntax-explained") or ""


def explain_syntax(shown: str, message: str) -> str:
    """A Vietnamese explanation of Jinja's syntax error ``message`` about tag ``shown``,
    followed by Jinja's own words in parentheses."""
    lower = message.lower()
    quoted = message.split("'")[1] if message.count("'") >= 2 else "?"
    if lower.startswith("encountered unknown tag"):
        why = "template.syntax-why-unknown-statement"
    elif lower.startswith("tag name expected"):
        why = "template.syntax-why-no-statement"
    elif lower.startswith("expected an expression"):
        why = "template.syntax-why-no-expression"
    elif "expected token 'end of print statement'" in lower:
        why = "template.syntax-why-space-in-name"
    elif "expected token 'end of statement block'" in lower:
        why = "template.syntax-why-statement-end"
    elif lower.startswith("unexpected char"):
        why = "template.syntax-why-char"
    elif lower.startswith("unexpected '") or lower.startswith("unexpected end of"):
        why = "template.syntax-why-incomplete"
    elif "expected name" in lower:
        why = "template.syntax-why-name-expected"
    elif "unclosed" in lower or "expected token ')'" in lower or "expected token ']'" in lower:
        why = "template.syntax-why-unclosed"
    else:
        why = "template.syntax-why-other"
    what = catalog.text(why, word=quoted, char=quoted)
    return catalog.text("template.syntax-explained", tag=shown, what=what, jinja=message)


def _closing_tag(item: Item, word: str) -> str:
    info = parse_structural(item.tag)
    level = info.level if info is not None else ""
    return "{%" + level + " end" + word + " %}"


class _Pairing:
    """Pairs the block tags of a part (``if``…``endif``, ``for``…``endfor``…), collects a
    message and a hint for each tag without a partner, and knows how to heal the part so that
    the rest of it can still be parsed: stray tags left out, missing closing tags added where
    the block must end, wrong tags replaced by neutral ones of the same shape (so their
    partners stay paired and the names inside their blocks stay in scope)."""

    def __init__(self, statements: list[Item], reported: set[Item]) -> None:
        self.reported = reported
        self.reports: list[tuple[Item, str, str]] = []
        self.drop: set[Item] = set()
        self.kind: dict[Item, str] = {}
        """The keyword of every block tag that takes part in a pair."""
        self.partner: dict[Item, Item] = {}
        """Closing (or middle) tag → its opening tag."""
        self.closes: dict[Item, list[Item]] = {}
        """Closing tag → the inner opening tags it cuts short (innermost first)."""
        self.stack: list[tuple[str, Item]] = []
        # blocks cut short by an outer closing tag: (keyword, opening tag, that closing tag)
        self.cut: list[tuple[str, Item, Item]] = []
        for item in statements:
            self.add(item)
        self.finish()

    def report(self, item: Item, key: str, /, **params: Any) -> None:
        """Report the catalog entry ``key`` (its message and hint) at ``item``."""
        if item not in self.reported:
            d = catalog.make(key, **params)
            self.reports.append((item, d.message, d.hint or ""))

    def add(self, item: Item) -> None:
        word = statement_keyword(item.source)
        if word is None:
            return
        if word in _OPENERS:
            if not (word == "set" and "=" in item.source):
                self.stack.append((word, item))
                self.kind[item] = word
            return
        if word in _MIDDLES:
            allowed = _MIDDLES[word]
            if not self.stack or self.stack[-1][0] not in allowed:
                openers = catalog.text("template.pairing-or").join(
                    "{% " + o + " … %}" for o in allowed
                )
                self.report(item, "template.pairing-middle-outside", tag=item.tag, openers=openers)
                self.drop.add(item)
            else:
                self.kind[item] = word
                self.partner[item] = self.stack[-1][1]
            return
        if word not in _CLOSERS:
            return
        opener = _CLOSERS[word]
        stack = self.stack
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
        if depth is not None:
            inner = stack[depth + 1 :]
            self.cut.extend((w, opened, item) for w, opened in inner)
            self.closes[item] = [opened for _, opened in reversed(inner)]
            self.kind[item] = word
            self.partner[item] = stack[depth][1]
            del stack[depth:]
            return
        crossed = next((c for c in reversed(self.cut) if c[0] == opener), None)
        self.drop.add(item)
        if crossed is not None:
            self.cut.remove(crossed)
            _, opened, outer = crossed
            self.report(
                opened,
                "template.pairing-crossed",
                opened=opened.tag,
                tag=item.tag,
                where=item.where,
                outer=outer.tag,
                outer_where=outer.where,
            )
            return
        self.report(item, "template.pairing-stray-close", tag=item.tag, opener=opener)

    def finish(self) -> None:
        for inner, opened, outer in self.cut:
            closing = _closing_tag(opened, inner)
            self.report(
                opened,
                "template.pairing-cut",
                tag=opened.tag,
                closing=closing,
                outer=outer.tag,
                outer_where=outer.where,
            )
        for word, opened in self.stack:
            closing = _closing_tag(opened, word)
            self.report(opened, "template.pairing-unclosed", tag=opened.tag, closing=closing)

    def healing(self, wrong: Collection[Item]) -> tuple[dict[Item, str], str]:
        """Replacement Jinja for the tags to change so that the part parses, and the closing
        tags to add at its end."""
        # a loop whose opening tag is wrong keeps its variables: {% for x in () %}; any
        # other block whose opening tag is wrong becomes {% if true %} … {% endif %}
        loops = {item: _empty_loop(item.source) for item in wrong if self.kind.get(item) == "for"}
        neutral = {
            item for item in wrong if self.kind.get(item) in _OPENERS and loops.get(item) is None
        }

        def end(opened: Item) -> str:
            return "{% endif %}" if opened in neutral else "{% end" + self.kind[opened] + " %}"

        out: dict[Item, str] = {item: "" for item in self.drop}
        for item in wrong:
            word = self.kind.get(item)
            if word is None:
                out[item] = ""
            elif item in neutral:
                out[item] = "{% if true %}"
            elif loops.get(item):
                out[item] = str(loops[item])
            elif word == "elif":
                out[item] = "{% elif true %}"
            else:  # else, or a closing tag
                out[item] = "{% " + word + " %}"
        for item, opened in self.partner.items():
            if opened in neutral and statement_keyword(item.source) in _CLOSERS:
                out[item] = "{% endif %}"
        for item, inner in self.closes.items():
            out[item] = "".join(end(o) for o in inner) + out.get(item, item.source)
        suffix = "".join(end(opened) for _, opened in reversed(self.stack))
        return out, suffix


_LOOP_TARGET = re.compile(r"^\{%-?\s*for\s+(?P<target>.+?)\s+in\b")
_PLAIN = jinja2.Environment()


def _empty_loop(source: str) -> str | None:
    """``{% for dv in cac_don_vi if %}`` → ``{% for dv in () %}`` (None when the loop's
    variables cannot be read either)."""
    m = _LOOP_TARGET.match(source)
    if m is None:
        return None
    tag = "{% for " + m.group("target") + " in () %}"
    try:
        _PLAIN.parse(tag + "{% endfor %}")
    except jinja2.TemplateSyntaxError:
        return None
    return tag
