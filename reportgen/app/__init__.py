"""The application layer: the one public Python API the command line and the web page call.

- :func:`check` — load a report definition and its data (paths or uploaded bytes) and validate;
- :func:`render` — validate, plan, render every report through an executor, write the outputs
  (.docx, then any :class:`~reportgen.outputs.writers.BatchWriter`: PDF, zip…), the findings
  and the manifest;
- :func:`plan_batch` and :class:`BatchPlan` — what a batch will do, as typed data;
- :class:`InProcessExecutor` and :class:`ProcessPool` — where the render jobs run;
- :class:`InputFile` — a path, or bytes with the name a person gave them.
"""

from __future__ import annotations

from reportgen.app.executor import Executor, InProcessExecutor, ProcessPool
from reportgen.app.inputs import InputFile, safe_name
from reportgen.app.pipeline import (
    CheckResult,
    Output,
    RenderResult,
    check,
    load,
    render,
    select_units,
)
from reportgen.app.plan import BatchPlan, PlanItem, plan_batch

__all__ = [
    "BatchPlan",
    "CheckResult",
    "Executor",
    "InProcessExecutor",
    "InputFile",
    "Output",
    "PlanItem",
    "ProcessPool",
    "RenderResult",
    "check",
    "load",
    "plan_batch",
    "render",
    "safe_name",
    "select_units",
]
