"""The check page's content: the figures of an upload as a table by unit, every cell a finding
names marked (its result cell, the cells it used, the suspect), and the findings beside it.

Pure arrangement of a check result; whatever it needs from the rest of reportgen (where a
figure sits in the clerk's sheet, figures in Vietnamese format, the suspects the reasoning
attached) comes through :mod:`reportgen.web.services`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.diagnostics import catalog
from reportgen.web import services
from reportgen.web.services import CellPos, fmt_figure

if TYPE_CHECKING:
    from reportgen.config.model import Indicator, ReportConfig
    from reportgen.data.dataset import Dataset, Unit

MAX_ROWS = 300
"""Above this many units the table shows only units with a problem (errors first), at most
this many, and the city."""
MAX_FINDINGS = 300
"""At most this many findings are listed beside the table (errors first); the rest are in the
findings file the page offers."""


@dataclass
class CellView:
    """One cell of the figures table: what the file holds, and what is said about it."""

    indicator: str
    label: str
    text: str
    pos: CellPos | None  # None for figures computed, not read
    findings: list[str] = field(default_factory=list)  # ids of the findings naming it
    stated: bool = False  # a finding's own result cell
    severity: str | None = None
    suspect: bool = False
    related: bool = False  # named by a finding as an input, not as its result

    @property
    def computed(self) -> bool:
        """True for a figure worked out by reportgen (not a cell of the sheet)."""
        return self.pos is None


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
    pos: CellPos | None
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
    owner: str = ""  # the unit whose cell is to fix (a ward's, for a total row it explains)


@dataclass
class Suspect:
    """The cell most likely to be the wrong one in a unit, and why."""

    unit: str
    indicator: str
    label: str
    pos: CellPos | None
    reason: str
    value: str | None = None  # the value that would make the checks agree, when known


@dataclass
class CheckView:
    """Everything the check page shows for one upload."""

    columns: list[tuple[str, str, str]]  # (indicator id, label, unit)
    rows: list[RowView]
    findings: list[FindingView]
    suspects: list[Suspect]
    errors: int  # error findings: the checks that do not agree
    warnings: int
    infos: int
    data_file: str
    mistakes: int = 0  # errors as ``reportgen check`` counts them: one per suspected cell
    error_units: int = 0  # units with an error (a total row's error explained by a ward: the ward)
    sheets: list[str] = field(default_factory=list)  # the sheets figures were read from
    hidden_rows: int = 0  # units left out of a very long table
    more_findings: int = 0  # findings not listed beside the table
    problems: list[Any] = field(default_factory=list)  # what stops the render besides figures

    @property
    def ok(self) -> bool:
        """True when the figures have no error."""
        return self.errors == 0

    @property
    def flagged_columns(self) -> set[str]:
        """The indicators with at least one cell a finding names."""
        return {c.indicator for r in self.rows for c in r.cells if c.findings}

    @property
    def units_with_errors(self) -> int:
        """How many units have an error, counted over every finding (not only those listed)
        as ``reportgen check`` counts them."""
        return self.error_units

    @property
    def grouped(self) -> bool:
        """True when some mistakes each explain several checks that do not agree (the page
        then says how many checks, as ``reportgen check`` does)."""
        return self.mistakes != self.errors


def build_view(
    config: ReportConfig,
    dataset: Dataset,
    findings: Sequence[Any],
    data_file: Path,
    display_name: str,
) -> CheckView:
    """Arrange a check result as the page shows it (see :class:`CheckView`)."""
    shown = services.table_indicators(config, dataset)
    locate = services.CellLocator(dataset)
    suspects = suspects_of(config, dataset, findings, locate)
    suspect_keys = {(s.unit, s.indicator) for s in suspects}

    def clean(text: str) -> str:
        return services.clean_text(text, data_file, display_name)

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
            pos = locate(unit, ind)
            cells.append(
                FindingCell(
                    ind_id,
                    ind.label,
                    pos,
                    _text(pos, unit, ind),
                    k == 0,
                    (f.unit, ind_id) in suspect_keys,
                )
            )
        stated = config.indicators.get(f.indicators[0]) if f.indicators else None
        views.append(
            FindingView(
                id=fid,
                severity=f.severity,
                severity_vi=services.severity_words(f.severity),
                unit=f.unit,
                check=f.check,
                message=clean(f.message),
                expected=fmt_figure(f.expected, stated) if f.expected is not None else None,
                found=fmt_figure(f.actual, stated) if f.actual is not None else None,
                hint=clean(f.hint) if f.hint else None,
                cells=cells,
                consequence_of=_labels(config, _extra(f).get("consequence_of")),
                owner=str(_extra(f).get("explained_by") or f.unit),
            )
        )

    rows: list[RowView] = []
    everyone = [*dataset.units, dataset.total]
    long = len(everyone) > MAX_ROWS
    if long:
        # a long table shows only units with a problem: locate the cells of those alone
        named = {u for u, _ in marks} | {u for u, _ in suspect_keys}
        everyone = [u for u in everyone if u.is_total or u.name in named]
    for unit in everyone:
        cells_v: list[CellView] = []
        errors = 0
        for ind in shown:
            pos = locate(unit, ind)
            cell = CellView(ind.id, ind.label, _text(pos, unit, ind), pos)
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
    if long:
        kept = _problem_rows(rows)
        hidden = len(dataset.units) + 1 - len(kept)
        rows = kept
    listed = sorted(views, key=lambda v: services.severity_rank(v.severity))[:MAX_FINDINGS]
    ids = {v.id for v in listed}
    more = len(views) - len(listed)
    views = [v for v in views if v.id in ids]

    counts = Counter(f.severity for f in findings)
    mistakes, error_units = services.error_counts(findings)
    return CheckView(
        columns=[(i.id, i.label, i.unit) for i in shown],
        rows=rows,
        findings=views,
        suspects=suspects,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        data_file=display_name,
        sheets=services.sheets_of(dataset),
        hidden_rows=hidden,
        more_findings=more,
        mistakes=mistakes,
        error_units=error_units,
    )


def _problem_rows(rows: list[RowView]) -> list[RowView]:
    """The rows a long table keeps: units with errors first, then units with other findings,
    at most :data:`MAX_ROWS` of them in file order, and the whole city."""
    errors = [r for r in rows if r.errors and not r.is_total]
    others = [
        r for r in rows if not r.errors and not r.is_total and any(c.findings for c in r.cells)
    ]
    keep = {id(r) for r in (errors + others)[:MAX_ROWS]}
    return [r for r in rows if r.is_total or id(r) in keep]


def _text(pos: CellPos | None, unit: Unit | None, ind: Indicator) -> str:
    """What the page shows for a figure: the cell as the clerk typed it (numbers in Vietnamese
    format), or the computed value."""
    if pos is None:
        return fmt_figure(unit.values.get(ind.id), ind, sign=False) if unit is not None else ""
    if isinstance(pos.raw, Decimal):
        return fmt_figure(pos.raw)
    return "" if pos.raw is None else str(pos.raw)


def _extra(f: object) -> Mapping[str, Any]:
    """The extra fields a finding carries (none on findings that have no ``extra``)."""
    extra = getattr(f, "extra", None)
    return extra if isinstance(extra, Mapping) else {}


def _labels(config: ReportConfig, ids: object) -> list[str]:
    """The labels of the indicators named in ``ids`` (a list of ids; anything else: none)."""
    if not isinstance(ids, list | tuple):
        return []
    return [config.indicators[i].label for i in ids if i in config.indicators]


def suspects_of(
    config: ReportConfig,
    dataset: Dataset,
    findings: Sequence[Any],
    locate: services.CellLocator | None = None,
) -> list[Suspect]:
    """The cell most likely to be wrong in each unit with errors.

    The suspects the reasoning across findings attached (``suspects``) when a finding carries
    any; otherwise the cell that the most error findings of the unit share (two broken rates
    sharing one base name the base), and with a single finding its own result cell."""
    locate = locate or services.CellLocator(dataset)
    carried = _carried_suspects(config, dataset, findings, locate)
    if carried is not None:
        return carried
    by_unit: dict[str, list[Any]] = {}
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
        if n >= 2 and len(tied) == 1:
            ind = config.indicators[best]
            reason = catalog.text("web.suspect-shared", count=n)
            out.append(Suspect(unit_name, best, ind.label, locate(unit, ind), reason))
            continue
        first = items[0]
        stated = config.indicators.get(first.indicators[0])
        if stated is None or not stated.column:
            continue
        value = fmt_figure(first.expected, stated) if first.expected is not None else None
        needed = catalog.text("web.suspect-needed", value=value) if value else ""
        reason = catalog.text("web.suspect-computed", needed=needed)
        out.append(
            Suspect(
                unit_name,
                stated.id,
                stated.label,
                locate(unit, stated),
                reason,
                value,
            )
        )
    return out


def _carried_suspects(
    config: ReportConfig,
    dataset: Dataset,
    findings: Sequence[Any],
    locate: services.CellLocator,
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
            value = s.get("expected", s.get("value"))
            default = catalog.text("web.suspect-default")
            reason = str(s.get("reason") or reasoning or default)
            reason = reason.removeprefix(f"{default}: ").removeprefix(f"{default} — ")
            out.append(
                Suspect(
                    f.unit,
                    ind_id,
                    ind.label,
                    locate(unit, ind),
                    reason.rstrip("."),
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
