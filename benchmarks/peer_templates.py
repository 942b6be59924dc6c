"""The report's template and data in the form other engines read (used by batch_bench.py).

reportgen's template (with the report body spliced in) is Jinja inside WordprocessingML. Two
kinds of tag occur: ``{{ expression }}`` inside a text run, and block tags — ``{%p if … %}`` /
``{%p for … %}`` (the whole paragraph holding the tag stands for the tag) and bare
``{% if … %}`` / ``{% for … %}`` between XML elements (the report body: a condition around
paragraphs and a table, a loop around a table row). This module parses that into a small
tree and writes it out again:

- for docxtemplater: ``{key}``; a block becomes ``{#key}`` … ``{/key}`` — alone in its own
  paragraph (removed with ``paragraphLoop``) around paragraphs, or at the start of the row's
  first cell and the end of its last cell around a table row;
- for Carbone: ``{d.key}``; a condition becomes ``{d.key:ifEQ(true):showBegin}`` …
  ``{d.key:showEnd}`` and a loop repeats its body written once with ``[i]`` and once with
  ``[i+1]`` (Carbone's way of marking what repeats).

Every ``{{ expression }}`` becomes one field whose value is the expression's text as reportgen
prints it (its Vietnamese filters applied), computed here in Python for every unit; every
condition becomes a true/false field and every loop a list of objects. So both peers fill the
same paragraphs, tables and number of fields with the same text, but do no formatting or
arithmetic of their own: their timings are template filling, zipping and writing only.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PARTS = ("word/document", "word/header", "word/footer")
"""Name prefixes of the parts that may hold tags."""


class Unsupported(ValueError):
    """The template uses a tag this translation does not handle (``set``, ``else``…)."""


_PARA_TAG = re.compile(r"<w:p[ >](?:(?!<w:p[ >]).)*?\{%p\s*(.*?)\s*%\}.*?</w:p>", re.S)
_RAW_TAG = re.compile(r"\{%\s*(.*?)\s*%\}", re.S)
_FIELD = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.S)
_ROW = re.compile(r"^\s*<w:tr[ >]")


@dataclass
class Block:
    """``if`` or ``for`` with its expression and what it encloses; ``para`` when it was a
    ``{%p %}`` tag (its own paragraph)."""

    kind: str
    expr: str
    para: bool
    children: list[Node] = field(default_factory=list)
    n: int = 0
    """How many blocks with the same statement came before it in its part (two tables looping
    over the same list need two lists)."""

    @property
    def var(self) -> str:
        return self.expr.split(" in ", 1)[0].strip()

    @property
    def iterable(self) -> str:
        return self.expr.split(" in ", 1)[1].strip()


Node = str | Block


def _tokens(xml: str) -> Iterator[tuple[str, str, bool]]:
    """("text", xml, _) and ("tag", statement, is_paragraph_tag) in document order."""
    pos = 0
    spans: list[tuple[int, int, str, bool]] = []
    for m in _PARA_TAG.finditer(xml):
        spans.append((m.start(), m.end(), m.group(1), True))
    for m in _RAW_TAG.finditer(xml):
        if not any(s <= m.start() < e for s, e, _, _ in spans):
            spans.append((m.start(), m.end(), m.group(1), False))
    for start, end, stmt, para in sorted(spans):
        if start > pos:
            yield "text", xml[pos:start], False
        yield "tag", stmt, para
        pos = end
    if pos < len(xml):
        yield "text", xml[pos:], False


def parse(xml: str) -> list[Node]:
    """The part's XML as a tree of text and blocks."""
    root: list[Node] = []
    stack: list[list[Node]] = [root]
    seen: dict[str, int] = {}
    for kind, value, para in _tokens(xml):
        if kind == "text":
            stack[-1].append(value)
            continue
        word = value.split(None, 1)[0]
        if word in ("if", "for"):
            block = Block(word, value.split(None, 1)[1], para, n=seen.get(value, 0))
            seen[value] = block.n + 1
            stack[-1].append(block)
            stack.append(block.children)
        elif word in ("endif", "endfor"):
            stack.pop()
        else:
            raise Unsupported(f"{{% {value} %}}")
    if len(stack) != 1:
        raise ValueError("unbalanced block tags")
    return root


def key_of(expr: str) -> str:
    """A JSON key for an expression: ``dv.tong_so_ho | so`` → ``dv_tong_so_ho__so``."""
    key = re.sub(r"\s*\|\s*", "__", expr.strip())
    key = re.sub(r"\W+", "_", key).strip("_")
    return key or "v"


def cond_key(expr: str) -> str:
    return "neu_" + key_of(expr)


def list_key(block: Block) -> str:
    return "ds_" + key_of(block.iterable) + (f"_{block.n + 1}" if block.n else "")


# --- writing the template out ---------------------------------------------------------------

_EMPTY_PARA = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'


def _first_text(xml: str, tag: str) -> str:
    """Put ``tag`` at the start of the first <w:t> of ``xml``."""
    m = re.search(r"<w:t(?: [^>]*)?>", xml)
    if m is None:
        raise ValueError("no text run to hold a tag")
    return xml[: m.end()] + tag + xml[m.end() :]


