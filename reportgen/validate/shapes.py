"""The shape of a clerk's mistake: how a stated figure relates to the one that would make the
checks agree (đồng typed for triệu, a moved decimal comma, two swapped digits, one digit
mistyped, last year's value copied, the value of the neighbouring column or row).

:func:`undo_values` lists the figures a stated value may have been before such a mistake (to
find the right one inside a range of possible values); :func:`recognise` names the shape."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from reportgen.diagnostics import catalog
from reportgen.vnformat import format_number

_MILLION = Decimal(1_000_000)
_THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class Shape:
    """A recognised mistake: a stable ``code``, a Vietnamese phrase, and how telling it is
    (``strength`` 3: a shape that rarely happens by chance; 1: one mistyped digit)."""

    code: str
    text: str
    strength: int

    def as_dict(self) -> dict[str, object]:
        """The shape for JSON."""
        return {"code": self.code, "text": self.text}


def _digits(value: Decimal) -> tuple[str, int]:
    """The digits of ``|value|`` without separators and its exponent (``12,5`` → ``125``, -1)."""
    _sign, digits, exp = abs(value).as_tuple()
    assert isinstance(exp, int)
    return "".join(map(str, digits)), exp


def _from_digits(digits: str, exp: int, negative: bool) -> Decimal:
    value = Decimal(f"{digits}E{exp}")
    return -value if negative else value


def swaps(value: Decimal) -> Iterator[Decimal]:
    """``value`` with two neighbouring digits swapped (``1.827`` → ``8.127``, ``1.287`` …)."""
    digits, exp = _digits(value)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            s = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            yield _from_digits(s, exp, value < 0)


def one_digit_changes(value: Decimal) -> Iterator[Decimal]:
    """``value`` with one digit replaced by another."""
    digits, exp = _digits(value)
    for i, d in enumerate(digits):
        for r in "0123456789":
            if r != d:
                yield _from_digits(digits[:i] + r + digits[i + 1 :], exp, value < 0)


def distinctive(value: Decimal) -> bool:
    """Whether a figure has at least three significant digits (``1,13``, ``545``, ``4.558``):
    equal to another one by chance rarely."""
    digits, _ = _digits(value)
    return len(digits.strip("0")) >= 3 or len(digits.lstrip("0")) >= 3


def undo_values(
    value: Decimal, money: bool, count: bool = False
) -> Iterator[tuple[Decimal, Shape]]:
    """The figures ``value`` may have been before a mistake of a known shape, with the shape.
    (A count is whole: a moved decimal comma can only have made it larger.)"""
    if money and value:
        yield (
            value / _MILLION,
            Shape("dong-for-trieu", catalog.text("check.shape-dong-for-trieu"), 3),
        )
        yield value / _THOUSAND, Shape("thousand", catalog.text("check.shape-thousand"), 3)
    for k, word in ((10, "10"), (100, "100")):
        yield (
            value / k,
            Shape(f"decimal-x{word}", catalog.text("check.shape-decimal-x", times=word), 3),
        )
        if not count:
            yield (
                value * k,
                Shape(f"decimal-div{word}", catalog.text("check.shape-decimal-div", times=word), 3),
            )
    for s in swaps(value):
        yield s, Shape("swapped-digits", catalog.text("check.shape-swapped-digits"), 3)
    for s in one_digit_changes(value):
        yield s, Shape("digit-typo", catalog.text("check.shape-digit-typo"), 1)


def relation_shape(
    stated: Decimal, right: Decimal, money: bool, count: bool = False
) -> Shape | None:
    """The shape that turns ``right`` into ``stated``, if one is known."""
    if stated == right:
        return None
    for value, shape in undo_values(stated, money, count):
        if value == right:
            return shape
    return None


def copied_shape(
    stated: Decimal,
    previous: Decimal | None,
    neighbours: Mapping[str, Decimal | None],
) -> Shape | None:
    """Whether ``stated`` is last year's figure of the same indicator or the figure of a
    neighbouring cell (for figures of three significant digits or more; a neighbour's figure
    of two significant digits counts as weakly as one mistyped digit; smaller ones are equal by
    chance too often to tell). A coincidence is possible, so such a shape weighs less than one
    the relations confirm."""
    if not distinctive(stated):
        # two significant digits: equal to a neighbouring cell by chance now and then, so as
        # weak as one mistyped digit (last year's small figure is often simply unchanged)
        digits, _ = _digits(stated)
        if len(digits.strip("0")) == 2:
            for where, value in neighbours.items():
                if value is not None and value == stated:
                    return Shape("neighbour", catalog.text("check.shape-neighbour", where=where), 1)
        return None
    if previous is not None and stated == previous:
        last = format_number(previous)
        return Shape("last-year", catalog.text("check.shape-last-year", previous=last), 2)
    for where, value in neighbours.items():
        if value is not None and value == stated:
            return Shape("neighbour", catalog.text("check.shape-neighbour", where=where), 2)
    return None
