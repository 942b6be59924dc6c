"""What every check kind is built from: its declaration, the prepared check, figures in
messages, rounding tolerances and the feasible values of one cell.

A check kind (one file in :mod:`reportgen.validate.kinds`) declares once its name, its
documentation, its arguments (config schema fields) and a ``prepare`` function. ``prepare``
resolves the declared :class:`~reportgen.config.model.Check` once and returns a
:class:`Prepared` check: callable on a unit (its findings), with the cells it reads and, for
the reasoning across findings, the values one of those cells could take for the relation to
hold (:meth:`Prepared.solve`).

Rounding rule. A figure rounded half-up to a step ``2h`` (``h`` = half a unit of its last
decimal) is off its true value by at most ``h``. When the true figures agree exactly (parts add
up to the total, the opening equals the previous closing…), the stated ones can therefore differ
by *less than* the sum of their ``h``: that is allowed, reaching the sum is not. Exact figures
(counts) have ``h = 0`` and must agree exactly. A whole-city figure that is a sum of N units
(computed, or read from the file's total row, which is often the column sum of rounded ward
figures) may be off by N × ``h``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from reportgen.config.model import Check, Indicator, ReportConfig
from reportgen.config.schema import Field
from reportgen.config.yamlsource import KeyPath
from reportgen.data.dataset import Dataset, Source, Unit
from reportgen.data.text import name_key
from reportgen.diagnostics import catalog
from reportgen.validate.findings import Finding, Severity
from reportgen.vnformat import format_number

ZERO = Decimal(0)
HUNDRED = Decimal(100)
ONE = Decimal(1)
_STEPS = tuple(ONE.scaleb(-i) for i in range(12))
_WIDE = Context(prec=200, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)

Values = Mapping[str, Decimal | None]


@dataclass(frozen=True)
class Interval:
    """The values a cell may take: between ``lo`` and ``hi`` (None: unbounded), each end
    included unless marked open. A point is ``Interval(x, x)``."""

    lo: Decimal | None = None
    hi: Decimal | None = None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, x: Decimal) -> Interval:
        """Exactly ``x``."""
        return cls(x, x)

    @classmethod
    def around(cls, x: Decimal, allowed: Decimal) -> Interval:
        """Strictly within ``allowed`` of ``x`` (exactly ``x`` when ``allowed`` is 0)."""
        if not allowed:
            return cls(x, x)
        return cls(x - allowed, x + allowed, True, True)

    def contains(self, x: Decimal) -> bool:
        """Whether ``x`` lies in the interval."""
        if self.lo is not None and (x < self.lo or (self.lo_open and x == self.lo)):
            return False
        return not (self.hi is not None and (x > self.hi or (self.hi_open and x == self.hi)))

    def meet(self, other: Interval) -> Interval | None:
        """The intersection, or None when empty."""
        lo, lo_open = self.lo, self.lo_open
        if other.lo is not None and (lo is None or other.lo > lo):
            lo, lo_open = other.lo, other.lo_open
        elif other.lo is not None and other.lo == lo:
            lo_open = lo_open or other.lo_open
        hi, hi_open = self.hi, self.hi_open
        if other.hi is not None and (hi is None or other.hi < hi):
            hi, hi_open = other.hi, other.hi_open
        elif other.hi is not None and other.hi == hi:
            hi_open = hi_open or other.hi_open
        if lo is not None and hi is not None and (lo > hi or (lo == hi and (lo_open or hi_open))):
            return None
        return Interval(lo, hi, lo_open, hi_open)


EVERYTHING = Interval()


class Prepared:
    """A declared check resolved for a report: call it on a unit to get its findings.

    ``cells`` are the indicators it reads (the stated one first); ``relation`` says whether a
    finding of it means the figures contradict each other (the reasoning across findings looks
    for the cell to fix); :meth:`solve` returns the values one cell may take for the check to
    hold, the others as stated (None: this check cannot say)."""

    relation: bool = True
    cells: tuple[str, ...] = ()

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        raise NotImplementedError

    def applies(self, unit: Unit) -> bool:
        """Whether the check runs on ``unit`` at all."""
        return True

    def solve(self, cell: str, unit: Unit, values: Values, ds: Dataset) -> Interval | None:
        """The values ``cell`` may take for this check to hold on ``unit`` (None: unknown)."""
        return None

    # A check that runs on one unit but reads the figures of others (the total row against
    # the wards) is also a relation over each of those others' cells:
    def solve_across(self, cell: str, other: Unit, values: Values, ds: Dataset) -> Interval | None:
        """The values ``cell`` of ``other`` (a unit this check reads but does not run on) may
        take for the check to hold (None: it does not read that cell, or cannot say)."""
        return None

    def holds_across(self, other: Unit, changes: Values, ds: Dataset) -> bool:
        """Whether the check still holds, for the cells ``changes`` touches, when ``other``'s
        figures are changed so."""
        return True


Runner = Callable[[Unit, Dataset], list[Finding]]
Prepare = Callable[[Check, ReportConfig], Prepared]
ArgsValidator = Callable[[dict[str, Any], KeyPath, Any], None]


@dataclass(frozen=True)
class CheckKind:
    """A check kind, declared once: ``name`` (written after ``check:`` in YAML), its Vietnamese
    documentation, its arguments (schema fields, besides ``check``, ``severity``, ``units`` and
    ``label`` that every check has), an optional cross-argument validation, and ``prepare``."""

    name: str
    doc: str
    fields: Mapping[str, Field]
    prepare: Prepare
    validate: ArgsValidator | None = None
    examples: Sequence[str] = field(default=())


def fmt(ind: Indicator, value: Decimal | None) -> str:
    """Format a figure for a message, in the unit it is stated in: ``1.013 hộ``, ``62,95%``,
    ``538,0 triệu đồng``."""
    if value is None:
        return catalog.text("check.no-figure")
    text = format_number(value, decimals_for(value, ind.decimals))
    if ind.kind == "percent":
        return text + "%"
    if ind.unit == "%":  # a difference of two rates
        return text + " điểm phần trăm"
    return f"{text} {ind.unit}" if ind.unit else text


def fmt_points(value: Decimal, decimals: int | None) -> str:
    """A difference of two rates: ``0,51 điểm phần trăm``."""
    return format_number(value, decimals_for(value, decimals)) + " điểm phần trăm"


def decimals_for(value: Decimal, decimals: int | None) -> int | None:
    """Decimals to show ``value`` with: the declared ones, or more when it has more."""
    exp = value.normalize().as_tuple().exponent
    own = -exp if isinstance(exp, int) and exp < 0 else 0
    if decimals is None:
        return None if own == 0 else own
    return max(decimals, min(own, 6))


def exact(ind: Indicator) -> bool:
    """True when the figure has no rounding tolerance (a count, or a computed figure)."""
    return ind.column is None or not ind.rounded


def tolerance(ind: Indicator, value: Decimal, unit: Unit, ds: Dataset) -> Decimal:
    """How far the true figure behind the stated ``value`` may be from it: half a unit of its
    last stated decimal; for a whole-city figure that is a sum of the units (computed, or read
    from a total row that may be the column sum of rounded ward figures), that times the number
    of units. Computed figures (formulas) are exact."""
    if exact(ind):
        return ZERO
    h = ind.tolerance_of(value)
    if unit.is_total and ind.total == "sum" and len(ds.units) > 1:
        return h * len(ds.units)
    return h


def quantize(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals`` (no argument checks: the hot path)."""
    return value.quantize(
        _STEPS[decimals] if decimals < len(_STEPS) else ONE.scaleb(-decimals),
        rounding=ROUND_HALF_UP,
        context=_WIDE,
    )


