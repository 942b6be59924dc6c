"""Inputs of the application layer: a path on disk, or bytes with the name a person gave them.

A web request hands over an uploaded file as bytes; the command line hands over a path. Both
become an :class:`InputFile`; :meth:`InputFile.stage` puts bytes on disk under a folder the
caller owns (each upload in its own folder), with a safe file name, so that every reader and
every message can name the file the way the clerk knows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportgen.diagnostics.errors import DataError, Location
from reportgen.diagnostics.oserrors import os_reason

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_name(name: str, *, default: str = "tep") -> str:
    """A file name safe to create: the last path component of ``name`` only, NFC, no control
    or path characters, no leading dots, at most 120 characters (the extension kept)."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base:
        return default
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = ext[:10]
    stem = stem[: 120 - len(ext) - 1]
    return f"{stem}.{ext}" if ext else stem


@dataclass(frozen=True)
class InputFile:
    """A file given to the application layer: ``path`` on disk, or ``data`` with ``name``."""

    name: str
    """What to call the file in messages (the upload's file name, or the path as typed)."""
    data: bytes | None = None
    path: Path | None = None

    @classmethod
    def of(cls, source: str | Path | InputFile) -> InputFile:
        """Return ``source`` as an :class:`InputFile` (a path stays a path)."""
        if isinstance(source, InputFile):
            return source
        return cls(name=str(source), path=Path(source))

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> InputFile:
        """An uploaded file: its bytes and the name the person gave it."""
        return cls(name=name, data=data)

    def stage(self, folder: Path) -> Path:
        """Return a path holding this file's content: the path itself, or the bytes written
        to ``folder`` under a safe version of the name (never outside ``folder``)."""
        if self.path is not None:
            return self.path
        assert self.data is not None
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / safe_name(self.name)
        try:
            target.write_bytes(self.data)
        except OSError as exc:
            raise DataError.of(
                "os.error-upload", location=Location(file=self.name), reason=os_reason(exc)
            ) from exc
        return target
