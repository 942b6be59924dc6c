"""A batch to hand over: the reports, their PDFs, the findings and the manifest in one zip.

The zip is deterministic like the .docx: entries in a fixed order (the city first, then the
units; findings and manifest last), a fixed timestamp (1980-01-01 00:00), fixed permissions and
compression, so the same files always give the same zip, byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, OutputError
from reportgen.diagnostics.model import Diagnostic
from reportgen.outputs.atomic import write_atomic
from reportgen.outputs.merge import merged_path
from reportgen.outputs.pdf import error_diagnostic, is_fresh, pdf_path
from reportgen.outputs.writers import WriterResult, WrittenBatch, WrittenFile, in_unit_order

__all__ = ["ZipWriter", "deterministic_zip", "zip_path"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_path(batch: WrittenBatch) -> Path:
    """The zip of a batch: ``<report id>.zip`` in the batch's folder."""
    return batch.folder / f"{batch.report_id}.zip"


def deterministic_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, data)`` entries, in that order, that depends on nothing else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system writes it
            info.external_attr = 0o100644 << 16
            zf.writestr(info, data, compresslevel=6)
    return out.getvalue()


class ZipWriter:
    """Packs a batch into ``<report id>.zip``: each report's .docx and PDF (when a PDF as new
    as the .docx is beside it), the merged PDF, the findings and the manifest, all under one
    folder named after the report.

    Without ``overwrite`` an existing zip is kept when no report of the batch changed (a re-run
    that changed nothing), and refused otherwise."""

    name = "zip"

    def write(
        self, batch: WrittenBatch, progress: Callable[[int, int], None] | None = None
    ) -> WriterResult:
        """Write the zip of ``batch``; return it with its SHA-256."""
        result = WriterResult()
        target = zip_path(batch)
        if not batch.overwrite and target.exists():
            if batch.reports and not any(r.changed for r in batch.reports):
                return _kept(target, result)  # a re-run that changed no report
            result.diagnostics.append(
                catalog.make(
                    "output.file-exists", location=Location(file=str(target)), file=str(target)
                )
            )
            return result
        reports = in_unit_order(batch.reports)
        files: list[Path] = []
        for report in reports:
            pdf = pdf_path(report.path)
            if report.path.exists():
                files.append(report.path)
                if is_fresh(pdf, report.path):
                    files.append(pdf)
            elif pdf.exists():  # --pdf-only: the .docx was removed once its PDF was written
                files.append(pdf)
            else:
                result.diagnostics.append(_missing(report.path))
        merged = merged_path(batch)
        if reports and is_fresh(merged, *(r.path for r in reports)):
            files.append(merged)
        files.extend(p for p in batch.side_files if p != target)
        entries: list[tuple[str, bytes]] = []
        seen: set[str] = set()
        for i, path in enumerate(files, 1):
            name = f"{batch.report_id}/{_relative(path, batch.folder)}"
            if name in seen:
                continue
            seen.add(name)
            try:
                entries.append((name, path.read_bytes()))
            except OSError:
                result.diagnostics.append(_missing(path))
            if progress is not None:
                progress(i, len(files))
        data = deterministic_zip(entries)
        try:
            write_atomic(target, data, overwrite=batch.overwrite)
        except OutputError as exc:
            result.diagnostics.append(error_diagnostic(exc))
            return result
        result.files.append(WrittenFile(target, "zip", hashlib.sha256(data).hexdigest()))
        return result


def _kept(target: Path, result: WriterResult) -> WriterResult:
    try:
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
    except OSError:
        result.diagnostics.append(_missing(target))
        return result
    result.files.append(WrittenFile(target, "zip", digest))
    return result


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name


def _missing(path: Path) -> Diagnostic:
    return catalog.make("output.zip-missing", location=Location(file=str(path)), file=path.name)
