"""The one place where the web page calls the rest of reportgen.

Every other module of :mod:`reportgen.web` deals with pages, sessions and folders; this one turns
files saved in a session's folder into what the pages show (reports found under the root, the
figures of an upload as a table with its findings, a rendered batch, a lint result) by calling
the path-based application layer (:mod:`reportgen.app.pipeline`) and the authoring tools.

Features other parts of the project are still building are reached through small functions
here, each with a fallback that keeps the page working (see ``docs/web.md``):

* the ready-to-fill form (``reportgen.authoring.form``) — :func:`form_workbook`;
* PDF conversion (``reportgen.outputs`` converter pool) — :func:`convert_pdfs`;
* the batch zip (``reportgen.outputs`` zip writer) — :func:`zip_batch`;
* the suspect cells a finding names (``Diagnostic.extra["suspects"]``) — :func:`suspects_of`.
"""

from __future__ import annotations

import importlib
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.data.reader import column_letter
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import SEVERITY_ORDER, SEVERITY_VI
from reportgen.vnformat import format_number, parse_number

__all__ = [
    "CellLocator",
    "CellPos",
    "Problem",
    "ReportEntry",
    "can_mark",
    "check_figures",
    "clean_text",
    "column_letter",
    "csv_text",
    "discover_reports",
    "error_counts",
    "findings_text",
    "fmt_figure",
    "form_workbook",
    "lint_template",
    "load",
    "marked_workbook",
    "parse_figure",
    "pdf_available",
    "preview_pages",
    "recalculate",
    "render_batch",
    "severity_rank",
    "severity_words",
    "sheets_of",
    "skip_reason",
    "table_indicators",
    "zip_batch",
]

# -- reports under the root ----------------------------------------------------------------


@dataclass(frozen=True)
class ReportEntry:
    """A report definition found under the root: its key in addresses (the YAML file's name
    without extension), its path, and its title — or the error that stops it loading."""

    key: str
    path: Path
    title: str
    report_id: str
    error: str | None = None


def discover_reports(root: Path) -> list[ReportEntry]:
    """Every ``configs/*.yaml`` (and ``*.yml``) under ``root``, loaded to read its title; a
    definition that does not load is listed with its error."""
    from reportgen.config.loader import load_config

    folder = root / "configs"
    out: list[ReportEntry] = []
    if not folder.is_dir():
        return out
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    for path in paths:
        key = path.stem
        try:
            config = load_config(path)
        except ReportgenError as exc:
            out.append(ReportEntry(key, path, path.name, key, error=exc.format()))
            continue
        out.append(ReportEntry(key, path, config.title, config.id))
    return out


def load(path: Path) -> ReportConfig:
    """Load a report definition."""
    from reportgen.config.loader import load_config

    return load_config(path)


# -- figures formatted the Vietnamese way --------------------------------------------------


def fmt_figure(value: object, ind: Indicator | None = None, *, sign: bool = True) -> str:
    """A figure as the page shows it (``4.558``, ``0,99%``, ``538,0``), rounded half-up to the
    indicator's declared decimals; ``sign=False`` leaves out the ``%`` (table cells, whose
    header says the unit). Text stays text."""
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        decimals = ind.decimals if ind is not None else None
        text = format_number(value, decimals)
        if sign and ind is not None and ind.kind == "percent":
            text += "%"
        return text
    return str(value)


def clean_text(text: str, path: Path, name: str) -> str:
    """Replace the stored path of an upload in a message by the clerk's own file name."""
    out = text
    for form in sorted({str(path), str(path.resolve()), _relative(path)}, key=len, reverse=True):
        out = out.replace(form, name)
    return out


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# -- the figures of an upload ----------------------------------------------------------------


@dataclass(frozen=True)
class CellPos:
    """Where a figure sits in the clerk's file: its sheet (None for CSV), row (1-based),
    column (0-based index), and the value read there (text, or a number from a workbook)."""

    sheet: str | None
    row: int
    col: int
    raw: object = None

    @property
    def ref(self) -> str:
        """The cell as Excel names it: ``E2``."""
        return f"{column_letter(self.col)}{self.row}"

    @property
    def key(self) -> str:
        """The cell as the correction form sends it back: ``row:col:sheet``."""
        return f"{self.row}:{self.col}:{self.sheet or ''}"


