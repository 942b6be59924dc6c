"""A small declarative schema: each option is declared once, with its documentation beside it.

Borrowed from mkdocs ``config/defaults.py``: the schema is data, the reference page in docs/ is
generated from it, and validation collects every error (file, line, key path, "expected X, got Y",
"did you mean") before stopping once.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reportgen.config.yamlsource import KeyPath, LineMap
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ConfigError
from reportgen.diagnostics.suggest import did_you_mean as did_you_mean  # re-exported


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def describe_value(value: Any) -> str:
    """Describe a YAML value for "got ..." in an error message."""
    if value is None:
        return catalog.text("config.value-empty")
    if isinstance(value, bool):
        return catalog.text("config.value-bool", value=str(value).lower())
    if isinstance(value, dict):
        return catalog.text("config.value-map" if value else "config.value-empty-map")
    if isinstance(value, list):
        return catalog.text("config.value-list" if value else "config.value-empty-list")
    return f'"{value}"'


@dataclass
class Context:
    """Collects errors while a document is checked against the schema."""

    lines: LineMap
    errors: list[ConfigError] = field(default_factory=list)

    def report(
        self,
        code: str,
        path: KeyPath,
        *,
        hint: str | None = None,
        expected: object = None,
        found: object = None,
        **params: Any,
    ) -> None:
        """Record the error ``code`` of the message catalog at ``path``, its message filled
        with ``params``; ``hint`` replaces the catalog's (a did-you-mean)."""
        d = catalog.make(
            code,
            location=self.lines.location(path),
            hint=hint,
            expected=expected,
            found=found,
            **params,
        )
        self.errors.append(
            ConfigError(
                d.message,
                location=d.location,
                hint=d.hint,
                code=code,
                expected=expected,
                found=found,
            )
        )

    def error(
        self, path: KeyPath, message: str, hint: str | None = None, code: str | None = None
    ) -> None:
        """Record an error at ``path`` with its own words (an extension's; the project's
        own errors come from the catalog through :meth:`report`)."""
        self.errors.append(
            ConfigError(message, location=self.lines.location(path), hint=hint, code=code)
        )

    def expected(self, path: KeyPath, what: str, got: Any, hint: str | None = None) -> None:
        """Record an "expected X, got Y" error at ``path``."""
        found = got if got is None or isinstance(got, str | int | float | bool) else None
        self.report(
            "config.wrong-value",
            path,
            hint=hint,
            expected=what,
            found=found if found is not None else describe_value(got),
            what=what,
            got=describe_value(got),
        )


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
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            ctx.expected(path, self.describe(), value)
            return MISSING
        return number


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
            ctx.report("config.no-such-date", path, value=value)
            return MISSING


def _show_choice(choice: str) -> str:
    if choice == "\t":
        return '"\\t" (Tab)'
    return choice if choice.replace("_", "").isalnum() else f'"{choice}"'


@dataclass
class Choice(Spec):
    """One of a fixed set of words."""

    choices: Sequence[str] = ()

    def describe(self) -> str:
        return "một trong: " + ", ".join(_show_choice(c) for c in self.choices)

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if isinstance(value, str) and value.strip() in self.choices:
            return value.strip()
        hint = None
        if isinstance(value, str):
            guess = did_you_mean(value.strip(), self.choices)
            hint = catalog.text("config.did-you-mean", name=guess) if guess else None
        ctx.expected(path, self.describe(), value, hint)
        return MISSING


@dataclass
class ListOf(Spec):
    """A list of items; a single item is accepted where ``single_ok``.

    Items that are wrong are reported and become ``None`` (so the others keep their positions,
    and the key paths of later mistakes stay right); the items after them are still checked.
    """

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
            ctx.expected(path, catalog.text("config.at-least-items", count=self.min_items), value)
            return MISSING
        out = []
        for i, item in enumerate(value):
            converted = self.item.convert(item, (*path, i), ctx)
            out.append(None if converted is MISSING else converted)
        return out


@dataclass
class MapOf(Spec):
    """A mapping from identifiers to items (e.g. indicators by id).

    Entries with a bad key or a wrong value are reported and left out; the others are kept.
    """

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
        for key, item in value.items():
            if not re.fullmatch(self.key_pattern, key):
                ctx.expected((*path, key), self.key_doc, key)
                continue
            converted = self.item.convert(item, (*path, key), ctx)
            if converted is not MISSING:
                out[key] = converted
        return out


@dataclass
class Field:
    """One option of an :class:`Obj`: its type, whether it is required, its default, its doc."""

    spec: Spec
    doc: str
    required: bool = False
    default: Any = None
    example: str | None = None


def first_phrase(doc: str) -> str:
    """The first phrase of a field's doc, lower-cased, for messages: ``"Tên chỉ tiêu …"`` →
    ``"tên chỉ tiêu …"``."""
    head = re.split(r"[.;:]\s|\.$", doc.strip(), maxsplit=1)[0].strip()
    if len(head) > 1 and not head[1].isupper():
        head = head[0].lower() + head[1:]
    return head


