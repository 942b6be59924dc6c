"""Reasoning across the findings of one unit: which cell to fix.

The checks of a unit form a system of relations over its cells. When some break, this module
looks for the smallest set of cells whose change satisfies *every* declared relation of the
unit (the broken ones and those that hold, with the previous period and the natural ranges of
counts, money and rates): one cell first, then two. For each candidate cell, every check that
reads it says which values would make it hold (:meth:`~reportgen.validate.base.Prepared.solve`);
the intersection, restricted to the figures the cell can hold (whole counts, the stated
decimals), gives the value to write when it is unique. A candidate is accepted only when the
whole unit, re-checked with that value, agrees.

Several candidates can explain the same findings (a total and one part, nothing else
involved): they are ranked by the shape of the mistake each would be (a moved decimal comma,
two swapped digits, last year's value…); when that does not decide, the suspects are named
together and the reasoning says the data cannot decide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import combinations, islice

from reportgen.config.model import Indicator, ReportConfig
from reportgen.data.dataset import Dataset, GroupSum, Source, Unit, compute
from reportgen.diagnostics import catalog
from reportgen.validate.automatic import domain
from reportgen.validate.base import Interval, Prepared, Values, agrees, fmt
from reportgen.validate.findings import Finding, location_of
from reportgen.validate.groups import GroupSums
from reportgen.validate.shapes import Shape, copied_shape, relation_shape, undo_values
from reportgen.validate.typical import Typical

_MAX_VALUES = 1_000  # admissible values counted one by one up to this many
_STATED = -0.25  # between equal explanations, a figure a check computes (a rate, a total:
# often an Excel formula) is less likely the slip than the figures it is computed from
_PAIR_TRIES = 12  # values tried for each cell of a pair (the unique one, the shaped ones first)
_MARGIN = 2  # how much more telling the first explanation must be to be called the one
_IN_LINE = 2  # a figure out of line with the other units that the value puts back in line
# (or, negative, a figure in line that the value would put out of line)


@dataclass
class Suspect:
    """A cell that, changed, makes the unit's checks agree."""

    indicator: Indicator
    found: Decimal
    value: Decimal | None  # the value that makes them agree when it is unique
    example: Decimal | None  # a value that does (the unique one, or one of a range)
    interval: Interval | None
    shape: Shape | None
    source: Source | None
    score: float = 0.0
    unit: str | None = None  # set when the cell belongs to another unit than the finding's
    out_of_line: str | None = None  # the reference it is out of line with the other units by
    usual: float = 0.0  # how much more usual the value is than the written one (ties only)
    closer: float = 0.0  # how much nearer the column sums come to the total row (ties only)

    def describe_cell(self) -> str:
        """``Tổng số hộ (dòng 12, cột tong_so_ho (E))``, with the unit when it is another
        one (``Tổng số thẻ của Xã Song Mai (dòng 9, …)``)."""
        where = f" ({self.source.cell()})" if self.source else ""
        whose = catalog.text("check.reason-whose", unit=self.unit) if self.unit else ""
        return f"{self.indicator.label}{whose}{where}"

    def as_dict(self) -> dict[str, object]:
        """The suspect in the findings' JSON."""
        out: dict[str, object] = {
            "indicator": self.indicator.id,
            "label": self.indicator.label,
            "found": self.found,
            "unit": self.unit,
            "expected": self.value,
            "location": _location(self.source),
        }
        if self.value is None and self.interval is not None:
            lo, hi, _ = _admissible(self.interval, _step(self.indicator, self.found))
            out["range"] = {
                "min": lo if lo is not None else self.interval.lo,
                "max": hi if hi is not None else self.interval.hi,
            }
            if self.example is not None and self.shape is not None:
                out["likely"] = self.example
        if self.shape is not None:
            out["shape"] = self.shape.as_dict()
        if self.out_of_line is not None:
            out["out_of_line"] = self.out_of_line
        return out


@dataclass
class Explanation:
    """The result of the reasoning for one unit: the suspects (best first; several when the
    data cannot decide between them), whether they were decided, the findings they explain and
    the sentence a clerk reads."""

    suspects: list[list[Suspect]]  # each item: a set of cells changed together (1 or 2)
    decided: bool
    explained: list[Finding] = field(default_factory=list)
    reasoning: str = ""


