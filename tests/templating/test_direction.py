"""Lint warns where a sentence states a direction that no figure backs."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.authoring.lint import lint_template
from reportgen.config.loader import load_config
from reportgen.templating.direction import unbacked_directions
from tests.helpers import sample_project


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


def test_lint_names_the_yaml_line_of_an_unbacked_direction(tmp_path: Path) -> None:
    config_path = sample_project(tmp_path)
    text = config_path.read_text(encoding="utf-8")
    marker = "  - heading: Mục tiêu, nhiệm vụ năm 2025\n    paragraphs:\n"
    assert marker in text
    config_path.write_text(
        text.replace(marker, marker + "      - Số hộ nghèo giảm so với đầu năm.\n"),
        encoding="utf-8",
    )
    config = load_config(config_path)
    report = lint_template(config.template, config)
    found = [f for f in report.findings if f.code == "unbacked-direction"]
    line = 1 + config_path.read_text(encoding="utf-8").splitlines().index(
        "      - Số hộ nghèo giảm so với đầu năm."
    )
    assert [(f.severity, f.text) for f in found] == [
        ("warning", "Số hộ nghèo giảm so với đầu năm.")
    ]
    assert f"dòng {line}," in found[0].where
