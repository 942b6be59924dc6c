"""The pages: the list of reports, one page per report (form, upload, figures and findings,
corrections, render, downloads, preview), the template check, and the login."""

from __future__ import annotations

import asyncio
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Diagnostic
from reportgen.web import services
from reportgen.web.edits import EDITABLE, Edit, apply_edits
from reportgen.web.jobs import Progress
from reportgen.web.security import (
    DATA_TYPES,
    TEMPLATE_TYPES,
    WebError,
    check_csrf,
    check_upload,
    human_size,
    password_ok,
    session_id,
    web_error,
)
from reportgen.web.settings import WebSettings
from reportgen.web.storage import Item, Workspace

# -- helpers -------------------------------------------------------------------------------


def _settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def _workspace(request: Request) -> Workspace:
    return Workspace(_settings(request).work_dir, session_id(request.session))


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render the page ``name`` with the values every page gets."""
    settings = _settings(request)
    context = {
        "request": request,
        "login_required": settings.login_required,
        "logged_in": bool(request.session.get("auth")),
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


def _diagnostics(exc: ReportgenError, path: Path | None, name: str | None) -> list[Diagnostic]:
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


_reports_cache: dict[Path, tuple[float, list[services.ReportEntry]]] = {}


def _reports(request: Request) -> list[services.ReportEntry]:
    root = _settings(request).root
    folder = root / "configs"
    try:
        stamp = max([folder.stat().st_mtime, *(p.stat().st_mtime for p in folder.glob("*.y*ml"))])
    except (OSError, ValueError):
        stamp = -1.0
    cached = _reports_cache.get(root)
    if cached is None or cached[0] != stamp:
        cached = (stamp, services.discover_reports(root))
        _reports_cache[root] = cached
    return cached[1]


def _report(request: Request) -> services.ReportEntry:
    key = request.path_params["key"]
    for entry in _reports(request):
        if entry.key == key and entry.error is not None:
            raise web_error("web.report-broken", name=entry.path.name, error=entry.error)
        if entry.key == key:
            return entry
    raise web_error("web.not-found", 404, what=f"báo cáo «{key}»")


async def _form(request: Request, *, files: int = 0) -> FormData:
    """The posted form, after checking its size and the CSRF token."""
    settings = _settings(request)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.max_upload + 256 * 1024:
        raise web_error(
            "web.upload-too-large",
            413,
            name="gửi lên",
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


async def _read_upload(form: FormData, field: str, settings: WebSettings) -> tuple[bytes, str]:
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
                    size=f"hơn {human_size(settings.max_upload)}",
                    limit=human_size(settings.max_upload),
                )
            chunks.append(chunk)
        return b"".join(chunks), upload.filename
    finally:
        await form.close()


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _base(entry: services.ReportEntry) -> str:
    return f"/bao-cao/{quote(entry.key)}"


# -- list, login ---------------------------------------------------------------------------


async def home(request: Request) -> Response:
    """The reports found under the root."""
    reports = await run_in_threadpool(_reports, request)
    settings = _settings(request)
    return page(
        request,
        "index.html",
        {"reports": reports, "root": settings.root, "configs": settings.root / "configs"},
    )


async def login(request: Request) -> Response:
    """Ask for the operator's password (only when one is set)."""
    settings = _settings(request)
    if request.method == "POST":
        form = await _form(request)
        if password_ok(settings, str(form.get("mat_khau", ""))):
            request.session["auth"] = True
            return _redirect("/")
        await asyncio.sleep(0.5)  # slows guessing
        from reportgen.diagnostics import catalog

        return page(
            request, "login.html", {"problem": catalog.make("web.login-failed")}, status=401
        )
    if not settings.login_required:
        return _redirect("/")
    return page(request, "login.html", {})


async def logout(request: Request) -> Response:
    """Forget the login (the session's files stay)."""
    await _form(request)
    request.session.pop("auth", None)
    return _redirect("/dang-nhap" if _settings(request).login_required else "/")


# -- one report ----------------------------------------------------------------------------


