"""Run the application with uvicorn."""

from __future__ import annotations

import errno
import socket

import click

from reportgen.diagnostics import catalog
from reportgen.web.app import create_app
from reportgen.web.settings import WebSettings


def serve(settings: WebSettings) -> None:
    """Serve the page until Ctrl-C; say where to open it."""
    import uvicorn

    _check_port(settings.host, settings.port)
    app = create_app(settings)
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    click.echo(catalog.text("web.serving", host=shown, port=settings.port))
    click.echo(
        catalog.text(
            "web.serving-folders", root=settings.root.resolve(), work=settings.work_dir.resolve()
        )
    )
    if settings.token:
        click.echo(catalog.text("web.serving-token"))
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
    from reportgen.diagnostics.errors import ConfigError

    other_port = catalog.text("web.fix-port", port=port + 1 if port < 65535 else 8000)
    fix = catalog.text("web.fix-host")
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        reason = catalog.text("web.host-unknown", reason=exc.strerror or exc)
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
                    reason = catalog.text("web.port-taken")
                    fix = catalog.text("web.fix-port-taken", other=other_port)
                elif exc.errno == errno.EADDRNOTAVAIL:
                    reason = catalog.text("web.host-not-here")
                elif exc.errno == errno.EACCES:
                    reason = catalog.text("web.port-privileged")
                    fix = other_port
                else:
                    reason = exc.strerror or str(exc)
                break
            else:
                reason = ""
                break
    if reason:
        raise ConfigError.of("web.port-busy", host=host, port=port, reason=reason, fix=fix)
