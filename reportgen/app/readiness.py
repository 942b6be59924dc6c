"""Everything a render needs besides correct figures, checked without writing anything: the
template prepares and names only what the definition has, every selected unit's header,
signature and texts can be filled (a signer's name column, a name used in a header…), and the
report of one unit of each kind is rendered in memory (every tag of the template fills).

``reportgen check`` runs this too, so that a clean check means the render will go through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportgen.app.renderer import Renderer
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import Diagnostic, Location
from reportgen.templating.probe import TextProbe


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
    built: list[Unit] = []
    probe = TextProbe(config)
    for unit in units:
        try:
            ctx = renderer.contexts.build(unit, draft=False)
        except ReportgenError as exc:
            key = (exc.message, exc.hint)
            groups.setdefault(key, (exc, []))[1].append(unit.name)
            continue
        failures = probe.problems(ctx) if probe.texts else []
        for failure in failures:
            groups.setdefault((failure.message, failure.hint), (failure, []))[1].append(unit.name)
        if not failures:  # a unit whose text already failed is not tried again as a sample
            built.append(unit)
    problems: list[Diagnostic] = _trial_renders(renderer, built)
    by_name = {u.name: u for u in units}
    for error, names in groups.values():
        shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        message = catalog.text(
            "render.cannot-fill", message=error.message, count=len(names), shown=shown
        )
        location, hint = error.location, error.hint
        column = _missing_column(error.message)
        if column is not None:
            message, location, hint = _where_in_data(
                dataset, column, [by_name[n] for n in names], message, location, hint
            )
        problems.append(
            Diagnostic(
                code="render.cannot-fill",
                severity="error",
                message=message,
                location=location,
                hint=hint,
                unit=names[0] if len(names) == 1 else None,
                extra={"units": names},
            )
        )
    return renderer, problems


def _trial_renders(renderer: Renderer, units: Sequence[Unit]) -> list[Diagnostic]:
    """Render, without writing it, the report of one unit of each kind (the whole city, a
    phường, a xã…): a tag of the Word template that cannot be filled (a field that does not
    exist) fails every report of that kind, and is found here rather than in the batch."""
    samples: dict[tuple[bool, str | None], Unit] = {}
    if renderer.template.divides():
        # a tag that divides fails only where its divisor is 0: every report is tried
        samples = {(u.is_total, u.key): u for u in units}
    else:
        for unit in units:
            samples.setdefault((unit.is_total, unit.kind), unit)
    failed: dict[tuple[str, str | None], tuple[Diagnostic, list[str]]] = {}
    for unit in samples.values():
        try:
            renderer.render(unit, draft=False)
        except ReportgenError as exc:
            for d in exc.diagnostics():
                failed.setdefault((d.message, d.hint), (d, []))[1].append(unit.name)
    return [
        replace(
            d,
            code="render.cannot-fill",
            severity="error",
            message=_with_trial(d.message, names),
            unit=names[0] if len(names) == 1 else None,
            extra={**d.extra, "units": names, "template_code": d.code},
        )
        for d, names in failed.values()
    ]


def _with_trial(message: str, units: Sequence[str]) -> str:
    """``message`` saying which reports were tried (after its first line: a template problem
    goes on with the paragraph it is in)."""
    head, sep, rest = message.partition("\n")
    if len(units) == 1:
        return catalog.text("app.tried-unit", head=head, unit=units[0]) + sep + rest
    shown = ", ".join(units[:3]) + (" …" if len(units) > 3 else "")
    return catalog.text("app.tried-units", head=head, count=len(units), shown=shown) + sep + rest


#: a text of the definition reading a data column (``{{ don_vi.cot.chu_tich }}``) that found
#: no value: the template language's own message, its name caught
_MISSING = re.compile(
    r'don_vi\.cot\.(\w+)[^"]*"[^"]*: '
    + re.escape(catalog.text("template.text-missing-value", name="\0")).replace("\0", r"(\w+)")
)


def _missing_column(message: str) -> str | None:
    """The data column a text reads (``{{ don_vi.cot.chu_tich }}``) when that is what was
    missing; None for any other problem."""
    m = _MISSING.search(message)
    return m.group(2) if m is not None and m.group(1) == m.group(2) else None


def _where_in_data(
    dataset: Dataset,
    column: str,
    units: Sequence[Unit],
    message: str,
    location: Location | None,
    hint: str | None,
) -> tuple[str, Location | None, str | None]:
    """Say where in the data file a missing value should be: the column the file lacks, or
    the rows whose cell of that column is empty."""
    tables = [dataset.table, *dataset.tables.values()]
    table = next((t for t in tables if column in t.index), dataset.table)
    filled = any(column in u.attrs for u in dataset.all_units())
    if column not in table.index and not filled:
        from reportgen.data.reader import closest_column

        where = (
            catalog.text("app.file-sheet", file=table.file, sheet=table.sheet)
            if table.sheet
            else table.file
        )
        guess = closest_column(column, list(table.index))
        return (
            catalog.text("app.missing-column", message=message, where=where, column=column),
            Location(file=table.file, sheet=table.sheet, column=column),
            (
                catalog.text("app.missing-column-guess", guess=guess, column=column)
                if guess
                else catalog.hint("app.missing-column", column=column)
            ),
        )
    rows = [u for u in units if u.row is not None]
    listed = ", ".join(
        catalog.text("app.row-of-unit", row=u.row, unit=u.name) for u in rows[:5]
    ) + (" …" if len(rows) > 5 else "")
    first = table.location(rows[0].row, column) if rows else location
    return (
        (
            catalog.text("app.empty-cells", message=message, column=column, rows=listed)
            if rows
            else message
        ),
        first,
        catalog.hint("app.empty-cells", column=column),
    )