def _location(source: Source | None) -> dict[str, object] | None:
    loc = location_of(source)
    return loc.as_dict() if loc is not None else None


def _step(ind: Indicator, found: Decimal) -> Decimal:
    if ind.kind == "count":
        return Decimal(1)
    if ind.decimals is not None:
        return Decimal(1).scaleb(-ind.decimals)
    exp = found.as_tuple().exponent
    return Decimal(1).scaleb(exp if isinstance(exp, int) and exp < 0 else 0)


def _admissible(iv: Interval, step: Decimal) -> tuple[Decimal | None, Decimal | None, int]:
    """The first and last multiples of ``step`` in ``iv`` and how many there are (capped)."""
    if iv.lo is None or iv.hi is None:
        return None, None, _MAX_VALUES
    lo = (iv.lo / step).to_integral_value(ROUND_CEILING) * step
    if iv.lo_open and lo == iv.lo:
        lo += step
    hi = (iv.hi / step).to_integral_value(ROUND_FLOOR) * step
    if iv.hi_open and hi == iv.hi:
        hi -= step
    if hi < lo:
        return None, None, 0
    n = int((hi - lo) / step) + 1
    return lo, hi, min(n, _MAX_VALUES)


class UnitReasoner:
    """The relations of one unit, ready to try changed values."""

    def __init__(
        self,
        config: ReportConfig,
        ds: Dataset,
        unit: Unit,
        checks: Sequence[Prepared],
        order: list[str],
        inputs: dict[str, set[str]] | None = None,
        typical: Typical | None = None,
    ) -> None:
        self.config = config
        self.ds = ds
        self.unit = unit
        self.typical = typical if typical is not None else Typical(config, ds)
        self.checks = [c for c in checks if c.relation and c.applies(unit)]
        # checks run on another unit that read this one's figures (the total row of the file)
        self.across = [c for c in checks if c.relation and not c.applies(unit)]
        self.order = order
        self.inputs = inputs if inputs is not None else _inputs(config)

    # --- which cells ------------------------------------------------------------------------
    def is_cell(self, iid: str) -> bool:
        """Whether ``iid`` is a figure read from this unit's row (one a clerk can fix)."""
        ind = self.config.indicators.get(iid)
        return (
            ind is not None
            and ind.kind != "text"
            and ind.column is not None
            and self.ds.source(self.unit, iid) is not None
            and self.unit.values.get(iid) is not None
        )

    def cells_of(self, ids: Sequence[str]) -> set[str]:
        """The cells behind ``ids`` (formula indicators replaced by what they read)."""
        out: set[str] = set()
        for i in ids:
            out.update(c for c in self.inputs.get(i, {i}) if self.is_cell(c))
        return out

    def checks_reading(self, cell: str) -> list[Prepared]:
        """The checks whose figures depend on ``cell``."""
        return [c for c in self.checks if cell in self.cells_of(c.cells)]

    def groups_broken(self, cell: str) -> list[str]:
        """The group rows of the file (Khối phường…) that disagree with their units in
        ``cell`` as written, by name."""
        return [
            g.name
            for c in self.across
            if isinstance(c, GroupSums)
            for g in c.broken(self.unit, cell, self.ds)
        ]

    # --- trying values ----------------------------------------------------------------------
    def with_values(self, changes: dict[str, Decimal]) -> Unit:
        """A copy of the unit with ``changes`` written in and its formulas recomputed."""
        u = self.unit
        values = dict(u.values)
        values.update(changes)
        copy = Unit(u.name, u.key, u.slug, u.kind, u.row, values, u.texts, u.attrs, u.is_total)
        if not u.is_total:
            compute(copy, self.config, self.order)
        return copy

    def agrees(self, changes: dict[str, Decimal]) -> bool:
        """Whether every relation of the unit holds with ``changes`` written in."""
        unit = self.with_values(changes)
        for check in self.checks:
            for f in check(unit, self.ds):
                if f.extra.get("_relation") and f.severity != "info":
                    return False
        return all(c.holds_across(self.unit, changes, self.ds) for c in self.across)

    def feasible(self, cell: str, values: Values, skip: str | None = None) -> Interval | None:
        """The values ``cell`` may take for every check reading it to hold (None: none);
        checks that also read ``skip`` are left out."""
        ind = self.config.indicators[cell]
        iv = domain(ind) or Interval()
        unit = self.unit
        for check in self.checks_reading(cell):
            if skip is not None and skip in self.cells_of(check.cells):
                continue
            got = check.solve(cell, unit, values, self.ds)
            if got is None:
                continue
            met = iv.meet(got)
            if met is None:
                return None
            iv = met
        for check in self.across:
            got = check.solve_across(cell, unit, values, self.ds)
            if got is None:
                continue
            met = iv.meet(got)
            if met is None:
                return None
            iv = met
        return iv

    def tries(self, cell: str, iv: Interval) -> Iterator[tuple[Decimal, Shape | None, bool]]:
        """Values to try for ``cell`` within ``iv``: (value, shape of the mistake, unique)."""
        ind = self.config.indicators[cell]
        found = self.unit.values[cell]
        assert found is not None
        step = _step(ind, found)
        lo, hi, n = _admissible(iv, step)
        if n == 0:
            return
        if n == 1 and lo is not None:
            yield lo, relation_shape(found, lo, ind.kind == "money", ind.kind == "count"), True
            return
        seen: set[Decimal] = set()
        for value, shape in undo_values(found, ind.kind == "money", ind.kind == "count"):
            if value in seen or value == found or not iv.contains(value):
                continue
            if (value / step) != (value / step).to_integral_value():
                continue
            seen.add(value)
            yield value, shape, False
        # the admissible value nearest to what was written
        near = (found / step).to_integral_value() * step
        if lo is not None and near < lo:
            near = lo
        if hi is not None and near > hi:
            near = hi
        if iv.contains(near) and near not in seen:
            yield near, None, False

    # --- one cell -----------------------------------------------------------------------------
    def single(self, cell: str) -> Suspect | None:
        """The suspect ``cell`` when changing it alone makes the unit agree."""
        values = self.unit.values
        iv = self.feasible(cell, values)
        if iv is None:
            return None
        for value, shape, unique in self.tries(cell, iv):
            if self.agrees({cell: value}):
                return self._suspect(cell, value if unique else None, value, iv, shape)
        return None

    def _suspect(
        self,
        cell: str,
        value: Decimal | None,
        example: Decimal | None,
        iv: Interval | None,
        shape: Shape | None,
    ) -> Suspect:
        ind = self.config.indicators[cell]
        found = self.unit.values[cell]
        assert found is not None
        copied = copied_shape(found, self._previous(cell), self._neighbours(cell))
        if copied is not None and (
            shape is None or shape.strength < copied.strength or value is None
        ):
            shape = copied  # a copied figure outweighs a shape found somewhere in a range
        score = float(shape.strength if shape else 0)
        if shape is not None and value is None and copied is not shape:
            score -= 1  # a shape found somewhere in a range of values may be a coincidence
        right = value if value is not None else example
        line = self.typical.evidence(self.unit, cell, found, right) if right is not None else 0
        score += _IN_LINE * line
        usual = self.typical.likelihood(self.unit, cell, found, right) if right is not None else 0
        closer = self.column_gap(cell, found) - self.column_gap(cell, right) if right else 0.0
        return Suspect(
            ind,
            found,
            value,
            example,
            iv,
            shape,
            self.ds.source(self.unit, cell),
            score,
            out_of_line=self.typical.label(cell) if line > 0 else None,
            usual=usual,
            closer=closer,
        )

    def column_gap(self, cell: str, value: Decimal) -> float:
        """How far the total row is from the sum of the units' ``cell`` with ``value`` written
        in, in rounding margins. Within the margin a total row agrees, yet a total row is most
        often the sum of the figures as written: exact agreement is the more likely."""
        gap = 0.0
        values = dict(self.unit.values)
        for check in self.across:
            got = check.solve_across(cell, self.unit, values, self.ds)
            gap += _gap(got, value)
        if self.unit.is_total:
            for check in self.checks:
                if getattr(check, "name", None) == "city_sum":
                    gap += _gap(check.solve(cell, self.unit, values, self.ds), value)
        return gap

    def _previous(self, cell: str) -> Decimal | None:
        prev = self.ds.previous.get(self.unit.key) if self.ds.previous else None
        return prev.values.get(cell) if prev is not None else None

    def _neighbours(self, cell: str) -> dict[str, Decimal | None]:
        """The figures of the cells beside ``cell``: the columns left and right, the rows above
        and below."""
        out: dict[str, Decimal | None] = {}
        columns = [i for i in self.ds.columns if self.config.indicators[i].kind != "text"]
        index = self.ds.table.index
        columns.sort(key=lambda i: index.get(self.ds.columns[i], 0))
        if cell in columns:
            k = columns.index(cell)
            for j in (k - 1, k + 1):
                if 0 <= j < len(columns):
                    other = columns[j]
                    out[catalog.text("check.reason-next-column", name=other)] = (
                        self.unit.values.get(other)
                    )
        rows = [u for u in self.ds.units]
        if self.unit in rows:
            k = rows.index(self.unit)
            for j in (k - 1, k + 1):
                if 0 <= j < len(rows):
                    out[catalog.text("check.reason-next-row", name=rows[j].name)] = rows[
                        j
                    ].values.get(cell)
        return out

    # --- two cells ----------------------------------------------------------------------------
    def pair(self, a: str, b: str) -> list[Suspect] | None:
        """Suspects ``a`` and ``b`` when changing both makes the unit agree."""
        values = self.unit.values
        iv_a = self.feasible(a, values, skip=b)
        if iv_a is None:
            return None
        for va, shape_a, unique_a in islice(self.tries(a, iv_a), _PAIR_TRIES):
            changed = dict(values)
            changed[a] = va
            iv_b = self.feasible(b, changed)
            if iv_b is None:
                continue
            for vb, shape_b, unique_b in islice(self.tries(b, iv_b), _PAIR_TRIES):
                if self.agrees({a: va, b: vb}):
                    return [
                        self._suspect(a, va if unique_a else None, va, iv_a, shape_a),
                        self._suspect(b, vb if unique_b else None, vb, iv_b, shape_b),
                    ]
        return None


