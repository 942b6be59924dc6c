"""Run the application with uvicorn."""

from __future__ import annotations

import click

from reportgen.web.app import create_app
from reportgen.web.settings import WebSettings


def serve(settings: WebSettings) -> None:
    """Serve the page until Ctrl-C; say where to open it."""
    import uvicorn

    app = create_app(settings)
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    click.echo(f"Trang reportgen: http://{shown}:{settings.port}/  (Ctrl-C để dừng)")
    click.echo(
        f"Báo cáo lấy từ: {settings.root.resolve()}; "
        f"tệp tải lên lưu ở: {settings.work_dir.resolve()}"
    )
    if settings.token:
        click.echo("Trang cần mật khẩu (đã đặt qua REPORTGEN_WEB_TOKEN hoặc --token).")
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
