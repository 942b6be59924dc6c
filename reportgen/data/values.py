"""The figures of one unit, by indicator id, stored compactly.

A data file of 100.000 wards holds 100.000 sets of figures. A ``dict`` per ward costs about
900 bytes for the demo's indicators, most of it the hash table; :class:`UnitValues` keeps one
list slot per indicator and shares the id → slot table between every unit of a file, a third of
that. It is a full mutable mapping, so the rest of the code reads it as it would read a dict.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, MutableMapping
from decimal import Decimal

__all__ = ["COMPACT_FROM_ROWS", "UnitValues", "slot_table"]

COMPACT_FROM_ROWS = 20_000
"""From this many rows a table's units keep their figures compactly. Below it a dict per unit
costs at most a few megabytes and is quicker to read (the checks and the reports read every
figure several times)."""


class _Absent(enum.Enum):
    """A slot with no value (a ``None`` value is a figure that is known to be missing); an enum
    member, so it stays itself through pickling (a process pool)."""

    ABSENT = 0


_ABSENT = _Absent.ABSENT


def slot_table(ids: list[str]) -> dict[str, int]:
    """The slot of each indicator id, shared by every :class:`UnitValues` of one table."""
    return {iid: i for i, iid in enumerate(dict.fromkeys(ids))}


class UnitValues(MutableMapping[str, Decimal | None]):
    """One unit's figures: ``Decimal``, or ``None`` when the figure is unknown.

    Ids of ``slots`` are stored in a list; any other id in a small dict beside it."""

    __slots__ = ("_cells", "_extra", "_slots")

    def __init__(
        self, slots: Mapping[str, int], values: Mapping[str, Decimal | None] | None = None
    ):
        self._slots = slots
        self._cells: list[object] = [_ABSENT] * len(slots)
        self._extra: dict[str, Decimal | None] | None = None
        for key, value in (values or {}).items():
            self[key] = value

    def __getitem__(self, key: str) -> Decimal | None:
        i = self._slots.get(key)
        if i is None:
            if self._extra is None:
                raise KeyError(key)
            return self._extra[key]
        value = self._cells[i]
        if value is _ABSENT:
            raise KeyError(key)
        return value  # type: ignore[return-value]

    def get(self, key: str, default: Decimal | None = None) -> Decimal | None:  # type: ignore[override]
        """The figure of ``key``, or ``default`` when the unit has none."""
        i = self._slots.get(key)
        if i is None:
            return default if self._extra is None else self._extra.get(key, default)
        value = self._cells[i]
        return default if value is _ABSENT else value  # type: ignore[return-value]

    def __setitem__(self, key: str, value: Decimal | None) -> None:
        i = self._slots.get(key)
        if i is not None:
            self._cells[i] = value
        elif self._extra is None:
            self._extra = {key: value}
        else:
            self._extra[key] = value

    def __delitem__(self, key: str) -> None:
        i = self._slots.get(key)
        if i is None:
            if self._extra is None:
                raise KeyError(key)
            del self._extra[key]
        elif self._cells[i] is _ABSENT:
            raise KeyError(key)
        else:
            self._cells[i] = _ABSENT

    def __contains__(self, key: object) -> bool:
        i = self._slots.get(key) if isinstance(key, str) else None
        if i is None:
            return self._extra is not None and key in self._extra
        return self._cells[i] is not _ABSENT

    def __iter__(self) -> Iterator[str]:
        cells = self._cells
        for key, i in self._slots.items():
            if cells[i] is not _ABSENT:
                yield key
        if self._extra is not None:
            yield from self._extra

    def __len__(self) -> int:
        n = sum(1 for c in self._cells if c is not _ABSENT)
        return n + (len(self._extra) if self._extra is not None else 0)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __getstate__(
        self,
    ) -> tuple[Mapping[str, int], list[object], dict[str, Decimal | None] | None]:
        return self._slots, self._cells, self._extra

    def __setstate__(
        self, state: tuple[Mapping[str, int], list[object], dict[str, Decimal | None] | None]
    ) -> None:
        self._slots, self._cells, self._extra = state
