"""``reportgen check``: validation only (and, with ``--mark``, the clerk's sheet marked)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from reportgen.cli.main import _data_option, _format_option, main
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    OutputError,
    ReportgenError,
)


@main.command("check")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option("--unit", "units", multiple=True, help="Chỉ kiểm tra đơn vị này (lặp lại được).")
@_format_option("table", "json")
@click.option(
    "--mark",
    "mark",
    type=click.Path(dir_okay=False),
    help="Ghi một bản sao bảng số liệu (.xlsx) tô màu các ô nghi sai, kèm chú thích và trang "
    "liệt kê kết quả; tệp gốc không bị sửa.",
)
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè tệp --mark đã có.")
def check_cmd(
    config: str,
    data_file: str | None,
    units: Sequence[str],
    fmt: str,
    mark: str | None,
    overwrite: bool,
) -> None:
    """Kiểm tra số liệu, không sinh báo cáo. Mã thoát: 0 khớp, 1 có lỗi, 2 không chạy được."""
    from reportgen.app import pipeline
    from reportgen.diagnostics.formats import to_json, to_text
    from reportgen.validate.report import format_check_json, format_table

    try:
        result = pipeline.check(config, data_file=data_file, units=list(units) or None)
        if mark:
            data_path = Path(data_file) if data_file else result.config.data.file
            _write_mark(Path(mark), result, data_path, overwrite)
    except ReportgenError as exc:
        if fmt != "json":
            raise
        click.echo(to_json(exc.diagnostics(), command="check"))
        sys.exit(exc.exit_code)
    findings = result.findings
    problems = list(result.problems)
    if fmt == "json":
        click.echo(format_check_json([*findings, *problems]))
    else:
        for note in result.dataset.notes:
            click.echo(catalog.text("cli.data-note", note=note), err=True)
        click.echo(format_table(findings))
        if mark:
            click.echo(catalog.text("cli.mark-written", path=mark))
        if problems:
            click.echo(catalog.text("cli.cannot-render", problems=to_text(problems)), err=True)
    if problems:
        sys.exit(EXIT_CANNOT_RUN)
    sys.exit(EXIT_FINDINGS if result.summary.errors else EXIT_OK)


def _write_mark(out: Path, result: object, data_path: Path, overwrite: bool) -> None:
    from reportgen.outputs.atomic import write_atomic
    from reportgen.validate.mark import mark_workbook

    if out.suffix.lower() != ".xlsx":
        raise OutputError.of(
            "check.mark-extension", name=out.name, suggested=out.with_suffix(".xlsx").name
        )
    if out.resolve() == data_path.resolve():
        raise OutputError.of("check.mark-is-input", path=out)
    findings = result.findings  # type: ignore[attr-defined]
    dataset = result.dataset  # type: ignore[attr-defined]
    write_atomic(out, mark_workbook(findings, dataset, data_path), overwrite=overwrite)
