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

import csv
import importlib
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.data.reader import column_letter
from reportgen.diagnostics.errors import ReportgenError
from reportgen.diagnostics.model import SEVERITY_VI
from reportgen.validate.findings import Finding
from reportgen.vnformat import format_number, parse_number
from reportgen.web.security import web_error

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


# -- checking an upload --------------------------------------------------------------------


@dataclass
class CellView:
    """One cell of the figures table: what the file holds, and what is said about it."""

    indicator: str
    text: str
    ref: str | None  # A1 reference in the clerk's sheet (None for computed figures)
    row: int | None
    col: int | None  # 0-based column index in the sheet
    findings: list[str] = field(default_factory=list)  # ids of the findings naming it
    stated: bool = False  # a finding's own result cell
    severity: str | None = None
    suspect: bool = False
    computed: bool = False
    related: bool = False  # named by a finding as an input, not as its result
    label: str = ""


@dataclass
class RowView:
    """One unit's row of the figures table."""

    unit: str
    row: int | None
    is_total: bool
    cells: list[CellView]
    errors: int = 0


@dataclass
class FindingCell:
    """A cell a finding names, with its current text (for the in-page correction)."""

    indicator: str
    label: str
    ref: str | None
    row: int | None
    col: int | None
    text: str
    stated: bool
    suspect: bool


@dataclass
class FindingView:
    """A finding as the page shows it."""

    id: str
    severity: str
    severity_vi: str
    unit: str
    check: str
    message: str
    expected: str | None
    found: str | None
    hint: str | None
    cells: list[FindingCell]
    consequence_of: list[str] = field(default_factory=list)  # labels of the suspect cells


@dataclass
class Suspect:
    """The cell most likely to be the wrong one in a unit, and why."""

    unit: str
    indicator: str
    label: str
    ref: str | None
    reason: str
    value: str | None = None  # the value that would make the checks agree, when known


@dataclass
class CheckView:
    """Everything the check page shows for one upload."""

    columns: list[tuple[str, str, str]]  # (indicator id, label, unit)
    rows: list[RowView]
    findings: list[FindingView]
    suspects: list[Suspect]
    errors: int
    warnings: int
    infos: int
    sheet: str | None
    data_file: str
    hidden_rows: int = 0  # units without a problem left out of a very long table

    @property
    def ok(self) -> bool:
        """True when nothing blocks the reports."""
        return self.errors == 0

    @property
    def flagged_columns(self) -> set[str]:
        """The indicators with at least one flagged cell."""
        return {c.indicator for r in self.rows for c in r.cells if c.findings}

    @property
    def units_with_errors(self) -> int:
        """How many units have an error finding."""
        return len({f.unit for f in self.findings if f.severity == "error"})


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


MAX_ROWS = 300
"""Above this many units the table shows only the units with a problem (and the city)."""


def check_figures(config_path: Path, data_file: Path, display_name: str) -> CheckView:
    """Check the figures in ``data_file`` against the report ``config_path``; return the
    table by unit with every flagged cell, the findings and the suspect cells. Raises
    :class:`~reportgen.diagnostics.errors.ReportgenError` when the file cannot be read at all."""
    from reportgen.app import pipeline

    result = pipeline.check(config_path, data_file=data_file)
    return build_view(result.config, result.dataset, result.findings, data_file, display_name)


