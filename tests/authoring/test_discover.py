"""``reportgen vars``: every variable, filter and block a template uses, in body, tables,
headers, footers and footnotes, with nested names, loop variables resolved, and places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.authoring.discover import VarsReport, discover, format_vars_json, format_vars_text
from reportgen.diagnostics.errors import TemplateError
from tests.docx_engine.builders import PROOF_END, PROOF_START, make_docx, p, r, tbl, tc, tr

from .support import BASE_TEMPLATE, docx_of, write


def _places(report: VarsReport) -> dict[str, list[str]]:
    return {e.name: [pl.where for pl in e.places] for e in report.entries()}


# (id, docx arguments, {name: [where …]} expected among the variables)
CASES = [
    (
        "nested names in the body",
        {"body": p(r("{{ chi_tieu.ho_ngheo.cuoi_ky | so }} {{ don_vi.cot.chu_tich }}"))},
        {
            "chi_tieu.ho_ngheo.cuoi_ky": ["thân văn bản, đoạn 1"],
            "don_vi.cot.chu_tich": ["thân văn bản, đoạn 1"],
        },
    ),
    (
        "items by index and by key",
        {"body": p(r("{{ can_cu[0].day_du }} {{ chi_tieu['ho_ngheo'] }}"))},
        {
            "can_cu[0].day_du": ["thân văn bản, đoạn 1"],
            "chi_tieu.ho_ngheo": ["thân văn bản, đoạn 1"],
        },
    ),
    (
        "loop variable resolved to what it iterates, in a table",
        {
            "body": tbl(
                tr(tc(p(r("{%tr for dv in cac_don_vi %}")))),
                tr(tc(p(r("{{ loop.index }}"))), tc(p(r("{{ dv.ten }}")))),
                tr(tc(p(r("{%tr endfor %}")))),
            )
            + p(r(""))
        },
        {
            "cac_don_vi": ["bảng 1, hàng 1, ô 1, đoạn 1"],
            "cac_don_vi[].ten": ["bảng 1, hàng 2, ô 2, đoạn 1"],
        },
    ),
    (
        "nested loops and a sorted loop",
        {
            "body": p(
                r(
                    "{% for dv in cac_don_vi | sort(attribute='ten') %}"
                    "{% for dong in dv.don_vi.cot.ghi_chu %}{{ dong.noi_dung }}{% endfor %}"
                    "{% endfor %}"
                )
            )
        },
        {
            "cac_don_vi": ["thân văn bản, đoạn 1"],
            "cac_don_vi[].don_vi.cot.ghi_chu": ["thân văn bản, đoạn 1"],
            "cac_don_vi[].don_vi.cot.ghi_chu[].noi_dung": ["thân văn bản, đoạn 1"],
        },
    ),
    (
        "a name set from another is resolved",
        {"body": p(r("{% set d = bao_cao.ngay %}")) + p(r("Ngày {{ d | ngay }}"))},
        {"bao_cao.ngay": ["thân văn bản, đoạn 1", "thân văn bản, đoạn 2"]},
    ),
    (
        "header, footer and footnote",
        {
            "body": p(r("x")),
            "header": p(r("{{ bao_cao.so_ky_hieu }}")),
            "footer": p(r("Trang {{ so_trang }}")),
            "footnotes": p(r("{{ ghi_chu }}")),
        },
        {
            "bao_cao.so_ky_hieu": ["đầu trang (header1.xml), đoạn 1"],
            "so_trang": ["chân trang (footer1.xml), đoạn 1"],
            "ghi_chu": ["chú thích cuối trang (footnotes.xml), đoạn 2"],
        },
    ),
    (
        "a tag Word split is read after repair",
        {"body": p(r("{{ ty_le_"), PROOF_START, r("ho_ngheo }}"), PROOF_END)},
        {"ty_le_ho_ngheo": ["thân văn bản, đoạn 1"]},
    ),
    (
        "a conditional paragraph",
        {"body": p(r("{%p if du_thao %}")) + p(r("DỰ THẢO")) + p(r("{%p endif %}"))},
        {"du_thao": ["thân văn bản, đoạn 1"]},
    ),
]


@pytest.mark.parametrize(
    ("docx_args", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_variables_are_listed_with_their_places(
    tmp_path: Path, docx_args: dict[str, str], expected: dict[str, list[str]]
) -> None:
    report = discover(write(tmp_path, docx_of(docx_args)))
    assert {e.name: [pl.where for pl in e.places] for e in report.variables} == expected
    assert report.problems == []


def test_template_made_names_and_functions_are_not_listed(tmp_path: Path) -> None:
    body = p(
        r(
            "{% set ns = namespace(n=0) %}{% set ns.n = ns.n + 1 %}{{ ns.n }}"
            "{% macro dong(x) %}{{ x }}{% endmacro %}{{ dong(1) }}{{ range(2) | list }}"
            "{% for k, v in chi_tieu.items() %}{{ k }}{{ v }}{% endfor %}"
        )
    )
    report = discover(write(tmp_path, make_docx(body)))
    assert [e.name for e in report.variables] == ["chi_tieu"]


def test_filters_tests_and_blocks_are_listed(tmp_path: Path) -> None:
    body = (
        p(r("{{ ty_le | phan_tram }} {{ kinh_phi | tien('tỷ đồng') | upper }}"))
        + p(r("{% if x is defined %}{{ x }}{% endif %}"))
        + p(r("{{p noi_dung }}"))
    )
    report = discover(write(tmp_path, make_docx(body)))
    assert _places(report) | {} == {
        "kinh_phi": ["thân văn bản, đoạn 1"],
        "ty_le": ["thân văn bản, đoạn 1"],
        "x": ["thân văn bản, đoạn 2"],
        "phan_tram": ["thân văn bản, đoạn 1"],
        "tien": ["thân văn bản, đoạn 1"],
        "upper": ["thân văn bản, đoạn 1"],
        "defined": ["thân văn bản, đoạn 2"],
        "noi_dung": ["thân văn bản, đoạn 3"],
    }
    assert [e.name for e in report.blocks] == ["noi_dung"]
    assert [e.name for e in report.tests] == ["defined"]
    assert report.names() == ["kinh_phi", "ty_le", "x"]


def test_the_base_template(tmp_path: Path) -> None:
    report = discover(BASE_TEMPLATE)
    names = {e.name for e in report.variables}
    assert {
        "bao_cao.so_ky_hieu",
        "bao_cao.dia_danh_ngay",
        "co_quan.ten_dong",
        "nguoi_ky.ho_ten",
        "noi_nhan",
        "du_thao",
    } <= names
    assert "dong" not in names  # the loop variable of {%p for dong in co_quan.ten_dong %}
    places = _places(report)
    assert "bảng 1, hàng 2, ô 1, đoạn 1" in places["bao_cao.so_ky_hieu"]
    assert any(w.startswith("đầu trang (header") for w in places["du_thao"])
    assert [e.name for e in report.blocks] == ["noi_dung"]


def test_a_template_with_a_broken_tag_lists_the_rest_and_the_problem(tmp_path: Path) -> None:
    body = p(r("{{ a + }}")) + p(r("{% if b %}")) + p(r("{{ c }}"))
    report = discover(write(tmp_path, make_docx(body)))
    assert report.names() == ["b", "c"]
    assert [pr.paragraph for pr in report.problems] == [1, 2]
    assert "reportgen lint" in format_vars_text(report)


def test_text_output_lists_names_places_and_filter_docs(tmp_path: Path) -> None:
    body = p(r("{{ ty_le | phan_tram }}")) + p(r("{{ ty_le }}")) + p(r("{{p noi_dung }}"))
    path = write(tmp_path, make_docx(body))
    text = format_vars_text(discover(path))
    assert text.startswith(f"Mẫu {path}:\n")
    assert "Biến (1):\n  ty_le  thân văn bản, đoạn 1; thân văn bản, đoạn 2\n" in text
    assert "Bộ lọc (1):\n  phan_tram  thân văn bản, đoạn 1\n" in text
    assert "62,95%" in text  # the filter's one-line documentation
    assert "Khối nội dung (1):\n  noi_dung  thân văn bản, đoạn 3\n" in text
    assert text.rstrip().endswith("Tổng: 1 biến (1 tên gốc), 1 bộ lọc, 1 khối.")


def test_json_output_is_stable(tmp_path: Path) -> None:
    path = write(tmp_path, make_docx(p(r("{{ bao_cao.ngay | ngay }}")), header=p(r("{{ x }}"))))
    data = json.loads(format_vars_json(discover(path)))
    assert list(data) == ["template", "variables", "filters", "tests", "blocks", "problems"]
    assert data["variables"] == [
        {
            "name": "bao_cao.ngay",
            "root": "bao_cao",
            "places": [
                {
                    "part": "word/document.xml",
                    "where": "thân văn bản, đoạn 1",
                    "paragraph": 1,
                    "text": "⟦{{ bao_cao.ngay | ngay }}⟧",
                }
            ],
        },
        {
            "name": "x",
            "root": "x",
            "places": [
                {
                    "part": "word/header1.xml",
                    "where": "đầu trang (header1.xml), đoạn 1",
                    "paragraph": 1,
                    "text": "⟦{{ x }}⟧",
                }
            ],
        },
    ]
    assert [f["name"] for f in data["filters"]] == ["ngay"]


def test_an_unreadable_file_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        discover(tmp_path / "khong-co.docx")
    with pytest.raises(TemplateError):
        discover(write(tmp_path, b"not a zip"))
