"""Load YAML while remembering the line of every key and value.

``load_yaml`` returns plain Python data plus a :class:`LineMap` that answers "on which line is
``indicators.ty_le.decimals``?" so config errors can point at the exact line, as Jinja and mkdocs
do. Dates stay strings (the schema parses them with Vietnamese-aware rules) and duplicate keys are
errors, not silent overwrites.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.diagnostics.errors import ConfigError, Location

KeyPath = tuple[str | int, ...]


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


def _walk(node: yaml.Node, path: KeyPath, lines: LineMap, loader: _Loader) -> Any:
    lines.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            key = unicodedata.normalize("NFC", key)
            child = (*path, key)
            if key in out:
                first = lines.lines.get(child)
                lines.problems.append(
                    ConfigError(
                        f'khóa "{key}" xuất hiện hai lần'
                        + (
                            f" (dòng {first} và dòng {key_node.start_mark.line + 1})"
                            if first
                            else ""
                        ),
                        location=Location(
                            file=lines.file,
                            line=key_node.start_mark.line + 1,
                            key=format_path(child),
                        ),
                        hint="xóa một trong hai dòng hoặc đổi tên khóa (giá trị đầu tiên được dùng)",
                    )
                )
                continue
            out[key] = _walk(value_node, child, lines, loader)
            lines.lines[child] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, i), lines, loader) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
    return value


def load_yaml(path: str | Path, *, display_name: str | None = None) -> tuple[Any, LineMap]:
    """Read a YAML file; return its data and the line of every key path.

    Raises :class:`ConfigError` with the file and line for unreadable files and YAML syntax
    errors, in Vietnamese, with a hint.
    """
    p = Path(path)
    name = display_name or str(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(
            "không tìm thấy tệp định nghĩa báo cáo",
            location=Location(file=name),
            hint="kiểm tra lại đường dẫn tệp .yaml",
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start})",
            location=Location(file=name),
            hint="lưu lại tệp với mã hóa UTF-8",
        ) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str = "<yaml>") -> tuple[Any, LineMap]:
    """Parse YAML text; see :func:`load_yaml`."""
    loader = _Loader(text)
    lines = LineMap(name)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ConfigError(
                "tệp định nghĩa báo cáo trống",
                location=Location(file=name),
                hint="xem mẫu trong configs/ và docs/config-reference.md",
            )
        data = _walk(node, (), lines, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(
            f"lỗi cú pháp YAML: {exc.problem or exc.context}",
            location=Location(file=name, line=line),
            hint="kiểm tra thụt lề (dùng dấu cách, không dùng Tab) và dấu hai chấm sau mỗi khóa",
        ) from None
    finally:
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
