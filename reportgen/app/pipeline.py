"""The order of steps, nothing else: load → read → compute → validate → render → write.

The command line calls these functions; so can any Python program. Nothing here prints.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportgen import __version__
from reportgen.config.loader import load_config
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit, load_dataset
from reportgen.diagnostics.errors import DataError, ErrorList, Location, OutputError, ReportgenError
from reportgen.validate.findings import Finding, FindingSummary
from reportgen.validate.report import format_json, format_table
from reportgen.validate.runner import validate


@dataclass
class CheckResult:
    """A loaded report with its data and every finding."""

    config: ReportConfig
    dataset: Dataset
    findings: list[Finding]

    @property
    def summary(self) -> FindingSummary:
        """Counts of the findings."""
        return FindingSummary.of(self.findings)


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
        from reportgen.config.schema import did_you_mean

        errs: list[ReportgenError] = []
        names_all = [u.name for u in dataset.all_units()]
        for name in unknown:
            guess = did_you_mean(name, names_all)
            errs.append(
                DataError(
                    f'không có đơn vị "{name}" trong tệp số liệu',
                    location=Location(file=dataset.table.file),
                    hint=f'có phải ý bạn là "{guess}"?'
                    if guess
                    else "các đơn vị: " + ", ".join(names_all),
                )
            )
        raise ErrorList("Tên đơn vị không đúng", errs)
    return out


def check(
    config_path: str | Path,
    *,
    data_file: str | Path | None = None,
    units: Sequence[str] | None = None,
) -> CheckResult:
    """Load the report definition and its data, and validate the selected units."""
    config = load_config(config_path)
    dataset = load_dataset(config, data_file)
    selected = select_units(dataset, units)
    return CheckResult(
        config, dataset, validate(config, dataset, with_dependencies(dataset, selected))
    )


def with_dependencies(dataset: Dataset, selected: Sequence[Unit]) -> list[Unit]:
    """The units whose figures the selected reports show: the city report shows every unit
    (its tables, its sums), so selecting it selects them all."""
    if any(u.is_total for u in selected):
        return dataset.all_units()
    return list(selected)


def failing_units(dataset: Dataset, findings: Sequence[Finding]) -> dict[str, str]:
    """Units whose report must not be signed, with the reason: their own error findings, and
    for the city report any unit's (it prints them all)."""
    errors: dict[str, int] = {}
    for f in findings:
        if f.severity == "error":
            errors[f.unit] = errors.get(f.unit, 0) + 1
    out = {name: f"{n} lỗi số liệu (xem kiem-tra.txt)" for name, n in errors.items()}
    wrong_units = [u.name for u in dataset.units if u.name in errors]
    if wrong_units and dataset.total.name not in out:
        shown = ", ".join(wrong_units[:3]) + (" …" if len(wrong_units) > 3 else "")
        out[dataset.total.name] = (
            f"báo cáo toàn thành phố in số liệu của {len(wrong_units)} đơn vị đang sai ({shown})"
        )
    return out


# --- rendering ---------------------------------------------------------------------------------


@dataclass
class Output:
    """One rendered (or skipped, or failed) report of a batch."""

    unit: str
    file: str | None
    status: str  # "rendered" | "draft" | "skipped" | "failed"
    sha256: str | None = None
    reason: str | None = None


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

    def count(self, status: str) -> int:
        """How many outputs have ``status``."""
        return sum(1 for o in self.outputs if o.status == status)


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def output_name(config: ReportConfig, unit: Unit) -> str:
    """File name of a unit's report: ``phuong-tran-phu.docx`` inside the report's folder."""
    return f"{unit.slug}.docx"


class Renderer:
    """Everything that does not depend on the unit, prepared once per process."""

    def __init__(self, config: ReportConfig, dataset: Dataset) -> None:
        from reportgen.docx import CoreProperties, PreparedTemplate
        from reportgen.templating.body import BLOCK_NAME, build_body, style_ids
        from reportgen.templating.context import ContextBuilder
        from reportgen.templating.environment import make_env

        self.config = config
        self.dataset = dataset
        self.template = PreparedTemplate.from_file(
            config.template,
            env=make_env(),
            blocks={BLOCK_NAME: build_body(config, style_ids(config.template))},
        )
        self._check_names()
        self.contexts = ContextBuilder(config, dataset)
        moment = datetime(config.date.year, config.date.month, config.date.day)
        self.props = CoreProperties(
            title=config.title,
            subject=config.data.period,
            creator="reportgen",
            created=moment,
            modified=moment,
        )

    def _check_names(self) -> None:
        """Stop before the batch when the template names something the context will not have
        (a misspelt indicator would otherwise fail every report, one by one)."""
        from reportgen.config.loader import CONTEXT_NAMES
        from reportgen.config.schema import did_you_mean
        from reportgen.diagnostics.errors import TemplateError

        known = set(self.config.indicators) | CONTEXT_NAMES
        unknown = sorted(self.template.variables() - known)
        if unknown:
            parts = []
            for name in unknown:
                guess = did_you_mean(name, sorted(known))
                parts.append(f'"{name}"' + (f' (có phải ý bạn là "{guess}"?)' if guess else ""))
            raise TemplateError(
                "mẫu dùng tên không có trong định nghĩa báo cáo: " + ", ".join(parts),
                location=Location(file=str(self.config.template)),
                hint=f"chạy `reportgen lint {self.config.template} --config "
                f"{self.config.path}` để xem từng chỗ, rồi sửa trong Word",
            )

    def render(self, unit: Unit, *, draft: bool) -> bytes:
        """Render the report of ``unit``; return the .docx bytes."""
        ctx = self.contexts.build(unit, draft=draft)
        return self.template.render(ctx, core_properties=self.props)


