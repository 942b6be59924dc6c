"""The manifest of a report folder: what is in it, where it came from, and the runs that made it.

``manifest.json`` lists the inputs (with SHA-256), every report in the folder (unit, file,
status, SHA-256, what the last run did to it: ``new``, ``changed``, ``unchanged`` or
``set-aside``), the extra files (PDF, merged PDF, zip) and a dated history of runs.
Entries of units a run did not touch are kept, so the manifest always describes the folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

HISTORY_KEEP = 50
"""How many runs the history keeps (the newest)."""


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read(path: Path) -> dict[str, Any]:
    """The manifest at ``path``, or an empty one when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def previous_outputs(manifest: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The report entries of a manifest by file name."""
    out: dict[str, dict[str, Any]] = {}
    for entry in manifest.get("outputs", []) or []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            out[entry["file"]] = entry
    return out


def merge_outputs(old: Mapping[str, Any], new: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's entries, followed by the earlier manifest's entries for units this run did
    not touch whose file is still in the folder's listing."""
    units = {o["unit"] for o in new}
    kept = [
        o
        for o in old.get("outputs", []) or []
        if isinstance(o, dict) and o.get("unit") not in units
    ]
    return [*new, *kept]


def merge_files(
    old: Mapping[str, Any], new: Sequence[dict[str, Any]], folder: Path | None = None
) -> list[dict[str, Any]]:
    """Extra files (PDF, zip…): this run's, then the earlier ones with another file name —
    those still in ``folder`` when it is given (a PDF set aside with its report, or removed,
    is no longer listed)."""
    names = {f["file"] for f in new}
    kept = [
        f
        for f in old.get("files", []) or []
        if isinstance(f, dict)
        and isinstance(f.get("file"), str)
        and f["file"] not in names
        and (folder is None or (folder / f["file"]).is_file())
    ]
    return [*new, *kept]


def build(
    *,
    engine: str,
    report: str,
    inputs: Iterable[tuple[str, Path]],
    outputs: Sequence[dict[str, Any]],
    files: Sequence[dict[str, Any]],
    findings: str,
    run: dict[str, Any],
    old: Mapping[str, Any],
    folder: Path | None = None,
) -> dict[str, Any]:
    """The new manifest: inputs hashed now, outputs and files merged with ``old`` (earlier
    files listed only while still in ``folder``), and ``run`` appended to the dated history."""
    history = [h for h in old.get("runs", []) or [] if isinstance(h, dict)]
    history.append(run)
    return {
        "engine": engine,
        "report": report,
        "inputs": [{"file": name, "sha256": sha256_file(p)} for name, p in inputs],
        "outputs": merge_outputs(old, outputs),
        "files": merge_files(old, files, folder),
        "findings": findings,
        "last_run": run,
        "runs": history[-HISTORY_KEEP:],
    }


def dumps(manifest: Mapping[str, Any]) -> str:
    """The manifest as indented UTF-8 JSON text ending with a newline."""
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
