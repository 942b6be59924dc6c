"""A Word template prepared once and rendered many times.

Preparing reads the package, repairs and compiles the parts that hold tags, and precomputes
the ZIP records of every other entry. Rendering a document then only runs the compiled Jinja
templates, deflates their output and concatenates bytes.
"""

from __future__ import annotations

import difflib
import functools
import io
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, ReportgenError, TemplateError
from reportgen.diagnostics.model import Diagnostic
from reportgen.docx.coreprops import CoreProperties, CoreTemplate
from reportgen.docx.ooxml import W_BODY, strip_illegal_xml, w
from reportgen.docx.package import normalise_package, replaced_entry
from reportgen.docx.parts import document_parts
from reportgen.docx.prepare import (
    DOCPR_COUNTER,
    PartSource,
    max_docpr_id,
    parse_part,
    prepare_part,
)
from reportgen.docx.problems import TemplateProblem, TemplateProblemsError
from reportgen.docx.tags import statement_keyword
from reportgen.docx.undefined import MissingName, NamedUndefined, UnsafeName
from reportgen.docx.zipio import (
    Packed,
    PreparedEntry,
    RawEntry,
    build_zip,
    pack_stream,
    read_package,
    read_template_file,
)

__all__ = ["PreparedTemplate", "render_plain"]

#: characters of a rendered part above which it is deflated as it is produced
_STREAM_AFTER = 1 << 22

_MAIN = "word/document.xml"
#: what makes a header, footer or note part worth preparing: a tag, or Word markup that
#: preparing resolves (tracked changes, smart tags, custom XML)
_PREPARE_MARKS = (
    b"{",
    b"}",
    b"<w:del ",
    b"<w:ins ",
    b"<w:moveFrom ",
    b"<w:moveTo ",
    b"Change ",
    b"<w:smartTag",
    b"<w:customXml",
)
_CORE = "docProps/core.xml"
_DEFAULT_DELIMITERS = {
    "block_start_string": "{%",
    "block_end_string": "%}",
    "variable_start_string": "{{",
    "variable_end_string": "}}",
    "comment_start_string": "{#",
    "comment_end_string": "#}",
}


@dataclass(frozen=True)
class _Part:
    index: int
    name: str
    template: jinja2.Template
    source: PartSource
    names: tuple[str, ...] = ()
    """Every name the part reads (loop variables included): a render hands it only these,
    not a copy of the whole context (hundreds of figures) per part."""
    divides: bool = False
    """A tag of the part divides (``/``, ``//``, ``%``)."""
    undeclared: frozenset[str] | None = None
    """The names the part reads from the context (loop variables and ``set`` names left
    out), recorded while it was compiled; None when they were not."""


def _check_env(env: jinja2.Environment) -> None:
    autoescape = env.autoescape
    on = autoescape(None) if callable(autoescape) else autoescape
    if not on:
        raise ValueError(
            "the Jinja environment must have autoescape=True: values such as 'Tổ 1 & 2' or '<' "
            "would otherwise corrupt the document XML"
        )
    for attr, default in _DEFAULT_DELIMITERS.items():
        if getattr(env, attr) != default:
            raise ValueError(f"the Jinja environment must use the default delimiters ({attr})")
    if env.line_statement_prefix is not None or env.line_comment_prefix is not None:
        raise ValueError("the Jinja environment must not use line statements or line comments")


def _clean_output(value: Any) -> Any:
    """Strip characters XML cannot hold from a printed string (fast path: printable text)."""
    if isinstance(value, str) and not value.isprintable():
        cleaned = strip_illegal_xml(value)
        if cleaned is not value:
            return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def _engine_env(env: jinja2.Environment) -> jinja2.Environment:
    """An overlay of the caller's environment whose ``finalize`` also strips characters XML
    cannot hold from every printed value (after the caller's own ``finalize``, if any); with
    Jinja's ``StrictUndefined``, its :class:`~reportgen.docx.undefined.NamedUndefined` (as
    strict, and an error names what was missing)."""
    user = env.finalize
    finalize: Callable[..., Any]
    if user is None:
        finalize = _clean_output
    else:

        @functools.wraps(user)  # keeps Jinja's pass_context/pass_environment marker
        def finalize(*args: Any) -> Any:
            return _clean_output(user(*args))

    if env.undefined is jinja2.StrictUndefined:  # as strict, and the errors name the name
        return env.overlay(finalize=finalize, undefined=NamedUndefined)
    return env.overlay(finalize=finalize)