def build_view(
    config: ReportConfig,
    dataset: Dataset,
    findings: Sequence[Finding],
    data_file: Path,
    display_name: str,
) -> CheckView:
    """Arrange a check result as the page shows it (see :class:`CheckView`)."""
    table = dataset.table
    shown = [
        ind
        for ind in config.indicators.values()
        if ind.column and ind.kind != "text" and ind.column in table.index
    ]
    raw_rows = dict(table.rows)
    suspects = suspects_of(config, dataset, findings)
    suspect_keys = {(s.unit, s.indicator) for s in suspects}

    views: list[FindingView] = []
    marks: dict[tuple[str, str], list[tuple[str, bool, str]]] = {}
    for n, f in enumerate(findings, 1):
        fid = f"f{n}"
        cells: list[FindingCell] = []
        unit = dataset.find(f.unit)
        for k, ind_id in enumerate(dict.fromkeys(f.indicators)):
            ind = config.indicators.get(ind_id)
            if ind is None:
                continue
            marks.setdefault((f.unit, ind_id), []).append((fid, k == 0, f.severity))
            row, col = _cell_position(dataset, unit, ind)
            cells.append(
                FindingCell(
                    ind_id,
                    ind.label,
                    _ref(table.sheet, row, col),
                    row,
                    col,
                    _cell_text(raw_rows, unit, ind, row, col),
                    k == 0,
                    (f.unit, ind_id) in suspect_keys,
                )
            )
        stated = config.indicators.get(f.indicators[0]) if f.indicators else None
        views.append(
            FindingView(
                id=fid,
                severity=f.severity,
                severity_vi=SEVERITY_VI[f.severity],
                unit=f.unit,
                check=f.check,
                message=clean_text(f.message, data_file, display_name),
                expected=fmt_figure(f.expected, stated) if f.expected is not None else None,
                found=fmt_figure(f.actual, stated) if f.actual is not None else None,
                hint=clean_text(f.hint, data_file, display_name) if f.hint else None,
                cells=cells,
                consequence_of=_labels(config, _extra(f).get("consequence_of")),
            )
        )

    rows: list[RowView] = []
    units = [*dataset.units, dataset.total]
    for unit in units:
        cells_v: list[CellView] = []
        errors = 0
        for ind in shown:
            row, col = _cell_position(dataset, unit, ind)
            computed = row is None
            text = (
                fmt_figure(unit.values.get(ind.id), ind, sign=False)
                if computed
                else _cell_text(raw_rows, unit, ind, row, col)
            )
            cell = CellView(
                ind.id,
                text,
                _ref(table.sheet, row, col),
                row,
                col,
                computed=computed,
                label=ind.label,
            )
            cell.suspect = (unit.name, ind.id) in suspect_keys
            for fid, is_result, severity in marks.get((unit.name, ind.id), []):
                cell.findings.append(fid)
                cell.stated = cell.stated or is_result
                if is_result or cell.suspect:
                    if cell.severity is None or severity == "error":
                        cell.severity = severity
                else:
                    cell.related = True
            if cell.severity == "error":
                errors += 1
            cells_v.append(cell)
        rows.append(RowView(unit.name, unit.row, unit.is_total, cells_v, errors))
    hidden = 0
    if len(rows) > MAX_ROWS:
        kept = [r for r in rows if r.is_total or any(c.findings for c in r.cells)]
        hidden = len(rows) - len(kept)
        rows = kept

    counts = Counter(f.severity for f in findings)
    return CheckView(
        columns=[(i.id, i.label, i.unit) for i in shown],
        rows=rows,
        findings=views,
        suspects=suspects,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        sheet=table.sheet,
        data_file=display_name,
        hidden_rows=hidden,
    )


def _extra(f: object) -> Mapping[str, Any]:
    """The extra fields a finding carries (none on findings that have no ``extra``)."""
    extra = getattr(f, "extra", None)
    return extra if isinstance(extra, Mapping) else {}


def _labels(config: ReportConfig, ids: object) -> list[str]:
    """The labels of the indicators named in ``ids`` (a list of ids; anything else: none)."""
    if not isinstance(ids, list | tuple):
        return []
    return [config.indicators[i].label for i in ids if i in config.indicators]


def _cell_position(
    dataset: Dataset, unit: Unit | None, ind: Indicator
) -> tuple[int | None, int | None]:
    if unit is None or unit.row is None or ind.column is None:
        return None, None
    col = dataset.table.index.get(ind.column)
    return (unit.row, col) if col is not None else (None, None)


