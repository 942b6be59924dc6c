"""Read a clerk's workbook as the report definition describes it (``data.workbook``).

Each sheet's table is found (:mod:`reportgen.data.layout`), every column is named by its header
path ("Hộ nghèo › Đầu năm"), the YAML's columns are resolved (by id, header path, header text,
numbering label or letter), and every named row is classified: a unit, the whole-city row, a
declared group row, a group heading, or a row that looks like a subtotal and is not declared —
the last one stops the run (it would be counted twice). Units come out as plain tables
(:class:`~reportgen.data.reader.RawTable`, one per sheet) for :func:`~reportgen.data.dataset.
build_units`; all problems of every sheet are collected and reported in one run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportgen.config.model import Indicator, ReportConfig, WorkbookLayout
from reportgen.data.layout import (
    PATH_SEP,
    Layout,
    Row,
    find_layout,
    group_like,
    total_like,
    unit_like,
)
from reportgen.data.reader import CellValue, RawTable, check_legacy, column_letter
from reportgen.data.text import (
    ascii_words,
    collapse_spaces,
    expand_unit_name,
    name_key,
    nfc,
    unit_key,
)
from reportgen.data.workbook import (
    FORM_SHEET,
    Grid,
    Uncomputed,
    Workbook,
    cell_value,
    col_index,
)
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DataError, Location, NumberFormatError, ReportgenError
from reportgen.diagnostics.suggest import did_you_mean
from reportgen.vnformat import parse_number


@dataclass(frozen=True)
class Column:
    """A column of a sheet's table."""

    sheet: int  # index in the list of sheets read
    sheet_name: str
    index: int
    path: str
    label: str

    @property
    def letter(self) -> str:
        """The spreadsheet letter."""
        return column_letter(self.index)

    def describe(self, with_sheet: bool = False) -> str:
        """``"Hộ nghèo › Đầu năm" (cột D)``, with the sheet when several are read."""
        where = f"{self.sheet_name}!{self.letter}" if with_sheet else self.letter
        if self.path:
            return catalog.text("data.column-named", path=self.path, where=where)
        return catalog.text("data.column-untitled", where=where)


@dataclass
class GroupRow:
    """A declared group/subtotal row and the unit rows it adds up."""

    sheet: int
    row: Row
    cells: list[CellValue]
    members: list[int]  # row numbers of its units
    direction: str  # "below", "above" or "all"


@dataclass
class SheetTable:
    """One sheet read: its layout and the table of its unit rows (and whole-city row)."""

    layout: Layout
    table: RawTable
    groups: list[GroupRow] = field(default_factory=list)


@dataclass
class WorkbookData:
    """Every sheet read, where each name (indicator or text column) is, and what was noted."""

    sheets: list[SheetTable]
    mapping: dict[str, tuple[int, str]]  # name → (sheet index, header in its table)
    unit_headers: list[str]
    notes: list[str]
    errors: list[ReportgenError]
    form: dict[str, object] | None = None

    def groups_all(self) -> list[GroupRow]:
        """The declared group rows of every sheet."""
        return [g for st in self.sheets for g in st.groups]


def _fold(text: str) -> str:
    return unit_key(collapse_spaces(nfc(text)).replace(">", "›").replace(" › ", "›"))


#: a column named by its letter: ``D``, ``cột D``
_COLUMN_LETTER = re.compile(r"(?:cột\s+)?([A-Z]{1,3})")


