"""Which names a Word template reads — ``reportgen vars``.

Every variable, filter, test and block placeholder used anywhere in the template — body,
tables, text boxes, headers, footers, footnotes — with the places (in Vietnamese words) where
it appears. Names are read from the Jinja parse tree, not guessed from the text:

* nested names are kept whole: ``{{ chi_tieu.ho_ngheo.cuoi_ky }}`` → ``chi_tieu.ho_ngheo.cuoi_ky``,
  ``{{ can_cu[0].day_du }}`` → ``can_cu[0].day_du``;
* loop variables are resolved to what they iterate: ``{% for dv in cac_don_vi %}{{ dv.ten }}``
  → ``cac_don_vi`` (at the ``for`` tag) and ``cac_don_vi[].ten``; ``{% set d = bao_cao.ngay %}``
  makes ``{{ d }}`` a use of ``bao_cao.ngay``;
* names the template makes itself (``loop``, ``namespace`` objects, macro arguments, ``set``
  results that are not plain names) and the environment's functions (``range``…) are not
  listed;
* ``{{p noi_dung }}`` is listed as a block: the report body is spliced there.

:func:`find_uses` is the shared engine of this module and of :mod:`reportgen.authoring.lint`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import jinja2
from jinja2 import nodes

from reportgen.config.names import FILTER_NAMES as FILTER_DOCS
from reportgen.diagnostics import catalog
from reportgen.docx import (
    PartAnalysis,
    TagSite,
    TemplateAnalysis,
    TemplateProblem,
    analyse_file,
)
from reportgen.templating.environment import make_env

__all__ = [
    "Place",
    "Use",
    "UseKind",
    "VarEntry",
    "VarsReport",
    "discover",
    "find_uses",
    "format_vars_json",
    "format_vars_text",
]

UseKind = Literal["variable", "filter", "test", "block"]
"""What a name is: a context variable, a filter (``| so``), a test (``is defined``) or a
block placeholder (``{{p noi_dung }}``)."""

_INTERNAL_PREFIX = "_reportgen_"


@dataclass(frozen=True)
class Place:
    """Where a name is used: a tag's paragraph."""

    part: str
    """The package part, e.g. ``word/footer1.xml``."""
    where: str
    """The paragraph's place in Vietnamese, e.g. ``chân trang (footer1.xml), đoạn 1``."""
    paragraph: int | None
    """1-based ordinal of the paragraph in its part (None when unknown)."""
    text: str
    """The paragraph's visible text with the tag marked by ``⟦ ⟧``."""

    @classmethod
    def of(cls, site: TagSite | None, part: str) -> Place:
        """The place of a tag (or of the part only, when the tag is unknown)."""
        if site is None:
            return cls(part=part, where=part, paragraph=None, text="")
        return cls(site.part, site.where, site.paragraph or None, site.text)


@dataclass(frozen=True)
class Use:
    """One use of a name at one place."""

    kind: UseKind
    name: str
    """The full name: ``cac_don_vi[].ten``, a filter's name, a block's name."""
    root: str
    """The context name it starts from (``cac_don_vi``); the name itself for a filter."""
    path: tuple[str, ...]
    """The attributes and items after the root: ``("[]", "ten")``; ``[]`` is any item,
    ``[0]`` a given one."""
    place: Place
    in_block: bool
    """True when the use comes from a block spliced at ``{{p name }}`` (e.g. the report body
    generated from the config), not from the template itself."""


def _full_name(root: str, path: Iterable[str]) -> str:
    out = root
    for seg in path:
        out += seg if seg.startswith("[") else "." + seg
    return out


_Binding = tuple[str, tuple[str, ...]] | None
"""What a template-made name stands for: a context path, or None (nothing known)."""


