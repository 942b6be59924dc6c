"""``reportgen check``: validation only."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from reportgen.cli.main import _data_option, _format_option, main
from reportgen.diagnostics.errors import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK


@main.command("check")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option("--unit", "units", multiple=True, help="Chỉ kiểm tra đơn vị này (lặp lại được).")
@_format_option("table", "json")
def check_cmd(config: str, data_file: str | None, units: Sequence[str], fmt: str) -> None:
    """Kiểm tra số liệu, không sinh báo cáo. Mã thoát: 0 khớp, 1 có lỗi, 2 không chạy được."""
    from reportgen.app import pipeline
    from reportgen.validate.report import format_json, format_table

    result = pipeline.check(config, data_file=data_file, units=list(units) or None)
    click.echo(format_json(result.findings) if fmt == "json" else format_table(result.findings))
    if result.problems:
        from reportgen.diagnostics.formats import to_text

        click.echo("Chưa sinh được báo cáo từ các tệp này:\n" + to_text(result.problems), err=True)
        sys.exit(EXIT_CANNOT_RUN)
    sys.exit(EXIT_FINDINGS if result.summary.errors else EXIT_OK)
