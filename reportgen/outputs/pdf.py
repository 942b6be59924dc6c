"""PDF beside each .docx report: same name, written atomically, never over an existing PDF
without leave."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, OutputError, ReportgenError
from reportgen.diagnostics.model import Diagnostic
from reportgen.outputs.atomic import flush_all, write_atomic
from reportgen.outputs.lopool import Conversion, ConverterPool, LibreOfficeMissing
from reportgen.outputs.writers import WriterResult, WrittenBatch, WrittenFile, WrittenReport

__all__ = [
    "PdfWriter",
    "conversion_diagnostic",
    "error_diagnostic",
    "is_fresh",
    "is_pdfa",
    "pdf_path",
]


def is_fresh(made: Path, *sources: Path) -> bool:
    """Whether ``made`` exists and is not older than any of ``sources`` (a PDF left from an
    earlier run would show figures the .docx no longer has)."""
    try:
        when = made.stat().st_mtime_ns
        return all(when >= s.stat().st_mtime_ns for s in sources)
    except OSError:
        return False


def is_pdfa(pdf: Path) -> bool:
    """Whether ``pdf`` says it is PDF/A (its XMP metadata, which PDF/A keeps uncompressed,
    names a ``pdfaid:part``)."""
    try:
        return b"pdfaid:part" in pdf.read_bytes()
    except OSError:
        return False


def pdf_path(docx: Path) -> Path:
    """Where the PDF of a .docx report goes: beside it, same name."""
    return docx.with_suffix(".pdf")


def conversion_diagnostic(conversion: Conversion, timeout: float, unit: str | None) -> Diagnostic:
    """The diagnostic of a conversion that did not produce a PDF."""
    where = Location(file=str(conversion.source))
    if conversion.status == "timeout":
        return catalog.make(
            "output.pdf-timeout",
            location=where,
            unit=unit,
            file=conversion.source.name,
            seconds=f"{timeout:g}",
        )
    reason = conversion.reason or catalog.text("output.no-reason")
    if reason.startswith("LibreOffice: "):
        return catalog.make(
            "output.libreoffice-start",
            location=where,
            unit=unit,
            reason=reason.removeprefix("LibreOffice: "),
        )
    return catalog.make(
        "output.pdf-failed", location=where, unit=unit, file=conversion.source.name, reason=reason
    )


def error_diagnostic(exc: ReportgenError, unit: str | None = None) -> Diagnostic:
    """A raised error as one diagnostic of a writer's result, for the unit it concerns."""
    d = exc.diagnostics()[0]
    return Diagnostic(
        code=d.code,
        severity=d.severity,
        message=d.message,
        location=d.location,
        expected=d.expected,
        found=d.found,
        hint=d.hint,
        unit=unit,
    )


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _made_from(folder: Path) -> dict[str, tuple[str, str]]:
    """The PDFs the folder's manifest lists with the .docx they were made from:
    file name → (SHA-256 of the PDF, SHA-256 of its .docx)."""
    from reportgen.outputs import manifest as manifests

    out: dict[str, tuple[str, str]] = {}
    for f in manifests.read(folder / "manifest.json").get("files", []) or []:
        if isinstance(f, dict) and f.get("kind") == "pdf":
            name, sha, source = f.get("file"), f.get("sha256"), f.get("source_sha256")
            if isinstance(name, str) and isinstance(sha, str) and isinstance(source, str):
                out[name] = (sha, source)
    return out


def _same_source(made_from: dict[str, tuple[str, str]], pdf: Path, docx: Path) -> bool:
    """Whether ``pdf`` is, byte for byte, the one the manifest says was made from a .docx
    with the very bytes of ``docx``."""
    known = made_from.get(pdf.name)
    return known is not None and known == (_sha256(pdf), _sha256(docx))


