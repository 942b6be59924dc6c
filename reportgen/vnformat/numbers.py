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
from typing import TypeAlias

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
        return TypeError(
            f"Không dùng số thực float ({value!r}) cho số liệu: float không giữ đúng tiền; "
            "dùng Decimal, int hoặc chuỗi như '1234.5'"
        )
    return TypeError(
        f"Cần một số (Decimal, int hoặc chuỗi như '1234.5'), nhận được {type(value).__name__}"
    )


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
            raise NumberFormatError(
                f"Giá trị {value} không phải là một số hữu hạn",
                hint="Kiểm tra lại dữ liệu: cần một số cụ thể.",
            )
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
            raise NumberFormatError(
                f'"{value}" không phải là số dạng máy: cần chữ số và dấu chấm thập phân '
                "(ví dụ 1234.5)",
                hint="Số do người gõ (1.234,5) thì đọc bằng parse_number.",
            )
        return Decimal(s)
    raise _type_error(value)


def _quantizer(decimals: int) -> Decimal:
    """The exponent template for ``decimals`` places (precomputed up to 39)."""
    if type(decimals) is not int or decimals < 0:
        raise ValueError(f"Số chữ số thập phân phải là số nguyên không âm, nhận được {decimals!r}")
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
        raise ValueError(f"Không làm tròn được {d} tới {decimals} chữ số thập phân") from exc


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
            raise ValueError(f"Không làm tròn được {d} tới {decimals} chữ số") from exc
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
    raise ValueError(
        f'Kiểu viết điểm phần trăm không hợp lệ: {style!r} (dùng "diem" hoặc "percent")'
    )


def _unit_exp(unit: str) -> int:
    """The power of ten of a money unit; an unknown unit lists the known ones."""
    exp = _UNIT_EXP.get(unit)
    if exp is None:
        exp = _UNIT_EXP.get(unicodedata.normalize("NFC", unit).strip())
    if exp is None:
        known = ", ".join(f'"{u}"' for u in MONEY_UNITS)
        raise ValueError(f'Đơn vị tiền không hợp lệ: "{unit}"; các đơn vị dùng được: {known}')
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
_STYLE = {"vi": "kiểu Việt Nam (vi)", "en": "kiểu tiếng Anh (en)"}


def _regroup(digits: str, group: str) -> str:
    """``"22839"`` → ``"22.839"`` (for suggestions)."""
    digits = digits.lstrip("0") or "0"
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)


