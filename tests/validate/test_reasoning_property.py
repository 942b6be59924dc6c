"""Property: with consistent figures for the sample report's relations, one changed cell is
always among the suspects, and first whenever the relations leave no other cell."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.config.loader import load_config
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, compute, load_dataset
from reportgen.validate.runner import prepare_checks, validate
from reportgen.validate.shapes import one_digit_changes, swaps
from tests.helpers import ROOT

D = Decimal


def _q(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@st.composite
def consistent(draw: Any) -> dict[str, Decimal]:
    """Figures of one ward that satisfy every relation the sample report declares."""
    i = lambda lo, hi: D(draw(st.integers(lo, hi)))  # noqa: E731
    t0 = i(800, 9000)
    t1 = t0 + i(0, 150)
    p0 = i(20, 300)
    dec = [i(0, 6) for _ in range(3)]
    inc = [i(0, 6) for _ in range(4)]
    p1 = p0 - sum(dec) + sum(inc)
    c0, c1 = i(0, 300), i(0, 300)
    money = [i(10, 5000) / 10 for _ in range(3)]
    total = sum(money, D(0))
    paid = D(draw(st.integers(0, int(total * 10)))) / 10
    # the funding sources add up to the total (tenths of a million)
    left = int(total * 10)
    sources = []
    for _ in range(3):
        part = draw(st.integers(0, left))
        sources.append(D(part) / 10)
        left -= part
    sources.append(D(left) / 10)
    r0, r1 = _q(p0 / t0 * 100), _q(p1 / t1 * 100)
    return {
        "tong_so_ho_dau_ky": t0,
        "tong_so_ho": t1,
        "tong_so_khau": t1 * 4,
        "ho_ngheo_dau_ky": p0,
        "thoat_ngheo_vuot_can_ngheo": dec[0],
        "thoat_ngheo_thanh_can_ngheo": dec[1],
        "khac_giam": dec[2],
        "can_ngheo_thanh_ngheo": inc[0],
        "phat_sinh_moi": inc[1],
        "tai_ngheo": inc[2],
        "khac_tang": inc[3],
        "ho_ngheo_cuoi_ky": p1,
        "khau_ngheo": p1 * 3,
        "ty_le_ho_ngheo_dau_ky": r0,
        "ty_le_ho_ngheo": r1,
        "giam_ty_le_ho_ngheo": r0 - r1,
        "chi_tieu_giam_ty_le": min(r0 - r1, D(0)),
        "ho_can_ngheo_dau_ky": c0,
        "ho_can_ngheo_cuoi_ky": c1,
        "ty_le_ho_can_ngheo": _q(c1 / t1 * 100),
        "ho_ngheo_dtts": i(0, int(p1)),
        "ho_ngheo_co_cong": i(0, int(p1)),
        "ho_ngheo_khong_kha_nang_ld": i(0, int(p1)),
        "ho_ngheo_chu_ho_nu": i(0, int(p1)),
        "so_ho_ho_tro_nha_o": i(0, 30),
        "kinh_phi_nha_o": money[0],
        "kinh_phi_sinh_ke": money[1],
        "kinh_phi_dao_tao": money[2],
        "kinh_phi_tong": total,
        "nguon_ngan_sach_trung_uong": sources[0],
        "nguon_ngan_sach_dia_phuong": sources[1],
        "nguon_von_long_ghep": sources[2],
        "nguon_huy_dong": sources[3],
        "kinh_phi_giai_ngan": paid,
        "ty_le_giai_ngan": _q(paid / total * 100),
        "so_the_bhyt": i(0, 900),
    }


@st.composite
def mistake(draw: Any, value: Decimal) -> Decimal:
    kind = draw(st.sampled_from(["digit", "swap", "x10", "few"]))
    if kind == "digit":
        options = list(one_digit_changes(value))
    elif kind == "swap":
        options = list(swaps(value))
    elif kind == "x10":
        options = [value * 10]
    else:
        options = [value + d for d in (-3, -2, -1, 1, 2, 3)]
    options = [o for o in options if o >= 0 and o != value]
    if not options:
        return value
    return draw(st.sampled_from(options))


@pytest.fixture(scope="module")
def demo() -> tuple[ReportConfig, Dataset, list[Any], list[str]]:
    config = load_config(ROOT / "configs" / "giam-ngheo-2024.yaml")
    ds = load_dataset(config)
    return config, ds, prepare_checks(config), config.indicator_order()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(figures=consistent(), data=st.data())
def test_one_changed_cell_is_named_and_first_when_determined(
    demo: tuple[ReportConfig, Dataset, list[Any], list[str]],
    figures: dict[str, Decimal],
    data: Any,
) -> None:
    config, ds, prepared, order = demo
    unit = ds.units[0]
    assert ds.previous is not None
    prev = ds.previous[unit.key]
    saved, saved_prev, saved_total = dict(unit.values), dict(prev.values), dict(ds.total.values)
    try:
        unit.values.update(figures)
        # the file's total row (the sum of the wards) follows the ward's new figures
        for ind in config.indicators.values():
            if ds.total_from_file and ind.total == "sum" and ind.id in figures:
                ds.total.values[ind.id] = saved_total[ind.id] - saved[ind.id] + figures[ind.id]
        prev.values.update(
            ho_ngheo_cuoi_ky=figures["ho_ngheo_dau_ky"],
            ho_can_ngheo_cuoi_ky=figures["ho_can_ngheo_dau_ky"],
            tong_so_ho=figures["tong_so_ho_dau_ky"],
        )
        compute(unit, config, order)
        clean = validate(config, ds, [unit], runners=prepared)
        assert [f.message for f in clean if f.severity == "error"] == []
        cell = data.draw(st.sampled_from(sorted(figures)))
        wrong = data.draw(mistake(figures[cell]))
        if wrong == figures[cell]:
            return
        unit.values[cell] = wrong
        compute(unit, config, order)
        found = [f for f in validate(config, ds, [unit], runners=prepared) if f.severity == "error"]
        if not found:
            return  # not detectable: no relation reads this cell, or the change is within one
        explained = next(f for f in found if f.extra.get("reasoning"))
        named = [s["indicator"] for s in explained.suspects]
        assert cell in named, explained.extra["reasoning"]
        if explained.extra["decided"] and explained.extra["alternatives"] == 1:
            assert named[0] == cell, explained.extra["reasoning"]
    finally:
        unit.values.clear()
        unit.values.update(saved)
        prev.values.clear()
        prev.values.update(saved_prev)
        ds.total.values.clear()
        ds.total.values.update(saved_total)


# --- the clerk's workbook: group rows ------------------------------------------------------

SUMMED_ONLY = [  # figures only the column sums read (the total row and the group rows)
    "tong_so_khau",
    "khau_ngheo",
    "ho_ngheo_dtts",
    "ho_ngheo_co_cong",
    "ho_ngheo_khong_kha_nang_ld",
    "ho_ngheo_chu_ho_nu",
    "so_the_bhyt",
]


@pytest.fixture(scope="module")
def workbook() -> tuple[ReportConfig, Dataset, list[Any], list[str]]:
    config = load_config(ROOT / "configs" / "giam-ngheo-2024.yaml")
    ds = load_dataset(config, ROOT / "inputs" / "giam-ngheo-2024-bieu-mau.xlsx")
    assert [g.name for g in ds.groups] == ["Khối phường", "Khối xã"]
    return config, ds, prepare_checks(config), config.indicator_order()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_figure_only_the_sums_read_is_found_in_its_group(
    workbook: tuple[ReportConfig, Dataset, list[Any], list[str]], data: Any
) -> None:
    """One changed ward figure that only the total row and its group row read (and, for the
    parts of the poor households, the ward's own ``not_greater``): the changed cell is among
    the suspects, every ward named is of the same group, and it is first whenever the
    relations leave no other cell."""
    config, ds, prepared, _order = workbook
    unit = data.draw(st.sampled_from(ds.units))
    cell = data.draw(st.sampled_from(SUMMED_ONLY))
    value = unit.values[cell]
    assert value is not None
    wrong = data.draw(mistake(value))
    if wrong == value:
        return
    group = next(g for g in ds.groups if unit.key in g.members)
    mates = {u.name for u in ds.units if u.key in group.members}
    unit.values[cell] = wrong
    try:
        found = [
            f
            for f in validate(config, ds, [unit, ds.total], runners=prepared)
            if f.severity == "error"
        ]
        explained = next(f for f in found if f.suspects)
        named = [(s["unit"] or explained.unit, s["indicator"]) for s in explained.suspects]
        assert (unit.name, cell) in named, explained.extra["reasoning"]
        assert {u for u, _ in named} <= mates, explained.extra["reasoning"]
        if explained.extra["decided"] and explained.extra["alternatives"] == 1:
            assert named[0] == (unit.name, cell), explained.extra["reasoning"]
    finally:
        unit.values[cell] = value
