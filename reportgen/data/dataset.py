"""Turn a raw table into units with their figures, as the report definition describes.

Each unit (phường, xã) gets its values as ``Decimal`` (or ``None`` when unknown — never a silent
zero), its text columns, and the row it came from; the whole city is either read from its row or
computed (sums for counts and money, formulas recomputed for rates). Bad cells do not stop the
others: they become :class:`CellIssue` records that validation reports as findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.reader import RawTable, column_letter, read_table
from reportgen.data.text import (
    bare_key,
    collapse_spaces,
    expand_unit_name,
    name_key,
    slugify,
    unit_key,
)
from reportgen.data.values import COMPACT_FROM_ROWS, UnitValues, slot_table
from reportgen.data.workbook import WORKBOOK_EXTENSIONS, Uncomputed
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import (
    DataError,
    ErrorList,
    Location,
    NumberFormatError,
    ReportgenError,
)
from reportgen.vnformat import parse_number, round_half_up


@dataclass(frozen=True)
class Source:
    """Where a value came from: file, sheet, row and column (spreadsheet letter when known)."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None

    def describe(self) -> str:
        """Vietnamese words for the cell: ``inputs/x.csv, dòng 7, cột ho_ngheo (G)``."""
        return Location(
            file=self.file, sheet=self.sheet, row=self.row, column=self.column
        ).describe()

    def cell(self) -> str:
        """The cell without the file: ``dòng 7, cột ho_ngheo (G)`` (with the sheet if any)."""
        return Location(sheet=self.sheet, row=self.row, column=self.column).describe()

    def as_dict(self) -> dict[str, object]:
        """Return the source as a JSON-friendly dict."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class CellIssue:
    """A cell that could not be read as the figure it should be.

    ``message`` says what is wrong and is complete on its own (it quotes the text of the cell);
    ``key`` is the :func:`~reportgen.data.text.unit_key` of the unit, ``unit`` its name.
    """

    unit: str
    indicator: str
    source: Source
    text: str | None
    message: str
    hint: str | None
    key: str = ""


@dataclass(slots=True)
class Unit:
    """One ward/commune (or the whole city) with its figures."""

    name: str
    key: str
    slug: str
    kind: str | None
    row: int | None
    values: MutableMapping[str, Decimal | None]
    """The figures by indicator id (a :class:`~reportgen.data.values.UnitValues` for a unit read
    from a file)."""
    texts: dict[str, str | None]
    attrs: dict[str, str]
    is_total: bool = False
    rows: dict[str, int] | None = None
    """The unit's row in each sheet when its figures come from several sheets."""


@dataclass
class GroupSum:
    """A group (subtotal) row of a clerk's workbook ("Khối phường", "II. Khối xã"): the keys of
    the units it adds up, and its stated figure and cell for each summed indicator."""

    name: str
    members: tuple[str, ...]
    values: dict[str, Decimal] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class Dataset:
    """The units of a data file, the whole city, and the issues found while reading cells."""

    table: RawTable
    units: list[Unit]
    total: Unit
    issues: list[CellIssue] = field(default_factory=list)
    total_from_file: bool = False
    previous: dict[str, Unit] | None = None
    previous_table: RawTable | None = None
    previous_columns: dict[str, str] | None = None
    columns: dict[str, str] = field(default_factory=dict)
    tables: dict[str, RawTable] = field(default_factory=dict)
    """The table (sheet) of each indicator read from another sheet than :attr:`table`."""
    notes: list[str] = field(default_factory=list)
    """How the data file was read (header rows taken, rows skipped…), for the clerk."""
    villages: dict[str, list[Unit]] = field(default_factory=dict)
    """The thôn / tổ dân phố of each ward that has them (``data.villages``), by unit key."""
    groups: list[GroupSum] = field(default_factory=list)
    """The group rows of a workbook (``data.workbook.groups``), each a sum of some units."""
    _keys: dict[str, Unit] | None = field(default=None, repr=False)
    _other_names: tuple[dict[str, Unit], dict[str, Unit | None]] | None = field(
        default=None, repr=False
    )

    def source(self, unit: Unit, indicator: str) -> Source | None:
        """Return the cell that holds ``indicator`` for ``unit`` (None for computed values)."""
        table = self.tables.get(indicator, self.table)
        row = unit.row
        if unit.rows is not None and table.sheet is not None:
            row = unit.rows.get(table.sheet, row)
        return _source(table, self.columns, row, indicator)

    def previous_source(self, unit: Unit, indicator: str) -> Source | None:
        """Return the cell of the previous period's file that holds ``indicator`` for the unit
        matching ``unit`` (None when there is no such cell)."""
        if self.previous is None or self.previous_table is None:
            return None
        prev = self.previous.get(unit.key)
        if prev is None:
            return None
        columns = self.previous_columns if self.previous_columns is not None else self.columns
        return _source(self.previous_table, columns, prev.row, indicator)

    def find(self, name: str) -> Unit | None:
        """Return the unit named ``name`` (case, spaces and tone placement folded, the usual
        abbreviation written out: ``P. Trần Phú``), or whose file name is ``name`` written
        without accents (``phuong-tran-phu``, ``phuong tran phu``), or the one unit whose name
        is ``name`` after its kind word (``Trần Phú``); the whole city by its name too. None
        when there is no such unit (or two units share that bare name)."""
        if self._keys is None:
            self._keys = {}
            for u in self.all_units():
                self._keys.setdefault(u.key, u)
        found = self._keys.get(unit_key(name)) or self._keys.get(name_key(name))
        if found is not None:
            return found
        # the other spellings are indexed only when asked for: a file of 100.000 wards keeps
        # two more tables of 100.000 names otherwise
        if self._other_names is None:
            slugs: dict[str, Unit] = {}
            bare: dict[str, Unit | None] = {}
            for u in self.all_units():
                slugs.setdefault(u.slug, u)
                b = bare_key(u.name)
                bare[b] = u if b not in bare else None  # two units, one bare name: ambiguous
            self._other_names = (slugs, bare)
        slugs, bare = self._other_names
        return slugs.get(slugify(name)) or bare.get(bare_key(name))

    def all_units(self) -> list[Unit]:
        """The units followed by the whole city."""
        return [*self.units, self.total]