def _strip_unit(path: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", path)


class ColumnIndex:
    """Finds a column by what the YAML writes (see :func:`ColumnIndex.find`)."""

    def __init__(self, columns: list[Column], ids: Mapping[tuple[int, int], str]) -> None:
        self.columns = columns
        self.multi = len({c.sheet for c in columns}) > 1
        self.by_path: dict[str, list[Column]] = {}
        self.by_leaf: dict[str, list[Column]] = {}
        self.by_label: dict[str, list[Column]] = {}
        self.by_id: dict[str, Column] = {}
        for col in columns:
            if col.path:
                keys = {_fold(col.path), _fold(_strip_unit(col.path))}
                for k in keys:
                    self.by_path.setdefault(k, []).append(col)
                leaf = col.path.split(PATH_SEP)[-1]
                for k in {_fold(leaf), _fold(_strip_unit(leaf))}:
                    self.by_leaf.setdefault(k, []).append(col)
            if col.label:
                self.by_label.setdefault(col.label.strip("() "), []).append(col)
            cid = ids.get((col.sheet, col.index))
            if cid:
                self.by_id[cid] = col

    def find(self, spec: str, sheet_names: list[str]) -> tuple[Column | None, str | None]:
        """The column ``spec`` names, or None with why (ambiguous) — None, None when absent.

        ``spec`` is an id (the hidden sheet of a form), a header path (``Hộ nghèo › Đầu năm``),
        a header text when only one column has it, a numbering label (``(3)``), or a letter
        (``D``, ``cột D``); ``Biểu 02!`` in front picks the sheet."""
        spec = collapse_spaces(nfc(spec))
        pool = self.columns
        sheet_part, bang, rest = spec.partition("!")
        if bang:
            match = [i for i, n in enumerate(sheet_names) if unit_key(n) == unit_key(sheet_part)]
            if match:
                pool = [c for c in pool if c.sheet == match[0]]
                spec = rest.strip()
        if spec in self.by_id and self.by_id[spec] in pool:
            return self.by_id[spec], None
        m = _COLUMN_LETTER.fullmatch(spec)
        if m and not any(_fold(c.path) == _fold(spec) for c in pool):
            index = col_index(m.group(1))
            found = [c for c in pool if c.index == index]
            if len({c.sheet for c in found}) > 1:
                return None, catalog.text(
                    "data.column-letter-ambiguous",
                    letter=m.group(1),
                    n=len(found),
                    sheet=found[0].sheet_name,
                )
            return (found[0] if found else None), None
        m = re.fullmatch(r"\(\s*([0-9]{1,3})\s*\)", spec)
        if m:
            found = [c for c in self.by_label.get(m.group(1), []) if c in pool]
            return _one(found, spec, self.multi)
        key = _fold(spec)
        for table in (self.by_path, self.by_leaf):
            found = [c for c in table.get(key, []) if c in pool]
            if found:
                return _one(found, spec, self.multi)
        found = [c for c in pool if c.path and _fold(c.path).endswith("›" + key)]
        return _one(found, spec, self.multi) if found else (None, None)


def _one(found: list[Column], spec: str, multi: bool) -> tuple[Column | None, str | None]:
    unique = list(dict.fromkeys(found))
    if len(unique) == 1:
        return unique[0], None
    if not unique:
        return None, None
    shown = ", ".join(c.describe(multi) for c in unique[:6])
    return None, catalog.text("data.column-spec-ambiguous", spec=spec, n=len(unique), columns=shown)


# --- did-you-mean by meaning ------------------------------------------------------------------

_SYN = {"nam": "ky", "thang": "ky"}


def _words(text: str) -> set[str]:
    tokens = [t for t in ascii_words(text, " ").split() if t]
    out = set(tokens)
    for a, b in itertools.pairwise(tokens):
        if a in ("dau", "cuoi") and b in _SYN:
            b = _SYN[b]
            out.discard(b)
            out.add("ky")
        out.add(f"{a}_{b}")
    return out


def meaning_score(ind: Indicator, path: str) -> float:
    """How well a header path says what an indicator is: overlap of the words (and word pairs)
    of its label and id with the header's, the unit counted in (``%`` ~ "tỷ lệ")."""
    want = _words(ind.label) | _words(ind.id.replace("_", " "))
    have = _words(path)
    if not have:
        return 0.0
    score = len(want & have) / len(want | have)
    unit = ind.unit.strip().lower()
    rate_header = ("ty" in have and "le" in have) or "%" in path
    if unit == "%" and rate_header:
        score += 0.15
    elif unit != "%" and rate_header:
        score -= 0.2
    elif unit and ascii_words(unit, " ") and set(ascii_words(unit, " ").split()) <= have:
        score += 0.05
    return score


def best_guesses(ind: Indicator, columns: Collection[Column], taken: set[Column]) -> list[Column]:
    """The columns most likely meant for ``ind`` (never one already mapped to another
    indicator): the best, and a second when it scores as well."""
    return guesses_for([ind], columns, taken)[ind.id]


def guesses_for(
    indicators: list[Indicator], columns: Collection[Column], taken: set[Column]
) -> dict[str, list[Column]]:
    """Guesses for several missing indicators at once: the best-fitting (indicator, column)
    pairs are settled first, and a column goes to the one indicator it fits best — never
    proposed for two indicators (two "Cuối năm" columns are not both "Hộ nghèo cuối năm"),
    never one already mapped to another indicator."""
    free = [c for c in columns if c.path and c not in taken]
    scores = {
        (ind.id, k): meaning_score(ind, c.path) for ind in indicators for k, c in enumerate(free)
    }
    owner: dict[int, str] = {}
    best: dict[str, float] = {}
    for (iid, k), score in sorted(scores.items(), key=lambda x: -x[1]):
        if score < 0.25:
            break
        if k in owner or iid in best:
            continue
        owner[k] = iid
        best[iid] = score
    out: dict[str, list[Column]] = {ind.id: [] for ind in indicators}
    for k, iid in sorted(owner.items(), key=lambda x: -scores[(x[1], x[0])]):
        out[iid].append(free[k])
    for ind in indicators:
        if ind.id not in best:
            continue
        # a second guess as good as the first, that no other indicator fits better
        for k, c in enumerate(free):
            if k in owner or len(out[ind.id]) >= 2:
                continue
            score = scores[(ind.id, k)]
            rival = max((v for (i, kk), v in scores.items() if kk == k and i != ind.id), default=0)
            if score >= best[ind.id] - 0.02 and score > rival:
                out[ind.id].append(c)
    return out


# --- reading ------------------------------------------------------------------------------------


def _quick_number(v: CellValue, locale: str) -> Decimal | None:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, str):
        try:
            return parse_number(v.rstrip("%").strip(), locale=locale)
        except (NumberFormatError, ValueError):
            return None
    return None


