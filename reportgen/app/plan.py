"""Planning a batch: which reports to render, which to hold back, and how each is written —
typed data, decided before anything is written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog
from reportgen.outputs.names import unique_stems
from reportgen.validate.findings import Finding
from reportgen.validate.report import independent_errors

Action = Literal["render", "draft", "skip"]
"""``render`` a signed-ready report; ``draft`` one marked DỰ THẢO (figures wrong, ``--force``);
``skip`` a unit whose figures are wrong (its earlier report is set aside)."""

Policy = Literal["new", "overwrite", "changed"]
"""How existing reports are treated: ``new`` never replaces one (a report that would come out
the same is left as it is; one that would differ stops the batch before anything is
written), ``overwrite`` replaces every one, ``changed`` replaces only those whose content
changed."""


@dataclass(frozen=True)
class PlanItem:
    """One report of the batch."""

    unit: Unit
    action: Action
    path: Path
    order: int
    reason: str | None = None
    exists: bool = False
    """True when a report of this unit is already in the folder."""


@dataclass
class BatchPlan:
    """What a batch will do, decided before anything is written."""

    config: ReportConfig
    dataset: Dataset
    findings: list[Finding]
    folder: Path
    items: list[PlanItem]
    policy: Policy
    previous_manifest: Mapping[str, Any] = field(default_factory=dict)

    @property
    def to_render(self) -> list[PlanItem]:
        """The items rendered (signed-ready or draft)."""
        return [i for i in self.items if i.action != "skip"]

    @property
    def skipped(self) -> list[PlanItem]:
        """The items held back."""
        return [i for i in self.items if i.action == "skip"]


def with_dependencies(dataset: Dataset, selected: Sequence[Unit]) -> list[Unit]:
    """The units whose figures the selected reports show: the city report shows every unit
    (its tables, its sums), so selecting it selects them all."""
    if any(u.is_total for u in selected):
        return dataset.all_units()
    return list(selected)


def failing_units(dataset: Dataset, findings: Sequence[Finding]) -> dict[str, str]:
    """Units whose report must not be signed, with the reason: their own error findings, and
    for the city report any unit's (it prints them all)."""
    by_unit: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity == "error":
            by_unit.setdefault(f.unit, []).append(f)
    # Counted as `check` counts them: the checks one mistyped cell puts out are one mistake.
    errors = {name: independent_errors(found) for name, found in by_unit.items()}
    out = {name: catalog.text("app.unit-errors", count=n) for name, n in errors.items()}
    wrong_units = [u.name for u in dataset.units if u.name in errors]
    if wrong_units and dataset.total.name not in out:
        shown = ", ".join(wrong_units[:3]) + (" …" if len(wrong_units) > 3 else "")
        out[dataset.total.name] = catalog.text(
            "app.total-prints-wrong", count=len(wrong_units), shown=shown
        )
    return out


def report_paths(dataset: Dataset, folder: Path) -> dict[str, Path]:
    """The report file of every unit by unit key: the name without accents, shortened to fit
    every file system and unique in the batch."""
    units = dataset.all_units()
    stems = unique_stems(u.slug for u in units)
    return {u.key: folder / f"{stem}.docx" for u, stem in zip(units, stems, strict=True)}


def plan_batch(
    config: ReportConfig,
    dataset: Dataset,
    findings: list[Finding],
    selected: Sequence[Unit],
    folder: Path,
    *,
    force: bool = False,
    policy: Policy = "new",
    previous_manifest: Mapping[str, Any] | None = None,
) -> BatchPlan:
    """Decide, for each selected unit, whether its report is rendered, rendered as a draft or
    held back, and where it goes. Reads nothing but whether each report file exists."""
    failing = failing_units(dataset, findings)
    paths = report_paths(dataset, folder)
    items: list[PlanItem] = []
    for order, unit in enumerate(selected):
        path = paths[unit.key]
        exists = path.exists()
        if unit.name in failing and not force:
            reason = failing[unit.name] + "; " + catalog.text("app.use-force")
            items.append(PlanItem(unit, "skip", path, order, reason, exists))
        else:
            action: Action = "draft" if unit.name in failing else "render"
            items.append(PlanItem(unit, action, path, order, None, exists))
    return BatchPlan(
        config, dataset, findings, folder, items, policy, dict(previous_manifest or {})
    )
