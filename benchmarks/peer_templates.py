"""The report's template and data in the form other engines read (used by batch_bench.py).

reportgen's template (with the report body spliced in) is Jinja inside WordprocessingML. Two
kinds of tag occur: ``{{ expression }}`` inside a text run, and block tags — ``{%p … %}`` (the
whole paragraph holding the tag stands for the tag) and bare ``{% … %}`` between or inside XML
elements. This module parses that into a small tree and writes it out again for docxtemplater
(``{key}``, sections ``{#key}`` … ``{/key}``, inverted sections ``{^key}`` … ``{/key}``,
``paragraphLoop``) and for Carbone (``{d.key}``, ``{d.key:ifEQ(true):showBegin}`` …
``{d.key:showEnd}``, loops written once with ``[i]`` and once with ``[i+1]``).

What is translated, and how:

- ``{{ expression }}`` becomes one field whose value is the expression's text as reportgen prints
  it (its Vietnamese filters applied), computed here in Python for every unit;
- ``if`` / ``elif`` / ``else``: a plain ``if`` (with or without ``else``) is one true/false field,
  the ``else`` an inverted section (docxtemplater) or ``ifEQ(false)`` (Carbone); an ``elif``
  chain is one true/false field per branch, exactly one of them true;
- ``for x in …``: a list of objects, one per item, each with the fields, conditions and lists
  inside the loop (``loop.index``, ``loop.first`` … computed per item); nested loops nest;
- ``set name = …`` / ``set ns.attr = …``: no output; it takes effect in the Python evaluation, in
  document order and in Jinja's scope (inside a loop, per item). A field or condition that reads
  a name some ``set`` assigns gets its own key at each place it occurs, as its value may differ;
- where a tag stands decides how the peer's tags are placed: between paragraphs and tables
  (their own paragraphs, removed by ``paragraphLoop``), between table rows (in the row's first
  and last cell), between runs (their own runs) or inside text (in place);
- a condition inside a paragraph's or run's properties (``<w:pPr>{% if loop.first %}<w:keepNext/>
  {% endif %}…``, a highlight in ``<w:rPr>``) cannot be written in the peers' tags, which live in
  text: the enclosing run, paragraph or — inside a table — row is written twice, with and without
  the property, under a condition (an exact rewrite in Jinja too; ``hoist``).

Anything else (``{% macro %}``, ``{% with %}``, a loop's ``else`` or filter, a block ``set``,
a property condition that is not a plain ``if … endif``, literal braces in the text …) raises
``Unsupported`` naming the tag, so the benchmark says which engine it skipped and why.

So both peers fill the same paragraphs, tables and fields with the same text, but do no
formatting or arithmetic of their own: their timings are template filling, zipping and writing.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PARTS = ("word/document", "word/header", "word/footer")
"""Name prefixes of the parts that may hold tags."""


class Unsupported(ValueError):
    """The template uses a tag this translation does not handle; the message names it."""


# --- the tree --------------------------------------------------------------------------------

BLOCK, ROW, RUN, TEXT = "block", "row", "run", "text"
"""Where a block tag stands: between paragraphs/tables, between table rows, between the runs of
a paragraph, inside a run's text."""


@dataclass
class Field:
    """``{{ expr }}``; ``key`` names its value in the data."""

    expr: str
    key: str


@dataclass
class Set:
    """``{% set target = expr %}`` (``target`` a name or ``name.attr``)."""

    target: str
    expr: str


@dataclass
class If:
    """``if`` with its ``elif``/``else`` branches: ``(condition or None for else, body)``.

    ``keys`` holds one key for a plain ``if``/``else`` (the ``else`` is its negation) or one per
    branch for an ``elif`` chain."""

    branches: list[tuple[str | None, list[Node]]]
    level: str
    keys: list[str] = field(default_factory=list)

    @property
    def chain(self) -> bool:
        """An ``elif`` chain: one true/false field per branch."""
        return len(self.branches) > 2 or (
            len(self.branches) == 2 and self.branches[1][0] is not None
        )


@dataclass
class For:
    """``for var in iterable``; ``key`` names its list of objects."""

    var: str
    iterable: str
    level: str
    children: list[Node] = field(default_factory=list)
    key: str = ""


