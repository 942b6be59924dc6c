"""The web application: middleware (session cookie, login, security headers) and the pages."""

from __future__ import annotations

import contextlib
import logging
import secrets
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.web import routes, services
from reportgen.web.jobs import Jobs
from reportgen.web.security import (
    LoginThrottle,
    WebError,
    csrf_token,
    human_size,
    logged_in,
    web_error,
)
from reportgen.web.settings import WebSettings, load_secret

HERE = Path(__file__).resolve().parent
log = logging.getLogger("reportgen.web")

_OPEN_PATHS = ("/static/", "/dang-nhap")
_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _hostname(header: str) -> str:
    """The name in a Host header, without the port: ``127.0.0.1:8000`` → ``127.0.0.1``,
    ``[::1]:8000`` → ``[::1]``."""
    if header.startswith("["):
        return header.split("]", 1)[0] + "]"
    return header.rsplit(":", 1)[0]


class _Guard(BaseHTTPMiddleware):
    """Login when the operator set a password; security headers on every answer."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        settings: WebSettings = request.app.state.settings
        path = request.url.path
        hosts = request.app.state.hosts
        if hosts is not None and _hostname(request.headers.get("host", "")) not in hosts:
            return PlainTextResponse(catalog.text("web.wrong-host"), status_code=400)
        if (
            settings.login_required
            and not logged_in(settings, request.session)
            and not path.startswith(_OPEN_PATHS)
        ):
            if path.endswith("/tien-do"):
                return JSONResponse({"error": catalog.text("web.login-needed")}, status_code=401)
            return RedirectResponse("/dang-nhap", status_code=303)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


class _BodyLimit:
    """Stops reading a request body past the upload limit, whether or not the request said
    its length (a body sent in chunks is counted as it arrives, before it reaches the disk)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise web_error(
                        "web.request-too-large",
                        413,
                        size=catalog.text("web.more-than", size=human_size(self.limit)),
                        limit=human_size(self.limit),
                    )
            return message

        await self.app(scope, counted, send)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["so"] = services.fmt_figure
    env.globals["csrf_token"] = lambda request: csrf_token(request.session)
    return templates


async def _web_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebError)
    return routes.error_page(request, exc.diagnostic, exc.status)


async def _reportgen_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ReportgenError)
    return routes.errors_page(request, exc.diagnostics(), 400)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        diag = catalog.make("web.not-found", what=catalog.text("web.what-page"))
    else:
        diag = catalog.make("web.bad-request", status=exc.status_code)
    return routes.error_page(request, diag, exc.status_code)


async def _unexpected(request: Request, exc: Exception) -> Response:
    ref = secrets.token_hex(4)
    log.error(
        "unexpected error %s on %s %s:\n%s",
        ref,
        request.method,
        request.url.path,
        "".join(traceback.format_exception(exc)),
    )
    diag = catalog.make("web.unexpected", action=catalog.text("web.action-request"), ref=ref)
    return routes.error_page(request, diag, 500)


def create_app(settings: WebSettings) -> Starlette:
    """Build the application for ``settings`` (see :class:`WebSettings`)."""
    work_dir = settings.work_dir.resolve()
    work_dir.mkdir(parents=True, exist_ok=True)
    if not settings.secret:
        from dataclasses import replace

        settings = replace(settings, secret=load_secret(work_dir))
    settings = _with_work_dir(settings, work_dir)
    middleware = [
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret,
            session_cookie="reportgen_phien",
            max_age=settings.session_days * 24 * 3600,
            same_site="lax",
            https_only=False,
        ),
        Middleware(_Guard),
        Middleware(_BodyLimit, limit=settings.max_upload + 256 * 1024),
    ]
    jobs = Jobs()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        jobs.shutdown()

    app = Starlette(
        debug=False,
        lifespan=lifespan,
        routes=[
            *routes.ROUTES,
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=middleware,
        exception_handlers={
            WebError: _web_error,
            ReportgenError: _reportgen_error,
            HTTPException: _http_error,
            Exception: _unexpected,
        },
    )
    app.state.settings = settings
    app.state.templates = _templates()
    app.state.jobs = jobs
    app.state.login_throttle = LoginThrottle()
    hosts = _allowed_hosts(settings)
    app.state.hosts = set(hosts) if hosts else None
    return app


def _with_work_dir(settings: WebSettings, work_dir: Path) -> WebSettings:
    from dataclasses import replace

    return replace(settings, work_dir=work_dir, root=settings.root.resolve())


def _allowed_hosts(settings: WebSettings) -> list[str] | None:
    """On the loopback address only the loopback names are answered (a web page elsewhere
    cannot reach the server through a name that points at 127.0.0.1)."""
    from reportgen.web.settings import is_loopback

    if settings.host and is_loopback(settings.host) and settings.allowed_hosts is None:
        own = settings.host.strip().lower()
        own = f"[{own.strip('[]')}]" if ":" in own else own
        return list(dict.fromkeys(["127.0.0.1", "localhost", "[::1]", own]))
    return list(settings.allowed_hosts) if settings.allowed_hosts else None
