"""Vietnamese figures: half-up rounding, "." thousands and "," decimals, percentages, money.

Everything here works on :class:`decimal.Decimal` (or ``int``, or a plain machine string such as
``"1234.5"``); floats are refused because they cannot hold money exactly. The formatting
functions are on the hot path of batch rendering, so they avoid Babel and regular expressions:
the separators are swapped with one ``str.translate`` after Python's own ``","`` grouping.

:func:`parse_number` is the opposite direction: numbers typed by people (``1.013``, ``1,2``,
``1 013``), checked strictly; a text that could be read two ways is an error, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, TypeAlias

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import NumberFormatError

__all__ = [
    "DECIMAL_SEPARATOR",
    "GROUP_SEPARATOR",
    "MONEY_UNITS",
    "Number",
    "format_money",
    "format_number",
    "format_percent",
    "format_points",
    "parse_number",
    "round_half_up",
    "scale_money",
    "to_decimal",
]

Number: TypeAlias = Decimal | int
"""A figure: an exact decimal or an integer (never a float)."""

DECIMAL_SEPARATOR = ","
"""The decimal mark of Vietnamese (``62,95``); equal to Babel's ``vi`` decimal symbol."""

GROUP_SEPARATOR = "."
"""The thousands separator of Vietnamese (``1.013``); equal to Babel's ``vi`` group symbol."""

MONEY_UNITS: Mapping[str, int] = MappingProxyType(
    {
        "đồng": 1,
        "đ": 1,
        "nghìn đồng": 10**3,
        "ngàn đồng": 10**3,
        "triệu đồng": 10**6,
        "tỷ đồng": 10**9,
    }
)
"""Money units a figure can be written in, each with its size in đồng (read-only)."""

# Exponent of ten of each unit (all units are powers of ten, so scaling is exact).
_UNIT_EXP: dict[str, int] = {name: len(str(size)) - 1 for name, size in MONEY_UNITS.items()}

# A context wide enough that quantize never runs out of digits for real figures, independent of
# whatever the caller did to the thread's default context.
_CTX = Context(prec=200, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)
_QUANT: tuple[Decimal, ...] = tuple(Decimal(1).scaleb(-i) for i in range(40))
_SWAP = str.maketrans({",": ".", ".": ","})
_MACHINE = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _type_error(value: object) -> TypeError:
    """The error for a value that is not a figure (floats get their own explanation)."""
    if isinstance(value, float):
        return TypeError(catalog.text("data.float-figure", value=value))
    return TypeError(catalog.text("data.not-a-figure", kind=type(value).__name__))


def to_decimal(value: Number | str) -> Decimal:
    """Return ``value`` as an exact :class:`~decimal.Decimal`.

    Accepts ``Decimal``, ``int`` and plain machine strings (``"1234.5"``, ``"-7"``: ASCII
    digits and an optional ``.`` fraction). Floats and bools raise :class:`TypeError`;
    a malformed string, NaN or infinity raises :class:`~reportgen.diagnostics.errors.NumberFormatError`.
    For numbers typed by people (``1.013,5``) use :func:`parse_number`.
    """
    tp = type(value)
    if tp is Decimal:
        assert isinstance(value, Decimal)
        if not value.is_finite():
            raise NumberFormatError.of("data.bad-number-not-finite", value=value)
        return value
    if tp is int:
        return Decimal(value)
    if isinstance(value, (bool, float)):
        raise _type_error(value)
    if isinstance(value, Decimal):
        return to_decimal(Decimal(value))
    if isinstance(value, int):
        return Decimal(int(value))
    if isinstance(value, str):
        s = value.strip()
        if _MACHINE.fullmatch(s) is None:
            raise NumberFormatError.of("data.bad-number-machine", value=value)
        return Decimal(s)
    raise _type_error(value)


def _quantizer(decimals: int) -> Decimal:
    """The exponent template for ``decimals`` places (precomputed up to 39)."""
    if type(decimals) is not int or decimals < 0:
        raise ValueError(catalog.text("data.bad-decimals", decimals=decimals))
    if decimals < len(_QUANT):
        return _QUANT[decimals]
    return Decimal(1).scaleb(-decimals)


