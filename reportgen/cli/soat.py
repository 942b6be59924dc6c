"""``reportgen soat``: proofread the figures of a finished report, with no YAML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.cli.main import _format_option, main
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    Location,
    OutputError,
)


@main.command("soat")
@click.argument("report", type=click.Path(dir_okay=True))
@_format_option("table", "json")
@click.option(
    "--comments",
    "comments_out",
    type=click.Path(dir_okay=False),
    help="Ghi một bản sao .docx có chú thích (comment) Word ở từng số sai.",
)
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè tệp --comments đã có.")
def soat_cmd(report: str, fmt: str, comments_out: str | None, overwrite: bool) -> None:
    """Soát số liệu của một báo cáo đã viết xong (.docx, .txt, .md), không cần YAML.

    Đối chiếu số với chữ, tổng với các phần, số tăng/giảm, tỷ lệ, bảng có hàng tổng, cách viết
    số, ngày và số ký hiệu văn bản. Mã thoát: 0 không thấy gì, 1 có chỗ cần xem, 2 không đọc
    được (hoặc có chỗ không soát được).

    Ví dụ: reportgen soat bao-cao.docx --comments bao-cao-da-soat.docx
    """
    from reportgen.audit import audit_file
    from reportgen.audit.report import format_table
    from reportgen.diagnostics.formats import to_json

    source = Path(report)
    if comments_out is not None:
        _check_comments_target(source, Path(comments_out), overwrite)
    result = audit_file(source, name=report)
    if fmt == "json":
        extra = {
            "file": report,
            "figures": result.figures,
            "figures_checked": len(result.checked),
        }
        click.echo(to_json(result.diagnostics, command="soat", extra=extra))
    else:
        click.echo(format_table(result, report))
    if result.failures:
        failures = "\n".join(f"  - {f}" for f in result.failures)
        click.echo(catalog.text("cli.soat-failures", failures=failures), err=True)
    if comments_out is not None:
        from reportgen.audit.comments import write_comments
        from reportgen.outputs.atomic import write_atomic

        data, n = write_comments(source.read_bytes(), result.findings)
        write_atomic(Path(comments_out), data, overwrite=overwrite)
        written = catalog.text("cli.soat-comments-written", count=n, path=comments_out)
        click.echo(written, err=fmt == "json")
    if result.findings:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CANNOT_RUN if result.failures else EXIT_OK)


def _check_comments_target(source: Path, target: Path, overwrite: bool) -> None:
    if source.suffix.lower() != ".docx":
        raise OutputError.of("output.comments-needs-docx", location=Location(file=str(source)))
    if target.suffix.lower() != ".docx":
        raise OutputError.of("output.comments-needs-docx-name", location=Location(file=str(target)))
    try:
        same = target.exists() and target.resolve() == source.resolve()
    except OSError:
        same = False
    if same or target.absolute() == source.absolute():
        raise OutputError.of("output.comments-is-source", location=Location(file=str(target)))
    if target.exists() and not overwrite:
        raise OutputError.of("output.exists-comments", location=Location(file=str(target)))