def _gap(iv: Interval | None, value: Decimal) -> float:
    """How far ``value`` is from the middle of ``iv``, in half-widths (a unit when exact)."""
    if iv is None or iv.lo is None or iv.hi is None:
        return 0.0
    half = (iv.hi - iv.lo) / 2
    off = abs(value - (iv.lo + half))
    return float(off / half) if half else float(off != 0)


def _inputs(config: ReportConfig) -> dict[str, set[str]]:
    """For each formula indicator, the indicators with a column it reads (transitively)."""
    out: dict[str, set[str]] = {}

    def visit(iid: str, seen: frozenset[str]) -> set[str]:
        if iid in out:
            return out[iid]
        ind = config.indicators.get(iid)
        if ind is None or ind.formula is None or iid in seen:
            return {iid}
        got: set[str] = set()
        for n in ind.formula.names:
            got |= visit(n, seen | {iid})
        out[iid] = got
        return got

    for iid in config.indicators:
        visit(iid, frozenset())
    return out


def explain(
    config: ReportConfig,
    ds: Dataset,
    unit: Unit,
    checks: Sequence[Prepared],
    findings: Sequence[Finding],
    order: list[str],
) -> Explanation | None:
    """Find the cells to fix behind the broken relations among ``findings`` of ``unit``
    (None when no relation is broken or the unit has no cell of its own to fix)."""
    broken = [f for f in findings if f.extra.get("_relation") and f.severity != "info"]
    if not broken:
        return None
    inputs = _inputs(config)
    typical = Typical(config, ds)
    r = UnitReasoner(config, ds, unit, checks, order, inputs, typical)
    involved = [r.cells_of(f.indicators) for f in broken]
    if not all(involved):
        return None
    common = set.intersection(*involved)
    everything = sorted(set.union(*involved), key=_declared_order(config))
    stated = {f.indicators[0] for f in broken if f.indicators}
    across = unit.is_total and ds.total_from_file and len(broken) == 1

    def candidates(r: UnitReasoner) -> list[list[Suspect]]:
        singles = [s for c in sorted(common, key=_declared_order(config)) if (s := r.single(c))]
        for s in singles:
            if s.indicator.id in stated:
                s.score += _STATED
        if across and broken[0].check == "city_sum":
            # the total row against the wards: a ward's figure may be the one to fix. A ward
            # whose own relations are broken and whose figure, corrected, satisfies them and
            # the total row explains every finding with one cell: the total row's cell (or
            # another ward's) would leave that ward's findings unexplained, so it goes first.
            column = broken[0].indicators[0]
            wards: list[Suspect] = []
            # A ward whose group row disagrees in the column explains that finding too.
            for other in ds.units:
                rw = UnitReasoner(config, ds, other, checks, order, inputs, typical)
                if rw.is_cell(column) and (cand := rw.single(column)) is not None:
                    cand.unit = other.name
                    if not rw.agrees({}) or rw.groups_broken(column):
                        wards.append(cand)
                    singles.append(cand)
            if wards:
                singles = wards
        if singles:
            return [[s] for s in singles]
        groups = []
        for a, b in combinations(everything, 2):
            if all(a in inv or b in inv for inv in involved):
                got = r.pair(a, b) or r.pair(b, a)
                if got is not None:
                    groups.append(got)
        return groups

    groups = candidates(r)
    follows = False
    if not groups and r.across:
        # nothing fits while the total row stays as written: a total row that follows the
        # wards (an Excel SUM) changes with the ward's cell, so try again without it
        r.across = []
        groups = candidates(r)
        follows = bool(groups)
    if not groups:
        return Explanation([], False, list(broken), _nothing(len(broken)))
    ranked, top, decided = _rank(groups)
    also = _also_fixed(config, ds, unit, checks, order, ranked[0])
    sentence = _sentence(ranked, top, decided, len(broken), also)
    if follows:
        sentence += catalog.text("check.reason-total-follows")
    if unit.is_total and all(f.check == "city_sum" for f in broken) and not across:
        # several columns of the total row against the wards: one ward's figure may be wrong
        # in each, or the total row
        decided = False
        sentence = catalog.text(
            "check.reason-total-or-unit", cells=_group_text(ranked[0], weak=False)
        )
    return Explanation(ranked, decided, list(broken), sentence)