class PreparedTemplate:
    """A Word (.docx) template prepared for fast, repeated rendering.

    Build one with :meth:`from_file` or :meth:`from_bytes`, then call :meth:`render` once per
    document. A prepared template is immutable and may be shared between threads.
    """

    def __init__(
        self,
        *,
        name: str,
        entries: list[PreparedEntry],
        parts: list[_Part],
        core: tuple[int, CoreTemplate] | None,
        problems: list[TemplateProblem],
        docpr_base: int,
        env: jinja2.Environment,
    ) -> None:
        """Internal: use :meth:`from_file` or :meth:`from_bytes`."""
        self._name = name
        self._entries = entries
        self._parts = parts
        self._core = core
        self._problems = problems
        self._docpr_base = docpr_base
        self._uses_counter = any(p.source.uses_docpr_counter for p in parts)
        self._env = env

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        *,
        env: jinja2.Environment,
        blocks: Mapping[str, str] | None = None,
        strict: bool = True,
    ) -> PreparedTemplate:
        """Read and prepare the template at ``path``.

        See :meth:`from_bytes`. Raises :class:`TemplateError` when the file cannot be read.
        """
        data = read_template_file(Path(path))
        return cls.from_bytes(data, env=env, blocks=blocks, name=str(path), strict=strict)

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        env: jinja2.Environment,
        blocks: Mapping[str, str] | None = None,
        name: str = "<template>",
        strict: bool = True,
    ) -> PreparedTemplate:
        """Prepare a template from the bytes of a .docx file.

        ``env`` must have ``autoescape=True`` and Jinja's default delimiters (else
        :class:`ValueError`); its filters, tests, globals and ``undefined`` are used as given.
        ``blocks`` maps names to Jinja-templated OOXML block content that replaces the
        paragraphs holding ``{{p name }}``. ``name`` is used in error messages.

        Raises :class:`TemplateError` when the data is not a Word document, and
        :class:`TemplateProblemsError` (a ``TemplateError``) when a tag has a Jinja syntax
        error or — with ``strict=True`` — when a tag cannot be repaired. With
        ``strict=False`` unrepairable tags are only recorded in :attr:`problems` and are
        printed literally.
        """
        _check_env(env)
        engine_env = _engine_env(env)
        package = read_sources(data, dict(blocks or {}), name)
        raw_entries, by_name = package.entries, package.by_name
        problems = list(package.problems)
        sources = package.sources
        docpr_base = package.docpr_base
        errors = [p for p in problems if p.severity == "error"]
        if errors and strict:
            first = errors[0]
            summary = (
                catalog.make(
                    "template.unrepaired-tag",
                    where=first.where,
                    message=first.message,
                    text=first.text,
                )
                if len(errors) == 1
                else catalog.make("template.unrepaired-tags", count=len(errors))
            )
            raise TemplateProblemsError(
                summary.message,
                problems,
                location=first.location(name),
                hint=summary.hint,
            )
        parts, syntax = _compile(engine_env, sources)
        if syntax:
            problems.extend(p for p, _ in syntax)
            first_problem, first_error = syntax[0]
            error = catalog.make(
                "template.syntax-error",
                where=first_problem.where,
                message=first_problem.message,
                text=first_problem.text,
            )
            raise TemplateProblemsError(
                error.message,
                problems,
                location=first_problem.location(name),
                hint=error.hint,
            ) from first_error
        core: tuple[int, CoreTemplate] | None = None
        if _CORE in by_name:
            try:
                core = (by_name[_CORE], CoreTemplate(raw_entries[by_name[_CORE]].data()))
            except Exception:  # a damaged core.xml is left as it is
                core = None
        parts, raw_entries = _fold_static(parts, raw_entries)
        entries = [PreparedEntry.fixed(e) for e in raw_entries]
        return cls(
            name=name,
            entries=entries,
            parts=parts,
            core=core,
            problems=problems,
            docpr_base=docpr_base + 1,
            env=engine_env,
        )

    # -- inspection --------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The template's name (its path when read with :meth:`from_file`)."""
        return self._name

    @property
    def problems(self) -> list[TemplateProblem]:
        """Repairs made and problems found while preparing, in document order per part."""
        return list(self._problems)

    def templated_parts(self) -> list[str]:
        """The names of the parts rendered per document, in package order."""
        return [p.name for p in self._parts]

    def variables(self) -> frozenset[str]:
        """The names the template reads from the context (every templated part, headers and
        footers included; loop variables, ``set`` names and the environment's globals such as
        ``range`` excluded)."""
        names: set[str] = set()
        for part in self._parts:
            if part.undeclared is not None:
                names |= part.undeclared
                continue
            ast = self._env.parse(part.source.source)
            names |= jinja2.meta.find_undeclared_variables(ast)
        names.discard(DOCPR_COUNTER)
        return frozenset(names - set(self._env.globals))

    def divides(self) -> bool:
        """True when a tag of the template divides (``/``, ``//``, ``%``): such a tag can fail
        for one document (a divisor that is 0 there) while filling every other."""
        return any(part.divides for part in self._parts)

    # -- rendering ---------------------------------------------------------------------------

    def render_parts(self, context: Mapping[str, Any]) -> dict[str, bytes]:
        """Render the templated parts only and return their XML (UTF-8), by part name."""
        variables = self._variables(context)
        return {p.name: self._render_part(p, variables, context) for p in self._parts}

    def render(
        self, context: Mapping[str, Any], *, core_properties: CoreProperties | None = None
    ) -> bytes:
        """Render one document and return the bytes of the .docx file.

        Raises :class:`TemplateError` naming the part and paragraph when a tag fails (an
        undefined variable with ``StrictUndefined``, a filter raising…). The output depends only
        on the template, ``context`` and ``core_properties``: every entry carries the fixed
        timestamp 1980-01-01 00:00.
        """
        contents: list[bytes | Packed | None] = [None] * len(self._entries)
        variables = self._variables(context)
        for part in self._parts:
            contents[part.index] = self._render_streamed(part, variables, context)
        if core_properties is not None and self._core is not None:
            index, core = self._core
            contents[index] = core.render(core_properties)
        try:
            return build_zip(self._entries, contents)
        except ValueError as exc:
            raise TemplateError(
                str(exc), location=Location(file=self._name), code="output.too-large"
            ) from exc

    def _variables(self, context: Mapping[str, Any]) -> Mapping[str, Any]:
        if not self._uses_counter:
            return context
        return {**context, DOCPR_COUNTER: itertools.count(self._docpr_base).__next__}

    def _render_part(
        self, part: _Part, variables: Mapping[str, Any], context: Mapping[str, Any]
    ) -> bytes:
        try:
            used = {n: variables[n] for n in part.names if n in variables}
            return part.template.render(used).encode("utf-8")
        except Exception as exc:
            raise self._render_error(part, exc, context) from exc

    def _render_streamed(
        self, part: _Part, variables: Mapping[str, Any], context: Mapping[str, Any]
    ) -> bytes | Packed:
        """Like :meth:`_render_part`, but a part that grows past :data:`_STREAM_AFTER`
        characters (a city report with tables of thousands of wards) is deflated as Jinja
        produces it, so the whole text is never held at once."""
        try:
            used = {n: variables[n] for n in part.names if n in variables}
            chunks = part.template.generate(used)
            head: list[str] = []
            held = 0
            for chunk in chunks:
                head.append(chunk)
                held += len(chunk)
                if held > _STREAM_AFTER:
                    return pack_stream(itertools.chain(head, chunks))
            return "".join(head).encode("utf-8")
        except Exception as exc:
            raise self._render_error(part, exc, context) from exc

    def _render_error(
        self, part: _Part, exc: Exception, context: Mapping[str, Any]
    ) -> TemplateError:
        line = _template_line(exc)
        item = part.source.item_at(line)
        detail = str(exc)
        hint: str | None = None
        code: str | None = None
        why: Diagnostic | None = None
        if isinstance(exc, MissingName) and not exc.field:
            close = difflib.get_close_matches(exc.name, [str(k) for k in context], n=1)
            guess = catalog.text("template.did-you-mean", name=close[0]) if close else None
            why = catalog.make("template.render-missing-variable", name=exc.name, hint=guess)
        elif isinstance(exc, UnsafeName | MissingName) and (
            isinstance(exc, UnsafeName) or exc.name.startswith("_")
        ):
            why = catalog.make("template.render-unsafe-name", name=exc.name)
            code = why.code
        elif isinstance(exc, MissingName):
            why = catalog.make("template.render-missing-field", name=exc.name)
        elif isinstance(exc, SecurityError):
            why = catalog.make("template.render-unsafe")
            code = why.code
        if why is not None:
            detail, hint = why.message, why.hint
        elif isinstance(exc, ReportgenError):
            detail = exc.message
            hint = exc.hint
            code = exc.code  # a division by zero, a result too large: said as what it is
        else:
            detail = f"{type(exc).__name__}: {exc}"
        if item is None:
            message = catalog.text("template.render-part", part=part.name, detail=detail)
            location = Location(file=self._name, part=part.name)
        else:
            message = catalog.text(
                "template.render-tag", tag=item.tag, detail=detail, text=item.text
            )
            location = Location(
                file=self._name, part=part.name, paragraph=item.paragraph, where=item.where or None
            )
        return TemplateError(message, location=location, hint=hint, code=code)