class _Walker:
    """Walks one part's parse tree with Jinja's scoping: ``for``, ``macro``, ``call`` and
    ``with`` open a scope; ``if`` does not; ``set`` declares from where it stands."""

    def __init__(self, part: PartAnalysis, skip: frozenset[str]) -> None:
        self.part = part
        self.skip = skip
        self.scopes: list[dict[str, _Binding]] = [{}]
        self.uses: list[Use] = []

    # -- scopes --------------------------------------------------------------------------

    def lookup(self, name: str) -> tuple[bool, _Binding]:
        for scope in reversed(self.scopes):
            if name in scope:
                return True, scope[name]
        return False, None

    def declare(self, target: nodes.Node, binding: _Binding = None) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = binding
        elif isinstance(target, nodes.Tuple | nodes.List):
            for item in target.items:
                self.declare(item, None)
        elif isinstance(target, nodes.NSRef):
            self.variable(target.name, (), target.lineno)

    def push(self) -> None:
        self.scopes.append({})

    def pop(self) -> None:
        self.scopes.pop()

    # -- recording -----------------------------------------------------------------------

    def add(self, kind: UseKind, root: str, path: tuple[str, ...], lineno: int) -> None:
        site = self.part.tag_at(lineno)
        name = _full_name(root, path) if kind == "variable" else root
        self.uses.append(
            Use(
                kind=kind,
                name=name,
                root=root,
                path=path,
                place=Place.of(site, self.part.name),
                in_block=bool(site and site.block),
            )
        )

    def resolve(self, name: str, path: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
        """The context path a name and its path stand for, or None for template-made names
        and the environment's functions."""
        found, binding = self.lookup(name)
        if found:
            if binding is None:
                return None
            return binding[0], binding[1] + path
        if name in self.skip or name.startswith(_INTERNAL_PREFIX):
            return None
        return name, path

    def variable(self, name: str, path: tuple[str, ...], lineno: int) -> None:
        resolved = self.resolve(name, path)
        if resolved is not None:
            self.add("variable", resolved[0], resolved[1], lineno)

    # -- statements ----------------------------------------------------------------------

    def body(self, statements: Iterable[nodes.Node]) -> None:
        for node in statements:
            self.node(node)

    def node(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child)
        elif isinstance(node, nodes.For):
            self.expr(node.iter)
            binding = self.binding(node.iter, loop=True)
            self.push()
            self.declare(node.target, binding)
            self.scopes[-1]["loop"] = None
            if node.test is not None:
                self.expr(node.test)
            self.body(node.body)
            self.pop()
            self.body(node.else_)
        elif isinstance(node, nodes.If):
            self.expr(node.test)
            self.body(node.body)
            for branch in node.elif_:
                self.node(branch)
            self.body(node.else_)
        elif isinstance(node, nodes.Assign):
            self.expr(node.node)
            self.declare(node.target, self.binding(node.node))
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                self.expr(node.filter)
            self.body(node.body)
            self.declare(node.target)
        elif isinstance(node, nodes.Macro):
            self.scopes[-1][node.name] = None
            self.signature(node.args, node.defaults, node.body)
        elif isinstance(node, nodes.CallBlock):
            self.expr(node.call)
            self.signature(node.args, node.defaults, node.body)
        elif isinstance(node, nodes.FilterBlock):
            self.expr(node.filter)
            self.body(node.body)
        elif isinstance(node, nodes.With):
            for value in node.values:
                self.expr(value)
            self.push()
            for target, value in zip(node.targets, node.values, strict=False):
                self.declare(target, self.binding(value))
            self.body(node.body)
            self.pop()
        elif isinstance(node, nodes.Scope | nodes.OverlayScope):
            self.push()
            self.generic(node)
            self.pop()
        else:
            self.generic(node)

    def signature(
        self, args: list[nodes.Name], defaults: list[nodes.Expr], body: list[nodes.Node]
    ) -> None:
        for default in defaults:
            self.expr(default)
        self.push()
        for arg in args:
            self.declare(arg)
        for name in ("varargs", "kwargs", "caller"):
            self.scopes[-1][name] = None
        self.body(body)
        self.pop()

    def generic(self, node: nodes.Node) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child)
            else:
                self.node(child)

    # -- expressions ---------------------------------------------------------------------

    def binding(self, expr: nodes.Node, *, loop: bool = False) -> _Binding:
        """What a name assigned from ``expr`` stands for (an item of it for a loop)."""
        while isinstance(expr, nodes.Filter) and expr.node is not None:
            expr = expr.node
        chain = _chain(expr)
        if chain is None:
            return None
        name, path, _ = chain
        resolved = self.resolve(name, path)
        if resolved is None:
            return None
        return (resolved[0], resolved[1] + ("[]",)) if loop else resolved

    def expr(self, expr: nodes.Node) -> None:
        chain = (
            _chain(expr) if isinstance(expr, nodes.Getattr | nodes.Getitem | nodes.Name) else None
        )
        if chain is not None:
            name, path, inner = chain
            self.variable(name, path, expr.lineno)
            for sub in inner:
                self.expr(sub)
            return
        if isinstance(expr, nodes.Filter | nodes.Test):
            kind: UseKind = "filter" if isinstance(expr, nodes.Filter) else "test"
            self.add(kind, expr.name, (), expr.lineno)
            if expr.node is not None:
                self.expr(expr.node)
            self.arguments(expr)
            return
        if isinstance(expr, nodes.Call):
            callee = expr.node
            if isinstance(callee, nodes.Getattr):  # a method: x.items()
                self.expr(callee.node)
            else:
                self.expr(callee)
            self.arguments(expr)
            return
        self.generic(expr)

    def arguments(self, expr: nodes.Call | nodes.Filter | nodes.Test) -> None:
        for arg in expr.args:
            self.expr(arg)
        for kw in expr.kwargs:
            self.expr(kw.value)
        for extra in (expr.dyn_args, expr.dyn_kwargs):
            if extra is not None:
                self.expr(extra)


