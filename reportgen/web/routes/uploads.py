"""One report's page: its form, uploads, the check of an upload, corrections in the page,
the stored sheet, the findings as text, the marked sheet, deletion."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Diagnostic
from reportgen.web import services
from reportgen.web.edits import EDITABLE, Edit, apply_edits
from reportgen.web.routes.common import (
    base_url,
    diagnostics_of,
    page,
    read_form,
    read_upload,
    redirect,
    report_of,
    settings_of,
    workspace,
)
from reportgen.web.security import DATA_TYPES, WebError, check_upload, human_size, web_error
from reportgen.web.storage import Item, Workspace


def _report_context(request: Request, entry: services.ReportEntry) -> dict[str, Any]:
    ws = workspace(request)
    uploads = ws.list("uploads", entry.key)
    batches = ws.list("batches", entry.key)
    jobs = request.app.state.jobs
    return {
        "entry": entry,
        "base": base_url(entry),
        "uploads": uploads,
        "batches": [(b, jobs.progress(b)) for b in batches],
        "accept": ",".join(DATA_TYPES),
        "limit": human_size(settings_of(request).max_upload),
        "deleted": request.query_params.get("da-xoa") == "1",
    }


async def report_page(request: Request) -> Response:
    """Pick a report: its form, the upload box, this session's uploads and batches."""
    entry = report_of(request)
    return page(request, "report.html", _report_context(request, entry))


async def download_form(request: Request) -> Response:
    """The report's ready-to-fill form (.xlsx)."""
    entry = report_of(request)
    data, name = await run_in_threadpool(services.form_workbook, entry.path)
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


async def upload(request: Request) -> Response:
    """Save an uploaded sheet in a folder of its own, then show its check."""
    entry = report_of(request)
    settings = settings_of(request)
    try:
        form = await read_form(request, files=1)
        data, raw_name = await read_upload(form, "tep", settings)
        checked = check_upload(data, raw_name, DATA_TYPES, settings)
    except WebError as exc:
        if exc.status == 403:
            raise
        ctx = _report_context(request, entry)
        return page(request, "report.html", {**ctx, "problem": exc.diagnostic}, exc.status)
    ws = workspace(request)
    file = "so-lieu" + checked.ext
    item = ws.create("uploads", entry.key, {"name": checked.display_name, "file": file})
    (item.folder / file).write_bytes(checked.data)
    return redirect(f"{base_url(entry)}/so-lieu/{item.id}")


def upload_of(request: Request, entry: services.ReportEntry) -> tuple[Workspace, Item]:
    ws = workspace(request)
    return ws, ws.get("uploads", entry.key, request.path_params["uid"])


async def check_page(request: Request, problem: Diagnostic | None = None) -> Response:
    """The figures of an upload as a table by unit, every flagged cell and its finding."""
    entry = report_of(request)
    _, item = upload_of(request, entry)
    name = str(item.meta.get("name", ""))
    ctx: dict[str, Any] = {
        "entry": entry,
        "base": base_url(entry),
        "item": item,
        "name": name,
        "accept": ",".join(DATA_TYPES),
        "limit": human_size(settings_of(request).max_upload),
        "editable": item.file().suffix.lower() in EDITABLE,
        "can_mark": services.can_mark(),
        "problem": problem,
    }
    try:
        view = await run_in_threadpool(services.check_figures, entry.path, item.file(), name)
    except ReportgenError as exc:
        ctx["read_errors"] = diagnostics_of(exc, item.file(), name)
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
    entry = report_of(request)
    ws, item = upload_of(request, entry)
    form = await read_form(request)
    edits = _edits(form)
    if not edits:
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
            apply_edits,
            item.file(),
            new.file(),
            edits,
            locale=config.data.locale,
            name=str(item.meta.get("name", "")),
        )
    except WebError as exc:
        ws.delete(new)
        return await check_page(request, exc.diagnostic)
    return redirect(f"{base_url(entry)}/so-lieu/{new.id}")


async def download_upload(request: Request) -> Response:
    """The stored sheet (after corrections, the corrected copy) under the clerk's name."""
    entry = report_of(request)
    _, item = upload_of(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    if item.meta.get("edits"):
        stem, dot, ext = name.rpartition(".")
        name = f"{stem}-da-sua.{ext}" if dot else name + "-da-sua"
        if not name.lower().endswith(item.file().suffix.lower()):
            name += item.file().suffix
    return FileResponse(item.file(), filename=name)


async def download_findings(request: Request) -> Response:
    """Every finding of an upload as text (as `reportgen check` prints it)."""
    entry = report_of(request)
    _, item = upload_of(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    try:
        text = await run_in_threadpool(services.findings_text, entry.path, item.file(), name)
    except ReportgenError as exc:
        raise WebError(diagnostics_of(exc, item.file(), name)[0]) from exc
    return Response(
        text.encode("utf-8"),
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=kiem-tra.txt"},
    )


async def download_marked(request: Request) -> Response:
    """The clerk's sheet back as .xlsx with the wrong cells marked and commented."""
    entry = report_of(request)
    _, item = upload_of(request, entry)
    name = str(item.meta.get("name") or item.meta["file"])
    try:
        data = await run_in_threadpool(services.marked_workbook, entry.path, item.file(), name)
    except ReportgenError as exc:
        raise WebError(diagnostics_of(exc, item.file(), name)[0]) from exc
    if data is None:
        raise web_error("web.not-found", 404, what=catalog.text("web.what-marked"))
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
    entry = report_of(request)
    ws, item = upload_of(request, entry)
    await read_form(request)
    ws.delete(item)
    return redirect(f"{base_url(entry)}?da-xoa=1")