def _rank(groups: list[list[Suspect]]) -> tuple[list[list[Suspect]], list[list[Suspect]], bool]:
    """The explanations best first, those as likely as the first, and whether the first is
    the one (decided)."""
    # by how telling the mistake is; between equals, by how much more usual the corrected
    # figures are than the written ones against the other units (this orders the suspects
    # named together, it never decides)
    groups = sorted(
        groups,
        key=lambda g: (
            -sum(s.score for s in g),
            -round(sum(s.closer for s in g), 6),
            -sum(s.usual for s in g),
        ),
    )
    best = sum(s.score for s in groups[0])
    # decided: the only explanation, or one whose mistake shape is clearly more telling than
    # the next one's (a strong shape against a mistyped digit or none; a copied value against
    # no shape). A mistyped digit alone does not decide: any small figure can be one.
    second = sum(s.score for s in groups[1]) if len(groups) > 1 else None
    # A shape found somewhere in a range of values (two digits that, swapped, land in it) is a
    # coincidence as often as not: it orders the suspects but does not decide between them,
    # unless the figure is also out of line with the other units.
    by_chance = any(
        s.value is None and s.shape is not None and not s.out_of_line for s in groups[0]
    )
    decided = second is None or (best - second >= _MARGIN and not by_chance)
    top = (
        [groups[0]] if decided else [g for g in groups if best - sum(s.score for s in g) < _MARGIN]
    )
    if not decided and len(top) < 2:
        top = groups[:2]  # name at least the next one: the data cannot tell them apart
    return top + [g for g in groups if g not in top], top, decided


