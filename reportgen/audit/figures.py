"""Figures in a paragraph: where each is, its value, decimals, unit and whether it is approximate.

Only what can be read safely becomes a figure with a value: a number that Vietnamese rules read
one way (:func:`reportgen.vnformat.parse_number`), followed by a known unit. Dates, document
codes, times, ranges of years, heading numbers and ``16/16`` are masked first and never read as
figures. A number that is malformed (``1.2.50``, ``1.5``) keeps ``value=None`` and the reason,
for the form checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import NumberFormatError
from reportgen.vnformat import format_number, parse_number

__all__ = [
    "Figure",
    "find_figures",
    "mask_spans",
    "sentence_span",
]

MONEY_EXP = {"đồng": 0, "đ": 0, "nghìn đồng": 3, "triệu đồng": 6, "tỷ đồng": 9}
"""Money units as they are normalised here, with their power of ten in đồng."""

_COUNT_UNITS = (
    "nhân khẩu|khẩu|hộ|người|lượt|suất|thẻ|lớp|cuộc|buổi|tổ|thành viên|hội viên|đoàn viên|"
    "học sinh|sinh viên|lao động|mô hình|căn nhà|ngôi nhà|nhà|con|kg|tấn|ha|km|xã|phường|thôn|"
    "chi hội|trẻ|dự án|công trình|ngày công|bao|bộ|chiếc|tin|bài|trường hợp|đối tượng|"
    "cơ sở|doanh nghiệp|hợp tác xã|tập thể|cá nhân|đơn vị|văn bản|phòng|chị|em|cháu"
)
_UNITS = (
    r"%|điểm phần trăm|điểm %|"
    r"(?:tỷ|tỉ)\s+đồng|triệu\s+đồng|(?:nghìn|ngàn)\s+đồng|tr\.?\s?đồng|tr\.?\s?đ|đồng|đ"
    rf"|{_COUNT_UNITS}"
)
_UNIT = re.compile(rf"\s?(?P<unit>{_UNITS})(?![\wà-ỹÀ-Ỹđ])", re.IGNORECASE)
# A number as people type it, loosely, so that malformed ones are seen too.
_NUMBER = re.compile(
    r"(?<![\w.,/:\-+])(?:\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*)"
    r"(?!\d|[/:]\d|[.,]\d)"
)
# "1 013": a number grouped by a plain space, or two numbers?
_SPACED = re.compile(r"(?<![\d.,])(\d{1,3}) $")
_SPLIT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*),[ \u00a0]+$")
_APPROX = re.compile(
    r"(?:^|[\s(:])(?:trên|hơn|gần|khoảng|ước|xấp xỉ|tới|dưới|chưa đến|ít nhất|tối thiểu|"
    r"tối đa|hàng|vài|bình quân|trung bình|mỗi|/)\s*:?\s*$",
    re.IGNORECASE,
)
_MASKS = (
    # dates: 13/7/2018, 26 và 29/01/2018, ngày 05 tháng 3 năm 2024, 01:15, 04:39 PM
    re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"),
    re.compile(r"\d{1,2}/\d{4}"),
    re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", re.IGNORECASE),
    re.compile(r"tháng\s+\d{1,2}(?:\s*[/,]\s*\d{4}|\s+năm\s+\d{4})?", re.IGNORECASE),
    re.compile(r"\d{1,2}:\d{2}"),
    # document codes: 90/QĐ-TTg, 07/2021/NĐ-CP, 549-CV/TU, 12/UBND-VX
    re.compile(r"\d+(?:/\d{4})?/[A-ZĐ][\w&Đđ.]*(?:-[\w&Đđ.]+)*"),
    re.compile(r"\d+-[A-ZĐ][\w&Đđ]*/[A-ZĐ][\w&Đđ-]*"),
    # years and ranges of years: năm 2024, 2016 - 2020, 2016-2020, giai đoạn 2021 – 2025
    re.compile(r"(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}"),
    re.compile(r"(?:năm|Năm|NĂM|đến|từ)\s+(?:19|20)\d{2}\b"),
    # ratios 16/16, 155/155, 10+1, per-unit amounts 2.000.000đ/gia đình
    re.compile(r"\d+\s*/\s*\d+"),
    re.compile(r"\d+\+\d+"),
    # ordinals and names: Dự án 3, Biểu 1, Điều 5, Quyết định 1258, Phường 5
    re.compile(
        r"(?:Dự án|Tiểu dự án|Biểu|Bảng|Phụ lục|Điều|Khoản|Mục|Chương|Phường|Quận|Tổ|Khu|"
        r"Quyết định|Nghị định|Nghị quyết|Thông tư|Kế hoạch|Công văn|Chỉ thị|Luật)\s+\d+",
    ),
    # "số 5" names something (Tổ dân phố số 5, Quyết định số 1258) unless a unit follows it:
    # "tổng số 250 người", "dân tộc thiểu số 40 hộ" are figures
    re.compile(rf"(?:số|Số)\s+\d+(?![\d.,]*\s?(?i:{_UNITS})(?![\wà-ỹÀ-Ỹđ]))"),
    re.compile(r"https?://\S+|www\.\S+"),
)
_DIGIT = re.compile(r"\d")
_HEADING = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s")


@dataclass(frozen=True)
class Figure:
    """A number in a paragraph.

    ``start``/``end`` span the digits, ``unit_end`` the unit too. ``value`` is None when the
    number is malformed (``problem`` says why). ``approx`` marks figures after ``trên``,
    ``gần``, ``khoảng``…; they are never used in arithmetic.
    """

    start: int
    end: int
    raw: str
    value: Decimal | None
    decimals: int
    unit: str | None
    unit_end: int
    approx: bool = False
    problem: str | None = None
    hint: str | None = None

    @property
    def kind(self) -> str | None:
        """``money``, ``percent``, ``points``, ``count:<unit>`` or None (no unit)."""
        if self.unit is None:
            return None
        if self.unit in MONEY_EXP:
            return "money"
        if self.unit == "%":
            return "percent"
        if self.unit == "điểm phần trăm":
            return "points"
        return "count:" + self.unit

    @property
    def base_value(self) -> Decimal | None:
        """The value in đồng for money, as stated otherwise."""
        if self.value is None:
            return None
        if self.unit in MONEY_EXP:
            return self.value.scaleb(MONEY_EXP[self.unit])
        return self.value

    @property
    def base_tolerance(self) -> Decimal:
        """Half a unit of the last stated decimal, in the unit of :attr:`base_value`."""
        half = Decimal(5).scaleb(-self.decimals - 1)
        if self.unit in MONEY_EXP:
            return half.scaleb(MONEY_EXP[self.unit])
        return half

    @property
    def shown(self) -> str:
        """The figure with its unit as written (``2.697,15 triệu đồng``)."""
        if self.unit == "%":
            return self.raw + "%"
        return f"{self.raw} {self.unit}" if self.unit else self.raw


def _norm_unit(unit: str) -> str:
    u = " ".join(unit.lower().split())
    if u in ("tỉ đồng",):
        return "tỷ đồng"
    if u == "ngàn đồng":
        return "nghìn đồng"
    if re.fullmatch(r"tr\.?\s?đ(?:ồng)?", u):
        return "triệu đồng"  # tr.đ, trđ, tr.đồng
    if u == "điểm %":
        return "điểm phần trăm"
    if u == "nhân khẩu":
        return "khẩu"
    return u


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that hold numbers that are not figures (dates, codes, years…)."""
    spans: list[tuple[int, int]] = []
    for rx in _MASKS:
        spans.extend(m.span() for m in rx.finditer(text))
    m = _HEADING.match(text)
    if m:
        spans.append(m.span())
    return spans


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any((a <= start and end <= b) or a < end <= b or a <= start < b for a, b in spans)