# Per-process state of the worker pool: each worker prepares the template once.
_WORKER: dict[str, Any] = {}


def _worker_init(config_path: str, data_file: str | None) -> None:
    config = load_config(config_path)
    dataset = load_dataset(config, data_file)
    _WORKER["renderer"] = Renderer(config, dataset)
    _WORKER["units"] = {u.key: u for u in dataset.all_units()}


def _pool(
    n_jobs: int, renderer: Renderer, config_path: str | Path, data_file: str | Path | None
) -> ProcessPoolExecutor:
    """A pool whose workers have the prepared template: inherited from this process where the
    platform forks (nothing is read or prepared again), else prepared once in each worker."""
    import multiprocessing as mp

    if "fork" in mp.get_all_start_methods():
        _WORKER["renderer"] = renderer
        _WORKER["units"] = {u.key: u for u in renderer.dataset.all_units()}
        return ProcessPoolExecutor(max_workers=n_jobs, mp_context=mp.get_context("fork"))
    return ProcessPoolExecutor(
        max_workers=n_jobs,
        initializer=_worker_init,
        initargs=(str(config_path), None if data_file is None else str(data_file)),
    )


def _worker_render(jobs: list[tuple[str, bool, str, bool]]) -> list[Output]:
    renderer: Renderer = _WORKER["renderer"]
    units: dict[str, Unit] = _WORKER["units"]
    return [
        _render_one(renderer, units[key], draft, Path(path), overwrite)
        for key, draft, path, overwrite in jobs
    ]