def _source(
    table: RawTable, columns: dict[str, str], row: int | None, indicator: str
) -> Source | None:
    column = columns.get(indicator)
    if column is None or row is None:
        return None
    i = table.index.get(column)
    col = f"{column} ({column_letter(i)})" if i is not None else column
    return Source(table.file, table.sheet, row, col)


# --- reading cells -----------------------------------------------------------------------------

# Plain numbers as clerks type them, read without the full parser (the common case by far).
# The first group never starts with 0 when groups follow ("0.123" goes to the parser, which
# explains why it is refused).
_PLAIN = {
    "vi": (re.compile(r"-?(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"), ".", ","),
    "en": (re.compile(r"-?(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"), ",", "."),
}
# A count written "1,013" under vi (or "1.013" under en) reads as a decimal number but was most
# likely typed in the other style: one thousand and thirteen.
_OTHER_STYLE = {
    "vi": re.compile(r"-?[1-9][0-9]{0,2},[0-9]{3}"),
    "en": re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}"),
}


_TOTAL_SLUG = re.compile(
    r"tong|cong|tong-cong(-.*)?|tong-so(-.*)?"
    r"|toan-(thanh-pho|huyen|tinh|quan|thi-xa|thi-tran|xa|phuong)(-.*)?"
)


def looks_like_total(name: str, total_name: str) -> bool:
    """Whether a row's unit name reads as a total ("Tổng cộng", "Toàn thành phố", the report's
    own total name) rather than a ward or commune."""
    slug = slugify(name)
    return slug == slugify(total_name) or _TOTAL_SLUG.fullmatch(slug) is not None


def number_reader(locale: str) -> Callable[[str], Decimal]:
    """Return a function that reads a number typed by a person under ``locale`` (``vi`` or
    ``en``), like :func:`reportgen.vnformat.parse_number` but with a fast path and a cache for
    the plain numbers that fill most files (the result is the same; errors come from
    ``parse_number`` with its message and hint)."""
    plain, group, dec = _PLAIN[locale]
    match = plain.fullmatch
    cache: dict[str, Decimal] = {}

    def read(text: str) -> Decimal:
        value = cache.get(text)
        if value is not None:
            return value
        if match(text):
            value = Decimal(text.replace(group, "").replace(dec, "."))
        else:
            value = parse_number(text, locale=locale)
        if len(cache) < 100_000:
            cache[text] = value
        return value

    return read


def _empty_message(ind: Indicator) -> str:
    return catalog.text("data.cell-empty", label=ind.label)


def _empty_hint() -> str | None:
    return catalog.hint("data.cell-empty")