Node = str | Field | Set | If | For


# --- reading reportgen's template --------------------------------------------------------------

_PARA_TAG = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?\{%p\s*(.*?)\s*%\}.*?</w:p>", re.S)
_TAG = re.compile(r"\{%-?\s*(.*?)\s*-?%\}|\{\{-?\s*(.*?)\s*-?\}\}|\{#.*?#\}", re.S)
_ELEMENT = re.compile(r"<(/?)([\w:]+)[^>]*?(/?)>")
_SET = re.compile(r"^([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*=(?!=)\s*(.+)$", re.S)
_FOR = re.compile(r"^([A-Za-z_]\w*)\s+in\s+(.+)$", re.S)
_STMT_WORD = re.compile(r"^(\w+)")
_CONTAINERS = {"w:body", "w:tc", "w:hdr", "w:ftr", "w:sdtContent", "w:txbxContent"}


def _level(stack: list[str], stmt: str) -> str:
    """Where a tag stands, from the elements open around it."""
    inner = stack[-1] if stack else "w:body"
    if inner in _CONTAINERS:
        return BLOCK
    if inner == "w:tbl":
        return ROW
    if inner in ("w:p", "w:hyperlink", "w:smartTag", "w:fldSimple"):
        return RUN
    if inner == "w:t":
        return TEXT
    raise Unsupported(
        f"{{% {stmt} %}} inside <{inner}>: the peers' tags can only stand in text, between runs, "
        "paragraphs or table rows"
    )


def _tokens(xml: str) -> Iterator[tuple[str, str, str]]:
    """``("text", xml, "")``, ``("field", expr, "")`` and ``("tag", statement, level)`` in
    document order."""
    spans: list[tuple[int, int, str, str]] = []
    para_spans = [(m.start(), m.end(), m.group(1)) for m in _PARA_TAG.finditer(xml)]
    spans += [(s, e, "tag", stmt) for s, e, stmt in para_spans]
    for m in _TAG.finditer(xml):
        if any(s <= m.start() < e for s, e, _ in para_spans):
            continue
        if m.group(1) is not None:
            spans.append((m.start(), m.end(), "tag", m.group(1)))
        elif m.group(2) is not None:
            spans.append((m.start(), m.end(), "field", m.group(2)))
        else:
            spans.append((m.start(), m.end(), "comment", ""))
    stack: list[str] = []

    def walk(text: str) -> None:
        for el in _ELEMENT.finditer(text):
            closing, name, empty = el.groups()
            if closing:
                while stack and stack.pop() != name:
                    pass
            elif not empty and not name.startswith("?"):
                stack.append(name)

    pos = 0
    for start, end, kind, value in sorted(spans):
        if start > pos:
            walk(xml[pos:start])
            yield "text", xml[pos:start], ""
        if kind == "tag":
            yield "tag", value, _level(stack, value)
        elif kind == "field":
            yield "field", value, ""
        pos = end
    if pos < len(xml):
        yield "text", xml[pos:], ""


def _names(expr: str) -> set[str]:
    """The variable names an expression reads."""
    from jinja2 import Environment, nodes

    ast = Environment().parse("{{ " + expr + " }}")
    return {n.name for n in ast.find_all(nodes.Name)}


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return text.encode("ascii", "ignore").decode("ascii")


MAX_KEY = 60
"""Longer keys are cut and told apart by a hash of the expression."""


def key_of(expr: str) -> str:
    """A JSON key for an expression: ``dv.tong_so_ho | so`` → ``dv_tong_so_ho__so``."""
    key = re.sub(r"\s*\|\s*", "__", _ascii(expr).strip())
    key = re.sub(r"\W+", "_", key, flags=re.A).strip("_") or "v"
    if len(key) > MAX_KEY:
        key = key[: MAX_KEY - 9] + "_" + hashlib.sha1(expr.encode()).hexdigest()[:8]
    return key


