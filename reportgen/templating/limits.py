"""What a template tag may compute: arithmetic that cannot run out of memory or time, and a
division by zero that says so.

The sandbox keeps tags away from Python's internals but, left alone, still lets a tag ask for
``9 ** 999999999`` (minutes of CPU), ``'x' * 3000000000`` (gigabytes) or ``1 / 0`` (an English
``ZeroDivisionError``). :class:`LimitedSandbox` intercepts ``* ** / // %``: results bigger than
the limits below and divisions by zero raise :class:`~reportgen.diagnostics.errors.TemplateError`
with a Vietnamese message, which the engine reports at the tag (file, part, paragraph) like every
other render error. Intercepting also stops Jinja from folding such constants while compiling,
so ``lint`` and ``check`` never hang on them either.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import TemplateError

MAX_SIZE = 1_000_000
"""Most characters or items a tag may build by repetition (``'-' * 40`` is fine)."""
MAX_EXPONENT = 1_000
"""Largest exponent of ``**`` (a report needs squares at most)."""
MAX_DIGITS = 1_000
"""Most digits of a whole-number result of ``*`` or ``**``."""

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
}
_DIVISIONS = frozenset({"/", "//", "%"})


def _number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _digits(value: Any) -> float:
    """Decimal digits of a whole number (0 for other values)."""
    if isinstance(value, int) and not isinstance(value, bool) and value:
        return abs(value).bit_length() * math.log10(2)
    return 0.0


def _error(key: str, **params: Any) -> TemplateError:
    """The catalog entry ``key`` as a :class:`TemplateError`."""
    d = catalog.make(key, **params)
    return TemplateError(d.message, hint=d.hint, code=d.code)


def _expr(op: str, left: Any, right: Any) -> str:
    return f"{_show(left)} {op} {_show(right)}"


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 30 else text[:27] + "…"


def check_binop(op: str, left: Any, right: Any) -> None:
    """Raise :class:`TemplateError` if ``left op right`` would build something too large."""
    if op == "*":
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(seq, str | list | tuple)
                and isinstance(count, int)
                and len(seq) * max(count, 0) > MAX_SIZE
            ):
                raise _error("template.too-large", expr=_expr(op, left, right), limit=MAX_SIZE)
        if _digits(left) + _digits(right) > MAX_DIGITS:
            raise _error("template.too-large-digits", expr=_expr(op, left, right), limit=MAX_DIGITS)
    elif op == "**" and _number(left) and _number(right):
        if abs(right) > MAX_EXPONENT:
            raise _error(
                "template.too-large-exponent", expr=_expr(op, left, right), limit=MAX_EXPONENT
            )
        if isinstance(left, int) and isinstance(right, int) and _digits(left) * right > MAX_DIGITS:
            raise _error("template.too-large-digits", expr=_expr(op, left, right), limit=MAX_DIGITS)


def binop(op: str, left: Any, right: Any) -> Any:
    """``left op right`` within the limits; a division by zero is a :class:`TemplateError`."""
    check_binop(op, left, right)
    if op in _DIVISIONS and _number(left) and _number(right) and right == 0:
        raise _error("template.division-by-zero", op=op)
    try:
        return _OPS[op](left, right)
    except ArithmeticError as exc:  # Decimal overflow, float overflow
        raise _error(
            "template.too-large-result", expr=_expr(op, left, right), reason=type(exc).__name__
        ) from None


def limited_range(*args: int) -> range:
    """Jinja's sandboxed ``range`` with a Vietnamese error past its limit."""
    try:
        return safe_range(*args)
    except OverflowError:
        raise _error("template.too-large-range", limit=100_000) from None


def _limited_filter(name: str, base: Callable[..., Any], position: int) -> Callable[..., Any]:
    """Wrap a built-in filter whose argument at ``position`` is a width (``center``, ``indent``)."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        width = kwargs.get("width", args[position] if len(args) > position else 0)
        if isinstance(width, int) and width > MAX_SIZE:
            raise _error("template.too-large-width", call=name, limit=MAX_SIZE)
        return base(*args, **kwargs)

    wrapped.__name__ = base.__name__
    return wrapped


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the arithmetic limits of this module."""

    intercepted_binops = frozenset(_OPS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = limited_range
        for name, position in (("center", 1), ("indent", 1)):
            self.filters[name] = _limited_filter(name, self.filters[name], position)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Every intercepted operator goes through :func:`binop`."""
        return binop(operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A string method asked for a huge width (``'x'.ljust(10**9)``, ``'{:>999999999}'``)
        is refused before it allocates."""
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            sizes = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            texts = [owner, *(a for a in args if isinstance(a, str))]
            if any(s > MAX_SIZE for s in sizes) or (
                getattr(method, "__name__", "") in ("format", "format_map")
                and any(_wide_format(t) for t in texts)
            ):
                raise _error(
                    "template.too-large-width", call=getattr(method, "__name__", ""), limit=MAX_SIZE
                )
        return super().call(__context, __obj, *args, **kwargs)


def _wide_format(text: str) -> bool:
    """A format string with a width or precision of 7 digits or more."""
    return re.search(r"\{[^{}]*:[^{}]*\d{7}", text) is not None
