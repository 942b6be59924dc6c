"""Reading a report definition is bounded: an alias bomb, a value nested hundreds of levels
deep or a huge file is refused with a located Vietnamese error, never a crash or a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.config import yamlsource
from reportgen.config.yamlsource import load_yaml, parse_yaml
from reportgen.diagnostics.errors import ConfigError


def _billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def _many_aliases(n: int) -> str:
    return "a: &a 1\nb: [" + ", ".join(["*a"] * n) + "]\n"


def _nested_flow(depth: int) -> str:
    return "x: " + "[" * depth + "]" * depth + "\n"


def _nested_block(depth: int) -> str:
    return "x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, depth + 1))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &a [*a]\n", 1),
        ("a: &a\n  b:\n    c: *a\n", 3),
        ("x: 1\nd: &d {k: [1, {m: *d}]}\n", 2),
    ],
    ids=["list-in-itself", "mapping-in-itself", "nested-in-itself"],
)
def test_a_value_that_contains_itself_is_a_located_error(text: str, line: int) -> None:
    with pytest.raises(ConfigError) as info:
        parse_yaml(text, "configs/vong.yaml")
    err = info.value
    assert err.code == "config.recursive-alias"
    assert err.location is not None
    assert (err.location.file, err.location.line) == ("configs/vong.yaml", line)
    assert "chính nó" in err.message and err.hint


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (_billion_laughs(), 6, "quá nhiều giá trị"),
        (_many_aliases(yamlsource.MAX_ALIASES + 1), 2, "quá nhiều tham chiếu"),
        (_nested_flow(500), 1, "lồng nhau quá sâu"),
        (_nested_flow(200_000), 1, "lồng nhau quá sâu"),
        (_nested_block(500), yamlsource.MAX_DEPTH + 1, "lồng nhau quá sâu"),
    ],
    ids=["billion-laughs", "too-many-aliases", "nested-500", "nested-200000", "block-nested-500"],
)
def test_resource_bombs_are_refused_with_a_located_error(text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_yaml(text, "configs/bom.yaml")
    err = info.value
    assert err.code == "config.too-large"
    assert words in err.message
    assert err.location is not None
    assert (err.location.file, err.location.line) == ("configs/bom.yaml", line)
    assert err.hint


@pytest.mark.parametrize(
    "text",
    [
        _billion_laughs(3),  # 729 values: an honest use of anchors
        _many_aliases(yamlsource.MAX_ALIASES),
        _nested_flow(yamlsource.MAX_DEPTH - 1),
    ],
    ids=["small-anchors", "aliases-at-the-limit", "nesting-at-the-limit"],
)
def test_inputs_within_the_limits_are_read(text: str) -> None:
    data, _ = parse_yaml(text, "c.yaml")
    assert isinstance(data, dict)


def test_aliases_are_expanded_to_equal_values() -> None:
    data, _ = parse_yaml("x: &x {a: 1}\ny: *x\nz: [*x, *x]\n", "c.yaml")
    assert data == {"x": {"a": 1}, "y": {"a": 1}, "z": [{"a": 1}, {"a": 1}]}


def test_a_complex_key_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        parse_yaml("a: &a [1, 2]\n? *a\n: 3\n", "c.yaml")
    assert "khóa phải là một chữ" in info.value.message


def test_a_file_larger_than_the_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsource, "MAX_BYTES", 1000)
    big = tmp_path / "lon.yaml"
    big.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_yaml(big)
    assert info.value.code == "config.too-large"
    assert "quá lớn" in info.value.message


def test_a_directory_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_yaml(tmp_path)
    assert "thư mục" in info.value.message


def test_check_command_prints_the_error_without_a_traceback(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.yaml"
    bomb.write_text(_billion_laughs(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "check", str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out
    assert "quá nhiều giá trị" in out
    assert "dòng 6" in out


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: *x\n", 1, "neo &… chưa được đặt"),
        ("a: &x 1\nb: &x 2\nc: *x\n", 2, "được đặt hai lần"),
    ],
    ids=["alias without anchor", "anchor twice"],
)
def test_alias_mistakes_are_said_in_vietnamese(text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_yaml(text, "configs/neo.yaml")
    err = info.value
    assert err.location is not None and err.location.line == line
    assert words in err.message and err.hint and "neo" in err.hint
