"""The settings of one web server: where the reports are, where uploads go, who may come in."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "REPORTGEN_WEB_TOKEN"
"""Environment variable holding the password an operator sets to open the page to others."""
SECRET_ENV = "REPORTGEN_WEB_SECRET"
"""Environment variable holding the key that signs session cookies (else one is kept in the
work folder)."""

MB = 1024 * 1024


@dataclass(frozen=True)
class WebSettings:
    """Everything the application needs to know at start.

    ``root`` holds ``configs/*.yaml`` with their ``templates/`` and ``inputs/``; ``work_dir``
    receives every upload and batch, one folder per session. ``token`` (a password set by the
    operator) is required when the server listens on anything but the loopback address.
    """

    root: Path
    work_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    secret: str = ""
    max_upload: int = 20 * MB
    max_unzipped: int = 200 * MB
    max_ratio: int = 200
    max_entries: int = 5000
    session_days: int = 7
    allowed_hosts: tuple[str, ...] | None = None
    """Host names the server answers to; by default the loopback names when it listens on the
    loopback address, any name otherwise."""

    @property
    def login_required(self) -> bool:
        """True when visitors must give the operator's password first."""
        return bool(self.token)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, ``localhost``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def load_secret(work_dir: Path) -> str:
    """The key that signs session cookies: from :data:`SECRET_ENV`, else kept in
    ``work_dir/.secret`` (made on first start, readable by the owner only) so sessions survive a
    restart."""
    env = os.environ.get(SECRET_ENV)
    if env:
        return env
    path = work_dir / ".secret"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    work_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key