def _report_context(request: Request, entry: services.ReportEntry) -> dict[str, Any]:
    ws = _workspace(request)
    uploads = ws.list("uploads", entry.key)
    batches = ws.list("batches", entry.key)
    jobs = request.app.state.jobs
    return {
        "entry": entry,
        "base": _base(entry),
        "uploads": uploads,
        "batches": [(b, jobs.progress(b)) for b in batches],
        "accept": ",".join(DATA_TYPES),
        "limit": human_size(_settings(request).max_upload),
        "deleted": request.query_params.get("da-xoa") == "1",
    }


async def report_page(request: Request) -> Response:
    """Pick a report: its form, the upload box, this session's uploads and batches."""
    entry = _report(request)
    return page(request, "report.html", _report_context(request, entry))


async def download_form(request: Request) -> Response:
    """The report's ready-to-fill form (.xlsx)."""
    entry = _report(request)
    data, name = await run_in_threadpool(services.form_workbook, entry.path)
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


async def upload(request: Request) -> Response:
    """Save an uploaded sheet in a folder of its own, then show its check."""
    entry = _report(request)
    settings = _settings(request)
    try:
        form = await _form(request, files=1)
        data, raw_name = await _read_upload(form, "tep", settings)
        checked = check_upload(data, raw_name, DATA_TYPES, settings)
    except WebError as exc:
        if exc.status == 403:
            raise
        ctx = _report_context(request, entry)
        return page(request, "report.html", {**ctx, "problem": exc.diagnostic}, exc.status)
    ws = _workspace(request)
    file = "so-lieu" + checked.ext
    item = ws.create("uploads", entry.key, {"name": checked.display_name, "file": file})
    (item.folder / file).write_bytes(checked.data)
    return _redirect(f"{_base(entry)}/so-lieu/{item.id}")


def _upload(request: Request, entry: services.ReportEntry) -> tuple[Workspace, Item]:
    ws = _workspace(request)
    return ws, ws.get("uploads", entry.key, request.path_params["uid"])


async def check_page(request: Request, problem: Diagnostic | None = None) -> Response:
    """The figures of an upload as a table by unit, every flagged cell and its finding."""
    entry = _report(request)
    _, item = _upload(request, entry)
    name = str(item.meta.get("name", ""))
    ctx: dict[str, Any] = {
        "entry": entry,
        "base": _base(entry),
        "item": item,
        "name": name,
        "accept": ",".join(DATA_TYPES),
        "limit": human_size(_settings(request).max_upload),
        "editable": item.file().suffix.lower() in EDITABLE,
        "can_mark": services.can_mark(),
        "problem": problem,
    }
    try:
        view = await run_in_threadpool(services.check_figures, entry.path, item.file(), name)
    except ReportgenError as exc:
        ctx["read_errors"] = _diagnostics(exc, item.file(), name)
        return page(request, "check.html", ctx, 200 if problem is None else 400)
    ctx["view"] = view
    return page(request, "check.html", ctx, 200 if problem is None else 400)


_FIELD = re.compile(r"^o-(\d{1,4})$")
_WHERE = re.compile(r"^(\d{1,7}):(\d{1,5}):(.*)$", re.S)


def _edits(form: FormData) -> list[Edit]:
    """The corrections a form sends: for each ``o-k`` (new text) its ``c-k`` (the text the
    page showed) and ``w-k`` (``row:col:sheet``); unchanged cells are left out."""
    out: list[Edit] = []
    for key, value in form.multi_items():
        m = _FIELD.match(key)
        where = form.get(f"w-{m[1]}") if m else None
        w = _WHERE.match(where) if isinstance(where, str) else None
        if not m or not w or not isinstance(value, str):
            continue
        old = form.get(f"c-{m[1]}")
        old_text = old if isinstance(old, str) else ""
        if value.strip() != old_text.strip():
            out.append(Edit(w[3] or None, int(w[1]), int(w[2]), old_text, value))
    return out