def explain_groups(
    config: ReportConfig,
    ds: Dataset,
    checks: Sequence[Prepared],
    findings: list[Finding],
    order: list[str],
) -> list[Finding]:
    """Reason on the group rows that disagree with their units (``data.group-mismatch``,
    findings of the whole city) and that no suspect explains yet, one column at a time: the
    cell to fix is a figure of a unit in every such group (one that also keeps the unit's own
    relations and the total row, when there is one, agreeing), or — when a single group row
    disagrees — that row's own figure. A unit whose own relations are broken and put right by
    the figure goes first, as for the total row."""
    if not ds.groups or not ds.units:
        return findings
    by_cell: dict[str, list[tuple[Finding, GroupSum]]] = {}
    for f in findings:
        group = _group_of(f, ds)
        if group is not None and not f.extra.get("reasoning"):
            by_cell.setdefault(f.indicators[0], []).append((f, group))
    if not by_cell:
        return findings
    inputs = _inputs(config)
    typical = Typical(config, ds)
    done: dict[int, Finding] = {}
    keys = ("suspects", "suspect_groups", "decided", "alternatives", "reasoning")
    for iid, pairs in by_cell.items():
        ind = config.indicators[iid]
        city = next(
            (
                f
                for f in findings
                if f.check == "city_sum" and f.indicators[:1] == (iid,) and f.suspects
            ),
            None,
        )
        if city is not None:
            # the total row's reasoning already names the wards that put both rows right
            more = {k: city.extra[k] for k in keys if k in city.extra}
            if more.get("decided"):
                more["consequence_of"] = [iid]
            for f, _ in pairs:
                done[id(f)] = f.with_extra(**more)
            continue
        members = set.intersection(*(set(g.members) for _, g in pairs))
        found: list[Suspect] = []
        wards: list[Suspect] = []
        for other in ds.units:
            if other.key not in members:
                continue
            rw = UnitReasoner(config, ds, other, checks, order, inputs, typical)
            if rw.is_cell(iid) and (cand := rw.single(iid)) is not None:
                cand.unit = other.name
                found.append(cand)
                if not rw.agrees({}):
                    wards.append(cand)
        candidates = wards or found
        if not wards and len(pairs) == 1:
            candidates = [*candidates, *_group_cell(ds, ind, pairs[0][1])]
        if not candidates:
            continue
        ranked, top, decided = _rank([[c] for c in candidates])
        sentence = _sentence(ranked, top, decided, len(pairs))
        explained = [f for f, _ in pairs]
        for (f, _), g in zip(
            pairs,
            annotate(Explanation(ranked, decided, explained, sentence), explained),
            strict=True,
        ):
            done[id(f)] = g
    return [done.get(id(f), f) for f in findings]