def _sheet_names(wb: Workbook, layout: WorkbookLayout, sheet: str | None) -> list[str]:
    wanted = list(layout.sheets) or ([sheet] if sheet else [])
    if not wanted:
        return [wb.visible[0] if wb.visible else wb.sheet_names[0]]
    out = []
    for name in wanted:
        match = [n for n in wb.sheet_names if unit_key(n) == unit_key(name)]
        if not match:
            guess = did_you_mean(name, wb.sheet_names)
            raise DataError.of(
                "data.no-sheet",
                location=Location(file=wb.name),
                name=name,
                guess=catalog.text("data.did-you-mean", guess=guess) if guess else "",
                sheets=", ".join(n for n in wb.sheet_names if n != FORM_SHEET),
            )
        out.append(match[0])
    return out


def read_workbook(
    path: Path,
    config: ReportConfig,
    *,
    name: str,
    sheet: str | None,
    unit_column: str,
    locale: str,
    required: Collection[str] | None = None,
) -> WorkbookData:
    """Read the tables of a workbook as ``config`` maps them (see the module docstring)."""
    wl = config.data.workbook
    wb = Workbook(path, name)
    form = wb.form_ids()
    errors: list[ReportgenError] = []
    notes: list[str] = []
    if form is not None:
        if form.get("report") and form["report"] != config.id:
            errors.append(
                DataError.of(
                    "data.form-mismatch",
                    location=Location(file=name),
                    form=form["report"],
                    report=config.id,
                )
            )
        names = [str(form.get("sheet") or wb.visible[0])]
        notes.append(catalog.text("data.note-form"))
    else:
        try:
            names = _sheet_names(wb, wl, sheet)
        except DataError as exc:
            flat = _flat_sheet(wb, sheet, unit_column) if wl.sheets else None
            if flat is None:
                raise
            # A workbook in the CSV's shape (the column ids in one header row): read it as such.
            notes.append(
                catalog.text(
                    "data.note-flat-sheet", sheets=", ".join(wl.sheets), flat=flat, unit=unit_column
                )
            )
            from dataclasses import replace

            del exc
            wl = WorkbookLayout()
            config = replace(config, data=replace(config.data, workbook=wl))
            names = [flat]
    unit_spec = wl.unit_column
    unit_letter = None
    if unit_spec and _COLUMN_LETTER.fullmatch(unit_spec.strip()):
        unit_letter = col_index(unit_spec.strip().split()[-1])
        unit_spec = None
    if form is None and not wl.sheets and not sheet and unit_letter is None:
        names = _sheet_with_table(wb, names, unit_spec or unit_column, notes)
    grids: list[Grid] = []
    layouts: list[Layout] = []
    for sname in names:
        grid = wb.grid(sname)
        layout = find_layout(
            grid,
            file=name,
            unit_hint=(str(form["unit_column"]) if form and form.get("unit_column") else None)
            or unit_spec
            or unit_column,
            header_rows=(wl.header_rows or _single(config.data.header_row))
            if form is None
            else None,
            first_row=wl.first_row if form is None else None,
            last_row=wl.last_row if form is None else None,
            unit_col=unit_letter if form is None else None,
        )
        grids.append(grid)
        layouts.append(layout)
        errors.extend(layout.errors)
        legacy = _legacy_text(layout, name)
        if legacy is not None:
            errors.append(legacy)
        for note in layout.notes:
            notes.append(catalog.text("data.note-of-sheet", sheet=sname, note=note))
    columns = [
        Column(
            s, layouts[s].sheet, i, p, layouts[s].labels[i] if i < len(layouts[s].labels) else ""
        )
        for s in range(len(layouts))
        for i, p in enumerate(layouts[s].paths)
        if i != layouts[s].unit_col
    ]
    ids: dict[tuple[int, int], str] = {}
    if form is not None:
        form_columns: dict[str, str] = form.get("columns") or {}
        for letter, cid in form_columns.items():
            ids[(0, col_index(str(letter)))] = str(cid)
    index = ColumnIndex(columns, ids)
    extra = [cid for cid in ids.values() if cid.startswith("attr:")]
    mapping, unresolved = _resolve(config, wl, index, names, required, errors, extra)
    taken = {c for c in mapping.values()}
    if unresolved:
        errors.append(_missing_message(config, unresolved, columns, taken, layouts, name, index))
    headers = [_headers(lay) for lay in layouts]
    sheets: list[SheetTable] = []
    for s, (grid, layout) in enumerate(zip(grids, layouts, strict=True)):
        mine = {n: c for n, c in mapping.items() if c.sheet == s}
        summable = [
            c.index
            for n, c in mine.items()
            if n in config.indicators and config.indicators[n].total == "sum"
        ]
        form_groups = [str(form["total_row"])] if form and form.get("total_row") else []
        _classify(layout, grid, config, summable, locale, name, errors, form_groups)
        rows: list[tuple[int, list[CellValue]]] = []
        by_row: dict[int, list[CellValue]] = {}
        for row in layout.rows:
            if row.kind in ("unit", "total", "group"):
                cells = _cells(grid, row.number - 1, len(layout.paths))
                if cells[layout.unit_col] is None:  # named in a cell merged across STT and name
                    cells = [*cells]
                    cells[layout.unit_col] = row.name
                by_row[row.number] = cells
                if row.kind != "group":
                    rows.append((row.number, cells))
        for n in layout.nameless:
            errors.append(
                DataError.of(
                    "data.nameless-row",
                    location=Location(
                        file=name, sheet=layout.sheet, row=n, column=column_letter(layout.unit_col)
                    ),
                )
            )
        table = RawTable(name, layout.sheet, headers[s], layout.header_rows[1], rows)
        st = SheetTable(layout, table)
        st.groups = _groups(s, layout, by_row, summable, locale)
        if st.groups:
            notes.append(
                catalog.text(
                    "data.note-groups",
                    sheet=layout.sheet,
                    groups="; ".join(
                        catalog.text(
                            "data.note-group", row=g.row.number, name=g.row.name, n=len(g.members)
                        )
                        for g in st.groups
                    ),
                )
            )
        sheets.append(st)
    return WorkbookData(
        sheets=sheets,
        mapping={n: (c.sheet, headers[c.sheet][c.index]) for n, c in mapping.items()},
        unit_headers=[h[lay.unit_col] for h, lay in zip(headers, layouts, strict=True)],
        notes=notes,
        errors=errors,
        form=form,
    )


