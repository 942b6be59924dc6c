"""Dates and periods as Vietnamese administrative documents write them (Nghị định 30/2020).

The rule for padding, in the place-and-date line and in ``nd30``-style short dates: a day below
10 and the months 1 and 2 get a leading zero (``ngày 05 tháng 01``), the months 3 to 12 do not
(``tháng 3``, ``13/7/2018``). Years are written as plain digits, never grouped (``2024``, not
``2.024``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from reportgen.diagnostics import catalog

__all__ = [
    "date_line",
    "date_short",
    "half_year",
    "months_label",
    "parse_date",
    "period",
    "place_date",
    "year_label",
]


def _month(m: int) -> str:
    """The month as the date line writes it: ``01``, ``02``, then ``3`` to ``12``."""
    return f"{m:02d}" if m <= 2 else str(m)


def date_line(d: date) -> str:
    """Return the date of the place-and-date line: ``ngày 05 tháng 3 năm 2024``.

    Day < 10 and months 1–2 are padded with a zero (``ngày 18 tháng 01 năm 2022``).
    """
    return f"ngày {d.day:02d} tháng {_month(d.month)} năm {d.year}"


def place_date(place: str, d: date) -> str:
    """Return the place-and-date line of the header: ``Bắc Giang, ngày 05 tháng 3 năm 2024``."""
    place = place.strip()
    if not place:
        raise ValueError(catalog.text("data.date-no-place"))
    return f"{place}, {date_line(d)}"


def date_short(d: date, *, style: str = "nd30") -> str:
    """Return a date in figures for citations.

    ``style="nd30"`` pads like the date line (``18/01/2022``, ``13/7/2018``, ``05/3/2024``);
    ``style="full"`` always pads day and month (``13/07/2018``).
    """
    if style == "nd30":
        return f"{d.day:02d}/{_month(d.month)}/{d.year}"
    if style == "full":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    raise ValueError(catalog.text("data.date-style", style=style))


def _year(year: int) -> str:
    """Check a year and write it as plain digits (never grouped)."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise ValueError(catalog.text("data.bad-year", year=year))
    return str(year)


def period(start_year: int, end_year: int) -> str:
    """Return a multi-year period: ``giai đoạn 2021 - 2025`` (years never grouped)."""
    start, end = _year(start_year), _year(end_year)
    if end_year < start_year:
        raise ValueError(catalog.text("data.bad-period", end=end, start=start))
    return f"giai đoạn {start} - {end}"


def half_year(year: int, first: bool = True) -> str:
    """Return ``6 tháng đầu năm 2024`` (or ``6 tháng cuối năm 2024`` with ``first=False``)."""
    return f"6 tháng {'đầu' if first else 'cuối'} năm {_year(year)}"


def year_label(year: int) -> str:
    """Return ``năm 2023``."""
    return f"năm {_year(year)}"


def months_label(n: int, year: int) -> str:
    """Return the first ``n`` months of a year: ``9 tháng đầu năm 2024`` (1 ≤ n ≤ 12)."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 12:
        raise ValueError(catalog.text("data.bad-months", months=n))
    return f"{n} tháng đầu năm {_year(year)}"


_DMY = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def parse_date(text: str) -> date:
    """Parse a date written in a report or a data file.

    Accepts ``18/01/2022``, ``18/1/2022``, ``18-01-2022``, ``2022-01-18`` and
    ``ngày 18 tháng 01 năm 2022`` (any letter case, NFC or NFD). A text of another form, or a
    day that is not in the calendar (``31/02/2022``), raises :class:`ValueError` with a
    Vietnamese message naming the text and the expected form.
    """
    s = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    m = _DMY.fullmatch(s)
    if m:
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif (m := _ISO.fullmatch(s)) is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _WORDS.fullmatch(s)) is not None:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        raise ValueError(catalog.text("data.bad-date", text=text.strip()))
    try:
        return date(year, month, day)
    except ValueError:
        message = catalog.text(
            "data.bad-date-calendar", text=text.strip(), day=day, month=month, year=year
        )
        raise ValueError(message) from None
