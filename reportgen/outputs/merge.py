"""One PDF to print: every report of a batch in unit order (the city first), one bookmark per
unit."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, OutputError
from reportgen.outputs.atomic import write_atomic
from reportgen.outputs.lopool import ConverterPool, LibreOfficeMissing
from reportgen.outputs.pdf import (
    PdfWriter,
    conversion_diagnostic,
    error_diagnostic,
    is_fresh,
)
from reportgen.outputs.writers import WriterResult, WrittenBatch, WrittenFile, in_unit_order

__all__ = ["MergedPdfWriter", "merge_pdfs", "merged_path"]


def merged_path(batch: WrittenBatch) -> Path:
    """The merged PDF of a batch: ``<report id>.pdf`` in the batch's folder."""
    return batch.folder / f"{batch.report_id}.pdf"


def merge_pdfs(parts: list[tuple[str, bytes]], *, title: str) -> bytes:
    """Join PDFs (bookmark title, PDF bytes) into one, each part under its own bookmark; the
    reader opens with the bookmarks shown. The document title is the first part's (the
    report's title), else ``title``."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for i, (name, data) in enumerate(parts):
        reader = PdfReader(io.BytesIO(data))
        if i == 0 and reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
        writer.append(reader, outline_item=name, import_outline=False)
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": title, "/Creator": "reportgen"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class MergedPdfWriter:
    """Writes every report of a batch as one PDF, in unit order with a bookmark per unit.

    It reuses the PDFs a :class:`PdfWriter` of the same run produced (``pdfs_from``) and
    converts the others itself. Nothing is written when a report could not be converted: a
    printed set missing one unit would pass unnoticed.
    """

    name = "pdf-merged"

    def __init__(self, pool: ConverterPool, *, pdfs_from: PdfWriter | None = None) -> None:
        self.pool = pool
        self.pdfs_from = pdfs_from

    def write(
        self, batch: WrittenBatch, progress: Callable[[int, int], None] | None = None
    ) -> WriterResult:
        """Write ``<report id>.pdf`` holding every report of ``batch``."""
        result = WriterResult()
        target = merged_path(batch)
        where = Location(file=str(target))
        reports = in_unit_order(batch.reports)
        if not batch.overwrite and target.exists():
            unchanged = reports and not any(r.changed for r in reports)
            if unchanged and is_fresh(target, *(r.path for r in reports)):
                data = target.read_bytes()  # a re-run that changed no report
                digest = hashlib.sha256(data).hexdigest()
                result.files.append(WrittenFile(target, "pdf-merged", digest))
                return result
            result.diagnostics.append(
                catalog.make("output.file-exists", location=where, file=str(target))
            )
            return result
        known = self.pdfs_from.converted if self.pdfs_from is not None else {}
        tried = self.pdfs_from.failed if self.pdfs_from is not None else set()
        # those the PDF writer could not convert were reported there: not tried again
        failed = [r.unit for r in reports if r.path in tried]
        missing = [r for r in reports if r.path not in known and r.path not in tried]
        pdfs: dict[Path, bytes] = {r.path: known[r.path] for r in reports if r.path in known}
        try:
            conversions = self.pool.convert([r.path for r in missing], progress=progress)
        except LibreOfficeMissing as exc:
            result.diagnostics.append(error_diagnostic(exc))
            return result
        for report, conversion in zip(missing, conversions, strict=True):
            if conversion.pdf is None:
                result.diagnostics.append(
                    conversion_diagnostic(conversion, self.pool.timeout, report.unit)
                )
                failed.append(report.unit)
            else:
                pdfs[report.path] = conversion.pdf
        if failed:
            failed = [r.unit for r in reports if r.unit in set(failed)]  # in unit order
            result.diagnostics.append(
                catalog.make(
                    "output.merge-failed",
                    location=where,
                    reason=catalog.text("output.merge-lacks", units=", ".join(failed)),
                )
            )
            return result
        if not reports:
            return result
        try:
            data = merge_pdfs([(r.unit, pdfs[r.path]) for r in reports], title=batch.report_id)
        except Exception as exc:  # a PDF pypdf cannot read
            result.diagnostics.append(
                catalog.make("output.merge-failed", location=where, reason=str(exc))
            )
            return result
        try:
            write_atomic(target, data, overwrite=batch.overwrite)
        except OutputError as exc:
            result.diagnostics.append(error_diagnostic(exc))
            return result
        result.files.append(WrittenFile(target, "pdf-merged", hashlib.sha256(data).hexdigest()))
        return result
