"""The document properties (``docProps/core.xml``) written into every rendered report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape as xml_escape

from lxml import etree

from reportgen.docx.ooxml import strip_illegal_xml

__all__ = ["CoreProperties", "CoreTemplate"]

NS_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_DCTERMS = "http://purl.org/dc/terms/"
NS_DCMITYPE = "http://purl.org/dc/dcmitype/"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NSMAP = {"cp": NS_CP, "dc": NS_DC, "dcterms": NS_DCTERMS, "dcmitype": NS_DCMITYPE, "xsi": NS_XSI}
_MANAGED = {
    f"{{{NS_DC}}}title",
    f"{{{NS_DC}}}subject",
    f"{{{NS_DC}}}creator",
    f"{{{NS_CP}}}lastModifiedBy",
    f"{{{NS_CP}}}revision",
    f"{{{NS_DCTERMS}}}created",
    f"{{{NS_DCTERMS}}}modified",
    f"{{{NS_CP}}}lastPrinted",
}
_SLOT = "\ue000"


@dataclass(frozen=True)
class CoreProperties:
    """Title, subject, author and dates written into ``docProps/core.xml`` of a report.

    They replace the template's values, so that a report does not carry the template author's
    name or the time it was generated at unless asked, and the same inputs give the same file.
    A ``None`` text removes the property. ``cp:lastModifiedBy`` is set to ``creator`` and
    ``cp:revision`` to ``1``; ``cp:lastPrinted`` is removed. Naive datetimes are taken as UTC.
    """

    title: str | None
    subject: str | None
    creator: str | None
    created: datetime
    modified: datetime


def _w3cdtf(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class CoreTemplate:
    """``docProps/core.xml`` of a template with the managed properties cut out, ready to have
    a :class:`CoreProperties` filled in per document."""

    def __init__(self, xml: bytes) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(xml, parser)
        nsmap = {k: v for k, v in root.nsmap.items() if k is not None}
        nsmap.update(_NSMAP)
        new_root = etree.Element(root.tag, nsmap=nsmap)
        for child in root:
            if child.tag not in _MANAGED:
                new_root.append(child)
        new_root.text = _SLOT
        text = etree.tostring(new_root, encoding="unicode")
        head, _, tail = text.partition(_SLOT)
        self._head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + head
        self._tail = tail

    def render(self, props: CoreProperties) -> bytes:
        """Return the complete ``core.xml`` for ``props``."""
        bits: list[str] = []
        if props.title is not None:
            bits.append(f"<dc:title>{xml_escape(_clean(props.title))}</dc:title>")
        if props.subject is not None:
            bits.append(f"<dc:subject>{xml_escape(_clean(props.subject))}</dc:subject>")
        if props.creator is not None:
            creator = xml_escape(_clean(props.creator))
            bits.append(f"<dc:creator>{creator}</dc:creator>")
            bits.append(f"<cp:lastModifiedBy>{creator}</cp:lastModifiedBy>")
        bits.append("<cp:revision>1</cp:revision>")
        bits.append(
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{_w3cdtf(props.created)}</dcterms:created>'
        )
        bits.append(
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_w3cdtf(props.modified)}'
            "</dcterms:modified>"
        )
        return (self._head + "".join(bits) + self._tail).encode("utf-8")


def _clean(text: str) -> str:
    """Drop characters XML cannot hold."""
    return strip_illegal_xml(text)