def check_figures(config_path: Path, data_file: Path, display_name: str) -> Any:
    """Check the figures in ``data_file`` against the report ``config_path``; return the
    check page's :class:`~reportgen.web.figures.CheckView`. Raises
    :class:`~reportgen.diagnostics.errors.ReportgenError` when the file cannot be read."""
    from reportgen.app import pipeline
    from reportgen.web.figures import build_view

    result = pipeline.check(config_path, data_file=data_file)
    view = build_view(result.config, result.dataset, result.findings, data_file, display_name)
    view.problems = [
        Problem(
            d.location.describe() if d.location else "",
            clean_text(d.message, data_file, display_name),
            clean_text(d.hint, data_file, display_name) if d.hint else None,
        )
        for d in getattr(result, "problems", [])
    ]
    return view


@dataclass(frozen=True)
class Problem:
    """Something besides the figures that stops the reports (the template names a figure the
    definition lacks, a unit has no signer…), as the page shows it."""

    where: str
    message: str
    hint: str | None


def _tables(dataset: Dataset) -> list[Any]:
    """The tables the figures were read from (one per sheet of a clerk's workbook)."""
    tables = getattr(dataset, "tables", None)
    out = [dataset.table]
    if isinstance(tables, Mapping):
        out += [t for t in tables.values() if all(t is not o for o in out)]
    return out


def sheets_of(dataset: Dataset) -> list[str]:
    """The names of the sheets the figures were read from (none for CSV)."""
    return [t.sheet for t in _tables(dataset) if t.sheet]


def table_indicators(config: ReportConfig, dataset: Dataset) -> list[Indicator]:
    """The figures the table shows: indicators read from a column the file has, not text."""
    columns = getattr(dataset, "columns", None) or {}
    out = []
    for ind in config.indicators.values():
        if ind.kind == "text" or not ind.column:
            continue
        name = columns.get(ind.id, ind.column)
        if any(name in t.index for t in _tables(dataset)):
            out.append(ind)
    return out


