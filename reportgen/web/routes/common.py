"""What every page shares: the session's folder, the reports under the root, posted forms
checked for size and CSRF, pages rendered with their common values, error pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Diagnostic
from reportgen.web import services
from reportgen.web.security import (
    WebError,
    check_csrf,
    human_size,
    logged_in,
    session_id,
    web_error,
)
from reportgen.web.settings import WebSettings
from reportgen.web.storage import Workspace


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def workspace(request: Request) -> Workspace:
    return Workspace(settings_of(request).work_dir, session_id(request.session))


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render the page ``name`` with the values every page gets."""
    settings = settings_of(request)
    context = {
        "request": request,
        "login_required": settings.login_required,
        "logged_in": logged_in(settings, request.session),
        **context,
    }
    response: Response = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status
    )
    return response


def error_page(request: Request, diagnostic: Diagnostic, status: int) -> Response:
    """A page that says what went wrong and what to do, never a stack trace."""
    return page(request, "error.html", {"fault": diagnostic}, status)


def errors_page(request: Request, diagnostics: list[Diagnostic], status: int) -> Response:
    """A page listing several problems (a report definition with mistakes…)."""
    return page(request, "error.html", {"problems": diagnostics}, status)


def diagnostics_of(exc: ReportgenError, path: Path | None, name: str | None) -> list[Diagnostic]:
    """The diagnostics of an error with the stored file's path replaced by the clerk's name."""
    out = []
    for d in exc.diagnostics():
        if path is not None and name is not None:
            from dataclasses import replace

            loc = d.location
            if loc is not None and loc.file:
                loc = replace(loc, file=services.clean_text(loc.file, path, name))
            d = replace(
                d,
                message=services.clean_text(d.message, path, name),
                hint=services.clean_text(d.hint, path, name) if d.hint else None,
                location=loc,
            )
        out.append(d)
    return out


_REPORTS_CACHE: dict[Path, tuple[float, list[services.ReportEntry]]] = {}


def reports(request: Request) -> list[services.ReportEntry]:
    root = settings_of(request).root
    folder = root / "configs"
    try:
        stamp = max([folder.stat().st_mtime, *(p.stat().st_mtime for p in folder.glob("*.y*ml"))])
    except (OSError, ValueError):
        stamp = -1.0
    cached = _REPORTS_CACHE.get(root)
    if cached is None or cached[0] != stamp:
        cached = (stamp, services.discover_reports(root))
        _REPORTS_CACHE[root] = cached
    return cached[1]


def report_of(request: Request) -> services.ReportEntry:
    key = request.path_params["key"]
    for entry in reports(request):
        if entry.key == key and entry.error is not None:
            raise web_error("web.report-broken", name=entry.path.name, error=entry.error)
        if entry.key == key:
            return entry
    raise web_error("web.not-found", 404, what=catalog.text("web.what-report", key=key))


async def read_form(request: Request, *, files: int = 0) -> FormData:
    """The posted form, after checking its size and the CSRF token."""
    settings = settings_of(request)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.max_upload + 256 * 1024:
        raise web_error(
            "web.request-too-large",
            413,
            size=human_size(int(length)),
            limit=human_size(settings.max_upload),
        )
    form = await request.form(max_files=files, max_fields=2000)
    try:
        check_csrf(request.session, form.get("csrf"))
    except WebError:
        await form.close()
        raise
    return form


async def read_upload(form: FormData, field: str, settings: WebSettings) -> tuple[bytes, str]:
    """The bytes of an uploaded file (read no further than the size limit) and its name."""
    try:
        upload = form.get(field)
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise web_error("web.upload-empty")
        chunks: list[bytes] = []
        size = 0
        while chunk := await upload.read(1024 * 1024):
            size += len(chunk)
            if size > settings.max_upload:
                raise web_error(
                    "web.upload-too-large",
                    413,
                    name=upload.filename,
                    size=catalog.text("web.more-than", size=human_size(settings.max_upload)),
                    limit=human_size(settings.max_upload),
                )
            chunks.append(chunk)
        return b"".join(chunks), upload.filename
    finally:
        await form.close()


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def base_url(entry: services.ReportEntry) -> str:
    return f"/bao-cao/{quote(entry.key)}"