async def correct(request: Request) -> Response:
    """Apply the cells corrected in the page to a copy of the upload, then check the copy."""
    entry = _report(request)
    ws, item = _upload(request, entry)
    form = await _form(request)
    edits = _edits(form)
    if not edits:
        from reportgen.diagnostics import catalog

        return await check_page(request, catalog.make("web.edit-nothing"))
    config = services.load(entry.path)
    new = ws.create(
        "uploads",
        entry.key,
        {
            "name": item.meta.get("name", ""),
            "file": item.meta["file"],
            "parent": item.id,
            "edits": [
                {"ref": e.ref, "sheet": e.sheet, "old": e.old, "new": e.new.strip()} for e in edits
            ],
        },
    )
    try:
        await run_in_threadpool(
            apply_edits, item.file(), new.file(), edits, locale=config.data.locale
        )
    except WebError as exc:
        ws.delete(new)
        return await check_page(request, exc.diagnostic)
    return _redirect(f"{_base(entry)}/so-lieu/{new.id}")


async def download_upload(request: Request) -> Response:
    """The stored sheet (after corrections, the corrected copy) under the clerk's name."""
    entry = _report(request)
    _, item = _upload(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    if item.meta.get("edits"):
        stem, dot, ext = name.rpartition(".")
        name = f"{stem}-da-sua.{ext}" if dot else name + "-da-sua"
        if not name.lower().endswith(item.file().suffix.lower()):
            name += item.file().suffix
    return FileResponse(item.file(), filename=name)


async def download_findings(request: Request) -> Response:
    """Every finding of an upload as text (as `reportgen check` prints it)."""
    entry = _report(request)
    _, item = _upload(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    try:
        text = await run_in_threadpool(services.findings_text, entry.path, item.file(), name)
    except ReportgenError as exc:
        raise WebError(_diagnostics(exc, item.file(), name)[0]) from exc
    return Response(
        text.encode("utf-8"),
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=kiem-tra.txt"},
    )


async def download_marked(request: Request) -> Response:
    """The clerk's sheet back as .xlsx with the wrong cells marked and commented."""
    entry = _report(request)
    _, item = _upload(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    try:
        data = await run_in_threadpool(services.marked_workbook, entry.path, item.file(), name)
    except ReportgenError as exc:
        raise WebError(_diagnostics(exc, item.file(), name)[0]) from exc
    if data is None:
        raise web_error(
            "web.not-found", 404, what="bản đánh dấu (tính năng này chưa có trên máy chủ)"
        )
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem + '-danh-dau.xlsx')}"
        },
    )


async def delete_upload(request: Request) -> Response:
    """Delete an upload (only on the clerk's request)."""
    entry = _report(request)
    ws, item = _upload(request, entry)
    await _form(request)
    ws.delete(item)
    return _redirect(f"{_base(entry)}?da-xoa=1")


# -- rendering -----------------------------------------------------------------------------


async def start_render(request: Request) -> Response:
    """Start rendering the reports from an upload, in a new batch folder."""
    entry = _report(request)
    ws, item = _upload(request, entry)
    form = await _form(request)
    force = form.get("du_thao") == "1"
    batch = ws.create(
        "batches",
        entry.key,
        {"upload": item.id, "name": item.meta.get("name", ""), "force": force},
    )
    data_file = item.file()
    display = str(item.meta.get("name", ""))

    def work(progress: Progress) -> dict[str, Any]:
        def step(phase: str, done: int, total: int) -> None:
            progress.phase, progress.done, progress.total = phase, done, total

        try:
            view = services.render_batch(
                entry.path, data_file, batch.folder / "ket-qua", force=force, step=step
            )
        except ReportgenError as exc:
            raise ReportgenError(
                services.clean_text(exc.format().split("\n  → ")[0], data_file, display),
                hint=services.clean_text(exc.hint, data_file, display) if exc.hint else None,
            ) from exc
        return {
            "folder": str(view.folder.relative_to(batch.folder)),
            "zip": str(view.zip.relative_to(batch.folder)) if view.zip else None,
            "outputs": [
                {**asdict(o), "reason": services.clean_text(o.reason, data_file, display)}
                if o.reason
                else asdict(o)
                for o in view.outputs
            ],
            "seconds": round(view.seconds, 1),
            "pdf": view.pdf,
            "notes": [services.clean_text(n, data_file, display) for n in view.notes],
        }

    request.app.state.jobs.start(ws, batch, work)
    return _redirect(f"{_base(entry)}/dot/{batch.id}")


