"""Turn a raw table into units with their figures, as the report definition describes.

Each unit (phường, xã) gets its values as ``Decimal`` (or ``None`` when unknown — never a silent
zero), its text columns, and the row it came from; the whole city is either read from its row or
computed (sums for counts and money, formulas recomputed for rates). Bad cells do not stop the
others: they become :class:`CellIssue` records that validation reports as findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.reader import RawTable, column_letter, read_table
from reportgen.data.text import collapse_spaces, slugify, unit_key
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
    _index: tuple[dict[str, Unit], dict[str, Unit]] | None = field(default=None, repr=False)

    def source(self, unit: Unit, indicator: str) -> Source | None:
        """Return the cell that holds ``indicator`` for ``unit`` (None for computed values)."""
        return _source(self.table, self.columns, unit.row, indicator)

    def previous_source(self, unit: Unit, indicator: str) -> Source | None:
        """Return the cell of the previous period's file that holds ``indicator`` for the unit
        matching ``unit`` (None when there is no such cell)."""
        if self.previous is None or self.previous_table is None:
            return None
        prev = self.previous.get(unit.key)
        if prev is None:
            return None
        return _source(self.previous_table, self.columns, prev.row, indicator)

    def find(self, name: str) -> Unit | None:
        """Return the unit named ``name`` (case, spaces and tone placement folded), or whose
        file name is ``name`` written without accents (``phuong-tran-phu``, ``phuong tran
        phu``); the whole city by its name too. None when there is no such unit."""
        if self._index is None:
            keys: dict[str, Unit] = {}
            slugs: dict[str, Unit] = {}
            for u in self.all_units():
                keys.setdefault(u.key, u)
                slugs.setdefault(u.slug, u)
            self._index = (keys, slugs)
        keys, slugs = self._index
        return keys.get(unit_key(name)) or slugs.get(slugify(name))

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
    return f"ô trống: thiếu số liệu {ind.label} (ô trống không được coi là 0)"


_EMPTY_HINT = "điền số liệu (ghi 0 nếu không có) hoặc khai báo `optional: true` cho chỉ tiêu"


def _other_style_issue(text: str, value: Decimal, locale: str) -> tuple[str, str]:
    whole = text.replace(",", "").replace(".", "")
    other = "en" if locale == "vi" else "vi"
    grouped = text.replace(",", ".") if locale == "vi" else text.replace(".", ",")
    shown = str(value).replace(".", ",") if locale == "vi" else str(value)
    return (
        f'"{text}" đọc theo locale {locale} là số thập phân {shown}, nhưng chỉ tiêu là số đếm '
        "(số nguyên): không rõ ý người nhập",
        f"nếu là số nguyên {whole} thì viết {grouped}; nếu cả tệp viết số kiểu khác thì khai "
        f"báo `locale: {other}`",
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
) -> tuple[list[Unit], Unit | None]:
    """Read the units of ``table``; return them and the whole-city row if the file has one.

    Every indicator with a column is read. Those in ``required`` (default: all of them) must
    have their column in the file — a :class:`~reportgen.diagnostics.errors.ErrorList` names every missing
    one with a did-you-mean — and an empty cell of theirs is an issue; the others are read when
    their column is there. ``total_row`` names the whole-city row; with ``require_total`` a file
    without it is an error. Cells that cannot be read are appended to ``issues`` (when given).
    """
    ucol = table.require_column(unit_column, "tên đơn vị, xem data.unit_column")
    kcol = (
        table.require_column(kind_column, "loại đơn vị, xem data.kind_column")
        if kind_column
        else None
    )
    errs: list[ReportgenError] = []
    # (id, column index, indicator, is text, is a rate, is a count, must be filled) for the
    # hot loop below
    columns: list[tuple[str, int, Indicator, bool, bool, bool, bool]] = []
    for ind in config.indicators.values():
        if ind.column is None:
            continue
        must = required is None or ind.id in required
        if ind.column not in table.index and not must:
            continue
        try:
            i = table.require_column(ind.column, f"chỉ tiêu {ind.id}: {ind.label}")
        except DataError as exc:
            errs.append(exc)
            continue
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
    if errs:
        raise ErrorList(f"Tệp {table.file} thiếu cột", errs)
    read = number_reader(locale)
    other_style = _OTHER_STYLE[locale].fullmatch
    # figures stated with more decimals than declared (counts: the range check says "whole")
    decimals = {
        ind.id: None if ind.kind == "count" else ind.decimals for ind in config.indicators.values()
    }
    total_key = unit_key(total_row) if total_row else None
    total_name = config.data.total_name
    units: list[Unit] = []
    total: Unit | None = None
    seen: dict[str, int] = {}
    file, sheet = table.file, table.sheet
    headers = table.headers
    width = len(headers)

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
                    Source(file, sheet, row, table.location(row, ind.column).column),
                    text,
                    message,
                    hint,
                    key,
                )
            )

    for row, cells in table.rows:
        n_cells = len(cells)
        raw_name = cells[ucol] if ucol < n_cells else None
        if raw_name is None or (isinstance(raw_name, str) and not raw_name.strip()):
            raise DataError(
                "dòng có số liệu nhưng không có tên đơn vị",
                location=table.location(row, unit_column),
                hint="điền tên phường, xã hoặc xóa dòng thừa",
            )
        name = collapse_spaces(str(raw_name))
        key = unit_key(name)
        if key in seen:
            raise DataError(
                f'đơn vị "{name}" có hai dòng (dòng {seen[key]} và dòng {row})',
                location=table.location(row, unit_column),
                hint="xóa dòng trùng hoặc sửa tên đơn vị (tên được so không phân "
                "biệt hoa thường, dấu cách thừa và vị trí dấu thanh)",
            )
        seen[key] = row
        is_total = total_key is not None and key == total_key
        if not is_total and looks_like_total(name, total_name):
            if require_total:
                raise DataError(
                    f'dòng "{name}" có vẻ là dòng tổng, không phải một phường, xã: nếu tính như '
                    "một đơn vị thì số toàn thành phố bị cộng hai lần",
                    location=table.location(row, unit_column),
                    hint=f'khai báo `total_row: "{name}"` trong mục data để reportgen đọc dòng '
                    "này làm số toàn thành phố và đối chiếu với tổng các đơn vị, hoặc xóa "
                    "dòng này",
                )
            is_total = True  # the previous period's total row: never a unit
        who = total_name if is_total else name
        who_key = unit_key(total_name) if is_total else key
        values: dict[str, Decimal | None] = {}
        texts: dict[str, str | None] = {}
        if n_cells < width:
            cells = [*cells, *([None] * (width - n_cells))]
        elif n_cells > width and any(c is not None for c in cells[width:]):
            raise DataError(
                f"dòng có {n_cells} ô nhưng dòng tiêu đề chỉ có {width} cột: các ô thừa sẽ lệch "
                "cột",
                location=table.location(row, None),
                hint="nếu tệp phân cách cột bằng dấu phẩy thì số thập phân phải đặt trong ngoặc "
                'kép ("494,4") hoặc lưu lại tệp với dấu chấm phẩy; nếu không, xóa các ô thừa',
            )
        for iid, index, ind, is_text, percent, count, filled in columns:
            cell = cells[index]
            if is_text:
                texts[iid] = None if cell is None else str(cell)
                continue
            if cell is None:
                values[iid] = None
                if is_total and ind.total == "formula":
                    continue  # a blank rate of the total row is computed by its formula
                if filled:
                    issue(who, who_key, ind, row, None, _empty_message(ind), _EMPTY_HINT)
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
            if places is not None and value != round_half_up(value, places):
                values[iid] = None
                issue(
                    who,
                    who_key,
                    ind,
                    row,
                    cell,
                    f'"{cell}" có nhiều chữ số thập phân hơn khai báo cho {ind.label} '
                    f"(decimals: {places}): báo cáo sẽ in số đã làm tròn, khác số đã ghi",
                    f"ghi số với {places} chữ số thập phân, hoặc sửa `decimals` của chỉ tiêu "
                    f"{ind.id} trong tệp YAML",
                )
                continue
            values[iid] = value
        attrs = {h: str(c) for h, c in zip(headers, cells, strict=False) if h and c is not None}
        unit = Unit(
            name=name,
            key=key,
            slug=slugify(name),
            kind=str(cells[kcol]) if kcol is not None and kcol < n_cells and cells[kcol] else None,
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
            raise DataError(
                f'hai đơn vị "{slugs[u.slug]}" và "{u.name}" có cùng tên tệp "{u.slug}"',
                location=table.location(u.row, unit_column),
                hint="đổi tên để hai đơn vị khác nhau",
            )
        slugs[u.slug] = u.name
    if total_key is not None and total is None and require_total:
        guess = _closest([u.name for u in units], total_row or "")
        raise DataError(
            f'không tìm thấy dòng tổng "{total_row}" trong cột {unit_column}',
            location=table.location(None, unit_column),
            hint=(f'có phải ý bạn là "{guess}"? ' if guess else "")
            + "sửa data.total_row cho khớp tên dòng tổng, hoặc bỏ khóa này để "
            "tính tổng từ các đơn vị",
        )
    return units, total


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


def load_dataset(config: ReportConfig, data_file: str | Path | None = None) -> Dataset:
    """Read the data file of ``config`` (or ``data_file``) and compute every indicator.

    With ``data.previous``, the previous period's file is read too: every indicator column it
    has (for the templates' ``ky_truoc``); the columns the continuity checks need must be there.
    Its unreadable cells are issues as well.
    """
    ds = config.data
    path = Path(data_file) if data_file is not None else ds.file
    table = read_table(
        path,
        name=_display(path),
        sheet=ds.sheet,
        separator=ds.separator,
        unit_column=ds.unit_column,
        header_row=ds.header_row,
    )
    issues: list[CellIssue] = []
    units, file_total = build_units(
        table,
        config,
        locale=ds.locale,
        unit_column=ds.unit_column,
        issues=issues,
        kind_column=ds.kind_column,
        total_row=_city_only_row(table, ds.unit_column) if ds.city_only else ds.total_row,
    )
    order = config.indicator_order()
    total_order = config.total_order()
    for u in units:
        compute(u, config, order)
    total = compute_total(units, config, total_order, file_total, ds.total_name)
    dataset = Dataset(
        table=table,
        units=units,
        total=total,
        issues=issues,
        total_from_file=file_total is not None,
        columns={i.id: i.column for i in config.indicators.values() if i.column},
    )
    if ds.previous is not None:
        prev = ds.previous
        ptable = read_table(
            prev.file, name=_display(prev.file), sheet=prev.sheet, unit_column=prev.unit_column
        )
        pissues: list[CellIssue] = []
        punits, ptotal = build_units(
            ptable,
            config,
            locale=prev.locale,
            unit_column=prev.unit_column,
            issues=pissues,
            required=_previous_indicators(config),
            total_row=ds.total_row,
            require_total=False,
        )
        for u in punits:
            compute(u, config, order)
        ptot = compute_total(punits, config, total_order, ptotal, ds.total_name)
        dataset.previous = {u.key: u for u in [*punits, ptot]}
        dataset.previous_table = ptable
        # A cell of the previous file belongs to the unit of this period with the same key.
        names = {u.key: u.name for u in dataset.all_units()}
        issues.extend(replace(i, unit=names.get(i.key, i.unit)) for i in pissues)
    return dataset


def _city_only_row(table: RawTable, unit_column: str) -> str:
    """The name of the one row of a city-only file (``data.city_only``)."""
    col = table.require_column(unit_column, "tên đơn vị, xem data.unit_column")
    if len(table.rows) != 1:
        raise DataError(
            f"báo cáo chỉ có số toàn thành phố (data.city_only), nhưng tệp có {len(table.rows)} "
            "dòng số liệu",
            location=table.location(None, unit_column),
            hint="để lại đúng một dòng cho toàn thành phố, hoặc bỏ `city_only` nếu tệp có các "
            "phường, xã",
        )
    row, cells = table.rows[0]
    name = cells[col] if col < len(cells) else None
    if name is None or not str(name).strip():
        raise DataError(
            "dòng số liệu không có tên",
            location=table.location(row, unit_column),
            hint="ghi tên toàn thành phố vào cột tên đơn vị",
        )
    return collapse_spaces(str(name))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