def _ref(sheet: str | None, row: int | None, col: int | None) -> str | None:
    if row is None or col is None:
        return None
    return f"{column_letter(col)}{row}"


def _cell_text(
    raw_rows: dict[int, list[Any]],
    unit: Unit | None,
    ind: Indicator,
    row: int | None,
    col: int | None,
) -> str:
    if row is None or col is None:
        return fmt_figure(unit.values.get(ind.id), ind, sign=False) if unit is not None else ""
    values = raw_rows.get(row, [])
    raw = values[col] if col < len(values) else None
    if isinstance(raw, Decimal):
        return fmt_figure(raw)
    return "" if raw is None else str(raw)


def suspects_of(
    config: ReportConfig, dataset: Dataset, findings: Sequence[Finding]
) -> list[Suspect]:
    """The cell most likely to be wrong in each unit with errors.

    Uses the suspects a finding carries (``extra["suspects"]`` of its diagnostic, from the
    cross-finding reasoning) when there are any; otherwise the cell that the most error
    findings of the unit share (two broken rates sharing one base name the base), and with a
    single finding its own result cell."""
    carried = _carried_suspects(config, dataset, findings)
    if carried is not None:
        return carried
    by_unit: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity == "error" and f.indicators:
            by_unit.setdefault(f.unit, []).append(f)
    out: list[Suspect] = []
    for unit_name, items in by_unit.items():
        unit = dataset.find(unit_name)
        inputs = [
            i
            for f in items
            for i in dict.fromkeys(f.indicators)
            if (ind := config.indicators.get(i)) is not None and ind.column
        ]
        if not inputs:
            continue
        counts = Counter(inputs)
        best, n = counts.most_common(1)[0]
        tied = [i for i, c in counts.items() if c == n]
        ind = config.indicators[best]
        row, col = _cell_position(dataset, unit, ind)
        if n >= 2 and len(tied) == 1:
            reason = (
                f"ô này có mặt trong cả {n} phép kiểm tra đang sai của đơn vị; "
                "sửa ô này trước rồi kiểm tra lại"
            )
            out.append(Suspect(unit_name, best, ind.label, _ref(None, row, col), reason))
            continue
        first = items[0]
        stated = config.indicators.get(first.indicators[0])
        if stated is None or not stated.column:
            continue
        row, col = _cell_position(dataset, unit, stated)
        value = fmt_figure(first.expected, stated) if first.expected is not None else None
        reason = (
            "số liệu chưa đủ để biết ô nào sai; đây là ô mà phép kiểm tra tính ra"
            + (f" (cần {value})" if value else "")
            + ", nhưng cũng có thể sai ở các ô liên quan"
        )
        out.append(Suspect(unit_name, stated.id, stated.label, _ref(None, row, col), reason, value))
    return out


def _carried_suspects(
    config: ReportConfig, dataset: Dataset, findings: Sequence[Finding]
) -> list[Suspect] | None:
    """Suspects attached to the findings by the reasoning across findings, when the project
    has it: a finding's ``suspects`` (or ``extra["suspects"]``), mappings with ``indicator`` and
    the value that makes the checks agree (``expected``, or ``value``); ``extra["decided"]``
    and ``extra["suspect_groups"]`` (when the figures decide, only the first group is named);
    ``extra["reasoning"]``, the sentence that explains it. None when no finding carries any."""
    out: list[Suspect] = []
    seen: set[tuple[str, str]] = set()
    found_any = False
    for f in findings:
        extra = _extra(f)
        raw = getattr(f, "suspects", None) or extra.get("suspects")
        if not raw:
            continue
        found_any = True
        groups = extra.get("suspect_groups")
        chosen = groups[0] if extra.get("decided", True) and groups else raw
        reasoning = extra.get("reasoning")
        unit = dataset.find(f.unit)
        for s in chosen:
            if not isinstance(s, Mapping):
                continue
            ind_id = str(s.get("indicator", ""))
            ind = config.indicators.get(ind_id)
            if ind is None or (f.unit, ind_id) in seen:
                continue
            seen.add((f.unit, ind_id))
            row, col = _cell_position(dataset, unit, ind)
            value = s.get("expected", s.get("value"))
            reason = s.get("reason") or reasoning or "ô nghi sai nhất"
            out.append(
                Suspect(
                    f.unit,
                    ind_id,
                    ind.label,
                    _ref(None, row, col),
                    str(reason).rstrip("."),
                    fmt_figure(_decimal(value), ind) if value is not None else None,
                )
            )
    return out if found_any else None


