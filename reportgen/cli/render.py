"""``reportgen render`` and ``reportgen demo``: validate, then write the reports."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reportgen.cli.main import _data_option, _out_option, main, tenths
from reportgen.cli.pdf import finish_outputs, pdf_flags, render_outputs
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from reportgen.app.pipeline import RenderResult
    from reportgen.outputs.writers import BatchWriter


def _render_and_report(
    config: str,
    *,
    data_file: str | None,
    units: Sequence[str],
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
    changed: bool = False,
    writers: Sequence[BatchWriter] = (),
) -> int:
    from reportgen.app import pipeline

    progress_cb = None
    bar = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True, auto_refresh=False)  # no thread: workers are forked
        task = bar.add_task(catalog.text("cli.progress-render"), total=None)
        bar.start()

        def progress_cb(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            bar.refresh()

    try:
        result = pipeline.render(
            config,
            data_file=data_file,
            units=list(units) or None,
            out_dir=out_dir,
            jobs=jobs,
            force=force,
            overwrite=overwrite,
            changed=changed,
            progress=progress_cb,
            writers=writers,
        )
    finally:
        if bar is not None:
            bar.stop()
    return _report(result)


_KIND_LINES = {"pdf-merged": "cli.batch-merged-pdf", "zip": "cli.zip-written"}
"""The catalog entry of the summary line of a file a writer wrote for the whole batch (any
other kind: ``cli.batch-file``)."""


def _report(result: RenderResult) -> int:
    """Print what a batch did and return the exit code: 0 done and clean, 1 reports held back
    or drafted because of their figures, 2 reports that could not be produced."""
    from reportgen.validate.report import summary_line

    for o in result.outputs:
        if o.status == "skipped":
            click.echo(catalog.text("cli.unit-skipped", unit=o.unit, reason=o.reason), err=True)
        elif o.status == "failed":
            click.echo(catalog.text("cli.unit-failed", unit=o.unit, reason=o.reason), err=True)
    for d in result.diagnostics:
        click.echo(d.describe(), err=True)
    if result.nothing_changed:
        click.echo(
            catalog.text("cli.nothing-changed", count=len(result.outputs), folder=result.out_dir)
        )
        click.echo(summary_line(result.findings))
        return EXIT_OK
    drafts = result.count("draft")
    states = {
        s: sum(1 for o in result.outputs if o.state == s) for s in ("new", "changed", "unchanged")
    }
    click.echo(
        catalog.text(
            "cli.rendered",
            count=result.count("rendered") + drafts,
            drafts=catalog.text("cli.rendered-drafts", drafts=drafts) if drafts else "",
            new=states["new"],
            changed=states["changed"],
            unchanged=states["unchanged"],
            skipped=result.count("skipped"),
            failed=result.count("failed"),
            seconds=tenths(result.seconds),
        )
    )
    for f in result.files:
        if f.unit is None:
            line = _KIND_LINES.get(f.kind) or "cli.batch-file"
            click.echo(catalog.text(line, kind=f.kind, path=f.path))
    click.echo(summary_line(result.findings))
    click.echo(catalog.text("cli.folder", folder=result.out_dir))
    click.echo(catalog.text("cli.findings-file", path=result.findings_file.with_suffix(".txt")))
    if result.count("failed") or any(d.severity == "error" for d in result.diagnostics):
        click.echo(catalog.text("cli.render-failed"), err=True)
        return EXIT_CANNOT_RUN
    held = result.count("skipped") + drafts
    figures_wrong = any(f.severity == "error" for f in result.findings)
    return EXIT_FINDINGS if held or figures_wrong else EXIT_OK


@main.command("render")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="TÊN",
    help="Chỉ sinh báo cáo của đơn vị này (lặp lại được; tên thành phố cho báo cáo tổng).",
)
@click.option("--all", "all_units", is_flag=True, help="Mọi đơn vị và toàn thành phố (mặc định).")
@_out_option()
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    metavar="N",
    default=None,
    help="Số tiến trình song song (mặc định: số lõi CPU).",
)
@click.option(
    "--force", is_flag=True, help="Vẫn in đơn vị có số liệu sai, đánh dấu DỰ THẢO ở đầu trang."
)
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè báo cáo đã có.")
@click.option(
    "--changed",
    is_flag=True,
    help="Chỉ ghi lại báo cáo có nội dung thay đổi (số liệu, mẫu hoặc định nghĩa); "
    "báo cáo không đổi giữ nguyên.",
)
@pdf_flags
def render_cmd(
    config: str,
    data_file: str | None,
    units: Sequence[str],
    all_units: bool,
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
    changed: bool,
    **outputs: Any,
) -> None:
    """Kiểm tra rồi sinh báo cáo .docx cho từng đơn vị và toàn thành phố."""
    if units and all_units:
        raise click.UsageError(catalog.text("cli.unit-and-all"))
    with render_outputs(**outputs) as extra:
        code = _render_and_report(
            config,
            data_file=data_file,
            units=units,
            out_dir=out_dir,
            jobs=jobs,
            force=force,
            overwrite=overwrite,
            changed=changed,
            writers=extra.writers if extra else (),
        )
        if extra is not None:
            code = max(code, finish_outputs(extra))
    sys.exit(code)


@main.command()
@_out_option()
@click.option(
    "--report",
    "report",
    default="giam-ngheo",
    metavar="TÊN",
    help="Loại báo cáo mẫu: giam-ngheo (mặc định), so-ket-6-thang, ke-hoach.",
)
def demo(out_dir: str, report: str) -> None:
    """Sinh báo cáo mẫu vào OUT/demo/ (mặc định: giảm nghèo năm 2024 của một thành phố và 12
    phường, xã; --report chọn loại khác)."""
    from reportgen.resources import REPORTS, demo_config

    if report not in REPORTS:
        listed = "; ".join(f"{name}: {what}" for name, (_, what) in REPORTS.items())
        raise click.UsageError(catalog.text("cli.no-such-demo", name=report, known=listed))
    config = demo_config(report)
    click.echo(catalog.text("cli.demo", path=config))
    # its own folder: the demo never overwrites reports rendered from the user's own files
    out_dir = str(Path(out_dir) / "demo")
    code = _render_and_report(
        str(config),
        data_file=None,
        units=(),
        out_dir=out_dir,
        jobs=None,
        force=False,
        overwrite=True,
    )
    sys.exit(code)
