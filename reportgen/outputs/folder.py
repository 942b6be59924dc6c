"""A batch read back from disk: one .docx, or a folder of reports written by ``reportgen render``
(its manifest, when there, gives the unit names and their order)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, OutputError
from reportgen.outputs.writers import WrittenBatch, WrittenFile, WrittenReport

__all__ = ["batch_from_path", "record_files"]

MANIFEST = "manifest.json"
SIDE_FILES = ("kiem-tra.txt", "kiem-tra.json", MANIFEST)
# The whole-city (province, district) report, when the manifest does not say which it is.
_TOTAL_PREFIXES = ("thành phố", "tỉnh", "huyện", "quận", "thị xã")
_SET_ASIDE = re.compile(r"\.cu(-\d+)?\.docx$", re.IGNORECASE)


def _error(code: str, path: Path, **params: Any) -> OutputError:
    d = catalog.make(code, location=Location(file=str(path)), **params)
    return OutputError(d.message, location=d.location, hint=d.hint, code=code)


def _is_report(path: Path) -> bool:
    """A report to convert: not a Word lock file, not hidden, not a report set aside because
    its figures are now known to be wrong (``x.cu.docx``)."""
    name = path.name
    return (
        path.suffix.lower() == ".docx"
        and not name.startswith(("~$", "."))
        and not _SET_ASIDE.search(name)
    )


def _manifest_units(folder: Path) -> tuple[str | None, dict[str, dict[str, Any]]]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    if not isinstance(data, dict):
        return None, {}
    units: dict[str, dict[str, Any]] = {}
    for entry in data.get("outputs") or []:
        if (
            isinstance(entry, dict)
            and entry.get("file")
            and entry.get("status")
            in (
                "rendered",
                "draft",
            )
        ):
            units.setdefault(str(entry["file"]), entry)
    report = data.get("report")
    return (str(report) if report else None), units


def batch_from_path(path: Path, *, overwrite: bool = False) -> WrittenBatch:
    """The batch of one .docx file, or of every report in a folder (not its subfolders).

    Unit names and order come from the folder's manifest; files it does not list follow by
    name, named after their file. The reports count as unchanged unless ``overwrite``: a PDF
    already beside its .docx, and newer, is then kept rather than refused. Raises :class:`OutputError` when there is nothing to convert.
    """
    path = Path(path)
    if path.is_file():
        if path.suffix.lower() != ".docx":
            raise _error(
                "output.not-docx", path, suffix=path.suffix or catalog.text("output.no-suffix")
            )
        folder, files = path.parent, [path]
    elif path.is_dir():
        folder = path
        files = sorted(p for p in path.iterdir() if p.is_file() and _is_report(p))
    else:
        raise OutputError.of("output.not-found", location=Location(file=str(path)))
    if not files:
        raise _error("output.no-docx", folder)
    report_id, units = _manifest_units(folder)
    listed = list(units)
    position = {name: i for i, name in enumerate(listed)}
    files.sort(key=lambda p: (position.get(p.name, len(listed)), p.name))
    reports = []
    for order, file in enumerate(files):
        entry = units.get(file.name, {})
        unit = str(entry.get("unit") or file.stem)
        total = entry.get("is_total")
        if not isinstance(total, bool):
            total = unit.casefold().startswith(_TOTAL_PREFIXES)
        status = str(entry.get("status") or "rendered")
        # nothing here rewrites the .docx: a PDF as new as its .docx may stay, unless the
        # caller asks to make everything again (overwrite)
        reports.append(WrittenReport(unit, file, total, status, order, changed=overwrite))
    side = [folder / name for name in SIDE_FILES if (folder / name).is_file()]
    return WrittenBatch(
        folder=folder,
        report_id=report_id or folder.resolve().name,
        reports=reports,
        side_files=side,
        overwrite=overwrite,
    )


def record_files(folder: Path, files: Sequence[WrittenFile]) -> bool:
    """List ``files`` (PDFs, merged PDF, zip) with their SHA-256 in the folder's manifest, when
    the folder has one (a folder written by ``reportgen render``); return whether it did."""
    from reportgen.outputs import manifest as manifests
    from reportgen.outputs.atomic import write_atomic

    path = folder / MANIFEST
    old = manifests.read(path)
    if not old or not files:
        return False
    entries = []
    for f in files:
        try:
            name = f.path.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            continue
        entries.append(
            {
                "file": name,
                "kind": f.kind,
                "sha256": f.sha256,
                **({"unit": f.unit} if f.unit else {}),
                **({"source_sha256": f.source_sha256} if f.source_sha256 else {}),
            }
        )
    updated = {**old, "files": manifests.merge_files(old, entries, folder)}
    write_atomic(path, manifests.dumps(updated).encode("utf-8"), overwrite=True)
    return True
