"""The group rows of a clerk's workbook as relations for the reasoning across findings.

A biểu mẫu adds its units up by group ("I. Khối phường", "II. Khối xã", "Cộng"), and the
reader already compares each declared group row with the sum of its units (``data.group-
mismatch``, a finding of the whole city). For the reasoning, each group row is one more sum
over the cells of its units: a ward's figure that is the one to fix must also make its group's
sum agree, so a wrong figure in a column that only the sums read (nhân khẩu, số thẻ BHYT…) is
found in its group rather than in any ward of the city. This check gives no findings of its
own (the reader's are those); it only answers :meth:`solve_across` and :meth:`holds_across`.
"""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, GroupSum, Unit
from reportgen.validate.base import ZERO, Interval, Prepared, Values, agrees
from reportgen.validate.findings import Finding


class GroupSums(Prepared):
    """Each group row of the data file = Σ of its units (within their rounding)."""

    name = "group_sum"

    def __init__(self, config: ReportConfig) -> None:
        self.config = config

    def applies(self, unit: Unit) -> bool:
        return False  # read across the units only

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        return []  # the reader reports a group row that disagrees (data.group-mismatch)

    def groups_of(self, unit: Unit, cell: str, ds: Dataset) -> list[GroupSum]:
        """The group rows that add up ``cell`` of ``unit``."""
        return [g for g in ds.groups if cell in g.values and unit.key in g.members]

    def _rest(self, g: GroupSum, cell: str, other: Unit, ds: Dataset) -> tuple[Decimal, Decimal]:
        """The group row's figure minus the other members', and the rounding allowed."""
        ind = self.config.indicators[cell]
        stated = g.values[cell]
        rest, allowed = ZERO, ind.tolerance_of(stated)
        for u in ds.units:
            if u.key not in g.members:
                continue
            v = u.values.get(cell)
            if v is None:
                continue
            allowed += ind.tolerance_of(v)
            if u is not other:
                rest += v
        return stated - rest, allowed

    def solve_across(self, cell: str, other: Unit, values: Values, ds: Dataset) -> Interval | None:
        iv: Interval | None = None
        for g in self.groups_of(other, cell, ds):
            got = Interval.around(*self._rest(g, cell, other, ds))
            iv = got if iv is None else iv.meet(got)
            if iv is None:  # two groups that cannot both agree: no value fits
                return Interval(ZERO, ZERO, True, True)
        return iv

    def holds_across(self, other: Unit, changes: Values, ds: Dataset) -> bool:
        for cell, value in changes.items():
            if value is None:
                continue
            for g in self.groups_of(other, cell, ds):
                target, allowed = self._rest(g, cell, other, ds)
                if not agrees(value - target, allowed):
                    return False
        return True

    def broken(self, other: Unit, cell: str, ds: Dataset) -> list[GroupSum]:
        """The group rows of ``other`` that disagree with their units in ``cell`` now."""
        value = other.values.get(cell)
        if value is None:
            return []
        out = []
        for g in self.groups_of(other, cell, ds):
            target, allowed = self._rest(g, cell, other, ds)
            if not agrees(value - target, allowed):
                out.append(g)
        return out