class _Keys:
    """Hands out the keys of one part: the same expression shares a key unless it reads a name
    some ``set`` assigns (then each place gets its own); two expressions never share one."""

    def __init__(self, part: str, assigned: set[str]) -> None:
        self.part = part
        self.assigned = assigned
        self.taken: set[str] = set()
        self.shared: dict[str, str] = {}
        self.count: dict[str, int] = {}

    def unique(self, base: str) -> str:
        """A key no other place uses (the part's name in it, but for the document's first)."""
        while True:
            n = self.count[base] = self.count.get(base, 0) + 1
            key = base if n == 1 and self.part == "document" else f"{self.part}_{base}_{n}"
            if key not in self.taken:
                self.taken.add(key)
                return key

    def get(self, prefix: str, expr: str) -> str:
        """The key of a field (``prefix`` "") or condition (``neu_``) reading ``expr``."""
        if _names(expr) & self.assigned:
            return self.unique(prefix + key_of(expr))
        if prefix + expr not in self.shared:
            self.shared[prefix + expr] = self.unique(prefix + key_of(expr))
        return self.shared[prefix + expr]


def parse(xml: str, part: str = "document") -> list[Node]:
    """The part's XML (``hoist`` applied) as a tree of text, fields, sets, conditions and
    loops; ``part`` (``document``, ``header1`` …) keeps its numbered keys apart from another
    part's."""
    assigned = {m.group(1) for m in re.finditer(r"\{%-?p?\s*set\s+([A-Za-z_]\w*)", xml)}
    keys = _Keys(part, assigned)
    root: list[Node] = []
    stack: list[tuple[If | For | None, list[Node]]] = [(None, root)]
    for kind, value, level in _tokens(xml):
        body = stack[-1][1]
        if kind == "text":
            if ("{" in value or "}" in value) and "{" in re.sub(r"<[^>]*>", "", value):
                raise Unsupported(f"literal brace in the template's text near {value[:60]!r}")
            body.append(value)
            continue
        if kind == "field":
            body.append(Field(value, keys.get("", value)))
            continue
        m = _STMT_WORD.match(value)
        word = m.group(1) if m else ""
        rest = value[len(word) :].strip()
        top = stack[-1][0]
        if word == "if":
            node = If([(rest, [])], level)
            body.append(node)
            stack.append((node, node.branches[0][1]))
        elif word in ("elif", "else") and isinstance(top, If):
            if top.branches[-1][0] is None:
                raise Unsupported(f"{{% {value} %}} after {{% else %}}")
            top.branches.append((rest if word == "elif" else None, []))
            stack[-1] = (top, top.branches[-1][1])
        elif word == "endif" and isinstance(top, If):
            stack.pop()
            conds = [c for c, _ in top.branches]
            if top.chain:
                first = keys.unique("nhanh_" + key_of(conds[0] or ""))
                top.keys = [f"{first}_{i + 1}" for i in range(len(conds))]
            else:
                top.keys = [keys.get("neu_", conds[0] or "")]
        elif word == "for":
            fm = _FOR.match(rest)
            if fm is None or re.search(r"\bif\b|\brecursive\s*$", fm.group(2)):
                raise Unsupported(f"{{% {value} %}}: only `for name in iterable` is translated")
            loop = For(fm.group(1), fm.group(2).strip(), level)
            body.append(loop)
            stack.append((loop, loop.children))
        elif word == "endfor" and isinstance(top, For):
            stack.pop()
            top.key = keys.unique("ds_" + key_of(top.iterable))
        elif word == "set":
            sm = _SET.match(rest)
            if sm is None:
                raise Unsupported(f"{{% {value} %}}: only `set name = …` or `set ns.attr = …`")
            target = sm.group(1) + (f".{sm.group(2)}" if sm.group(2) else "")
            body.append(Set(target, sm.group(3).strip()))
        else:
            raise Unsupported(f"{{% {value} %}}")
    if len(stack) != 1:
        raise Unsupported(f"unclosed block tag in {part}")
    return root


# --- conditions inside properties, hoisted -----------------------------------------------------

_PROPS = re.compile(r"<w:(?:p|r|tc|tr)Pr>.*?</w:(?:p|r|tc|tr)Pr>", re.S)
_PROP_IF = re.compile(r"\{%-?\s*if\s+(.*?)\s*-?%\}(.*?)\{%-?\s*endif\s*-?%\}", re.S)
_ROW_EL = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
_PARA_EL = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?</w:p>", re.S)
_RUN_EL = re.compile(r"<w:r[ >](?:(?!<w:r[ >]).)*?</w:r>", re.S)
MAX_HOISTED = 3
"""At most this many different conditions in the properties of one element (2³ copies)."""