class CellLocator:
    """Where each figure sits in the clerk's file, with the value read there (each table's
    rows indexed once, so a sheet of thousands of units is located in one pass)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        tables = getattr(dataset, "tables", None)
        self._tables: Mapping[str, Any] = tables if isinstance(tables, Mapping) else {}
        self._columns: Mapping[str, str] = getattr(dataset, "columns", None) or {}
        self._rows: dict[int, dict[int, list[Any]]] = {}

    def __call__(self, unit: Unit | None, ind: Indicator) -> CellPos | None:
        """The cell of ``ind`` for ``unit``; None for a figure computed rather than read (the
        whole city, a rate worked out)."""
        if unit is None:
            return None
        src = self.dataset.source(unit, ind.id)
        if src is None or src.row is None:
            return None
        table = self._tables.get(ind.id, self.dataset.table)
        name = self._columns.get(ind.id, ind.column)
        col = table.index.get(name) if name else None
        if col is None:
            return None
        rows = self._rows.get(id(table))
        if rows is None:
            rows = self._rows[id(table)] = dict(table.rows)
        values = rows.get(src.row, [])
        return CellPos(src.sheet, src.row, col, values[col] if col < len(values) else None)


def findings_text(config_path: Path, data_file: Path, display_name: str) -> str:
    """Every finding of an upload as ``reportgen check`` prints it."""
    from reportgen.app import pipeline
    from reportgen.validate.report import format_table

    result = pipeline.check(config_path, data_file=data_file)
    return clean_text(format_table(result.findings), data_file, display_name) + "\n"


def error_counts(findings: Sequence[Any]) -> tuple[int, int]:
    """The errors and the units with errors as ``reportgen check`` counts them in its summary
    line: one error per suspected cell (the checks one mistyped cell puts out count once), and a
    total row's error that a ward's suspect explains belongs to that ward."""
    from reportgen.validate.report import independent_errors

    owners = {
        str(_extra_of(f).get("explained_by") or f.unit)
        for f in findings
        if f.severity == "error" and f.unit is not None
    }
    return independent_errors(findings), len(owners)


def _extra_of(f: object) -> Mapping[str, Any]:
    extra = getattr(f, "extra", None)
    return extra if isinstance(extra, Mapping) else {}


def severity_rank(severity: str) -> int:
    """0 for errors, 1 for warnings, 2 for notes."""
    return SEVERITY_ORDER.get(severity, 3)


def severity_words(severity: str) -> str:
    """``lỗi``, ``cảnh báo``, ``ghi chú``."""
    return SEVERITY_VI.get(severity, severity)


def parse_figure(text: str, locale: str = "vi") -> tuple[Decimal | None, str]:
    """A figure typed by a clerk, read by the same strict rules as the data files: the value,
    or None and why not."""
    from reportgen.diagnostics.errors import NumberFormatError

    try:
        return parse_number(text, locale=locale), ""
    except NumberFormatError as exc:
        return None, exc.message


def can_mark() -> bool:
    """True when the project can write the clerk's sheet back with the wrong cells marked
    (``reportgen.validate.mark.mark_workbook``)."""
    return _mark_function() is not None


def _mark_function() -> Callable[..., bytes] | None:
    try:
        module = importlib.import_module("reportgen.validate.mark")
    except ImportError:
        return None
    fn = getattr(module, "mark_workbook", None)
    return fn if callable(fn) else None


def marked_workbook(config_path: Path, data_file: Path, display_name: str) -> bytes | None:
    """A copy of the clerk's sheet (.xlsx) with each suspect cell coloured and commented and a
    first sheet listing the findings (as ``reportgen check --mark``); None when the project
    cannot make one. The uploaded file is not changed."""
    fn = _mark_function()
    if fn is None:
        return None
    from reportgen.app import pipeline

    result = pipeline.check(config_path, data_file=data_file)
    return fn(result.findings, result.dataset, data_file, display_name)


# -- the ready-to-fill form ----------------------------------------------------------------


def form_workbook(config_path: Path) -> tuple[bytes, str]:
    """The ready-to-fill form of a report as .xlsx bytes and its file name.

    Uses the project's form writer (``reportgen.authoring.form``) when it is there; otherwise a
    plain sheet: a header row of the column names the definition reads, the units of its data
    file pre-filled, and a row for the whole city when the file has one."""
    config = load(config_path)
    name = f"bieu-mau-{config.id}.xlsx"
    writer = _form_writer()
    if writer is not None:
        return writer(config), name
    return _plain_form(config), name


def _form_writer() -> Callable[[ReportConfig], bytes] | None:
    try:
        module = importlib.import_module("reportgen.authoring.form")
    except ImportError:
        return None
    for name in ("build_form", "form_bytes"):
        fn = getattr(module, name, None)
        if callable(fn):
            return fn  # type: ignore[no-any-return]
    write = getattr(module, "write_form", None)
    if not callable(write):
        return None

    def via_file(config: ReportConfig) -> bytes:
        with tempfile.TemporaryDirectory(prefix="rg-form-") as tmp:
            out = Path(tmp) / "form.xlsx"
            write(config, out)
            return out.read_bytes()

    return via_file


def _plain_form(config: ReportConfig) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    from reportgen.data.dataset import load_dataset

    ds = config.data
    headers = [ds.unit_column] + ([ds.kind_column] if ds.kind_column else [])
    inds = [i for i in config.indicators.values() if i.column]
    for i in inds:
        if i.column and i.column not in headers:
            headers.append(i.column)
    units: list[tuple[str, str]] = []
    try:
        dataset = load_dataset(config)
        units = [(u.name, u.kind or "") for u in dataset.units]
        if dataset.total_from_file:
            units.append((dataset.total.name, ""))
    except ReportgenError:
        pass
    labels = {i.column: f"{i.label} ({i.unit})" if i.unit else i.label for i in inds}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "So lieu"
    ws.append(headers)
    for name, kind in units:
        ws.append([name, kind] if ds.kind_column else [name])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, header in enumerate(headers, 1):
        cell = ws.cell(row=1, column=c)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[column_letter(c - 1)].width = 24 if c == 1 else 14
        if header in labels:
            from openpyxl.comments import Comment

            cell.comment = Comment(labels[header], "reportgen")
    ws.freeze_panes = "B2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- rendering -----------------------------------------------------------------------------


@dataclass
class OutputView:
    """One report of a batch."""

    unit: str
    status: str
    docx: str | None
    pdf: str | None
    reason: str | None


@dataclass
class BatchView:
    """What a render produced: the reports (file names inside the report folder), the zip,
    whether PDFs could be made, and the problems the PDF or zip step met."""

    folder: Path
    outputs: list[OutputView]
    seconds: float
    zip: Path | None = None
    pdf: bool = False
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many reports have ``status``."""
        return sum(1 for o in self.outputs if o.status == status)