def _other_style_issue(text: str, value: Decimal, locale: str) -> tuple[str, str]:
    whole = text.replace(",", "").replace(".", "")
    other = "en" if locale == "vi" else "vi"
    grouped = text.replace(",", ".") if locale == "vi" else text.replace(".", ",")
    shown = str(value).replace(".", ",") if locale == "vi" else str(value)
    return (
        catalog.text("data.cell-other-style", text=text, locale=locale, shown=shown),
        catalog.hint("data.cell-other-style", whole=whole, grouped=grouped, other=other) or "",
    )


def build_units(
    table: RawTable,
    config: ReportConfig,
    *,
    locale: str,
    unit_column: str,
    issues: list[CellIssue] | None = None,
    required: Collection[str] | None = None,
    kind_column: str | None = None,
    total_row: str | None = None,
    require_total: bool = True,
    columns_of: Mapping[str, str] | None = None,
    attr_columns: Mapping[str, str] | None = None,
    derive_kind: bool = False,
) -> tuple[list[Unit], Unit | None]:
    """Read the units of ``table``; return them and the whole-city row if the file has one.

    Every indicator with a column is read (``columns_of`` maps indicator ids to the table's
    headers when they are not the indicators' own ``column``: a workbook's header paths). Those
    in ``required`` (default: all of them) must
    have their column in the file — a :class:`~reportgen.diagnostics.errors.ErrorList` names every missing
    one with a did-you-mean — and an empty cell of theirs is an issue; the others are read when
    their column is there. ``total_row`` names the whole-city row; with ``require_total`` a file
    without it is an error. Cells that cannot be read are appended to ``issues`` (when given).
    ``attr_columns`` adds named text columns to each unit's ``attrs``; with ``derive_kind`` a
    unit's kind is the word its name starts with (Phường, Xã, Thị trấn) when there is no kind
    column. Abbreviated names (``P. Trần Phú``) are written out. Rows that cannot be units (no
    name, twice the same unit, more cells than headers) are all reported together.
    """
    ucol = table.require_column(unit_column, catalog.text("data.what-unit"))
    kcol = (
        table.require_column(kind_column, catalog.text("data.what-kind")) if kind_column else None
    )
    errs: list[ReportgenError] = []
    # (id, column index, indicator, is text, is a rate, is a count, must be filled) for the
    # hot loop below
    columns: list[tuple[str, int, Indicator, bool, bool, bool, bool]] = []
    missing: list[tuple[Indicator, str]] = []
    for ind in config.indicators.values():
        column = ind.column if columns_of is None else columns_of.get(ind.id)
        if column is None:
            continue
        must = required is None or ind.id in required
        if column not in table.index and not must:
            continue
        if column not in table.index:
            missing.append((ind, column))
            continue
        i = table.index[column]
        columns.append(
            (
                ind.id,
                i,
                ind,
                ind.kind == "text",
                ind.kind == "percent",
                ind.kind == "count",
                must and not ind.optional,
            )
        )
    if missing:
        errs.extend(_missing_columns(table, config, missing, columns, (ucol, kcol)))
    if errs:
        raise ErrorList(catalog.text("data.file-missing-columns", file=table.file), errs)
    read = number_reader(locale)
    other_style = _OTHER_STYLE[locale].fullmatch
    # figures stated with more decimals than declared (counts: the range check says "whole")
    decimals = {
        ind.id: None if ind.kind == "count" else ind.decimals for ind in config.indicators.values()
    }
    # the figures of a very large table are kept compactly (one slot table for every unit),
    # those of a city's table in plain dicts, quicker to read
    slots = slot_table([i.id for i in config.indicators.values() if i.kind != "text"])
    total_key = name_key(total_row) if total_row else None
    total_name = config.data.total_name
    units: list[Unit] = []
    total: Unit | None = None
    seen: dict[str, int] = {}
    file, sheet = table.file, table.sheet
    headers = table.headers
    width = len(headers)

    header_of = {
        ind.id: (ind.column if columns_of is None else columns_of.get(ind.id))
        for ind in config.indicators.values()
    }
    attr_index = {n: table.index[h] for n, h in (attr_columns or {}).items() if h in table.index}
    row_errors: list[ReportgenError] = []

    def issue(
        unit: str,
        key: str,
        ind: Indicator,
        row: int,
        text: str | None,
        message: str,
        hint: str | None,
    ) -> None:
        if issues is not None:
            issues.append(
                CellIssue(
                    unit,
                    ind.id,
                    Source(file, sheet, row, table.location(row, header_of[ind.id]).column),
                    text,
                    message,
                    hint,
                    key,
                )
            )

    # The rows are consumed as the units are built, so a large file is never held twice.
    pending = table.take_rows()
    pending.reverse()
    compact = len(pending) >= COMPACT_FROM_ROWS
    text_headers = [
        (h, i)
        for i, h in enumerate(headers)
        if h and i not in {index for _, index, _, is_text, *_ in columns if not is_text}
    ]
    total_slug = slugify(total_name)
    while pending:
        row, cells = pending.pop()
        n_cells = len(cells)
        raw_name = cells[ucol] if ucol < n_cells else None
        if raw_name is None or (isinstance(raw_name, str) and not raw_name.strip()):
            row_errors.append(
                DataError.of(
                    "data.unit-name-missing-unit", location=table.location(row, unit_column)
                )
            )
            continue
        name = expand_unit_name(collapse_spaces(str(raw_name)))
        key = unit_key(name)
        slug = slugify(name)
        if key in seen:
            row_errors.append(
                DataError.of(
                    "data.unit-twice",
                    location=table.location(row, unit_column),
                    name=name,
                    first=seen[key],
                    row=row,
                )
            )
            continue
        seen[key] = row
        is_total = total_key is not None and key == total_key
        if not is_total and (slug == total_slug or _TOTAL_SLUG.fullmatch(slug) is not None):
            if require_total:
                row_errors.append(
                    DataError.of(
                        "data.subtotal-row-looks-total",
                        location=table.location(row, unit_column),
                        name=name,
                    )
                )
                continue
            is_total = True  # the previous period's total row: never a unit
        who = total_name if is_total else name
        who_key = unit_key(total_name) if is_total else key
        values: MutableMapping[str, Decimal | None] = UnitValues(slots) if compact else {}
        texts: dict[str, str | None] = {}
        if n_cells < width:
            cells = [*cells, *([None] * (width - n_cells))]
        elif n_cells > width and any(c is not None for c in cells[width:]):
            row_errors.append(
                DataError.of(
                    "data.row-too-wide",
                    location=table.location(row, None),
                    cells=n_cells,
                    width=width,
                )
            )
            continue
        for iid, index, ind, is_text, percent, count, filled in columns:
            cell = cells[index]
            if is_text and not isinstance(cell, Uncomputed):
                texts[iid] = None if cell is None else str(cell)
                continue
            if cell is None:
                values[iid] = None
                if is_total and ind.total in ("formula", "none"):
                    continue  # a blank rate of the total row is computed by its formula; an
                    # indicator with no whole-city figure (total: none) has none to read
                if filled:
                    issue(who, who_key, ind, row, None, _empty_message(ind), _empty_hint())
                continue
            if isinstance(cell, Uncomputed):
                values[iid] = None
                err = DataError.of("data.uncomputed-formula", formula=cell.formula)
                issue(who, who_key, ind, row, cell.formula, err.message, err.hint)
                continue
            places = decimals[iid]
            if isinstance(cell, Decimal):  # a number cell of a workbook
                # Excel keeps full precision behind a rounded display (a formula's 0,139797…
                # shown as 0,14): the figure stated is the one shown at the declared decimals
                exponent = cell.as_tuple().exponent
                exact = places is None or (isinstance(exponent, int) and exponent >= -places)
                values[iid] = cell if exact or places is None else round_half_up(cell, places)
                continue
            text = cell[:-1].rstrip() if percent and cell[-1:] == "%" else cell
            try:
                value = read(text)
            except NumberFormatError as exc:
                values[iid] = None
                issue(who, who_key, ind, row, cell, exc.message, exc.hint)
                continue
            if count and other_style(text) and value != value.to_integral_value():
                values[iid] = None
                message, hint = _other_style_issue(text, value, locale)
                issue(who, who_key, ind, row, cell, message, hint)
                continue
            if (
                places is not None
                and not _at_most(value, places)
                and value != round_half_up(value, places)
            ):
                values[iid] = None
                issue(
                    who,
                    who_key,
                    ind,
                    row,
                    cell,
                    catalog.text(
                        "data.cell-too-many-decimals", text=cell, label=ind.label, places=places
                    ),
                    catalog.hint("data.cell-too-many-decimals", places=places, id=ind.id),
                )
                continue
            values[iid] = value
        # the text columns (`don_vi.cot.<name>`); numeric indicators are in `values`
        attrs = {h: str(cells[i]) for h, i in text_headers if cells[i] is not None}
        for attr, at in attr_index.items():
            if cells[at] is not None:
                attrs[attr] = str(cells[at])
        kind = str(cells[kcol]) if kcol is not None and kcol < n_cells and cells[kcol] else None
        if kind is None and derive_kind:
            kind = _kind_of(name)
        unit = Unit(
            name=name,
            key=key,
            slug=slug,
            kind=kind,
            row=row,
            values=values,
            texts=texts,
            attrs=attrs,
            is_total=is_total,
        )
        if is_total:
            total = unit
        else:
            units.append(unit)
    slugs: dict[str, str] = {}
    for u in units:
        if u.slug in slugs:
            row_errors.append(
                DataError.of(
                    "data.same-file-name",
                    location=table.location(u.row, unit_column),
                    first=slugs[u.slug],
                    second=u.name,
                    slug=u.slug,
                )
            )
        slugs[u.slug] = u.name
    if len(row_errors) == 1:
        raise row_errors[0]
    if row_errors:
        raise ErrorList(catalog.text("data.file-rows-unreadable", file=table.file), row_errors)
    if total_key is not None and total is None and require_total:
        guess = _closest([u.name for u in units], total_row or "")
        raise DataError.of(
            "data.total-row-missing",
            location=table.location(None, unit_column),
            name=total_row,
            column=unit_column,
            guess=catalog.text("data.did-you-mean", guess=guess) if guess else "",
        )
    return units, total


