"""The template author's page: upload a Word template, see what `reportgen lint` says."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from reportgen.diagnostics.errors import ReportgenError
from reportgen.web import services
from reportgen.web.routes.common import (
    diagnostics_of,
    page,
    read_form,
    read_upload,
    redirect,
    reports,
    settings_of,
    workspace,
)
from reportgen.web.security import TEMPLATE_TYPES, WebError, check_upload, human_size


def _lint_context(request: Request) -> dict[str, Any]:
    ws = workspace(request)
    return {
        "reports": [r for r in reports(request) if r.error is None],
        "templates": ws.list("templates", None),
        "limit": human_size(settings_of(request).max_upload),
    }


async def lint_page(request: Request) -> Response:
    """Upload a Word template and see what `reportgen lint` says about it."""
    if request.method == "POST":
        settings = settings_of(request)
        try:
            form = await read_form(request, files=1)
            data, raw_name = await read_upload(form, "tep", settings)
            checked = check_upload(data, raw_name, TEMPLATE_TYPES, settings)
        except WebError as exc:
            if exc.status == 403:
                raise
            ctx = _lint_context(request)
            return page(request, "lint.html", {**ctx, "problem": exc.diagnostic}, exc.status)
        key = str(form.get("bao_cao") or "")
        known = {r.key for r in reports(request)}
        ws = workspace(request)
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
        return redirect(f"/mau-word/{item.id}")
    return page(request, "lint.html", _lint_context(request))


async def lint_result(request: Request) -> Response:
    """The lint result of an uploaded template."""
    ws = workspace(request)
    item = ws.get("templates", None, request.path_params["tid"])
    key = item.meta.get("report")
    entry = next((r for r in reports(request) if r.key == key), None)
    name = str(item.meta.get("name", ""))
    ctx = {**_lint_context(request), "item": item, "name": name, "entry": entry}
    try:
        ctx["lint"] = await run_in_threadpool(
            services.lint_template, item.file(), name, entry.path if entry else None
        )
    except ReportgenError as exc:
        ctx["read_errors"] = diagnostics_of(exc, item.file(), name)
    return page(request, "lint.html", ctx)
