"""A unit's figures stored compactly behave exactly as a dict of them would."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.data.values import UnitValues, slot_table

SLOTS = slot_table(["ho_ngheo", "ty_le", "ho_ngheo"])

_keys = st.sampled_from(["ho_ngheo", "ty_le", "khac", "moi"])
_values = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=2)
_ops = st.lists(st.tuples(st.sampled_from(["set", "del"]), _keys, _values), max_size=30)


@given(_ops)
def test_every_operation_gives_what_a_dict_gives(
    ops: list[tuple[str, str, Decimal | None]],
) -> None:
    compact, plain = UnitValues(SLOTS), {}
    for op, key, value in ops:
        if op == "set":
            compact[key] = value
            plain[key] = value
        elif key in plain:
            del compact[key]
            del plain[key]
    assert compact == plain and dict(compact) == plain
    assert sorted(compact) == sorted(plain) and len(compact) == len(plain)
    for key in ("ho_ngheo", "ty_le", "khac", "moi"):
        assert (key in compact) == (key in plain)
        assert compact.get(key, Decimal(-1)) == plain.get(key, Decimal(-1))


def test_a_figure_known_to_be_missing_is_kept_apart_from_no_figure() -> None:
    values = UnitValues(SLOTS, {"ho_ngheo": None})
    assert "ho_ngheo" in values and values["ho_ngheo"] is None
    assert "ty_le" not in values and values.get("ty_le", Decimal(1)) == Decimal(1)


def test_reading_or_deleting_a_figure_never_set_is_a_key_error() -> None:
    values = UnitValues(SLOTS)
    for key in ("ho_ngheo", "khac"):
        for action in (values.__getitem__, values.__delitem__):
            try:
                action(key)
            except KeyError:
                continue
            raise AssertionError(f"{action.__name__}({key!r}) did not raise")


def test_the_figures_survive_a_trip_to_a_worker_process() -> None:
    values = UnitValues(SLOTS, {"ty_le": Decimal("1.25"), "khac": Decimal(3)})
    copy = pickle.loads(pickle.dumps(values))
    assert copy == {"ty_le": Decimal("1.25"), "khac": Decimal(3)}
    assert "ho_ngheo" not in copy
    copy["ho_ngheo"] = Decimal(7)
    assert copy["ho_ngheo"] == Decimal(7) and "ho_ngheo" not in values


def test_a_large_table_keeps_its_figures_compactly_and_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.app import pipeline
    from reportgen.data import dataset
    from tests.helpers import sample_project

    config = sample_project(tmp_path / "p")
    _, small = pipeline.load(config)
    assert all(type(u.values) is dict for u in small.units)
    monkeypatch.setattr(dataset, "COMPACT_FROM_ROWS", 2)
    _, large = pipeline.load(config)
    assert all(isinstance(u.values, UnitValues) for u in large.units)
    assert [(u.name, dict(u.values)) for u in large.all_units()] == [
        (u.name, dict(u.values)) for u in small.all_units()
    ]