def _single(row: int | None) -> tuple[int, int] | None:
    return (row, row) if row is not None else None


def _legacy_text(layout: Layout, file: str) -> DataError | None:
    """The first header or unit name typed in a legacy encoding (TCVN3/VNI, a ".VnTime" sheet)
    or double-encoded, as an error naming its cell; None when the text is Unicode."""
    cells = [(layout.header_rows[0], i, p) for i, p in enumerate(layout.paths) if p] + [
        (row.number, layout.unit_col, row.name) for row in layout.rows
    ]
    for number, col, text in cells:
        try:
            check_legacy(
                text, Location(file=file, sheet=layout.sheet, row=number, column=column_letter(col))
            )
        except DataError as exc:
            return exc
    return None


def _sheet_with_table(wb: Workbook, names: list[str], hint: str, notes: list[str]) -> list[str]:
    """No sheet declared and the first one has no table (a "Hướng dẫn" sheet in front): the
    first visible sheet that has one, said in a note; the first sheet when none has."""
    from reportgen.data.layout import has_header

    if has_header(wb.grid(names[0]), hint):
        return names
    for other in wb.visible:
        if other != names[0] and has_header(wb.grid(other), hint):
            notes.append(catalog.text("data.note-first-sheet-empty", first=names[0], other=other))
            return [other]
    return names