def _at_most(value: Decimal, places: int) -> bool:
    """Whether ``value`` is written with at most ``places`` decimals."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -places


def _kind_of(name: str) -> str | None:
    for word in ("Phường", "Xã", "Thị trấn"):
        if name.startswith(word + " "):
            return word
    return None


def _closest(names: list[str], name: str) -> str | None:
    from reportgen.config.schema import did_you_mean

    return did_you_mean(name, names)


def compute(unit: Unit, config: ReportConfig, order: list[str]) -> None:
    """Evaluate the formula indicators of ``unit`` in dependency order (in place)."""
    values = unit.values
    indicators = config.indicators
    for iid in order:
        formula = indicators[iid].formula
        if formula is not None:
            values[iid] = formula.evaluate(values)


def compute_total(
    units: list[Unit], config: ReportConfig, order: list[str], file_total: Unit | None, name: str
) -> Unit:
    """Return the whole-city unit: read from its row where given, else summed or recomputed.

    ``order`` is :meth:`~reportgen.config.model.ReportConfig.total_order`, so a whole-city
    formula finds the figures it reads already computed.
    """
    values: dict[str, Decimal | None] = {}
    for iid in order:
        ind = config.indicators[iid]
        if ind.kind == "text":
            continue
        if file_total is not None and ind.column is not None:
            values[iid] = file_total.values.get(iid)
            if values[iid] is not None or ind.total != "formula":
                continue
        if ind.total == "sum" and not units and ind.formula is not None:
            values[iid] = ind.formula.evaluate(values)  # city-only: no unit to add up
        elif ind.total == "sum":
            acc = Decimal(0)
            for u in units:
                v = u.values.get(iid)
                if v is None:
                    values[iid] = None
                    break
                acc += v
            else:
                values[iid] = acc
        elif ind.total == "formula":
            f = ind.total_formula or ind.formula
            values[iid] = f.evaluate(values) if f is not None else None
        else:
            values[iid] = None
    texts = dict(file_total.texts) if file_total is not None else {}
    attrs = dict(file_total.attrs) if file_total is not None else {}
    return Unit(
        name=name,
        key=unit_key(name),
        slug=slugify(name),
        kind=None,
        row=file_total.row if file_total else None,
        values=values,
        texts=texts,
        attrs=attrs,
        is_total=True,
        rows=file_total.rows if file_total else None,  # its row on each sheet of a workbook
    )


def _previous_indicators(config: ReportConfig) -> set[str]:
    """The indicators the continuity checks read from the previous period's file (with what
    their formulas read)."""
    needed: list[str] = [c.args["previous"] for c in config.checks if c.kind == "continuity"]
    out: set[str] = set()
    while needed:
        iid = needed.pop()
        if iid in out or iid not in config.indicators:
            continue
        out.add(iid)
        formula = config.indicators[iid].formula
        if formula is not None:
            needed.extend(formula.names)
    return out


@dataclass
class _Read:
    """Units read from one data file (CSV or workbook), before any computing."""

    table: RawTable
    units: list[Unit]
    total: Unit | None
    columns: dict[str, str]
    tables: dict[str, RawTable] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    groups: list[GroupSum] = field(default_factory=list)


def _read_units(
    path: Path,
    config: ReportConfig,
    issues: list[CellIssue],
    *,
    sheet: str | None,
    unit_column: str,
    locale: str,
    kind_column: str | None,
    required: Collection[str] | None = None,
    require_total: bool = True,
    separator: str | None = None,
    header_row: int | None = None,
) -> _Read:
    if path.suffix.lower() in WORKBOOK_EXTENSIONS and path.exists():
        return _read_workbook_units(
            path,
            config,
            issues,
            sheet=sheet,
            unit_column=unit_column,
            locale=locale,
            required=required,
            require_total=require_total,
        )
    table = read_table(
        path,
        name=_display(path),
        sheet=sheet,
        separator=separator,
        unit_column=unit_column,
        header_row=header_row,
    )
    units, total = build_units(
        table,
        config,
        locale=locale,
        unit_column=unit_column,
        issues=issues,
        required=required,
        kind_column=kind_column,
        total_row=_city_only_row(table, unit_column)
        if config.data.city_only and require_total  # this period's file, not the previous one
        else config.data.total_row,
        require_total=require_total,
    )
    columns = {i.id: i.column for i in config.indicators.values() if i.column}
    return _Read(table, units, total, columns)


def _read_workbook_units(
    path: Path,
    config: ReportConfig,
    issues: list[CellIssue],
    *,
    sheet: str | None,
    unit_column: str,
    locale: str,
    required: Collection[str] | None,
    require_total: bool,
) -> _Read:
    """Units of a clerk's workbook: every sheet read, joined by unit name, group rows checked."""
    from reportgen.data.sheets import read_workbook

    name = _display(path)
    wd = read_workbook(
        path,
        config,
        name=name,
        sheet=sheet,
        unit_column=unit_column,
        locale=locale,
        required=required,
    )
    errors: list[ReportgenError] = list(wd.errors)
    cell_issues: list[CellIssue] = []
    per_sheet: list[tuple[list[Unit], Unit | None]] = []
    kind_name = config.data.kind_column
    for s, st in enumerate(wd.sheets):
        mine = {n: h for n, (si, h) in wd.mapping.items() if si == s}
        ind_cols = {n: h for n, h in mine.items() if n in config.indicators}
        attrs = {n: h for n, h in mine.items() if n not in config.indicators}
        try:
            per_sheet.append(
                build_units(
                    st.table,
                    config,
                    locale=locale,
                    unit_column=wd.unit_headers[s],
                    issues=cell_issues,
                    required=required,
                    kind_column=attrs.get(kind_name) if kind_name else None,
                    total_row=config.data.total_row,
                    require_total=require_total,
                    columns_of=ind_cols,
                    attr_columns=attrs,
                    derive_kind=True,
                )
            )
        except ErrorList as exc:
            errors.extend(exc.errors)
            per_sheet.append(([], None))
        except ReportgenError as exc:
            errors.append(exc)
            per_sheet.append(([], None))
    first = wd.sheets[0]
    units, total = per_sheet[0]
    tables: dict[str, RawTable] = {}
    if len(wd.sheets) > 1:
        sheet0 = first.table.sheet or ""
        for u in [*units, *([total] if total else [])]:
            u.rows = {sheet0: u.row or 0}
        by_key = {u.key: u for u in units}
        for s in range(1, len(wd.sheets)):
            st = wd.sheets[s]
            others, other_total = per_sheet[s]
            seen: set[str] = set()
            for o in others:
                base = by_key.get(o.key)
                if base is None:
                    errors.append(
                        DataError.of(
                            "data.sheet-join",
                            location=Location(file=name, sheet=st.table.sheet, row=o.row),
                            name=o.name,
                            sheet=st.table.sheet,
                            first=first.table.sheet,
                        )
                    )
                    continue
                seen.add(o.key)
                _merge(base, o, st.table.sheet or "")
            if total is not None and other_total is not None:
                _merge(total, other_total, st.table.sheet or "")
            missing = [u for u in units if u.key not in seen]
            if missing and others:
                errors.append(
                    DataError.of(
                        "data.sheet-join-missing",
                        location=Location(file=name, sheet=st.table.sheet),
                        sheet=st.table.sheet,
                        n=len(missing),
                        first=first.table.sheet,
                        names=", ".join(u.name for u in missing[:8])
                        + (" …" if len(missing) > 8 else ""),
                    )
                )
        for n, (si, _) in wd.mapping.items():
            if si != 0:
                tables[n] = wd.sheets[si].table
    if errors:
        errors.extend(
            DataError(
                f"{i.unit}: {i.message}", location=_loc(i.source), hint=i.hint, code="data.cell"
            )
            for i in cell_issues
        )
        if len(errors) == 1:
            raise errors[0]
        raise ErrorList(catalog.text("data.file-has-errors", file=name), errors)
    issues.extend(cell_issues)
    by_row: dict[tuple[int, int], Unit] = {}
    for s, st in enumerate(wd.sheets):
        for u in units:
            row = u.rows.get(st.table.sheet or "", 0) if u.rows else u.row
            by_row[(s, row or 0)] = u
    groups: dict[str, GroupSum] = {}
    _check_groups(config, wd, by_row, issues, locale, groups)
    return _Read(
        first.table,
        units,
        total,
        {n: h for n, (_, h) in wd.mapping.items() if n in config.indicators},
        tables,
        wd.notes,
        list(groups.values()),
    )


