"""Funding by source (kinh phí theo nguồn vốn) in the demo: the sample data's sources add up to
the total, a declared sum check catches a source typed wrong, and the report states each source
in a sentence, in the ward's table and in the city's appendix."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportgen.app import pipeline
from reportgen.vnformat import parse_number
from tests.helpers import edit_cell, sample_project

SOURCES = (
    "nguon_ngan_sach_trung_uong",
    "nguon_ngan_sach_dia_phuong",
    "nguon_von_long_ghep",
    "nguon_huy_dong",
)
LABELS = ("Ngân sách trung ương", "Ngân sách địa phương", "Vốn lồng ghép", "Huy động xã hội")
WARD = "Phường Trần Phú"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def test_sample_sources_add_up_to_the_total_to_the_tenth(tmp_path: Path) -> None:
    sample_project(tmp_path)
    for row in _rows(tmp_path / "inputs" / "giam-ngheo-2024.csv"):
        parts = [parse_number(row[s]) for s in SOURCES]
        assert all(isinstance(p, Decimal) and p > 0 for p in parts), row["don_vi"]
        assert all(p == p.quantize(Decimal("0.1")) for p in parts)
        assert sum(parts) == parse_number(row["kinh_phi_tong"]), row["don_vi"]


def test_a_source_typed_wrong_fails_the_declared_sum_check(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", WARD, "nguon_von_long_ghep", "42,3")
    result = pipeline.check(config)
    found = [f for f in result.findings if f.unit == WARD and f.severity == "error"]
    assert [f.code for f in found] == ["check.sum"]
    assert "nguon_von_long_ghep" in found[0].indicators
    assert "kinh phí theo nguồn vốn" in found[0].message


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nguon-von")
    return pipeline.render(sample_project(root), out_dir=root / "out", jobs=1).out_dir


def test_the_report_states_each_source_in_a_sentence(rendered: Path) -> None:
    ward = docx.Document(str(rendered / "phuong-tran-phu.docx"))
    sentence = next(p.text for p in ward.paragraphs if p.text.startswith("Chia theo nguồn vốn"))
    assert sentence == (
        "Chia theo nguồn vốn: ngân sách trung ương 247,5 triệu đồng, ngân sách địa phương "
        "102,2 triệu đồng, vốn lồng ghép từ các chương trình, dự án khác 32,3 triệu đồng và huy "
        "động xã hội 156 triệu đồng."
    )


def test_the_ward_table_has_a_row_per_source(rendered: Path) -> None:
    ward = docx.Document(str(rendered / "phuong-tran-phu.docx"))
    table = next(t for t in ward.tables if t.cell(0, 1).text.startswith("Chỉ tiêu"))
    rows = {r.cells[1].text: r.cells[3].text for r in table.rows[1:]}
    assert [rows[label] for label in LABELS] == ["247,5", "102,2", "32,3", "156,0"]
    assert rows["Tổng kinh phí"] == "538,0"


def test_the_city_appendix_has_the_sources_by_unit_with_their_totals(rendered: Path) -> None:
    city = docx.Document(str(rendered / "thanh-pho-hoa-an.docx"))
    heads = [[c.text for c in t.rows[0].cells] for t in city.tables]
    table = city.tables[next(i for i, h in enumerate(heads) if "Ngân sách trung ương\n(4)" in h)]
    total = [c.text for c in table.rows[-1].cells]
    assert total[1] == "Toàn thành phố"
    figures = [parse_number(x) for x in total[2:]]
    assert figures[0] == sum(figures[1:])  # the whole city's sources add up too