def _flat_sheet(wb: Workbook, sheet: str | None, unit_column: str) -> str | None:
    """The sheet to read as a flat table when the declared sheets are absent: ``data.sheet`` or
    the first visible sheet, if a cell of its first rows is exactly ``data.unit_column``."""
    name = sheet if sheet in wb.sheet_names else (wb.visible[0] if wb.visible else None)
    if name is None:
        return None
    for row in wb.grid(name).cells[:30]:
        if any(isinstance(v, str) and v.strip() == unit_column for v in row):
            return name
    return None


def _headers(layout: Layout) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for p in layout.paths:
        seen[p] = seen.get(p, 0) + 1
    for i, p in enumerate(layout.paths):
        if i == layout.unit_col and not p:
            out.append("Tên đơn vị")
        elif not p:
            out.append(f"cột {column_letter(i)}")
        elif seen[p] > 1:
            out.append(f"{p} ({column_letter(i)})")
        else:
            out.append(p)
    return out


def _cells(grid: Grid, r: int, width: int) -> list[CellValue]:
    """Row ``r`` converted to reportgen's cell values (once per row; numbers converted once per
    distinct value)."""
    done = grid.converted.get(r)
    if done is not None and len(done) >= width:
        return done
    raw = grid.cells[r] if r < grid.height else []
    out: list[CellValue] = []
    numbers = grid.number_cache
    for c in range(max(width, len(raw))):
        v = raw[c] if c < len(raw) else None
        if v is None or v == "":
            out.append(Uncomputed(grid.uncomputed[(r, c)]) if (r, c) in grid.uncomputed else None)
        elif type(v) is float and (r, c) not in grid.percent:
            d = numbers.get(v)
            if d is None:
                d = numbers[v] = cell_value(v)
            out.append(d)
        else:
            out.append(cell_value(v, (r, c) in grid.percent))
    grid.converted[r] = out
    return out


