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


def _too_big(name: str, what: str, line: int | None, hint: str) -> ConfigError:
    return ConfigError(
        f"tệp định nghĩa báo cáo {what}",
        location=Location(file=name, line=line),
        hint=hint,
        code="config.too-large",
    )


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
            raise _too_big(
                name,
                f"có quá nhiều giá trị khi mở rộng các tham chiếu *neo (hơn {MAX_VALUES})",
                _line(event),
                "viết thẳng giá trị thay cho các tham chiếu &neo/*neo lồng nhau",
            )

    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([event.anchor, 0])
                if len(stack) - 1 > MAX_DEPTH:
                    raise _too_big(
                        name,
                        f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)",
                        _line(event),
                        "các mục của định nghĩa báo cáo chỉ lồng vài cấp; kiểm tra thụt lề và "
                        "các dấu [ { chưa đóng",
                    )
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
                    raise ConfigError(
                        f"tham chiếu *{event.anchor} nằm bên trong chính giá trị &{event.anchor}"
                        " (giá trị lồng vào chính nó không bao giờ hết)",
                        location=Location(file=name, line=_line(event)),
                        hint=f"bỏ *{event.anchor} ở dòng này, hoặc viết thẳng giá trị cần dùng",
                        code="config.recursive-alias",
                    )
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _too_big(
                        name,
                        f"dùng quá nhiều tham chiếu *neo (hơn {MAX_ALIASES})",
                        _line(event),
                        "viết thẳng giá trị thay cho các tham chiếu &neo/*neo",
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
                self.name,
                f"có quá nhiều giá trị khi mở rộng các tham chiếu *neo (hơn {MAX_VALUES})",
                node.start_mark.line + 1,
                "viết thẳng giá trị thay cho các tham chiếu &neo/*neo lồng nhau",
            )


def _walk(node: yaml.Node, path: KeyPath, lines: LineMap, loader: _Loader, budget: _Budget) -> Any:
    budget.spend(node)
    lines.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError(
                    "khóa phải là một chữ, không phải danh sách hay nhóm khóa",
                    location=Location(file=lines.file, line=key_node.start_mark.line + 1),
                    hint="viết khóa là một tên, ví dụ `ho_ngheo:`",
                    code="config.key-not-text",
                )
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
                        code="config.duplicate-key",
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


#: libyaml's problems with ``&anchor`` / ``*alias``, said in Vietnamese (the others keep the
#: parser's words, after the line)
_ALIAS_PROBLEMS = {
    "undefined alias": (
        "tham chiếu *… dùng một neo &… chưa được đặt ở phía trên (found undefined alias)",
        "đặt neo &tên trước chỗ dùng *tên, hoặc viết thẳng giá trị",
    ),
    "second occurrence": (
        "một neo &… được đặt hai lần (second occurrence)",
        "đổi tên một trong hai neo &tên",
    ),
}


_INDENT_HINT = "kiểm tra thụt lề (dùng dấu cách, không dùng Tab) và dấu hai chấm sau mỗi khóa"

