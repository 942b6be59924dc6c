"""Repository contracts: the README's commands, CI, the bundled demo, the base template."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.resources import DEMO, DEMO_FILES

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(python -m pip install[^\n]*)\n```", text)


def test_readme_has_exactly_two_setup_commands_demo_then_tests() -> None:
    cmds = readme_commands()
    assert len(cmds) == 2
    assert cmds[0].endswith("reportgen demo")
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci


def test_bundled_demo_is_identical_to_the_repository_sample() -> None:
    for rel in DEMO_FILES:
        assert (DEMO / rel).read_bytes() == (ROOT / rel).read_bytes(), (
            f"{rel} differs from reportgen/resources/demo/{rel}: run scripts/sync_demo.py"
        )


def test_base_template_is_built_by_its_script(tmp_path: Path) -> None:
    from reportgen.authoring.basetemplate import build_base_template

    out = build_base_template(tmp_path / "t.docx")
    assert out.read_bytes() == (ROOT / "templates" / "bao-cao-co-ban.docx").read_bytes(), (
        "templates/bao-cao-co-ban.docx is stale: run scripts/build_base_template.py "
        "and scripts/sync_demo.py"
    )


def test_outputs_folder_exists_but_its_contents_are_ignored() -> None:
    assert (ROOT / "outputs").is_dir()
    assert "outputs/*" in (ROOT / ".gitignore").read_text(encoding="utf-8")
