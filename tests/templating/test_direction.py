"""Lint warns where a sentence states a direction that no figure backs."""

from __future__ import annotations

import pytest

from reportgen.templating.direction import unbacked_directions


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Số hộ nghèo giảm so với đầu năm.", ["giảm"]),
        ("Tiến độ giải ngân một số dự án còn chậm.", ["còn chậm"]),
        ("Số hộ nghèo {{ a | bien_dong(b) }} so với đầu năm.", []),
        ("Tỷ lệ hộ nghèo {{ a | thay_doi(b) }}.", []),
        ("Tiến độ giải ngân {{ t | muc }}.", []),
        ("Công tác giảm nghèo được tăng cường.", []),
        ("Học sinh được miễn, giảm học phí.", []),
        ("Đã cấp {{ x | so }} thẻ. Số hộ nghèo tăng.", ["tăng"]),
        ("{% if a > b %}Số hộ nghèo tăng.{% endif %}", []),
    ],
    ids=[
        "hand-written decrease",
        "hand-written delay",
        "movement filter",
        "change filter",
        "level filter",
        "giảm nghèo, tăng cường",
        "miễn, giảm",
        "second sentence",
        "inside a condition",
    ],
)
def test_direction_words_need_a_figure(text: str, flagged: list[str]) -> None:
    assert [u.word for u in unbacked_directions(text)] == flagged