#: libyaml's problem (its beginning) → what it means for a person editing the file, and the fix.
_SYNTAX_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "có dấu hai chấm ở chỗ không được có (một giá trị chứa dấu «:» mà không nằm trong ngoặc "
        "kép, hoặc hai khóa trên cùng một dòng)",
        'đặt giá trị có dấu hai chấm trong ngoặc kép, ví dụ title: "Báo cáo: kết quả năm 2024"',
    ),
    (
        "found character '\\t'",
        "có ký tự Tab ở đầu dòng hoặc giữa khóa và giá trị",
        "thay Tab bằng dấu cách (YAML chỉ thụt lề bằng dấu cách)",
    ),
    (
        "did not find expected ',' or ']'",
        "danh sách trong ngoặc vuông [...] thiếu dấu phẩy hoặc chưa đóng «]»",
        "thêm «]» ở cuối danh sách, hoặc dấu phẩy giữa các mục",
    ),
    (
        "did not find expected ',' or '}'",
        "cặp ngoặc nhọn {...} thiếu dấu phẩy hoặc chưa đóng «}»",
        "thêm «}» ở cuối, hoặc dấu phẩy giữa các mục",
    ),
    (
        "expected ',' or ']'",
        "danh sách trong ngoặc vuông [...] thiếu dấu phẩy hoặc chưa đóng «]»",
        "thêm «]» ở cuối danh sách, hoặc dấu phẩy giữa các mục",
    ),
    (
        "expected ',' or '}'",
        "cặp ngoặc nhọn {...} thiếu dấu phẩy hoặc chưa đóng «}»",
        "thêm «}» ở cuối, hoặc dấu phẩy giữa các mục",
    ),
    (
        "found unexpected end of stream",
        "tệp kết thúc khi một chuỗi trong ngoặc kép chưa được đóng",
        "thêm dấu ngoặc kép đóng ở cuối chuỗi bắt đầu từ dòng này",
    ),
    (
        "found unknown escape character",
        "chuỗi trong ngoặc kép có dấu «\\» không hợp lệ (ví dụ đường dẫn kiểu C:\\thu-muc)",
        "dùng ngoặc đơn '...' cho chuỗi có dấu «\\», hoặc viết «/» thay cho «\\»",
    ),
    (
        "expected <block end>",
        "thụt lề không đều: dòng này không thẳng hàng với các khóa hoặc các mục «-» cùng cấp",
        "thụt lề các khóa cùng cấp bằng đúng số dấu cách như nhau (thường là 2)",
    ),
    (
        "could not find expected ':'",
        "thiếu dấu hai chấm sau khóa (hoặc một dòng chữ bị xuống dòng giữa chừng)",
        "viết «khóa: giá trị»; chữ dài thì đặt cả đoạn trong ngoặc kép trên một dòng",
    ),
    (
        "did not find expected key",
        "thụt lề không đều: dòng này không thẳng hàng với các khóa cùng cấp",
        _INDENT_HINT,
    ),
    (
        "did not find expected '-' indicator",
        "thụt lề không đều trong danh sách: dòng này không thẳng hàng với các mục «-»",
        _INDENT_HINT,
    ),
    (
        "expected a comment or a line break",
        "có chữ sau giá trị trong ngoặc kép trên cùng một dòng",
        "đặt cả giá trị trong ngoặc kép, hoặc xuống dòng trước chữ thừa",
    ),
)


def _syntax_problem(said: str) -> tuple[str, str]:
    """libyaml's English problem as a Vietnamese reason and fix; a problem not in the table
    keeps libyaml's words, marked as such, with the general advice."""
    for start, reason, hint in _SYNTAX_PROBLEMS:
        if said.startswith(start):
            return reason, hint
    if "that cannot start any token" in said:
        shown = said.split(" that ")[0].removeprefix("found character").strip()
        return (
            "có ký tự không được đứng đầu một giá trị"
            + (f" ({shown})" if shown else "")
            + " (thường là Tab, @ hoặc ` đứng đầu)",
            'đặt giá trị trong ngoặc kép, ví dụ ghi_chu: "@ chú thích"',
        )
    return f"{said} (thông báo của bộ đọc YAML)", _INDENT_HINT


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
            raise _too_big(
                name,
                f"quá lớn ({size} byte; tối đa {MAX_BYTES} byte)",
                None,
                "định nghĩa báo cáo chỉ chứa cấu hình; số liệu đặt trong tệp CSV/Excel ở mục data",
            )
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(
            "không tìm thấy tệp định nghĩa báo cáo",
            location=Location(file=name),
            hint="kiểm tra lại đường dẫn tệp .yaml",
            code="config.not-found",
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start})",
            location=Location(file=name),
            hint="lưu lại tệp với mã hóa UTF-8",
            code="config.not-utf8",
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            "đây là một thư mục, không phải tệp định nghĩa báo cáo",
            location=Location(file=name),
            hint="chỉ đường dẫn tới tệp .yaml trong thư mục đó",
            code="config.is-directory",
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"không đọc được tệp định nghĩa báo cáo: {exc.strerror or exc}",
            location=Location(file=name),
            hint="kiểm tra quyền đọc tệp",
            code="config.unreadable",
        ) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str = "<yaml>") -> tuple[Any, LineMap]:
    """Parse YAML text; see :func:`load_yaml`."""
    if len(text) > MAX_BYTES:
        raise _too_big(
            name,
            f"quá lớn ({len(text)} ký tự; tối đa {MAX_BYTES})",
            None,
            "định nghĩa báo cáo chỉ chứa cấu hình; số liệu đặt trong tệp CSV/Excel ở mục data",
        )
    lines = LineMap(name)
    loader: _Loader | None = None
    try:
        _check_limits(text, name)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise ConfigError(
                "tệp định nghĩa báo cáo trống",
                location=Location(file=name),
                hint="xem mẫu trong configs/ và docs/config-reference.md",
                code="config.empty",
            )
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
        reason, hint = _ALIAS_PROBLEMS.get(key) or _syntax_problem(said)
        raise ConfigError(
            f"lỗi cú pháp YAML: {reason}",
            location=Location(file=name, line=line),
            hint=hint,
            code="config.yaml-syntax",
        ) from None
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
