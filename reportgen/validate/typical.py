"""How a unit's figure stands against the same figure of the other units.

Used only to rank explanations the relations leave equal (which cell to name first), never to
report anything: a figure a clerk mistyped usually stands out against the other wards in
proportion to the ward's size, and the value that would correct it puts it back in line.

For a figure (counts and money read from the file), the *reference* is the other figure of the
same unit — another column, or the same figure last period — whose ratio to it varies least
from unit to unit (persons per household, cards per poor household, this year against last
year…). A unit's deviation is how far its ratio lies from the median ratio of the units, in
robust standard deviations (the median absolute deviation: one wrong figure barely moves it),
never less than 5 %. A count varies by chance by about 1/√n in ratio (n its median over the
units): unless its steadiest ratio is at most half that (a real proportion, such as a fixed
amount per house supported), its spread is taken to be at least that — a ratio of 4 households
is not steady however steady it looks over a dozen units. Two small counts (a median under 10 over the units) are never compared
with each other — their ratio is mostly chance — and a figure whose ratios all vary by more than
about ±50 % has no reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog

_MIN_UNITS = 6  # fewer units than this: no proportion to speak of
_FLOOR = 0.05  # the smallest spread assumed (5 % in ratio): exact ratios do not make every
# small difference a deviation
_WIDEST = 0.5  # a ratio spread wider than this (in log terms) says nothing: no reference
_SMALL = 10  # counts whose units' median is below this are too small to compare
_PREVIOUS = "\0previous"  # the reference "the same figure last period"
_KINDS = ("count", "money")
_CHANCE = 0.5  # a ratio at most this share of a count's chance spread is a real proportion
# (a fixed amount per house supported); a wider one may be luck over a dozen units

#: A written figure this many robust deviations off is out of line with the other units …
OUT_OF_LINE = 4.0
#: … and a value this close is in line with them.
IN_LINE = 2.5


class Typical:
    """Deviations of the units' figures, worked out once per figure."""

    def __init__(self, config: ReportConfig, ds: Dataset) -> None:
        self.config = config
        self.ds = ds
        self._refs: dict[str, tuple[str, float, float] | None] = {}

    def _previous(self, unit: Unit, cell: str) -> Decimal | None:
        prev = self.ds.previous.get(unit.key) if self.ds.previous else None
        return prev.values.get(cell) if prev is not None else None

    def _reference_of(self, unit: Unit, cell: str, ref: str) -> Decimal | None:
        if ref == _PREVIOUS:
            return self._previous(unit, cell)
        return unit.values.get(ref)

    def reference(self, cell: str) -> tuple[str, float, float] | None:
        """The reference figure of ``cell``, the median log ratio and its robust spread (None
        when no figure keeps step with it across enough units)."""
        if cell in self._refs:
            return self._refs[cell]
        best: tuple[str, float, float] | None = None
        ind = self.config.indicators.get(cell)
        if ind is not None and ind.kind in _KINDS and len(self.ds.units) >= _MIN_UNITS:
            small = self._small(cell, cell)
            refs = [
                i
                for i in self.ds.columns
                if i != cell
                and self.config.indicators[i].kind in _KINDS
                and not (small and self._small(i, cell))
            ]
            if self.ds.previous and not small:
                refs.append(_PREVIOUS)
            own = self._noise(cell)
            for ref in refs:
                logs = _logs(
                    [(u.values.get(cell), self._reference_of(u, cell, ref)) for u in self.ds.units]
                )
                if len(logs) < max(_MIN_UNITS, len(self.ds.units) * 3 // 4):
                    continue
                mid = _median(logs)
                spread = max(1.4826 * _median([abs(x - mid) for x in logs]), _FLOOR)
                if best is None or spread < best[2]:
                    best = (ref, mid, spread)
            if best is not None and best[2] > own * _CHANCE:
                # no steadier than chance alone would make it: the count's own spread counts
                best = (best[0], best[1], max(best[2], own))
            if best is not None and best[2] > _WIDEST:
                best = None
        self._refs[cell] = best
        return best

    def _noise(self, cell: str) -> float:
        """The spread a count's ratio has by chance alone: a count of households of a kind
        varies like a Poisson count, by about 1/√n in ratio (n its median over the units) —
        4 households may as well be 2 or 7, so no ratio of it is steadier than that however
        steady it looks over a dozen units; 0 for money."""
        if self.config.indicators[cell].kind != "count":
            return 0.0
        # over the units whose ratio is taken (a 0 has none)
        got = [float(v) for u in self.ds.units if (v := u.values.get(cell)) is not None and v > 0]
        mid = _median(got) if got else 0.0
        return 1 / math.sqrt(mid) if mid > 0 else math.inf

    def _small(self, ref: str, cell: str) -> bool:
        """Whether ``ref`` (of ``cell``) is a small count: a ward with 5 households of a kind
        may as well have 2 or 9, so the ratio of two small counts says nothing."""
        iid = cell if ref == _PREVIOUS else ref
        if self.config.indicators[iid].kind != "count":
            return False
        values = [self._reference_of(u, cell, ref) for u in self.ds.units]
        got = [float(v) for v in values if v is not None]
        return not got or _median(got) < _SMALL

    def deviation(self, unit: Unit, cell: str, value: Decimal) -> float | None:
        """How many robust deviations ``value`` (as ``cell`` of ``unit``) lies from the other
        units' ratio to the reference (None: nothing to compare)."""
        got = self.reference(cell)
        if got is None or value <= 0:
            return None
        ref, mid, spread = got
        base = self._reference_of(unit, cell, ref)
        if unit.is_total and ref == _PREVIOUS:
            return None
        if base is None or base <= 0:
            return None
        return abs(math.log(float(value) / float(base)) - mid) / spread

    def label(self, cell: str) -> str:
        """The reference of ``cell`` in words (``Tổng số hộ``, ``cùng số kỳ trước``)."""
        got = self.reference(cell)
        if got is None:
            return ""
        if got[0] == _PREVIOUS:
            return catalog.text("check.previous-period")
        return self.config.indicators[got[0]].label

    def likelihood(self, unit: Unit, cell: str, written: Decimal, value: Decimal) -> float:
        """How much more usual ``value`` is than ``written`` against the other units (the log
        of the ratio of their normal likelihoods, between -3 and 3; 0: nothing to compare)."""
        before = self.deviation(unit, cell, written)
        after = self.deviation(unit, cell, value)
        if before is None or after is None:
            return 0.0
        return max(-3.0, min(3.0, (before * before - after * after) / 2))

    def evidence(self, unit: Unit, cell: str, written: Decimal, value: Decimal) -> int:
        """+1 when ``written`` is out of line with the other units and ``value`` puts it back in
        line; -1 when ``written`` is in line and ``value`` would put it out; else 0."""
        before = self.deviation(unit, cell, written)
        after = self.deviation(unit, cell, value)
        if before is None or after is None:
            return 0
        if before >= OUT_OF_LINE and after <= IN_LINE:
            return 1
        if after >= OUT_OF_LINE and before <= IN_LINE:
            return -1
        return 0


def _logs(pairs: Sequence[tuple[Decimal | None, Decimal | None]]) -> list[float]:
    return [math.log(float(a) / float(b)) for a, b in pairs if a and b and a > 0 and b > 0]


def _median(xs: Sequence[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
