"""Run the application with uvicorn."""

from __future__ import annotations

import errno
import socket

import click

from reportgen.web.app import create_app
from reportgen.web.settings import WebSettings


def serve(settings: WebSettings) -> None:
    """Serve the page until Ctrl-C; say where to open it."""
    import uvicorn

    _check_port(settings.host, settings.port)
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


def _check_port(host: str, port: int) -> None:
    """Raise a :class:`~reportgen.diagnostics.errors.ConfigError` in Vietnamese when the
    address cannot be listened on (the port is taken, the address is not this machine's),
    before the page says where to open it."""
    from reportgen.diagnostics import catalog
    from reportgen.diagnostics.errors import ConfigError

    other_port = f"chọn cổng khác (vd. --port {port + 1 if port < 65535 else 8000})"
    fix = "bỏ --host để chỉ dùng trên máy này, hoặc ghi một địa chỉ IP của máy này (xem ip addr)"
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        reason = f"không tìm thấy địa chỉ này ({exc.strerror or exc})"
        infos = []
    else:
        reason = ""
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(addr)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    reason = "cổng này đang được một chương trình khác dùng"
                    fix = (
                        f"{other_port}; hoặc dừng chương trình đang dùng cổng này "
                        "(có thể là một trang reportgen đã mở trước đó)"
                    )
                elif exc.errno == errno.EADDRNOTAVAIL:
                    reason = "địa chỉ này không phải của máy này"
                elif exc.errno == errno.EACCES:
                    reason = "cần quyền quản trị để dùng cổng dưới 1024"
                    fix = other_port
                else:
                    reason = exc.strerror or str(exc)
                break
            else:
                reason = ""
                break
    if reason:
        d = catalog.make(
            "web.port-busy",
            host=host,
            port=port,
            reason=reason,
            fix=fix,
        )
        raise ConfigError(d.message, hint=d.hint, code=d.code)
