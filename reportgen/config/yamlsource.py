"""Load YAML while remembering the line of every key and value.

``load_yaml`` returns plain Python data plus a :class:`LineMap` that answers "on which line is
``indicators.ty_le.decimals``?" so config errors can point at the exact line, as Jinja and mkdocs
do. Dates stay strings (the schema parses them with Vietnamese-aware rules) and duplicate keys are
errors, not silent overwrites.

A report definition is a small hand-written file, so reading one is bounded: at most
:data:`MAX_BYTES` bytes, :data:`MAX_DEPTH` levels of nesting, :data:`MAX_ALIASES` uses of
``*alias`` and :data:`MAX_VALUES` values once aliases are expanded. Past a limit the file is
refused with a located Vietnamese error instead of running out of memory ("billion laughs") or
stack (a value nested hundreds of levels deep) — the limits are checked on the parser's event
stream, before any tree is built.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ConfigError, Location

KeyPath = tuple[str | int, ...]

MAX_BYTES = 2_000_000
"""Largest report definition read (2 MB; real ones are a few dozen kB)."""
MAX_DEPTH = 40
"""Deepest nesting of lists and key groups (real definitions use fewer than 10 levels)."""
MAX_ALIASES = 200
"""Most ``*alias`` references in one file."""
MAX_VALUES = 200_000
"""Most values (keys, scalars, lists, groups) once every alias is expanded."""


def format_path(path: KeyPath) -> str:
    """Return a key path as ``sections[2].paragraphs[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class LineMap:
    """Lines (1-based) of the keys and values of a YAML document, by key path.

    ``problems`` holds what was wrong in the document itself but did not stop reading it (a key
    written twice: the first value is kept), so the loader can report it with everything else.
    """

    file: str
    lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[ConfigError] = field(default_factory=list)

    def line(self, path: KeyPath) -> int | None:
        """Return the line of ``path`` or of its closest known parent."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def location(self, path: KeyPath) -> Location:
        """Return a :class:`Location` for ``path`` in this file."""
        return Location(file=self.file, line=self.line(path), key=format_path(path) or None)


# libyaml's parser when PyYAML has it (several times faster); the pure-Python one otherwise.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader that keeps timestamps as strings."""


# Keep dates as text: "2024-03-05" is parsed by the schema, which reports errors with a line.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _too_big(code: str, name: str, line: int | None, **params: Any) -> ConfigError:
    """The error ``code`` (one wording of ``config.too-large``) at ``line`` of ``name``."""
    return ConfigError.of(code, location=Location(file=name, line=line), **params)


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


def _check_limits(text: str, name: str) -> None:
    """Refuse, before building anything, a document nested deeper than :data:`MAX_DEPTH`, with
    more than :data:`MAX_ALIASES` aliases, or that would hold more than :data:`MAX_VALUES`
    values once its aliases are expanded (libyaml's event parser uses no recursion; the size
    of every anchored value is added up as the events go by)."""
    loader = _Loader(text)
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]  # [anchor, values so far] per open collection
    aliases = 0

    def add(count: int, event: yaml.Event) -> None:
        stack[-1][1] += count
        if sum(level[1] for level in stack) > MAX_VALUES:
            raise _too_big("config.too-large-values", name, _line(event), limit=MAX_VALUES)

    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([event.anchor, 0])
                if len(stack) - 1 > MAX_DEPTH:
                    raise _too_big("config.too-large-depth", name, _line(event), limit=MAX_DEPTH)
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, count = stack.pop()
                if anchor is not None:
                    sizes[anchor] = count + 1
                add(count + 1, event)
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                add(1, event)
            elif isinstance(event, yaml.AliasEvent):
                if any(level[0] == event.anchor for level in stack):
                    raise ConfigError.of(
                        "config.recursive-alias",
                        location=Location(file=name, line=_line(event)),
                        anchor=event.anchor,
                    )
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _too_big(
                        "config.too-large-aliases", name, _line(event), limit=MAX_ALIASES
                    )
                add(sizes.get(event.anchor or "", 1), event)
    finally:
        loader.dispose()


