"""Document numbers and codes (Số: 05/BC-UBND) and citations."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.diagnostics.errors import DocumentCodeError
from reportgen.vnformat import (
    DOC_TYPE_CODES,
    DOC_TYPES,
    DocCode,
    cite,
    cite_short,
    doc_code,
    number_line,
    parse_doc_code,
    validate_doc_code,
)

NOTED_TYPES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "TTr": "Tờ trình",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "BB": "Biên bản",
    "GM": "Giấy mời",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
}


def test_doc_types_hold_the_spec_codes_and_reverse() -> None:
    for code, name in NOTED_TYPES.items():
        assert DOC_TYPES[code] == name
        assert DOC_TYPE_CODES[name] == code
    assert len(DOC_TYPE_CODES) == len(DOC_TYPES)


CODES = [
    ((5, "BC", "UBND"), {}, "05/BC-UBND"),
    ((12, None, "UBND-VX"), {}, "12/UBND-VX"),
    ((7, "NĐ", "CP"), {"year": 2021}, "07/2021/NĐ-CP"),
    ((90, "QĐ", "TTg"), {}, "90/QĐ-TTg"),
    ((2300, "KH", "UBND"), {}, "2300/KH-UBND"),
    ((10, "BC", "UBND"), {}, "10/BC-UBND"),
]


@pytest.mark.parametrize(("args", "kwargs", "expected"), CODES, ids=[e for *_, e in CODES])
def test_doc_code_pads_small_numbers_and_has_no_spaces(
    args: tuple[int, str | None, str], kwargs: dict[str, int], expected: str
) -> None:
    assert doc_code(*args, year=kwargs.get("year")) == expected


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((0, "BC", "UBND"), {}),
        ((-1, "BC", "UBND"), {}),
        ((True, "BC", "UBND"), {}),
        ((5, "BX", "UBND"), {}),
        ((5, "BC", ""), {}),
        ((5, "BC", "UB ND"), {}),
        ((5, "NĐ", "CP"), {"year": 21}),
    ],
    ids=["zero", "negative", "bool", "unknown-type", "no-issuer", "space-in-issuer", "short-year"],
)
def test_doc_code_refuses_bad_parts(
    args: tuple[int, str | None, str], kwargs: dict[str, int]
) -> None:
    with pytest.raises(DocumentCodeError):
        doc_code(*args, year=kwargs.get("year"))


def test_an_unknown_type_code_suggests_the_close_ones() -> None:
    with pytest.raises(DocumentCodeError) as info:
        doc_code(5, "BX", "UBND")
    assert info.value.hint is not None and '"BC"' in info.value.hint


PARSED = [
    ("05/BC-UBND", DocCode(5, None, "BC", "UBND")),
    ("90/QĐ-TTg", DocCode(90, None, "QĐ", "TTg")),
    ("07/2021/NĐ-CP", DocCode(7, 2021, "NĐ", "CP")),
    ("07/2021/TT-BLĐTBXH", DocCode(7, 2021, "TT", "BLĐTBXH")),
    ("2300/KH-UBND", DocCode(2300, None, "KH", "UBND")),
    ("549-CV/TU", DocCode(549, None, "CV", "TU", party=True)),
    ("05-CT/TW", DocCode(5, None, "CT", "TW", party=True)),
    ("12/UBND-VX", DocCode(12, None, None, "UBND-VX")),
    ("5/BC-UBND", DocCode(5, None, "BC", "UBND")),
    ("15/2012/QH13", DocCode(15, 2012, None, "QH13")),
    ("12/QĐ-UBND-VX", DocCode(12, None, "QĐ", "UBND-VX")),
    ("03/KH-SLĐTB&XH", DocCode(3, None, "KH", "SLĐTB&XH")),
]


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[t for t, _ in PARSED])
def test_parse_doc_code_reads_every_form(text: str, expected: DocCode) -> None:
    assert parse_doc_code(text) == expected


@pytest.mark.parametrize(
    ("text", "canonical"),
    [(t, t) for t, _ in PARSED if t != "5/BC-UBND"] + [("5/BC-UBND", "05/BC-UBND")],
    ids=lambda v: str(v),
)
def test_the_code_property_gives_the_canonical_text(text: str, canonical: str) -> None:
    assert parse_doc_code(text).code == canonical


REFUSED = [
    ("05 / BC-UBND", ["dấu cách"], "05/BC-UBND"),
    ("05/BC - UBND", ["dấu cách"], "05/BC-UBND"),
    ("/BC-UBND", ["thiếu số"], None),
    ("BC-UBND", ['thiếu dấu "/"'], None),
    ("0/BC-UBND", ["từ 1 trở lên"], None),
    ("ab/BC-UBND", ["chữ số"], None),
    ("90/QD-TTg", ['"QD"', "ký hiệu loại"], "QĐ"),
    ("05/Bc-UBND", ['"Bc"'], "BC"),
    ("05/CTR-UBND", ['"CTR"'], "CTr"),
    ("549-XX/TU", ['"XX"'], None),
    ("05/BC-", ["thiếu ký hiệu cơ quan"], None),
    ("05/BC--UBND", ['thừa dấu "-"'], None),
    ("07/21/NĐ-CP", ["4 chữ số"], None),
    ("07/2021/NĐ/CP", ['thừa dấu "/"'], None),
    ("Số: 05/BC-UBND", ['"Số"'], "05/BC-UBND"),
    ("", ["Thiếu số"], None),
    ("05/BC-UB.ND", ["chữ cái"], None),
]


@pytest.mark.parametrize(
    ("text", "needles", "fix"), REFUSED, ids=[t or "empty" for t, *_ in REFUSED]
)
def test_malformed_codes_are_errors_that_say_what_was_expected(
    text: str, needles: list[str], fix: str | None
) -> None:
    with pytest.raises(DocumentCodeError) as info:
        parse_doc_code(text)
    err = info.value
    for needle in needles:
        assert needle in err.message, err.message
    if text:
        assert f'"{text}"' in err.message
    assert err.hint
    if fix:
        assert fix in err.hint


def test_typed_mode_requires_a_type_code_with_did_you_mean() -> None:
    with pytest.raises(DocumentCodeError) as info:
        parse_doc_code("05/BCC-UBND", typed=True)
    assert info.value.hint is not None and '"BC"' in info.value.hint
    assert parse_doc_code("05/BC-UBND", typed=False) == DocCode(5, None, None, "BC-UBND")


VALIDATED = [
    ("05/BC-UBND", []),
    ("5/BC-UBND", ["số nhỏ hơn 10 phải có số 0 đứng trước: 05/BC-UBND"]),
    ("005/BC-UBND", ["số văn bản thừa số 0 ở đầu: 05/BC-UBND"]),
    ("12/UBND-VX", []),
]


@pytest.mark.parametrize(("text", "warnings"), VALIDATED, ids=[t for t, _ in VALIDATED])
def test_validate_doc_code_warns_about_what_nd30_writes_otherwise(
    text: str, warnings: list[str]
) -> None:
    assert validate_doc_code(text) == warnings


def test_a_near_type_code_read_as_cong_van_is_flagged() -> None:
    (warning,) = validate_doc_code("05/BCC-UBND")
    assert "công văn" in warning and '"BC"' in warning


def test_number_line() -> None:
    assert number_line("05/BC-UBND") == "Số: 05/BC-UBND"
    assert number_line("5/BC-UBND") == "Số: 05/BC-UBND"
    assert number_line("12/UBND-VX") == "Số: 12/UBND-VX"
    assert number_line("/BC-UBND") == "Số:      /BC-UBND"  # left blank for the văn thư
    with pytest.raises(DocumentCodeError):
        number_line("05 /BC-UBND")


SUBJECT = "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"


def test_cite_the_first_mention_in_full() -> None:
    assert cite("Quyết định", "90/QĐ-TTg", date(2022, 1, 18), "Thủ tướng Chính phủ", SUBJECT) == (
        "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình"
        " mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"
    )


CITES = [
    (("Quyết định", "90/QĐ-TTg", None, None, None), {}, "Quyết định số 90/QĐ-TTg"),
    (
        ("Nghị định", "07/2021/NĐ-CP", date(2021, 1, 28), "Chính phủ", None),
        {},
        "Nghị định số 07/2021/NĐ-CP ngày 28/01/2021 của Chính phủ",
    ),
    (
        ("Kế hoạch", "45/KH-UBND", date(2018, 7, 13), None, None),
        {"date_style": "full"},
        "Kế hoạch số 45/KH-UBND ngày 13/07/2018",
    ),
    (
        ("Kế hoạch", "45/KH-UBND", date(2018, 7, 13), None, "về giảm nghèo"),
        {},
        "Kế hoạch số 45/KH-UBND ngày 13/7/2018 về giảm nghèo",
    ),
    (
        ("Công văn", "12/UBND-VX", None, "UBND tỉnh", None),
        {},
        "Công văn số 12/UBND-VX của UBND tỉnh",
    ),
    (("Luật", "15/2012/QH13", None, None, ""), {}, "Luật số 15/2012/QH13"),
    (("Chỉ thị", "05-CT/TW", None, None, None), {}, "Chỉ thị số 05-CT/TW"),
]


@pytest.mark.parametrize(("args", "kwargs", "expected"), CITES, ids=[e for *_, e in CITES])
def test_cite_leaves_out_missing_parts_cleanly(
    args: tuple[str, str, date | None, str | None, str | None],
    kwargs: dict[str, str],
    expected: str,
) -> None:
    assert cite(*args, date_style=kwargs.get("date_style", "nd30")) == expected


def test_cite_short() -> None:
    assert cite_short("Quyết định", "90/QĐ-TTg") == "Quyết định số 90/QĐ-TTg"


def test_citing_a_code_of_another_type_is_an_error() -> None:
    with pytest.raises(DocumentCodeError) as info:
        cite("Quyết định", "05/BC-UBND", None, None, None)
    assert '"BC"' in info.value.message and "Quyết định" in info.value.message


@given(
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from([None, *DOC_TYPES]),
    st.sampled_from(["UBND", "TTg", "CP", "BLĐTBXH", "UBND-VX", "SLĐTB&XH", "QH15"]),
    st.one_of(st.none(), st.integers(min_value=1945, max_value=2100)),
)
def test_parse_doc_code_reads_back_what_doc_code_writes(
    number: int, type_code: str | None, issuer: str, year: int | None
) -> None:
    code = doc_code(number, type_code, issuer, year=year)
    parsed = parse_doc_code(code, typed=type_code is not None)
    assert parsed == DocCode(number, year, type_code, issuer)
    assert parsed.code == code
    assert validate_doc_code(code) == [] or type_code is None
