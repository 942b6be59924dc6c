"""Run every declared check (and the automatic ones) over the units of a dataset, then reason
across each unit's findings to name the cells to fix."""

from __future__ import annotations

from collections.abc import Iterable

from reportgen.config.model import Check, ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.data.text import name_key, unit_key
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ConfigError, ErrorList, Location, ReportgenError
from reportgen.diagnostics.suggest import did_you_mean
from reportgen.validate.automatic import Ranges, Uncomputable
from reportgen.validate.base import Prepared
from reportgen.validate.findings import SEVERITY_ORDER, Finding
from reportgen.validate.groups import GroupSums
from reportgen.validate.kinds import registry
from reportgen.validate.reasoning import annotate, explain, explain_groups, group_city

__all__ = ["check_unit_names", "data_findings", "prepare_checks", "validate"]


def prepare_checks(config: ReportConfig) -> list[Prepared]:
    """Resolve every check of ``config`` once; return them in declaration order.

    Besides the declared checks, these always run: the ranges of every indicator, that every
    formula gives a figure, and — when the file has a whole-city row (``data.total_row``) with
    units beside it and no ``city_sum`` check is declared — that row against the sum of the
    units for every summed indicator (a total typed by hand is never printed unchecked). The
    group rows of a workbook (``data.workbook.groups``) are relations for the reasoning only
    (:class:`~reportgen.validate.groups.GroupSums`; the reader reports their mismatches).
    """
    kinds = registry()
    prepared: list[Prepared] = [Ranges(config)]
    prepared.extend(kinds[c.kind].prepare(c, config) for c in config.checks)
    automatic_city_sum = config.data.total_row and not config.data.city_only
    if automatic_city_sum and not any(c.kind == "city_sum" for c in config.checks):
        auto = Check(
            kind="city_sum",
            args={},
            severity="error",
            units=None,
            label=None,
            line=None,
            key=catalog.text("check.automatic-city-sum"),
        )
        prepared.append(kinds["city_sum"].prepare(auto, config))
    prepared.append(GroupSums(config))
    prepared.append(Uncomputable(config))
    return prepared


def check_unit_names(config: ReportConfig, dataset: Dataset) -> None:
    """Raise an :class:`~reportgen.diagnostics.errors.ErrorList` when a check's ``units`` names
    a unit that is not in the data (a check that silently never runs would prove nothing)."""
    keys = {u.key for u in dataset.all_units()}
    names = [u.name for u in dataset.all_units()]
    errors: list[ReportgenError] = []
    for c in config.checks:
        for j, name in enumerate(c.units or ()):
            if name_key(name) in keys:
                continue
            guess = did_you_mean(name, names)
            errors.append(
                ConfigError.of(
                    "check.unknown-unit",
                    location=Location(
                        file=str(config.path), line=c.line, key=f"{c.key}.units[{j}]"
                    ),
                    hint=catalog.text("check.did-you-mean", name=guess) if guess else None,
                    file=dataset.table.file,
                    name=name,
                    names=", ".join(names),
                )
            )
    if errors:
        raise ErrorList(catalog.text("check.file-has-errors", path=config.path), errors)


def data_findings(dataset: Dataset, units: Iterable[Unit] | None = None) -> list[Finding]:
    """Turn the cells that could not be read into findings (code ``data.cell``): each names the
    unit, the file, row and column, and quotes the text of the cell."""
    keys = None if units is None else {u.key for u in units}
    out = []
    for issue in dataset.issues:
        if keys is not None and issue.key not in keys:
            continue
        out.append(
            Finding.of(
                "error",
                "data",
                issue.unit,
                (issue.indicator,),
                None,
                issue.text,
                f"{issue.unit}: {issue.source.describe()}: {issue.message}",
                (issue.source,),
                hint=issue.hint,
            )
        )
    return out


def validate(
    config: ReportConfig,
    dataset: Dataset,
    units: Iterable[Unit] | None = None,
    runners: list[Prepared] | None = None,
    *,
    reason: bool = True,
) -> list[Finding]:
    """Return all findings for ``units`` (default: every unit and the whole city).

    Findings are ordered by unit (file order, the city last), then by severity, then by the order
    in which the checks are declared (cells that could not be read first). With ``reason``, the
    findings of a unit whose figures contradict each other carry the suspected cells and the
    reasoning (:mod:`reportgen.validate.reasoning`).
    """
    check_unit_names(config, dataset)
    selected = list(units) if units is not None else dataset.all_units()
    prepared = runners if runners is not None else prepare_checks(config)
    by_unit: dict[str, list[Finding]] = {u.key: [] for u in selected}
    for f in data_findings(dataset, selected):
        by_unit[unit_key(f.unit or "")].append(f)
    order: list[str] | None = None
    for unit in selected:
        bucket = by_unit[unit.key]
        found: list[Finding] = []
        for run in prepared:
            got = run(unit, dataset)
            if got:
                found.extend(got)
        if reason and found:
            if order is None:
                order = config.indicator_order()
            explanation = explain(config, dataset, unit, prepared, found, order)
            if explanation is not None:
                found = annotate(explanation, found)
        bucket.extend(found)
    out: list[Finding] = []
    for bucket in by_unit.values():
        bucket.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        out.extend(bucket)
    if reason and (dataset.total_from_file or dataset.groups) and dataset.units:
        out = group_city(out, dataset, config)
    if reason and dataset.groups:
        out = explain_groups(config, dataset, prepared, out, order or config.indicator_order())
    return out