def _batch(request: Request, entry: services.ReportEntry) -> tuple[Workspace, Item]:
    ws = _workspace(request)
    return ws, ws.get("batches", entry.key, request.path_params["bid"])


async def batch_page(request: Request) -> Response:
    """A batch: progress while it runs, then every report with its downloads."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    progress = request.app.state.jobs.progress(batch)
    from reportgen.diagnostics import catalog

    pdf_note = None
    if progress.finished and not progress.result.get("pdf", True):
        pdf_note = catalog.make("web.pdf-missing")
    return page(
        request,
        "batch.html",
        {
            "entry": entry,
            "base": _base(entry),
            "batch": batch,
            "progress": progress,
            "pdf_note": pdf_note,
        },
    )


async def delete_batch(request: Request) -> Response:
    """Delete a finished batch's folder (only on the clerk's request)."""
    entry = _report(request)
    ws, batch = _batch(request, entry)
    await _form(request)
    if not request.app.state.jobs.progress(batch).finished:
        raise web_error("web.batch-running", 409)
    ws.delete(batch)
    return _redirect(f"{_base(entry)}?da-xoa=1")


async def batch_progress(request: Request) -> Response:
    """The progress of a batch as JSON (polled by the page)."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    progress: Progress = request.app.state.jobs.progress(batch)
    return JSONResponse(
        {
            "phase": progress.phase,
            "done": progress.done,
            "total": progress.total,
            "finished": progress.finished,
        }
    )


_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(docx|pdf|json|txt)$")


def _batch_file(request: Request, batch: Item) -> Path:
    """A file of a finished batch, named in the address; only names the batch listed."""
    name = request.path_params["name"]
    result = request.app.state.jobs.progress(batch).result
    folder = batch.folder / str(result.get("folder", ""))
    if not _FILE.match(name) or not result or not folder.is_dir():
        raise web_error("web.not-found", 404, what=f"tệp «{name}»")
    for p in folder.iterdir():
        if p.name == name and p.is_file():
            return p
    raise web_error("web.not-found", 404, what=f"tệp «{name}»")


async def batch_file(request: Request) -> Response:
    """Download one report (.docx or .pdf), the findings or the manifest."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    path = _batch_file(request, batch)
    return FileResponse(path, filename=path.name)


async def batch_zip(request: Request) -> Response:
    """Download the whole batch as one zip."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    rel = request.app.state.jobs.progress(batch).result.get("zip")
    path = batch.folder / str(rel) if rel else None
    if path is None or not path.is_file() or not path.resolve().is_relative_to(batch.folder):
        raise web_error("web.not-found", 404, what="tệp nén của đợt này")
    return FileResponse(path, filename=f"{entry.report_id}-{batch.id}.zip")