def _missing_columns(
    table: RawTable,
    config: ReportConfig,
    missing: list[tuple[Indicator, str]],
    found: list[tuple[str, int, Indicator, bool, bool, bool, bool]],
    own: tuple[int | None, ...],
) -> list[DataError]:
    """One error per missing column, each with a guess by spelling and meaning (never a column
    another indicator reads); the file's columns are listed once, not under every error."""
    from reportgen.data.guess import column_guesses

    taken = {table.headers[c[1]] for c in found} | {
        table.headers[i] for i in own if i is not None and i < len(table.headers)
    }
    guesses = column_guesses(
        [ind for ind, _ in missing],
        list(config.indicators.values()),
        table.headers,
        taken,
        {ind.id: column for ind, column in missing},
    )
    out: list[DataError] = []
    listed = False
    for ind, column in missing:
        guess = guesses.get(ind.id)
        if guess is not None:
            hint = catalog.text("data.did-you-mean-column", guess=guess)
        elif not listed:
            columns = ", ".join(h for h in table.headers if h)
            hint = catalog.hint("data.column-missing", columns=columns) or ""
            listed = True
        else:
            hint = catalog.text("data.column-missing-listed-above")
        out.append(
            DataError.of(
                "data.column-missing",
                location=Location(file=table.file, sheet=table.sheet, row=table.header_row),
                hint=hint,
                name=column,
                what=catalog.text("data.what-indicator-named", id=ind.id, label=ind.label),
            )
        )
    return out


