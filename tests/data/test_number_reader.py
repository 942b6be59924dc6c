"""The fast number reader used for data cells agrees with vnformat.parse_number exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.data.dataset import number_reader
from reportgen.diagnostics.errors import NumberFormatError
from reportgen.vnformat import parse_number

TEXT = st.text(alphabet="0123456789.,-− ١", min_size=1, max_size=12).map(str.strip).filter(bool)
GROUPED = st.integers(min_value=-(10**12), max_value=10**12).map(lambda n: f"{n:,}")


def _outcome(read: object, text: str) -> Decimal | str:
    try:
        return read(text)  # type: ignore[operator,no-any-return]
    except NumberFormatError as exc:
        return f"error: {exc.message}"


@pytest.mark.parametrize("locale", ["vi", "en"])
@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_fast_reader_agrees_with_parse_number(locale: str, text: str) -> None:
    read = number_reader(locale)
    expected = _outcome(lambda t: parse_number(t, locale=locale), text)
    assert _outcome(read, text) == expected
    assert _outcome(read, text) == expected  # and again, from its cache


@pytest.mark.parametrize("locale", ["vi", "en"])
@settings(max_examples=200, deadline=None)
@given(text=GROUPED)
def test_fast_reader_reads_grouped_integers(locale: str, text: str) -> None:
    shown = text.replace(",", ".") if locale == "vi" else text
    assert number_reader(locale)(shown) == parse_number(shown, locale=locale)


def test_non_ascii_digits_are_not_numbers() -> None:
    with pytest.raises(NumberFormatError):
        number_reader("vi")("١٢٣")
