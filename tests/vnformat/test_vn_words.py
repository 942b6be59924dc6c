"""Numbers in words ("bằng chữ"): the spec's examples, the variants, strict parsing."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.diagnostics.errors import WordsError
from reportgen.vnformat import (
    capitalize_first,
    format_money,
    money_in_words,
    read_number,
    words_to_number,
)
from reportgen.vnformat import words as words_module

D = Decimal

# (number, northern reading, southern reading)
READINGS = [
    (0, "không", "không"),
    (1, "một", "một"),
    (5, "năm", "năm"),
    (10, "mười", "mười"),
    (11, "mười một", "mười một"),
    (14, "mười bốn", "mười bốn"),
    (15, "mười lăm", "mười lăm"),
    (20, "hai mươi", "hai mươi"),
    (21, "hai mươi mốt", "hai mươi mốt"),
    (24, "hai mươi bốn", "hai mươi bốn"),
    (25, "hai mươi lăm", "hai mươi lăm"),
    (101, "một trăm linh một", "một trăm lẻ một"),
    (105, "một trăm linh năm", "một trăm lẻ năm"),
    (110, "một trăm mười", "một trăm mười"),
    (111, "một trăm mười một", "một trăm mười một"),
    (115, "một trăm mười lăm", "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt", "một trăm hai mươi mốt"),
    (1_000, "một nghìn", "một ngàn"),
    (1_001, "một nghìn không trăm linh một", "một ngàn không trăm lẻ một"),
    (1_010, "một nghìn không trăm mười", "một ngàn không trăm mười"),
    (1_000_000, "một triệu", "một triệu"),
    (1_000_001, "một triệu không trăm linh một", "một triệu không trăm lẻ một"),
    (1_000_000_001, "một tỷ không trăm linh một", "một tỷ không trăm lẻ một"),
    (
        2_000_005_000,
        "hai tỷ không trăm linh năm nghìn",
        "hai tỷ không trăm lẻ năm ngàn",
    ),
    (13_000_000, "mười ba triệu", "mười ba triệu"),
    (22_000_000, "hai mươi hai triệu", "hai mươi hai triệu"),
    (10**12, "một nghìn tỷ", "một ngàn tỷ"),
    (10**15, "một triệu tỷ", "một triệu tỷ"),
    (10**18, "một tỷ tỷ", "một tỷ tỷ"),
    (10**18 + 1, "một tỷ tỷ không trăm linh một", "một tỷ tỷ không trăm lẻ một"),
    (10**21, "một nghìn tỷ tỷ", "một ngàn tỷ tỷ"),
    (1_001 * 10**9, "một nghìn không trăm linh một tỷ", "một ngàn không trăm lẻ một tỷ"),
    (
        1_234_567_890,
        "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi",
        "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy ngàn tám trăm chín mươi",
    ),
    (-5, "âm năm", "âm năm"),
    (-1_001, "âm một nghìn không trăm linh một", "âm một ngàn không trăm lẻ một"),
]


@pytest.mark.parametrize(("n", "north", "south"), READINGS, ids=[str(n) for n, *_ in READINGS])
def test_read_number_follows_the_spec_in_the_north(n: int, north: str, south: str) -> None:
    assert read_number(n) == north


@pytest.mark.parametrize(("n", "north", "south"), READINGS, ids=[str(n) for n, *_ in READINGS])
def test_read_number_south_uses_le_and_ngan(n: int, north: str, south: str) -> None:
    assert read_number(n, south=True) == south


@pytest.mark.parametrize(("n", "north", "south"), READINGS, ids=[str(n) for n, *_ in READINGS])
def test_every_spec_reading_parses_back_in_both_variants(n: int, north: str, south: str) -> None:
    assert words_to_number(north) == n
    assert words_to_number(south) == n


NUM2WORDS_MISTAKES = [
    (1_010, "một nghìn lẻ mười"),
    (2_000_005_000, "hai tỷ năm nghìn"),
    (1_005, "một nghìn linh năm"),
]


@pytest.mark.parametrize(
    ("n", "wrong"), NUM2WORDS_MISTAKES, ids=[str(n) for n, _ in NUM2WORDS_MISTAKES]
)
def test_the_num2words_mistakes_do_not_happen_and_are_refused(n: int, wrong: str) -> None:
    assert read_number(n) != wrong
    assert read_number(n, south=True) != wrong
    with pytest.raises(WordsError):
        words_to_number(wrong)


def test_read_number_accepts_decimal_and_machine_strings() -> None:
    assert read_number(D("22000000")) == "hai mươi hai triệu"
    assert read_number(D("2.00")) == "hai"  # an integer value, whatever its exponent
    assert read_number("1001") == "một nghìn không trăm linh một"
    assert read_number(D("1E+3")) == "một nghìn"


@pytest.mark.parametrize("bad", [1.0, True], ids=["float", "bool"])
def test_read_number_refuses_floats_and_bools(bad: object) -> None:
    with pytest.raises(TypeError):
        read_number(bad)  # type: ignore[arg-type]


def test_a_fraction_is_an_error_unless_decimals_are_asked_for() -> None:
    with pytest.raises(ValueError):
        read_number(D("1.5"))


DECIMAL_READINGS = [
    ("62.95", "sáu mươi hai phẩy chín mươi lăm"),
    ("1.05", "một phẩy không năm"),
    ("3.14159", "ba phẩy một trăm bốn mươi mốt năm mươi chín"),
    ("1.50", "một phẩy năm mươi"),
    ("1.5", "một phẩy năm"),
    ("0.5", "không phẩy năm"),
    ("-0.5", "âm không phẩy năm"),
    ("2.00", "hai phẩy không không"),
    ("1001.101", "một nghìn không trăm linh một phẩy một trăm linh một"),
    ("0.1005", "không phẩy một trăm năm"),
    ("0.100005", "không phẩy một trăm không trăm linh năm"),
    ("0.10005", "không phẩy một trăm không năm"),
    # Grouping would read two ways (10020 like 120, 1101 like 111): digit by digit instead.
    ("0.10020", "không phẩy một không không hai không"),
    ("0.1101", "không phẩy một một không một"),
]


@pytest.mark.parametrize(
    ("value", "reading"), DECIMAL_READINGS, ids=[v for v, _ in DECIMAL_READINGS]
)
def test_read_decimals_reads_the_fraction_digits_as_written(value: str, reading: str) -> None:
    assert read_number(D(value), read_decimals=True) == reading
    back = words_to_number(reading)
    assert back == D(value)
    assert back.as_tuple().exponent == D(value).as_tuple().exponent


def test_south_decimals_use_le() -> None:
    assert read_number(D("0.105"), read_decimals=True, south=True) == "không phẩy một trăm lẻ năm"


MONEY = [
    (22_000_000, {}, "Hai mươi hai triệu đồng chẵn"),
    (22_000_000, {"exact": False}, "Hai mươi hai triệu đồng"),
    (22_000_000, {"capitalize": False}, "hai mươi hai triệu đồng chẵn"),
    (13_000_000, {}, "Mười ba triệu đồng chẵn"),
    (1_005_000, {"south": True}, "Một triệu không trăm lẻ năm ngàn đồng chẵn"),
    (-5_000, {}, "Âm năm nghìn đồng chẵn"),
    (0, {"exact": False}, "Không đồng"),
    (D("13000000.00"), {}, "Mười ba triệu đồng chẵn"),
    ("1500", {}, "Một nghìn năm trăm đồng chẵn"),
]


@pytest.mark.parametrize(("amount", "options", "expected"), MONEY, ids=[e for *_, e in MONEY])
def test_money_in_words(
    amount: int | Decimal | str, options: dict[str, bool], expected: str
) -> None:
    assert money_in_words(amount, **options) == expected
    assert words_to_number(expected) == D(amount)


def test_the_figure_and_its_words_as_an_official_document_writes_them() -> None:
    amount = 22_000_000
    text = f"{format_money(amount, 'đ')} ({money_in_words(amount)})"
    assert text == "22.000.000 đ (Hai mươi hai triệu đồng chẵn)"


def test_money_in_words_refuses_fractions_of_a_dong() -> None:
    with pytest.raises(ValueError):
        money_in_words(D("1000.5"))


CAPITALIZE = [
    ("hai mươi", "Hai mươi"),
    ("(hai đồng)", "(Hai đồng)"),
    ("đồng", "Đồng"),
    ("âm năm", "Âm năm"),
    ("", ""),
    ("123", "123"),
    ("Hai Mươi", "Hai Mươi"),
]


@pytest.mark.parametrize(
    ("text", "expected"), CAPITALIZE, ids=[t or "empty" for t, _ in CAPITALIZE]
)
def test_capitalize_first_touches_only_the_first_letter(text: str, expected: str) -> None:
    assert capitalize_first(text) == expected


ACCEPTED = [
    ("hai mươi tư", 24),
    ("hai mươi một", 21),
    ("hai mươi năm", 25),
    ("hai mươi nhăm", 25),
    ("mười năm", 15),
    ("một trăm lẻ năm", 105),
    ("một ngàn", 1_000),
    ("một tỉ", 10**9),
    ("Hai Mươi Hai Triệu Đồng Chẵn", 22_000_000),
    ("HAI MƯƠI HAI TRIỆU ĐỒNG CHẴN", 22_000_000),
    ("(Hai mươi hai triệu đồng chẵn).", 22_000_000),
    ("(Hai mươi hai triệu đồng chẵn)", 22_000_000),
    ("Hai mươi hai triệu đồng.", 22_000_000),
    ("hai mươi hai triệu chẵn", 22_000_000),
    ("  hai   mươi\tmốt  ", 21),
    ("âm năm", -5),
    ("một nghìn không trăm lẻ một", 1_001),
    ("một ngàn không trăm linh một", 1_001),
    ("mừơi", 10),  # tone mark on the other vowel
    ("một phẩy năm mươi", D("1.50")),
    ("không phẩy không năm", D("0.05")),
    ("một phẩy không", D("1.0")),
    ("ba phẩy một trăm bốn mươi một năm mươi chín", D("3.14159")),
]


@pytest.mark.parametrize(("text", "value"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_words_to_number_accepts_every_variant(text: str, value: int | Decimal) -> None:
    assert words_to_number(text) == value


def test_words_to_number_accepts_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Hai mươi hai triệu đồng chẵn")
    assert text != "Hai mươi hai triệu đồng chẵn"
    assert words_to_number(text) == 22_000_000


# (text, the word blamed, its position)
REFUSED = [
    ("hai mươi hia triệu", "hia", 3),
    ("hai triệu ba triệu", "triệu", 4),
    ("hai nghìn ba triệu", "triệu", 4),
    ("mười mười", "mười", 2),
    ("mười mốt", "mốt", 2),
    ("mười tư", "tư", 2),
    ("hai mười", "mười", 2),
    ("một mươi", "mươi", 2),
    ("một nghìn linh một", "linh", 3),
    ("hai tỷ năm nghìn", "năm", 3),
    ("một nghìn không trăm", "không", 3),
    ("không trăm năm", "không", 1),
    ("một trăm linh không", "không", 4),
    ("một trăm linh mốt", "mốt", 4),
    ("hai mươi không", "không", 3),
    ("năm năm", "năm", 2),
    ("trăm", "trăm", 1),
    ("âm không", "âm", 1),
    ("năm âm", "âm", 2),
    ("phẩy năm", "phẩy", 1),
    ("một phẩy hai phẩy ba", "phẩy", 4),
    ("một tỷ nghìn", "nghìn", 3),
    ("tỷ", "tỷ", 1),
    ("hai mươi hai triệu đồng đồng", "đồng", 5),
    ("đồng", "đồng", 1),
    ("một phẩy một bốn", "một", 3),
    ("một phẩy không trăm", "không", 3),
    ("hai nghìn ngàn", "ngàn", 3),
]


@pytest.mark.parametrize(("text", "word", "position"), REFUSED, ids=[t for t, *_ in REFUSED])
def test_words_to_number_names_the_first_word_it_cannot_place(
    text: str, word: str, position: int
) -> None:
    with pytest.raises(WordsError) as info:
        words_to_number(text)
    err = info.value
    assert err.message.startswith(f'"{text}" không đọc được: ')
    assert f'từ "{word}" (từ thứ {position})' in err.message, err.message
    assert err.hint


def test_the_example_message_from_the_brief() -> None:
    with pytest.raises(WordsError) as info:
        words_to_number("hai mươi hia triệu")
    assert info.value.message == (
        '"hai mươi hia triệu" không đọc được: từ "hia" (từ thứ 3) không phải là một chữ số'
    )
    assert info.value.hint is not None and '"hai"' in info.value.hint


@pytest.mark.parametrize("text", ["", "   ", "()", "âm", "một trăm linh"], ids=repr)
def test_incomplete_texts_are_refused(text: str) -> None:
    with pytest.raises(WordsError):
        words_to_number(text)


def test_a_missing_full_group_reading_suggests_the_right_one() -> None:
    with pytest.raises(WordsError) as info:
        words_to_number("hai tỷ năm nghìn")
    assert "không trăm linh năm" in info.value.message
    assert info.value.hint is not None and "không trăm linh năm" in info.value.hint


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**15), st.booleans())
def test_round_trip_up_to_ten_to_the_fifteen(n: int, south: bool) -> None:
    assert words_to_number(read_number(n, south=south)) == n


@given(st.integers(min_value=-(10**27), max_value=10**27), st.booleans())
def test_round_trip_past_ten_to_the_eighteen(n: int, south: bool) -> None:
    assert words_to_number(read_number(n, south=south)) == n


@given(
    st.integers(min_value=-(10**18), max_value=10**18),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_money_in_words_round_trip(n: int, south: bool, exact: bool, capitalize: bool) -> None:
    text = money_in_words(n, south=south, exact=exact, capitalize=capitalize)
    assert words_to_number(text) == n


@given(
    st.integers(min_value=0, max_value=10**12),
    st.text(alphabet="0123456789", min_size=1, max_size=12),
    st.booleans(),
    st.booleans(),
)
def test_round_trip_of_decimal_readings(
    whole: int, digits: str, negative: bool, south: bool
) -> None:
    value = D(f"{'-' if negative else ''}{whole}.{digits}")
    back = words_to_number(read_number(value, read_decimals=True, south=south))
    assert back == value
    assert back.as_tuple().digits == value.as_tuple().digits
    assert back.as_tuple().exponent == value.as_tuple().exponent


def test_every_fraction_of_up_to_four_digits_reads_back_and_reads_uniquely() -> None:
    readings: dict[str, str] = {}
    for length in range(1, 5):
        for k in range(10**length):
            digits = str(k).rjust(length, "0")
            text = read_number(D("0." + digits), read_decimals=True)
            assert words_to_number(text) == D("0." + digits)
            assert readings.setdefault(text, digits) == digits, (text, digits)


# Strictness: start from a valid reading, break it, and check that whatever is still accepted
# is a valid reading of the value it is accepted as (after folding the allowed variants).

VOCABULARY = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi",
    "trăm", "linh", "lẻ", "mốt", "lăm", "nhăm", "tư", "nghìn", "ngàn", "triệu", "tỷ", "tỉ",
    "phẩy", "âm", "đồng", "chẵn",
]  # fmt: skip

_SPELLING = {"lẻ": "linh", "ngàn": "nghìn", "tỉ": "tỷ", "nhăm": "lăm"}


def _canonical(text: str) -> list[str]:
    """Fold every accepted variant into the form read_number writes (north)."""
    words = [_SPELLING.get(w, w) for w in text.lower().split()]
    while words and words[-1] in ("đồng", "chẵn"):
        words.pop()
    out: list[str] = []
    for w in words:
        prev = out[-1] if out else ""
        if prev == "mươi" and w in ("một", "tư", "năm"):
            w = {"một": "mốt", "tư": "bốn", "năm": "lăm"}[w]
        elif prev == "mười" and w == "năm":
            w = "lăm"
        out.append(w)
    return out


@st.composite
def broken_readings(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=0, max_value=10**20))
    if draw(st.booleans()):
        fraction = draw(st.text(alphabet="0123456789", min_size=1, max_size=8))
        value = D(f"{n}.{fraction}")
        words = read_number(value, south=draw(st.booleans()), read_decimals=True).split()
    else:
        words = read_number(n, south=draw(st.booleans())).split()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(["insert", "delete", "replace", "swap"]))
        i = draw(st.integers(min_value=0, max_value=max(len(words) - 1, 0)))
        if action == "insert":
            words.insert(i, draw(st.sampled_from(VOCABULARY)))
        elif action == "delete" and len(words) > 1:
            del words[i]
        elif action == "replace" and words:
            words[i] = draw(st.sampled_from(VOCABULARY))
        elif action == "swap" and len(words) > 1:
            j = draw(st.integers(min_value=0, max_value=len(words) - 1))
            words[i], words[j] = words[j], words[i]
    return " ".join(words)


@given(broken_readings())
def test_whatever_is_accepted_is_a_valid_reading_of_its_value(text: str) -> None:
    try:
        value = words_to_number(text)
    except WordsError:
        return
    expected = read_number(
        value, read_decimals=value != value.to_integral_value() or "phẩy" in text
    )
    assert _canonical(text) == _canonical(expected), (text, value, expected)


@given(broken_readings())
def test_the_fast_path_agrees_with_the_token_parser(text: str) -> None:
    cleaned = words_module._clean(text)
    fast = words_module._fast(cleaned)
    if fast is None:
        return
    tokens = [words_module._CANON[w] for w in cleaned.split()]
    assert words_module._parse_tokens(tokens) == fast
