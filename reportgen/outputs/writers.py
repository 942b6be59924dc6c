"""Output writers: what a batch writes beside its .docx reports.

The application layer renders every selected report to .docx (atomically, never overwriting
without leave), then hands the written batch to each :class:`BatchWriter` it was given — PDF
conversion, one merged PDF to print, a zip to hand over. A writer returns the files it wrote;
they are listed with their SHA-256 in the manifest. A new output kind is one new module with
one writer class and its test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reportgen.diagnostics.model import Diagnostic


@dataclass(frozen=True)
class WrittenReport:
    """One report of the batch as it stands on disk after the .docx step."""

    unit: str
    path: Path
    """The .docx file."""
    is_total: bool
    """True for the whole-city (province, district) report."""
    status: str
    """``rendered`` or ``draft`` (skipped and failed units are not handed to writers)."""
    order: int
    """Position in unit order (the city first), for writers that combine reports."""
    changed: bool = True
    """False when this run left the report as it was (``--changed``, or a re-run that would
    write the same bytes): a writer may then keep its own earlier output of it."""


@dataclass(frozen=True)
class WrittenFile:
    """A file a writer produced."""

    path: Path
    kind: str
    """``pdf``, ``pdf-merged``, ``zip`` …"""
    sha256: str
    unit: str | None = None
    source_sha256: str | None = None
    """For a report's PDF: the SHA-256 of the .docx it was made from (the manifest keeps it,
    so that a later run knows the PDF still shows that report even when the .docx is gone)."""


@dataclass
class WrittenBatch:
    """What a batch wrote, for the writers: its folder, its reports, and the side files."""

    folder: Path
    report_id: str
    reports: list[WrittenReport]
    side_files: list[Path] = field(default_factory=list)
    """Findings (kiem-tra.txt/.json) and the manifest, for writers that pack everything."""
    overwrite: bool = False


@dataclass
class WriterResult:
    """The files a writer wrote and the problems it met (a unit whose PDF failed…)."""

    files: list[WrittenFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class BatchWriter(Protocol):
    """Writes extra outputs from a written batch."""

    name: str
    """Short name used in messages and the manifest (``pdf``, ``zip``…)."""

    def write(
        self, batch: WrittenBatch, progress: Callable[[int, int], None] | None = None
    ) -> WriterResult:
        """Write this writer's files for ``batch`` and return them."""
        ...


def in_unit_order(reports: Sequence[WrittenReport]) -> list[WrittenReport]:
    """The reports with the whole-city report first, then the units in their order."""
    return sorted(reports, key=lambda r: (not r.is_total, r.order))
