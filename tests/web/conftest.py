"""Fixtures of the web page tests: a copy of the sample project and a test client per clerk."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportgen.web import WebSettings, create_app
from reportgen.web import services as web_services
from tests.helpers import sample_project

REPORT = "/bao-cao/giam-ngheo-2024"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the sample project; returns its root."""
    sample_project(tmp_path / "root")
    return tmp_path / "root"


@pytest.fixture
def demo_csv(project: Path) -> Path:
    """The sample figures file of the project copy."""
    return project / "inputs" / "giam-ngheo-2024.csv"


@pytest.fixture
def make_client(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., TestClient]]:
    """Build clients (one per clerk: each has its own cookie jar) of one app; keyword
    arguments change the settings. PDF conversion is switched off (the browser test does it)."""
    monkeypatch.setattr(web_services, "pdf_available", lambda: False)
    apps: dict[str, object] = {}
    clients: list[TestClient] = []

    def make(**changes: object) -> TestClient:
        key = repr(sorted(changes.items()))
        if key not in apps:
            settings = WebSettings(
                root=project,
                work_dir=tmp_path / "work",
                allowed_hosts=("testserver",),
                **changes,  # type: ignore[arg-type]
            )
            apps[key] = create_app(settings)
        client = TestClient(apps[key], raise_server_exceptions=False)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    """A clerk's browser."""
    return make_client()


def csrf(client: TestClient, url: str = REPORT) -> str:
    """The CSRF token of the client's session (read from a page's form)."""
    m = re.search(r'name="csrf" value="([^"]+)"', client.get(url).text)
    assert m, "page has no form"
    return m[1]


def upload(
    client: TestClient, name: str, data: bytes, *, token: str | None = None
) -> tuple[int, str]:
    """Upload a file to the sample report; return (status, the check page's address or the
    page text when the upload was refused)."""
    r = client.post(
        f"{REPORT}/tai-len",
        data={"csrf": token or csrf(client)},
        files={"tep": (name, data, "application/octet-stream")},
        follow_redirects=False,
    )
    if r.status_code == 303:
        return 303, r.headers["location"]
    return r.status_code, r.text


def wait_batch(client: TestClient, batch_url: str) -> dict[str, object]:
    """Poll a batch until it is finished; return its last progress."""
    for _ in range(600):
        p: dict[str, object] = client.get(batch_url + "/tien-do").json()
        if p["finished"]:
            return p
        time.sleep(0.1)
    raise AssertionError("batch did not finish")


def fix_form(page: str, old: str, new: str) -> tuple[str, dict[str, str]]:
    """The address and fields of the first in-page correction form that holds a cell showing
    ``old``, with that cell set to ``new``."""
    import html

    for m in re.finditer(r'<form method="post" action="([^"]+/sua)"[^>]*>(.*?)</form>', page, re.S):
        fields = {
            k: html.unescape(v) for k, v in re.findall(r'name="([cw]-\d+)" value="([^"]*)"', m[2])
        }
        for key, value in fields.items():
            if key.startswith("c-") and value == old:
                n = key[2:]
                return m[1], {f"c-{n}": old, f"w-{n}": fields[f"w-{n}"], f"o-{n}": new}
    raise AssertionError(f"no correction form shows {old}")