def _conditional_props(xml: str) -> bool:
    return any("{%" in p.group() for p in _PROPS.finditer(xml))


def _hoist_one(element: str) -> str:
    """``element`` with the conditions in its properties hoisted around copies of it."""
    other = re.search(r"\{%-?p?\s*(?:set|for|endfor)\b.*?%\}", element, re.S)
    if other:
        raise Unsupported(
            f"{other.group()} in an element whose properties hold a condition: the element "
            "would be written twice"
        )
    conds: list[str] = []

    def note(props: re.Match[str]) -> str:
        inside = _PROP_IF.sub("", props.group())
        tag = re.search(r"\{%.*?%\}", inside, re.S)
        if tag:
            raise Unsupported(
                f"{tag.group()} in the properties of an element: only "
                "`{% if … %}…{% endif %}` around properties is translated"
            )
        for m in _PROP_IF.finditer(props.group()):
            inner = re.search(r"\{[%{].*?[%}]\}", m.group(2), re.S)
            if inner:
                raise Unsupported(
                    f"{inner.group()} inside {{% if {m.group(1)} %}} in the properties of an "
                    "element: only a plain `{% if … %}…{% endif %}` is translated"
                )
            if m.group(1) not in conds:
                conds.append(m.group(1))
        return props.group()

    _PROPS.sub(note, element)
    if len(conds) > MAX_HOISTED:
        raise Unsupported(
            f"{len(conds)} different conditions in the properties of one element "
            f"({', '.join(conds)}): at most {MAX_HOISTED} are written out as copies"
        )

    def variant(truth: dict[str, bool]) -> str:
        def fill(props: re.Match[str]) -> str:
            return _PROP_IF.sub(lambda m: m.group(2) if truth[m.group(1)] else "", props.group())

        return _PROPS.sub(fill, element)

    def tree(i: int, truth: dict[str, bool]) -> str:
        if i == len(conds):
            return variant(truth)
        yes = tree(i + 1, {**truth, conds[i]: True})
        no = tree(i + 1, {**truth, conds[i]: False})
        return f"{{% if {conds[i]} %}}{yes}{{% else %}}{no}{{% endif %}}"

    return tree(0, {})


def hoist(xml: str, whole_rows: bool = True) -> str:
    """Rewrite every condition inside a run's, paragraph's, cell's or row's properties (a
    highlight, ``keepNext`` on the first row …) as a condition around copies of an element the
    peers can condition: with ``whole_rows``, the table row when inside a table; else the
    paragraph (paragraph properties) or the run (run properties). Jinja renders the result
    exactly as the original."""
    if not _conditional_props(xml):
        return xml

    def rows(m: re.Match[str]) -> str:
        if re.search(r"<w:tbl[ >]", m.group()):
            raise Unsupported("conditional properties in a table inside a table")
        return _hoist_one(m.group()) if _conditional_props(m.group()) else m.group()

    def paras(m: re.Match[str]) -> str:
        return _hoist_one(m.group()) if _conditional_props(m.group()) else m.group()

    if whole_rows:
        xml = _ROW_EL.sub(rows, xml)
    xml = _PARA_EL.sub(
        lambda m: (
            paras(m) if re.search(r"<w:pPr>(?:(?!</w:pPr>).)*\{%", m.group(), re.S) else m.group()
        ),
        xml,
    )
    xml = _RUN_EL.sub(paras, xml)
    if _conditional_props(xml):
        left = next(p.group() for p in _PROPS.finditer(xml) if "{%" in p.group())
        raise Unsupported(f"a condition in properties that could not be hoisted: {left[:80]!r}")
    return xml


# --- writing the template out ---------------------------------------------------------------

_EMPTY_PARA = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
_TAG_RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'


def _first_text(xml: str, tag: str) -> str:
    """Put ``tag`` at the start of the first <w:t> of ``xml``."""
    m = re.search(r"<w:t(?: [^>]*)?>", xml)
    if m is None:
        raise Unsupported("a table row without text to hold a tag")
    return xml[: m.end()] + tag + xml[m.end() :]