Step = Callable[[str, int, int], None]
"""Progress of a batch: ``(phase, done, total)`` with phase ``docx``, ``pdf`` or ``zip``."""


def render_batch(
    config_path: Path,
    data_file: Path,
    out_dir: Path,
    *,
    force: bool,
    step: Step | None = None,
) -> BatchView:
    """Render every unit's report from ``data_file`` into ``out_dir`` (a new folder of its
    own: nothing is overwritten), then their PDFs (when LibreOffice is there) and the zip.
    Units whose figures fail are skipped, or with ``force`` rendered as DỰ THẢO."""
    from reportgen.app import pipeline

    report: Step = step or (lambda phase, done, total: None)
    make_pdf = pdf_available()
    pdf_writer, pool = _pool_writer(report) if make_pdf else (None, None)
    try:
        # One process: the server runs many threads, and forking a threaded process is unsafe.
        result = pipeline.render(
            config_path,
            data_file=data_file,
            out_dir=out_dir,
            jobs=1,
            force=force,
            overwrite=False,
            progress=lambda done, total: report("docx", done, total),
            writers=[pdf_writer] if pdf_writer is not None else [],
        )
    finally:
        if pool is not None:
            pool.close()
    view = BatchView(
        result.out_dir,
        [
            OutputView(
                o.unit,
                o.status,
                Path(o.file).name if o.file else None,
                None,
                skip_reason(o.unit, o.reason, result.findings) if o.reason else o.reason,
            )
            for o in result.outputs
        ],
        result.seconds,
        notes=[d.describe() for d in getattr(result, "diagnostics", [])],
    )
    docx = [view.folder / o.docx for o in view.outputs if o.docx]
    if pdf_writer is not None:
        view.pdf = True
    elif make_pdf and soffice() is not None and docx:
        view.pdf = True
        report("pdf", 0, len(docx))
        made = convert_pdfs(docx)
        report("pdf", len(made), len(docx))
    for o in view.outputs:
        if o.docx and (view.folder / o.docx).with_suffix(".pdf").is_file():
            o.pdf = Path(o.docx).with_suffix(".pdf").name
    report("zip", 0, 1)
    view.zip = _zip(result, view)
    report("zip", 1, 1)
    return view


#: the start of the reason the plan gives a unit held back for its errors (``3 lỗi số liệu …``)
_COUNTED = re.compile(
    "^" + re.escape(catalog.text("app.unit-errors", count="\0")).replace("\0", r"\d+")
)
#: how the plan says a DỰ THẢO is printed from the command line
_FORCE = "; " + catalog.text("app.use-force")