def _english_way(raw: str) -> tuple[str, str] | None:
    """The problem and fix of a number written the English way beyond doubt (``2,500.5``,
    ``1,500,000``: a comma before a dot, or several commas); None otherwise."""
    comma = raw.find(",")
    if comma < 0 or (raw.count(",") < 2 and raw.find(".", comma) < 0):
        return None
    try:
        value = parse_number(raw, locale="en")
    except NumberFormatError:
        return None
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    vi = format_number(value, decimals)
    return (
        catalog.text("audit.form-english-way", raw=raw),
        catalog.text("audit.form-english-way-fix", fixed=vi),
    )


_FRACTIONAL_UNITS = frozenset({"kg", "tấn", "ha", "km"})


def _whole_unit_problem(raw: str, unit: str, decimals: int) -> tuple[str, str] | None:
    """Why a figure with a decimal comma cannot be read in its unit, and the fix: đồng has
    no fraction, and a count (hộ, người…) with three decimals is the English way of writing
    thousands (``1,234 hộ`` for 1.234 hộ). None when it reads well."""
    english = raw.replace(",", ".")
    if unit in ("đồng", "đ"):
        if decimals == 3:
            return (
                catalog.text("audit.form-dong-thousands", english=english, unit=unit),
                catalog.text("audit.form-thousands-fix", english=english, unit=unit),
            )
        return (catalog.text("audit.form-dong-fraction"), catalog.text("audit.form-dong-fix"))
    if unit in MONEY_EXP or unit in _FRACTIONAL_UNITS or unit in ("%", "điểm phần trăm"):
        return None
    if decimals == 3:
        return (
            catalog.text("audit.form-count-thousands", english=english, unit=unit),
            catalog.text("audit.form-thousands-fix", english=english, unit=unit),
        )
    return None


