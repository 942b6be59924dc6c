"""The docx template engine: prepare a Word template once, render thousands of reports fast.

:class:`PreparedTemplate` does all the work that does not depend on the data once — reading
the package, repairing tags that Word split across runs, turning docxtpl-style ``{%p %}`` /
``{%tr %}`` tags into plain Jinja, compiling one Jinja template per part and precomputing the
ZIP records of untouched entries — and then renders one document per call with nothing but
Jinja and a small deterministic ZIP writer. :func:`render_plain` does the same in one call,
and :func:`write_atomic` writes a report without ever leaving half a file.
"""

from __future__ import annotations

from reportgen.render.engine.atomic import flush_all, write_atomic
from reportgen.render.engine.coreprops import CoreProperties
from reportgen.render.engine.problems import Severity, TemplateProblem, TemplateProblemsError
from reportgen.render.engine.template import PreparedTemplate, render_plain

__all__ = [
    "CoreProperties",
    "PreparedTemplate",
    "Severity",
    "TemplateProblem",
    "TemplateProblemsError",
    "flush_all",
    "render_plain",
    "write_atomic",
]