def _loc(source: Source) -> Location:
    return Location(file=source.file, sheet=source.sheet, row=source.row, column=source.column)


def _merge(base: Unit, other: Unit, sheet: str) -> None:
    base.values.update(other.values)
    base.texts.update(other.texts)
    for k, v in other.attrs.items():
        base.attrs.setdefault(k, v)
    if base.kind is None:
        base.kind = other.kind
    if base.rows is not None and other.row is not None:
        base.rows[sheet] = other.row


def _check_groups(
    config: ReportConfig,
    wd: object,
    by_row: dict[tuple[int, int], Unit],
    issues: list[CellIssue],
    locale: str,
    groups: dict[str, GroupSum],
) -> None:
    """Each declared group row against the sum of its units, for every summed indicator of its
    sheet (a difference is an error of the city report: its source disagrees with itself);
    ``groups`` gets each group row's figures (one entry per name across the sheets)."""
    from reportgen.data.sheets import WorkbookData

    assert isinstance(wd, WorkbookData)
    read = number_reader(locale)
    city, city_key = config.data.total_name, unit_key(config.data.total_name)
    for g in wd.groups_all():
        st = wd.sheets[g.sheet]
        for iid, (si, header) in wd.mapping.items():
            ind = config.indicators.get(iid)
            if si != g.sheet or ind is None or ind.total != "sum" or ind.kind == "text":
                continue
            i = st.table.index.get(header)
            if i is None or i >= len(g.cells):
                continue
            cell = g.cells[i]
            source = Source(
                st.table.file, st.table.sheet, g.row.number, st.table.location(None, header).column
            )
            if isinstance(cell, Decimal):
                stated: Decimal | None = cell
            elif isinstance(cell, Uncomputed):
                # a group row's formula never computed: the row cannot be compared, so it is
                # an error of its own, never a silent pass
                err = DataError.of("data.uncomputed-formula", formula=cell.formula)
                issues.append(
                    CellIssue(
                        city,
                        iid,
                        source,
                        cell.formula,
                        catalog.text("data.group-row-cell", name=g.row.name, message=err.message),
                        err.hint,
                        city_key,
                    )
                )
                continue
            elif isinstance(cell, str):
                try:
                    stated = read(cell.rstrip("%").strip())
                except NumberFormatError as exc:
                    issues.append(
                        CellIssue(
                            city,
                            iid,
                            source,
                            cell,
                            catalog.text(
                                "data.group-row-cell", name=g.row.name, message=exc.message
                            ),
                            exc.hint,
                            city_key,
                        )
                    )
                    continue
            else:
                continue
            members = [by_row.get((g.sheet, n)) for n in g.members]
            vals = [m.values.get(iid) if m is not None else None for m in members]
            if not members or any(v is None for v in vals):
                continue
            if stated is not None:
                keys = tuple(m.key for m in members if m is not None)
                group = groups.setdefault(unit_key(g.row.name), GroupSum(g.row.name, keys))
                group.values[iid], group.sources[iid] = stated, source
            summed = sum((v for v in vals if v is not None), Decimal(0))
            slack = ind.tolerance * len(vals) if ind.rounded else Decimal(0)
            if stated is None or (abs(stated - summed) <= slack and (slack or stated == summed)):
                continue
            first, last = g.members[0], g.members[-1]
            where_key = {
                "below": "data.group-where-below",
                "above": "data.group-where-above",
                "all": "data.group-where-all",
            }[g.direction]
            where = catalog.text(where_key, first=first, last=last)
            err = DataError.of(
                "data.group-mismatch",
                name=g.row.name,
                label=ind.label,
                stated=_vi(stated),
                n=len(vals),
                where=where,
                summed=_vi(summed),
            )
            issues.append(
                CellIssue(city, iid, source, str(stated), err.message, err.hint, city_key)
            )


