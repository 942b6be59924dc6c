"""Making the template package a plain Word document before anything is rendered from it.

A template saved as a Word *template* (.dotx, .dotm) or as a macro-enabled document (.docm)
declares its main part with another content type; a report produced from it keeps that type
and Word refuses to open a ``.docx`` whose main part says "template" or "macro-enabled". So,
once per template:

* the main part's content type becomes the document type
  (``…wordprocessingml.document.main+xml``), noted as an ``info`` problem;
* macros are dropped — the VBA project (``vbaProject.bin``, ``vbaData.xml`` and their
  relationships), with the key-map and toolbar customisations that belong to it — and their
  relationships and content types removed, noted as a ``warning`` problem (a report never
  carries code).

and the extended properties (``docProps/app.xml``) stop speaking of the program that saved the
template: the application becomes ``reportgen`` and the statistics of the template (pages,
words, characters, lines, paragraphs, editing time) are dropped — a report has other counts,
which the program that opens it works out. Company, manager and the rest stay.

Everything else is copied as it is.
"""

from __future__ import annotations

import posixpath
import zlib
from typing import Any

from lxml import etree

from reportgen.diagnostics import catalog
from reportgen.docx.problems import TemplateProblem
from reportgen.docx.zipio import DEFLATED, RawEntry, deflate

__all__ = ["APPLICATION", "DOCUMENT_MAIN", "neutral_app_xml", "normalise_package", "replaced_entry"]

DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
"""The content type of a Word document's main part (what a .docx must declare)."""

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": ".dotx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": ".docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": ".dotm",
}
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_BASE = "http://schemas.microsoft.com/office/2006/relationships/"
#: relationship types of the VBA project and of what only macros use
_MACRO_RELS = {
    _REL_BASE + "vbaProject",
    _REL_BASE + "keyMapCustomizations",
    _REL_BASE + "attachedToolbars",
    "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
}
_MACRO_TYPES = {
    "application/vnd.ms-office.vbaProject",
    "application/vnd.ms-word.vbaData+xml",
    "application/vnd.ms-word.keyMapCustomizations+xml",
    "application/vnd.ms-word.attachedToolbars",
}
_CONTENT_TYPES = "[Content_Types].xml"
_APP = "docProps/app.xml"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#: what the saving program counted or was (stale in every report made from the template)
_STALE_APP = (
    "Pages",
    "Words",
    "Characters",
    "CharactersWithSpaces",
    "Lines",
    "Paragraphs",
    "TotalTime",
    "AppVersion",
)
APPLICATION = "reportgen"
_MAIN = "word/document.xml"
_MAIN_RELS = "word/_rels/document.xml.rels"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def replaced_entry(old: RawEntry, data: bytes) -> RawEntry:
    """An entry like ``old`` (same name) holding ``data`` instead, deflated."""
    return RawEntry(
        name=old.name,
        name_bytes=old.name_bytes,
        flags=old.flags & 0x0800,
        method=DEFLATED,
        crc=zlib.crc32(data),
        compressed=deflate(data),
        size=len(data),
    )


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _problem(key: str, **params: Any) -> TemplateProblem:
    d = catalog.make(key, **params)
    return TemplateProblem(
        part=_CONTENT_TYPES,
        where=catalog.text("template.where-package"),
        paragraph=0,
        text="",
        message=d.message,
        severity="info" if d.severity == "info" else "warning",
        repaired=True,
        code=d.code.removeprefix("template."),
        hint=d.hint or "",
    )