def _group_cell(ds: Dataset, ind: Indicator, group: GroupSum) -> list[Suspect]:
    """The group row's own figure as a suspect: the sum of its units is what it should be."""
    iid = ind.id
    stated = group.values[iid]
    rest = [u.values.get(iid) for u in ds.units if u.key in group.members]
    if any(v is None for v in rest):
        return []
    right = sum((v for v in rest if v is not None), Decimal(0))
    shape = relation_shape(stated, right, ind.kind == "money", ind.kind == "count")
    score = float(shape.strength if shape else 0) + _STATED  # often a SUM formula
    where = group.sources[iid]
    return [
        Suspect(
            ind,
            stated,
            right,
            right,
            None,
            shape,
            where,
            score,
            unit=catalog.text("check.reason-group-row", name=group.name),
        )
    ]


def _group_of(f: Finding, ds: Dataset) -> GroupSum | None:
    """The group row a finding of the whole city is about (``data.group-mismatch``)."""
    if f.check != "data" or f.unit != ds.total.name or not f.indicators or not f.sources:
        return None
    iid = f.indicators[0]
    return next((g for g in ds.groups if g.sources.get(iid) == f.sources[0]), None)


def _also_fixed(
    config: ReportConfig,
    ds: Dataset,
    unit: Unit,
    checks: Sequence[Prepared],
    order: list[str],
    group: list[Suspect],
) -> list[str]:
    """The rows of the file beyond the unit's own relations that ``group`` puts right: the
    total row (for a ward's cell) and the group rows ("dòng nhóm "Khối phường"")."""
    out: list[str] = []
    for s in group:
        owner = unit if s.unit is None else ds.find(s.unit)
        if owner is None or owner.is_total:
            continue
        r = UnitReasoner(config, ds, owner, checks, order)
        for c in r.across:
            if isinstance(c, GroupSums):
                out.extend(
                    catalog.text("check.reason-group-row", name=n)
                    for n in r.groups_broken(s.indicator.id)
                )
            elif not unit.is_total and not c.holds_across(owner, {s.indicator.id: s.found}, ds):
                # on the total unit, that is the finding itself
                out.append(catalog.text("check.reason-total-row"))
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Fix:
    """A decided suspect of a ward, with the reasoning that found it."""

    ward: str
    cell: str
    found: Decimal
    expected: Decimal
    reasoning: str
    own: bool  # found for the ward's own findings (else for the total row's)


