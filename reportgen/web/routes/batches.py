"""Rendering: a batch started in the background, its progress, its reports and zip, page
previews, deletion."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.web import services
from reportgen.web.jobs import MAX_PER_SESSION, Progress
from reportgen.web.routes.common import base_url, page, read_form, redirect, report_of, workspace
from reportgen.web.routes.uploads import upload_of
from reportgen.web.security import web_error
from reportgen.web.storage import Item, Workspace


async def start_render(request: Request) -> Response:
    """Start rendering the reports from an upload, in a new batch folder."""
    entry = report_of(request)
    ws, item = upload_of(request, entry)
    form = await read_form(request)
    force = form.get("du_thao") == "1"
    busy = request.app.state.jobs.running_under(ws.base)
    if busy >= MAX_PER_SESSION:
        raise web_error("web.batches-busy", 429, n=busy)
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
    return redirect(f"{base_url(entry)}/dot/{batch.id}")


def batch_of(request: Request, entry: services.ReportEntry) -> tuple[Workspace, Item]:
    ws = workspace(request)
    return ws, ws.get("batches", entry.key, request.path_params["bid"])


async def batch_page(request: Request) -> Response:
    """A batch: progress while it runs, then every report with its downloads."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
    progress = request.app.state.jobs.progress(batch)

    pdf_note = None
    if progress.finished and not progress.result.get("pdf", True):
        pdf_note = catalog.make("web.pdf-missing")
    return page(
        request,
        "batch.html",
        {
            "entry": entry,
            "base": base_url(entry),
            "batch": batch,
            "progress": progress,
            "pdf_note": pdf_note,
        },
    )


async def delete_batch(request: Request) -> Response:
    """Delete a finished batch's folder (only on the clerk's request)."""
    entry = report_of(request)
    ws, batch = batch_of(request, entry)
    await read_form(request)
    if not request.app.state.jobs.progress(batch).finished:
        raise web_error("web.batch-running", 409)
    ws.delete(batch)
    return redirect(f"{base_url(entry)}?da-xoa=1")


async def batch_progress(request: Request) -> Response:
    """The progress of a batch as JSON (polled by the page)."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
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
        raise web_error("web.not-found", 404, what=catalog.text("web.what-file", name=name))
    for p in folder.iterdir():
        if p.name == name and p.is_file():
            return p
    raise web_error("web.not-found", 404, what=catalog.text("web.what-file", name=name))


async def batch_file(request: Request) -> Response:
    """Download one report (.docx or .pdf), the findings or the manifest."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
    path = _batch_file(request, batch)
    return FileResponse(path, filename=path.name)


async def batch_zip(request: Request) -> Response:
    """Download the whole batch as one zip."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
    rel = request.app.state.jobs.progress(batch).result.get("zip")
    path = batch.folder / str(rel) if rel else None
    if path is None or not path.is_file() or not path.resolve().is_relative_to(batch.folder):
        raise web_error("web.not-found", 404, what=catalog.text("web.what-zip"))
    return FileResponse(path, filename=f"{entry.report_id}-{batch.id}.zip")


async def preview(request: Request) -> Response:
    """A report's pages as images (from its PDF)."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
    pdf = _batch_file(request, batch)
    if pdf.suffix != ".pdf":
        raise web_error("web.not-found", 404, what=catalog.text("web.what-pdf"))
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
            "base": base_url(entry),
            "batch": batch,
            "pdf": pdf.name,
            "docx": pdf.with_suffix(".docx").name,
            "unit": unit,
            "pages": len(pages),
        },
    )


async def preview_image(request: Request) -> Response:
    """One page image of a report."""
    entry = report_of(request)
    _, batch = batch_of(request, entry)
    pdf = _batch_file(request, batch)
    number = request.path_params["page"]
    pages = services.preview_pages(pdf, batch.folder / "xem-truoc" / pdf.stem)
    if not 1 <= number <= len(pages):
        raise web_error("web.not-found", 404, what=f"trang {number}")
    return FileResponse(pages[number - 1], media_type="image/png")
