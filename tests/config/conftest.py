"""Fixtures for the report-definition tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.projects import SampleCopy


@pytest.fixture
def sample(tmp_path: Path) -> SampleCopy:
    """A fresh copy of the sample report (configs/, inputs/, templates/) in a temp directory."""
    return SampleCopy.make(tmp_path)