def _decimal(value: object) -> object:
    """A figure from JSON-like data as a Decimal when it is one (``"4558"`` → 4558)."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    return value


# -- correcting cells in the page ----------------------------------------------------------

EDITABLE = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class Edit:
    """A cell the clerk corrected in the page: its place, the text it had, the new text."""

    row: int
    col: int
    old: str
    new: str


def apply_edits(
    source: Path, target: Path, edits: Sequence[Edit], *, sheet: str | None, locale: str = "vi"
) -> None:
    """Write a copy of ``source`` to ``target`` with ``edits`` applied (the original is never
    changed). CSV cells take the text as typed; workbook cells take the number it reads as
    (a percentage-formatted cell gets its fraction). Raises :class:`WebError` for a file type
    that cannot be edited, a value that is not a number, or a cell that no longer holds what
    the page showed."""
    ext = source.suffix.lower()
    if ext not in EDITABLE:
        raise web_error("web.edit-unsupported", ext=ext)
    if ext == ".csv":
        _edit_csv(source, target, edits)
    else:
        _edit_xlsx(source, target, edits, sheet=sheet, locale=locale)


def _edit_csv(source: Path, target: Path, edits: Sequence[Edit]) -> None:
    raw = source.read_bytes()
    for encoding in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything
        raise web_error("web.edit-unsupported", ext=".csv")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=";,\t"
        )
    except csv.Error:
        dialect = csv.excel
    records = list(csv.reader(io.StringIO(text, newline=""), dialect))
    for e in edits:
        if e.row < 1 or e.row > len(records) or e.col >= len(records[e.row - 1]):
            raise web_error("web.not-found", 404, what=f"ô {column_letter(e.col)}{e.row}")
        if records[e.row - 1][e.col].strip() != e.old.strip():
            raise web_error(
                "web.not-found", 409, what=f"ô {column_letter(e.col)}{e.row} như trang đang hiện"
            )
        records[e.row - 1][e.col] = e.new.strip()
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\n")
    writer.writerows(records)
    target.write_bytes(out.getvalue().encode("utf-8-sig"))


def _edit_xlsx(
    source: Path, target: Path, edits: Sequence[Edit], *, sheet: str | None, locale: str
) -> None:
    import openpyxl

    from reportgen.diagnostics.errors import NumberFormatError

    wb = openpyxl.load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    ws = wb[sheet] if sheet and sheet in wb.sheetnames else wb.worksheets[0]
    for e in edits:
        cell = ws.cell(row=e.row, column=e.col + 1)
        ref = f"{column_letter(e.col)}{e.row}"
        text = e.new.strip()
        if not text:
            cell.value = None
            continue
        try:
            value = parse_number(text, locale=locale)
        except NumberFormatError as exc:
            raise web_error("web.edit-bad-value", value=text, cell=ref, reason=exc.message) from exc
        fmt = str(cell.number_format or "")
        if "%" in fmt.split(";", 1)[0].replace('"%"', ""):
            value = value.scaleb(-2)
        cell.value = int(value) if value == value.to_integral_value() else float(value)
    wb.save(target)


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
            OutputView(o.unit, o.status, Path(o.file).name if o.file else None, None, o.reason)
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
