"""Figures by thôn / tổ dân phố (``data.villages``): a second table, one row per village of a
ward, read like the main file and reconciled with it.

Each row names its ward (the unit column) and its village (the village column); the ward must
be a unit of the main file. The indicator columns the file has are read as in the main file —
an unreadable or empty cell is a :class:`~reportgen.data.dataset.CellIssue` of the ward — and
the villages' counts and money must add up to the ward's own figure, else the ward's figure is
an issue too: a village table never shows rows that do not make its total row.
"""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.model import ReportConfig, Table
from reportgen.data.dataset import CellIssue, Dataset, Source, Unit, build_units
from reportgen.data.reader import RawTable, read_table
from reportgen.data.text import collapse_spaces, expand_unit_name, unit_key
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DataError, ErrorList, ReportgenError
from reportgen.diagnostics.suggest import did_you_mean

__all__ = ["load_villages", "village_tables"]


def village_tables(config: ReportConfig) -> list[Table]:
    """The tables of the report with one row per village (``by: village``)."""
    out: list[Table] = []

    def walk(sections: tuple[object, ...]) -> None:
        for s in sections:
            t = getattr(s, "table", None)
            if t is not None and t.by == "village":
                out.append(t)
            walk(getattr(s, "sections", ()))

    walk(config.sections)
    out += [t for a in config.appendices for t in a.tables if t.by == "village"]
    return out


def load_villages(config: ReportConfig, dataset: Dataset, display: str) -> dict[str, list[Unit]]:
    """The villages of each ward (by unit key), their cell issues added to ``dataset.issues``
    under the ward's name."""
    spec = config.data.villages
    assert spec is not None
    table = read_table(spec.file, name=display, sheet=spec.sheet, unit_column=spec.unit_column)
    ucol = table.require_column(spec.unit_column, catalog.text("data.what-village-unit"))
    table.require_column(spec.village_column, catalog.text("data.what-village-name"))
    for t in village_tables(config):
        for iid in t.columns:
            column = config.indicators[iid].column or iid
            table.require_column(
                column, catalog.text("data.what-village-indicator", id=iid, title=t.title or "")
            )
    groups: dict[str, list[tuple[int, list[object]]]] = {}
    errors: list[ReportgenError] = []
    names = [u.name for u in dataset.units]
    # the ward's name as written in the main file (case, spaces, tone placement folded; not
    # the accent-free file name: "Trần Phủ" is not "Trần Phú")
    by_key = {u.key: u for u in dataset.units}
    for row, cells in table.take_rows():
        raw = cells[ucol] if ucol < len(cells) else None
        if raw is None or not str(raw).strip():
            errors.append(
                DataError.of(
                    "data.unit-name-missing", location=table.location(row, spec.unit_column)
                )
            )
            continue
        name = expand_unit_name(collapse_spaces(str(raw)))
        unit = by_key.get(unit_key(name))
        if unit is None:
            guess = did_you_mean(name, names)
            errors.append(
                DataError.of(
                    "data.unknown-unit",
                    location=table.location(row, spec.unit_column),
                    name=name,
                    guess=catalog.text("data.did-you-mean", guess=guess) if guess else "",
                )
            )
            continue
        groups.setdefault(unit.key, []).append((row, list(cells)))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ErrorList(catalog.text("data.village-rows-unreadable", file=table.file), errors)
    present = {
        iid
        for iid, ind in config.indicators.items()
        if ind.kind != "text" and (ind.column or "") in table.index
    }
    out: dict[str, list[Unit]] = {}
    for key, rows in groups.items():
        ward = by_key[key]
        part = RawTable(
            file=table.file,
            sheet=table.sheet,
            headers=table.headers,
            header_row=table.header_row,
            rows=rows,  # type: ignore[arg-type]
        )
        issues: list[CellIssue] = []
        villages, _ = build_units(
            part,
            config,
            locale=config.data.locale,
            unit_column=spec.village_column,
            issues=issues,
            required=present,
            require_total=False,
        )
        dataset.issues.extend(
            CellIssue(
                ward.name,
                i.indicator,
                i.source,
                i.text,
                f"{i.unit}: {i.message}",
                i.hint,
                ward.key,
            )
            for i in issues
        )
        out[key] = villages
        _reconcile(config, dataset, ward, villages, present, part)
    return out


def _reconcile(
    config: ReportConfig,
    dataset: Dataset,
    ward: Unit,
    villages: list[Unit],
    present: set[str],
    table: RawTable,
) -> None:
    """A ward's counts and money must be the sum of its villages'."""
    for iid in sorted(present):
        ind = config.indicators[iid]
        if ind.kind not in ("count", "money"):
            continue
        stated = ward.values.get(iid)
        parts = [v.values.get(iid) for v in villages]
        if stated is None or any(p is None for p in parts):
            continue  # an unreadable cell is an issue already
        total = sum((p for p in parts if p is not None), Decimal(0))
        if total == stated:
            continue
        cell = dataset.source(ward, iid) or Source(table.file, table.sheet, None, iid)
        from reportgen.vnformat import format_number

        d = catalog.make(
            "data.village-sum-mismatch",
            label=ind.label,
            file=table.file,
            total=format_number(total),
            ward=ward.name,
            stated=format_number(stated),
        )
        dataset.issues.append(
            CellIssue(
                ward.name,
                iid,
                cell,
                format_number(stated),
                d.message,
                d.hint,
                ward.key,
            )
        )