def _template_line(exc: BaseException) -> int | None:
    """The line of the innermost template frame in the traceback (Jinja rewrites tracebacks
    so that template frames carry template line numbers)."""
    line: int | None = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@dataclass
class PackageSources:
    """A template package read and its templated parts prepared (repaired and converted),
    before any Jinja compilation: what :meth:`PreparedTemplate.from_bytes` and
    :func:`~reportgen.docx.analysis.analyse` share."""

    entries: list[RawEntry]
    """Every entry of the ZIP archive, in order."""
    by_name: dict[str, int]
    """Entry index by name."""
    sources: list[tuple[int, PartSource]]
    """(entry index, prepared source) of every part that has something to render."""
    prepared: list[PartSource]
    """Every templated part that was prepared (also those left with nothing to render)."""
    problems: list[TemplateProblem]
    """Repairs made and problems found while preparing, in package order."""
    docpr_base: int
    """The largest drawing id in the package."""


def read_sources(data: bytes, blocks: Mapping[str, str], name: str) -> PackageSources:
    """Read the package in ``data`` and prepare every part that holds tags (the main document
    always). Raises :class:`TemplateError` when the data is not a Word document."""
    raw_entries, problems = normalise_package(read_package(data, name))
    by_name = {e.name: i for i, e in enumerate(raw_entries)}
    main, templated = document_parts(
        {e.name: (e.data() if e.name.endswith(".rels") else None) for e in raw_entries}
    )
    if main not in by_name:
        raise _bad_docx("template.bad-docx-missing-part", Location(file=name), part=main)
    sources: list[tuple[int, PartSource]] = []
    prepared: list[PartSource] = []
    docpr_base = 0
    for index, entry in enumerate(raw_entries):
        if entry.name not in templated and (
            not entry.name.startswith("word/") or not entry.name.endswith(".xml")
        ):
            continue
        xml = entry.data()
        if b"docPr" in xml:
            docpr_base = max(docpr_base, max_docpr_id(xml))
        if entry.name not in templated:
            continue
        if entry.name != main and not any(mark in xml for mark in _PREPARE_MARKS):
            continue
        source = _prepare(entry, xml, blocks, name, main)
        problems.extend(source.problems)
        prepared.append(source)
        if source.source:
            sources.append((index, source))
    return PackageSources(raw_entries, by_name, sources, prepared, problems, docpr_base)


