"""A section text of the report definition that reaches into Python (``__class__``) or changes
the data is refused when the definition is read — with the YAML line — instead of passing
``check`` and ``lint`` and then failing every render."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from tests.helpers import sample_project

ANCHOR = "      - heading: Kết quả thực hiện các dự án\n"

UNSAFE = [
    ("{{ ''.__class__ }}", "__class__"),
    ("{{ cycler.__init__.__globals__ }}", "__init__"),
    ("{{ don_vi['_private'] }}", "_private"),
    ("{{ don_vi | attr('__dict__') }}", "__dict__"),
    ("{% if tai_ngheo.__class__ %}x{% endif %}", "__class__"),
    ("{{ recipients.append(1) }}", "append(…)"),
]


@pytest.mark.parametrize(("text", "name"), UNSAFE, ids=[t for t, _ in UNSAFE])
@pytest.mark.parametrize("command", ["check", "render", "lint"])
def test_an_unsafe_definition_text_is_refused_with_its_line(
    tmp_path: Path, text: str, name: str, command: str
) -> None:
    config = sample_project(tmp_path)
    source = config.read_text(encoding="utf-8")
    line = source[: source.index(ANCHOR)].count("\n") + 3
    para = "      - heading: Xấu\n        paragraphs:\n          - " + json.dumps(text) + "\n"
    config.write_text(source.replace(ANCHOR, para + ANCHOR), encoding="utf-8")
    args = {
        "check": ["check", str(config)],
        "render": ["render", str(config), "--all", "-o", str(tmp_path / "o")],
        "lint": [
            "lint",
            str(tmp_path / "templates" / "bao-cao-co-ban.docx"),
            "--config",
            str(config),
        ],
    }[command]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 2, out.output
    assert f"dòng {line}" in out.output and f"«{name}»" in out.output
    assert "không được phép" in out.output and "Traceback" not in out.output
    assert not list(tmp_path.glob("o/**/*.docx"))