def _resolve(
    config: ReportConfig,
    wl: WorkbookLayout,
    index: ColumnIndex,
    names: list[str],
    required: Collection[str] | None,
    errors: list[ReportgenError],
    form_attrs: Collection[str] = (),
) -> tuple[dict[str, Column], list[str]]:
    mapping: dict[str, Column] = {}
    unresolved: list[str] = []
    wanted: dict[str, str] = {}
    for iid, ind in config.indicators.items():
        if iid in wl.columns:
            wanted[iid] = wl.columns[iid]
        elif ind.column is not None:
            wanted[iid] = ind.column
    for key, spec in wl.columns.items():
        if key not in config.indicators:
            wanted[key] = spec
    for cid in form_attrs:
        wanted.setdefault(cid.removeprefix("attr:"), cid)
    if config.data.kind_column and config.data.kind_column not in wanted:
        wanted[config.data.kind_column] = config.data.kind_column
    for key, spec in wanted.items():
        explicit = key in wl.columns
        by_id = index.by_id.get(key) or index.by_id.get(f"attr:{key}")
        col, why = (by_id, None) if by_id is not None else index.find(spec, names)
        if col is not None:
            mapping[key] = col
            continue
        is_indicator = key in config.indicators
        must = is_indicator and (required is None or key in required)
        if why is not None and (must or explicit):
            errors.append(
                DataError.of(
                    "data.ambiguous-column",
                    location=Location(
                        file=str(config.path), line=wl.line, key=f"data.workbook.columns.{key}"
                    ),
                    what=catalog.text(
                        "data.what-indicator" if is_indicator else "data.what-column", key=key
                    ),
                    why=why,
                    key=key,
                )
            )
        elif must or (explicit and is_indicator):
            unresolved.append(key)
        elif explicit:
            errors.append(
                DataError.of(
                    "data.missing-column",
                    location=Location(
                        file=str(config.path), line=wl.line, key=f"data.workbook.columns.{key}"
                    ),
                    spec=spec,
                    key=key,
                    columns=", ".join(c.describe(index.multi) for c in index.columns[:20]),
                )
            )
    return mapping, unresolved


def _missing_message(
    config: ReportConfig,
    missing: list[str],
    columns: list[Column],
    taken: set[Column],
    layouts: list[Layout],
    name: str,
    index: ColumnIndex,
) -> DataError:
    lines = []
    example = []
    all_guesses = guesses_for([config.indicators[iid] for iid in missing], columns, taken)
    for iid in missing:
        ind = config.indicators[iid]
        guesses = all_guesses[iid]
        shown = catalog.text("data.missing-columns-or").join(
            c.describe(index.multi) for c in guesses
        ) or catalog.text("data.missing-columns-no-guess")
        lines.append(
            catalog.text(
                "data.missing-columns-line",
                id=iid,
                label=ind.label,
                unit=ind.unit or catalog.text("data.missing-columns-no-unit"),
                guesses=shown,
            )
        )
        if guesses:
            g = guesses[0]
            spec = f"{g.sheet_name}!{g.path}" if index.multi else g.path
            example.append(f'      {iid}: "{spec}"')
    lay = layouts[0]
    first, last = lay.header_rows
    head = (
        catalog.text("data.missing-columns-head", first=first)
        if last == first
        else catalog.text("data.missing-columns-head-range", first=first, last=last)
    )
    hint = catalog.hint("data.missing-columns") or ""
    above = next((lay.group_above for lay in layouts if lay.group_above), "")
    if above:
        hint = catalog.text("data.missing-columns-above", above=above, hint=hint)
    if example:
        hint += catalog.text(
            "data.missing-columns-example", lines="\n".join("  " + e for e in example)
        )
    return DataError.of(
        "data.missing-columns",
        location=Location(file=name, sheet=lay.sheet),
        hint=hint,
        n=len(missing),
        head=head,
        lines="\n".join(lines),
    )


