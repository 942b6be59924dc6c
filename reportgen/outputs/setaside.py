"""Setting aside the files of a unit whose figures now fail their checks.

A report written by an earlier run must not stay beside the signed-ready ones once its figures
are known to be wrong: ``x.docx`` becomes ``x.cu.docx`` (``x.cu-2.docx`` … when taken), and its
PDF goes with it under the same number (``x.cu.pdf``). The batch's merged PDF and zip hold that
report too, so they are set aside the same way (``<report>.cu.pdf``, ``<report>.cu.zip``); the
next run with ``--merge-pdf``/``--zip`` writes new ones without it. Nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportgen.diagnostics.errors import Location, OutputError
from reportgen.diagnostics.oserrors import os_reason

__all__ = ["bundles_of", "set_aside", "set_aside_report"]


def bundles_of(folder: Path, report_id: str) -> list[Path]:
    """The files of a batch that hold every report: the merged PDF and the zip (the names
    :func:`reportgen.outputs.merge.merged_path` and :func:`reportgen.outputs.bundle.zip_path`
    give)."""
    return [folder / f"{report_id}.pdf", folder / f"{report_id}.zip"]


def _targets(paths: Sequence[Path], n: int) -> list[Path]:
    tag = "cu" if n == 1 else f"cu-{n}"
    return [p.with_name(f"{p.stem}.{tag}{p.suffix}") for p in paths]


def set_aside(paths: Sequence[Path]) -> list[Path]:
    """Rename those of ``paths`` that exist to ``<stem>.cu<suffix>``, all with the same number
    (the first ``cu``/``cu-N`` none of them has yet); return the new paths."""
    there = [p for p in paths if p.exists()]
    if not there:
        return []
    n = 1
    while any(t.exists() for t in _targets(paths, n)):
        n += 1
    done = []
    for path, target in zip(paths, _targets(paths, n), strict=True):
        if path not in there:
            continue
        try:
            path.rename(target)
        except OSError as exc:
            raise OutputError.of(
                "os.error-set-aside", location=Location(file=str(path)), reason=os_reason(exc)
            ) from exc
        done.append(target)
    return done


def set_aside_report(docx: Path, bundles: Sequence[Path] = ()) -> list[Path]:
    """Set aside the report ``docx`` and its PDF (``--pdf-only`` leaves only the PDF); when
    either was there, also the batch files that hold it (``bundles``: the merged PDF, the zip).
    Return the new paths, the report's first."""
    moved = set_aside([docx, docx.with_suffix(".pdf")])
    if moved:
        for bundle in bundles:
            moved += set_aside([bundle])
    return moved
