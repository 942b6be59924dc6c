"""Unit-name keys, slugs and legacy-encoding detection."""

from __future__ import annotations

import unicodedata

import pytest

from reportgen.data.text import collapse_spaces, legacy_encoding, nfc, slugify, unit_key

SAME_UNIT = [
    ("Phường Hoà Bình", "Phường Hòa Bình"),
    ("Phường Hòa Bình", "  phường   hòa   bình "),
    ("Xã Thuỷ An", "Xã Thủy An"),
    ("Uỷ ban", "Ủy ban"),
    (unicodedata.normalize("NFD", "Phường Trần Phú"), "Phường Trần Phú"),
    ("PHƯỜNG TRẦN PHÚ", "Phường Trần Phú"),
]


@pytest.mark.parametrize(
    ("a", "b"),
    SAME_UNIT,
    ids=[
        "old and new tone placement (hoà/hòa)",
        "case and extra spaces",
        "thuỷ/thủy",
        "uỷ/ủy",
        "NFD (macOS) and NFC",
        "upper case",
    ],
)
def test_unit_key_folds_what_clerks_vary(a: str, b: str) -> None:
    assert unit_key(a) == unit_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Xã Tân Mỹ", "Xã Tân Mý"), ("Phường Hòa Bình", "Phường Hoa Bình")],
    ids=["a different tone", "a missing tone"],
)
def test_unit_key_keeps_the_tones_apart(a: str, b: str) -> None:
    assert unit_key(a) != unit_key(b)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Phường Trần Phú", "phuong-tran-phu"),
        ("Xã Đồng Sơn", "xa-dong-son"),
        ("thành phố Hòa An", "thanh-pho-hoa-an"),
        ("???", "don-vi"),
    ],
    ids=["ward", "đ becomes d", "city", "nothing left"],
)
def test_slugify_gives_ascii_file_names(name: str, slug: str) -> None:
    assert slugify(name) == slug


LEGACY = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "TCVN3"),
    ("Ph\xadêng TrÇn Phó", "TCVN3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", None),
    ("Diện tích nhà ở bình quân (m²)", None),
    ("don_vi", None),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    LEGACY,
    ids=[
        "TCVN3 (ABC) national motto",
        "TCVN3 ward name",
        "VNI-Windows national motto",
        "Unicode",
        "Unicode with m²",
        "ASCII header",
    ],
)
def test_legacy_encoding_is_recognised(text: str, expected: str | None) -> None:
    assert legacy_encoding(text) == expected


def test_nfc_and_collapse_spaces() -> None:
    assert nfc(unicodedata.normalize("NFD", " hộ nghèo ")) == "hộ nghèo"
    assert collapse_spaces(" a \t b\n c ") == "a b c"


@pytest.mark.parametrize(
    "pasted",
    ["Phường Trần Phú\u200b", "\ufeffPhường Trần Phú", "Phường\u200b Trần\u2060 Phú"],
    ids=["zwsp-after", "bom-before", "inside"],
)
def test_invisible_characters_pasted_with_a_name_are_dropped(pasted: str) -> None:
    assert collapse_spaces(pasted) == "Phường Trần Phú"
    assert unit_key(pasted) == unit_key("Phường Trần Phú")