def round_half_up(value: Number | str, decimals: int) -> Decimal:
    """Round to ``decimals`` places, halves away from zero (2,345 → 2,35; -2,345 → -2,35).

    The result is quantized, so it always has exactly ``decimals`` fraction digits.
    """
    d = to_decimal(value)
    try:
        return d.quantize(_quantizer(decimals), rounding=ROUND_HALF_UP, context=_CTX)
    except InvalidOperation as exc:  # pragma: no cover - needs more than 200 digits
        raise ValueError(catalog.text("data.cannot-round", value=d, decimals=decimals)) from exc


def _render(d: Decimal, signed: bool) -> str:
    """Format a finite Decimal with Vietnamese separators; no minus on zero."""
    s = format(d, ",f").translate(_SWAP)
    if d.is_zero():
        return s[1:] if s[0] == "-" else s
    if signed and s[0] != "-":
        return "+" + s
    return s


def format_number(value: Number | str, decimals: int | None = None, *, signed: bool = False) -> str:
    """Format a figure the Vietnamese way: ``.`` groups thousands, ``,`` marks decimals.

    ``format_number(1013)`` → ``"1.013"``; ``format_number(Decimal("62.945"), 2)`` → ``"62,95"``
    (half-up); ``format_number(Decimal("-1234.5"))`` → ``"-1.234,5"``. With ``decimals=None`` the
    value keeps its own digits (``Decimal("802.80")`` → ``"802,80"``, an int has none).
    ``signed=True`` puts ``+`` on positive values. Zero (also a negative zero after rounding)
    is written without a sign.
    """
    if type(value) is int and not decimals:  # fast path: an int shown without decimals
        s = f"{value:,}".replace(",", ".")
        return "+" + s if signed and value > 0 else s
    d = to_decimal(value)
    if decimals is not None:
        try:
            d = d.quantize(_quantizer(decimals), rounding=ROUND_HALF_UP, context=_CTX)
        except InvalidOperation as exc:  # pragma: no cover - needs more than 200 digits
            text = catalog.text("data.cannot-round-digits", value=d, decimals=decimals)
            raise ValueError(text) from exc
    return _render(d, signed)


def format_percent(value: Number | str, decimals: int = 2, *, ratio: bool = False) -> str:
    """Format a percentage with ``decimals`` places and ``%`` right after it: ``62,95%``.

    ``value`` is in percent (62.95); with ``ratio=True`` it is a fraction (0.6295) and is
    multiplied by 100 exactly before rounding.
    """
    d = to_decimal(value)
    if ratio:
        d = d.scaleb(2, _CTX)
    return format_number(d, decimals) + "%"


def format_points(value: Number | str, decimals: int = 2, *, style: str = "diem") -> str:
    """Format a difference of two percentages, without its sign (the verb carries it).

    ``style="diem"`` → ``"1,48 điểm phần trăm"`` (careful writing); ``style="percent"`` →
    ``"1,48%"`` (what many reports write).
    """
    d = abs(to_decimal(value))
    if style == "diem":
        return format_number(d, decimals) + " điểm phần trăm"
    if style == "percent":
        return format_number(d, decimals) + "%"
    raise ValueError(catalog.text("data.bad-points-style", style=style))


def _unit_exp(unit: str) -> int:
    """The power of ten of a money unit; an unknown unit lists the known ones."""
    exp = _UNIT_EXP.get(unit)
    if exp is None:
        exp = _UNIT_EXP.get(unicodedata.normalize("NFC", unit).strip())
    if exp is None:
        known = ", ".join(f'"{u}"' for u in MONEY_UNITS)
        raise ValueError(catalog.text("data.bad-money-unit", unit=unit, known=known))
    return exp


def scale_money(amount: Number | str, unit: str, *, from_unit: str = "đồng") -> Decimal:
    """Convert ``amount`` (in ``from_unit``) to ``unit`` exactly, without rounding.

    ``scale_money(802800000, "triệu đồng")`` → ``Decimal("802.800000")``. An unknown unit
    raises :class:`ValueError` naming the known ones (:data:`MONEY_UNITS`).
    """
    shift = _unit_exp(from_unit) - _unit_exp(unit)
    d = to_decimal(amount)
    return d.scaleb(shift, _CTX) if shift else d


