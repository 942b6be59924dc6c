"""The fault-injection suite drives the real command line in subprocesses and checks, after
each fault, what an operator would find in the output folder."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from reportgen.outputs.atomic import TEMP_PATTERN
from tests.fixtures.projects import SampleCopy
from tests.helpers import ROOT

REPORT_ID = "giam-ngheo-2024"
TIMEOUT = 120


@dataclass
class Project:
    """A copy of the sample project and its output folder."""

    sample: SampleCopy
    out: Path

    @property
    def folder(self) -> Path:
        """The folder the reports of the sample definition go to."""
        return self.out / REPORT_ID

    def command(self, *extra: str) -> list[str]:
        """``python -m reportgen render CONFIG -o OUT -j 1 …``."""
        return [
            sys.executable,
            "-m",
            "reportgen",
            "render",
            str(self.sample.config),
            "-o",
            str(self.out),
            "-j",
            "1",
            *extra,
        ]

    def run(self, *extra: str) -> subprocess.CompletedProcess[str]:
        """Run a render to its end."""
        return subprocess.run(
            self.command(*extra),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=_env(),
        )

    def start(self, *extra: str) -> subprocess.Popen[str]:
        """Start a render in the background."""
        return subprocess.Popen(
            self.command(*extra),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A fresh copy of the sample project, rendering into ``tmp_path/out``."""
    yield Project(SampleCopy.make(tmp_path), tmp_path / "out")


@pytest.fixture(scope="module")
def _rendered_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rendered")
    done = Project(SampleCopy.make(root), root / "out").run("--force")
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return root


@pytest.fixture
def rendered(_rendered_once: Path, tmp_path: Path) -> Project:
    """A copy of the sample project whose whole batch was already rendered once (the earlier
    reports a fault must not lose)."""
    root = tmp_path / "p"
    shutil.copytree(_rendered_once, root)
    return Project(SampleCopy(root), root / "out")


def reports(folder: Path) -> dict[str, bytes]:
    """Every .docx in ``folder`` by name, with its bytes."""
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}


def temporaries(folder: Path) -> list[str]:
    """Temporary files (ours or any ``*.tmp``) left in ``folder``."""
    if not folder.exists():
        return []
    return sorted(
        p.name for p in folder.iterdir() if TEMP_PATTERN.match(p.name) or p.name.endswith(".tmp")
    )


def assert_every_report_opens(folder: Path) -> None:
    """Every .docx that exists is a whole document Word's reader (python-docx) opens."""
    for name, data in reports(folder).items():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None, name
        docx.Document(io.BytesIO(data))


def assert_manifest_matches(folder: Path) -> None:
    """The manifest lists every report in the folder with its SHA-256, and nothing else."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {
        o["file"]: o["sha256"]
        for o in manifest["outputs"]
        if o.get("file") and o["status"] in ("rendered", "draft")
    }
    found = {name: hashlib.sha256(data).hexdigest() for name, data in reports(folder).items()}
    assert listed == found
    failed = [o for o in manifest["outputs"] if o["status"] == "failed"]
    assert failed == []


def assert_no_traceback(proc: subprocess.CompletedProcess[str] | tuple[str, str]) -> None:
    """Nothing a clerk reads is a Python traceback."""
    out, err = (proc.stdout, proc.stderr) if not isinstance(proc, tuple) else proc
    assert "Traceback" not in out + err, out + err