def skip_reason(unit: str, reason: str, findings: Sequence[Any]) -> str:
    """Why a unit's report was held back, as the page says it: its errors counted as
    ``reportgen check`` counts them (one per mistake, with the checks it breaks, and the ward
    whose cell explains a total row's error), and the page's way to print a DỰ THẢO instead of
    the command line's ``--force``."""
    errors = [f for f in findings if f.severity == "error" and f.unit == unit]
    m = _COUNTED.match(reason)
    if errors and m:
        from reportgen.validate.report import independent_errors

        mistakes = independent_errors(errors)
        text = catalog.text("web.skip-errors", count=mistakes)
        if mistakes != len(errors):
            text += catalog.text("web.skip-checks", count=len(errors))
        owners = sorted({str(_extra_of(f).get("explained_by") or unit) for f in errors} - {unit})
        if owners:
            text += catalog.text("web.skip-owners", units=", ".join(owners))
        reason = text + catalog.text("web.skip-see-check") + reason[m.end() :]
    return reason.replace(_FORCE, "; " + catalog.text("web.skip-force"))


class _ReportingWriter:
    """A batch writer that reports its progress as the ``pdf`` phase."""

    name = "pdf"

    def __init__(self, inner: Any, report: Step) -> None:
        self.inner = inner
        self.report = report

    def write(self, batch: Any, progress: Callable[[int, int], None] | None = None) -> Any:
        self.report("pdf", 0, len(batch.reports))
        return self.inner.write(batch, lambda done, total: self.report("pdf", done, total))


def _pool_writer(report: Step) -> tuple[Any, Any]:
    """The project's PDF writer over its LibreOffice pool (``reportgen.outputs.pdf.PdfWriter``,
    ``reportgen.outputs.lopool.ConverterPool``), and the pool to close; ``(None, None)`` when
    they are not there or LibreOffice is missing."""
    try:
        lopool = importlib.import_module("reportgen.outputs.lopool")
        pdf = importlib.import_module("reportgen.outputs.pdf")
    except ImportError:
        return None, None
    try:
        lopool.find_tools()
    except ReportgenError:
        return None, None
    pool = lopool.ConverterPool()
    return _ReportingWriter(pdf.PdfWriter(pool), report), pool


def _zip(result: Any, view: BatchView) -> Path:
    """The batch's zip: by the project's zip writer (``reportgen.outputs.bundle.ZipWriter``)
    when it is there, else :func:`zip_batch`."""
    try:
        bundle = importlib.import_module("reportgen.outputs.bundle")
        writers = importlib.import_module("reportgen.outputs.writers")
    except ImportError:
        return zip_batch(view.folder, view.folder.parent / "bao-cao.zip")
    folder = view.folder
    batch = writers.WrittenBatch(
        folder=folder,
        report_id=result.config.id,
        reports=[
            writers.WrittenReport(
                unit=o.unit, path=folder / o.docx, is_total=False, status=o.status, order=i
            )
            for i, o in enumerate(view.outputs)
            if o.docx
        ],
        side_files=[folder / "kiem-tra.json", folder / "kiem-tra.txt", folder / "manifest.json"],
    )
    res = bundle.ZipWriter().write(batch)
    view.notes.extend(d.describe() for d in res.diagnostics)
    for f in res.files:
        if f.kind == "zip":
            return Path(f.path)
    return zip_batch(view.folder, view.folder.parent / "bao-cao.zip")


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    """True when reports can be converted to PDF on this machine (LibreOffice is installed)."""
    return soffice() is not None


def convert_pdfs(docx_files: Sequence[Path], *, timeout: int = 600) -> list[Path]:
    """Convert reports to PDF beside them (same name, .pdf) with one LibreOffice call for the
    batch, with its own profile; return the PDFs made (none when LibreOffice is missing)."""
    program = soffice()
    if program is None or not docx_files:
        return []
    folder = docx_files[0].parent
    with tempfile.TemporaryDirectory(prefix="rg-lo-") as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *[str(p) for p in docx_files],
            ],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    return [p.with_suffix(".pdf") for p in docx_files if p.with_suffix(".pdf").is_file()]


def csv_text(path: Path) -> str:
    """The text of a CSV file decoded as the CSV reader decodes it (UTF-8 with or without BOM,
    UTF-16, Windows-1258), so a correction rewrites what the check read."""
    from reportgen.data.reader import _decode  # the reader's own rule, not a copy of it

    text, _ = _decode(path.read_bytes(), path.name)
    return text