def _last_text(xml: str, tag: str) -> str:
    """Put ``tag`` at the end of the last <w:t> of ``xml``."""
    i = xml.rfind("</w:t>")
    if i < 0:
        raise Unsupported("a table row without text to hold a tag")
    return xml[:i] + tag + xml[i:]


def _section(level: str, open_tag: str, close_tag: str, body: str) -> str:
    """``body`` between two of docxtemplater's tags, placed as ``level`` needs."""
    if level == ROW:
        if not (body.lstrip().startswith("<w:tr") and body.rstrip().endswith("</w:tr>")):
            raise Unsupported(f"{open_tag} between table rows around something else than rows")
        return _last_text(_first_text(body, open_tag), close_tag)
    if level == RUN:
        return _TAG_RUN.format(open_tag) + body + _TAG_RUN.format(close_tag)
    if level == TEXT:
        return open_tag + body + close_tag
    return _EMPTY_PARA.format(open_tag) + body + _EMPTY_PARA.format(close_tag)


def docxtemplater(nodes: list[Node]) -> str:
    """The tree in docxtemplater's syntax (``paragraphLoop: true``)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Field):
            out.append("{" + node.key + "}")
        elif isinstance(node, For):
            body = docxtemplater(node.children)
            out.append(_section(node.level, "{#" + node.key + "}", "{/" + node.key + "}", body))
        elif isinstance(node, If):
            for i, (_, children) in enumerate(node.branches):
                key = node.keys[i] if node.chain else node.keys[0]
                sign = "^" if i and not node.chain else "#"
                body = docxtemplater(children)
                out.append(_section(node.level, "{" + sign + key + "}", "{/" + key + "}", body))
    return "".join(out)


def _markers(level: str, begin: str, end: str, body: str) -> str:
    """``body`` between two Carbone markers: between paragraphs or tables as they are, between
    rows as they are, in their own runs between runs."""
    if level == RUN:
        return _TAG_RUN.format(begin) + body + _TAG_RUN.format(end)
    return begin + body + end


def _first_element(xml: str) -> str:
    """The first XML element of ``xml`` (with what precedes it), through its closing tag."""
    depth = 0
    name = ""
    for el in _ELEMENT.finditer(xml):
        closing, tag, empty = el.groups()
        if not name:
            if closing or empty:
                continue
            name = tag
        if tag != name:
            continue
        depth += -1 if closing else (0 if empty else 1)
        if depth == 0:
            return xml[: el.end()]
    raise Unsupported(f"no element to repeat in {xml[:80]!r}")


def carbone(nodes: list[Node], prefix: str = "d", inner_loops: bool = True) -> str:
    """The tree in Carbone's syntax; ``prefix`` is the path of the current object;
    ``inner_loops`` False leaves loops out (the ``[i+1]`` copy of a loop that holds one)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Field):
            out.append("{" + prefix + "." + node.key + "}")
        elif isinstance(node, For):
            if not inner_loops:
                continue
            # Carbone's loop: the body written for item i, then the first element of the body
            # for item i+1 (where the repetition ends; inner loops left out, as Carbone wants
            # for nested lists)
            key = f"{prefix}.{node.key}"
            body = carbone(node.children, key + "[i]")
            if not body.lstrip().startswith("<"):
                raise Unsupported(
                    f"{{% for {node.var} in {node.iterable} %}} whose body opens with a "
                    "condition or loop: Carbone finds a loop's repeated part from its first "
                    "marker, which must stand inside the body's first element"
                )
            again = _first_element(carbone(node.children, key + "[i+1]", inner_loops=False))
            if key + "[i+1]" not in again:
                raise Unsupported(
                    f"{{% for {node.var} in {node.iterable} %}}: Carbone needs a field or "
                    "condition of the loop's own in the first paragraph or row of its body"
                )
            out.append(body + again)
        elif isinstance(node, If):
            # Carbone reads markers anywhere in the XML: like reportgen's, they stand between
            # the paragraphs, rows or runs they enclose.
            for i, (_, children) in enumerate(node.branches):
                key = f"{prefix}.{node.keys[i] if node.chain else node.keys[0]}"
                want = "false" if i and not node.chain else "true"
                begin = "{" + key + f":ifEQ({want}):showBegin}}"
                body = carbone(children, prefix, inner_loops)
                out.append(_markers(node.level, begin, "{" + key + ":showEnd}", body))
    return "".join(out)


