"""Dates, periods and the place-and-date line as Nghị định 30/2020 writes them."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.vnformat import (
    date_line,
    date_short,
    half_year,
    months_label,
    parse_date,
    period,
    place_date,
    year_label,
)

DATE_LINES = [
    (date(2024, 3, 5), "ngày 05 tháng 3 năm 2024"),
    (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
    (date(2022, 2, 18), "ngày 18 tháng 02 năm 2022"),
    (date(2018, 7, 13), "ngày 13 tháng 7 năm 2018"),
    (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    (date(2024, 10, 9), "ngày 09 tháng 10 năm 2024"),
]


@pytest.mark.parametrize(("d", "expected"), DATE_LINES, ids=[e for _, e in DATE_LINES])
def test_date_line_pads_small_days_and_the_first_two_months(d: date, expected: str) -> None:
    assert date_line(d) == expected


def test_place_date_line() -> None:
    assert place_date("Bắc Giang", date(2024, 3, 5)) == "Bắc Giang, ngày 05 tháng 3 năm 2024"
    assert place_date(" Hà Nội ", datetime(2020, 1, 2, 8, 30)) == (
        "Hà Nội, ngày 02 tháng 01 năm 2020"
    )
    with pytest.raises(ValueError):
        place_date("  ", date(2024, 3, 5))


SHORT = [
    (date(2022, 1, 18), "nd30", "18/01/2022"),
    (date(2018, 7, 13), "nd30", "13/7/2018"),
    (date(2024, 3, 5), "nd30", "05/3/2024"),
    (date(2018, 7, 13), "full", "13/07/2018"),
    (date(2024, 3, 5), "full", "05/03/2024"),
]


@pytest.mark.parametrize(("d", "style", "expected"), SHORT, ids=[f"{e}-{s}" for _, s, e in SHORT])
def test_date_short_in_both_styles(d: date, style: str, expected: str) -> None:
    assert date_short(d, style=style) == expected


def test_date_short_rejects_an_unknown_style() -> None:
    with pytest.raises(ValueError):
        date_short(date(2024, 3, 5), style="iso")


def test_periods_and_labels_never_group_years() -> None:
    assert period(2021, 2025) == "giai đoạn 2021 - 2025"
    assert half_year(2024) == "6 tháng đầu năm 2024"
    assert half_year(2024, first=False) == "6 tháng cuối năm 2024"
    assert year_label(2023) == "năm 2023"
    assert months_label(9, 2024) == "9 tháng đầu năm 2024"
    assert "." not in period(2021, 2025) + year_label(2024)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (period, (2025, 2021)),
        (months_label, (0, 2024)),
        (months_label, (13, 2024)),
        (year_label, (True,)),
        (year_label, (20240,)),
    ],
    ids=["period-backwards", "zero-months", "thirteen-months", "bool-year", "five-digit-year"],
)
def test_labels_reject_impossible_values(call: object, args: tuple[object, ...]) -> None:
    assert callable(call)
    with pytest.raises(ValueError):
        call(*args)


PARSED = [
    ("18/01/2022", date(2022, 1, 18)),
    ("18/1/2022", date(2022, 1, 18)),
    ("2022-01-18", date(2022, 1, 18)),
    ("ngày 18 tháng 01 năm 2022", date(2022, 1, 18)),
    ("Ngày 5 tháng 3 năm 2024", date(2024, 3, 5)),
    ("18-01-2022", date(2022, 1, 18)),
    ("  13/7/2018 ", date(2018, 7, 13)),
    (unicodedata.normalize("NFD", "ngày 18 tháng 01 năm 2022"), date(2022, 1, 18)),
]


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[t for t, _ in PARSED])
def test_parse_date_accepts_the_usual_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


REFUSED = [
    ("31/02/2022", "không có trong lịch"),
    ("29/02/2023", "không có trong lịch"),
    ("18.01.2022", "cần dạng"),
    ("18/01/22", "cần dạng"),
    ("18/01-2022", "cần dạng"),
    ("", "cần dạng"),
    ("ngày 18 tháng 13 năm 2022", "không có trong lịch"),
]


@pytest.mark.parametrize(("text", "needle"), REFUSED, ids=[t or "empty" for t, _ in REFUSED])
def test_parse_date_errors_name_the_text_and_the_expected_form(text: str, needle: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    message = str(info.value)
    assert f'"{text}"' in message
    assert needle in message
    assert "18/01/2022" in message  # the expected form


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(["nd30", "full"]))
def test_parse_date_reads_back_every_written_form(d: date, style: str) -> None:
    assert parse_date(date_short(d, style=style)) == d
    assert parse_date(date_line(d)) == d
    assert parse_date(d.isoformat()) == d