def normalise_package(entries: list[RawEntry]) -> tuple[list[RawEntry], list[TemplateProblem]]:
    """Return the package's entries with the main part declared as a document and macros
    removed, and a problem for each change made (none for a plain .docx, which is returned
    as it is)."""
    entries = _neutral_app(entries)
    by_name = {e.name: i for i, e in enumerate(entries)}
    if _CONTENT_TYPES not in by_name:
        return entries, []
    raw_types = entries[by_name[_CONTENT_TYPES]].data()
    try:
        types = etree.fromstring(raw_types, _PARSER)
    except etree.XMLSyntaxError:
        return entries, []
    overrides = {
        (el.get("PartName") or "").lstrip("/"): el for el in types.iter(f"{{{_CT}}}Override")
    }
    problems: list[TemplateProblem] = []
    main = overrides.get(_MAIN)
    kind = _MAIN_TYPES.get(main.get("ContentType") or "") if main is not None else None
    if main is not None and kind is not None:
        main.set("ContentType", DOCUMENT_MAIN)
        problems.append(_problem("template.converted-package-kind", kind=kind))
    dropped = _macro_parts(entries, by_name, overrides)
    replaced: dict[str, bytes] = {}
    if dropped:
        for part in dropped:
            el = overrides.get(part)
            if el is not None:
                types.remove(el)
        left = {e.name for e in entries if e.name not in dropped}
        for default in list(types.iter(f"{{{_CT}}}Default")):
            ext = (default.get("Extension") or "").lower()
            if default.get("ContentType") in _MACRO_TYPES and not any(
                n.lower().endswith("." + ext) for n in left
            ):
                types.remove(default)
        rels = (
            _without_macro_rels(entries[by_name[_MAIN_RELS]].data())
            if _MAIN_RELS in by_name
            else None
        )
        if rels is not None:
            replaced[_MAIN_RELS] = rels
        problems.append(_problem("template.dropped-macros-vba"))
    if not problems:
        return entries, []
    replaced[_CONTENT_TYPES] = _xml(types)
    out = [
        replaced_entry(e, replaced[e.name]) if e.name in replaced else e
        for e in entries
        if e.name not in dropped
    ]
    return out, problems


def neutral_app_xml(xml: bytes) -> bytes | None:
    """``docProps/app.xml`` without the saving program's statistics and with ``reportgen``
    as the application, or None when it needs no change (or cannot be read)."""
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError:
        return None
    changed = False
    for name in _STALE_APP:
        for el in root.findall(f"{{{_EP}}}{name}"):
            root.remove(el)
            changed = True
    app = root.find(f"{{{_EP}}}Application")
    if app is not None and app.text != APPLICATION:
        app.text = APPLICATION
        changed = True
    return _xml(root) if changed else None


def _neutral_app(entries: list[RawEntry]) -> list[RawEntry]:
    out = list(entries)
    for i, e in enumerate(entries):
        if e.name == _APP:
            data = neutral_app_xml(e.data())
            if data is not None:
                out[i] = replaced_entry(e, data)
    return out


def _macro_parts(
    entries: list[RawEntry], by_name: dict[str, int], overrides: dict[str, etree._Element]
) -> set[str]:
    """The names of the parts that hold macros or what only macros use."""
    out: set[str] = set()
    if _MAIN_RELS in by_name:
        try:
            rels = etree.fromstring(entries[by_name[_MAIN_RELS]].data(), _PARSER)
        except etree.XMLSyntaxError:
            rels = None
        if rels is not None:
            for rel in rels.iter(f"{{{_RELS}}}Relationship"):
                if rel.get("Type") in _MACRO_RELS and rel.get("TargetMode") != "External":
                    target = posixpath.normpath(posixpath.join("word", rel.get("Target") or ""))
                    out.add(target.lstrip("/"))
    for name, el in overrides.items():
        if el.get("ContentType") in _MACRO_TYPES:
            out.add(name)
    for name in by_name:
        if posixpath.basename(name).lower() == "vbaproject.bin":
            out.add(name)
    for name in list(out):
        folder, base = posixpath.split(name)
        out.add(posixpath.join(folder, "_rels", base + ".rels"))
    return {name for name in out if name in by_name}


def _without_macro_rels(xml: bytes) -> bytes | None:
    try:
        rels = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError:
        return None
    gone = [r for r in rels.iter(f"{{{_RELS}}}Relationship") if r.get("Type") in _MACRO_RELS]
    for rel in gone:
        parent = rel.getparent()
        if parent is not None:
            parent.remove(rel)
    return _xml(rels) if gone else None
