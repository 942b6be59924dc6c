"""The report definition schema, read from the options declared on the typed model.

Every option is declared once, on the field of :mod:`reportgen.config.model` that keeps it;
this module only assembles the top-level object and lists the objects for the reference page.
docs/config-reference.md is generated from it (``python scripts/gen_config_docs.py``); a test
(tests/config/test_config_docs.py) fails when the page is out of step.
"""

from __future__ import annotations

from reportgen.config.fieldtypes import ACKNOWLEDGEMENT, LINT
from reportgen.config.model import (
    APPENDIX,
    DATA,
    INDICATOR,
    ISSUER,
    LEGAL_BASIS,
    LEVEL,
    PARAGRAPH,
    PREVIOUS,
    SECTION,
    SIGNER,
    TABLE,
    VILLAGES,
    WORKBOOK,
    ReportConfig,
)
from reportgen.config.schema import Field, Obj, Spec, object_of

REPORT = object_of(ReportConfig, name="report", doc="Thông tin chung của văn bản.", group="report")

ROOT = Obj(
    name="(gốc)",
    doc="Tệp định nghĩa báo cáo.",
    fields={
        "report": Field(REPORT, REPORT.doc, required=True),
        **object_of(ReportConfig, name="", doc="").fields,
        "lint": Field(LINT, LINT.doc),
    },
)


def all_specs() -> list[tuple[str, Spec]]:
    """Every documented object spec, in reference-page order."""
    return [
        ("report", REPORT),
        ("issuer / unit_issuer", ISSUER),
        ("signer / unit_signer", SIGNER),
        ("legal_bases[]", LEGAL_BASIS),
        ("sections[]", SECTION),
        ("sections[].paragraphs[]", PARAGRAPH.full),
        ("sections[].table", TABLE),
        ("appendices[]", APPENDIX),
        ("data", DATA),
        ("data.previous", PREVIOUS),
        ("data.workbook", WORKBOOK),
        ("data.villages", VILLAGES),
        ("indicators.<mã>", INDICATOR),
        ("lint", LINT),
        ("lint.acknowledge[]", ACKNOWLEDGEMENT),
        ("indicators.<mã>.levels[]", LEVEL),
    ]
