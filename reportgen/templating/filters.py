"""Filters and functions every template can use, with Vietnamese ASCII aliases.

Template authors are Vietnamese clerks, so each filter has a short Vietnamese name (``so``,
``phan_tram``, ``tien``, ``chu_tien``, ``ngay`` …) and an English one (``number``, ``percent``,
``money``, ``money_words``, ``date_line`` …). Figures carry their indicator's unit and decimals
(:class:`~reportgen.templating.figure.Figure`), so ``{{ kinh_phi | tien }}`` needs no arguments.
All formatting is done by :mod:`reportgen.vnformat` (half-up rounding on Decimals).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from jinja2 import Undefined

from reportgen.config.names import FILTER_NAMES, FilterDoc
from reportgen.templating.figure import Figure, Missing
from reportgen.vnformat import (
    MONEY_UNITS,
    change_word,
    date_line,
    date_short,
    describe_change,
    format_money,
    format_number,
    format_percent,
    format_points,
    money_in_words,
    parse_date,
    read_number,
    round_half_up,
    target_phrase,
    target_status,
)

MISSING_TEXT = "–"

_F = TypeVar("_F", bound=Callable[..., Any])

#: Vietnamese filter name → (function, documentation and English aliases), filled by
#: :func:`template_filter` as this module is read.
_REGISTERED: dict[str, tuple[Callable[..., Any], FilterDoc]] = {}


def template_filter(name: str, doc: str, *aliases: str) -> Callable[[_F], _F]:
    """Declare a filter once: its Vietnamese name, one line of Vietnamese documentation with an
    example (shown by ``reportgen vars``, lint and the docs) and its English aliases."""

    def register(function: _F) -> _F:
        if name in _REGISTERED or any(a in _REGISTERED for a in aliases):
            raise ValueError(f"filter {name} declared twice")
        _REGISTERED[name] = (function, FilterDoc(doc, tuple(aliases)))
        return function

    return register


def _missing(value: Any) -> str:
    """What a figure without a value prints: the words its indicator declares for an
    uncomputable figure, else an en dash."""
    return value.text if isinstance(value, Missing) else MISSING_TEXT


def _num(value: Any) -> Decimal | None:
    if type(value) is Figure:
        return value.value
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()  # a misspelt name: say which, not "not a number"
    if value is None or isinstance(value, Missing):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        return Decimal(value)
    raise TypeError(f"cần một số, nhưng gặp {type(value).__name__}")


def _decimals(value: Any, decimals: int | None) -> int | None:
    if decimals is not None:
        return decimals
    if isinstance(value, Figure):
        return value.shown_decimals() if value.meta.trim else value.decimals
    return None


@template_filter("so", "số theo cách viết Việt Nam: 1.013; so(2) → 1.013,00", "number")
def so(value: Any, decimals: int | None = None) -> str:
    """``{{ x | so }}`` → ``1.013``; ``{{ x | so(2) }}`` → ``1.013,00`` (half-up)."""
    n = _num(value)
    if n is None:
        return _missing(value)
    return format_number(n, _decimals(value, decimals))


@template_filter("bang", "số trong bảng: luôn đủ số chữ số thập phân của chỉ tiêu", "table")
def bang(value: Any) -> str:
    """A figure in a table cell: always the indicator's decimals (``538,0``), never trimmed."""
    n = _num(value)
    if n is None:
        return MISSING_TEXT
    return format_number(n, value.decimals if isinstance(value, Figure) else None)


@template_filter("phan_tram", "tỷ lệ phần trăm: 62,95%", "percent")
def phan_tram(value: Any, decimals: int | None = None, ratio: bool = False) -> str:
    """``{{ ty_le | phan_tram }}`` → ``62,95%`` (2 decimals unless the indicator says else)."""
    n = _num(value)
    if n is None:
        return _missing(value)
    d = _decimals(value, decimals)
    return format_percent(n, 2 if d is None else d, ratio=ratio)


@template_filter("diem", "điểm phần trăm: 1,48 điểm phần trăm", "points")
def diem(value: Any, decimals: int | None = None, style: str = "diem") -> str:
    """Percentage points: ``{{ muc_giam | diem }}`` → ``1,48 điểm phần trăm``."""
    n = _num(value)
    if n is None:
        return _missing(value)
    d = _decimals(value, decimals)
    text = format_points(n, 2 if d is None else d, style=style)
    # a negative difference keeps its sign: "giảm {{ x | diem }}" must not hide a rise
    return "-" + text if n < 0 and round_half_up(n, 2 if d is None else d) != 0 else text