@dataclass
class Obj(Spec):
    """A group of named options. Unknown keys are errors (with "did you mean").

    The result is always a dict with every field (wrong or missing ones are ``None`` after being
    reported), so later checks can go on and report their own mistakes in the same run. The
    ``validate`` hook runs only when the group itself had no error.
    """

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
        n_before = len(ctx.errors)
        #: required keys written with a typo: the typo is reported, not the key as missing too
        misspelt: set[str] = set()
        for key in value:
            if key not in self.fields:
                guess = did_you_mean(key, self.fields)
                if guess is not None and guess not in value:
                    misspelt.add(guess)
                hint = (
                    catalog.text("config.did-you-mean", name=guess)
                    if guess
                    else catalog.text("config.allowed-keys", keys=", ".join(self.fields))
                )
                ctx.report("config.unknown-key", (*path, key), hint=hint, key=key)
        out: dict[str, Any] = {}
        for name, fld in self.fields.items():
            if name in value and value[name] is not None:
                converted = fld.spec.convert(value[name], (*path, name), ctx)
                out[name] = None if converted is MISSING else converted
            elif fld.required and name in misspelt:
                out[name] = None
            elif fld.required:
                example = (
                    catalog.text("config.missing-key-example", key=name, example=fld.example)
                    if fld.example
                    else ""
                )
                ctx.report(
                    "config.missing-key",
                    path,
                    key=name,
                    what=first_phrase(fld.doc),
                    example=example,
                )
                out[name] = None
            else:
                out[name] = copy.copy(fld.default)
        if self.validate is not None and len(ctx.errors) == n_before:
            self.validate(out, path, ctx)
        return out


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


# --- options declared on the typed model ----------------------------------------------------

OPTION = "reportgen.option"
"""The key of a model field's metadata that holds its :class:`Option`."""


@dataclass(frozen=True)
class Option:
    """How a field of a typed model (``reportgen.config.model``) is written in the YAML: its
    key, its group (``report`` for the fields of ``ReportConfig`` written under ``report:``)
    and its :class:`Field` (type, documentation, default)."""

    field: Field
    key: str | None
    group: str | None


class SameObject(Spec):
    """The spec of a list of the object being declared (a section's sub-sections)."""


SELF_LIST = SameObject()


def option(
    spec: Spec,
    doc: str,
    *,
    required: bool = False,
    default: Any = None,
    example: str | None = None,
    key: str | None = None,
    group: str | None = None,
    absent: Any = MISSING,
) -> Any:
    """Declare a YAML option on a field of a typed model — once: the schema (:func:`object_of`),
    the reference page and the loader (:func:`values`) read it there.

    ``default`` is the value when the key is absent (a list default becomes a tuple on the
    model); a required option has no default on the model. ``key`` is the YAML key when it
    differs from the field's name; ``absent`` is the model's value when it is not the YAML
    default (an empty nested object).
    """
    meta = {OPTION: Option(Field(spec, doc, required, default, example), key, group)}
    if required:
        return dataclasses.field(metadata=meta)
    typed = _typed(default) if absent is MISSING else absent
    if isinstance(typed, dict):
        return dataclasses.field(default_factory=lambda: dict(typed), metadata=meta)
    return dataclasses.field(default=typed, metadata=meta)


def _typed(value: Any) -> Any:
    """A converted YAML value as the model holds it: lists become tuples without the items that
    were wrong (reported already)."""
    if isinstance(value, list):
        return tuple(_typed(v) for v in value if v is not None)
    return value


def declared_options(cls: type, group: str | None = None) -> list[tuple[str, str, Field]]:
    """``(field name, YAML key, Field)`` of every option declared on ``cls`` in ``group``, in
    declaration order."""
    out = []
    for f in dataclasses.fields(cls):
        opt = f.metadata.get(OPTION)
        if isinstance(opt, Option) and opt.group == group:
            out.append((f.name, opt.key or f.name, opt.field))
    return out


def values(cls: type, d: dict[str, Any], group: str | None = None, **given: Any) -> dict[str, Any]:
    """The keyword arguments to build ``cls`` from its converted YAML ``d``: every option
    declared on ``cls`` (in ``group``) as the model holds it, except those in ``given``, which
    the loader works out itself (and which are added). A required text left unset after an
    error becomes "" (the config is then never returned, only checked further)."""
    out = dict(given)
    for name, key, fld in declared_options(cls, group):
        if name in out:
            continue
        value = _typed(d.get(key))
        if value is None and fld.required and isinstance(fld.spec, Str):
            value = ""
        out[name] = value
    return out


def object_of(
    cls: type,
    *,
    name: str,
    doc: str,
    group: str | None = None,
    validate: Callable[[dict[str, Any], KeyPath, Context], None] | None = None,
    extra: dict[str, Field] | None = None,
) -> Obj:
    """The schema of the options declared on ``cls`` (in ``group``), plus ``extra`` options
    that the typed model does not keep."""
    obj = Obj(name=name, doc=doc, validate=validate)
    for _, key, fld in declared_options(cls, group):
        if isinstance(fld.spec, SameObject):
            fld = Field(ListOf(obj), fld.doc, fld.required, fld.default, fld.example)
        obj.fields[key] = fld
    obj.fields.update(extra or {})
    return obj
