"""What keeps the page safe: the login, CSRF tokens, and uploads checked before anything opens
them (size, type by content, zip entries) and named by the server, never by the visitor."""

from __future__ import annotations

import hmac
import re
import secrets
import threading
import time
import unicodedata
import zipfile
from collections.abc import MutableMapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.diagnostics.model import Diagnostic
from reportgen.web.settings import WebSettings


class WebError(Exception):
    """A problem shown to the visitor as a message on the page (never a stack trace)."""

    def __init__(self, diagnostic: Diagnostic, status: int = 400) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.status = status


def web_error(code: str, status: int = 400, **params: Any) -> WebError:
    """A :class:`WebError` built from the catalog entry ``code``."""
    return WebError(catalog.make(code, **params), status)


# -- sessions, login and CSRF --------------------------------------------------------------

SESSION_ID = "sid"
CSRF = "csrf"
_SID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def session_id(session: MutableMapping[str, Any]) -> str:
    """The visitor's own id (random, kept in the signed cookie); made on first visit."""
    sid = session.get(SESSION_ID)
    if not isinstance(sid, str) or not _SID.match(sid):
        sid = secrets.token_urlsafe(24)
        session[SESSION_ID] = sid
    return sid


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The CSRF token every form of this session sends back."""
    token = session.get(CSRF)
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(24)
        session[CSRF] = token
    return token


def check_csrf(session: MutableMapping[str, Any], sent: object) -> None:
    """Raise :class:`WebError` unless ``sent`` is this session's CSRF token."""
    token = session.get(CSRF)
    if (
        not isinstance(token, str)
        or not isinstance(sent, str)
        or not hmac.compare_digest(token.encode(), sent.encode())
    ):
        raise web_error("web.csrf", 403)


def login_mark(settings: WebSettings) -> str:
    """What a session keeps once its visitor gave the password: a keyed digest of the
    password, so a session made under a password the operator has since changed is asked again
    (the digest shows nothing of the password)."""
    key = settings.secret.encode("utf-8")
    return hmac.new(key, (settings.token or "").encode("utf-8"), "sha256").hexdigest()[:32]


def logged_in(settings: WebSettings, session: MutableMapping[str, Any]) -> bool:
    """True when the session's visitor gave the operator's current password."""
    mark = session.get("auth")
    return isinstance(mark, str) and hmac.compare_digest(mark, login_mark(settings))


def password_ok(settings: WebSettings, given: str) -> bool:
    """True when ``given`` is the operator's password (compared in constant time)."""
    if not settings.token:
        return True
    return hmac.compare_digest(settings.token.encode("utf-8"), given.encode("utf-8"))


class LoginThrottle:
    """Counts wrong passwords by visitor address: after ``limit`` wrong ones within
    ``window`` seconds that address is refused (even with the right password) until the oldest
    of them is ``window`` seconds old, so guessing the operator's password takes years."""

    def __init__(self, limit: int = 10, window: float = 600.0, clock: Any = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, who: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(who, []) if now - t < self.window]
        if kept:
            self._failures[who] = kept
        else:
            self._failures.pop(who, None)
        return kept

    def wait(self, who: str) -> int:
        """Seconds ``who`` must still wait before trying again (0: may try now)."""
        with self._lock:
            now = self.clock()
            recent = self._recent(who, now)
            if len(recent) < self.limit:
                return 0
            return max(1, int(recent[-self.limit] + self.window - now + 0.999))

    def failed(self, who: str) -> None:
        """Record a wrong password from ``who``."""
        with self._lock:
            now = self.clock()
            if len(self._failures) > 10_000:  # many addresses: forget the quiet ones
                for key in [k for k in self._failures if not self._recent(k, now)]:
                    self._failures.pop(key, None)
            self._failures.setdefault(who, []).append(now)

    def passed(self, who: str) -> None:
        """Forget the wrong passwords of ``who`` after a right one."""
        with self._lock:
            self._failures.pop(who, None)


# -- uploads -------------------------------------------------------------------------------

DATA_TYPES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
TEMPLATE_TYPES = (".docx",)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_REQUIRED = {
    ".xlsx": ("xl/workbook.xml", "Excel (.xlsx)"),
    ".xlsm": ("xl/workbook.xml", "Excel (.xlsm)"),
    ".ods": ("content.xml", catalog.text("web.kind-ods")),
    ".docx": ("word/document.xml", "Word (.docx)"),
}


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check: its bytes, the extension the server will use, and
    the visitor's file name cleaned for display only."""

    data: bytes
    ext: str
    display_name: str


