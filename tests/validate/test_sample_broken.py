"""Broken copies of the sample report: one cell (or one line of YAML) changed per check kind,
each producing exactly the findings it should — and the unbroken sample producing none.

The expectations are computed from the sample's own figures, so the tests follow the sample
when its numbers change; what they pin down is which check fires, for which unit, with which
expected and stated value, and which cell the message names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from reportgen.vnformat import money_in_words
from tests.fixtures.projects import SampleCopy, num, read_rows, vi

TP = "Phường Trần Phú"
CITY = "thành phố Hòa An"
TOTAL = "Tổng cộng"  # the sample's whole-city row


@dataclass
class Want:
    check: str
    unit: str
    indicators: tuple[str, ...]
    expected: str | None
    actual: str | None
    severity: str = "error"
    column: str | None = None  # the stated cell's column; its row is looked up in the sample


def _findings(sample: SampleCopy) -> list[tuple[object, ...]]:
    _, _, found = sample.check()
    return [
        (f.check, f.unit, f.indicators, f.as_dict()["expected"], f.as_dict()["actual"], f.severity)
        for f in found
    ]


def test_the_sample_passes_every_check(sample: SampleCopy) -> None:
    config, dataset, found = sample.check()
    assert found == []
    assert dataset.total_from_file  # the sample ends with its whole-city row
    assert len(dataset.units) == len(sample.rows()) - 2
    assert {c.kind for c in config.checks} >= {
        "movement",
        "percentage",
        "change",
        "sum",
        "not_greater",
        "continuity",
        "target",
    }


def total_row_off(s: SampleCopy, column: str, by: Decimal, decimals: int = 0) -> Want:
    """The city_sum finding of the sample's total row when a ward's ``column`` was changed by
    ``by`` (the total row, typed in the file, does not follow)."""
    written = num(s.cell(TOTAL, column))
    return Want(
        "city_sum",
        CITY,
        (column,),
        f"{written + by:.{decimals}f}",
        f"{written:.{decimals}f}",
        column=column,
    )


def break_sum(s: SampleCopy) -> list[Want]:
    old = num(s.cell(TP, "kinh_phi_nha_o"))
    s.set_cell(TP, "kinh_phi_nha_o", vi(old + 1, 1))
    parts = sum(
        (num(s.cell(TP, c)) for c in ("kinh_phi_nha_o", "kinh_phi_sinh_ke", "kinh_phi_dao_tao")),
        Decimal(0),
    )
    return [
        Want(
            "sum",
            TP,
            ("kinh_phi_tong", "kinh_phi_nha_o", "kinh_phi_sinh_ke", "kinh_phi_dao_tao"),
            f"{parts:.1f}",
            s.cell(TP, "kinh_phi_tong").replace(",", "."),
            column="kinh_phi_tong",
        ),
        total_row_off(s, "kinh_phi_nha_o", Decimal(1), 1),
    ]


def break_percentage(s: SampleCopy) -> list[Want]:
    right = s.cell(TP, "ty_le_ho_can_ngheo")
    s.set_cell(TP, "ty_le_ho_can_ngheo", right[::-1] if right[::-1] != right else "9,99")
    return [
        Want(
            "percentage",
            TP,
            ("ty_le_ho_can_ngheo", "ho_can_ngheo_cuoi_ky", "tong_so_ho"),
            right.replace(",", "."),
            s.cell(TP, "ty_le_ho_can_ngheo").replace(",", "."),
            column="ty_le_ho_can_ngheo",
        )
    ]


def break_change(s: SampleCopy) -> list[Want]:
    right = num(s.cell(TP, "giam_ty_le_ho_ngheo"))
    s.set_cell(TP, "giam_ty_le_ho_ngheo", vi(right + 1, 2))  # still above its target
    return [
        Want(
            "change",
            TP,
            ("giam_ty_le_ho_ngheo", "ty_le_ho_ngheo_dau_ky", "ty_le_ho_ngheo"),
            f"{right:.2f}",
            f"{right + 1:.2f}",
            column="giam_ty_le_ho_ngheo",
        )
    ]


MOVEMENT_IDS = (
    "ho_ngheo_cuoi_ky",
    "ho_ngheo_dau_ky",
    "thoat_ngheo_vuot_can_ngheo",
    "thoat_ngheo_thanh_can_ngheo",
    "khac_giam",
    "can_ngheo_thanh_ngheo",
    "phat_sinh_moi",
    "tai_ngheo",
    "khac_tang",
)


def break_movement(s: SampleCopy) -> list[Want]:
    s.set_cell(TP, "khac_tang", str(int(s.cell(TP, "khac_tang")) + 1))
    end = int(s.cell(TP, "ho_ngheo_cuoi_ky"))
    return [
        Want("movement", TP, MOVEMENT_IDS, str(end + 1), str(end), column="ho_ngheo_cuoi_ky"),
        # the city's row is read from the file: its own movement adds up, its khac_tang is no
        # longer the sum of the wards'
        total_row_off(s, "khac_tang", Decimal(1)),
    ]


def break_movement_without_total_row(s: SampleCopy) -> list[Want]:
    s.without_total_row()
    s.set_cell(TP, "khac_tang", str(int(s.cell(TP, "khac_tang")) + 1))
    end = int(s.cell(TP, "ho_ngheo_cuoi_ky"))
    city_end = sum(
        int(num(r[read_rows(s.data)[0].index("ho_ngheo_cuoi_ky")])) for r in read_rows(s.data)[1:]
    )
    return [
        Want("movement", TP, MOVEMENT_IDS, str(end + 1), str(end), column="ho_ngheo_cuoi_ky"),
        # the city is the sum of its wards, so it is off by one too (a computed figure)
        Want("movement", CITY, MOVEMENT_IDS, str(city_end + 1), str(city_end)),
    ]


def break_not_greater(s: SampleCopy) -> list[Want]:
    end = int(s.cell(TP, "ho_ngheo_cuoi_ky"))
    old = int(s.cell(TP, "ho_ngheo_dtts"))
    s.set_cell(TP, "ho_ngheo_dtts", str(end + 1))
    return [
        Want(
            "not_greater",
            TP,
            ("ho_ngheo_dtts", "ho_ngheo_cuoi_ky"),
            str(end),
            str(end + 1),
            column="ho_ngheo_dtts",
        ),
        total_row_off(s, "ho_ngheo_dtts", Decimal(end + 1 - old)),
    ]


def break_continuity(s: SampleCopy) -> list[Want]:
    last = int(s.cell(TP, "ho_ngheo_cuoi_ky", s.previous))
    s.set_cell(TP, "ho_ngheo_cuoi_ky", str(last - 1), s.previous)
    city = sum(int(num(r[1])) for r in read_rows(s.previous)[1:])
    return [
        Want(
            "continuity",
            TP,
            ("ho_ngheo_dau_ky",),
            str(last - 1),
            str(last),
            column="ho_ngheo_dau_ky",
        ),
        Want("continuity", CITY, ("ho_ngheo_dau_ky",), str(city), str(city + 1)),
    ]


def break_continuity_with_reason(s: SampleCopy) -> list[Want]:
    wants = break_continuity(s)
    s.edit_yaml(
        "    value: ho_ngheo_dau_ky\n    previous: ho_ngheo_cuoi_ky\n",
        "    value: ho_ngheo_dau_ky\n    previous: ho_ngheo_cuoi_ky\n"
        "    reason: rà soát lại theo chuẩn nghèo mới\n",
    )
    return [
        Want(w.check, w.unit, w.indicators, w.expected, w.actual, "info", w.column) for w in wants
    ]


def break_range(s: SampleCopy) -> list[Want]:
    s.append_yaml(
        "  - check: range\n    value: so_the_bhyt\n    max: 400\n    units: Phường Lê Lợi\n"
    )
    value = s.cell("Phường Lê Lợi", "so_the_bhyt")
    assert int(value) > 400
    return [Want("range", "Phường Lê Lợi", ("so_the_bhyt",), None, value, column="so_the_bhyt")]


def _words_column(s: SampleCopy, wrong: dict[str, str]) -> None:
    words = {r[0]: money_in_words(num(s.cell(r[0], "kinh_phi_tong")) * 10**6) for r in s.rows()[1:]}
    s.add_column("kinh_phi_bang_chu", {**words, **wrong})
    s.edit_yaml(
        "  so_the_bhyt:",
        "  kinh_phi_bang_chu: {label: Tổng kinh phí bằng chữ, kind: "
        "text, column: kinh_phi_bang_chu}\n  so_the_bhyt:",
    )
    s.append_yaml("  - check: words\n    value: kinh_phi_tong\n    words: kinh_phi_bang_chu\n")


def break_words(s: SampleCopy) -> list[Want]:
    _words_column(s, {TP: "Hai mươi hai triệu đồng chẵn"})
    amount = num(s.cell(TP, "kinh_phi_tong")) * 10**6
    return [
        Want(
            "words",
            TP,
            ("kinh_phi_bang_chu", "kinh_phi_tong"),
            f"{amount:.0f}",
            "22000000",
            column="kinh_phi_bang_chu",
        )
    ]


def break_target(s: SampleCopy) -> list[Want]:
    done = s.cell(TP, "giam_ty_le_ho_ngheo")
    target = vi(num(done) + Decimal("0.05"), 2)
    s.set_cell(TP, "chi_tieu_giam_ty_le", target)
    return [
        Want(
            "target",
            TP,
            ("giam_ty_le_ho_ngheo", "chi_tieu_giam_ty_le"),
            target.replace(",", "."),
            done.replace(",", "."),
            "warning",
            column="giam_ty_le_ho_ngheo",
        )
    ]


def total_row_right(s: SampleCopy) -> list[Want]:
    s.append_yaml("  - check: city_sum\n")  # declared as well as automatic: the same result
    return []


def total_row_wrong(s: SampleCopy) -> list[Want]:
    right = int(num(s.cell(TOTAL, "so_the_bhyt")))
    s.set_cell(TOTAL, "so_the_bhyt", vi(right + 10))
    return [
        Want("city_sum", CITY, ("so_the_bhyt",), str(right), str(right + 10), column="so_the_bhyt")
    ]


def bad_number(s: SampleCopy) -> list[Want]:
    s.set_cell(TP, "tong_so_ho", "2.2.839")
    return [Want("data", TP, ("tong_so_ho",), None, "2.2.839", column="tong_so_ho")]


def bad_decimal(s: SampleCopy) -> list[Want]:
    s.set_cell(TP, "kinh_phi_nha_o", "1,1,")
    return [Want("data", TP, ("kinh_phi_nha_o",), None, "1,1,", column="kinh_phi_nha_o")]


def empty_cell(s: SampleCopy) -> list[Want]:
    s.set_cell(TP, "ho_ngheo_dtts", "")
    return [Want("data", TP, ("ho_ngheo_dtts",), None, None, column="ho_ngheo_dtts")]


BREAKS: list[tuple[str, Callable[[SampleCopy], list[Want]]]] = [
    ("sum: a money part changed", break_sum),
    ("percentage: a near-poor rate mistyped", break_percentage),
    ("change: the stated reduction of the poverty rate mistyped", break_change),
    ("movement: one more household 'khác tăng' (ward, and the total row)", break_movement),
    (
        "movement without a total row: the city summed from the wards is off too",
        break_movement_without_total_row,
    ),
    ("not_greater: more ethnic-minority poor households than poor households", break_not_greater),
    ("continuity: last year's closing figure differs (ward and city)", break_continuity),
    ("continuity with a reason: the same differences are notes", break_continuity_with_reason),
    ("range: a declared maximum for one ward", break_range),
    ("words: Hai mươi hai triệu for a different amount", break_words),
    ("target: a ward's target above its result is a warning", break_target),
    ("city_sum: a total row that is the sum of the wards passes", total_row_right),
    ("city_sum: a total row with a wrong figure", total_row_wrong),
    ("data: 2.2.839 in a count column", bad_number),
    ("data: 1,1, in a money column", bad_decimal),
    ("data: an empty cell is not a zero", empty_cell),
]


@pytest.mark.parametrize("breaker", [b for _, b in BREAKS], ids=[i for i, _ in BREAKS])
def test_broken_sample_gives_exactly_its_findings(
    sample: SampleCopy, breaker: Callable[[SampleCopy], list[Want]]
) -> None:
    wants = breaker(sample)
    _, _, found = sample.check()
    got = [
        (f.check, f.unit, f.indicators, f.as_dict()["expected"], f.as_dict()["actual"], f.severity)
        for f in found
    ]
    assert got == [
        (w.check, w.unit, w.indicators, w.expected, w.actual, w.severity) for w in wants
    ], "\n".join(f.message for f in found)
    for f, w in zip(found, wants, strict=True):
        if w.column is None:
            continue
        unit = TOTAL if w.unit == CITY else w.unit
        row = sample.row_of(unit)
        cell = f"dòng {row}, cột {w.column} ({sample.letter(w.column)})"
        assert f.message.startswith(f"{w.unit}: "), f.message
        assert cell in f.message, f.message
        assert f.sources[0].file.endswith("giam-ngheo-2024.csv")
        assert (f.sources[0].row, f.sources[0].column) == (row, cell.split("cột ")[1])
        if f.check == "data":
            assert f.sources[0].file in f.message  # the file is named too
            if f.actual is not None:
                assert f'"{f.actual}"' in f.message


def test_continuity_finding_names_the_cell_of_last_year_too(sample: SampleCopy) -> None:
    break_continuity(sample)
    _, _, found = sample.check()
    ward = found[0]
    assert [s.file.rsplit("/", 1)[-1] for s in ward.sources] == [
        "giam-ngheo-2024.csv",
        "giam-ngheo-2023.csv",
    ]
    assert ward.sources[1].row == sample.row_of(TP, sample.previous)
