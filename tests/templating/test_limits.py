"""Arithmetic in tags is bounded: a tag that would run for minutes or fill the memory, or that
divides by zero, is a located Vietnamese error — at render, and already at ``check`` for the
report definition's texts."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.diagnostics.errors import TemplateError
from reportgen.templating.environment import make_env
from tests.helpers import sample_project

BOMBS = [
    ("{{ 9 ** 999999999 }}", "số mũ"),
    ("{{ 7 ** 900 * 7 ** 900 }}", "chữ số"),
    ("{{ 'x' * 3000000000 }}", "ký tự"),
    ("{{ 3000000000 * 'ab' }}", "ký tự"),
    ("{{ [1] * 3000000000 }}", "ký tự"),
    ("{% for i in range(10 ** 9) %}{% endfor %}", "range"),
    ("{{ 'x' | center(999999999) }}", "center"),
    ("{{ 'x' | indent(width=999999999) }}", "indent"),
    ("{{ 'x'.ljust(999999999) }}", "ljust"),
    ("{{ '{:>999999999}'.format(1) }}", "format"),
    ("{{ 1.5 ** 9999 }}", "số mũ"),
]


@pytest.mark.parametrize(("tag", "words"), BOMBS, ids=[t for t, _ in BOMBS])
def test_a_tag_that_would_exhaust_memory_or_time_is_refused(tag: str, words: str) -> None:
    with pytest.raises(TemplateError) as err:
        make_env(autoescape=False).from_string(tag).render()
    assert err.value.code == "template.too-large"
    assert words in err.value.message + (err.value.hint or "")


DIVISIONS = [
    ("{{ a / b }}", {"a": Decimal(5), "b": Decimal(0)}),
    ("{{ a / b }}", {"a": Decimal(0), "b": Decimal(0)}),
    ("{{ a // b }}", {"a": 5, "b": 0}),
    ("{{ a % b }}", {"a": Decimal(5), "b": 0}),
    ("{{ 1 / 0 }}", {}),
]


@pytest.mark.parametrize(
    ("tag", "values"), DIVISIONS, ids=["x/0", "0/0", "floor-division", "modulo", "constants"]
)
def test_a_division_by_zero_in_a_tag_is_named_not_a_python_error(
    tag: str, values: dict[str, object]
) -> None:
    with pytest.raises(TemplateError) as err:
        make_env().from_string(tag).render(values)
    assert err.value.code == "template.division-by-zero"
    assert "chia cho 0" in err.value.message


ORDINARY = [
    ("{{ '-' * 40 }}", {}, "-" * 40),
    ("{{ 2 ** 10 }}", {}, "1024"),
    ("{{ a / b }}", {"a": Decimal(3), "b": Decimal(4)}, "0,75"),
    ("{{ '%s hộ' % n }}", {"n": 0}, "0 hộ"),
    ("{{ n % 2 }}", {"n": 7}, "1"),
    ("{% for i in range(3) %}{{ i }}{% endfor %}", {}, "012"),
    ("{{ 'ab' | center(6) }}", {}, "  ab  "),
]


@pytest.mark.parametrize(("tag", "values", "text"), ORDINARY, ids=[t for t, _, _ in ORDINARY])
def test_ordinary_arithmetic_is_unchanged(tag: str, values: dict[str, object], text: str) -> None:
    assert make_env(autoescape=False).from_string(tag).render(values) == text


ANCHOR = "      - heading: Kết quả thực hiện các dự án\n"


def _with_text(tmp_path: Path, text: str, when: str | None = None) -> Path:
    config = sample_project(tmp_path)
    para = f"          - text: {json.dumps(text, ensure_ascii=False)}\n"
    if when:
        para += f"            when: {when}\n"
    source = config.read_text(encoding="utf-8")
    assert ANCHOR in source
    config.write_text(
        source.replace(ANCHOR, "      - heading: Phép tính\n        paragraphs:\n" + para + ANCHOR),
        encoding="utf-8",
    )
    return config


CHECKED = [
    ("Bình quân {{ so_the_bhyt / tai_ngheo }} thẻ.", None, "chia cho 0"),
    ("Có hộ tái nghèo.", "so_the_bhyt / tai_ngheo > 1", "chia cho 0"),
    ("Lớn {{ 9 ** 999999999 }}.", None, "số mũ"),
]


@pytest.mark.parametrize(
    ("text", "when", "words"), CHECKED, ids=["in the text", "in its condition", "a power bomb"]
)
def test_check_names_the_definition_text_and_the_units_it_cannot_be_filled_for(
    tmp_path: Path, text: str, when: str | None, words: str
) -> None:
    config = _with_text(tmp_path, text, when)
    out = CliRunner().invoke(main, ["check", str(config), "--format", "json"])
    assert out.exit_code == 2, out.output
    (item,) = [d for d in json.loads(out.stdout)["diagnostics"] if d["severity"] == "error"]
    assert words in item["message"]
    assert item["location"]["key"].startswith("sections[")
    assert "Phường Trần Phú" in item["units"]
    if words == "chia cho 0":
        assert "Xã Song Mai" not in item["units"]  # its tai_ngheo is 1


def test_a_guarded_division_passes_check(tmp_path: Path) -> None:
    config = _with_text(tmp_path, "Bình quân {{ so_the_bhyt / tai_ngheo }} thẻ.", "tai_ngheo")
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 0, out.output