def _last_text(xml: str, tag: str) -> str:
    """Put ``tag`` at the end of the last <w:t> of ``xml``."""
    i = xml.rfind("</w:t>")
    if i < 0:
        raise ValueError("no text run to hold a tag")
    return xml[:i] + tag + xml[i:]


def docxtemplater(nodes: list[Node]) -> str:
    """The tree in docxtemplater's syntax (``paragraphLoop: true``)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(_FIELD.sub(lambda m: "{" + key_of(m.group(1)) + "}", node))
            continue
        key = cond_key(node.expr) if node.kind == "if" else list_key(node)
        body = docxtemplater(node.children)
        if _ROW.match(body) and body.rstrip().endswith("</w:tr>"):
            # a table row: the loop's tags go in its first and last cell
            out.append(_last_text(_first_text(body, "{#" + key + "}"), "{/" + key + "}"))
        else:
            out.append(_EMPTY_PARA.format("{#" + key + "}") + body)
            out.append(_EMPTY_PARA.format("{/" + key + "}"))
    return "".join(out)


def carbone(nodes: list[Node], prefix: str = "d", index: str = "") -> str:
    """The tree in Carbone's syntax; ``prefix`` is the path of the current object."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(_FIELD.sub(lambda m: "{" + prefix + "." + key_of(m.group(1)) + "}", node))
            continue
        if node.kind == "if":
            key = f"{prefix}.{cond_key(node.expr)}"
            body = carbone(node.children, prefix, index)
            # Carbone reads markers anywhere in the XML: like reportgen's, they stand between
            # the paragraphs and tables they enclose.
            out.append("{" + key + ":ifEQ(true):showBegin}" + body + "{" + key + ":showEnd}")
        else:
            key = f"{prefix}.{list_key(node)}"
            out.append(carbone(node.children, key + "[i]"))
            out.append(carbone(node.children, key + "[i+1]"))
    return "".join(out)


def write_template(spliced: Path, out: Path, writer: Callable[[list[Node]], str]) -> Path:
    """Copy ``spliced`` to ``out`` with each templated part rewritten by ``writer``."""
    with zipfile.ZipFile(spliced) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith(PARTS):
                text = data.decode("utf-8")
                if "{{" in text or "{%" in text:
                    data = writer(parse(text)).encode("utf-8")
            dst.writestr(info, data)
    return out


# --- the data --------------------------------------------------------------------------------


class _Loop:
    """What ``loop`` offers inside a ``for`` (only what the report's templates use)."""

    def __init__(self, index0: int, length: int) -> None:
        self.index0 = index0
        self.index = index0 + 1
        self.length = length
        self.first = index0 == 0
        self.last = index0 == length - 1


class DataBuilder:
    """Computes, for one unit's context, every field, condition and list of the templates."""

    def __init__(self, trees: list[list[Node]], env: Any) -> None:
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
            raise ValueError(f"{expr} gives XML, which the peers would print as text")
        return text

    def _collect(self, nodes: list[Node], ctx: dict[str, Any], out: dict[str, Any]) -> None:
        for node in nodes:
            if isinstance(node, str):
                for m in _FIELD.finditer(node):
                    out[key_of(m.group(1))] = self._text(m.group(1), ctx)
            elif node.kind == "if":
                ok = bool(self._eval(node.expr, ctx))
                out[cond_key(node.expr)] = ok
                if ok:
                    self._collect(node.children, ctx, out)
            else:
                items = list(self._eval(node.iterable, ctx))
                rows: list[dict[str, Any]] = []
                for i, item in enumerate(items):
                    row: dict[str, Any] = {}
                    scope = {**ctx, node.var: item, "loop": _Loop(i, len(items))}
                    self._collect(node.children, scope, row)
                    rows.append(row)
                out[list_key(node)] = rows

    def unit(self, ctx: dict[str, Any]) -> dict[str, Any]:
        """Every value the peer templates need for one report."""
        out: dict[str, Any] = {}
        for tree in self.trees:
            self._collect(tree, ctx, out)
        return out


def trees_of(spliced: Path) -> list[list[Node]]:
    """The parsed templated parts of ``spliced``."""
    out: list[list[Node]] = []
    with zipfile.ZipFile(spliced) as z:
        for name in z.namelist():
            if name.startswith(PARTS):
                text = z.read(name).decode("utf-8")
                if "{{" in text or "{%" in text:
                    out.append(parse(text))
    return out


def write_data(path: Path, units: list[tuple[str, dict[str, Any]]]) -> Path:
    """Write ``[{"file": name, "data": {...}}, …]`` as JSON (UTF-8)."""
    path.write_text(
        json.dumps([{"file": f, "data": d} for f, d in units], ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def paragraph_texts(docx: Path | bytes) -> list[str]:
    """The text of every paragraph (empty ones too) and a mark for every table row of a
    .docx's body, headers and footers, in order: for checking that an engine printed what
    reportgen prints, with no paragraph or row more or less."""
    import io

    src = zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else docx)
    out: list[str] = []
    for name in sorted(src.namelist()):
        if not name.startswith(PARTS):
            continue
        xml = src.read(name).decode("utf-8")
        for m in re.finditer(r"<w:tr[ >]|<w:p[ >].*?</w:p>", xml, re.S):
            if m.group().startswith("<w:tr"):
                out.append("<row>")
                continue
            text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", m.group()))
            out.append(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    return out
