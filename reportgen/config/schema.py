"""A small declarative schema: each option is declared once, with its documentation beside it.

Borrowed from mkdocs ``config/defaults.py``: the schema is data, the reference page in docs/ is
generated from it, and validation collects every error (file, line, key path, "expected X, got Y",
"did you mean") before stopping once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reportgen.config.yamlsource import KeyPath, LineMap
from reportgen.errors import ConfigError


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def did_you_mean(word: str, candidates: Sequence[str] | Mapping[str, Any]) -> str | None:
    """Return the closest candidate to ``word`` (difflib), or None."""
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def describe_value(value: Any) -> str:
    """Describe a YAML value for "got ..." in an error message."""
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({str(value).lower()})"
    if isinstance(value, dict):
        return "một nhóm khóa"
    if isinstance(value, list):
        return "một danh sách"
    return f'"{value}"'


@dataclass
class Context:
    """Collects errors while a document is checked against the schema."""

    lines: LineMap
    errors: list[ConfigError] = field(default_factory=list)

    def error(self, path: KeyPath, message: str, hint: str | None = None) -> None:
        """Record an error at ``path``."""
        self.errors.append(ConfigError(message, location=self.lines.location(path), hint=hint))

    def expected(self, path: KeyPath, what: str, got: Any, hint: str | None = None) -> None:
        """Record an "expected X, got Y" error at ``path``."""
        self.error(path, f"cần {what}, nhưng gặp {describe_value(got)}", hint)


class Spec:
    """Base of the schema node types."""

    doc: str = ""

    def describe(self) -> str:
        """Short Vietnamese description of what is expected (used in messages and docs)."""
        raise NotImplementedError

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        """Return the converted value, or MISSING after recording an error in ``ctx``."""
        raise NotImplementedError


@dataclass
class Str(Spec):
    """Text. ``pattern`` is a regular expression the whole text must match."""

    pattern: str | None = None
    pattern_doc: str | None = None
    allow_empty: bool = False
    allow_numbers: bool = True

    def describe(self) -> str:
        return self.pattern_doc or "một đoạn chữ"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, dict | list):
            ctx.expected(path, self.describe(), value)
            return MISSING
        if isinstance(value, int | float):
            if not self.allow_numbers:
                ctx.expected(path, self.describe(), value)
                return MISSING
            value = str(value)
        text = str(value).strip()
        if not text and not self.allow_empty:
            ctx.expected(path, self.describe(), value)
            return MISSING
        if self.pattern and not re.fullmatch(self.pattern, text):
            ctx.expected(path, self.describe(), value)
            return MISSING
        return text


@dataclass
class Int(Spec):
    """A whole number within [minimum, maximum]."""

    minimum: int | None = None
    maximum: int | None = None

    def describe(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"một số nguyên từ {self.minimum} đến {self.maximum}"
        if self.minimum is not None:
            return f"một số nguyên từ {self.minimum} trở lên"
        return "một số nguyên"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            ctx.expected(path, self.describe(), value)
            return MISSING
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            ctx.expected(path, self.describe(), value)
            return MISSING
        return value


@dataclass
class Dec(Spec):
    """A number, kept as Decimal (YAML floats are re-read from their text, never as binary)."""

    def describe(self) -> str:
        return "một số"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, dict | list):
            ctx.expected(path, self.describe(), value)
            return MISSING
        try:
            return Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            ctx.expected(path, self.describe(), value)
            return MISSING


@dataclass
class Bool(Spec):
    """true or false."""

    def describe(self) -> str:
        return "true hoặc false"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, bool):
            ctx.expected(path, self.describe(), value)
            return MISSING
        return value


@dataclass
class Date(Spec):
    """A date written 2024-03-05 or 05/03/2024."""

    def describe(self) -> str:
        return "một ngày dạng 2024-03-05 hoặc 05/03/2024"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            ctx.expected(path, self.describe(), value)
            return MISSING
        text = value.strip()
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
        parts: tuple[int, int, int] | None = None
        if m:
            parts = (int(m[1]), int(m[2]), int(m[3]))
        else:
            m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if m:
                parts = (int(m[3]), int(m[2]), int(m[1]))
        if parts is None:
            ctx.expected(path, self.describe(), value)
            return MISSING
        try:
            return date(*parts)
        except ValueError:
            ctx.error(path, f'ngày "{value}" không có thật', "kiểm tra lại ngày và tháng")
            return MISSING


@dataclass
class Choice(Spec):
    """One of a fixed set of words."""

    choices: Sequence[str] = ()

    def describe(self) -> str:
        return "một trong: " + ", ".join(self.choices)

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, str) and value.strip() in self.choices:
            return value.strip()
        hint = None
        if isinstance(value, str):
            guess = did_you_mean(value.strip(), self.choices)
            hint = f'có phải ý bạn là "{guess}"?' if guess else None
        ctx.expected(path, self.describe(), value, hint)
        return MISSING


@dataclass
class ListOf(Spec):
    """A list of items; a single item is accepted where ``single_ok``."""

    item: Spec = field(default_factory=Str)
    single_ok: bool = False
    min_items: int = 0

    def describe(self) -> str:
        return f"một danh sách ({self.item.describe()})"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, list):
            if self.single_ok and value is not None and not isinstance(value, dict):
                value = [value]
            else:
                ctx.expected(path, self.describe(), value)
                return MISSING
        if len(value) < self.min_items:
            ctx.error(path, f"cần ít nhất {self.min_items} mục")
            return MISSING
        out = []
        ok = True
        for i, item in enumerate(value):
            converted = self.item.convert(item, (*path, i), ctx)
            ok = ok and converted is not MISSING
            out.append(converted)
        return out if ok else MISSING


@dataclass
class MapOf(Spec):
    """A mapping from identifiers to items (e.g. indicators by id)."""

    item: Spec = field(default_factory=Str)
    key_pattern: str = r"[a-z_][a-z0-9_]*"
    key_doc: str = "mã viết thường không dấu, nối bằng dấu gạch dưới (ví dụ ho_ngheo)"

    def describe(self) -> str:
        return "một nhóm khóa"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.expected(path, self.describe(), value)
            return MISSING
        out: dict[str, Any] = {}
        ok = True
        for key, item in value.items():
            if not re.fullmatch(self.key_pattern, key):
                ctx.error((*path, key), f'mã "{key}" không hợp lệ: cần {self.key_doc}')
                ok = False
                continue
            converted = self.item.convert(item, (*path, key), ctx)
            ok = ok and converted is not MISSING
            out[key] = converted
        return out if ok else MISSING


@dataclass
class Field:
    """One option of an :class:`Obj`: its type, whether it is required, its default, its doc."""

    spec: Spec
    doc: str
    required: bool = False
    default: Any = None
    example: str | None = None


@dataclass
class Obj(Spec):
    """A group of named options. Unknown keys are errors (with "did you mean")."""

    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    name: str = ""
    validate: Callable[[dict[str, Any], KeyPath, Context], None] | None = None

    def describe(self) -> str:
        return "một nhóm khóa"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.expected(path, self.describe(), value)
            return MISSING
        ok = True
        for key in value:
            if key not in self.fields:
                guess = did_you_mean(key, self.fields)
                hint = f'có phải ý bạn là "{guess}"?' if guess else (
                    "các khóa được phép: " + ", ".join(self.fields)
                )
                ctx.error((*path, key), f'khóa "{key}" không được hỗ trợ ở đây', hint)
                ok = False
        out: dict[str, Any] = {}
        for name, fld in self.fields.items():
            if name in value and value[name] is not None:
                converted = fld.spec.convert(value[name], (*path, name), ctx)
                ok = ok and converted is not MISSING
                out[name] = converted
            elif fld.required:
                ctx.error(
                    path,
                    f'thiếu khóa bắt buộc "{name}" ({fld.doc.split(".")[0].lower()})',
                    f"thêm dòng `{name}: ...`" + (f", ví dụ `{name}: {fld.example}`"
                                                  if fld.example else ""),
                )
                ok = False
            else:
                out[name] = fld.default
        if ok and self.validate is not None:
            n_before = len(ctx.errors)
            self.validate(out, path, ctx)
            ok = len(ctx.errors) == n_before
        return out if ok else MISSING


@dataclass
class Either(Spec):
    """A short form (e.g. a plain string) or a full form (an :class:`Obj`)."""

    short: Spec = field(default_factory=Str)
    full: Obj = field(default_factory=Obj)
    to_full: Callable[[Any], dict[str, Any]] = lambda v: {"text": v}

    def describe(self) -> str:
        return f"{self.short.describe()} hoặc {self.full.describe()}"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, dict):
            return self.full.convert(value, path, ctx)
        converted = self.short.convert(value, path, ctx)
        if converted is MISSING:
            return MISSING
        return self.full.convert(self.to_full(converted), path, ctx)
