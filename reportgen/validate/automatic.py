"""Checks that always run, for every indicator, without being declared: counts are whole and
≥ 0, money ≥ 0, rates within 0–100 (``check.range``), and every formula gives a figure
(``check.uncomputable``: a division by zero, e.g. a rate whose base is 0 for one ward, is a
finding for that unit, never a silent dash in a report)."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog
from reportgen.validate.base import HUNDRED, ZERO, Interval, Prepared, Values, fmt
from reportgen.validate.findings import Finding


def domain(ind: Indicator) -> Interval | None:
    """The values an indicator can take at all (counts and money ≥ 0, rates 0–100)."""
    if ind.kind in ("count", "money"):
        return Interval(ZERO, None)
    if ind.kind == "percent":
        return Interval(ZERO, HUNDRED)
    return None


class Ranges(Prepared):
    """Counts are whole and ≥ 0, money ≥ 0, rates within 0–100."""

    def __init__(self, config: ReportConfig) -> None:
        inds = config.indicators.values()
        self.counts = [(i.id, i) for i in inds if i.kind == "count"]
        self.money = [(i.id, i) for i in inds if i.kind == "money"]
        self.rates = [(i.id, i) for i in inds if i.kind == "percent"]
        self.config = config
        self.cells = tuple(i for i, _ in (*self.counts, *self.money, *self.rates))

    def _finding(self, unit: Unit, ds: Dataset, ind: Indicator, v: Decimal, key: str) -> Finding:
        src = ds.source(unit, ind.id)
        where = f" ({src.cell()})" if src else ""
        why, hint = catalog.text(key), catalog.hint(key)
        return Finding.of(
            "error",
            "range",
            unit.name,
            (ind.id,),
            None,
            v,
            catalog.text(
                "check.range-automatic",
                unit=unit.name,
                label=ind.label,
                why=why,
                value=fmt(ind, v),
                where=where,
            ),
            (src,) if src else (),
            hint=hint,
            extra={"_relation": True},
        )

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        out: list[Finding] = []
        get = unit.values.get
        for iid, ind in self.counts:
            v = get(iid)
            if v is not None and (v < ZERO or v != v.to_integral_value()):
                out.append(self._finding(unit, ds, ind, v, "check.range-count"))
        for iid, ind in self.money:
            v = get(iid)
            if v is not None and v < ZERO:
                out.append(self._finding(unit, ds, ind, v, "check.range-money"))
        for iid, ind in self.rates:
            v = get(iid)
            if v is not None and not ZERO <= v <= HUNDRED:
                out.append(self._finding(unit, ds, ind, v, "check.range-percent"))
        return out

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        ind = self.config.indicators.get(cell)
        return domain(ind) if ind is not None else None


class Uncomputable(Prepared):
    """Every formula of a unit gives a figure when what it reads is known."""

    relation = False

    def __init__(self, config: ReportConfig) -> None:
        self.config = config
        self.formulas = [i for i in config.indicators.values() if i.formula is not None]
        self.totals = [
            i
            for i in config.indicators.values()
            if i.total == "formula" and (i.total_formula or i.formula) is not None
        ]

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        out: list[Finding] = []
        values = unit.values
        if unit.is_total:
            items = [
                (i, i.total_formula or i.formula)
                for i in self.totals
                if not (ds.total_from_file and i.column is not None)
            ]
        else:
            items = [(i, i.formula) for i in self.formulas]
        for ind, formula in items:
            if formula is None or values.get(ind.id) is not None:
                continue
            if any(values.get(n) is None for n in formula.names):
                continue  # unknown because an input is unknown: that cell is reported
            if ind.uncomputable:
                out.append(
                    Finding.of(
                        "info",
                        "uncomputable",
                        unit.name,
                        (ind.id,),
                        None,
                        None,
                        f"{unit.name}: "
                        + catalog.text(
                            "check.uncomputable-declared",
                            label=ind.label,
                            formula=formula.text,
                            words=ind.uncomputable,
                        ),
                        (),
                        extra={"formula": formula.text},
                    )
                )
                continue
            zeros = [n for n in sorted(formula.names) if values.get(n) == 0]
            labels = [self.config.indicators[n].label for n in zeros if n in self.config.indicators]
            because = (
                catalog.text(
                    "check.uncomputable-zero", labels=catalog.text("check.and").join(labels)
                )
                if labels
                else catalog.text("check.uncomputable-division")
            )
            params = {
                "label": ind.label,
                "formula": formula.text,
                "because": because,
                "inputs": ", ".join(labels) or catalog.text("check.uncomputable-inputs"),
                "guard": zeros[0] if zeros else ind.id,
            }
            entry = catalog.messages()["check.uncomputable"]
            out.append(
                Finding.of(
                    entry.severity,
                    "uncomputable",
                    unit.name,
                    (ind.id, *zeros),
                    None,
                    None,
                    f"{unit.name}: " + entry.text.format(**params),
                    tuple(s for s in (ds.source(unit, z) for z in zeros) if s is not None),
                    hint=(entry.hint or "").format(**params),
                    extra={"formula": formula.text},
                )
            )
        return out