def group_city(findings: list[Finding], ds: Dataset, config: ReportConfig) -> list[Finding]:
    """Group a finding of the total row read from the file (``city_sum``) under a ward's
    suspect when fixing that ward's cell makes the total row agree; likewise a group row that
    disagrees with its units (``data.group-mismatch``, "Khối phường") when a decided suspect
    of one of its units (found for the unit or for the total row) makes it agree."""
    fixes: list[_Fix] = []
    for f in findings:
        if not f.extra.get("decided"):
            continue
        own = f.unit != ds.total.name
        for s in f.extra.get("suspect_groups", [[]])[0]:
            ward = f.unit if own else s.get("unit")
            if s.get("expected") is None or not ward:
                continue
            fix = _Fix(
                str(ward),
                str(s["indicator"]),
                s["found"],
                s["expected"],
                str(f.extra.get("reasoning", "")),
                own,
            )
            if fix not in fixes:
                fixes.append(fix)
    if not fixes:
        return findings
    out = []
    for f in findings:
        if f.check == "data" and f.unit == ds.total.name and f.indicators and ds.groups:
            out.append(_group_row(f, ds, config, fixes))
            continue
        mine = [x for x in fixes if x.own and f.indicators and x.cell == f.indicators[0]]
        if f.check != "city_sum" or not mine:
            out.append(f)
            continue
        iid = f.indicators[0]
        expected, found = f.expected, f.found
        if not isinstance(expected, Decimal) or not isinstance(found, Decimal):
            out.append(f)
            continue
        shift = sum((x.expected - x.found for x in mine), Decimal(0))
        if expected + shift != found:
            out.append(f)
            continue
        wards = [x.ward for x in mine]
        if len(wards) == 1:
            # shown and counted under that ward's suspect: one mistake, not two
            more: dict[str, object] = {"reasoning": mine[0].reasoning, "explained_by": wards[0]}
        else:
            names = ", ".join(wards)
            more = {"reasoning": catalog.text("check.reason-total-agrees", names=names)}
        out.append(f.with_extra(decided=True, consequence_of=[iid], suspects=[], **more))
    return out


def _group_row(f: Finding, ds: Dataset, config: ReportConfig, fixes: list[_Fix]) -> Finding:
    """A finding of a group row that disagrees with its units, grouped under the one decided
    suspect among its units that makes it agree (``f`` unchanged when there is none)."""
    group = _group_of(f, ds)
    if group is None:
        return f
    iid = f.indicators[0]
    ind = config.indicators.get(iid)
    if group is None or ind is None:
        return f
    members = {u.name: u for u in ds.units if u.key in group.members}
    mine = [x for x in fixes if x.cell == iid and x.ward in members]
    if len({x.ward for x in mine}) != 1:
        return f
    fix = mine[0]
    stated = group.values[iid]
    summed, allowed = Decimal(0), ind.tolerance_of(stated)
    for u in members.values():
        v = fix.expected if u.name == fix.ward else u.values.get(iid)
        if v is None:
            return f
        summed += v
        allowed += ind.tolerance_of(v)
    if not agrees(stated - summed, allowed):
        return f
    more: dict[str, object] = {"reasoning": fix.reasoning}
    if fix.own:
        more["explained_by"] = fix.ward  # with the ward's suspect; else with the total row's
    return f.with_extra(decided=True, consequence_of=[iid], suspects=[], **more)