async def preview(request: Request) -> Response:
    """A report's pages as images (from its PDF)."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    pdf = _batch_file(request, batch)
    if pdf.suffix != ".pdf":
        raise web_error("web.not-found", 404, what="bản PDF của báo cáo này")
    pages = await run_in_threadpool(
        services.preview_pages, pdf, batch.folder / "xem-truoc" / pdf.stem
    )
    result = request.app.state.jobs.progress(batch).result
    unit = next(
        (o["unit"] for o in result.get("outputs", []) if o.get("pdf") == pdf.name), pdf.stem
    )
    return page(
        request,
        "preview.html",
        {
            "entry": entry,
            "base": _base(entry),
            "batch": batch,
            "pdf": pdf.name,
            "docx": pdf.with_suffix(".docx").name,
            "unit": unit,
            "pages": len(pages),
        },
    )


async def preview_image(request: Request) -> Response:
    """One page image of a report."""
    entry = _report(request)
    _, batch = _batch(request, entry)
    pdf = _batch_file(request, batch)
    number = request.path_params["page"]
    pages = services.preview_pages(pdf, batch.folder / "xem-truoc" / pdf.stem)
    if not 1 <= number <= len(pages):
        raise web_error("web.not-found", 404, what=f"trang {number}")
    return FileResponse(pages[number - 1], media_type="image/png")


# -- the template check --------------------------------------------------------------------


def _lint_context(request: Request) -> dict[str, Any]:
    ws = _workspace(request)
    return {
        "reports": [r for r in _reports(request) if r.error is None],
        "templates": ws.list("templates", None),
        "limit": human_size(_settings(request).max_upload),
    }


async def lint_page(request: Request) -> Response:
    """Upload a Word template and see what `reportgen lint` says about it."""
    if request.method == "POST":
        settings = _settings(request)
        try:
            form = await _form(request, files=1)
            data, raw_name = await _read_upload(form, "tep", settings)
            checked = check_upload(data, raw_name, TEMPLATE_TYPES, settings)
        except WebError as exc:
            if exc.status == 403:
                raise
            ctx = _lint_context(request)
            return page(request, "lint.html", {**ctx, "problem": exc.diagnostic}, exc.status)
        key = str(form.get("bao_cao") or "")
        known = {r.key for r in _reports(request)}
        ws = _workspace(request)
        item = ws.create(
            "templates",
            None,
            {
                "name": checked.display_name,
                "file": "mau.docx",
                "report": key if key in known else None,
            },
        )
        (item.folder / "mau.docx").write_bytes(checked.data)
        return _redirect(f"/mau-word/{item.id}")
    return page(request, "lint.html", _lint_context(request))


async def lint_result(request: Request) -> Response:
    """The lint result of an uploaded template."""
    ws = _workspace(request)
    item = ws.get("templates", None, request.path_params["tid"])
    key = item.meta.get("report")
    entry = next((r for r in _reports(request) if r.key == key), None)
    name = str(item.meta.get("name", ""))
    ctx = {**_lint_context(request), "item": item, "name": name, "entry": entry}
    try:
        ctx["lint"] = await run_in_threadpool(
            services.lint_template, item.file(), name, entry.path if entry else None
        )
    except ReportgenError as exc:
        ctx["read_errors"] = _diagnostics(exc, item.file(), name)
    return page(request, "lint.html", ctx)


ROUTES = [
    Route("/", home),
    Route("/dang-nhap", login, methods=["GET", "POST"]),
    Route("/dang-xuat", logout, methods=["POST"]),
    Route("/mau-word", lint_page, methods=["GET", "POST"]),
    Route("/mau-word/{tid}", lint_result),
    Route("/bao-cao/{key}", report_page),
    Route("/bao-cao/{key}/bieu-mau", download_form),
    Route("/bao-cao/{key}/tai-len", upload, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}", check_page),
    Route("/bao-cao/{key}/so-lieu/{uid}/sua", correct, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}/tep", download_upload),
    Route("/bao-cao/{key}/so-lieu/{uid}/danh-dau", download_marked),
    Route("/bao-cao/{key}/so-lieu/{uid}/kiem-tra.txt", download_findings),
    Route("/bao-cao/{key}/so-lieu/{uid}/xoa", delete_upload, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}/in", start_render, methods=["POST"]),
    Route("/bao-cao/{key}/dot/{bid}", batch_page),
    Route("/bao-cao/{key}/dot/{bid}/tien-do", batch_progress),
    Route("/bao-cao/{key}/dot/{bid}/xoa", delete_batch, methods=["POST"]),
    Route("/bao-cao/{key}/dot/{bid}/zip", batch_zip),
    Route("/bao-cao/{key}/dot/{bid}/tep/{name}", batch_file),
    Route("/bao-cao/{key}/dot/{bid}/xem/{name}", preview),
    Route("/bao-cao/{key}/dot/{bid}/anh/{name}/{page:int}", preview_image),
]
