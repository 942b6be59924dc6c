"""Every test docs/guarantees.md cites as the proof of a promise exists."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

PAGE = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
CITED = sorted(set(re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)", PAGE)))


def test_the_page_cites_its_proofs() -> None:
    assert len(CITED) >= 30


@pytest.mark.parametrize(("path", "name"), CITED, ids=[f"{p}::{n}" for p, n in CITED])
def test_a_cited_test_exists(path: str, name: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    assert re.search(rf"^def {name}\(", source, re.M), f"{path} has no {name}"