def _vi(value: Decimal) -> str:
    from reportgen.vnformat import format_number

    return format_number(value)


def load_dataset(config: ReportConfig, data_file: str | Path | None = None) -> Dataset:
    """Read the data file of ``config`` (or ``data_file``) and compute every indicator.

    A CSV file is one flat table; a workbook (.xlsx, .xlsm, .xls, .ods) is read as the clerks
    keep it (``data.workbook``: header paths, several sheets, group rows — see
    :mod:`reportgen.data.sheets`). With ``data.previous``, the previous period's file is read
    too: every indicator column it has (for the templates' ``ky_truoc``); the columns the
    continuity checks need must be there. Its unreadable cells are issues as well.
    """
    ds = config.data
    path = Path(data_file) if data_file is not None else ds.file
    issues: list[CellIssue] = []
    got = _read_units(
        path,
        config,
        issues,
        sheet=ds.sheet,
        unit_column=ds.unit_column,
        locale=ds.locale,
        kind_column=ds.kind_column,
        separator=ds.separator,
        header_row=ds.header_row,
    )
    units, file_total = got.units, got.total
    order = config.indicator_order()
    total_order = config.total_order()
    for u in units:
        compute(u, config, order)
    total = compute_total(units, config, total_order, file_total, ds.total_name)
    dataset = Dataset(
        table=got.table,
        units=units,
        total=total,
        issues=issues,
        total_from_file=file_total is not None,
        columns=got.columns,
        tables=got.tables,
        notes=got.notes,
        groups=got.groups,
    )
    if ds.villages is not None:
        from reportgen.data.villages import load_villages

        dataset.villages = load_villages(config, dataset, _display(ds.villages.file))
    if ds.previous is not None:
        prev = ds.previous
        pissues: list[CellIssue] = []
        pgot = _read_units(
            prev.file,
            config,
            pissues,
            sheet=prev.sheet,
            unit_column=prev.unit_column,
            locale=prev.locale,
            kind_column=None,
            required=_previous_indicators(config),
            require_total=False,
        )
        punits, ptotal = pgot.units, pgot.total
        for u in punits:
            compute(u, config, order)
        ptot = compute_total(punits, config, total_order, ptotal, ds.total_name)
        dataset.previous = {u.key: u for u in [*punits, ptot]}
        dataset.previous_table = pgot.table
        dataset.previous_columns = pgot.columns
        # A cell of the previous file belongs to the unit of this period with the same key.
        names = {u.key: u.name for u in dataset.all_units()}
        issues.extend(replace(i, unit=names.get(i.key, i.unit)) for i in pissues)
    return dataset


def _city_only_row(table: RawTable, unit_column: str) -> str:
    """The name of the one row of a city-only file (``data.city_only``)."""
    col = table.require_column(unit_column, catalog.text("data.what-unit"))
    if len(table.rows) != 1:
        raise DataError.of(
            "data.city-only-rows", location=table.location(None, unit_column), n=len(table.rows)
        )
    row, cells = table.rows[0]
    name = cells[col] if col < len(cells) else None
    if name is None or not str(name).strip():
        raise DataError.of("data.unit-name-missing-city", location=table.location(row, unit_column))
    return collapse_spaces(str(name))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
