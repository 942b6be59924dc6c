"""Every report reportgen renders is correct, so proofreading it must find nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.audit import audit_file
from tests.audit.support import DEMO_KINDS, render_demo


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return render_demo(tmp_path_factory.mktemp("demo"))


def test_demo_renders_reports_of_every_kind(rendered: list[Path]) -> None:
    kinds = {p.parents[2].name for p in rendered}
    assert kinds == set(DEMO_KINDS)
    assert len(rendered) >= 3 * 2


def test_no_finding_in_any_rendered_report(rendered: list[Path]) -> None:
    found = {p.name: [f.diagnostic.describe() for f in audit_file(p).findings] for p in rendered}
    assert {name: f for name, f in found.items() if f} == {}


def test_rendered_reports_have_figures_that_were_checked(rendered: list[Path]) -> None:
    for p in rendered:
        result = audit_file(p)
        assert result.failures == []
        assert result.figures > 0
        # a ward's plan has few figures tied to others; a city's report has its tables
        least = 50 if p.name.startswith("thanh-pho") else 4
        assert len(result.checked) >= least, p.name
