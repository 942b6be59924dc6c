"""The order of steps, nothing else: load → read → compute → validate → plan → render → write.

The command line and the web page call these functions; so can any Python program. Nothing
here prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reportgen import __version__
from reportgen.app.executor import Executor, Job, JobResult, WriteMode, choose
from reportgen.app.inputs import InputFile
from reportgen.app.plan import BatchPlan, PlanItem, Policy, plan_batch, with_dependencies
from reportgen.app.readiness import readiness
from reportgen.app.renderer import Renderer
from reportgen.config.loader import load_config
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit, load_dataset
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DataError, ErrorList, Location, OutputError, ReportgenError
from reportgen.diagnostics.model import Diagnostic
from reportgen.diagnostics.oserrors import os_reason
from reportgen.diagnostics.suggest import did_you_mean
from reportgen.outputs import manifest as manifests
from reportgen.outputs.atomic import flush_all, flushing, write_atomic
from reportgen.outputs.lock import folder_lock
from reportgen.outputs.setaside import bundles_of, set_aside_report
from reportgen.outputs.writers import BatchWriter, WrittenBatch, WrittenFile, WrittenReport
from reportgen.validate.findings import Finding, FindingSummary
from reportgen.validate.report import format_json, format_table
from reportgen.validate.runner import validate

Source = str | Path | InputFile
"""A file given to the application layer: a path, or an :class:`InputFile` (bytes + name)."""


@dataclass
class CheckResult:
    """A loaded report with its data and every finding."""

    config: ReportConfig
    dataset: Dataset
    findings: list[Finding]
    problems: list[Diagnostic] = field(default_factory=list)
    """What would stop the render besides the figures (template, signers, header names)."""

    @property
    def summary(self) -> FindingSummary:
        """Counts of the findings."""
        return FindingSummary.of(self.findings)


def _path(source: Source | None, staging: Path | None) -> Path | None:
    if source is None:
        return None
    file = InputFile.of(source)
    if file.path is None and staging is None:
        raise ValueError("bytes input needs a staging folder")
    return file.stage(staging or Path("."))


def load(
    config: Source, data: Source | None = None, *, staging: Path | None = None
) -> tuple[ReportConfig, Dataset]:
    """Load a report definition and its data (paths, or uploaded bytes staged in ``staging``)."""
    cfg = load_config(_path(config, staging) or Path(str(config)))
    dataset = load_dataset(cfg, _path(data, staging))
    return cfg, dataset


def select_units(dataset: Dataset, names: Sequence[str] | None) -> list[Unit]:
    """Return the named units (matching folds case, spaces and tone placement), or all units
    followed by the whole city when ``names`` is empty."""
    if not names:
        return dataset.all_units()
    out: list[Unit] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for name in names:
        unit = dataset.find(name)
        if unit is None:
            unknown.append(name)
        elif unit.key not in seen:
            seen.add(unit.key)
            out.append(unit)
    if unknown:
        errs: list[ReportgenError] = []
        names_all = [u.name for u in dataset.all_units()]
        for name in unknown:
            guess = did_you_mean(name, names_all)
            errs.append(
                DataError.of(
                    "app.unknown-unit",
                    location=Location(file=dataset.table.file),
                    hint=catalog.text("app.did-you-mean", guess=guess) if guess else None,
                    name=name,
                    names=", ".join(names_all),
                )
            )
        raise ErrorList(catalog.text("app.unknown-units"), errs)
    return out


def check(
    config_path: Source,
    *,
    data_file: Source | None = None,
    units: Sequence[str] | None = None,
    staging: Path | None = None,
) -> CheckResult:
    """Load the report definition and its data, and validate the selected units."""
    config, dataset = load(config_path, data_file, staging=staging)
    selected = select_units(dataset, units)
    findings = validate(config, dataset, with_dependencies(dataset, selected))
    _renderer, problems = readiness(config, dataset, selected)
    return CheckResult(config, dataset, findings, problems)


# --- rendering ---------------------------------------------------------------------------------


@dataclass
class Output:
    """One report of a batch: rendered, drafted, left unchanged, skipped or failed.

    ``state`` says what this run did to the folder: ``new``, ``changed``, ``unchanged``,
    ``set-aside`` (held back, its earlier report renamed) or ``failed``."""

    unit: str
    file: str | None
    status: str  # "rendered" | "draft" | "unchanged" | "skipped" | "failed"
    sha256: str | None = None
    reason: str | None = None
    state: str = "new"


@dataclass
class RenderResult:
    """What a render run produced."""

    out_dir: Path
    outputs: list[Output]
    findings: list[Finding]
    findings_file: Path
    manifest_file: Path
    seconds: float
    config: ReportConfig
    files: list[WrittenFile] = field(default_factory=list)
    """Files the output writers wrote (PDF, merged PDF, zip)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems the output writers met."""

    def count(self, status: str) -> int:
        """How many outputs have ``status``."""
        return sum(1 for o in self.outputs if o.status == status)

    @property
    def nothing_changed(self) -> bool:
        """True when every selected report was already in the folder exactly as it would be
        written now, and nothing was held back or failed."""
        return bool(self.outputs) and all(o.status == "unchanged" for o in self.outputs)


def _write_text(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"), overwrite=True)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError.of(
            "os.error-make-folder", location=Location(file=str(folder)), reason=os_reason(exc)
        ) from exc


def _precheck_existing(plan: BatchPlan, renderer: Renderer) -> dict[int, JobResult]:
    """Under the ``new`` policy: render the reports already in the folder and compare. Those
    that would come out the same are left as they are (returned as ``unchanged``); any that
    would differ stops the batch before anything is written."""
    from reportgen.app.executor import run_job

    same: dict[int, JobResult] = {}
    differ: list[PlanItem] = []
    for item in plan.to_render:
        if not item.exists:
            continue
        result = run_job(
            renderer,
            Job(item.order, item.unit.key, item.action == "draft", str(item.path), "compare"),
        )
        if result.status == "unchanged":
            same[item.order] = result
        elif result.status == "differs":
            differ.append(item)
    if differ:
        raise OutputError.of(
            "output.exists-would-differ",
            count=len(differ),
            folder=plan.folder,
            file=differ[0].path.name,
        )
    return same


def render(
    config_path: Source,
    *,
    data_file: Source | None = None,
    units: Sequence[str] | None = None,
    out_dir: str | Path = "outputs",
    jobs: int | None = None,
    force: bool = False,
    overwrite: bool = False,
    changed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    writers: Sequence[BatchWriter] = (),
    executor: Executor | None = None,
    min_per_job: int = 40,
    staging: Path | None = None,
) -> RenderResult:
    """Validate, then render one .docx per selected unit (default: every unit and the city).

    A unit whose figures fail a check is skipped (its earlier report set aside), or with
    ``force`` rendered marked DỰ THẢO. Writes are atomic. Existing reports are replaced only
    with ``overwrite`` (all) or ``changed`` (those whose content changed); without either, a
    report that would come out the same is left as it is and one that would differ stops the
    batch before anything is written. A failure of one unit is recorded and the batch goes on.
    Then each of ``writers`` writes its files (PDF, zip…). Returns what was written, with a
    findings file and a manifest (inputs, outputs and files with SHA-256, the run's history)
    beside the reports.

    ``executor`` runs the render jobs (default: a pool of ``jobs`` workers, none started for
    fewer than ``min_per_job`` documents each).
    """
    started = time.perf_counter()
    started_at = datetime.now().astimezone().isoformat(timespec="seconds")
    config, dataset = load(config_path, data_file, staging=staging)
    selected = select_units(dataset, units)
    findings = validate(config, dataset, with_dependencies(dataset, selected))
    folder = Path(out_dir) / config.id
    _make_folder(folder)
    # One batch at a time in a folder; temporary files of killed runs are removed once held.
    with folder_lock(folder, command=f"reportgen render {config.path.name}"):
        manifest_file = folder / "manifest.json"
        old_manifest = manifests.read(manifest_file)
        policy: Policy = "overwrite" if overwrite else "changed" if changed else "new"
        plan = plan_batch(
            config,
            dataset,
            findings,
            selected,
            folder,
            force=force,
            policy=policy,
            previous_manifest=old_manifest,
        )
        if executor is None:
            executor = choose(jobs, len(plan.to_render), min_per_job=min_per_job)
        with flushing():
            outputs = _execute(plan, executor, progress)
        flush_all(folder)
        findings_file = _write_findings(folder, findings)
        side_files = [findings_file, folder / "kiem-tra.txt", manifest_file]
        files, diagnostics = _run_writers(plan, outputs, writers, side_files)
        data_path = _path(data_file, staging) if data_file is not None else config.data.file
        run: dict[str, Any] = {
            "started": started_at,
            "seconds": round(time.perf_counter() - started, 3),
            "engine": f"reportgen {__version__}",
            "policy": policy,
            "force": force,
            "units": len(outputs),
            "states": _count_states(outputs.values()),
        }
        _write_manifest(plan, outputs, files, data_path or config.data.file, run, findings_file)
    return RenderResult(
        folder,
        [outputs[i] for i in sorted(outputs)],
        findings,
        findings_file,
        manifest_file,
        time.perf_counter() - started,
        config,
        files,
        diagnostics,
    )


def _execute(
    plan: BatchPlan, executor: Executor, progress: Callable[[int, int], None] | None
) -> dict[int, Output]:
    """Set aside the reports of held-back units, render the others through ``executor``
    (under the ``new`` policy, reports already there and unchanged are left alone), and
    return every item's outcome by its order."""
    renderer = Renderer(plan.config, plan.dataset) if plan.to_render else None
    if renderer is not None:
        renderer.mark_failing(plan.findings)
    results: dict[int, JobResult] = {}
    if renderer is not None and plan.policy == "new":
        results.update(_precheck_existing(plan, renderer))
    modes: dict[Policy, WriteMode] = {
        "new": "new",
        "overwrite": "overwrite",
        "changed": "if-changed",
    }
    job_list = [
        Job(i.order, i.unit.key, i.action == "draft", str(i.path), modes[plan.policy])
        for i in plan.to_render
        if i.order not in results
    ]
    outputs: dict[int, Output] = {}
    for item in plan.skipped:
        reason = item.reason or ""
        old = set_aside_report(item.path, bundles_of(plan.folder, plan.config.id))
        if old:
            names = ", ".join(p.name for p in old)
            reason += "; " + catalog.text("app.set-aside", names=names)
        outputs[item.order] = Output(
            item.unit.name, None, "skipped", reason=reason, state="set-aside"
        )
    if renderer is not None and job_list:
        for r in executor.run(renderer, job_list, progress):
            results[r.index] = r
    items = {i.order: i for i in plan.items}
    for index, r in results.items():
        item = items[index]
        if r.status == "failed":
            outputs[index] = Output(r.unit, None, "failed", reason=r.reason, state="failed")
        else:
            state = "unchanged" if r.status == "unchanged" else "changed" if item.exists else "new"
            outputs[index] = Output(r.unit, str(item.path), r.status, r.sha256, state=state)
    return outputs


def _write_findings(folder: Path, findings: list[Finding]) -> Path:
    """Write kiem-tra.json and kiem-tra.txt beside the reports; return the JSON file."""
    findings_file = folder / "kiem-tra.json"
    _write_text(findings_file, format_json(findings).rstrip("\n") + "\n")
    _write_text(folder / "kiem-tra.txt", format_table(findings).rstrip("\n") + "\n")
    return findings_file


def _run_writers(
    plan: BatchPlan,
    outputs: dict[int, Output],
    writers: Sequence[BatchWriter],
    side_files: list[Path],
) -> tuple[list[WrittenFile], list[Diagnostic]]:
    """Hand the written reports to each output writer; return their files and problems."""
    files: list[WrittenFile] = []
    diagnostics: list[Diagnostic] = []
    if not writers:
        return files, diagnostics
    items = {i.order: i for i in plan.items}
    written = WrittenBatch(
        folder=plan.folder,
        report_id=plan.config.id,
        reports=[
            WrittenReport(
                unit=o.unit,
                path=Path(o.file),
                is_total=items[i].unit.is_total,
                status=o.status,
                order=i,
                changed=o.state != "unchanged",
            )
            for i, o in sorted(outputs.items())
            if o.file is not None
        ],
        side_files=side_files,
        overwrite=plan.policy != "new",
    )
    for writer in writers:
        res = writer.write(written)
        files.extend(res.files)
        diagnostics.extend(res.diagnostics)
    return files, diagnostics


def _count_states(outputs: Iterable[Output]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in outputs:
        counts[o.state] = counts.get(o.state, 0) + 1
    return counts


def _write_manifest(
    plan: BatchPlan,
    outputs: dict[int, Output],
    files: list[WrittenFile],
    data_path: Path,
    run: dict[str, Any],
    findings_file: Path,
) -> None:
    """Write manifest.json: inputs hashed now, this run's reports and files merged with the
    earlier manifest's, and the run added to the history."""
    config, folder = plan.config, plan.folder
    inputs = [config.path, config.template, data_path]
    if config.data.previous is not None:
        inputs.append(config.data.previous.file)
    totals = {i.order: i.unit.is_total for i in plan.items}
    manifest = manifests.build(
        engine=f"reportgen {__version__}",
        report=config.id,
        inputs=[(_rel(p), p) for p in inputs],
        outputs=[
            _manifest_entry(o, totals.get(i, False), files) for i, o in sorted(outputs.items())
        ],
        files=[
            {
                "file": _rel_to(f.path, folder),
                "kind": f.kind,
                "sha256": f.sha256,
                **({"unit": f.unit} if f.unit else {}),
                **({"source_sha256": f.source_sha256} if f.source_sha256 else {}),
            }
            for f in files
        ],
        findings=findings_file.name,
        run=run,
        old=plan.previous_manifest,
        folder=folder,
    )
    _write_text(folder / "manifest.json", manifests.dumps(manifest))


def _manifest_entry(o: Output, is_total: bool, files: list[WrittenFile]) -> dict[str, Any]:
    """A report's entry of the manifest. When its .docx was removed once its PDF was written
    (``--pdf-only``), the entry names the PDF, so the manifest lists what is in the folder."""
    name, sha = (Path(o.file).name if o.file else None), o.sha256
    if files and o.file is not None and not Path(o.file).exists():
        pdf = next((f for f in files if f.kind == "pdf" and f.path.stem == Path(o.file).stem), None)
        if pdf is not None:
            name, sha = pdf.path.name, pdf.sha256
    return {
        "unit": o.unit,
        "is_total": is_total,
        "file": name,
        "status": o.status,
        "state": o.state,
        **({"sha256": sha} if sha else {}),
        **({"reason": o.reason} if o.reason else {}),
    }


def _rel_to(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)
