"""docs/config-reference.md is generated from the schema and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportgen.config.docs import render_reference
from reportgen.config.fieldtypes import _CHECK_NAMES, CHECKS
from reportgen.config.spec import all_specs
from reportgen.validate.checks import REGISTRY

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "config-reference.md"


def test_reference_page_is_up_to_date() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_reference(), (
        "docs/config-reference.md is stale: run python scripts/gen_config_docs.py"
    )


def test_every_option_and_check_kind_is_documented() -> None:
    text = render_reference()
    for title, spec in all_specs():
        assert f"## {title}" in text
        for name, fld in getattr(spec, "fields", {}).items():
            assert f"| `{name}` |" in text
            assert fld.doc, f"{title}.{name} has no doc"
    for name, obj in CHECKS.items():
        assert f"### {name}" in text
        assert obj.doc


def test_check_kinds_in_schema_docs_and_registry_agree() -> None:
    assert list(_CHECK_NAMES) == list(CHECKS)
    assert set(CHECKS) == set(REGISTRY)


def test_generator_check_mode_passes_on_the_committed_page() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_config_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
