"""The suspect cell the page marks: the reasoning's own when the findings carry it, else the
cell the unit's broken checks share."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from reportgen.app import pipeline
from reportgen.web import figures
from tests.web.sheets import WRONG_VALUE, wrong_csv

UNIT = "Phường Trần Phú"


def _finding(indicators: tuple[str, ...], expected: str | None = None, **extra: object) -> object:
    return SimpleNamespace(
        severity="error",
        unit=UNIT,
        indicators=indicators,
        expected=None if expected is None else Decimal(expected),
        extra=extra,
    )


@pytest.fixture
def checked(demo_csv: Path) -> pipeline.CheckResult:
    path = demo_csv.with_name("sai.csv")
    path.write_bytes(wrong_csv(demo_csv))
    return pipeline.check(
        demo_csv.parent.parent / "configs" / "giam-ngheo-2024.yaml", data_file=path
    )


A = {"indicator": "tong_so_ho", "expected": "4558"}
B = {"indicator": "ho_ngheo_cuoi_ky", "expected": "45"}


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        (
            [
                _finding(("ty_le_ho_ngheo", "ho_ngheo_cuoi_ky", "tong_so_ho"), "0.98"),
                _finding(("ty_le_ho_can_ngheo", "ho_can_ngheo_cuoi_ky", "tong_so_ho"), "1.90"),
            ],
            [("tong_so_ho", "E2", None)],
        ),
        (
            [_finding(("ty_le_ho_ngheo", "ho_ngheo_cuoi_ky", "tong_so_ho"), "0.98")],
            [("ty_le_ho_ngheo", "R2", "0,98%")],
        ),
        (
            [
                _finding(
                    ("ty_le_ho_ngheo",),
                    "0.98",
                    suspects=[A, B],
                    suspect_groups=[[A], [B]],
                    decided=True,
                    reasoning="nếu sửa thành 4.558 thì cả 2 phép kiểm tra đều khớp.",
                )
            ],
            [("tong_so_ho", "E2", "4.558")],
        ),
        (
            [
                _finding(
                    ("ty_le_ho_ngheo",),
                    "0.98",
                    suspects=[A, B],
                    suspect_groups=[[A], [B]],
                    decided=False,
                    reasoning="số liệu chưa đủ để quyết định",
                )
            ],
            [("tong_so_ho", "E2", "4.558"), ("ho_ngheo_cuoi_ky", "O2", "45")],
        ),
    ],
    ids=["shared-cell", "single-finding", "reasoning-decided", "reasoning-undecided"],
)
def test_suspect_cells(
    checked: pipeline.CheckResult,
    findings: list[object],
    expected: list[tuple[str, str, str | None]],
) -> None:
    got = figures.suspects_of(checked.config, checked.dataset, findings)  # type: ignore[arg-type]
    assert [(s.indicator, s.pos.ref if s.pos else None, s.value) for s in got] == expected
    assert all(s.unit == UNIT for s in got)


def test_carried_reasoning_is_the_reason_shown(checked: pipeline.CheckResult) -> None:
    f = _finding(("ty_le_ho_ngheo",), suspects=[A], decided=True, reasoning="vì thế.")
    (s,) = figures.suspects_of(checked.config, checked.dataset, [f])  # type: ignore[list-item]
    assert s.reason == "vì thế"


def test_the_real_check_names_the_shared_cell(checked: pipeline.CheckResult) -> None:
    got = figures.suspects_of(checked.config, checked.dataset, checked.findings)
    assert [(s.unit, s.indicator) for s in got] == [(UNIT, "tong_so_ho")]
    view = figures.build_view(checked.config, checked.dataset, checked.findings, Path("x"), "x")
    row = next(r for r in view.rows if r.unit == UNIT)
    cell = next(c for c in row.cells if c.indicator == "tong_so_ho")
    assert cell.suspect and cell.text == WRONG_VALUE
