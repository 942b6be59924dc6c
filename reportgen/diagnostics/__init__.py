"""One model for every problem reportgen reports.

- :class:`Diagnostic` and :class:`Location` (:mod:`.model`): code, severity, structured
  location, expected/found, hint;
- the Vietnamese message catalog keyed by code (:mod:`.catalog`, :func:`make`);
- the one did-you-mean (:mod:`.suggest`);
- output formats (:mod:`.formats`): text and the shared JSON shape;
- errors that stop a command (:mod:`.errors`), each convertible to diagnostics.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message, make
from reportgen.diagnostics.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigError,
    DataError,
    ErrorList,
    OutputError,
    ReportgenError,
    TemplateError,
)
from reportgen.diagnostics.model import (
    SEVERITY_ORDER,
    SEVERITY_VI,
    Diagnostic,
    Location,
    Severity,
    count,
    plain,
)
from reportgen.diagnostics.suggest import did_you_mean, suggestions

__all__ = [
    "EXIT_CANNOT_RUN",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "SEVERITY_ORDER",
    "SEVERITY_VI",
    "ConfigError",
    "DataError",
    "Diagnostic",
    "ErrorList",
    "Location",
    "Message",
    "OutputError",
    "ReportgenError",
    "Severity",
    "TemplateError",
    "count",
    "did_you_mean",
    "make",
    "plain",
    "suggestions",
]
