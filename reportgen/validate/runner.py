"""Run every declared check (and the automatic ranges) over the units of a dataset."""

from __future__ import annotations

from collections.abc import Iterable

from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.validate.checks import REGISTRY, Runner, automatic_ranges
from reportgen.validate.findings import SEVERITY_ORDER, Finding


def prepare_checks(config: ReportConfig) -> list[Runner]:
    """Resolve every check of ``config`` once; return the runners in declaration order."""
    runners = [automatic_ranges(config)]
    runners.extend(REGISTRY[c.kind](c, config) for c in config.checks)
    return runners


def data_findings(dataset: Dataset, units: Iterable[Unit] | None = None) -> list[Finding]:
    """Turn the cells that could not be read into findings (check name ``data``)."""
    names = None if units is None else {u.name for u in units}
    out = []
    for issue in dataset.issues:
        if names is not None and issue.unit not in names:
            continue
        found = f' "{issue.text}"' if issue.text is not None else ""
        where = issue.source.describe().split(", ", 1)[-1]
        hint = f" — {issue.hint}" if issue.hint else ""
        out.append(Finding("error", "data", issue.unit, (issue.indicator,), None, issue.text,
                           f"{issue.unit}: ô{found} ({where}): {issue.message}{hint}",
                           (issue.source,)))
    return out


def validate(config: ReportConfig, dataset: Dataset, units: Iterable[Unit] | None = None,
             runners: list[Runner] | None = None) -> list[Finding]:
    """Return all findings for ``units`` (default: every unit and the whole city).

    Findings are ordered by unit (file order, the city last), then by severity, then by the order
    in which the checks are declared.
    """
    selected = list(units) if units is not None else dataset.all_units()
    runners = runners if runners is not None else prepare_checks(config)
    by_unit: dict[str, list[Finding]] = {u.name: [] for u in selected}
    for f in data_findings(dataset, selected):
        by_unit.setdefault(f.unit, []).append(f)
    for unit in selected:
        bucket = by_unit[unit.name]
        for run in runners:
            found = run(unit, dataset)
            if found:
                bucket.extend(found)
    out: list[Finding] = []
    for bucket in by_unit.values():
        bucket.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        out.extend(bucket)
    return out
