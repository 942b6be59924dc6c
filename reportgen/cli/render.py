"""``reportgen render`` and ``reportgen demo``: validate, then write the reports."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reportgen.cli.main import _data_option, _out_option, main
from reportgen.cli.pdf import finish_outputs, pdf_flags, render_outputs
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
            changed=changed,
            progress=progress_cb,
            writers=writers,
        )
    finally:
        if bar is not None:
            bar.stop()
    return _report(result)


_KIND_WORDS = {"pdf-merged": "PDF gộp để in", "zip": "Tệp nén (để gửi)"}
"""How the summary names a file a writer wrote for the whole batch."""


def _report(result: RenderResult) -> int:
    """Print what a batch did and return the exit code: 0 done and clean, 1 reports held back
    or drafted because of their figures, 2 reports that could not be produced."""
    from reportgen.validate.report import summary_line

    for o in result.outputs:
        if o.status == "skipped":
            click.echo(f"Bỏ qua: {o.unit} — {o.reason}", err=True)
        elif o.status == "failed":
            click.echo(f"Không sinh được báo cáo của {o.unit}: {o.reason}", err=True)
    for d in result.diagnostics:
        click.echo(d.describe(), err=True)
    if result.nothing_changed:
        click.echo(
            f"Không có gì thay đổi: {len(result.outputs)} báo cáo trong {result.out_dir} "
            "đã đúng với số liệu, mẫu và định nghĩa hiện tại; không ghi lại tệp nào."
        )
        click.echo(summary_line(result.findings))
        return EXIT_OK
    drafts = result.count("draft")
    states = {
        s: sum(1 for o in result.outputs if o.state == s) for s in ("new", "changed", "unchanged")
    }
    click.echo(
        f"Đã sinh {result.count('rendered') + drafts} báo cáo"
        + (f" ({drafts} bản DỰ THẢO)" if drafts else "")
        + f" (mới {states['new']}, thay đổi {states['changed']}, giữ nguyên {states['unchanged']})"
        + f", bỏ qua {result.count('skipped')}, lỗi {result.count('failed')} "
        f"trong {result.seconds:.1f} giây."
    )
    for f in result.files:
        if f.unit is None:
            click.echo(f"{_KIND_WORDS.get(f.kind, 'Tệp ' + f.kind)}: {f.path}")
    click.echo(summary_line(result.findings))
    click.echo(f"Thư mục: {result.out_dir}")
    click.echo(f"Kết quả kiểm tra: {result.findings_file.with_suffix('.txt')}")
    if result.count("failed") or any(d.severity == "error" for d in result.diagnostics):
        click.echo(
            "Có báo cáo không sinh được vì lỗi mẫu hoặc lỗi ghi tệp (không phải lỗi số liệu): "
            "xem các dòng ở trên.",
            err=True,
        )
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
        raise click.UsageError("dùng --unit hoặc --all, không dùng cả hai")
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
        raise click.UsageError(f'không có báo cáo mẫu "{report}"; có: {listed}')
    config = demo_config(report)
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