def format_money(
    amount: Number | str,
    unit: str = "đồng",
    decimals: int | None = None,
    *,
    from_unit: str = "đồng",
) -> str:
    """Scale, round and format a sum of money with its unit: ``802,8 triệu đồng``.

    ``amount`` is in ``from_unit`` (đồng by default). ``decimals=None`` means no decimals for
    đồng/đ and, for the larger units, the exact scaled value without trailing zeros
    (802.800.000 đồng in triệu đồng → ``802,8``); otherwise the value is rounded half-up.
    """
    exp = _unit_exp(unit)
    canonical = unit if unit in _UNIT_EXP else unicodedata.normalize("NFC", unit).strip()
    d = scale_money(amount, canonical, from_unit=from_unit)
    if decimals is None:
        if exp == 0:
            decimals = 0
        elif d == d.to_integral_value():
            d = d.quantize(_QUANT[0], context=_CTX)
        else:
            d = d.normalize(_CTX)
    return f"{format_number(d, decimals)} {canonical}"


# --------------------------------------------------------------------------------------------
# Parsing numbers typed by people
# --------------------------------------------------------------------------------------------

_DIGITS = frozenset("0123456789")
_SPACE_SEPARATORS = frozenset(" \u00a0\u202f\u2009")
_MINUS = frozenset("-\u2212")


def _regroup(digits: str, group: str) -> str:
    """``"22839"`` → ``"22.839"`` (for suggestions)."""
    digits = digits.lstrip("0") or "0"
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)


def _marks(locale: str, sep: str | None = None) -> dict[str, Any]:
    """The fields every wording of a bad number may name, for ``locale`` ("vi" or "en"): the
    marks and their names, the two styles, examples; with ``sep``, the name of that thousands
    separator. Only called for an error (the texts are read from the catalog)."""
    comma, dot = catalog.text("data.number-mark-comma"), catalog.text("data.number-mark-dot")
    vi, en = catalog.text("data.number-style-vi"), catalog.text("data.number-style-en")
    if locale == "vi":
        fields = {"dec": ",", "dec_name": comma, "grp_name": dot, "ex_dec": "1,5"}
        fields |= {"ex_grp": "1.013", "other": "en", "style": vi, "other_style": en}
    else:
        fields = {"dec": ".", "dec_name": dot, "grp_name": comma, "ex_dec": "1.5"}
        fields |= {"ex_grp": "1,013", "other": "vi", "style": en, "other_style": vi}
    fields |= {"locale": locale, "example": _example(locale), "example_int": _example_int(locale)}
    if sep is not None:
        space = sep not in (",", ".")
        fields["sep_name"] = catalog.text("data.number-mark-space") if space else fields["grp_name"]
    return fields