def _prepare(
    entry: RawEntry, xml: bytes, blocks: Mapping[str, str], name: str, main: str = _MAIN
) -> PartSource:
    try:
        root = parse_part(entry.name, xml)
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise _bad_docx(
            "template.bad-docx-not-xml", Location(file=name, part=entry.name), part=entry.name
        ) from exc
    if entry.name == main and (root.tag != w("document") or root.find(W_BODY) is None):
        raise _bad_docx(
            "template.bad-docx-not-document", Location(file=name, part=entry.name), part=main
        )
    return prepare_part(entry.name, root, blocks)


def _bad_docx(key: str, location: Location, **params: Any) -> TemplateError:
    """The error of catalog entry ``key`` (a ``template.bad-docx``) at ``location``."""
    d = catalog.make(key, location=location, **params)
    return TemplateError(d.message, location=location, hint=d.hint, code=d.code)


def _fold_static(parts: list[_Part], entries: list[RawEntry]) -> tuple[list[_Part], list[RawEntry]]:
    """Render once, at prepare time, the parts that were changed while preparing (tracked
    changes accepted, wrappers removed) but hold no tag: they come out the same in every
    document, so they are copied like any untouched entry instead of rendered per document."""
    kept: list[_Part] = []
    out = list(entries)
    for part in parts:
        live = any(item.jinja or item.block for item in part.source.items_in_order)
        if live or part.source.uses_docpr_counter:
            kept.append(part)
            continue
        try:
            xml = part.template.render({}).encode("utf-8")
        except Exception:  # pragma: no cover - a part without tags renders without a context
            kept.append(part)
            continue
        out[part.index] = replaced_entry(entries[part.index], xml)
    return kept, out