def agrees(diff: Decimal, allowed: Decimal) -> bool:
    """True when two stated figures that differ by ``diff`` can come from the same true figure,
    given the summed rounding ``allowed`` of both sides (strictly less; exact when 0)."""
    return not diff or abs(diff) < allowed


def plus(labels: Sequence[str]) -> str:
    """``a + b + c``."""
    return " + ".join(labels)


def with_period(label: str, period: str) -> str:
    """A label followed by a period without saying a word twice: ``Hộ nghèo cuối năm`` and
    ``cuối năm 2023`` give ``Hộ nghèo cuối năm 2023``; ``Tỷ lệ hộ nghèo`` and ``năm 2023`` give
    ``Tỷ lệ hộ nghèo năm 2023``."""
    words, more = label.split(), period.split()
    lower_w, lower_m = [w.lower() for w in words], [w.lower() for w in more]
    for k in range(min(len(words), len(more)), 0, -1):
        if lower_w[-k:] == lower_m[:k]:
            return " ".join([*words, *more[k:]])
    return f"{label} {period}".strip()


class Base(Prepared):
    """Shared plumbing of a prepared check: its declaration and how to build findings."""

    def __init__(self, check: Check, config: ReportConfig, name: str) -> None:
        self.check = check
        self.config = config
        self.name = name
        self.only: frozenset[str] | None = (
            frozenset(name_key(u) for u in check.units) if check.units else None
        )

    def applies(self, unit: Unit) -> bool:
        return self.only is None or unit.key in self.only

    def ind(self, key: str) -> Indicator:
        """The indicator named by argument ``key``."""
        return self.config.indicators[self.check.args[key]]

    def inds(self, key: str) -> list[Indicator]:
        """The indicators named by argument ``key`` (one or a list)."""
        value = self.check.args[key]
        ids = value if isinstance(value, list) else [value]
        return [self.config.indicators[i] for i in ids]

    def finding(
        self,
        unit: Unit,
        ds: Dataset,
        inds: Sequence[Indicator],
        expected: Decimal | str | None,
        actual: Decimal | str | None,
        message: str,
        hint: str | None,
        *,
        severity: Severity | None = None,
        stated: Indicator | None = None,
        more: Sequence[Source] = (),
        relation: bool = True,
    ) -> Finding:
        """A finding about ``unit``: the message is prefixed with the unit (and the check's
        label) and followed by the cell of the ``stated`` figure; the sources are the cells of
        ``inds`` (the stated figure first) and ``more``. ``relation``: the finding means the
        figures contradict each other (the reasoning looks for the cell to fix)."""
        sources: list[Source] = []
        for ind in inds:
            src = ds.source(unit, ind.id)
            if src is not None:
                sources.append(src)
        sources.extend(more)
        where = ""
        main = ds.source(unit, stated.id) if stated is not None else None
        if main is not None:
            where = f" ({main.cell()})"
        elif unit.is_total and not ds.total_from_file:
            if stated is not None and stated.total == "formula":
                where = catalog.text("check.where-city-formula")
            else:
                where = catalog.text("check.where-city-sum")
        label = f"[{self.check.label}] " if self.check.label else ""
        return Finding.of(
            severity or self.check.severity,
            self.name,
            unit.name,
            tuple(i.id for i in inds),
            expected,
            actual,
            f"{unit.name}: {label}{message}{where}",
            tuple(sources),
            config_key=self.check.key,
            config_line=self.check.line,
            hint=hint,
            extra={"_relation": relation},
        )