def _classify(
    layout: Layout,
    grid: Grid,
    config: ReportConfig,
    summable: list[int],
    locale: str,
    file: str,
    errors: list[ReportgenError],
    extra_groups: Collection[str] = (),
) -> None:
    """Set each row's kind; record every undeclared row that looks like a subtotal."""
    wl = config.data.workbook
    groups = {name_key(g) for g in [*wl.groups, *extra_groups]}
    total_key = name_key(config.data.total_row) if config.data.total_row else None
    headings: list[int] = []
    for row in layout.rows:
        key = name_key(row.name)
        full = expand_unit_name(row.name)
        if total_key is not None and key == total_key:
            row.kind = "total"
        elif key in groups:
            row.kind = "group"
        elif full == row.name and (total_like(row.name) or group_like(row.name, row.stt)):
            if row.has_numbers:
                row.kind = "subtotal?"
                row.reason = (
                    catalog.text("data.subtotal-reason-stt", stt=row.stt)
                    if row.stt and not group_like(row.name) and not total_like(row.name)
                    else catalog.text("data.subtotal-reason-name")
                )
            else:
                row.kind = "heading"
                headings.append(row.number)
        elif not row.has_numbers and row.name.rstrip().endswith(":") and not unit_like(row.name):
            row.kind = "heading"  # "Vùng đồng bằng:" over the units it names
            headings.append(row.number)
    if headings:
        layout.notes.append(catalog.text("data.note-headings", rows=", ".join(map(str, headings))))
    _sum_rows(layout, grid, summable, locale)
    for row in layout.rows:
        if row.kind != "subtotal?":
            continue
        errors.append(
            DataError.of(
                "data.subtotal-row",
                location=Location(
                    file=file,
                    sheet=layout.sheet,
                    row=row.number,
                    column=column_letter(layout.unit_col),
                ),
                name=row.name,
                reason=row.reason,
                total=catalog.text("data.subtotal-row-total", name=row.name)
                if total_like(row.name)
                else "",
            )
        )


def _sum_rows(layout: Layout, grid: Grid, summable: list[int], locale: str) -> None:
    """Mark unit rows whose figures equal the sum of the unit rows right above or right below
    them (at least two), in every summed column where they have a figure."""
    if not summable:
        return
    units = [r for r in layout.rows if r.kind == "unit"]
    if len(units) < 3:
        return
    values: list[list[Decimal | None]] = []
    for row in units:
        cells = _cells(grid, row.number - 1, max(summable) + 1)
        values.append([_quick_number(cells[c], locale) for c in summable])
    boundaries = {r.number for r in layout.rows if r.kind != "unit"}
    n, k = len(units), len(summable)
    # segments of consecutive unit rows between group/total rows
    seg_start = [0] * n
    seg_end = [0] * n
    s = 0
    for i in range(n):
        if i > 0 and any(units[i - 1].number < b < units[i].number for b in boundaries):
            s = i
        seg_start[i] = s
    e = n - 1
    for i in range(n - 1, -1, -1):
        if i < n - 1 and any(units[i].number < b < units[i + 1].number for b in boundaries):
            e = i
        seg_end[i] = e
    prefix = [[Decimal(0)] * k]
    for vals in values:
        prev = prefix[-1]
        prefix.append([prev[j] + (vals[j] or 0) for j in range(k)])
    total = prefix[-1]
    for i, vals in enumerate(values):
        cols = [j for j in range(k) if vals[j] is not None]
        if len(cols) < min(2, k) or all(vals[j] == 0 for j in cols):
            continue
        if sum(1 for j in cols if vals[j]) < 2 and unit_like(units[i].name):
            continue  # "Phường …" with one figure that happens to be a sum: not enough to block
        a, b = seg_start[i], seg_end[i]
        runs = []
        if i - a >= 2:
            runs.append(
                (
                    "data.subtotal-reason-above",
                    a,
                    i,
                    [prefix[i][j] - prefix[a][j] for j in range(k)],
                )
            )
        if b - i >= 2:
            runs.append(
                (
                    "data.subtotal-reason-below",
                    i + 1,
                    b + 1,
                    [prefix[b + 1][j] - prefix[i + 1][j] for j in range(k)],
                )
            )
        if n >= 3:
            runs.append(
                ("data.subtotal-reason-others", 0, n, [total[j] - (vals[j] or 0) for j in range(k)])
            )
        for reason, lo, hi, sums in runs:
            if all(vals[j] == sums[j] for j in cols):
                row = units[i]
                row.kind = "subtotal?"
                row.reason = catalog.text(
                    reason,
                    first=units[lo].number,
                    last=units[hi - 1].number,
                )
                break