class _Budget:
    """Counts the values built while walking the tree (aliases expanded)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.left = MAX_VALUES

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise _too_big(
                "config.too-large-values", self.name, node.start_mark.line + 1, limit=MAX_VALUES
            )


def _walk(node: yaml.Node, path: KeyPath, lines: LineMap, loader: _Loader, budget: _Budget) -> Any:
    budget.spend(node)
    lines.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError.of(
                    "config.key-not-text",
                    location=Location(file=lines.file, line=key_node.start_mark.line + 1),
                )
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            key = unicodedata.normalize("NFC", key)
            child = (*path, key)
            if key in out:
                first = lines.lines.get(child)
                second = key_node.start_mark.line + 1
                lines.problems.append(
                    ConfigError.of(
                        "config.duplicate-key",
                        location=Location(file=lines.file, line=second, key=format_path(child)),
                        key=key,
                        lines=catalog.text("config.duplicate-key-lines", first=first, second=second)
                        if first
                        else "",
                    )
                )
                continue
            out[key] = _walk(value_node, child, lines, loader, budget)
            lines.lines[child] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, i), lines, loader, budget) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
    return value


#: libyaml's problems with ``&anchor`` / ``*alias`` → their catalog entry
_ALIAS_PROBLEMS = {
    "undefined alias": "config.yaml-syntax-undefined-alias",
    "second occurrence": "config.yaml-syntax-anchor-twice",
}

#: libyaml's problem (its beginning) → the catalog entry that says what it means for a person
#: editing the file, and the fix.
_SYNTAX_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "config.yaml-syntax-colon"),
    ("found character '\\t'", "config.yaml-syntax-tab"),
    ("did not find expected ',' or ']'", "config.yaml-syntax-list"),
    ("did not find expected ',' or '}'", "config.yaml-syntax-braces"),
    ("expected ',' or ']'", "config.yaml-syntax-list"),
    ("expected ',' or '}'", "config.yaml-syntax-braces"),
    ("found unexpected end of stream", "config.yaml-syntax-quote"),
    ("found unknown escape character", "config.yaml-syntax-backslash"),
    ("expected <block end>", "config.yaml-syntax-indent"),
    ("could not find expected ':'", "config.yaml-syntax-colon-missing"),
    ("did not find expected key", "config.yaml-syntax-indent-keys"),
    ("did not find expected '-' indicator", "config.yaml-syntax-indent-items"),
    ("expected a comment or a line break", "config.yaml-syntax-after-quote"),
)


def _syntax_problem(said: str) -> tuple[str, dict[str, str]]:
    """libyaml's English problem as the catalog entry of a Vietnamese reason and fix, with its
    fields; a problem not in the table keeps libyaml's words, marked as such, with the general
    advice (``config.yaml-syntax``)."""
    for start, code in _SYNTAX_PROBLEMS:
        if said.startswith(start):
            return code, {}
    if "that cannot start any token" in said:
        shown = said.split(" that ")[0].removeprefix("found character").strip()
        return "config.yaml-syntax-token", {"shown": f" ({shown})" if shown else ""}
    return "config.yaml-syntax", {"said": said}


def load_yaml(path: str | Path, *, display_name: str | None = None) -> tuple[Any, LineMap]:
    """Read a YAML file; return its data and the line of every key path.

    Raises :class:`ConfigError` with the file and line for unreadable files and YAML syntax
    errors, in Vietnamese, with a hint.
    """
    p = Path(path)
    name = display_name or str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise _too_big("config.too-large", name, None, size=size, limit=MAX_BYTES)
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError.of("config.not-found", location=Location(file=name)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError.of(
            "config.not-utf8", location=Location(file=name), position=exc.start
        ) from None
    except IsADirectoryError:
        raise ConfigError.of("config.is-directory", location=Location(file=name)) from None
    except OSError as exc:
        raise ConfigError.of(
            "config.unreadable", location=Location(file=name), reason=exc.strerror or exc
        ) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str = "<yaml>") -> tuple[Any, LineMap]:
    """Parse YAML text; see :func:`load_yaml`."""
    if len(text) > MAX_BYTES:
        raise _too_big("config.too-large-chars", name, None, size=len(text), limit=MAX_BYTES)
    lines = LineMap(name)
    loader: _Loader | None = None
    try:
        _check_limits(text, name)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise ConfigError.of("config.empty", location=Location(file=name))
        data = _walk(node, (), lines, loader, _Budget(name))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        said = str(exc.problem or exc.context)
        key = "undefined alias" if said.startswith("found undefined alias") else said
        source_lines = text.splitlines()
        if (
            "cannot start any token" in said
            and line is not None
            and 0 < line <= len(source_lines)
            and "\t" in source_lines[line - 1]
        ):
            said = "found character '\\t' that cannot start any token"
        alias = _ALIAS_PROBLEMS.get(key)
        code, params = (alias, {}) if alias else _syntax_problem(said)
        raise ConfigError.of(code, location=Location(file=name, line=line), **params) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, lines


def iter_paths(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Yield every (key path, value) in ``data``, depth first."""
    yield path, data
    if isinstance(data, dict):
        for k, v in data.items():
            yield from iter_paths(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from iter_paths(v, (*path, i))
