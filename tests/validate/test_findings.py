"""The JSON form of a finding (docs/findings.md) and the table for people."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from reportgen.data.dataset import Source
from reportgen.validate.findings import Finding, FindingSummary, plain
from reportgen.validate.report import format_json, format_table, summary_line

SRC = Source("inputs/x.csv", None, 7, "ho_ngheo (C)")
F = Finding.of(
    "error",
    "sum",
    "Xã A",
    ("tong", "a"),
    Decimal("9.8"),
    Decimal("10.0"),
    "Xã A: Tổng: cần 9,8, nhưng ghi 10,0 (dòng 7, cột tong (B))",
    (SRC,),
    config_key="checks[0]",
    config_line=12,
    hint="sửa tổng",
)
W = Finding.of("warning", "target", "Xã B", ("giam",), Decimal("2.00"), Decimal("1.48"), "Xã B: …")
N = Finding.of(
    "info", "continuity", "Xã B", ("dau",), Decimal(5), Decimal(6), "Xã B: … đã giải trình"
)


def test_finding_as_json_has_the_documented_fields() -> None:
    assert F.as_dict() == {
        "code": "check.sum",
        "severity": "error",
        "check": "sum",
        "unit": "Xã A",
        "indicators": ["tong", "a"],
        "expected": "9.8",
        "actual": "10.0",
        "message": "Xã A: Tổng: cần 9,8, nhưng ghi 10,0 (dòng 7, cột tong (B))",
        "hint": "sửa tổng",
        "location": {"file": "inputs/x.csv", "row": 7, "column": "ho_ngheo (C)", "cell": "C7"},
        "source": [{"file": "inputs/x.csv", "row": 7, "column": "ho_ngheo (C)"}],
        "config": {"key": "checks[0]", "line": 12},
    }
    assert "config" not in W.as_dict()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1E+2"), "100"),
        (Decimal("62.950"), "62.950"),
        (Decimal("-0.5"), "-0.5"),
        ("không đạt", "không đạt"),
        (None, None),
    ],
    ids=["no exponent", "keeps stated decimals", "negative", "text", "none"],
)
def test_plain_numbers_in_json(value: Decimal | str | None, text: str | None) -> None:
    assert plain(value) == text


def test_format_json_is_a_list_of_objects_in_utf8() -> None:
    text = format_json([F, W])
    assert "Xã A" in text  # not \\u escaped
    assert [i["severity"] for i in json.loads(text)] == ["error", "warning"]
    assert json.loads(format_json([])) == []


def test_table_shows_mark_source_hint_and_config_line() -> None:
    lines = format_table([F, W, N]).splitlines()
    assert lines[0].startswith("✗ lỗi       sum          Xã A: Tổng")
    assert lines[1].strip() == "nguồn: inputs/x.csv, dòng 7, cột ho_ngheo (C)"
    assert lines[2].strip() == "→ sửa tổng"
    assert lines[3].strip() == "phép kiểm tra: checks[0] (dòng 12 của tệp YAML)"
    assert lines[4].startswith("! cảnh báo  target")
    assert lines[5].startswith("i ghi chú   continuity")
    assert lines[-1] == "Kết quả: 1 lỗi ở 1 đơn vị, 1 cảnh báo, 1 ghi chú."


def test_summary() -> None:
    assert summary_line([]) == "Số liệu khớp: không có lỗi nào."
    assert summary_line([W]) == "Kết quả: 0 lỗi, 1 cảnh báo, 0 ghi chú."
    s = FindingSummary.of([F, F, W])
    assert (s.errors, s.warnings, s.infos, s.units_with_errors) == (2, 1, 0, ["Xã A"])


def test_findings_doc_lists_every_json_field_and_exit_code() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "findings.md").read_text(encoding="utf-8")
    for key in F.as_dict():
        assert f"| `{key}` |" in doc, key
    for code in ("`0`", "`1`", "`2`"):
        assert f"| {code} |" in doc
