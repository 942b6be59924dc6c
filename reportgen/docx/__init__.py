"""The docx template engine: prepare a Word template once, render thousands of reports fast.

:class:`PreparedTemplate` does all the work that does not depend on the data once — reading
the package, repairing tags that Word split across runs, turning docxtpl-style ``{%p %}`` /
``{%tr %}`` tags into plain Jinja, compiling one Jinja template per part and precomputing the
ZIP records of untouched entries — and then renders one document per call with nothing but
Jinja and a small deterministic ZIP writer. :func:`render_plain` does the same in one call.
:func:`analyse` looks at a template without rendering it: every tag with its place and every
syntax error at once (for ``reportgen lint`` and ``reportgen vars``).
"""

from __future__ import annotations

from reportgen.docx.analysis import (
    PartAnalysis,
    TagSite,
    TemplateAnalysis,
    analyse,
    analyse_file,
)
from reportgen.docx.coreprops import CoreProperties
from reportgen.docx.problems import Severity, TemplateProblem, TemplateProblemsError
from reportgen.docx.template import PreparedTemplate, render_plain

__all__ = [
    "CoreProperties",
    "PartAnalysis",
    "PreparedTemplate",
    "Severity",
    "TagSite",
    "TemplateAnalysis",
    "TemplateProblem",
    "TemplateProblemsError",
    "analyse",
    "analyse_file",
    "render_plain",
]