def _groups(
    s: int,
    layout: Layout,
    by_row: dict[int, list[CellValue]],
    summable: list[int],
    locale: str,
) -> list[GroupRow]:
    """The declared group rows of a sheet and the unit rows each adds up.

    The candidates are the unit rows right below the row, those right above it, and every unit
    of the sheet; the first whose sums are the row's figures wins, in the order its name says
    ("Cộng …" closes the rows above it, "Tổng cộng" adds up the sheet, "Khối phường" heads the
    rows below it). When none adds up, the name's choice stands and the check reports it."""
    out: list[GroupRow] = []
    rows = layout.rows
    all_units = [r.number for r in rows if r.kind == "unit"]
    numbers: dict[int, list[Decimal | None]] = {}
    for i, row in enumerate(rows):
        if row.kind != "group":
            continue
        below = []
        for r in rows[i + 1 :]:
            if r.kind != "unit":
                break
            below.append(r.number)
        above = []
        for r in reversed(rows[:i]):
            if r.kind != "unit":
                break
            above.append(r.number)
        above.sort()
        candidates = {"below": below, "above": above, "all": all_units}
        slug = ascii_words(row.name)
        if total_like(row.name) and not re.fullmatch(r"cong", slug):
            order = ["all", "above", "below"]
        elif slug.startswith("cong"):
            order = ["above", "below", "all"]
        else:
            order = ["below", "above", "all"]
        order = [d for d in order if candidates[d]] or ["all"]
        distinct = [
            d
            for k, d in enumerate(order)
            if candidates[d] not in [candidates[e] for e in order[:k]]
        ]
        cells = by_row.get(row.number, [])
        stated = [_quick_number(cells[c], locale) if c < len(cells) else None for c in summable]
        direction = order[0]
        if len(distinct) > 1:
            direction = next(
                (
                    d
                    for d in distinct
                    if _adds_up(stated, candidates[d], numbers, by_row, summable, locale)
                ),
                order[0],
            )
        out.append(GroupRow(s, row, cells, candidates[direction], direction))
    return out


def _adds_up(
    stated: list[Decimal | None],
    members: list[int],
    numbers: dict[int, list[Decimal | None]],
    by_row: dict[int, list[CellValue]],
    summable: list[int],
    locale: str,
) -> bool:
    """Whether the figures of a group row (``stated``, one per summed column) are the sums of
    ``members`` in every summed column where it has one (and it has at least one); each member's
    figures are read once into ``numbers``."""
    if all(v is None for v in stated):
        return False
    for n in members:
        if n not in numbers:
            member = by_row.get(n, [])
            numbers[n] = [
                _quick_number(member[c], locale) if c < len(member) else None for c in summable
            ]
    for j, want in enumerate(stated):
        if want is not None and sum((numbers[n][j] or 0 for n in members), Decimal(0)) != want:
            return False
    return True
