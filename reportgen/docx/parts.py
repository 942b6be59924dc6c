"""Which parts of a Word package are the document, its headers, footers and notes — found by
the package's relationships, as Word finds them, not by their file names.

Word names them ``word/document.xml``, ``word/header1.xml`` …, but other programs may not
(``word/document2.xml``, ``word/dau-trang.xml``); a part the relationships point to is the
document's whatever its name. Names that follow Word's pattern count too, so a package whose
relationships are missing or damaged is read as before.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from lxml import etree

__all__ = ["MAIN_DEFAULT", "TEMPLATED_KINDS", "document_parts"]

MAIN_DEFAULT = "word/document.xml"
"""The main document's name when the relationships do not say."""

#: relationship types (their last path segment) of the parts that may hold tags
TEMPLATED_KINDS = frozenset({"header", "footer", "footnotes", "endnotes"})

_NAMED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _relationships(xml: bytes | None) -> list[tuple[str, str]]:
    """(type's last segment, target) of every internal relationship in a .rels part."""
    if not xml:
        return []
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    out = []
    for rel in root.iter(_REL):
        if rel.get("TargetMode") == "External":
            continue
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        if kind and target:
            out.append((kind.rstrip("/").rsplit("/", 1)[-1], target))
    return out


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, target))


def document_parts(parts: Mapping[str, bytes | None]) -> tuple[str, frozenset[str]]:
    """The main document's part name and the names of every part that may hold tags (the
    document, its headers, footers, footnotes and endnotes), given the package's part names
    mapped to the bytes of its ``.rels`` parts (other values are not read)."""
    main = MAIN_DEFAULT
    for kind, target in _relationships(parts.get("_rels/.rels")):
        if kind == "officeDocument" and _resolve("", target) in parts:
            main = _resolve("", target)
            break
    base_dir, base_name = posixpath.split(main)
    rels = parts.get(posixpath.join(base_dir, "_rels", base_name + ".rels"))
    found = {
        _resolve(base_dir, target)
        for kind, target in _relationships(rels)
        if kind in TEMPLATED_KINDS
    }
    named = {n for n in parts if _NAMED.match(n)}
    return main, frozenset({main, *(n for n in found if n in parts), *named})