_DIVISION = (jinja2.nodes.Div, jinja2.nodes.FloorDiv, jinja2.nodes.Mod)


class _RecordingCodeGenerator(CodeGenerator):
    """Jinja's code generator, also remembering the names the template reads from its context
    (what ``jinja2.meta.find_undeclared_variables`` finds, by a second pass of this generator),
    so that one compilation gives both."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.undeclared: set[str] = set()

    def enter_frame(self, frame: Frame) -> None:
        super().enter_frame(frame)
        for action, param in frame.symbols.loads.values():
            if action == "resolve" and param not in self.environment.globals:
                self.undeclared.add(param)


def _compile_recording(
    env: jinja2.Environment, ast: jinja2.nodes.Template
) -> tuple[jinja2.Template, frozenset[str] | None]:
    """``env.from_string(ast)`` and the names the template reads from its context (None when
    the environment brings a code generator of its own)."""
    if env.code_generator_class is not CodeGenerator:
        return env.from_string(ast), None
    stream = io.StringIO()
    generator = _RecordingCodeGenerator(env, None, None, stream, optimized=env.optimized)
    generator.visit(ast)
    code = compile(stream.getvalue(), "<template>", "exec")
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    return template, frozenset(generator.undeclared)


def _compile(
    env: jinja2.Environment, sources: list[tuple[int, PartSource]]
) -> tuple[list[_Part], list[tuple[TemplateProblem, jinja2.TemplateSyntaxError]]]:
    parts: list[_Part] = []
    syntax: list[tuple[TemplateProblem, jinja2.TemplateSyntaxError]] = []
    for index, source in sources:
        try:
            ast = env.parse(source.source)
            template, undeclared = _compile_recording(env, ast)
        except jinja2.TemplateSyntaxError as exc:
            syntax.append((syntax_problem(source, exc), exc))
            continue
        names = tuple(sorted({n.name for n in ast.find_all(jinja2.nodes.Name) if n.ctx == "load"}))
        divides = any(True for _ in ast.find_all(_DIVISION))
        parts.append(_Part(index, source.name, template, source, names, divides, undeclared))
    return parts, syntax


def syntax_problem(source: PartSource, exc: jinja2.TemplateSyntaxError) -> TemplateProblem:
    """The :class:`TemplateProblem` for a Jinja syntax error in a part's source, located at
    the tag Jinja stopped at (or the outermost unclosed block tag)."""
    message = exc.message or str(exc)
    item = source.item_at(exc.lineno)
    tag = item.tag if item else "?"
    key = "template.syntax-bad-tag"
    if message.startswith("Unexpected end of template") and source.unclosed:
        item = source.unclosed[-1]
        tag, key = item.tag, "template.syntax-unclosed"
    elif message.startswith("Encountered unknown tag"):
        word = statement_keyword(tag) or ""
        if word.startswith("end") or word in ("else", "elif"):
            key = "template.syntax-unmatched-close"
        else:
            key = "template.syntax-bad-statement"
    d = catalog.make(key, tag=tag, jinja=message)
    return TemplateProblem(
        part=source.name,
        where=item.where if item else "",
        paragraph=item.paragraph if item else 0,
        text=item.text if item else "",
        message=d.message,
        severity=d.severity,
        repaired=False,
        code=d.code.removeprefix("template."),
    )


def render_plain(
    template_path: str | Path,
    context: Mapping[str, Any],
    *,
    env: jinja2.Environment,
    blocks: Mapping[str, str] | None = None,
    core_properties: CoreProperties | None = None,
    strict: bool = True,
) -> bytes:
    """Read, prepare and render a template in one call (the "plain path").

    Gives byte-identical output to ``PreparedTemplate.from_file(...).render(...)``; use a
    :class:`PreparedTemplate` when rendering more than one document from the same template.
    """
    prepared = PreparedTemplate.from_file(template_path, env=env, blocks=blocks, strict=strict)
    return prepared.render(context, core_properties=core_properties)