def _chain(expr: nodes.Node) -> tuple[str, tuple[str, ...], list[nodes.Node]] | None:
    """``a.b[0]['c'][i]`` → (``a``, (``b``, ``[0]``, ``c``, ``[]``), [the node ``i``]);
    None when the chain does not start from a plain name."""
    segs: list[str] = []
    inner: list[nodes.Node] = []
    while True:
        if isinstance(expr, nodes.Getattr):
            segs.append(expr.attr)
            expr = expr.node
        elif isinstance(expr, nodes.Getitem):
            arg = expr.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                segs.append(arg.value)
            elif isinstance(arg, nodes.Const) and isinstance(arg.value, int):
                segs.append(f"[{arg.value}]")
            elif isinstance(arg, nodes.Slice):
                inner.append(arg)  # a slice keeps the items' kind
            else:
                segs.append("[]")
                inner.append(arg)
            expr = expr.node
        elif isinstance(expr, nodes.Name):
            return expr.name, tuple(reversed(segs)), inner
        else:
            return None


def find_uses(analysis: TemplateAnalysis, env: jinja2.Environment | None = None) -> list[Use]:
    """Every use of a context variable, filter, test and block in an analysed template, in
    part and document order. Parts (or tags) with syntax errors contribute what still
    parses."""
    env = env or make_env()
    skip = frozenset(env.globals)
    uses: list[Use] = []
    for part in analysis.parts:
        walker = _Walker(part, skip)
        for site in part.tags:
            name = site.block_name
            if name is not None:
                walker.uses.append(
                    Use("block", name, name, (), Place.of(site, part.name), in_block=False)
                )
        if part.ast is not None:
            walker.body(part.ast.body)
        uses.extend(sorted(walker.uses, key=_order_key))
    return uses


def _order_key(use: Use) -> tuple[int, int]:
    return (use.place.paragraph or 0, 0 if use.kind == "block" else 1)


@dataclass(frozen=True)
class VarEntry:
    """A name the template uses and every place it appears (each place once)."""

    name: str
    kind: UseKind
    root: str
    """The context name it starts from (the name itself for filters, tests and blocks)."""
    places: tuple[Place, ...]
    """Each paragraph where it is used, once, in part and document order."""


@dataclass
class VarsReport:
    """What :func:`discover` found in a template."""

    template: str
    variables: list[VarEntry] = field(default_factory=list)
    """Context variables, full names sorted (``bao_cao.so_ky_hieu``, ``cac_don_vi[].ten``)."""
    filters: list[VarEntry] = field(default_factory=list)
    tests: list[VarEntry] = field(default_factory=list)
    blocks: list[VarEntry] = field(default_factory=list)
    problems: list[TemplateProblem] = field(default_factory=list)
    """Errors in tags (syntax, tags Word broke): names in those tags are not listed."""

    def names(self) -> list[str]:
        """The top-level context names the template reads, sorted."""
        return sorted({v.root for v in self.variables})

    def entries(self) -> Iterator[VarEntry]:
        """Every entry: variables, then filters, tests and blocks."""
        yield from self.variables
        yield from self.filters
        yield from self.tests
        yield from self.blocks


