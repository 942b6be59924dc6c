"""``reportgen web``: the clerks' web page on this machine (or the office server)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from reportgen.cli.main import main


@main.command("web")
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ lắng nghe.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Cổng."
)
@click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, exists=True),
    help="Thư mục dự án (chứa configs/, templates/, inputs/).",
)
@click.option(
    "--work",
    "work_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Thư mục lưu tệp tải lên và báo cáo sinh ra (mặc định: ROOT/outputs/web).",
)
@click.option(
    "--token",
    default=None,
    help="Mật khẩu vào trang (bắt buộc khi --host không phải 127.0.0.1); "
    "nên đặt bằng biến môi trường REPORTGEN_WEB_TOKEN thay cho tùy chọn này.",
)
@click.option(
    "--max-upload",
    type=click.IntRange(1, 1024),
    default=20,
    show_default=True,
    help="Cỡ tối đa của một tệp tải lên (MB).",
)
def web_cmd(
    host: str, port: int, root: str, work_dir: str | None, token: str | None, max_upload: int
) -> None:
    """Mở trang web cho văn thư: tải biểu mẫu, tải số liệu lên, xem ô sai, sinh báo cáo."""
    from reportgen.diagnostics import catalog
    from reportgen.diagnostics.errors import ConfigError
    from reportgen.resources import DEMO
    from reportgen.web.settings import MB, TOKEN_ENV, WebSettings, is_loopback

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise ConfigError.of("web.token-required", host=host)
    root_path = Path(root)
    work = Path(work_dir) if work_dir else root_path / "outputs" / "web"
    if not any((root_path / "configs").glob("*.y*ml")):
        click.echo(catalog.text("cli.web-demo", folder=root_path / "configs"), err=True)
        root_path = DEMO
    settings = WebSettings(
        root=root_path,
        work_dir=work,
        host=host,
        port=port,
        token=token,
        max_upload=max_upload * MB,
    )
    from reportgen.web.server import serve

    serve(settings)
