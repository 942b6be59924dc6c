"""Numbers typed by people: strict grouping, the declared locale, never a guess."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportgen.diagnostics.errors import NumberFormatError
from reportgen.vnformat import format_number, parse_number, round_half_up

D = Decimal

VI_OK = [
    ("1.013", "1013"),
    ("1,2", "1.2"),
    ("1.013,5", "1013.5"),
    ("1 013", "1013"),
    ("1\u00a0013", "1013"),
    ("1\u202f013", "1013"),
    ("0,5", "0.5"),
    ("-1.234,5", "-1234.5"),
    ("\u22121.234,5", "-1234.5"),
    ("+12", "12"),
    ("  22.839  ", "22839"),
    ("1.000.000", "1000000"),
    ("1,013", "1.013"),  # under vi the comma is the decimal mark: one point zero one three
    ("1,50", "1.50"),
    ("1013", "1013"),
    ("007", "7"),
    ("0", "0"),
    ("12.345.678,90", "12345678.90"),
]


@pytest.mark.parametrize(("text", "expected"), VI_OK, ids=[t for t, _ in VI_OK])
def test_vietnamese_numbers_parse(text: str, expected: str) -> None:
    result = parse_number(text)
    assert result == D(expected)
    assert str(result) == expected  # digits kept as typed (1,50 stays 1.50)


EN_OK = [
    ("1,013.5", "1013.5"),
    ("1,013", "1013"),
    ("1.5", "1.5"),
    ("1 013.25", "1013.25"),
    ("-2,000,000", "-2000000"),
]


@pytest.mark.parametrize(("text", "expected"), EN_OK, ids=[t for t, _ in EN_OK])
def test_english_numbers_parse_under_locale_en(text: str, expected: str) -> None:
    assert parse_number(text, locale="en") == D(expected)


# (text, locale, what the message must contain besides the text itself)
REJECTED = [
    ("2.2.839", "vi", ["sau dấu chấm phân cách hàng nghìn phải có đúng 3 chữ số", "22.839"]),
    ("1,1,", "vi", ["dấu phẩy", "chỉ có một"]),
    ("1.5", "vi", ["1.500", "1,5"]),
    ("1.50", "vi", ["1.500", "1,50"]),
    ("", "vi", ["trống"]),
    ("   ", "vi", ["trống"]),
    ("abc", "vi", ['"a"', "chữ số"]),
    ("1,013.5", "vi", ["tiếng Anh", '"vi"']),
    ("1,013,500", "vi", ["dấu phẩy"]),
    ("12%", "vi", ["%"]),
    ("0.500", "vi", ["0,5", "500"]),
    ("1..013", "vi", ["thừa"]),
    ("1.013.", "vi", ["thừa"]),
    ("1013.500", "vi", ["1 đến 3 chữ số"]),
    ("1.013 500", "vi", ["lẫn"]),
    ("1,", "vi", ["sau dấu phẩy"]),
    (",5", "vi", ["0,5"]),
    ("-", "vi", ["chữ số"]),
    ("1-2", "vi", ["đứng đầu"]),
    ("1,2 3", "vi", ["dấu cách"]),
    ("1,5", "en", ["1,500", "1.5"]),
    ("1.013,5", "en", ["Việt Nam", '"en"']),
    ("1.2.3", "en", ["dấu chấm"]),
]


@pytest.mark.parametrize(
    ("text", "locale", "needles"), REJECTED, ids=[f"{t!r}-{loc}" for t, loc, _ in REJECTED]
)
def test_malformed_or_ambiguous_numbers_are_errors_that_say_what_and_how(
    text: str, locale: str, needles: list[str]
) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_number(text, locale=locale)
    err = info.value
    if text.strip():
        assert f'"{text.strip()}"' in err.message  # what was found
    for needle in needles:  # what was expected
        assert needle in err.message, err.message
    assert err.hint  # the fix
    assert err.location is None  # the caller adds file, row and column


def test_the_example_message_from_the_brief() -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_number("2.2.839")
    assert info.value.message.startswith(
        '"2.2.839" không phải là số: sau dấu chấm phân cách hàng nghìn phải có đúng 3 chữ số '
        "(ví dụ 1.013 hoặc 22.839)"
    )


def test_an_unknown_locale_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_number("1", locale="fr")


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False),
    st.integers(min_value=0, max_value=4),
)
def test_parse_number_reads_back_what_format_number_writes(x: Decimal, decimals: int) -> None:
    assert parse_number(format_number(x, decimals)) == round_half_up(x, decimals)


# A reference grammar, written independently as regular expressions: exactly these parse.
SPACES = [" ", "\u00a0", "\u202f", "\u2009"]


def _reference_grammar(group_mark: str, decimal_mark: str) -> re.Pattern[str]:
    grouped = [
        rf"[1-9][0-9]{{0,2}}(?:{re.escape(sep)}[0-9]{{3}})+" for sep in [group_mark, *SPACES]
    ]
    integer = "(?:[0-9]+|" + "|".join(grouped) + ")"
    return re.compile(rf"[-\u2212+]?{integer}(?:{re.escape(decimal_mark)}[0-9]+)?")


VALID_VI = _reference_grammar(".", ",")
VALID_EN = _reference_grammar(",", ".")


def _reference_value(text: str, locale: str) -> Decimal:
    dec = "," if locale == "vi" else "."
    s = text.replace("\u2212", "-")
    s = "".join(ch for ch in s if ch in "0123456789-+" or ch == dec)
    return D(s.replace(dec, "."))


number_like = st.text(alphabet="0123456789.,  \u00a0\u2212-+%", min_size=1, max_size=14)


def _grouped_text() -> st.SearchStrategy[str]:
    group = st.text(alphabet="0123456789", min_size=0, max_size=4)
    sep = st.sampled_from([".", ",", " ", "\u00a0", ""])
    return st.lists(st.tuples(group, sep), min_size=1, max_size=5).map(
        lambda parts: "".join(g + s for g, s in parts)
    )


@given(st.one_of(number_like, _grouped_text()), st.sampled_from(["vi", "en"]))
@example("2.2.839", "vi")
@example("1.5", "vi")
@example("1,013.5", "vi")
@example("1.013,5", "en")
@example("0.500", "vi")
def test_parse_number_accepts_exactly_the_valid_group_structures(text: str, locale: str) -> None:
    valid = (VALID_VI if locale == "vi" else VALID_EN).fullmatch(text.strip())
    try:
        result = parse_number(text, locale=locale)
    except NumberFormatError:
        assert valid is None, f"{text!r} is valid under {locale} but was refused"
    else:
        assert valid is not None, f"{text!r} has an invalid structure but parsed to {result}"
        assert result == _reference_value(text.strip(), locale)
