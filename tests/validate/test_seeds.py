"""Figures taken from published poverty-reduction reports and articles, checked as a report
definition would check them: tests/fixtures/seeds/so-lieu-tu-bao-cao.yaml and .csv, one row per
quoted figure.

What the seeds get right passes; their real mistakes are found:
- 004: the cattle project (35 hộ = 11 + 18 + 6; 290.000.000 đ = 110 + 144 + 36 triệu) passes;
  the 2016 training "13.000.000 đ (Hai mươi hai triệu đồng chẵn)" is found by the words check;
  the poor households "538 hộ (1,36%) → 356 hộ (0,85%), giảm 952 hộ — giảm 2,69%" are found by
  the change checks, while both rates agree with a plausible number of households;
- 001: Bắc Kạn's disbursement 478,93 / 760,8 tỷ = 62,95% and the yearly reductions pass; the
  years that missed their target are warnings that agree with the stated verdict;
- 003: Hạ Long's 991 hộ (1,15%) and 1.046 hộ (1,22%) of about 86.000 households pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.validate.findings import Finding
from tests.fixtures.projects import run_checks

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "so-lieu-tu-bao-cao.yaml"


@pytest.fixture(scope="module")
def found() -> list[Finding]:
    return run_checks(SEEDS)[2]


def _for(found: list[Finding], unit: str) -> list[Finding]:
    return [f for f in found if f.unit.startswith(unit)]


def test_only_the_seeds_real_mistakes_are_found(found: list[Finding]) -> None:
    got = [
        (f.unit, f.check, f.severity, f.as_dict()["expected"], f.as_dict()["actual"]) for f in found
    ]
    assert got == [
        ("Tập huấn nâng cao năng lực năm 2016 (004)", "words", "error", "13000000", "22000000"),
        ("Hộ nghèo 01/10/2015 đến 2017 (004)", "change", "error", "182", "952"),
        ("Hộ nghèo 01/10/2015 đến 2017 (004)", "change", "error", "0.51", "2.69"),
        ("Tỷ lệ hộ nghèo năm 2021 (001)", "target", "warning", "2.00", "1.48"),
        ("Tỷ lệ hộ nghèo các huyện nghèo năm 2022 (001)", "target", "warning", "4.00", "3.45"),
        ("Tỷ lệ hộ nghèo dân tộc thiểu số năm 2022 (001)", "target", "warning", "3.00", "2.6"),
    ]


def test_cattle_project_parts_add_up(found: list[Finding]) -> None:
    assert _for(found, "Mô hình chăn nuôi bò sinh sản") == []


def test_training_words_mistake_is_named_with_the_right_words(found: list[Finding]) -> None:
    (f,) = _for(found, "Tập huấn nâng cao năng lực năm 2016")
    assert 'cần "Mười ba triệu đồng chẵn"' in f.message
    assert '"Hai mươi hai triệu đồng chẵn" (đọc là 22.000.000 đồng)' in f.message
    assert "dòng 3, cột kinh_phi_bang_chu (J)" in f.message
    assert _for(found, "Tập huấn nâng cao năng lực năm 2017") == []  # 22.000.000 đ: right


def test_mid_term_changes_are_inconsistent_while_rates_agree(found: list[Finding]) -> None:
    counts, rates = _for(found, "Hộ nghèo 01/10/2015")
    assert "cần 182 hộ (= 538 hộ − 356 hộ), nhưng ghi 952 hộ" in counts.message
    assert (
        "cần 0,51 điểm phần trăm (= 1,36% − 0,85%), nhưng ghi 2,69 điểm phần trăm" in rates.message
    )
    assert not [f for f in found if f.check == "percentage"]


def test_bac_kan_disbursement_and_yearly_reductions_pass(found: list[Finding]) -> None:
    assert _for(found, "Giải ngân") == []
    for year in ("2021", "2022", "2023"):
        assert [f.check for f in _for(found, f"Tỷ lệ hộ nghèo năm {year}")] in ([], ["target"])
    assert _for(found, "Ước tỷ lệ hộ nghèo năm 2024") == []
    assert _for(found, "Tỷ lệ hộ nghèo các huyện nghèo năm 2021") == []


def test_ha_long_rates_pass(found: list[Finding]) -> None:
    assert _for(found, "Hạ Long") == []