def _money_unit(unit: str) -> str:
    u = unicodedata.normalize("NFC", unit).strip()
    if u not in MONEY_UNITS:
        raise ValueError(
            f'đơn vị tiền "{unit}" không có; dùng một trong: ' + ", ".join(MONEY_UNITS)
        )
    return u


def _money_args(value: Any, unit: str | None, from_unit: str | None) -> tuple[str, str]:
    src = from_unit or (
        value.unit if isinstance(value, Figure) and value.unit in MONEY_UNITS else "đồng"
    )
    dst = unit or (value.money_unit if isinstance(value, Figure) and value.money_unit else src)
    return _money_unit(dst), _money_unit(src)


@template_filter("tien", "số tiền với đơn vị: 802,8 triệu đồng; tien('tỷ đồng', 1)", "money")
def tien(
    value: Any, unit: str | None = None, decimals: int | None = None, from_unit: str | None = None
) -> str:
    """Money in a unit: ``{{ kinh_phi | tien }}`` → ``802,8 triệu đồng``;
    ``{{ kinh_phi | tien('tỷ đồng', 1) }}`` → ``0,8 tỷ đồng``."""
    n = _num(value)
    if n is None:
        return _missing(value)
    dst, src = _money_args(value, unit, from_unit)
    d = decimals if decimals is not None else (_decimals(value, None) if dst == src else None)
    if d is None and dst != src and MONEY_UNITS[dst] > 1:
        d = None
    return format_money(n, dst, d, from_unit=src)


def _to_dong(value: Any, from_unit: str | None) -> Decimal | None:
    n = _num(value)
    if n is None:
        return None
    _, src = _money_args(value, None, from_unit)
    return n * MONEY_UNITS[src]


@template_filter(
    "chu_tien",
    "số tiền bằng chữ: Hai mươi hai triệu đồng chẵn (không có chẵn khi số đã làm tròn)",
    "money_words",
)
def chu_tien(
    value: Any, exact: bool | None = None, south: bool = False, from_unit: str | None = None
) -> str:
    """Amount in words: ``{{ kinh_phi | chu_tien }}`` → ``Hai mươi hai triệu đồng chẵn``; a
    figure rounded to its unit (802,8 triệu đồng) is not exact: no "chẵn"."""
    amount = _to_dong(value, from_unit)
    if amount is None:
        return _missing(value)
    if exact is None:
        exact = not (isinstance(value, Figure) and value.meta.rounded)
    amount = round_half_up(amount, 0)
    return money_in_words(amount, south=south, exact=exact)


@template_filter("chu", "số bằng chữ, chữ thường: hai mươi mốt", "words")
def chu(value: Any, south: bool = False) -> str:
    """A number in words, lowercase: ``{{ 21 | chu }}`` → ``hai mươi mốt``."""
    n = _num(value)
    if n is None:
        return MISSING_TEXT
    return read_number(n, south=south, read_decimals=n != n.to_integral_value())


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return parse_date(str(value))


@template_filter("ngay", "ngày đầy đủ: ngày 05 tháng 3 năm 2024", "date_line")
def ngay(value: Any) -> str:
    """``{{ bao_cao.ngay | ngay }}`` → ``ngày 05 tháng 3 năm 2024``."""
    return date_line(_date(value))


@template_filter("ngay_ngan", "ngày viết tắt: 18/01/2022", "date_short")
def ngay_ngan(value: Any, style: str = "nd30") -> str:
    """``{{ d | ngay_ngan }}`` → ``18/01/2022`` (day < 10 and months 1–2 padded)."""
    return date_short(_date(value), style=style)


@template_filter(
    "thay_doi",
    "biến động kèm hai số: giảm 182 hộ (từ 538 hộ xuống còn 356 hộ)",
    "change",
)
def thay_doi(old: Any, new: Any, unit: str | None = None, decimals: int | None = None) -> str:
    """``{{ ty_le_dau | thay_doi(ty_le_cuoi) }}`` → ``giảm 1,48 điểm phần trăm (từ 18,50%
    xuống còn 17,02%)``; counts: ``giảm 182 hộ (từ 538 hộ xuống còn 356 hộ)``."""
    a, b = _num(old), _num(new)
    if a is None or b is None:
        return MISSING_TEXT
    points = isinstance(old, Figure) and (old.kind == "percent" or old.unit == "%")
    u = unit if unit is not None else (old.unit if isinstance(old, Figure) and not points else "")
    d = _decimals(old, decimals)
    return describe_change(
        a, b, unit=u, decimals=d if d is not None else (2 if points else 0), points=points
    )


def _shown(value: Any) -> Decimal | None:
    """The value as the reader sees it (rounded to the decimals it is printed with)."""
    n = _num(value)
    if n is None:
        return None
    d = value.decimals if isinstance(value, Figure) else None
    return round_half_up(n, d) if d is not None else n


