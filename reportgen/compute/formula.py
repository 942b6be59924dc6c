"""Safe arithmetic formulas over indicators, e.g. ``ho_ngheo / tong_so_ho * 100``.

A formula is parsed with :mod:`ast` and only a whitelist of nodes is accepted (numbers, indicator
names, + - * /, unary minus, parentheses and the functions ``sum``, ``min``, ``max``, ``abs``,
``round``). It is then compiled into nested closures — no ``eval`` of Python anywhere. Values are
``Decimal``; a missing input or a division by zero gives ``None`` (unknown), never a silent zero.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from reportgen.diagnostics import catalog

Values = Mapping[str, Decimal | None]
Evaluator = Callable[[Values], Decimal | None]

FUNCTIONS = ("sum", "min", "max", "abs", "round")


class FormulaError(ValueError):
    """A formula is not valid; ``column`` is the 1-based position of the problem when known."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Formula:
    """A compiled formula: its text, the indicators it reads, and its evaluator."""

    text: str
    names: frozenset[str]
    evaluate: Evaluator

    def __call__(self, values: Values) -> Decimal | None:
        return self.evaluate(values)


def _div(a: Decimal, b: Decimal) -> Decimal | None:
    return None if b == 0 else a / b


_BINOPS: dict[type[ast.operator], Callable[[Decimal, Decimal], Decimal | None]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: _div,
}


def _compile(node: ast.AST, names: set[str]) -> Evaluator:
    if isinstance(node, ast.Expression):
        return _compile(node.body, names)
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        const = Decimal(str(node.value))
        if not const.is_finite():
            raise FormulaError(
                catalog.text("compute.formula-number-too-large"), node.col_offset + 1
            )
        return lambda v: const
    if isinstance(node, ast.Name):
        name = node.id
        names.add(name)
        return lambda v: v.get(name)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _compile(node.operand, names)
        if isinstance(node.op, ast.UAdd):
            return inner

        def neg(v: Values) -> Decimal | None:
            x = inner(v)
            return None if x is None else -x

        return neg
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        op = _BINOPS[type(node.op)]
        left = _compile(node.left, names)
        right = _compile(node.right, names)

        def binop(v: Values) -> Decimal | None:
            a = left(v)
            if a is None:
                return None
            b = right(v)
            if b is None:
                return None
            return op(a, b)

        return binop
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        fname = node.func.id
        if fname not in FUNCTIONS:
            raise FormulaError(
                catalog.text(
                    "compute.formula-unknown-function", name=fname, functions=", ".join(FUNCTIONS)
                ),
                node.col_offset + 1,
            )
        args = [_compile(a, names) for a in node.args]
        if fname in ("abs",) and len(args) != 1:
            raise FormulaError(catalog.text("compute.formula-abs-arguments"), node.col_offset + 1)
        if fname == "round" and len(args) != 2:
            raise FormulaError(catalog.text("compute.formula-round-arguments"), node.col_offset + 1)
        if fname == "round" and not _small_whole_number(node.args[1]):
            raise FormulaError(
                catalog.text("compute.formula-round-digits", most=MAX_ROUND_DIGITS),
                node.args[1].col_offset + 1,
            )
        if not args:
            raise FormulaError(
                catalog.text("compute.formula-no-arguments", name=fname), node.col_offset + 1
            )
        return _function(fname, args)
    col = getattr(node, "col_offset", None)
    raise FormulaError(
        catalog.text("compute.formula-not-allowed", functions=", ".join(FUNCTIONS)),
        None if col is None else col + 1,
    )


def _function(fname: str, args: list[Evaluator]) -> Evaluator:
    def values(v: Values) -> list[Decimal] | None:
        out = []
        for a in args:
            x = a(v)
            if x is None:
                return None
            out.append(x)
        return out

    if fname == "sum":
        return lambda v: None if (xs := values(v)) is None else sum(xs, Decimal(0))
    if fname == "min":
        return lambda v: None if (xs := values(v)) is None else min(xs)
    if fname == "max":
        return lambda v: None if (xs := values(v)) is None else max(xs)
    if fname == "abs":
        return lambda v: None if (xs := values(v)) is None else abs(xs[0])

    def rnd(v: Values) -> Decimal | None:
        xs = values(v)
        if xs is None:
            return None
        try:
            return xs[0].quantize(Decimal(1).scaleb(-int(xs[1])), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # more digits than Decimal keeps: not computable, never wrong
            return None

    return rnd


MAX_ROUND_DIGITS = 15
"""Largest number of digits ``round`` may keep (or drop, when negative)."""


def _small_whole_number(node: ast.expr) -> bool:
    """A literal whole number within ±:data:`MAX_ROUND_DIGITS` (``2``, ``-3``)."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and type(node.value) is int
        and abs(sign * node.value) <= MAX_ROUND_DIGITS
    )


def compile_formula(text: str) -> Formula:
    """Parse and compile ``text``; raise :class:`FormulaError` (Vietnamese) when it is not safe
    arithmetic over indicator names."""
    source = text.strip()
    if not source:
        raise FormulaError(catalog.text("compute.formula-empty"))
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(
            catalog.text("compute.formula-syntax", reason=exc.msg), exc.offset
        ) from None
    names: set[str] = set()
    evaluate = _compile(tree, names)
    return Formula(source, frozenset(names), evaluate)