def recalculate(source: Path, target: Path, *, timeout: int = 180) -> str | None:
    """Write ``source`` (a workbook) to ``target`` with every formula worked out again by
    LibreOffice, so the values a reader sees agree with the cells they use. None when done;
    else why not (``target`` is then not written)."""
    program = soffice()
    if program is None:
        return catalog.text("web.no-libreoffice")
    ext = source.suffix.lower().lstrip(".")
    filters = {"xlsx": "Calc MS Excel 2007 XML", "xlsm": "Calc MS Excel 2007 VBA XML"}
    with tempfile.TemporaryDirectory(prefix="rg-tinh-") as tmp:
        out_dir = Path(tmp) / "out"
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    f"{ext}:{filters.get(ext, filters['xlsx'])}",
                    "--outdir",
                    str(out_dir),
                    str(source),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return catalog.text("web.lo-no-answer", seconds=timeout)
        made = out_dir / source.name
        if not made.is_file():
            return catalog.text("web.lo-not-written")
        tmp_target = target.with_name(target.name + ".tmp")
        shutil.copyfile(made, tmp_target)
        tmp_target.replace(target)
    return None


def preview_pages(pdf: Path, out_dir: Path, *, dpi: int = 70) -> list[Path]:
    """Page images of a PDF (PNG, made once with pdftoppm and kept in ``out_dir``)."""
    pages = sorted(out_dir.glob("trang-*.png"), key=_page_number)
    if pages:
        return pages
    program = shutil.which("pdftoppm")
    if program is None:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [program, "-r", str(dpi), "-png", str(pdf), str(out_dir / "trang")],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return sorted(out_dir.glob("trang-*.png"), key=_page_number)


def _page_number(p: Path) -> int:
    digits = p.stem.rsplit("-", 1)[-1]
    return int(digits) if digits.isdigit() else 0


ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def zip_batch(folder: Path, target: Path) -> Path:
    """Pack a batch's reports, findings and manifest into ``target`` (same bytes for the same
    files: fixed dates, sorted names)."""
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in (".docx", ".pdf", ".json", ".txt")
    )
    tmp = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            info = zipfile.ZipInfo(f"{folder.name}/{p.name}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, p.read_bytes())
    tmp.replace(target)
    return target


# -- template lint -------------------------------------------------------------------------


@dataclass
class LintItem:
    """A lint finding as the page shows it: the paragraph text split around the marked tag."""

    severity: str
    severity_vi: str
    code: str
    where: str
    before: str
    marked: str
    after: str
    message: str
    hint: str


@dataclass
class LintView:
    """The lint result of an uploaded template."""

    items: list[LintItem]
    errors: int
    warnings: int
    infos: int
    text: str  # the same report as `reportgen lint` prints


def lint_template(template: Path, display_name: str, config_path: Path | None) -> LintView:
    """Lint an uploaded template (against a report definition when given), as
    ``reportgen lint`` does."""
    from reportgen.authoring.lint import format_lint_text
    from reportgen.authoring.lint import lint_template as lint

    config = load(config_path) if config_path is not None else None
    report = lint(template, config)
    items = []
    for f in report.findings:
        before, marked, after = _split_mark(f.text)
        where = f.where
        if f.part and f.part != "word/document.xml" and Path(f.part).name not in where:
            where += f" ({f.part})"
        items.append(
            LintItem(
                f.severity,
                SEVERITY_VI[f.severity],
                f.code,
                where,
                before,
                marked,
                after,
                clean_text(f.message, template, display_name),
                clean_text(f.hint, template, display_name),
            )
        )
    text = clean_text(format_lint_text(report, display_name), template, display_name)
    return LintView(items, len(report.errors), len(report.warnings), len(report.infos), text)


def _split_mark(text: str) -> tuple[str, str, str]:
    start = text.find("⟦")
    end = text.find("⟧", start + 1)
    if start < 0 or end < 0:
        return text, "", ""
    return text[:start], text[start + 1 : end], text[end + 1 :]
