"""`reportgen web`: refuses to open the page to other machines without a password; starts on
the loopback address and serves the reports under --root."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from reportgen.web.settings import TOKEN_ENV, is_loopback


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportgen", "web", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"], ids=["any", "lan", "any-v6"])
def test_other_addresses_need_a_password(host: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    proc = _run("--host", host, env=env)
    assert proc.returncode == 2
    assert "cần mật khẩu do người quản trị đặt" in proc.stderr
    assert "REPORTGEN_WEB_TOKEN" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("tên-máy", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_starts_on_the_loopback_address_and_serves_the_root(
    tmp_path: Path, project: Path
) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportgen",
            "web",
            "--port",
            str(port),
            "--root",
            str(project),
            "--work",
            str(tmp_path / "work"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    body = r.read().decode("utf-8")
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        assert "Kết quả thực hiện công tác giảm nghèo năm 2024" in body
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out
    assert (tmp_path / "work" / ".secret").stat().st_mode & 0o077 == 0


def test_busy_port_is_a_vietnamese_message_before_any_address_is_shown(
    tmp_path: Path, project: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        proc = _run("--port", str(port), "--root", str(project), "--work", str(tmp_path / "w"))
    assert proc.returncode == 2
    assert f"cổng {port}: cổng này đang được một chương trình khác dùng" in proc.stderr
    assert f"--port {port + 1}" in proc.stderr
    assert "Trang reportgen:" not in proc.stdout  # no address that does not answer
    assert "Errno" not in proc.stderr and "Traceback" not in proc.stderr


def test_address_of_another_machine_is_a_vietnamese_message() -> None:
    env = {**os.environ, TOKEN_ENV: "mat-khau-dai"}
    proc = _run("--host", "192.0.2.1", env=env)  # TEST-NET-1: never this machine's
    assert proc.returncode == 2
    assert "địa chỉ này không phải của máy này" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_root_folder_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    root = tmp_path / "khong-co"
    proc = _run("--root", str(root))
    assert proc.returncode == 2
    assert "--root" in proc.stderr and "không tồn tại" in proc.stderr
    assert not root.exists()
