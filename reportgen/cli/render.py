"""``reportgen render`` and ``reportgen demo``: validate, then write the reports."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from reportgen.cli.main import _data_option, _out_option, main
from reportgen.diagnostics.errors import EXIT_FINDINGS, EXIT_OK


def _render_and_report(
    config: str,
    *,
    data_file: str | None,
    units: Sequence[str],
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
) -> int:
    from reportgen.app import pipeline
    from reportgen.validate.report import summary_line

    progress_cb = None
    bar = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True, auto_refresh=False)  # no thread: workers are forked
        task = bar.add_task("Đang sinh báo cáo", total=None)
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
            progress=progress_cb,
        )
    finally:
        if bar is not None:
            bar.stop()
    for o in result.outputs:
        if o.status in ("skipped", "failed"):
            word = "Bỏ qua" if o.status == "skipped" else "Lỗi"
            click.echo(f"{word}: {o.unit} — {o.reason}", err=True)
    drafts = result.count("draft")
    click.echo(
        f"Đã sinh {result.count('rendered') + drafts} báo cáo"
        + (f" ({drafts} bản DỰ THẢO)" if drafts else "")
        + f", bỏ qua {result.count('skipped')}, lỗi {result.count('failed')} "
        f"trong {result.seconds:.1f} giây."
    )
    click.echo(summary_line(result.findings))
    click.echo(f"Thư mục: {result.out_dir}")
    click.echo(f"Kết quả kiểm tra: {result.findings_file.with_suffix('.txt')}")
    failed = result.count("failed") + result.count("skipped") + drafts
    return (
        EXIT_FINDINGS if failed or any(f.severity == "error" for f in result.findings) else EXIT_OK
    )


@main.command("render")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option(
    "--unit",
    "units",
    multiple=True,
    help="Chỉ sinh báo cáo của đơn vị này (lặp lại được; tên thành phố cho báo cáo tổng).",
)
@click.option("--all", "all_units", is_flag=True, help="Mọi đơn vị và toàn thành phố (mặc định).")
@_out_option()
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=None,
    help="Số tiến trình song song (mặc định: số lõi CPU).",
)
@click.option(
    "--force", is_flag=True, help="Vẫn in đơn vị có số liệu sai, đánh dấu DỰ THẢO ở đầu trang."
)
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè báo cáo đã có.")
def render_cmd(
    config: str,
    data_file: str | None,
    units: Sequence[str],
    all_units: bool,
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
) -> None:
    """Kiểm tra rồi sinh báo cáo .docx cho từng đơn vị và toàn thành phố."""
    if units and all_units:
        raise click.UsageError("dùng --unit hoặc --all, không dùng cả hai")
    sys.exit(
        _render_and_report(
            config,
            data_file=data_file,
            units=units,
            out_dir=out_dir,
            jobs=jobs,
            force=force,
            overwrite=overwrite,
        )
    )


@main.command()
@_out_option()
def demo(out_dir: str) -> None:
    """Sinh báo cáo mẫu vào OUT/demo/ (giảm nghèo năm 2024 của một thành phố và 12 phường, xã)."""
    from reportgen.resources import demo_config

    config = demo_config()
    click.echo(f"Báo cáo mẫu: {config} (số liệu mẫu, không có thật)")
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