def _fail(text: str, what: str, hint: str) -> NumberFormatError:
    """The error for ``text``: what was found and expected, and the fix."""
    return NumberFormatError(f'"{text}" không phải là số: {what}', hint=hint)


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
        raise TypeError(f"parse_number cần một chuỗi, nhận được {type(text).__name__}")
    if locale == "vi":
        dec, grp, other = ",", ".", "en"
        dec_name, grp_name = "dấu phẩy", "dấu chấm"
        ex_dec, ex_grp = "1,5", "1.013"
    elif locale == "en":
        dec, grp, other = ".", ",", "vi"
        dec_name, grp_name = "dấu chấm", "dấu phẩy"
        ex_dec, ex_grp = "1.5", "1,013"
    else:
        raise ValueError(f'Locale nhập số không hỗ trợ: {locale!r} (dùng "vi" hoặc "en")')

    shown = text.strip()
    s = unicodedata.normalize("NFC", text).strip()
    if not s:
        raise NumberFormatError(
            "Ô trống: cần một số", hint=f"Điền số (ví dụ {ex_grp} hoặc {ex_dec}) hoặc bỏ dòng này."
        )
    negative = False
    if s[0] in _MINUS or s[0] == "+":
        negative = s[0] != "+"
        s = s[1:]
        if not s:
            raise _fail(shown, "chỉ có dấu, không có chữ số", "Điền số sau dấu.")

    # 1. Every character must be a digit, a separator or a space.
    for ch in s:
        if ch in _DIGITS or ch in (dec, grp) or ch in _SPACE_SEPARATORS:
            continue
        if ch == "%":
            raise _fail(
                shown,
                'có dấu "%" — ở đây cần một số, không kèm dấu phần trăm',
                f'Bỏ dấu "%" (ví dụ viết {ex_dec} thay cho {ex_dec}%).',
            )
        if ch in _MINUS or ch == "+":
            raise _fail(shown, f'dấu "{ch}" chỉ được đứng đầu số', "Bỏ dấu thừa.")
        raise _fail(
            shown,
            f'có ký tự "{ch}" không phải chữ số (cần chữ số, {grp_name} hàng nghìn, '
            f"{dec_name} thập phân)",
            f'Bỏ ký tự "{ch}" hoặc sửa lại số.',
        )
    if s[0] not in _DIGITS and s[0] != dec:
        raise _fail(shown, "phải bắt đầu bằng chữ số", f"Viết ví dụ {ex_grp} hoặc {ex_dec}.")

    # 2. Decimal mark: at most one, and the grouping mark never after it.
    n_dec = s.count(dec)
    other_style = (
        f"có {grp_name} đứng sau {dec_name} — đây là cách viết {_STYLE[other]}, "
        f'nhưng dữ liệu khai báo locale là "{locale}" '
        f"({dec_name} là dấu thập phân, {grp_name} phân cách hàng nghìn)"
    )
    if n_dec:
        first_dec = s.index(dec)
        if grp in s[first_dec:]:
            raise _fail(
                shown,
                other_style,
                f"Viết theo {_STYLE[locale]} (ví dụ {_example(locale)}), hoặc khai "
                f'báo locale "{other}" nếu cả tệp viết {_STYLE[other]}.',
            )
    if n_dec > 1:
        raise _fail(
            shown,
            f"có {n_dec} {dec_name}, nhưng {dec_name} là dấu thập phân và chỉ có một "
            f"(ví dụ {ex_dec})",
            f"Giữ một {dec_name} thập phân; hàng nghìn phân cách bằng {grp_name} "
            f'(ví dụ {_example(locale)}), hoặc khai báo locale "{other}" '
            f"nếu cả tệp viết {_STYLE[other]}.",
        )
    int_part, _, frac = s.partition(dec)
    if n_dec:
        if not frac:
            raise _fail(
                shown,
                f"sau {dec_name} thập phân phải có chữ số (ví dụ {ex_dec})",
                f"Bỏ {dec_name} ở cuối hoặc viết thêm chữ số thập phân.",
            )
        if any(ch not in _DIGITS for ch in frac):
            raise _fail(
                shown,
                f"sau {dec_name} thập phân chỉ được có chữ số, không có dấu cách (ví dụ {ex_dec}5)",
                "Bỏ dấu cách trong phần thập phân.",
            )
        if not int_part:
            raise _fail(
                shown,
                f"thiếu phần nguyên trước {dec_name} (ví dụ 0{dec}5)",
                f"Viết 0{s}.",
            )

    # 3. The integer part: groups of exactly three digits after the first.
    seps = {ch for ch in int_part if ch not in _DIGITS}
    if seps:
        if len(seps) > 1:
            raise _fail(
                shown,
                "phần nguyên dùng lẫn nhiều kiểu phân cách hàng nghìn "
                f"(chỉ dùng {grp_name} hoặc chỉ dùng dấu cách, ví dụ {_example_int(locale)})",
                f"Viết {_regroup(_only_digits(int_part), grp)}.",
            )
        sep = seps.pop()
        sep_name = grp_name if sep == grp else "dấu cách"
        groups = int_part.split(sep)
        digits = "".join(groups)
        fix = _regroup(digits, grp) + (dec + frac if frac else "")
        if not groups[0]:
            raise _fail(
                shown,
                f"trước {sep_name} phân cách hàng nghìn phải có chữ số (ví dụ {ex_grp})",
                f"Bỏ {sep_name} ở đầu số.",
            )
        if len(groups[0]) > 3:
            raise _fail(
                shown,
                f"trước {sep_name} phân cách hàng nghìn chỉ được có 1 đến 3 chữ số "
                f"(ví dụ {_example_int(locale)})",
                f"Nếu là {_regroup(digits, grp)} thì viết {fix}.",
            )
        if groups[0][0] == "0":
            raise _fail(
                shown,
                f"số có {sep_name} phân cách hàng nghìn không được bắt đầu bằng chữ số 0 "
                f"(không rõ là số thập phân hay số nguyên, ví dụ 0{dec}5 hoặc 500)",
                f"Nếu là số thập phân thì dùng {dec_name} ({groups[0]}{dec}{''.join(groups[1:])}); "
                f"nếu là số nguyên thì bỏ số 0 ở đầu.",
            )
        for g in groups[1:]:
            if len(g) == 3:
                continue
            if not g:
                what = f"có {sep_name} phân cách hàng nghìn thừa (hai dấu liền nhau hoặc ở cuối)"
            else:
                what = (
                    f"sau {sep_name} phân cách hàng nghìn phải có đúng 3 chữ số "
                    f'(ví dụ {_example_int(locale)}), nhưng nhóm "{g}" có {len(g)} chữ số'
                )
            if len(groups) == 2 and g and not frac and sep == grp:
                # "1.5" / "1.50": a decimal written with the other locale's mark, or a typo.
                alt = groups[0] + dec + g
                whole = _regroup(groups[0] + g.ljust(3, "0"), grp)
                what = (
                    f"sau {grp_name} phân cách hàng nghìn phải có đúng 3 chữ số, nhưng nhóm "
                    f'"{g}" có {len(g)} chữ số: cần viết {whole} (số nguyên) hoặc {alt} '
                    f"(số thập phân, {dec_name} là dấu thập phân)"
                )
                hint = (
                    f"Nếu là số thập phân thì viết {alt}; nếu là số nguyên thì viết đủ 3 chữ số "
                    f"sau {grp_name} (ví dụ {whole})."
                )
            else:
                hint = f"Kiểm tra lại số: có thể gõ thừa hoặc thiếu dấu (ví dụ {fix})."
            raise _fail(shown, what, hint)
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
    return "1.013 hoặc 22.839" if locale == "vi" else "1,013 hoặc 22,839"