def _declared_order(config: ReportConfig) -> Callable[[str], int]:
    order = {iid: n for n, iid in enumerate(config.indicators)}
    return lambda iid: order.get(iid, len(order))


def _nothing(n: int) -> str:
    return catalog.text("check.reason-nothing", count=n)


def _value_text(s: Suspect) -> str:
    ind = s.indicator
    if s.value is not None:
        return catalog.text("check.fix-to", value=fmt(ind, s.value))
    if s.interval is not None and s.interval.lo is not None and s.interval.hi is not None:
        step = _step(ind, s.found)
        lo, hi, _ = _admissible(s.interval, step)
        if lo is not None and hi is not None:
            return catalog.text("check.fix-between", low=fmt(ind, lo), high=fmt(ind, hi)) + (
                catalog.text("check.fix-perhaps", value=fmt(ind, s.example))
                if s.example is not None and s.shape
                else ""
            )
    if s.interval is not None and s.interval.hi is not None and s.interval.lo in (None, 0):
        return catalog.text("check.fix-at-most", value=fmt(ind, s.interval.hi))
    if s.example is not None and s.shape is not None:
        return catalog.text("check.fix-to", value=fmt(ind, s.example))
    return catalog.text("check.fix-it")


def _group_text(group: list[Suspect], weak: bool = True, fix: bool = False) -> str:
    parts = []
    for s in group:
        told = s.shape is not None and (weak or s.shape.strength > 1)
        shape = catalog.text("check.reason-shape", shape=s.shape.text) if told and s.shape else ""
        if s.out_of_line:
            shape += catalog.text("check.reason-out-of-line", reference=s.out_of_line)
        value = f" → {fmt(s.indicator, s.value)}" if fix and s.value is not None else ""
        parts.append(f"{s.describe_cell()} ghi {fmt(s.indicator, s.found)}{value}{shape}")
    return catalog.text("check.and").join(parts)


def _sentence(
    ranked: list[list[Suspect]],
    top: list[list[Suspect]],
    decided: bool,
    n: int,
    also: Sequence[str] = (),
) -> str:
    n += len(also)
    and_ = catalog.text("check.and")
    agree = (
        catalog.text("check.reason-all-agree", count=n)
        if n > 1
        else catalog.text("check.reason-agrees")
    )
    if also:
        agree += catalog.text("check.reason-including", rows=and_.join(also))
    if decided:
        group = ranked[0]
        fixes = and_.join(
            (f"{s.indicator.id} " if len(group) > 1 else "") + _value_text(s) for s in group
        )
        which = catalog.text(
            "check.reason-the-suspect" if len(group) == 1 else "check.reason-the-two-suspects"
        )
        return catalog.text(
            "check.reason-decided", which=which, cells=_group_text(group), fixes=fixes, agree=agree
        )
    names = "; ".join(_group_text(g, weak=False, fix=True) for g in top)
    return catalog.text("check.reason-undecided", agree=agree, cells=names)


def annotate(explanation: Explanation, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the suspects and the reasoning added to those it explains; a finding
    whose own stated cell is not the suspect is marked as a consequence of it."""
    if not explanation.suspects:
        ids = {id(f) for f in explanation.explained}
        return [
            f.with_extra(reasoning=explanation.reasoning) if id(f) in ids else f for f in findings
        ]
    suspects = [[s.as_dict() for s in g] for g in explanation.suspects]
    first = explanation.suspects[0]
    first_ids = {s.indicator.id for s in first}
    flat = [s for g in suspects for s in g]
    ids = {id(f) for f in explanation.explained}
    out = []
    for f in findings:
        if id(f) not in ids:
            out.append(f)
            continue
        more: dict[str, object] = {
            "suspects": flat,
            "suspect_groups": suspects,
            "decided": explanation.decided,
            "alternatives": len(explanation.suspects),
            "reasoning": explanation.reasoning,
        }
        stated = f.indicators[0] if f.indicators else None
        elsewhere = any(s.unit for s in first)  # another unit's cell (a ward for the total row)
        if explanation.decided and (stated not in first_ids or elsewhere):
            more["consequence_of"] = sorted(first_ids)
        out.append(f.with_extra(**more))
    return out