def find_figures(text: str) -> list[Figure]:
    """The figures of ``text`` in order (see :class:`Figure`)."""
    if not _DIGIT.search(text):
        return []
    spans = mask_spans(text)
    out: list[Figure] = []
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if _masked(spans, start, end):
            continue
        raw = m.group(0)
        um = _UNIT.match(text, end)
        unit = _norm_unit(um.group("unit")) if um else None
        unit_end = um.end() if um else end
        if unit == "đ" and um and um.group("unit") == "Đ":
            unit = None
        value: Decimal | None
        problem = hint = None
        try:
            value = parse_number(raw)
        except NumberFormatError as exc:
            value, problem, hint = None, exc.message, exc.hint
            english = _english_way(raw)
            if english is not None:
                problem, hint = english
        decimals = len(raw.split(",", 1)[1]) if "," in raw and value is not None else 0
        if value is not None and decimals and unit is not None:
            whole = _whole_unit_problem(raw, unit, decimals)
            if whole is not None:
                value, decimals = None, 0
                problem, hint = whole
        before = text[max(0, start - 30) : start]
        approx = bool(_APPROX.search(before)) or text.startswith("/", unit_end)
        spaced = _SPACED.search(text, 0, start) if unit and len(raw) == 3 else None
        if spaced and out and out[-1].start == spaced.start(1) and out[-1].unit is None:
            out.pop()
            start = spaced.start(1)
            raw = text[start:end]
            value, decimals = None, 0
            problem = catalog.text("audit.form-spaced", raw=raw, joined=raw.replace(" ", "."))
            hint = catalog.text("audit.form-spaced-fix", joined=raw.replace(" ", "."))
        split = _SPLIT.search(text, 0, start) if unit and len(raw) <= 3 else None
        if split and value is not None:
            raw = text[split.start(1) : end]
            start = split.start(1)
            value, decimals = None, 0
            problem = catalog.text("audit.form-split-decimal", raw=raw)
            hint = catalog.text(
                "audit.form-split-decimal-fix", joined=raw.replace(" ", "").replace(chr(160), "")
            )
            if out and out[-1].start == start:
                out.pop()
        out.append(Figure(start, end, raw, value, decimals, unit, unit_end, approx, problem, hint))
    return out


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (ends at ``.``, ``!`` or ``?`` + space)."""
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m2 = _SENTENCE_END.search(text, end)
    e = m2.end() if m2 else len(text)
    return s, e
