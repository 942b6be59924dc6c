"""Try, for one unit, the report-definition texts that compute (``/ // % * **`` or ``range``),
so that ``reportgen check`` names a division by zero or an oversized result in a section text
with its key path and unit, instead of the render failing later at ``{{p noi_dung }}``.

Only texts with arithmetic are tried (the others cannot fail on a figure), and a text is tried
only where the report would print it: the ``when`` of its paragraph and of every enclosing
section must hold for the unit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Template, nodes

from reportgen.config.model import ReportConfig, Section
from reportgen.config.yamlsource import KeyPath, format_path
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, ReportgenError, TemplateError
from reportgen.templating.environment import make_env

_ARITHMETIC = (nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow, nodes.Mul)


@dataclass(frozen=True)
class _Text:
    path: KeyPath
    source: str
    template: Template
    guards: tuple[Template, ...]
    """The ``when`` conditions (compiled as ``{{ cond }}``…) that must hold to print it."""


def _computes(source: str) -> bool:
    try:
        ast = make_env(autoescape=False).parse(source)
    except Exception:  # a syntax error is reported by the config check
        return False
    if any(True for _ in ast.find_all(_ARITHMETIC)):
        return True
    return any(
        isinstance(c.node, nodes.Name) and c.node.name == "range" for c in ast.find_all(nodes.Call)
    )


def _condition(cond: str) -> Template:
    return make_env(autoescape=False).from_string(f"{{% if {cond} %}}1{{% endif %}}")


def _walk(
    sections: tuple[Section, ...], path: KeyPath, guards: tuple[str, ...]
) -> Iterator[tuple[KeyPath, str, tuple[str, ...]]]:
    for i, s in enumerate(sections):
        p = (*path, i)
        inner = (*guards, s.when) if s.when else guards
        yield (*p, "heading"), s.heading, inner
        for j, para in enumerate(s.paragraphs):
            yield (*p, "paragraphs", j), para.text, (*inner, *([para.when] if para.when else []))
        yield from _walk(s.sections, (*p, "sections"), inner)


class TextProbe:
    """The computing texts of a definition, compiled once; :meth:`problems` tries them."""

    def __init__(self, config: ReportConfig) -> None:
        env = make_env(autoescape=False)
        candidates = [
            *((("opening",), config.opening, ()) for _ in [0] if config.opening),
            *((("closing",), config.closing, ()) for _ in [0] if config.closing),
            *_walk(config.sections, ("sections",), ()),
        ]
        self.file = str(config.path)
        self.texts: list[_Text] = []
        for path, source, guards in candidates:
            if source and (_computes(source) or any(_computes(f"{{{{ {c} }}}}") for c in guards)):
                try:
                    compiled = env.from_string(source)
                    conds = tuple(_condition(c) for c in guards)
                except Exception:  # reported by the config check
                    continue
                self.texts.append(_Text(path, source, compiled, conds))

    def problems(self, ctx: Mapping[str, Any]) -> list[TemplateError]:
        """The texts that cannot be filled for the unit of ``ctx`` (one error each)."""
        out: list[TemplateError] = []
        for text in self.texts:
            try:
                if all(g.render(ctx) for g in text.guards):
                    text.template.render(ctx)
            except ReportgenError as exc:
                out.append(self._error(text, exc.message, exc.hint, exc.code))
            except Exception as exc:  # an error of the data (e.g. a figure that is unknown)
                out.append(self._error(text, str(exc), None, None))
        return out

    def _error(self, text: _Text, detail: str, hint: str | None, code: str | None) -> TemplateError:
        shown = text.source if len(text.source) <= 120 else text.source[:117] + "…"
        d = catalog.make(
            "template.definition-text",
            location=Location(file=self.file, key=format_path(text.path)),
            source=shown,
            detail=detail,
        )
        return TemplateError(d.message, location=d.location, hint=hint, code=code or d.code)
