"""Check the Jinja texts written in a report definition (section paragraphs, conditions, the
opening and closing, the unit header lines) before anything is rendered.

A misspelt indicator or filter in a YAML text is reported as a config error with the YAML line and
a "did you mean", not as a render failure in the middle of a batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.exceptions import TemplateAssertionError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.config.model import ReportConfig, Section
from reportgen.config.names import CONTEXT_NAMES, FILTER_NAMES
from reportgen.config.schema import did_you_mean
from reportgen.config.yamlsource import KeyPath, LineMap
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ConfigError, Location

JINJA_GLOBALS = frozenset({"range", "loop", "namespace", "dict", "lipsum", "cycler", "joiner"})
FILTERS = FILTER_NAMES


def _unused(*args: Any, **kwargs: Any) -> Any:  # pragma: no cover - texts are only compiled
    raise AssertionError("texts are checked, never rendered here")


class _CompileOnly(ImmutableSandboxedEnvironment):
    """Arithmetic is left to the render environment (which bounds it): intercepting it here
    keeps Jinja from folding ``9 ** 999999999`` into a constant while the text is checked."""

    intercepted_binops = frozenset({"*", "**", "/", "//", "%"})


@lru_cache(maxsize=1)
def make_env() -> ImmutableSandboxedEnvironment:
    """An environment that knows the declared filter names (the texts are parsed and compiled,
    never rendered: the render environment is :mod:`reportgen.templating.environment`)."""
    env = _CompileOnly()
    env.filters.update(dict.fromkeys(FILTER_NAMES, _unused))
    return env


def _texts(config: ReportConfig) -> Iterator[tuple[KeyPath, str, bool]]:
    """Yield (key path, source, is_expression) for every templated text of the config."""
    if config.opening:
        yield ("opening",), config.opening, False
    if config.closing:
        yield ("closing",), config.closing, False
    for key, party in (("unit_issuer", config.unit_issuer), ("issuer", config.issuer)):
        if party is not None:
            yield (key, "name"), party.name, False
            if party.parent:
                yield (key, "parent"), party.parent, False
    for key, signer in (("unit_signer", config.unit_signer), ("signer", config.signer)):
        if signer is not None:
            yield (key, "name"), signer.name, False
            yield (key, "title"), signer.title, False
            if signer.authority:
                yield (key, "authority"), signer.authority, False
    for key, items in (
        ("recipients", config.recipients),
        ("unit_recipients", config.unit_recipients or ()),
    ):
        for i, r in enumerate(items):
            yield (key, i), r, False

    def walk(sections: tuple[Section, ...], path: KeyPath) -> Iterator[tuple[KeyPath, str, bool]]:
        for i, s in enumerate(sections):
            p = (*path, i)
            if s.when:
                yield (*p, "when"), s.when, True
            yield (*p, "heading"), s.heading, False
            for j, para in enumerate(s.paragraphs):
                yield (*p, "paragraphs", j, "text"), para.text, False
                if para.when:
                    yield (*p, "paragraphs", j, "when"), para.when, True
            yield from walk(s.sections, (*p, "sections"))

    yield from walk(config.sections, ("sections",))


def _error(code: str, loc: Location, hint: str | None = None, **params: Any) -> ConfigError:
    d = catalog.make(code, location=loc, hint=hint, **params)
    return ConfigError(d.message, location=d.location, hint=d.hint, code=code)


#: methods that would change the data (the render sandbox refuses them)
MUTATING = frozenset(
    {
        "append",
        "extend",
        "insert",
        "pop",
        "popitem",
        "remove",
        "clear",
        "update",
        "setdefault",
        "sort",
        "reverse",
        "add",
        "discard",
    }
)


def _unsafe_names(ast: nodes.Template) -> Iterator[str]:
    """Names a text reads that the render sandbox forbids: ``x.__class__``, ``x['_y']``,
    ``x | attr('_z')``, ``ds.append(1)``."""
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Call)):
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            yield node.attr
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            yield node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr":
            for arg in node.args:
                if isinstance(arg, nodes.Const) and str(arg.value).startswith("_"):
                    yield str(arg.value)
        elif (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Getattr)
            and node.node.attr in MUTATING
        ):
            yield f"{node.node.attr}(…)"


def check_texts(config: ReportConfig, lines: LineMap) -> list[ConfigError]:
    """Return a ConfigError for every text with a syntax error, an unknown name or filter."""
    env = make_env()
    known = set(config.indicators) | CONTEXT_NAMES | JINJA_GLOBALS
    errors: list[ConfigError] = []
    for path, source, is_expr in _texts(config):
        text = f"{{{{ {source} }}}}" if is_expr else source
        if path not in lines.lines:  # a paragraph written as a plain string has no "text" key
            path = path[:-1]
        loc = lines.location(path)
        try:
            ast = env.parse(text)
        except TemplateSyntaxError as exc:
            errors.append(_error("config.text-syntax", loc, reason=exc.message or ""))
            continue
        unknown = [
            f.name for f in ast.find_all((nodes.Filter, nodes.Test)) if f.name not in env.filters
        ]
        unknown = [n for n in unknown if n not in env.tests]
        for name in dict.fromkeys(unknown):
            guess = did_you_mean(name, FILTERS)
            errors.append(
                _error(
                    "config.unknown-filter",
                    loc,
                    hint=catalog.text("config.did-you-mean", name=guess) if guess else None,
                    name=name,
                    some=", ".join(sorted(FILTERS)[:20]),
                )
            )
        if unknown:
            continue
        unsafe = list(dict.fromkeys(_unsafe_names(ast)))
        for name in unsafe:
            errors.append(_error("config.text-sandbox", loc, name=name))
        if unsafe:
            continue
        try:  # runs Jinja's code generator over the text: what compiling would refuse
            undeclared = meta.find_undeclared_variables(ast)
        except (TemplateAssertionError, TemplateSyntaxError) as exc:
            errors.append(_error("config.text-template", loc, reason=str(exc.message or exc)))
            continue
        for name in sorted(undeclared - known):
            guess = did_you_mean(name, sorted(known))
            errors.append(
                _error(
                    "config.unknown-name",
                    loc,
                    hint=catalog.text("config.did-you-mean", name=guess) if guess else None,
                    name=name,
                )
            )
    return errors
