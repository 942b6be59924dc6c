"""Turn a raw table into units with their figures, as the report definition describes.

Each unit (phường, xã) gets its values as ``Decimal`` (or ``None`` when unknown — never a silent
zero), its text columns, and the row it came from; the whole city is either read from its row or
computed (sums for counts and money, formulas recomputed for rates). Bad cells do not stop the
others: they become :class:`CellIssue` records that validation reports as findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.reader import CellValue, RawTable, read_table
from reportgen.data.text import collapse_spaces, slugify, unit_key
from reportgen.errors import DataError, Location, NumberFormatError
from reportgen.vnformat import parse_number


@dataclass(frozen=True)
class Source:
    """Where a value came from: file, sheet, row and column (spreadsheet letter when known)."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None

    def describe(self) -> str:
        """Vietnamese words for the cell: ``inputs/x.csv, dòng 7, cột ho_ngheo``."""
        return Location(file=self.file, sheet=self.sheet, row=self.row,
                        column=self.column).describe()

    def as_dict(self) -> dict[str, object]:
        """Return the source as a JSON-friendly dict."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class CellIssue:
    """A cell that could not be read as the figure it should be."""

    unit: str
    indicator: str
    source: Source
    text: str | None
    message: str
    hint: str | None


@dataclass(slots=True)
class Unit:
    """One ward/commune (or the whole city) with its figures."""

    name: str
    key: str
    slug: str
    kind: str | None
    row: int | None
    values: dict[str, Decimal | None]
    texts: dict[str, str | None]
    attrs: dict[str, str]
    is_total: bool = False


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
    columns: dict[str, str] = field(default_factory=dict)

    def source(self, unit: Unit, indicator: str) -> Source | None:
        """Return the cell that holds ``indicator`` for ``unit`` (None for computed values)."""
        column = self.columns.get(indicator)
        if column is None or unit.row is None:
            return None
        i = self.table.index.get(column)
        from reportgen.data.reader import column_letter

        col = f"{column} ({column_letter(i)})" if i is not None else column
        return Source(self.table.file, self.table.sheet, unit.row, col)

    def find(self, name: str) -> Unit | None:
        """Return the unit named ``name`` (case, spaces and tone placement folded)."""
        key = unit_key(name)
        if key == self.total.key or slugify(name) == self.total.slug:
            return self.total
        for u in self.units:
            if u.key == key or u.slug == name:
                return u
        return None

    def all_units(self) -> list[Unit]:
        """The units followed by the whole city."""
        return [*self.units, self.total]


def _parse_cell(value: CellValue, ind: Indicator, locale: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    text = value
    if ind.kind == "percent" and text.endswith("%"):
        text = text[:-1].strip()
    return parse_number(text, locale=locale)


def _describe_value(v: CellValue) -> str | None:
    return None if v is None else str(v)


def build_units(table: RawTable, config: ReportConfig, *, locale: str, unit_column: str,
                issues: list[CellIssue] | None = None,
                all_columns: bool = True) -> tuple[list[Unit], Unit | None]:
    """Read the units of ``table``; return them and the whole-city row if the file has one.

    With ``all_columns=False`` (a previous period's file) indicators whose column is absent are
    left out instead of being an error.
    """
    ds = config.data
    ucol = table.require_column(unit_column, "tên đơn vị, xem data.unit_column")
    kcol = None
    if ds.kind_column and (all_columns or ds.kind_column in table.index):
        kcol = table.require_column(ds.kind_column, "loại đơn vị")
    columns: list[tuple[Indicator, int]] = []
    missing = []
    for ind in config.indicators.values():
        if ind.column is None:
            continue
        if ind.column not in table.index:
            missing.append(ind)
        else:
            columns.append((ind, table.index[ind.column]))
    if missing and all_columns:
        from reportgen.errors import ErrorList

        errs = []
        for ind in missing:
            try:
                table.require_column(ind.column or "", f"chỉ tiêu {ind.id}: {ind.label}")
            except DataError as exc:
                errs.append(exc)
        raise ErrorList(f"Tệp {table.file} thiếu cột", list(errs))
    total_key = unit_key(ds.total_row) if ds.total_row and all_columns else None
    units: list[Unit] = []
    total: Unit | None = None
    seen: dict[str, int] = {}
    for row, cells in table.rows:
        raw_name = cells[ucol] if ucol < len(cells) else None
        if raw_name is None or (isinstance(raw_name, str) and not raw_name.strip()):
            raise DataError("dòng không có tên đơn vị",
                            location=table.location(row, unit_column),
                            hint="điền tên phường, xã hoặc xóa dòng thừa")
        name = collapse_spaces(str(raw_name))
        key = unit_key(name)
        if key in seen:
            raise DataError(f'đơn vị "{name}" có hai dòng (dòng {seen[key]} và dòng {row})',
                            location=table.location(row, unit_column),
                            hint="xóa dòng trùng hoặc sửa tên đơn vị")
        seen[key] = row
        values: dict[str, Decimal | None] = {}
        texts: dict[str, str | None] = {}
        for ind, i in columns:
            cell = cells[i] if i < len(cells) else None
            if ind.kind == "text":
                texts[ind.id] = None if cell is None else str(cell)
                continue
            try:
                values[ind.id] = _parse_cell(cell, ind, locale)
            except NumberFormatError as exc:
                values[ind.id] = None
                if issues is not None:
                    issues.append(CellIssue(name, ind.id, Source(
                        table.file, table.sheet, row, table.location(row, ind.column).column),
                        _describe_value(cell), exc.message, exc.hint))
                continue
            if values[ind.id] is None and not ind.optional and issues is not None:
                issues.append(CellIssue(name, ind.id, Source(
                    table.file, table.sheet, row, table.location(row, ind.column).column),
                    None, f"ô trống: thiếu số liệu {ind.label}",
                    "điền số liệu (ghi 0 nếu không có) hoặc khai báo optional: true"))
        attrs = {h: str(cells[i]) for h, i in table.index.items()
                 if i < len(cells) and cells[i] is not None}
        unit = Unit(name=name, key=key, slug=slugify(name),
                    kind=str(cells[kcol]) if kcol is not None and cells[kcol] else None,
                    row=row, values=values, texts=texts, attrs=attrs)
        if total_key is not None and key == total_key:
            unit.is_total = True
            total = unit
        else:
            units.append(unit)
    slugs: dict[str, str] = {}
    for u in units:
        if u.slug in slugs:
            raise DataError(f'hai đơn vị "{slugs[u.slug]}" và "{u.name}" có cùng tên tệp '
                            f'"{u.slug}"', location=table.location(u.row, unit_column),
                            hint="đổi tên để hai đơn vị khác nhau")
        slugs[u.slug] = u.name
    if total_key is not None and total is None:
        raise DataError(f'không tìm thấy dòng tổng "{ds.total_row}"',
                        location=table.location(None, unit_column),
                        hint="sửa data.total_row cho khớp tên dòng tổng, hoặc bỏ khóa này để "
                             "tính tổng từ các đơn vị")
    return units, total


def compute(unit: Unit, config: ReportConfig, order: list[str]) -> None:
    """Evaluate the formula indicators of ``unit`` in dependency order (in place)."""
    values = unit.values
    for iid in order:
        ind = config.indicators[iid]
        if ind.formula is not None:
            values[iid] = ind.formula(values)


def compute_total(units: list[Unit], config: ReportConfig, order: list[str],
                  file_total: Unit | None, name: str) -> Unit:
    """Return the whole-city unit: read from its row where given, else summed or recomputed."""
    values: dict[str, Decimal | None] = {}
    for iid in order:
        ind = config.indicators[iid]
        if ind.kind == "text":
            continue
        if file_total is not None and ind.column is not None:
            values[iid] = file_total.values.get(iid)
            continue
        if ind.total == "sum":
            acc = Decimal(0)
            for u in units:
                v = u.values.get(iid)
                if v is None:
                    acc = None  # type: ignore[assignment]
                    break
                acc += v
            values[iid] = acc
        elif ind.total == "formula":
            f = ind.total_formula or ind.formula
            values[iid] = f(values) if f is not None else None
        else:
            values[iid] = None
    texts = dict(file_total.texts) if file_total is not None else {}
    attrs = dict(file_total.attrs) if file_total is not None else {}
    return Unit(name=name, key=unit_key(name), slug=slugify(name), kind=None,
                row=file_total.row if file_total else None, values=values, texts=texts,
                attrs=attrs, is_total=True)


def load_dataset(config: ReportConfig, data_file: str | Path | None = None) -> Dataset:
    """Read the data file of ``config`` (or ``data_file``) and compute every indicator."""
    ds = config.data
    path = Path(data_file) if data_file is not None else ds.file
    table = read_table(path, name=_display(path), sheet=ds.sheet, separator=ds.separator,
                       unit_column=ds.unit_column, header_row=ds.header_row)
    issues: list[CellIssue] = []
    units, file_total = build_units(table, config, locale=ds.locale, unit_column=ds.unit_column,
                                    issues=issues)
    order = config.indicator_order()
    for u in units:
        compute(u, config, order)
    total = compute_total(units, config, order, file_total, ds.total_name)
    dataset = Dataset(table=table, units=units, total=total, issues=issues,
                      total_from_file=file_total is not None,
                      columns={i.id: i.column for i in config.indicators.values() if i.column})
    if ds.previous is not None:
        prev = ds.previous
        ptable = read_table(prev.file, name=_display(prev.file), sheet=prev.sheet,
                            unit_column=prev.unit_column)
        punits, ptotal = build_units(ptable, config, locale=prev.locale,
                                     unit_column=prev.unit_column, all_columns=False)
        for u in punits:
            compute(u, config, order)
        ptot = compute_total(punits, config, order, ptotal, ds.total_name)
        dataset.previous = {u.key: u for u in [*punits, ptot]}
        dataset.previous_table = ptable
    return dataset


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
