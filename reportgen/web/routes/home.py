"""The list of reports, the login and the logout."""

from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from reportgen.web.routes.common import page, read_form, redirect, reports, settings_of
from reportgen.web.security import login_mark, password_ok


async def home(request: Request) -> Response:
    """The reports found under the root."""
    found = await run_in_threadpool(reports, request)
    settings = settings_of(request)
    return page(
        request,
        "index.html",
        {"reports": found, "root": settings.root, "configs": settings.root / "configs"},
    )


async def login(request: Request) -> Response:
    """Ask for the operator's password (only when one is set)."""
    settings = settings_of(request)
    if request.method == "POST":
        from reportgen.diagnostics import catalog

        form = await read_form(request)
        throttle = request.app.state.login_throttle
        who = request.client.host if request.client else "?"
        wait = throttle.wait(who)
        if wait:
            minutes = max(1, (wait + 59) // 60)
            problem = catalog.make("web.login-locked", limit=throttle.limit, minutes=minutes)
            return page(request, "login.html", {"problem": problem}, status=429)
        if password_ok(settings, str(form.get("mat_khau", ""))):
            throttle.passed(who)
            request.session["auth"] = login_mark(settings)
            return redirect("/")
        throttle.failed(who)
        await asyncio.sleep(0.5)  # slows guessing
        return page(
            request, "login.html", {"problem": catalog.make("web.login-failed")}, status=401
        )
    if not settings.login_required:
        return redirect("/")
    return page(request, "login.html", {})


async def logout(request: Request) -> Response:
    """Forget the login (the session's files stay)."""
    await read_form(request)
    request.session.pop("auth", None)
    return redirect("/dang-nhap" if settings_of(request).login_required else "/")
