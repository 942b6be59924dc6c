"""``reportgen pdf FILE.docx|FOLDER``: PDF beside each report, optionally one merged PDF and a
zip to hand over."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from reportgen.cli.main import main
from reportgen.diagnostics.errors import EXIT_CANNOT_RUN, EXIT_OK
from reportgen.diagnostics.model import Diagnostic
from reportgen.outputs.writers import BatchWriter, WrittenBatch, WrittenFile


def pool_options(f: Callable[..., object]) -> Callable[..., object]:
    """The options of the converter pool, shared by ``pdf`` and ``render``."""
    f = click.option(
        "--timeout",
        type=click.FloatRange(1, 3600),
        default=60.0,
        show_default=True,
        help="Số giây tối đa cho một báo cáo; quá thì khởi động lại LibreOffice và thử lại một lần.",
    )(f)
    f = click.option(
        "--pdf-jobs",
        type=click.IntRange(1, 64),
        default=None,
        help="Số bản LibreOffice chạy song song (mặc định: số lõi CPU).",
    )(f)
    f = click.option(
        "--pdfa", is_flag=True, help="Ghi PDF/A-2b (bản lưu trữ) thay cho PDF thường."
    )(f)
    return f


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal (nothing when the output is redirected)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task(label, total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        bar.stop()


def run_writers(
    batch: WrittenBatch, writers: list[BatchWriter]
) -> tuple[list[WrittenFile], list[Diagnostic]]:
    """Run each writer on ``batch`` in turn; return every file written and every problem."""
    files: list[WrittenFile] = []
    problems: list[Diagnostic] = []
    labels = {"pdf": "Đang chuyển sang PDF", "pdf-merged": "Đang gộp PDF", "zip": "Đang nén"}
    for writer in writers:
        with progress_bar(labels.get(writer.name, writer.name)) as update:
            result = writer.write(batch, update)
        files.extend(result.files)
        problems.extend(result.diagnostics)
    return files, problems


def echo_outputs(
    files: list[WrittenFile],
    problems: list[Diagnostic],
    *,
    reports: int,
    seconds: float,
    pdf: bool,
    pdfa: bool,
) -> bool:
    """Print what the writers wrote, and their problems on standard error; return whether
    any problem is an error."""
    from reportgen.diagnostics.formats import to_text

    if problems:
        click.echo(to_text(problems), err=True)
    pdfs = sum(1 for f in files if f.kind == "pdf")
    if pdf:
        rate = f" ({pdfs / seconds:.1f} báo cáo/giây)" if pdfs and seconds > 0 else ""
        click.echo(
            f"Đã chuyển {pdfs}/{reports} báo cáo sang PDF"
            + (" (PDF/A-2b)" if pdfa else "")
            + f" trong {seconds:.1f} giây{rate}."
        )
    for f in files:
        if f.kind == "pdf-merged":
            click.echo(f"PDF gộp (để in): {f.path}")
        elif f.kind == "zip":
            click.echo(f"Tệp nén (để gửi): {f.path}")
    return any(d.severity == "error" for d in problems)


@main.command("pdf")
@click.argument("path", type=click.Path(exists=False))
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè tệp PDF đã có.")
@click.option(
    "--merge", is_flag=True, help="Gộp mọi báo cáo thành một PDF để in (thành phố trước)."
)
@click.option(
    "--zip", "make_zip", is_flag=True, help="Nén báo cáo, PDF, kết quả kiểm tra thành một tệp."
)
@click.option("--no-pdf", is_flag=True, help="Không ghi PDF từng báo cáo (chỉ --merge/--zip).")
@pool_options
def pdf_cmd(
    path: str,
    overwrite: bool,
    merge: bool,
    make_zip: bool,
    no_pdf: bool,
    pdfa: bool,
    pdf_jobs: int | None,
    timeout: float,
) -> None:
    """Chuyển báo cáo .docx sang PDF (tệp PDF cùng tên, cạnh tệp .docx).

    PATH là một tệp .docx hoặc thư mục báo cáo đã sinh (ví dụ outputs/giam-ngheo-2024).
    Cần LibreOffice: bash scripts/install_pdf_tools.sh. Mã thoát: 0 xong, 2 có tệp không
    chuyển được.
    """
    from reportgen.outputs.bundle import ZipWriter
    from reportgen.outputs.folder import batch_from_path
    from reportgen.outputs.lopool import ConverterPool, find_tools
    from reportgen.outputs.merge import MergedPdfWriter
    from reportgen.outputs.pdf import PdfWriter

    if no_pdf and not (merge or make_zip):
        raise click.UsageError("--no-pdf cần đi cùng --merge hoặc --zip")
    batch = batch_from_path(Path(path), overwrite=overwrite)
    if not (no_pdf and not merge):
        find_tools()  # no LibreOffice: say how to install it, exit 2
    started = time.perf_counter()
    with ConverterPool(pdf_jobs, timeout=timeout) as pool:
        writers: list[BatchWriter] = []
        pdf_writer = None
        if not no_pdf:
            pdf_writer = PdfWriter(pool, pdfa=pdfa)
            writers.append(pdf_writer)
        if merge:
            writers.append(MergedPdfWriter(pool, pdfs_from=pdf_writer))
        if make_zip:
            writers.append(ZipWriter())
        files, problems = run_writers(batch, writers)
    failed = echo_outputs(
        files,
        problems,
        reports=len(batch.reports),
        seconds=time.perf_counter() - started,
        pdf=not no_pdf,
        pdfa=pdfa,
    )
    click.echo(f"Thư mục: {batch.folder}")
    sys.exit(EXIT_CANNOT_RUN if failed else EXIT_OK)
