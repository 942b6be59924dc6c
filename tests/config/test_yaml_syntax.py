"""YAML syntax mistakes a person makes, said in Vietnamese at their line, with the fix."""

from __future__ import annotations

import pytest

from reportgen.config.yamlsource import parse_yaml
from reportgen.diagnostics.errors import ConfigError

CASES = [
    ("colon-in-value", "title: Báo cáo: năm 2024\n", 1, "dấu hai chấm", "ngoặc kép"),
    ("tab-indent", "a:\n\tb: 1\n", 2, "Tab", "dấu cách"),
    ("unclosed-list", "a: [1, 2\n", 2, "ngoặc vuông", "«]»"),
    ("unclosed-braces", "a: {x: 1\n", 2, "ngoặc nhọn", "«}»"),
    ("unclosed-quote", 'a: "abc\n', 2, "chưa được đóng", "ngoặc kép"),
    ("uneven-keys", "a:\n  b: 1\n c: 2\n", 3, "thụt lề không đều", "dấu cách"),
    ("uneven-items", "a:\n  - 1\n - 2\n", 3, "thụt lề không đều", "dấu cách"),
    ("backslash-path", 'a: "C:\\so-lieu"\n', 1, "«\\»", "ngoặc đơn"),
    ("at-sign", "a: @x\n", 1, "không được đứng đầu", "ngoặc kép"),
    ("missing-colon", "a: 1\nb\nc: 2\n", 3, "thiếu dấu hai chấm", "khóa: giá trị"),
]


@pytest.mark.parametrize(
    ("text", "line", "reason", "fix"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_a_yaml_syntax_mistake_is_said_in_vietnamese_at_its_line(
    text: str, line: int, reason: str, fix: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_yaml(text, "bao-cao.yaml")
    (d,) = caught.value.diagnostics()
    assert d.code == "config.yaml-syntax"
    assert d.location is not None and d.location.line == line
    assert reason in d.message and fix in (d.hint or "")
    assert "expected" not in d.message and "found" not in d.message
