"""``reportgen pdf FILE.docx|FOLDER``: PDF beside each report, optionally one merged PDF and a
zip to hand over."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reportgen.cli.main import main, tenths
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import EXIT_CANNOT_RUN, EXIT_OK
from reportgen.diagnostics.model import Diagnostic
from reportgen.outputs.writers import BatchWriter, WriterResult, WrittenBatch, WrittenFile

if TYPE_CHECKING:
    from reportgen.outputs.lopool import ConverterPool, LibreOfficeMissing
    from reportgen.outputs.pdf import PdfWriter


def pool_options(f: Callable[..., object]) -> Callable[..., object]:
    """The options of the converter pool, shared by ``pdf`` and ``render``."""
    f = click.option(
        "--timeout",
        type=click.FloatRange(1, 3600),
        metavar="GIÂY",
        default=60.0,
        show_default=True,
        help="Số giây tối đa cho một báo cáo; quá thì khởi động lại LibreOffice và thử lại một lần.",
    )(f)
    f = click.option(
        "--pdf-jobs",
        type=click.IntRange(1, 64),
        metavar="N",
        default=None,
        help="Số bản LibreOffice chạy song song (mặc định: số lõi CPU).",
    )(f)
    f = click.option(
        "--pdfa", is_flag=True, help="Ghi PDF/A-2b (bản lưu trữ) thay cho PDF thường."
    )(f)
    return f


class _Terminated(BaseException):
    """SIGTERM arrived (``kill``, a service manager stopping the command)."""


@contextmanager
def stop_cleanly_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception while LibreOffice runs, so that the converter pool ends
    its instances and removes their temporary profiles and no half-written file stays; then
    end with SIGTERM as before (same exit status for whoever sent it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        raise  # not reached: the default action ends the process
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal (nothing when the output is redirected)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
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
    labels = {
        "pdf": "cli.progress-pdf",
        "pdf-merged": "cli.progress-merge",
        "zip": "cli.progress-zip",
    }
    for writer in writers:
        label = catalog.text(labels[writer.name]) if writer.name in labels else writer.name
        with progress_bar(label) as update:
            result = writer.write(batch, update)
        files.extend(result.files)
        problems.extend(result.diagnostics)
    return files, problems


def echo_outputs(
    files: list[WrittenFile],
    problems: list[Diagnostic],
    *,
    reports: int,
    kept: int = 0,
    seconds: float,
    pdf: bool,
    pdfa: bool,
) -> bool:
    """Print what the writers wrote, and their problems on standard error; return whether
    any problem is an error."""
    from reportgen.diagnostics.formats import to_text

    if problems:
        click.echo(to_text(problems), err=True)
    pdfs = sum(1 for f in files if f.kind == "pdf") - kept
    if pdf:
        fast = pdfs >= 10 and seconds > 0
        click.echo(
            catalog.text(
                "cli.pdf-converted",
                done=pdfs,
                reports=reports,
                pdfa=" (PDF/A-2b)" if pdfa else "",
                seconds=tenths(seconds),
                rate=catalog.text("cli.pdf-rate", rate=tenths(pdfs / seconds)) if fast else "",
                kept=catalog.text("cli.pdf-kept", kept=kept) if kept else "",
            )
        )
    for f in files:
        if f.kind == "pdf-merged":
            click.echo(catalog.text("cli.merged-pdf", path=f.path))
        elif f.kind == "zip":
            click.echo(catalog.text("cli.zip-written", path=f.path))
    return any(d.severity == "error" for d in problems)


class _Capture:
    """A last writer that only keeps the batch, for the zip packed once the manifest is
    written (the writers run before it)."""

    name = "capture"

    def __init__(self) -> None:
        self.batch: WrittenBatch | None = None

    def write(
        self, batch: WrittenBatch, progress: Callable[[int, int], None] | None = None
    ) -> WriterResult:
        self.batch = batch
        return WriterResult()


class RenderOutputs:
    """The extra outputs ``reportgen render`` was asked for: the writers to hand to the
    pipeline, then the zip, packed after the pipeline wrote the manifest so that the zip holds
    the manifest of this run (with the PDFs and their SHA-256)."""

    def __init__(
        self,
        pool: ConverterPool,
        *,
        pdf: bool,
        pdf_only: bool,
        merge: bool,
        make_zip: bool,
        pdfa: bool,
        missing: LibreOfficeMissing | None = None,
    ) -> None:
        from reportgen.outputs.merge import MergedPdfWriter
        from reportgen.outputs.pdf import PdfWriter

        self.writers: list[BatchWriter] = []
        self.pdf_writer: PdfWriter | None = None
        self.missing = missing
        """LibreOffice is not installed: no PDF writer runs, the .docx (and the zip) are
        still written, and the command says once how to install it."""
        pdf_writer = None
        if missing is not None:
            pdf = pdf_only = merge = False
        if pdf or pdf_only:
            pdf_writer = PdfWriter(pool, pdfa=pdfa, remove_docx=pdf_only)
            self.pdf_writer = pdf_writer
            self.writers.append(pdf_writer)
        if merge:
            self.writers.append(MergedPdfWriter(pool, pdfs_from=pdf_writer))
        self._capture = _Capture() if make_zip else None
        if self._capture is not None:
            self.writers.append(self._capture)

    def finish(self) -> tuple[list[WrittenFile], list[Diagnostic]]:
        """Pack the zip (when asked) from the batch the pipeline handed to the writers."""
        from reportgen.outputs.bundle import ZipWriter

        if self._capture is None or self._capture.batch is None:
            return [], []
        result = ZipWriter().write(self._capture.batch)
        return result.files, result.diagnostics


def pdf_flags(f: Callable[..., object]) -> Callable[..., object]:
    """The PDF/zip flags of ``reportgen render``."""
    f = pool_options(f)
    f = click.option(
        "--zip",
        "make_zip",
        is_flag=True,
        help="Nén báo cáo, PDF, kết quả kiểm tra và manifest thành một tệp để gửi.",
    )(f)
    f = click.option(
        "--merge-pdf",
        is_flag=True,
        help="Ghi thêm một PDF gộp mọi báo cáo để in (thành phố trước, mỗi đơn vị một dấu trang).",
    )(f)
    f = click.option(
        "--pdf-only",
        is_flag=True,
        help="Chỉ giữ PDF: xoá .docx khi PDF của nó đã ghi xong.",
    )(f)
    f = click.option(
        "--pdf", "make_pdf", is_flag=True, help="Ghi thêm PDF cạnh mỗi báo cáo .docx."
    )(f)
    return f


@contextmanager
def render_outputs(
    *,
    make_pdf: bool,
    pdf_only: bool,
    merge_pdf: bool,
    make_zip: bool,
    pdfa: bool,
    pdf_jobs: int | None,
    timeout: float,
) -> Iterator[RenderOutputs | None]:
    """The writers ``render``'s flags ask for, with their converter pool (stopped at the end);
    None when no flag asks for any."""
    from reportgen.outputs.lopool import ConverterPool, LibreOfficeMissing, find_tools

    if pdfa and not (make_pdf or pdf_only):
        raise click.UsageError(catalog.text("cli.pdfa-needs-pdf"))
    if not (make_pdf or pdf_only or merge_pdf or make_zip):
        yield None
        return
    missing = None
    if make_pdf or pdf_only or merge_pdf:
        try:
            find_tools()
        except LibreOfficeMissing as exc:
            missing = exc
    with stop_cleanly_on_sigterm(), ConverterPool(pdf_jobs, timeout=timeout) as pool:
        yield RenderOutputs(
            pool,
            pdf=make_pdf,
            pdf_only=pdf_only,
            merge=merge_pdf,
            make_zip=make_zip,
            pdfa=pdfa,
            missing=missing,
        )


def finish_outputs(outputs: RenderOutputs) -> int:
    """Pack the zip of a render run and say where it is; the exit code it adds."""
    if outputs.missing is not None:
        click.echo(catalog.text("cli.pdf-tools-missing", error=outputs.missing.format()), err=True)
    if outputs.pdf_writer is not None:
        kind = " (PDF/A-2b)" if outputs.pdf_writer.pdfa else ""
        count = len(outputs.pdf_writer.converted)
        click.echo(catalog.text("cli.pdf-beside", pdfa=kind, count=count))
    files, problems = outputs.finish()
    for d in problems:
        click.echo(d.describe(), err=True)
    for f in files:
        click.echo(catalog.text("cli.zip-written", path=f.path))
    failed = outputs.missing is not None or any(d.severity == "error" for d in problems)
    return EXIT_CANNOT_RUN if failed else EXIT_OK


@main.command("pdf")
@click.argument("path", type=click.Path(exists=False), metavar="DOCX_HOẶC_THƯ_MỤC")
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè tệp PDF đã có.")
@click.option(
    "--merge",
    "--merge-pdf",
    "merge",
    is_flag=True,
    help="Ghi thêm một PDF gộp mọi báo cáo để in (thành phố trước, mỗi đơn vị một dấu trang).",
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

    DOCX_HOẶC_THƯ_MỤC là một tệp .docx hoặc thư mục báo cáo đã sinh (ví dụ outputs/giam-ngheo-2024).
    Cần LibreOffice: bash scripts/install_pdf_tools.sh. Mã thoát: 0 xong, 2 có tệp không
    chuyển được.
    """
    from reportgen.outputs.bundle import ZipWriter
    from reportgen.outputs.folder import batch_from_path, record_files
    from reportgen.outputs.lopool import ConverterPool, find_tools
    from reportgen.outputs.merge import MergedPdfWriter
    from reportgen.outputs.pdf import PdfWriter

    if no_pdf and not (merge or make_zip):
        raise click.UsageError(catalog.text("cli.no-pdf-needs-merge"))
    batch = batch_from_path(Path(path), overwrite=overwrite)
    if not (no_pdf and not merge):
        find_tools()  # no LibreOffice: say how to install it, exit 2
    started = time.perf_counter()
    with stop_cleanly_on_sigterm(), ConverterPool(pdf_jobs, timeout=timeout) as pool:
        writers: list[BatchWriter] = []
        pdf_writer = None
        if not no_pdf:
            pdf_writer = PdfWriter(pool, pdfa=pdfa)
            writers.append(pdf_writer)
        if merge:
            writers.append(MergedPdfWriter(pool, pdfs_from=pdf_writer))
        files, problems = run_writers(batch, writers)
    record_files(batch.folder, files)  # the folder's manifest lists them with their SHA-256
    if make_zip:  # after the manifest, so that the zip holds the one listing the PDFs
        more, more_problems = run_writers(batch, [ZipWriter()])
        files += more
        problems += more_problems
    failed = echo_outputs(
        files,
        problems,
        reports=len(batch.reports),
        kept=len(pdf_writer.kept) if pdf_writer is not None else 0,
        seconds=time.perf_counter() - started,
        pdf=not no_pdf,
        pdfa=pdfa,
    )
    click.echo(catalog.text("cli.folder", folder=batch.folder))
    sys.exit(EXIT_CANNOT_RUN if failed else EXIT_OK)