class PdfWriter:
    """Converts each report of a batch to PDF with a :class:`ConverterPool`.

    ``pdfa``: write PDF/A-2b (archival copies). ``remove_docx``: remove each .docx once its
    PDF is written (``--pdf-only``; a report whose conversion failed keeps its .docx). The PDFs
    this writer produced are kept in :attr:`converted` (``.docx`` path → PDF bytes) for a
    writer that combines them. A report the batch left unchanged keeps its PDF when that PDF
    is as new as the .docx.
    """

    name = "pdf"

    def __init__(
        self, pool: ConverterPool, *, pdfa: bool = False, remove_docx: bool = False
    ) -> None:
        self.pool = pool
        self.pdfa = pdfa
        self.remove_docx = remove_docx
        self.converted: dict[Path, bytes] = {}
        self.failed: set[Path] = set()
        """Reports (.docx) this writer could not convert: a writer that combines them does
        not try them again."""
        self.kept: list[Path] = []
        """PDFs left as they were (their report unchanged, the PDF as new as the .docx)."""

    def write(
        self, batch: WrittenBatch, progress: Callable[[int, int], None] | None = None
    ) -> WriterResult:
        """Write ``X.pdf`` beside each ``X.docx`` of ``batch``; return them with their SHA-256."""
        result = WriterResult()
        todo = []
        existing: list[Path] = []
        not_pdfa: list[Path] = []
        made_from = _made_from(batch.folder)
        for report in batch.reports:
            target = pdf_path(report.path)
            if target.exists():
                # a PDF/A copy was asked for: a plain PDF already there is not one
                right_kind = not self.pdfa or is_pdfa(target)
                if right_kind and not report.changed and is_fresh(target, report.path):
                    self._keep(report, target, result)  # the report is as it was: so is its PDF
                    continue
                if (
                    right_kind
                    and not batch.overwrite
                    and _same_source(made_from, target, report.path)
                ):
                    # made from these very .docx bytes (--pdf-only removed the .docx, and the
                    # re-run wrote it again): the PDF already shows this report
                    self._keep(report, target, result)
                    continue
                if not batch.overwrite:
                    (existing if right_kind else not_pdfa).append(target)
                    continue
            todo.append(report)
        if not_pdfa:
            result.diagnostics.append(
                catalog.make(
                    "output.pdf-not-pdfa",
                    location=Location(file=str(not_pdfa[0].parent)),
                    count=len(not_pdfa),
                    file=not_pdfa[0].name,
                    extra={"files": [str(p) for p in not_pdfa]},
                )
            )
        if existing:
            result.diagnostics.append(
                catalog.make(
                    "output.pdf-exists",
                    location=Location(file=str(existing[0].parent)),
                    count=len(existing),
                    file=existing[0].name,
                    extra={"files": [str(p) for p in existing]},
                )
            )
        sources = [_sha256(r.path) for r in todo]
        try:
            conversions = self.pool.convert(
                [r.path for r in todo], pdfa=self.pdfa, progress=progress
            )
        except LibreOfficeMissing as exc:
            result.diagnostics.append(error_diagnostic(exc))
            return result
        for report, source, conversion in zip(todo, sources, conversions, strict=True):
            if conversion.pdf is None:
                result.diagnostics.append(
                    conversion_diagnostic(conversion, self.pool.timeout, report.unit)
                )
                self.failed.add(report.path)
                continue
            target = pdf_path(report.path)
            try:
                write_atomic(target, conversion.pdf, overwrite=batch.overwrite, durable=False)
            except OutputError as exc:
                result.diagnostics.append(error_diagnostic(exc, report.unit))
                continue
            self.converted[report.path] = conversion.pdf
            result.files.append(
                WrittenFile(
                    target,
                    "pdf",
                    hashlib.sha256(conversion.pdf).hexdigest(),
                    unit=report.unit,
                    source_sha256=source,
                )
            )
            if self.remove_docx:
                report.path.unlink(missing_ok=True)
        if result.files:
            flush_all(batch.folder)  # once for the batch, not a disk flush per file
        return result

    def _keep(self, report: WrittenReport, target: Path, result: WriterResult) -> None:
        try:
            data = target.read_bytes()
        except OSError as exc:
            result.diagnostics.append(
                catalog.make(
                    "os.error",
                    location=Location(file=str(target)),
                    unit=report.unit,
                    action=catalog.text("os.action-read"),
                    reason=exc.strerror or str(exc),
                )
            )
            return
        self.converted[report.path] = data
        self.kept.append(target)
        result.files.append(
            WrittenFile(
                target,
                "pdf",
                hashlib.sha256(data).hexdigest(),
                unit=report.unit,
                source_sha256=_sha256(report.path),
            )
        )
        if self.remove_docx:
            report.path.unlink(missing_ok=True)