def _render_one(renderer: Renderer, unit: Unit, draft: bool, path: Path, overwrite: bool) -> Output:
    from reportgen.outputs.atomic import write_atomic

    try:
        data = renderer.render(unit, draft=draft)
        write_atomic(path, data, overwrite=overwrite, durable=False)
    except ReportgenError as exc:
        return Output(unit.name, None, "failed", reason=exc.format())
    except Exception as exc:  # one unit's failure must not stop the batch
        return Output(unit.name, None, "failed", reason=f"{type(exc).__name__}: {exc}")
    return Output(
        unit.name,
        str(path),
        "draft" if draft else "rendered",
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def render(
    config_path: str | Path,
    *,
    data_file: str | Path | None = None,
    units: Sequence[str] | None = None,
    out_dir: str | Path = "outputs",
    jobs: int | None = None,
    force: bool = False,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    min_per_job: int = 40,
) -> RenderResult:
    """Validate, then render one .docx per selected unit (default: every unit and the city).

    A unit whose figures fail a check is skipped, or with ``force`` rendered marked DỰ THẢO.
    Writes are atomic; existing reports are not overwritten unless ``overwrite``. A failure of
    one unit is recorded and the batch goes on. Returns what was written, with a findings file
    and a manifest (inputs and outputs with SHA-256) beside the reports.

    ``jobs`` worker processes (default: the number of cores) each prepare the template once;
    no worker is started for fewer than ``min_per_job`` documents, where starting it would cost
    more than it saves.
    """
    started = time.perf_counter()
    config = load_config(config_path)
    dataset = load_dataset(config, data_file)
    selected = select_units(dataset, units)
    findings = validate(config, dataset, with_dependencies(dataset, selected))
    failing = failing_units(dataset, findings)
    folder = Path(out_dir) / config.id
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"không tạo được thư mục kết quả: {exc.strerror or exc}",
            location=Location(file=str(folder)),
            hint="kiểm tra quyền ghi, hoặc chọn thư mục khác bằng -o",
        ) from exc

    plan: list[tuple[Unit, bool, Path]] = []
    outputs: list[Output] = []
    for unit in selected:
        path = folder / output_name(config, unit)
        if unit.name in failing and not force:
            reason = failing[unit.name] + "; dùng --force để in bản DỰ THẢO"
            old = _set_aside(path)
            if old is not None:
                reason += f"; báo cáo cũ của đơn vị này đã được đổi tên thành {old.name}"
            outputs.append(Output(unit.name, None, "skipped", reason=reason))
            continue
        plan.append((unit, unit.name in failing, path))
    if not overwrite:
        existing = [p for _, _, p in plan if p.exists()]
        if existing:
            raise OutputError(
                f"{len(existing)} báo cáo đã có trong {folder} (ví dụ {existing[0].name}); "
                "reportgen không ghi đè báo cáo đã sinh",
                hint="dùng --overwrite để ghi đè, hoặc -o để chọn thư mục khác",
            )

    n_jobs = max(1, min(jobs or os.cpu_count() or 1, len(plan) // max(1, min_per_job) or 1))
    done = 0
    renderer = Renderer(config, dataset) if plan else None
    if n_jobs == 1 and renderer is not None:
        for unit, draft, path in plan:
            outputs.append(_render_one(renderer, unit, draft, path, overwrite))
            done += 1
            if progress:
                progress(done, len(plan))
    elif renderer is not None:
        # The heaviest document (the city, with its tables) goes first so it is not the tail.
        order = sorted(range(len(plan)), key=lambda i: not plan[i][0].is_total)
        work = [(plan[i][0].key, plan[i][1], str(plan[i][2]), overwrite) for i in order]
        size = max(8, min(200, len(work) // (n_jobs * 8) or 1))
        results: list[Output] = []
        try:
            with _pool(n_jobs, renderer, config_path, data_file) as pool:
                for batch in pool.map(_worker_render, _chunks(work, size)):
                    results.extend(batch)
                    done += len(batch)
                    if progress:
                        progress(done, len(plan))
        finally:
            _WORKER.clear()
        by_position = dict(zip(order, results, strict=True))
        outputs.extend(by_position[i] for i in range(len(plan)))

    from reportgen.outputs.atomic import flush_all

    flush_all(folder)
    findings_file = folder / "kiem-tra.json"
    _write_text(findings_file, format_json(findings))
    _write_text(folder / "kiem-tra.txt", format_table(findings) + "\n")
    manifest_file = folder / "manifest.json"
    data_path = Path(data_file) if data_file is not None else config.data.file
    manifest = _manifest(config, data_path, outputs, findings_file)
    manifest["outputs"] = _merge_outputs(manifest_file, manifest["outputs"])
    _write_text(manifest_file, json.dumps(manifest, ensure_ascii=False, indent=2))
    return RenderResult(
        folder,
        outputs,
        findings,
        findings_file,
        manifest_file,
        time.perf_counter() - started,
        config,
    )


def _set_aside(path: Path) -> Path | None:
    """Rename an earlier report of a unit that now fails its checks (``x.docx`` → ``x.cu.docx``,
    ``x.cu-2.docx`` …) so that no report with figures now known to be wrong stays beside the
    signed-ready ones. Nothing is deleted."""
    if not path.exists():
        return None
    stem = path.name.removesuffix(".docx")
    n = 1
    while True:
        target = path.with_name(f"{stem}.cu.docx" if n == 1 else f"{stem}.cu-{n}.docx")
        if not target.exists():
            path.rename(target)
            return target
        n += 1


def _write_text(path: Path, text: str) -> None:
    from reportgen.outputs.atomic import write_atomic

    write_atomic(path, text.encode("utf-8"), overwrite=True)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _merge_outputs(manifest_file: Path, new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's outputs, followed by the entries of an earlier manifest for units this run did
    not touch (so the manifest describes every report in the folder, not only the last run's)."""
    try:
        old = json.loads(manifest_file.read_text(encoding="utf-8")).get("outputs", [])
    except (OSError, ValueError, AttributeError):
        return new
    units = {o["unit"] for o in new}
    kept = [o for o in old if isinstance(o, dict) and o.get("unit") not in units]
    return new + kept


def _manifest(
    config: ReportConfig, data_path: Path, outputs: Iterable[Output], findings_file: Path
) -> dict[str, Any]:
    """Inputs (relative to the working directory) and outputs (names in the report folder, where
    the manifest is) with their SHA-256, and the engine version."""
    inputs = [config.path, config.template, data_path]
    if config.data.previous is not None:
        inputs.append(config.data.previous.file)
    return {
        "engine": f"reportgen {__version__}",
        "report": config.id,
        "inputs": [{"file": _rel(p), "sha256": sha256_file(p)} for p in inputs],
        "outputs": [
            {
                "unit": o.unit,
                "file": Path(o.file).name if o.file else None,
                "status": o.status,
                **({"sha256": o.sha256} if o.sha256 else {}),
                **({"reason": o.reason} if o.reason else {}),
            }
            for o in outputs
        ],
        "findings": findings_file.name,
    }
