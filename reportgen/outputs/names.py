"""File names of the reports: the unit's name written without accents, short enough for every
file system, and unique in the batch."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

MAX_STEM_BYTES = 100
"""Longest file-name stem written (file systems allow 255 bytes per name; the suffixes
``.cu-N.docx``, ``.pdf`` and the temporary-file prefix and suffix need the rest)."""


def short_stem(slug: str, limit: int = MAX_STEM_BYTES) -> str:
    """``slug`` when it fits in ``limit`` bytes; otherwise its beginning cut at a hyphen and
    followed by eight hex digits of its SHA-256, so that two long names that share a beginning
    still get different files."""
    if len(slug.encode("utf-8")) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
    head = slug.encode("utf-8")[: limit - 9].decode("utf-8", "ignore")
    if "-" in head[len(head) // 2 :]:
        head = head.rsplit("-", 1)[0]
    return f"{head.rstrip('-')}-{digest}"


def unique_stems(slugs: Iterable[str]) -> list[str]:
    """The file-name stems of ``slugs`` in order: shortened, and made unique by ``-2``,
    ``-3`` … where two units would otherwise share a file."""
    seen: set[str] = set()
    out: list[str] = []
    for slug in slugs:
        stem = short_stem(slug or "don-vi")
        candidate, n = stem, 2
        while candidate in seen:
            candidate = f"{stem}-{n}"
            n += 1
        seen.add(candidate)
        out.append(candidate)
    return out
