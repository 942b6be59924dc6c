"""Every check kind, passing and failing, on tiny projects written by the test.

Each failing case names exactly the finding it expects: the check, the unit, the indicators,
the expected and the stated value, the severity, and the cell ("dòng N, cột X") that the
Vietnamese message must point at. Only the wards are validated here (the whole city has its own
cases below), so one broken cell gives one finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.validate.findings import Finding
from reportgen.validate.runner import validate
from tests.fixtures.projects import write_project

UNIT = "Phường Trần Phú"

MONEY_TRIEU = {"unit": "triệu đồng", "decimals": 1}
COUNT = {"unit": "hộ"}
RATE = {"unit": "%"}


@dataclass
class Expect:
    """One expected finding."""

    check: str
    indicators: tuple[str, ...]
    expected: str | None
    actual: str | None
    cell: str | None  # "dòng 2, cột tong": the stated cell the message must name
    severity: str = "error"
    unit: str = UNIT
    says: tuple[str, ...] = ()  # more words the message must hold


@dataclass
class Case:
    id: str
    indicators: dict[str, dict[str, Any]]
    checks: list[dict[str, Any]]
    rows: list[dict[str, str]]
    expect: list[Expect] = field(default_factory=list)
    previous: list[dict[str, str]] | None = None
    data: dict[str, Any] | None = None


def ind(label: str, column: str | None = None, **kw: Any) -> dict[str, Any]:
    out = {"label": label, **kw}
    if column is not None and "formula" not in kw:
        out["column"] = column
    return out


def money(col: str) -> dict[str, Any]:
    return ind(f"Tiền {col}", col, **MONEY_TRIEU)


def count(col: str) -> dict[str, Any]:
    return ind(f"Số {col}", col, **COUNT)


def rate(col: str, **kw: Any) -> dict[str, Any]:
    return ind(f"Tỷ lệ {col}", col, **RATE, **kw)


def row(**cells: str) -> dict[str, str]:
    return {"don_vi": UNIT, **cells}


SUM_MONEY = {"tong": money("tong"), "a": money("a"), "b": money("b"), "c": money("c")}
SUM_CHECK = {"check": "sum", "total": "tong", "parts": ["a", "b", "c"]}
SUM_COUNT = {"tong": count("tong"), "a": count("a"), "b": count("b"), "c": count("c")}

DISBURSE = {
    "giai_ngan": ind("Vốn đã giải ngân", "giai_ngan", unit="tỷ đồng", decimals=2),
    "ke_hoach": ind("Tổng vốn", "ke_hoach", unit="tỷ đồng", decimals=1),
    "ty_le": rate("ty_le"),
}
DISBURSE_CHECK = {"check": "percentage", "value": "ty_le", "part": "giai_ngan", "total": "ke_hoach"}
RATE_COUNTS = {"ngheo": count("ngheo"), "tong": count("tong"), "ty_le": rate("ty_le")}
RATE_CHECK = {"check": "percentage", "value": "ty_le", "part": "ngheo", "total": "tong"}

CHANGE_RATES = {
    "dau": rate("dau"),
    "cuoi": rate("cuoi"),
    "giam": ind("Mức giảm tỷ lệ", "giam", unit="%", kind="number", decimals=2),
}
CHANGE_DECREASE = {
    "check": "change",
    "value": "giam",
    "start": "dau",
    "end": "cuoi",
    "direction": "decrease",
}
CHANGE_COUNTS = {
    "dau": count("dau"),
    "cuoi": count("cuoi"),
    "giam": ind("Số hộ giảm", "giam", unit="hộ", kind="number"),
}
# Rates computed from counts (not stated in the file): the change is the difference of the rates
# as the report shows them, 1,12 − 1,00 = 0,12 (the exact difference 0,128 would round to 0,13).
CHANGE_COMPUTED = {
    "tong": count("tong"),
    "ngheo_dau": count("ngheo_dau"),
    "ngheo_cuoi": count("ngheo_cuoi"),
    "dau": ind("Tỷ lệ đầu kỳ", unit="%", formula="ngheo_dau / tong * 100"),
    "cuoi": ind("Tỷ lệ cuối kỳ", unit="%", formula="ngheo_cuoi / tong * 100"),
    "giam": ind("Mức giảm tỷ lệ", "giam", unit="%", kind="number", decimals=2),
}

MOVEMENT = {k: count(k) for k in ("dau", "g1", "g2", "g3", "t1", "t2", "t3", "t4", "cuoi")}
MOVEMENT_CHECK = {
    "check": "movement",
    "start": "dau",
    "decreases": ["g1", "g2", "g3"],
    "increases": ["t1", "t2", "t3", "t4"],
    "end": "cuoi",
}
MOVEMENT_ROW = {
    "dau": "51",
    "g1": "6",
    "g2": "4",
    "g3": "3",
    "t1": "2",
    "t2": "4",
    "t3": "0",
    "t4": "1",
}

WORDS = {
    "kinh_phi": ind("Kinh phí tập huấn", "kinh_phi", unit="đồng"),
    "bang_chu": ind("Kinh phí bằng chữ", "bang_chu", kind="text"),
}
WORDS_CHECK = {"check": "words", "value": "kinh_phi", "words": "bang_chu"}

TARGET = {
    "giam": ind("Mức giảm tỷ lệ hộ nghèo", "giam", unit="%", kind="number", decimals=2),
    "chi_tieu": ind("Chỉ tiêu giảm", "chi_tieu", unit="%", kind="number", decimals=2),
}
TARGET_WITH_STATUS = {**TARGET, "danh_gia": ind("Đánh giá", "danh_gia", kind="text")}
TARGET_CHECK = {"check": "target", "actual": "giam", "target": "chi_tieu"}
TARGET_STATUS = {**TARGET_CHECK, "status": "danh_gia"}

CASES = [
    # --- sum --------------------------------------------------------------------------------
    Case(
        "sum: money parts that add up exactly pass",
        SUM_MONEY,
        [SUM_CHECK],
        [row(tong="538,0", a="332,1", b="169,3", c="36,6")],
    ),
    Case(
        "sum: money parts within the summed half-units (0,1 < 4 × 0,05) pass",
        SUM_MONEY,
        [SUM_CHECK],
        [row(tong="10,0", a="3,3", b="3,3", c="3,3")],
    ),
    Case(
        "sum: money parts below the total by 0,1 pass too",
        SUM_MONEY,
        [SUM_CHECK],
        [row(tong="10,0", a="3,4", b="3,4", c="3,3")],
    ),
    Case(
        "sum: money parts off by the whole rounding allowance (0,2) fail",
        SUM_MONEY,
        [SUM_CHECK],
        [row(tong="10,0", a="3,3", b="3,3", c="3,2")],
        [
            Expect(
                "sum",
                ("tong", "a", "b", "c"),
                "9.8",
                "10.0",
                "dòng 2, cột tong",
                says=("cần 9,8 triệu đồng", "nhưng ghi 10,0 triệu đồng"),
            )
        ],
    ),
    Case(
        "sum: money parts far off fail",
        SUM_MONEY,
        [SUM_CHECK],
        [row(tong="540,0", a="332,1", b="169,3", c="36,6")],
        [Expect("sum", ("tong", "a", "b", "c"), "538.0", "540.0", "dòng 2, cột tong")],
    ),
    Case(
        "sum: money without declared decimals takes its tolerance from its own digits",
        {k: ind(k, k, unit="triệu đồng") for k in ("tong", "a", "b", "c")},
        [SUM_CHECK],
        [row(tong="802,8", a="400,3", b="200,3", c="202,3")],
    ),
    Case(
        "sum: counts add up exactly (11 + 18 + 6 = 35)",
        SUM_COUNT,
        [SUM_CHECK],
        [row(tong="35", a="11", b="18", c="6")],
    ),
    Case(
        "sum: counts off by one fail",
        SUM_COUNT,
        [SUM_CHECK],
        [row(tong="35", a="11", b="18", c="7")],
        [
            Expect(
                "sum",
                ("tong", "a", "b", "c"),
                "36",
                "35",
                "dòng 2, cột tong",
                says=("cần 36 hộ", "nhưng ghi 35 hộ"),
            )
        ],
    ),
    Case(
        "sum: a partial list (trong đó) below its total passes",
        SUM_COUNT,
        [{**SUM_CHECK, "partial": True}],
        [row(tong="35", a="11", b="18", c="2")],
    ),
    Case(
        "sum: a partial list above its total fails",
        SUM_COUNT,
        [{**SUM_CHECK, "partial": True}],
        [row(tong="35", a="11", b="18", c="7")],
        [
            Expect(
                "sum",
                ("tong", "a", "b", "c"),
                "36",
                "35",
                "dòng 2, cột tong",
                says=("cần không lớn hơn",),
            )
        ],
    ),
    Case(
        "sum: an empty part skips the check (the empty cell is its own finding)",
        SUM_COUNT,
        [SUM_CHECK],
        [row(tong="35", a="11", b="18", c="")],
        [Expect("data", ("c",), None, None, "dòng 2, cột c", says=("ô trống",))],
    ),
    # --- percentage ---------------------------------------------------------------------------
    Case(
        "percentage: 478,93 / 760,8 tỷ stated 62,95% passes",
        DISBURSE,
        [DISBURSE_CHECK],
        [row(giai_ngan="478,93", ke_hoach="760,8", ty_le="62,95")],
    ),
    Case(
        "percentage: 478,93 / 760,8 tỷ stated 62,94% fails",
        DISBURSE,
        [DISBURSE_CHECK],
        [row(giai_ngan="478,93", ke_hoach="760,8", ty_le="62,94")],
        [
            Expect(
                "percentage",
                ("ty_le", "giai_ngan", "ke_hoach"),
                "62.95",
                "62.94",
                "dòng 2, cột ty_le",
                says=("cần 62,95%", "nhưng ghi 62,94%"),
            )
        ],
    ),
    Case(
        "percentage: a rate written with its % sign is read",
        DISBURSE,
        [DISBURSE_CHECK],
        [row(giai_ngan="478,93", ke_hoach="760,8", ty_le="62,95%")],
    ),
    Case(
        "percentage: 9 / 800 = 1,125 rounds half-up to 1,13, which passes",
        RATE_COUNTS,
        [RATE_CHECK],
        [row(ngheo="9", tong="800", ty_le="1,13")],
    ),
    Case(
        "percentage: 9 / 800 stated 1,12 (half-even) fails",
        RATE_COUNTS,
        [RATE_CHECK],
        [row(ngheo="9", tong="800", ty_le="1,12")],
        [Expect("percentage", ("ty_le", "ngheo", "tong"), "1.13", "1.12", "dòng 2, cột ty_le")],
    ),
    Case(
        "percentage: 1 / 8 with no decimals rounds 12,5 up to 13",
        {**RATE_COUNTS, "ty_le": rate("ty_le", decimals=0)},
        [RATE_CHECK],
        [row(ngheo="1", tong="8", ty_le="13")],
    ),
    Case(
        "percentage: 1 / 8 with no decimals stated 12 fails",
        {**RATE_COUNTS, "ty_le": rate("ty_le", decimals=0)},
        [RATE_CHECK],
        [row(ngheo="1", tong="8", ty_le="12")],
        [Expect("percentage", ("ty_le", "ngheo", "tong"), "13", "12", "dòng 2, cột ty_le")],
    ),
    Case(
        "percentage: Hạ Long 991 of 86.000 households stated 1,15% passes",
        RATE_COUNTS,
        [RATE_CHECK],
        [row(ngheo="991", tong="86.000", ty_le="1,15")],
    ),
    Case(
        "percentage: a rate of a zero total fails unless everything is zero",
        RATE_COUNTS,
        [RATE_CHECK],
        [row(ngheo="0", tong="0", ty_le="1,00")],
        [
            Expect(
                "percentage",
                ("ty_le", "ngheo", "tong"),
                None,
                "1.00",
                "dòng 2, cột ty_le",
                says=("bằng 0",),
            )
        ],
    ),
    Case(
        "percentage: zero of zero stated 0 passes",
        RATE_COUNTS,
        [RATE_CHECK],
        [row(ngheo="0", tong="0", ty_le="0")],
    ),
    # --- change -------------------------------------------------------------------------------
    Case(
        "change: giảm 1,48 from 18,50% to 17,02% passes",
        CHANGE_RATES,
        [CHANGE_DECREASE],
        [row(dau="18,50", cuoi="17,02", giam="1,48")],
    ),
    Case(
        "change: giảm 2,69 from 1,36% to 0,85% fails",
        CHANGE_RATES,
        [CHANGE_DECREASE],
        [row(dau="1,36", cuoi="0,85", giam="2,69")],
        [
            Expect(
                "change",
                ("giam", "dau", "cuoi"),
                "0.51",
                "2.69",
                "dòng 2, cột giam",
                says=("cần 0,51 điểm phần trăm", "nhưng ghi 2,69 điểm phần trăm"),
            )
        ],
    ),
    Case(
        "change: giảm 952 households from 538 to 356 fails",
        CHANGE_COUNTS,
        [{**CHANGE_DECREASE}],
        [row(dau="538", cuoi="356", giam="952")],
        [
            Expect(
                "change",
                ("giam", "dau", "cuoi"),
                "182",
                "952",
                "dòng 2, cột giam",
                says=("cần 182 hộ", "nhưng ghi 952 hộ"),
            )
        ],
    ),
    Case(
        "change: direction auto is signed (−182 from 538 to 356) and passes",
        CHANGE_COUNTS,
        [{**CHANGE_DECREASE, "direction": "auto"}],
        [row(dau="538", cuoi="356", giam="-182")],
    ),
    Case(
        "change: direction increase is end − start",
        CHANGE_COUNTS,
        [{**CHANGE_DECREASE, "direction": "increase"}],
        [row(dau="538", cuoi="356", giam="182")],
        [Expect("change", ("giam", "dau", "cuoi"), "-182", "182", "dòng 2, cột giam")],
    ),
    Case(
        "change: the difference of the rates as stated (1,12 − 1,00) passes",
        CHANGE_COMPUTED,
        [CHANGE_DECREASE],
        [row(tong="100.000", ngheo_dau="1.124", ngheo_cuoi="996", giam="0,12")],
    ),
    Case(
        "change: the rounded exact difference (0,13) is not what the report states",
        CHANGE_COMPUTED,
        [CHANGE_DECREASE],
        [row(tong="100.000", ngheo_dau="1.124", ngheo_cuoi="996", giam="0,13")],
        [Expect("change", ("giam", "dau", "cuoi"), "0.12", "0.13", "dòng 2, cột giam")],
    ),
    # --- movement -----------------------------------------------------------------------------
    Case(
        "movement: 51 − 13 + 7 = 45 passes",
        MOVEMENT,
        [MOVEMENT_CHECK],
        [row(**MOVEMENT_ROW, cuoi="45")],
    ),
    Case(
        "movement: a closing figure that does not follow fails",
        MOVEMENT,
        [MOVEMENT_CHECK],
        [row(**MOVEMENT_ROW, cuoi="46")],
        [
            Expect(
                "movement",
                ("cuoi", "dau", "g1", "g2", "g3", "t1", "t2", "t3", "t4"),
                "45",
                "46",
                "dòng 2, cột cuoi",
                says=("cần 45 hộ", "giảm 13", "tăng 7"),
            )
        ],
    ),
    # --- range and not_greater ----------------------------------------------------------------
    Case(
        "range: a value inside [min, max] passes",
        {"the": count("the")},
        [{"check": "range", "value": "the", "min": 0, "max": 500}],
        [row(the="315")],
    ),
    Case(
        "range: a value above max fails",
        {"the": count("the")},
        [{"check": "range", "value": "the", "min": 0, "max": 500}],
        [row(the="1.315")],
        [
            Expect(
                "range",
                ("the",),
                None,
                "1315",
                "dòng 2, cột the",
                says=("cần từ 0 đến 500", "nhưng ghi 1.315 hộ"),
            )
        ],
    ),
    Case(
        "range: min written with a decimal comma",
        {"v": ind("Giá trị", "v", kind="number")},
        [{"check": "range", "value": "v", "min": "0,5"}],
        [row(v="0,4")],
        [Expect("range", ("v",), None, "0.4", "dòng 2, cột v", says=("từ 0,5 trở lên",))],
    ),
    Case(
        "not_greater: a part below its total passes",
        {"p": count("p"), "t": count("t")},
        [{"check": "not_greater", "part": "p", "total": "t"}],
        [row(p="45", t="4.558")],
    ),
    Case(
        "not_greater: a part above its total fails",
        {"p": count("p"), "t": count("t")},
        [{"check": "not_greater", "part": "p", "total": "t"}],
        [row(p="46", t="45")],
        [
            Expect(
                "not_greater", ("p", "t"), "45", "46", "dòng 2, cột p", says=("cần không lớn hơn",)
            )
        ],
    ),
    Case(
        "not_greater: rounded money above by less than its rounding passes",
        {"p": ind("p", "p", unit="triệu đồng", decimals=2), "t": money("t")},
        [{"check": "not_greater", "part": "p", "total": "t"}],
        [row(p="494,45", t="494,4")],
    ),
    Case(
        "not_greater: rounded money above by its full rounding fails",
        {"p": money("p"), "t": money("t")},
        [{"check": "not_greater", "part": "p", "total": "t"}],
        [row(p="494,6", t="494,5")],
        [Expect("not_greater", ("p", "t"), "494.5", "494.6", "dòng 2, cột p")],
    ),
    # --- continuity ---------------------------------------------------------------------------
    Case(
        "continuity: this year starts where last year ended",
        {"dau": count("dau"), "cuoi": count("cuoi")},
        [{"check": "continuity", "value": "dau", "previous": "cuoi"}],
        [row(dau="51", cuoi="45")],
        previous=[row(cuoi="51")],
    ),
    Case(
        "continuity: a different opening figure fails and names both cells",
        {"dau": count("dau"), "cuoi": count("cuoi")},
        [{"check": "continuity", "value": "dau", "previous": "cuoi"}],
        [row(dau="51", cuoi="45")],
        previous=[row(cuoi="52")],
        expect=[
            Expect(
                "continuity",
                ("dau",),
                "52",
                "51",
                "dòng 2, cột dau",
                says=("cuối năm 2023", "cần bằng"),
            )
        ],
    ),
    Case(
        "continuity: with a reason the difference is only noted (info)",
        {"dau": rate("dau"), "cuoi": rate("cuoi")},
        [
            {
                "check": "continuity",
                "value": "dau",
                "previous": "cuoi",
                "reason": "chuẩn nghèo đa chiều mới từ năm 2022",
            }
        ],
        [row(dau="27,37", cuoi="24,71")],
        previous=[row(cuoi="17,02")],
        expect=[
            Expect(
                "continuity",
                ("dau",),
                "17.02",
                "27.37",
                "dòng 2, cột dau",
                severity="info",
                says=("đã giải trình: chuẩn nghèo đa chiều mới từ năm 2022",),
            )
        ],
    ),
    Case(
        "continuity: a unit missing from last year's file is a warning",
        {"dau": count("dau"), "cuoi": count("cuoi")},
        [{"check": "continuity", "value": "dau", "previous": "cuoi"}],
        [row(dau="51", cuoi="45")],
        previous=[{"don_vi": "Phường Khác", "cuoi": "51"}],
        expect=[
            Expect(
                "continuity",
                ("dau",),
                None,
                "51",
                "dòng 2, cột dau",
                severity="warning",
                says=("không có trong tệp số liệu",),
            )
        ],
    ),
    # --- words --------------------------------------------------------------------------------
    Case(
        "words: 22.000.000 đ (Hai mươi hai triệu đồng chẵn) passes",
        WORDS,
        [WORDS_CHECK],
        [row(kinh_phi="22.000.000", bang_chu="Hai mươi hai triệu đồng chẵn")],
    ),
    Case(
        "words: 13.000.000 đ (Hai mươi hai triệu đồng chẵn) is found",
        WORDS,
        [WORDS_CHECK],
        [row(kinh_phi="13.000.000", bang_chu="Hai mươi hai triệu đồng chẵn")],
        [
            Expect(
                "words",
                ("bang_chu", "kinh_phi"),
                "13000000",
                "22000000",
                "dòng 2, cột bang_chu",
                says=('cần "Mười ba triệu đồng chẵn"', "đọc là 22.000.000 đồng"),
            )
        ],
    ),
    Case(
        "words: an amount in triệu đồng is scaled before reading",
        {
            "kinh_phi": ind("Kinh phí", "kinh_phi", unit="triệu đồng"),
            "bang_chu": ind("Bằng chữ", "bang_chu", kind="text"),
        },
        [WORDS_CHECK],
        [row(kinh_phi="290", bang_chu="(Hai trăm chín mươi triệu đồng chẵn)")],
    ),
    Case(
        "words: text that is not a reading of a number is a finding",
        WORDS,
        [WORDS_CHECK],
        [row(kinh_phi="13.000.000", bang_chu="Mười ba triệu đồng xanh")],
        [
            Expect(
                "words",
                ("bang_chu", "kinh_phi"),
                "13000000",
                "Mười ba triệu đồng xanh",
                "dòng 2, cột bang_chu",
                says=("không đọc được",),
            )
        ],
    ),
    # --- target -------------------------------------------------------------------------------
    Case(
        "target: vượt (0,14 against 0,11) passes silently",
        TARGET,
        [TARGET_CHECK],
        [row(giam="0,14", chi_tieu="0,11")],
    ),
    Case(
        "target: đạt (equal) passes silently",
        TARGET,
        [TARGET_CHECK],
        [row(giam="0,11", chi_tieu="0,11")],
    ),
    Case(
        "target: không đạt is a warning",
        TARGET,
        [TARGET_CHECK],
        [row(giam="0,10", chi_tieu="0,11")],
        [
            Expect(
                "target",
                ("giam", "chi_tieu"),
                "0.11",
                "0.10",
                "dòng 2, cột giam",
                severity="warning",
                says=("không đạt",),
            )
        ],
    ),
    Case(
        "target: lower is better turns the comparison round",
        TARGET,
        [{**TARGET_CHECK, "lower_is_better": True}],
        [row(giam="0,10", chi_tieu="0,11")],
    ),
    Case(
        "target: a stated status that agrees passes",
        TARGET_WITH_STATUS,
        [TARGET_STATUS],
        [row(giam="2,66", chi_tieu="2,50", danh_gia="đạt và vượt")],
    ),
    Case(
        "target: a stated status that contradicts the figures is an error",
        TARGET_WITH_STATUS,
        [TARGET_STATUS],
        [row(giam="1,48", chi_tieu="2,00", danh_gia="Đạt")],
        [
            Expect(
                "target",
                ("danh_gia", "giam", "chi_tieu"),
                "không đạt",
                "Đạt",
                "dòng 2, cột danh_gia",
                says=('cần "không đạt"',),
            ),
            Expect(
                "target",
                ("giam", "chi_tieu"),
                "2.00",
                "1.48",
                "dòng 2, cột giam",
                severity="warning",
            ),
        ],
    ),
    Case(
        "target: a stated status that is not a verdict is an error",
        TARGET_WITH_STATUS,
        [TARGET_STATUS],
        [row(giam="2,66", chi_tieu="2,50", danh_gia="tốt")],
        [
            Expect(
                "target",
                ("danh_gia", "giam", "chi_tieu"),
                "vượt",
                "tốt",
                "dòng 2, cột danh_gia",
                says=("không phải một kết quả đánh giá",),
            )
        ],
    ),
    # --- automatic ranges ---------------------------------------------------------------------
    Case(
        "automatic range: a negative count",
        {"ho": count("ho")},
        [],
        [row(ho="-5")],
        [Expect("range", ("ho",), None, "-5", "dòng 2, cột ho", says=("cần số nguyên không âm",))],
    ),
    Case(
        "automatic range: a count that is not whole",
        {"ho": count("ho")},
        [],
        [row(ho="2,5")],
        [Expect("range", ("ho",), None, "2.5", "dòng 2, cột ho")],
    ),
    Case(
        "automatic range: a rate above 100",
        {"tl": rate("tl")},
        [],
        [row(tl="101,50")],
        [Expect("range", ("tl",), None, "101.50", "dòng 2, cột tl", says=("từ 0 đến 100%",))],
    ),
    Case(
        "automatic range: negative money",
        {"tien": money("tien")},
        [],
        [row(tien="-1,0")],
        [Expect("range", ("tien",), None, "-1.0", "dòng 2, cột tien")],
    ),
    Case(
        "automatic range: in-range figures pass",
        {"ho": count("ho"), "tl": rate("tl"), "tien": money("tien")},
        [],
        [row(ho="0", tl="100", tien="0,0")],
    ),
]


def _assert_findings(found: list[Finding], expect: list[Expect]) -> None:
    got = [(f.check, f.unit, f.indicators, f.severity) for f in found]
    want = [(e.check, e.unit, e.indicators, e.severity) for e in expect]
    assert got == want, "\n".join(f.message for f in found)
    for f, e in zip(found, expect, strict=True):
        d = f.as_dict()
        assert (d["expected"], d["actual"]) == (e.expected, e.actual), f.message
        assert f.message.startswith(f"{e.unit}: "), f.message
        if e.cell is not None:
            assert e.cell in f.message, f.message
            assert f.sources and f.sources[0].column is not None
            assert (
                f"dòng {f.sources[0].row}, cột {f.sources[0].column}" in f.message
                or f.check == "data"
            )
        for words in e.says:
            assert words in f.message, f.message
        if f.severity != "info":
            assert f.hint, f.message


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check_kind(tmp_path: Path, case: Case) -> None:
    path = write_project(
        tmp_path,
        indicators=case.indicators,
        checks=case.checks,
        rows=case.rows,
        previous_rows=case.previous,
        data=case.data,
    )
    config = load_config(path)
    dataset = load_dataset(config)
    _assert_findings(validate(config, dataset, dataset.units), case.expect)


# --- the whole city ---------------------------------------------------------------------------

CITY_ROWS = [
    {"don_vi": "Phường Trần Phú", "tong": "35", "a": "11", "b": "18", "c": "6"},
    {"don_vi": "Xã Song Mai", "tong": "20", "a": "10", "b": "5", "c": "5"},
]


@pytest.mark.parametrize(
    ("total", "expect"),
    [
        ({"tong": "55", "a": "21", "b": "23", "c": "11"}, []),
        (
            {"tong": "56", "a": "21", "b": "23", "c": "11"},
            [("sum", ("tong", "a", "b", "c"), "55", "56"), ("city_sum", ("tong",), "55", "56")],
        ),
        (
            {"tong": "55", "a": "21", "b": "22", "c": "11"},
            [("sum", ("tong", "a", "b", "c"), "54", "55"), ("city_sum", ("b",), "23", "22")],
        ),
    ],
    ids=[
        "total row that is the sum of the wards passes",
        "total row with a wrong total is found by city_sum and sum",
        "total row with a wrong part names that part",
    ],
)
def test_city_sum_with_a_total_row_in_the_file(
    tmp_path: Path, total: dict[str, str], expect: list[tuple[Any, ...]]
) -> None:
    rows = [*CITY_ROWS, {"don_vi": "Toàn thành phố", **total}]
    path = write_project(
        tmp_path,
        indicators=SUM_COUNT,
        rows=rows,
        checks=[SUM_CHECK, {"check": "city_sum"}],
        data={"total_row": "Toàn thành phố"},
    )
    config = load_config(path)
    dataset = load_dataset(config)
    assert dataset.total_from_file
    assert [u.name for u in dataset.units] == ["Phường Trần Phú", "Xã Song Mai"]
    found = validate(config, dataset)
    got = [(f.check, f.indicators, f.as_dict()["expected"], f.as_dict()["actual"]) for f in found]
    assert got == expect
    for f in found:
        assert f.unit == "thành phố Hòa An"
        assert f"dòng 4, cột {f.indicators[0]}" in f.message


def test_city_total_is_summed_and_checked_when_the_file_has_no_total_row(tmp_path: Path) -> None:
    rows = [dict(CITY_ROWS[0]), {**CITY_ROWS[1], "tong": "21"}]
    path = write_project(tmp_path, indicators=SUM_COUNT, rows=rows, checks=[SUM_CHECK])
    config = load_config(path)
    dataset = load_dataset(config)
    assert dataset.total.values["tong"] == Decimal(56)
    found = validate(config, dataset)
    assert [(f.unit, f.as_dict()["expected"], f.as_dict()["actual"]) for f in found] == [
        ("Xã Song Mai", "20", "21"),
        ("thành phố Hòa An", "55", "56"),
    ]
    assert found[1].sources == ()  # a computed figure has no cell
    assert "dòng" not in found[1].message


def test_city_money_tolerance_grows_with_the_number_of_wards(tmp_path: Path) -> None:
    # Each ward is within its rounding (0,1 < 0,2); the city sums twelve such wards: 1,2 off,
    # still within 12 × 0,2.
    rows = [
        {"don_vi": f"Phường {i}", "tong": "10,0", "a": "3,3", "b": "3,3", "c": "3,3"}
        for i in range(1, 13)
    ]
    path = write_project(tmp_path, indicators=SUM_MONEY, rows=rows, checks=[SUM_CHECK])
    config = load_config(path)
    dataset = load_dataset(config)
    assert validate(config, dataset) == []


def test_check_restricted_to_named_units_skips_the_others(tmp_path: Path) -> None:
    rows = [{**CITY_ROWS[0], "tong": "36"}, {**CITY_ROWS[1], "tong": "21"}]
    path = write_project(
        tmp_path, indicators=SUM_COUNT, rows=rows, checks=[{**SUM_CHECK, "units": ["xã  song mai"]}]
    )
    config = load_config(path)
    dataset = load_dataset(config)
    assert [f.unit for f in validate(config, dataset)] == ["Xã Song Mai"]


def test_check_naming_an_unknown_unit_stops_with_did_you_mean(tmp_path: Path) -> None:
    from reportgen.diagnostics.errors import ErrorList

    path = write_project(
        tmp_path,
        indicators=SUM_COUNT,
        rows=CITY_ROWS,
        checks=[{**SUM_CHECK, "units": ["Xã Song Mia"]}],
    )
    config = load_config(path)
    dataset = load_dataset(config)
    with pytest.raises(ErrorList) as info:
        validate(config, dataset)
    text = info.value.format()
    assert 'nhưng gặp "Xã Song Mia"' in text
    assert 'có phải ý bạn là "Xã Song Mai"?' in text
    assert "checks[0].units[0]" in text


def test_label_of_a_check_is_shown_in_its_message(tmp_path: Path) -> None:
    path = write_project(
        tmp_path,
        indicators=SUM_COUNT,
        rows=[{**CITY_ROWS[0], "tong": "36"}],
        checks=[{**SUM_CHECK, "label": "kinh phí dự án bò", "severity": "warning"}],
    )
    config = load_config(path)
    dataset = load_dataset(config)
    (f,) = validate(config, dataset, dataset.units)
    assert f.severity == "warning"
    assert f.message.startswith("Phường Trần Phú: [kinh phí dự án bò] ")
    assert f.config_key == "checks[0]" and f.config_line is not None
