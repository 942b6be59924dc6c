"""The form of figures, dates and document codes.

Figures: a malformed number followed by a unit (``1.2.50 lượt``, ``1.5 triệu đồng``), a space
after the decimal comma (``315, 7 triệu đồng``), a missing thousands separator (``3815,6``),
three decimals on triệu đồng (``38,600 triệu đồng`` — often a comma typed for a dot). Dates:
a day that is not in the calendar, a day or month 1–2 without its leading zero (Nghị định 30).
Codes: a document code that does not follow its pattern, a citation whose type name and type
code disagree (``Quyết định số 77/KH-UBND``).
"""

from __future__ import annotations

import datetime
import re

from reportgen.audit.checks import Paragraph
from reportgen.audit.collect import Collector
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DocumentCodeError
from reportgen.vnformat import cite_short, format_number, validate_doc_code

__all__ = ["check_codes", "check_dates", "check_figure_form"]

_YEARLIKE = re.compile(r"^(?:19|20)\d{2}$")


def check_figure_form(par: Paragraph, out: Collector) -> None:
    """Check how each figure with a unit is written."""
    for f in par.figures:
        if f.unit is None:
            continue
        if f.problem is not None:
            spacing = " " in f.raw or "\u00a0" in f.raw
            out.add(
                "audit.number-spacing" if spacing else "audit.number-form",
                "probable",
                par.block,
                f.start,
                f.unit_end,
                found=f.shown,
                figure=f.shown,
                reason=f.problem,
                fix=f.hint or catalog.text("audit.number-form-fix"),
            )
            continue
        if f.value is None:
            continue
        int_part = f.raw.split(",", 1)[0]
        if "." not in int_part and len(int_part) >= 4 and not _YEARLIKE.match(int_part):
            fix = format_number(f.value, f.decimals)
            out.add(
                "audit.thousands-separator",
                "style",
                par.block,
                f.start,
                f.unit_end,
                expected=f"{fix} {f.unit}",
                found=f.shown,
                figure=f.shown,
                fix=f"{fix} {f.unit}",
            )
        if f.unit == "triệu đồng" and f.decimals == 3:
            as_thousands = format_number(int(f.value * 1000)) + " triệu đồng"
            as_dong = format_number(int(f.value * 1_000_000)) + " đồng"
            out.add(
                "audit.three-decimals",
                "style",
                par.block,
                f.start,
                f.unit_end,
                found=f.shown,
                figure=f.shown,
                as_thousands=as_thousands,
                as_dong=as_dong,
            )


_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_DATE_LINE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)", re.IGNORECASE
)


def _valid(day: int, month: int, year: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def check_dates(par: Paragraph, out: Collector) -> None:
    """Dates in the calendar, padded as Nghị định 30 writes them."""
    text = par.text
    for m in _DATE.finditer(text):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        _judge_date(par, out, m.start(), m.end(), d, mo, y, line=False)
    for m in _DATE_LINE.finditer(text):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        _judge_date(par, out, m.start(), m.end(), d, mo, y, line=True)


def _nd30_date(day: int, month: int, year: int, *, line: bool) -> str:
    """The date as Nghị định 30 writes it, in words (``ngày 05 tháng 3 năm 2024``) or digits."""
    month_text = f"{month:02d}" if month <= 2 else str(month)
    if line:
        return f"ngày {day:02d} tháng {month_text} năm {year}"
    return f"{day:02d}/{month_text}/{year}"


def _judge_date(
    par: Paragraph, out: Collector, start: int, end: int, d: str, mo: str, y: str, *, line: bool
) -> None:
    day, month, year = int(d), int(mo), int(y)
    shown = par.text[start:end]
    if not _valid(day, month, year):
        out.add("audit.date-invalid", "direct", par.block, start, end, found=shown, date=shown)
        return
    reasons: list[str] = []
    if day < 10 and len(d) == 1:
        reasons.append(catalog.text("audit.date-padding-day"))
    if month <= 2 and len(mo) == 1:
        reasons.append(catalog.text("audit.date-padding-month"))
    if line and month >= 3 and mo.startswith("0"):
        reasons.append(catalog.text("audit.date-padding-late-month"))
    if not reasons:
        return
    fix = _nd30_date(day, month, year, line=line)
    out.add(
        "audit.date-padding",
        "style",
        par.block,
        start,
        end,
        expected=fix,
        found=shown,
        date=shown,
        reason="; ".join(reasons),
        fix=fix,
    )


_CODE = re.compile(
    r"(?<![\w/-])(\d+(?:/\d{4})?/[A-ZĐ][\w&Đđ]*(?:-[\w&Đđ]+)+|\d+-[A-ZĐ][\w&Đđ]*/[A-ZĐ][\w&Đđ-]*)(?![\w/])"
)
_CODE_YEAR = re.compile(r"\d+/((?:19|20)\d{2})/")
_DATE_AFTER = re.compile(
    r"\s*,?\s*ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2}))",
    re.IGNORECASE,
)


def _check_code_year(par: Paragraph, out: Collector, start: int, end: int, code: str) -> None:
    """The year inside a code (``07/2021/NĐ-CP``) is the year of the date cited with it."""
    cy = _CODE_YEAR.match(code)
    if not cy:
        return
    m = _DATE_AFTER.match(par.text, end)
    if not m:
        return
    year = m.group(2) or m.group(3)
    if year == cy.group(1):
        return
    out.add(
        "audit.citation-year",
        "probable",
        par.block,
        start,
        m.end(),
        expected=cy.group(1),
        found=year,
        code=code,
        code_year=cy.group(1),
        date=m.group(1),
    )


_PARTY = re.compile(r"\d+-")
_CITED = re.compile(
    r"(Quyết định|Nghị định|Nghị quyết|Kế hoạch|Thông tư|Chỉ thị|Báo cáo|Thông báo|Hướng dẫn|"
    r"Chương trình|Tờ trình|Phương án|Đề án|Công văn)\s+(?:số\s+)?$"
)


def _cited_as(kind: str, code: str) -> str:
    """A citation as the report writes it: ``Quyết định số 77/KH-UBND``."""
    return f"{kind} số {code}"


def check_codes(par: Paragraph, out: Collector) -> None:
    """Document codes against their pattern; a citation's type name against its type code."""
    text = par.text
    for m in _CODE.finditer(text):
        code = m.group(1)
        if _PARTY.match(code):
            continue  # party documents (549-CV/TU) follow the Party's own list of type codes
        try:
            warnings = validate_doc_code(code)
        except DocumentCodeError as exc:
            out.add(
                "audit.doc-code",
                "probable",
                par.block,
                m.start(),
                m.end(),
                found=code,
                code=code,
                reason=exc.message,
                fix=exc.hint or catalog.text("audit.doc-code-fix"),
            )
            continue
        for w in warnings:
            out.add(
                "audit.doc-code-style",
                "style",
                par.block,
                m.start(),
                m.end(),
                found=code,
                code=code,
                reason=w,
            )
        _check_code_year(par, out, m.start(), m.end(), code)
        cited = _CITED.search(text[max(0, m.start() - 25) : m.start()])
        if cited:
            try:
                cite_short(cited.group(1), code)
            except DocumentCodeError as exc:
                out.add(
                    "audit.citation-type",
                    "probable",
                    par.block,
                    m.start(),
                    m.end(),
                    found=_cited_as(cited.group(1), code),
                    reason=exc.message,
                    fix=exc.hint or catalog.text("audit.citation-type-fix"),
                )