def discover(template: Path | str) -> VarsReport:
    """List every variable, filter, test and block that ``template`` uses, with the places.

    Raises :class:`~reportgen.diagnostics.errors.TemplateError` when the file cannot be read or is not a
    Word document. A template with broken tags is still listed (what can be read of it);
    the broken tags are in :attr:`VarsReport.problems`.
    """
    env = make_env()
    analysis = analyse_file(template, env=env, blocks=None)
    return _report(str(template), analysis, find_uses(analysis, env))


def _report(name: str, analysis: TemplateAnalysis, uses: list[Use]) -> VarsReport:
    grouped: dict[tuple[UseKind, str], tuple[str, list[Place]]] = {}
    for use in uses:
        if use.in_block:
            continue
        _, places = grouped.setdefault((use.kind, use.name), (use.root, []))
        if not any((p.part, p.paragraph) == (use.place.part, use.place.paragraph) for p in places):
            places.append(use.place)  # each paragraph once (the first tag marked)
    report = VarsReport(template=name)
    report.problems = [p for p in analysis.problems if p.severity == "error"]
    lists = {
        "variable": report.variables,
        "filter": report.filters,
        "test": report.tests,
        "block": report.blocks,
    }
    for (kind, entry_name), (root, places) in sorted(grouped.items(), key=lambda kv: kv[0][1]):
        lists[kind].append(VarEntry(entry_name, kind, root, tuple(places)))
    return report


_HEADINGS = {
    "variable": "Biến",
    "filter": "Bộ lọc",
    "test": "Phép thử",
    "block": "Khối nội dung",
}


def _places_text(places: tuple[Place, ...], limit: int = 4) -> str:
    shown = [p.where for p in places[:limit]]
    more = len(places) - limit
    if more > 0:
        shown.append(catalog.text("template.vars-more-places", count=more))
    return "; ".join(shown)


def format_vars_text(report: VarsReport) -> str:
    """The report as Vietnamese text: one section per kind, one line per name with the places
    it appears in (the first four), filters with their one-line documentation."""
    lines = [catalog.text("template.vars-title", template=report.template)]
    sections: list[tuple[UseKind, list[VarEntry]]] = [
        ("variable", report.variables),
        ("filter", report.filters),
        ("test", report.tests),
        ("block", report.blocks),
    ]
    for kind, entries in sections:
        if not entries:
            continue
        lines.append("")
        lines.append(f"{_HEADINGS[kind]} ({len(entries)}):")
        width = min(40, max(len(e.name) for e in entries))
        for entry in entries:
            lines.append(f"  {entry.name.ljust(width)}  {_places_text(entry.places)}")
            if kind == "filter" and entry.name in FILTER_DOCS:
                lines.append(f"  {'':{width}}  ({FILTER_DOCS[entry.name].replace('``', '')})")
            if kind == "block":
                lines.append(f"  {'':{width}}  {catalog.text('template.vars-block-note')}")
    if not any(entries for _, entries in sections):
        lines.append("")
        lines.append(catalog.text("template.vars-empty"))
    if report.problems:
        lines.append("")
        lines.append(
            catalog.text(
                "template.vars-problems", count=len(report.problems), template=report.template
            )
        )
    lines.append("")
    lines.append(
        catalog.text(
            "template.vars-total",
            variables=len(report.variables),
            names=len(report.names()),
            filters=len(report.filters),
            blocks=len(report.blocks),
        )
    )
    return "\n".join(lines) + "\n"


def _place_json(place: Place) -> dict[str, object]:
    return {
        "part": place.part,
        "where": place.where,
        "paragraph": place.paragraph,
        "text": place.text,
    }


def format_vars_json(report: VarsReport) -> str:
    """The report as JSON: ``{"template", "variables", "filters", "tests", "blocks",
    "problems"}``; each entry ``{"name", "root", "places": [{"part", "where", "paragraph",
    "text"}]}``. Keys and order are stable."""

    def entries(items: list[VarEntry]) -> list[dict[str, object]]:
        return [
            {"name": e.name, "root": e.root, "places": [_place_json(p) for p in e.places]}
            for e in items
        ]

    data = {
        "template": report.template,
        "variables": entries(report.variables),
        "filters": entries(report.filters),
        "tests": entries(report.tests),
        "blocks": entries(report.blocks),
        "problems": [
            {
                "part": p.part,
                "where": p.where,
                "paragraph": p.paragraph or None,
                "text": p.text,
                "message": p.message,
            }
            for p in report.problems
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
