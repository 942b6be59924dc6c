"""Everything a render needs besides correct figures, checked without writing anything: the
template prepares and names only what the definition has, and every selected unit's header,
signature and texts can be filled (a signer's name column, a name used in a header…).

``reportgen check`` runs this too, so that a clean check means the render will go through.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.app.renderer import Renderer
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Diagnostic


def readiness(
    config: ReportConfig, dataset: Dataset, units: Sequence[Unit]
) -> tuple[Renderer | None, list[Diagnostic]]:
    """Prepare the renderer and build each unit's context; return the renderer (None when the
    template cannot be prepared) and the problems, one per distinct problem with the units it
    concerns (``extra["units"]``)."""
    try:
        renderer = Renderer(config, dataset)
    except ReportgenError as exc:
        return None, exc.diagnostics()
    groups: dict[tuple[str, str | None], tuple[ReportgenError, list[str]]] = {}
    for unit in units:
        try:
            renderer.contexts.build(unit, draft=False)
        except ReportgenError as exc:
            key = (exc.message, exc.hint)
            groups.setdefault(key, (exc, []))[1].append(unit.name)
    problems: list[Diagnostic] = []
    for error, names in groups.values():
        shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        problems.append(
            Diagnostic(
                code="render.cannot-fill",
                severity="error",
                message=f"{error.message} ({len(names)} đơn vị: {shown})",
                location=error.location,
                hint=error.hint,
                unit=names[0] if len(names) == 1 else None,
                extra={"units": names},
            )
        )
    return renderer, problems