def parse_number(text: str, *, locale: str = "vi") -> Decimal:
    """Parse a number typed by a person, strictly, under the declared input locale.

    ``locale="vi"``: ``.`` groups thousands, ``,`` is the decimal mark (``1.013`` → 1013,
    ``1,2`` → 1.2, ``1.013,5`` → 1013.5). ``locale="en"``: the other way round. In both, spaces,
    non-breaking and narrow non-breaking spaces may group thousands (``1 013``); a leading
    ``-``, ``−`` or ``+`` and surrounding whitespace are allowed. The first group has 1–3
    digits, every later group exactly 3. Anything else — a typo such as ``2.2.839``, a number
    written in the other locale's style, ``1.5`` under ``vi`` (1,5 or 1.500?), a percent sign —
    raises :class:`~reportgen.diagnostics.errors.NumberFormatError` with ``message`` (what was found and
    what was expected) and ``hint`` (the fix); callers add the location.
    """
    if not isinstance(text, str):
        raise TypeError(catalog.text("data.parse-number-not-text", kind=type(text).__name__))
    if locale == "vi":
        dec, grp = ",", "."
    elif locale == "en":
        dec, grp = ".", ","
    else:
        raise ValueError(catalog.text("data.number-locale", locale=locale))

    shown = text.strip()
    s = unicodedata.normalize("NFC", text).strip()
    if not s:
        raise NumberFormatError.of("data.bad-number-empty", **_marks(locale))
    negative = False
    if s[0] in _MINUS or s[0] == "+":
        negative = s[0] != "+"
        s = s[1:]
        if not s:
            raise NumberFormatError.of("data.bad-number-sign-only", text=shown)

    # 1. Every character must be a digit, a separator or a space.
    for ch in s:
        if ch in _DIGITS or ch in (dec, grp) or ch in _SPACE_SEPARATORS:
            continue
        if ch == "%":
            raise NumberFormatError.of("data.bad-number-percent", text=shown, **_marks(locale))
        if ch in _MINUS or ch == "+":
            raise NumberFormatError.of("data.bad-number-sign", text=shown, ch=ch)
        raise NumberFormatError.of("data.bad-number", text=shown, ch=ch, **_marks(locale))
    if s[0] not in _DIGITS and s[0] != dec:
        raise NumberFormatError.of("data.bad-number-start", text=shown, **_marks(locale))

    # 2. Decimal mark: at most one, and the grouping mark never after it.
    n_dec = s.count(dec)
    if n_dec and grp in s[s.index(dec) :]:
        raise NumberFormatError.of("data.bad-number-other-style", text=shown, **_marks(locale))
    if n_dec > 1:
        raise NumberFormatError.of(
            "data.bad-number-decimal-marks", text=shown, count=n_dec, **_marks(locale)
        )
    int_part, _, frac = s.partition(dec)
    if n_dec:
        if not frac:
            raise NumberFormatError.of(
                "data.bad-number-empty-fraction", text=shown, **_marks(locale)
            )
        if any(ch not in _DIGITS for ch in frac):
            raise NumberFormatError.of(
                "data.bad-number-fraction-space", text=shown, **_marks(locale)
            )
        if not int_part:
            raise NumberFormatError.of(
                "data.bad-number-no-integer", text=shown, written=s, **_marks(locale)
            )

    # 3. The integer part: groups of exactly three digits after the first.
    seps = {ch for ch in int_part if ch not in _DIGITS}
    if seps:
        if len(seps) > 1:
            fix = _regroup(_only_digits(int_part), grp)
            raise NumberFormatError.of(
                "data.bad-number-mixed-groups", text=shown, fix=fix, **_marks(locale)
            )
        sep = seps.pop()
        groups = int_part.split(sep)
        digits = "".join(groups)
        fix = _regroup(digits, grp) + (dec + frac if frac else "")
        if not groups[0]:
            raise NumberFormatError.of(
                "data.bad-number-leading-group", text=shown, **_marks(locale, sep)
            )
        if len(groups[0]) > 3:
            raise NumberFormatError.of(
                "data.bad-number-long-first-group",
                text=shown,
                regrouped=_regroup(digits, grp),
                fix=fix,
                **_marks(locale, sep),
            )
        if groups[0][0] == "0":
            raise NumberFormatError.of(
                "data.bad-number-leading-zero",
                text=shown,
                as_decimal=f"{groups[0]}{dec}{''.join(groups[1:])}",
                **_marks(locale, sep),
            )
        for g in groups[1:]:
            if len(g) == 3:
                continue
            if len(groups) == 2 and g and not frac and sep == grp:
                # "1.5" / "1.50": a decimal written with the other locale's mark, or a typo.
                raise NumberFormatError.of(
                    "data.bad-number-ambiguous",
                    text=shown,
                    group=g,
                    size=len(g),
                    alt=groups[0] + dec + g,
                    whole=_regroup(groups[0] + g.ljust(3, "0"), grp),
                    **_marks(locale, sep),
                )
            raise NumberFormatError.of(
                "data.bad-number-group-size" if g else "data.bad-number-extra-group-mark",
                text=shown,
                group=g,
                size=len(g),
                fix=fix,
                **_marks(locale, sep),
            )
        int_part = digits
    text_value = int_part + ("." + frac if frac else "")
    return Decimal("-" + text_value if negative else text_value)


def _only_digits(s: str) -> str:
    """The ASCII digits of ``s``."""
    return "".join(ch for ch in s if ch in _DIGITS)


def _example(locale: str) -> str:
    """A well-written number with thousands and decimals in ``locale``."""
    return "1.013,5" if locale == "vi" else "1,013.5"


def _example_int(locale: str) -> str:
    """Well-grouped integers in ``locale``."""
    if locale == "vi":
        return catalog.text("data.number-either", first="1.013", second="22.839")
    return catalog.text("data.number-either", first="1,013", second="22,839")