def _amount(value: Any, n: Decimal) -> str:
    """``n`` written as ``value`` is (count with its unit word, rate in points, money)."""
    if isinstance(value, Figure):
        m = value.meta
        if m.kind == "percent" or m.unit == "%":
            d = m.decimals if m.decimals is not None else 2
            return format_points(n, trimmed(n, d) if m.trim else d)
        fig = Figure(n, m)
        if m.kind == "money":
            return fig.text()
        return f"{fig.text()} {m.unit}".strip()
    return format_number(n)


def trimmed(n: Decimal, d: int) -> int:
    from reportgen.templating.figure import trimmed_decimals

    return trimmed_decimals(n, d)


@template_filter(
    "bien_dong",
    "hướng và mức biến động từ hai số: giảm 6 hộ / không thay đổi / tăng 2 hộ",
    "movement",
)
def bien_dong(old: Any, new: Any) -> str:
    """Direction and size of a change, from two figures: ``{{ ho_ngheo_dau_ky |
    bien_dong(ho_ngheo_cuoi_ky) }}`` → ``giảm 6 hộ`` / ``không thay đổi`` / ``tăng 2 hộ``
    (rates: ``giảm 0,14 điểm phần trăm``), on the figures as printed."""
    a, b = _shown(old), _shown(new)
    if a is None or b is None:
        return MISSING_TEXT
    delta = b - a
    if delta == 0:
        return "không thay đổi"
    word = "tăng" if delta > 0 else "giảm"
    return f"{word} {_amount(old, abs(delta))}"


def _phrase(value: Any) -> str:
    return value.meta.phrase if isinstance(value, Figure) else ""


def _item(value: Any) -> str:
    text = value.text() if isinstance(value, Figure) else format_number(_num(value) or 0)
    return f"{text} {_phrase(value)}".strip()


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def _parts(values: Any) -> list[Any]:
    items = list(values) if isinstance(values, list | tuple) else [values]
    for v in items:
        if _num(v) is None:
            raise ValueError(f"thiếu số liệu {getattr(v, 'label', '')!s}".strip())
    return items


@template_filter(
    "liet_ke",
    "liệt kê các số khác 0 với cụm từ của chỉ tiêu (phrase), bỏ số 0; hết thì in none",
    "list_nonzero",
)
def liet_ke(values: Any, none: str | None = None) -> str:
    """List the non-zero figures with their phrases, zero ones dropped: ``{{ [phat_sinh_moi,
    tai_ngheo] | liet_ke }}`` → ``4 hộ phát sinh mới và 2 hộ tái nghèo``; all zero → ``none``,
    or the indicator's ``none`` (``không có hộ tái nghèo``)."""
    items = _parts(values)
    shown = [v for v in items if _shown(v) != 0]
    if shown:
        return _join([_item(v) for v in shown])
    if none is not None:
        return none
    declared = [v.meta.none_text for v in items if isinstance(v, Figure) and v.meta.none_text]
    if len(declared) == len(items):
        return _join(declared) if len(items) == 1 else "; ".join(declared)
    return "không có " + " hoặc ".join(_phrase(v) for v in items)


@template_filter(
    "gom",
    "tổng trước, các phần sau: tăng 7 hộ, gồm: 4 hộ phát sinh mới và 3 hộ tái nghèo",
    "total_of",
)
def gom(values: Any, verb: str = "", none: str | None = None) -> str:
    """A total before its parts: ``{{ [phat_sinh_moi, tai_ngheo] | gom('tăng') }}`` → ``tăng 7
    hộ, gồm: 4 hộ phát sinh mới và 3 hộ tái nghèo``; one part → ``tăng 4 hộ (hộ phát sinh
    mới)``; nothing → ``none`` or ``không có hộ tăng``."""
    items = _parts(values)
    shown = [v for v in items if _shown(v) != 0]
    total = sum((_shown(v) or Decimal(0) for v in items), Decimal(0))
    lead = f"{verb} " if verb else ""
    if not shown:
        unit = items[0].meta.unit if items and isinstance(items[0], Figure) else ""
        return none if none is not None else f"không có {unit} {verb}".replace("  ", " ").strip()
    head = f"{lead}{_amount(items[0], total)}"
    if len(shown) == 1:
        return f"{head} ({_phrase(shown[0])})"
    return f"{head}, gồm: {liet_ke(shown)}"