def display_name(raw: str | None) -> str:
    """The visitor's file name for display: the last path component (either slash), NFC,
    control characters removed, at most 120 characters. Never used to build a path."""
    name = raw or ""
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 110 - len(ext)] + "…" + dot + ext) if dot else name[:120]
    return name or catalog.text("web.unnamed-file")


def human_size(n: int) -> str:
    """A byte count in Vietnamese words: ``20 MB``, ``512 KB``."""
    if n >= 1024 * 1024:
        value = f"{n / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")
        return f"{value} MB"
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} byte"


def check_upload(
    data: bytes, raw_name: str | None, allowed: tuple[str, ...], settings: WebSettings
) -> CheckedUpload:
    """Check an uploaded file before anything parses it; raise :class:`WebError` when it is
    empty, too large, of a type not in ``allowed`` (by extension *and* content), or a zip whose
    entries are too many, too large or compressed suspiciously well."""
    name = display_name(raw_name)
    if not data:
        raise web_error("web.upload-empty")
    if len(data) > settings.max_upload:
        raise web_error(
            "web.upload-too-large",
            413,
            name=name,
            size=human_size(len(data)),
            limit=human_size(settings.max_upload),
        )
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    wanted = ", ".join(allowed)
    if ext not in allowed:
        raise web_error("web.upload-type", 415, name=name, allowed=wanted)
    if ext in _REQUIRED:
        _check_zip(data, name, ext, settings)
    elif ext == ".xls":
        if not data.startswith(_OLE):
            raise web_error(
                "web.upload-corrupt",
                name=name,
                kind="Excel 97-2003 (.xls)",
                reason=catalog.text("web.not-xls"),
            )
    elif ext == ".csv":
        _check_text(data, name)
    return CheckedUpload(data, ext, name)


def _check_text(data: bytes, name: str) -> None:
    if data.startswith((_ZIP, _OLE)):
        raise web_error(
            "web.upload-corrupt",
            name=name,
            kind="CSV",
            reason=catalog.text("web.csv-is-workbook"),
        )
    if b"\x00" in data[:65536] and not _utf16(data):
        raise web_error(
            "web.upload-corrupt", name=name, kind="CSV", reason=catalog.text("web.csv-binary")
        )


def _utf16(data: bytes) -> bool:
    """True for UTF-16 text (Excel's "Unicode Text"), with a byte order mark or told by the
    zero byte of every other byte, as the CSV reader takes it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    if len(head) < 4:
        return False
    half = len(head) // 2 * 2
    odd, even = head[1:half:2], head[0:half:2]
    return odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)


def _check_zip(data: bytes, name: str, ext: str, settings: WebSettings) -> None:
    required, kind = _REQUIRED[ext]
    if not data.startswith(_ZIP):
        raise web_error(
            "web.upload-corrupt", name=name, kind=kind, reason=catalog.text("web.not-office-zip")
        )
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise web_error(
            "web.upload-corrupt",
            name=name,
            kind=kind,
            reason=catalog.text("web.zip-broken", error=exc),
        ) from exc
    if len(infos) > settings.max_entries:
        raise web_error(
            "web.zip-bomb", name=name, reason=catalog.text("web.zip-entries", count=len(infos))
        )
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        if info.filename.startswith("/") or ".." in PurePosixPath(info.filename).parts:
            raise web_error(
                "web.zip-bomb",
                name=name,
                reason=catalog.text("web.zip-bad-name", entry=info.filename),
            )
        total += info.file_size
        if total > settings.max_unzipped:
            raise web_error(
                "web.zip-bomb",
                name=name,
                reason=catalog.text("web.zip-unpacks-to", size=human_size(settings.max_unzipped)),
            )
        if info.file_size > 1024 * 1024 and info.file_size > settings.max_ratio * max(
            1, info.compress_size
        ):
            raise web_error(
                "web.zip-bomb",
                name=name,
                reason=catalog.text("web.zip-ratio", entry=info.filename, ratio=settings.max_ratio),
            )
    if required not in names:
        raise web_error(
            "web.upload-corrupt",
            name=name,
            kind=kind,
            reason=catalog.text("web.zip-lacks", part=required),
        )