def _templated_parts(src: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    for name in src.namelist():
        if name.startswith(PARTS):
            text = src.read(name).decode("utf-8")
            if "{{" in text or "{%" in text:
                yield name, text


def trees_of(spliced: Path, whole_rows: bool = True) -> dict[str, list[Node]]:
    """The parsed templated parts of ``spliced``, by part name (``whole_rows``: see
    ``hoist``)."""
    with zipfile.ZipFile(spliced) as z:
        return {
            name: parse(hoist(text, whole_rows), Path(name).stem)
            for name, text in _templated_parts(z)
        }


@dataclass(frozen=True)
class Peer:
    """How one engine's template is written."""

    writer: Callable[[list[Node]], str]
    whole_rows: bool
    """Conditions in a table row's paragraph properties become copies of the whole row
    (docxtemplater: its tags for a row stand in the row's first and last cell, and a section
    inside a cell cannot begin where the row's does) or of the paragraph (Carbone: a loop's
    repeated part must be one row)."""


def write_template(
    spliced: Path,
    out: Path,
    writer: Callable[[list[Node]], str],
    trees: dict[str, list[Node]] | None = None,
) -> Path:
    """Copy ``spliced`` to ``out`` with each templated part rewritten by ``writer``."""
    trees = trees_of(spliced) if trees is None else trees
    with zipfile.ZipFile(spliced) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in trees:
                data = writer(trees[info.filename]).encode("utf-8")
            dst.writestr(info, data)
    return out


# --- the data --------------------------------------------------------------------------------


class _Loop:
    """What ``loop`` offers inside a ``for``."""

    def __init__(self, index0: int, length: int) -> None:
        self.index0 = index0
        self.index = index0 + 1
        self.revindex0 = length - index0 - 1
        self.revindex = length - index0
        self.length = length
        self.first = index0 == 0
        self.last = index0 == length - 1


class DataBuilder:
    """Computes, for one unit's context, every field, condition and list of the templates,
    running the ``set`` statements where they stand."""

    def __init__(self, trees: dict[str, list[Node]], env: Any) -> None:
        self.trees = trees
        self.env = env
        self._compiled: dict[str, Callable[..., Any]] = {}

    def _eval(self, expr: str, ctx: dict[str, Any]) -> Any:
        fn = self._compiled.get(expr)
        if fn is None:
            fn = self._compiled[expr] = self.env.compile_expression(expr, undefined_to_none=False)
        return fn(**ctx)

    def _text(self, expr: str, ctx: dict[str, Any]) -> str:
        value = self._eval(expr, ctx)
        if self.env.finalize is not None:
            value = self.env.finalize(value)
        text = str(value)
        if hasattr(value, "__html__") and "<" in text:
            raise Unsupported(f"{{{{ {expr} }}}} gives XML, which the peers would print as text")
        return text

    def _set(self, node: Set, ctx: dict[str, Any]) -> None:
        from jinja2.utils import Namespace

        value = self._eval(node.expr, ctx)
        name, _, attr = node.target.partition(".")
        if not attr:
            ctx[name] = value
            return
        target = ctx.get(name)
        if not isinstance(target, Namespace):
            raise Unsupported(f"{{% set {node.target} %}}: {name} is not a namespace()")
        target[attr] = value

    def _collect(self, nodes: list[Node], ctx: dict[str, Any], out: dict[str, Any]) -> None:
        for node in nodes:
            if isinstance(node, Field):
                out[node.key] = self._text(node.expr, ctx)
            elif isinstance(node, Set):
                self._set(node, ctx)
            elif isinstance(node, If):
                taken = next(
                    (
                        i
                        for i, (cond, _) in enumerate(node.branches)
                        if cond is None or self._eval(cond, ctx)
                    ),
                    None,
                )
                if node.chain:
                    for i, key in enumerate(node.keys):
                        out[key] = i == taken
                else:
                    out[node.keys[0]] = taken == 0
                if taken is not None:
                    # an ``if`` opens no scope in Jinja: a ``set`` inside it stays set after
                    self._collect(node.branches[taken][1], ctx, out)
            elif isinstance(node, For):
                items = list(self._eval(node.iterable, ctx))
                rows: list[dict[str, Any]] = []
                for i, item in enumerate(items):
                    row: dict[str, Any] = {}
                    # a loop's body has its own scope: a plain ``set`` there is per item
                    scope = {**ctx, node.var: item, "loop": _Loop(i, len(items))}
                    self._collect(node.children, scope, row)
                    rows.append(row)
                out[node.key] = rows

    def unit(self, ctx: dict[str, Any]) -> dict[str, Any]:
        """Every value the peer templates need for one report."""
        out: dict[str, Any] = {}
        for tree in self.trees.values():
            # each part is its own template: its ``set`` statements do not reach the others
            self._collect(tree, dict(ctx), out)
        return out


def write_data(path: Path, units: list[tuple[str, dict[str, Any]]]) -> Path:
    """Write ``[{"file": name, "data": {...}}, …]`` as JSON (UTF-8)."""
    path.write_text(
        json.dumps([{"file": f, "data": d} for f, d in units], ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def _paragraphs(docx: Path | bytes) -> Iterator[str]:
    """Every paragraph's XML and ``<row>`` for every table row of a .docx's body, headers and
    footers, in order."""
    src = zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else docx)
    for name in sorted(src.namelist()):
        if not name.startswith(PARTS):
            continue
        xml = src.read(name).decode("utf-8")
        for m in re.finditer(r"<w:tr[ >]|<w:p[ >].*?</w:p>", xml, re.S):
            para = m.group()
            if "<w:sectPr" in para and not re.search(r"<w:t[ >]", para):
                continue  # an empty paragraph that only closes a section: layout, not content
            yield "<row>" if para.startswith("<w:tr") else para


_RUN_TEXT = re.compile(r"<w:r[ >](?:(?!<w:r[ >]).)*?</w:r>", re.S)


def paragraph_texts(docx: Path | bytes) -> list[str]:
    """The text of every paragraph (empty ones too) and a mark for every table row of a
    .docx's body, headers and footers, in order: for checking that an engine printed what
    reportgen prints, with no paragraph or row more or less."""
    out: list[str] = []
    for para in _paragraphs(docx):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para))
        out.append(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    return out


def paragraph_layout(docx: Path | bytes) -> list[str]:
    """Per paragraph (and table row), its properties and those of its runs that hold text (a
    highlight, ``keepNext`` on a table's first row …): for checking that an engine's copies of
    a paragraph, run or row under a condition chose the same formatting as reportgen."""
    out: list[str] = []
    for para in _paragraphs(docx):
        ppr = re.search(r"<w:pPr>(.+?)</w:pPr>", para, re.S)
        runs = []
        for run in _RUN_TEXT.findall(para):
            if re.search(r"<w:t(?: [^>]*)?>[^<]", run):
                rpr = re.search(r"<w:rPr>(.*?)</w:rPr>", run, re.S)
                runs.append(f"<w:rPr>{rpr.group(1)}</w:rPr>" if rpr and rpr.group(1) else "")
        out.append((ppr.group() if ppr else "") + "".join(runs))
    return out


_TAGS = {
    "reportgen": re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),
    "docxtemplater": re.compile(r"\{[#/^]?\w+\}"),
    "carbone": re.compile(r"\{d\.[^{}]*\}"),
}


def tag_count(docx: Path, engine: str) -> int:
    """How many tags ``engine`` reads in the templated parts of ``docx`` (``reportgen``: its
    Jinja template; a ``{%p … %}`` paragraph is one tag)."""
    with zipfile.ZipFile(docx) as z:
        return sum(
            len(_TAGS[engine].findall(z.read(name).decode("utf-8")))
            for name in z.namelist()
            if name.startswith(PARTS)
        )


PEERS = {
    "docxtemplater": Peer(docxtemplater, whole_rows=True),
    "carbone": Peer(carbone, whole_rows=False),
}
"""The engines this module writes templates for."""