@template_filter(
    "muc",
    "câu đánh giá theo ngưỡng khai báo ở chỉ tiêu (levels): cơ bản hoàn thành …",
    "level",
)
def muc(value: Any) -> str:
    """The evaluation phrase the indicator's ``levels`` give for this figure (as printed):
    ``{{ ty_le_giai_ngan | muc }}`` → ``cơ bản hoàn thành kế hoạch``."""
    n = _shown(value)
    if n is None:
        return MISSING_TEXT
    levels = value.meta.levels if isinstance(value, Figure) else ()
    label = value.meta.label if isinstance(value, Figure) else str(value)
    if not levels:
        raise ValueError(f'chỉ tiêu "{label}" chưa khai báo levels (các mức đánh giá)')
    for lv in levels:
        if lv.min is not None and n < lv.min:
            continue
        if lv.max is not None and n > lv.max:
            continue
        return str(lv.text)
    raise ValueError(f"{label} = {format_number(n)}: không thuộc mức đánh giá nào (levels)")


def _verdict_decimals(actual: Any, target: Any) -> int | None:
    """Judge a result on the figures as printed (as the ``target`` check does)."""
    ds = [x.decimals for x in (actual, target) if isinstance(x, Figure) and x.decimals is not None]
    return max(ds) if ds else None


@template_filter("lam_tron", "làm tròn nửa lên, giữ đơn vị: lam_tron(1)", "round")
def lam_tron(value: Any, decimals: int = 0) -> Any:
    """Half-up rounding (2,345 → 2,35), keeping the figure's unit: replaces Jinja's ``round``,
    which rounds half to even and prints English decimals."""
    n = _num(value)
    if n is None:
        return value
    r = round_half_up(n, int(decimals))
    if isinstance(value, Figure):
        return Figure(r, dataclasses.replace(value.meta, decimals=int(decimals)))
    return r


@template_filter("tang_giam", "chỉ chữ tăng / giảm / không thay đổi", "change_word")
def tang_giam(delta: Any) -> str:
    """``{{ x | tang_giam }}`` → ``tăng`` / ``giảm`` / ``không thay đổi``."""
    n = _num(delta)
    return MISSING_TEXT if n is None else change_word(n)


@template_filter("danh_gia", "so với chỉ tiêu: vượt / đạt / không đạt", "target_status")
def danh_gia(actual: Any, target: Any, lower_is_better: bool = False) -> str:
    """``{{ ket_qua | danh_gia(chi_tieu) }}`` → ``vượt`` / ``đạt`` / ``không đạt``."""
    a, t = _num(actual), _num(target)
    if a is None or t is None:
        return MISSING_TEXT
    return target_status(
        a, t, lower_is_better=lower_is_better, decimals=_verdict_decimals(actual, target)
    )


@template_filter(
    "danh_gia_chi_tieu",
    "so với chỉ tiêu: vượt chỉ tiêu / đạt chỉ tiêu / không đạt chỉ tiêu",
    "target_phrase",
)
def danh_gia_chi_tieu(actual: Any, target: Any, lower_is_better: bool = False) -> str:
    """``{{ ket_qua | danh_gia_chi_tieu(chi_tieu) }}`` → ``vượt chỉ tiêu`` …"""
    a, t = _num(actual), _num(target)
    if a is None or t is None:
        return MISSING_TEXT
    return target_phrase(
        a, t, lower_is_better=lower_is_better, decimals=_verdict_decimals(actual, target)
    )


@template_filter("trich_dan", "trích dẫn đầy đủ một căn cứ", "cite")
def _cite(basis: Any) -> str:
    """Full citation of a legal basis: ``{{ can_cu[0] | trich_dan }}``."""
    return str(basis["day_du"] if isinstance(basis, Mapping) else basis)


@template_filter("trich_dan_ngan", "trích dẫn ngắn một căn cứ (loại và số)", "cite_short")
def _cite_short(basis: Any) -> str:
    """Short citation (type and number): ``{{ can_cu[0] | trich_dan_ngan }}``."""
    return str(basis["ngan"] if isinstance(basis, Mapping) else basis)


@template_filter("la_ma", "số La Mã: 3 → III", "roman")
def la_ma(value: Any) -> str:
    """Roman numeral of a section number: ``{{ 3 | la_ma }}`` → ``III``."""
    n = int(value)
    out = ""
    for v, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out += sym
            n -= v
    return out


#: Every filter's documentation and aliases, by Vietnamese name (read by reportgen.config.names).
DECLARED: dict[str, FilterDoc] = {n: d for n, (_, d) in _REGISTERED.items()}

#: filter name → function; Vietnamese names and their English aliases.
FILTERS: dict[str, Callable[..., Any]] = {
    **{n: f for n, (f, _) in _REGISTERED.items()},
    **{a: f for _, (f, d) in _REGISTERED.items() for a in d.aliases},
}

#: One line of Vietnamese documentation per filter name and alias (``reportgen vars``, docs).
FILTER_DOCS: Mapping[str, str] = FILTER_NAMES
