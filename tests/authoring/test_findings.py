"""Each kind of lint finding: its code, severity, where (Vietnamese words), the marked text,
the message and the hint — and every problem of a template in one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.authoring.lint import (
    LintReport,
    format_lint_json,
    format_lint_text,
    lint_bytes,
    lint_template,
)
from reportgen.diagnostics.errors import TemplateError
from tests.docx_engine.builders import make_docx, p, r, tbl, tc, tr

from .support import demo_config, docx_of, tag_findings, write

# (id, docx arguments, with config, [(severity, code, where, marked text, message words,
#  hint words)])
CASES = [
    (
        "unclosed if points at the opening tag",
        {"body": p(r("Mở đầu")) + p(r("{% if ty_le_ho_ngheo > 0 %}")) + p(r("Có hộ nghèo."))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "thân văn bản, đoạn 2",
                "⟦{% if ty_le_ho_ngheo > 0 %}⟧",
                "không có thẻ đóng «{% endif %}»",
                "Thêm «{% endif %}»",
            )
        ],
    ),
    (
        "unclosed docxtpl for suggests the docxtpl closing tag",
        {"body": p(r("{%p for dv in cac_don_vi %}")) + p(r("{{ dv.ten }}"))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "thân văn bản, đoạn 1",
                "⟦{%p for dv in cac_don_vi %}⟧",
                "«{%p endfor %}»",
                "{%p endfor %}",
            )
        ],
    ),
    (
        "tr tag outside a table row",
        {"body": p(r("{%tr for dv in cac_don_vi %}")) + p(r("x")) + p(r("{%tr endfor %}"))},
        True,
        [
            (
                "error",
                "misplaced-tag",
                "thân văn bản, đoạn 1",
                "⟦{%tr for dv in cac_don_vi %}⟧",
                "phải nằm trong một hàng của bảng",
                "{%tr … %} đặt trong một hàng bảng",
            ),
            (
                "error",
                "misplaced-tag",
                "thân văn bản, đoạn 3",
                "⟦{%tr endfor %}⟧",
                "phải nằm trong một hàng của bảng",
                "{%tr … %}",
            ),
        ],
    ),
    (
        "unknown statement with a did-you-mean",
        {"body": p(r("{% if du_thao %}a")) + p(r("{% esle %}b{% endif %}"))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "thân văn bản, đoạn 2",
                "⟦{% esle %}⟧b{% endif %}",
                "«esle» không phải lệnh",
                "Có phải ý bạn là «else»?",
            )
        ],
    ),
    (
        "bad expression in a table cell",
        {"body": tbl(tr(tc(p(r("x"))), tc(p(r("Tỷ lệ {{ ty le }}%"))))) + p(r(""))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "bảng 1, hàng 1, ô 2, đoạn 1",
                "Tỷ lệ ⟦{{ ty le }}⟧%",
                "không được có dấu cách",
                "tên biến viết liền",
            )
        ],
    ),
    (
        "stray closing tag",
        {"body": p(r("a")) + p(r("{% endfor %}"))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "thân văn bản, đoạn 2",
                "⟦{% endfor %}⟧",
                "không khớp với thẻ mở nào",
                "Xoá thẻ này",
            )
        ],
    ),
    (
        "include is refused",
        {"body": p(r("{% include 'khac.docx' %}"))},
        True,
        [
            (
                "error",
                "jinja-syntax",
                "thân văn bản, đoạn 1",
                "⟦{% include 'khac.docx' %}⟧",
                "nạp một mẫu khác",
                "Chép nội dung",
            )
        ],
    ),
    (
        "misspelt indicator with a did-you-mean",
        {"body": p(r("a")) + p(r("b")) + p(r("Tỷ lệ {{ ty_le_ho_ngeo | phan_tram }}."))},
        True,
        [
            (
                "error",
                "unknown-variable",
                "thân văn bản, đoạn 3",
                "Tỷ lệ ⟦{{ ty_le_ho_ngeo | phan_tram }}⟧.",
                "không có biến «ty_le_ho_ngeo»",
                "Có phải ý bạn là «ty_le_ho_ngheo»?",
            )
        ],
    ),
    (
        "name written without diacritics' help: tỷ_lệ_hộ_nghèo",
        {"body": p(r("{{ tỷ_lệ_hộ_nghèo }}"))},
        True,
        [
            (
                "error",
                "unknown-variable",
                "thân văn bản, đoạn 1",
                "⟦{{ tỷ_lệ_hộ_nghèo }}⟧",
                "không có biến",
                "«ty_le_ho_ngheo»",
            )
        ],
    ),
    (
        "unknown name without a config is a warning",
        {"body": p(r("{{ ty_le_ho_ngheo }}"))},
        False,
        [
            (
                "warning",
                "unknown-variable",
                "thân văn bản, đoạn 1",
                "⟦{{ ty_le_ho_ngheo }}⟧",
                "chạy với --config để kiểm tra theo định nghĩa báo cáo",
                "--config",
            )
        ],
    ),
    (
        "field written without its owner",
        {"body": p(r("{{ so_ky_hieu }}"))},
        False,
        [
            (
                "warning",
                "unknown-variable",
                "thân văn bản, đoạn 1",
                "⟦{{ so_ky_hieu }}⟧",
                "không rõ biến «so_ky_hieu»",
                "«bao_cao.so_ky_hieu»",
            )
        ],
    ),
    (
        "unknown field of a context name, in a footer",
        {"body": p(r("x")), "footer": p(r("{{ bao_cao.so_ky_hieuu }}"))},
        False,
        [
            (
                "error",
                "unknown-field",
                "chân trang (footer1.xml), đoạn 1",
                "⟦{{ bao_cao.so_ky_hieuu }}⟧",
                "«bao_cao» không có trường «so_ky_hieuu»",
                "«bao_cao.so_ky_hieu»",
            )
        ],
    ),
    (
        "unknown indicator of a row in a loop",
        {
            "body": tbl(
                tr(tc(p(r("{%tr for dv in cac_don_vi %}")))),
                tr(tc(p(r("{{ dv.ten }}"))), tc(p(r("{{ dv.ho_ngheo_cuoi_kyy | so }}")))),
                tr(tc(p(r("{%tr endfor %}")))),
            )
            + p(r(""))
        },
        True,
        [
            (
                "error",
                "unknown-field",
                "bảng 1, hàng 2, ô 2, đoạn 1",
                "⟦{{ dv.ho_ngheo_cuoi_kyy | so }}⟧",
                "«cac_don_vi[]» không có trường «ho_ngheo_cuoi_kyy»",
                "«cac_don_vi[].ho_ngheo_cuoi_ky»",
            )
        ],
    ),
    (
        "unknown filter with a did-you-mean",
        {"body": p(r("Tỷ lệ {{ ty_le_ho_ngheo | phan_tra }}"))},
        True,
        [
            (
                "error",
                "unknown-filter",
                "thân văn bản, đoạn 1",
                "Tỷ lệ ⟦{{ ty_le_ho_ngheo | phan_tra }}⟧",
                "không có bộ lọc «phan_tra»",
                "Có phải ý bạn là «phan_tram»?",
            )
        ],
    ),
    (
        "unknown test",
        {"body": p(r("{% if ty_le_ho_ngheo is numbr %}x{% endif %}"))},
        True,
        [
            (
                "error",
                "unknown-test",
                "thân văn bản, đoạn 1",
                "⟦{% if ty_le_ho_ngheo is numbr %}⟧x{% endif %}",
                "«is numbr»",
                "«number»",
            )
        ],
    ),
    (
        "loop variable used after its loop",
        {"body": p(r("{% for dv in cac_don_vi %}{{ dv.ten }}{% endfor %}")) + p(r("{{ dv.ten }}"))},
        True,
        [
            (
                "error",
                "unknown-variable",
                "thân văn bản, đoạn 2",
                "⟦{{ dv.ten }}⟧",
                "không có biến «dv»",
                "",
            )
        ],
    ),
    (
        "the report body written as a variable",
        {"body": p(r("{{ noi_dung }}"))},
        True,
        [
            (
                "error",
                "unknown-variable",
                "thân văn bản, đoạn 1",
                "⟦{{ noi_dung }}⟧",
                "là khối nội dung, không phải một biến",
                "«{{p noi_dung }}»",
            )
        ],
    ),
    (
        "unknown block",
        {"body": p(r("{{p phu_luc }}"))},
        True,
        [
            (
                "error",
                "unknown-block",
                "thân văn bản, đoạn 1",
                "⟦{{p phu_luc }}⟧",
                "không có khối «phu_luc»",
                "{{p noi_dung }}",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("docx_args", "with_config", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_each_finding_names_its_place_and_what_to_do(
    docx_args: dict[str, str],
    with_config: bool,
    expected: list[tuple[str, str, str, str, str, str]],
) -> None:
    config = demo_config() if with_config else None
    report = lint_bytes(docx_of(docx_args), name="mau.docx", config=config)
    findings = tag_findings(report)
    assert [(f.severity, f.code, f.where, f.text) for f in findings] == [e[:4] for e in expected]
    for finding, (*_, words, hint) in zip(findings, expected, strict=True):
        assert words in finding.message
        assert hint in finding.hint
        assert finding.part.startswith("word/")
        assert finding.paragraph is not None and finding.paragraph >= 1
    assert report.exit_code == 1


def test_every_problem_is_reported_in_one_run() -> None:
    body = (
        p(r("{% if du_thao %}"))  # 1: never closed
        + p(r("{{ a + }}"))  # 2: bad expression
        + p(r("{% foo %}"))  # 3: unknown statement
        + p(r("{{ ty_le_ho_ngeo }}"))  # 4: misspelt indicator
        + p(r("{{ ty_le_ho_ngheo | phan_tra }}"))  # 5: unknown filter
        + p(r("{{ x"))  # 6: broken (not closed in its paragraph)
        + p(r("{% endfor %}"))  # 7: stray
    )
    data = make_docx(body, header=p(r("{{ bao_cao.so_ky_hieuu }}")))
    report = lint_bytes(data, name="mau.docx", config=demo_config())
    got = [(f.code, f.part.rsplit("/", 1)[-1], f.paragraph) for f in tag_findings(report)]
    assert got == [
        ("jinja-syntax", "document.xml", 1),
        ("jinja-syntax", "document.xml", 2),
        ("jinja-syntax", "document.xml", 3),
        ("unknown-variable", "document.xml", 4),
        ("unknown-filter", "document.xml", 5),
        ("broken-tag", "document.xml", 6),
        ("jinja-syntax", "document.xml", 7),
        ("unknown-field", "header1.xml", 1),
    ]


def test_crossed_blocks_are_one_finding_at_the_inner_opening_tag() -> None:
    body = (
        p(r("{% for dv in cac_don_vi %}"))
        + p(r("{% if dv.ten %}"))
        + p(r("{{ dv.ten }}"))
        + p(r("{% endfor %}"))
        + p(r("{% endif %}"))
    )
    findings = tag_findings(lint_bytes(make_docx(body), name="m.docx", config=demo_config()))
    assert [(f.code, f.paragraph) for f in findings] == [("jinja-syntax", 2)]
    assert "bắt chéo" in findings[0].message
    assert "chuyển «{% endif %}» lên trước «{% endfor %}»" in findings[0].hint


def test_names_in_loops_sets_and_macros_are_not_unknown() -> None:
    body = p(
        r(
            "{% set ns = namespace(n=0) %}{% for dv in cac_don_vi %}{% set ns.n = ns.n + 1 %}"
            "{{ loop.index }} {{ dv.ten }}{% endfor %}{{ ns.n }}"
            "{% macro dong(x) %}{{ x | so }}{% endmacro %}{{ dong(ty_le_ho_ngheo) }}"
            "{% with t = bao_cao.ngay %}{{ t | ngay }}{% endwith %}{{ range(3) | list }}"
        )
    )
    report = lint_bytes(make_docx(body), name="m.docx", config=demo_config())
    assert tag_findings(report) == []


def test_the_same_misspelling_twice_in_a_paragraph_is_one_finding() -> None:
    body = p(r("{{ ty_le_ho_ngeo }} và {{ ty_le_ho_ngeo | so }}")) + p(r("{{ ty_le_ho_ngeo }}"))
    findings = tag_findings(lint_bytes(make_docx(body), name="m.docx", config=demo_config()))
    assert [f.paragraph for f in findings] == [1, 2]


def test_indicators_used_nowhere_are_listed_once() -> None:
    config = demo_config()
    data = make_docx(p(r("{{ tong_so_ho | so }} {{ chi_tieu.so_the_bhyt | so }}")))
    report = lint_bytes(data, name="m.docx", config=config)
    unused = [f for f in report.findings if f.code == "unused-indicator"]
    assert len(unused) == 1
    finding = unused[0]
    assert (finding.severity, finding.part, finding.paragraph) == ("warning", "", None)
    assert finding.where == "định nghĩa báo cáo (giam-ngheo-2024.yaml), mục indicators"
    listed = finding.message.split(": ", 1)[1]
    names = listed.split(" (")[0].split(", ")
    assert names == ["tong_so_khau", "so_ho_thoat_ngheo", "khau_ngheo"]
    # not listed: used by the appendix the engine adds after any template (so_ho_giam,
    # so_ho_ho_tro_nha_o …), by the template (tong_so_ho; so_the_bhyt through chi_tieu), by a
    # formula (thoat_ngheo_vuot_can_ngheo) or by a check (kinh_phi_tong, tong_so_ho_dau_ky)


def test_indicators_used_by_the_body_spliced_at_noi_dung_count_as_used() -> None:
    data = make_docx(p(r("{{p noi_dung }}")))
    report = lint_bytes(data, name="m.docx", config=demo_config())
    # the sections of the demo config use every indicator that no check or formula uses
    assert [f for f in report.findings if f.code == "unused-indicator"] == []
    assert tag_findings(report) == []


def test_exit_code_is_zero_with_notes_only_and_one_with_a_warning() -> None:
    repaired = make_docx(p(r("{{ bao_cao."), r("trich_yeu }}", "<w:b/>")))
    notes = LintReport("m.docx", tag_findings(lint_bytes(repaired, name="m.docx")))
    assert [f.severity for f in notes.findings] == ["info"]
    assert notes.exit_code == 0
    warned = LintReport("m.docx", tag_findings(lint_bytes(make_docx(p(r("{{ x }}"))), name="m")))
    assert [f.severity for f in warned.findings] == ["warning"]
    assert warned.exit_code == 1
    assert LintReport("m.docx", []).exit_code == 0


UNREADABLE = [
    ("missing file", None, "không tìm thấy tệp mẫu"),
    ("not a zip", b"Day khong phai tep Word", "không phải tệp Word .docx hợp lệ"),
    ("an old .doc", b"\xd0\xcf\x11\xe0 OLE", "không phải mẫu Word .docx"),
]


@pytest.mark.parametrize(
    ("data", "words"), [c[1:] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE]
)
def test_a_file_that_cannot_be_read_is_a_template_error(
    tmp_path: Path, data: bytes | None, words: str
) -> None:
    name = "mau.doc" if data and data.startswith(b"\xd0\xcf") else "mau.docx"
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(TemplateError) as info:
        lint_template(path)
    error = info.value
    assert words in error.message
    assert error.hint
    assert error.exit_code == 2
    assert error.location is not None and error.location.file == str(path)


def test_text_output_has_one_block_per_finding_and_a_count(tmp_path: Path) -> None:
    data = make_docx(
        p(r("Tỷ lệ {{ ty_le_ho_ngeo }}%")) + p(r("{{ bao_cao."), r("ngay }}", "<w:b/>"))
    )
    report = lint_template(write(tmp_path, data), demo_config())
    text = format_lint_text(report, "mau.docx")
    assert text.startswith("Kiểm tra mẫu mau.docx theo định nghĩa ")
    assert (
        "1. LỖI [template.unknown-variable] thân văn bản, đoạn 1\n"
        "   «Tỷ lệ ⟦{{ ty_le_ho_ngeo }}⟧%»\n"
        "   không có biến «ty_le_ho_ngeo»"
    ) in text
    assert "   → Có phải ý bạn là «ty_le_ho_ngheo»?\n" in text
    assert "2. GHI CHÚ [template.repaired-tag] thân văn bản, đoạn 2\n" in text
    assert text.rstrip().splitlines()[-1].startswith("Kết quả: 1 lỗi, ")


def test_clean_text_output_says_so() -> None:
    assert "Không có vấn đề nào" in format_lint_text(LintReport("m.docx", []))


def test_json_output_is_the_shared_diagnostics_shape() -> None:
    data = make_docx(p(r("{{ ty_le_ho_ngheo | phan_tra }}")))
    report = lint_bytes(data, name="m.docx", config=demo_config())
    out = json.loads(format_lint_json(report))
    assert out["command"] == "lint" and out["version"] == 1
    assert out["template"] == "m.docx" and out["exit_code"] == 1
    assert out["counts"]["error"] == 1
    first = out["diagnostics"][0]
    assert first["code"] == "template.unknown-filter"
    assert first["severity"] == "error"
    assert first["location"] == {
        "file": "m.docx",
        "part": "word/document.xml",
        "paragraph": 1,
        "where": "thân văn bản, đoạn 1",
    }
    assert first["text"] == "⟦{{ ty_le_ho_ngheo | phan_tra }}⟧"
    assert "phan_tram" in first["hint"]
    assert format_lint_json(report) == format_lint_json(report)


def test_every_finding_converts_to_a_catalogued_template_diagnostic() -> None:
    from reportgen.diagnostics.catalog import messages

    data = make_docx(p(r("{{ ty_le_ho_ngheo | phan_tra }} {{ khong_co }}")))
    report = lint_bytes(data, name="m.docx", config=demo_config())
    diagnostics = report.diagnostics()
    assert diagnostics and len(diagnostics) == len(report.findings)
    for d in diagnostics:
        assert d.code.startswith("template.") and d.code in messages()


# -- warnings accepted on purpose ------------------------------------------------------------

_DEFAULT_WARNINGS = ["page-setup", "page-setup", "page-number", "font", "font-size"]


def _ack_comment(code: str, reason: str = "phụ lục khổ ngang") -> str:
    return p(r("{# reportgen: chấp nhận " + code + (f" — {reason}" if reason else "") + " #}"))


def _by_code(report: LintReport, code: str) -> list[tuple[str, str]]:
    return [(f.severity, f.acknowledged) for f in report.findings if f.code == code]


def test_a_warning_accepted_in_the_template_becomes_a_note_with_its_reason() -> None:
    plain = lint_bytes(make_docx(p(r("Xin chào"))), name="m.docx")
    assert [f.code for f in plain.warnings] == _DEFAULT_WARNINGS
    body = p(r("Xin chào")) + _ack_comment("template.page-setup")
    report = lint_bytes(make_docx(body), name="m.docx")
    assert _by_code(report, "page-setup") == [("info", "phụ lục khổ ngang")] * 2
    accepted = next(f for f in report.findings if f.code == "page-setup")
    assert accepted.message.startswith("đã chấp nhận (chú thích trong mẫu, thân văn bản, đoạn 2)")
    assert accepted.hint == "Lý do: phụ lục khổ ngang"
    assert "có 2 cảnh báo đã chấp nhận" in format_lint_text(report)


def test_accepting_every_warning_gives_exit_code_zero() -> None:
    codes = sorted(set(_DEFAULT_WARNINGS))
    body = p(r("Xin chào")) + "".join(_ack_comment(c, "mẫu nội bộ") for c in codes)
    report = lint_bytes(make_docx(body), name="m.docx")
    assert report.warnings == [] and report.errors == []
    assert report.exit_code == 0
    assert all(f.acknowledged == "mẫu nội bộ" for f in report.infos if f.code in codes)


@pytest.mark.parametrize(
    ("comment", "code", "severity"),
    [
        (_ack_comment("page-setup", ""), "acknowledgement-without-reason", "warning"),
        (_ack_comment("template.dropped-macros"), "acknowledgement-unused", "info"),
        (_ack_comment("template.unknown-variable"), "acknowledgement-not-warning", "warning"),
    ],
    ids=["without-reason", "matches-nothing", "of-an-error"],
)
def test_wrong_acknowledgements_are_reported(comment: str, code: str, severity: str) -> None:
    body = p(r("{{ khong_co_bien }}")) + comment
    report = lint_bytes(make_docx(body), name="m.docx", config=demo_config())
    found = [f for f in report.findings if f.code == code]
    assert [f.severity for f in found] == [severity]
    assert found[0].paragraph == 2
    assert [f.severity for f in report.findings if f.code == "unknown-variable"] == ["error"]


def test_a_warning_accepted_in_the_report_definition(tmp_path: Path) -> None:
    from reportgen.config.loader import load_config
    from tests.fixtures.projects import SampleCopy

    sample = SampleCopy.make(tmp_path)
    text = sample.config.read_text(encoding="utf-8")
    sample.config.write_text(
        text + "\nlint:\n  acknowledge:\n    - code: template.font\n"
        "      reason: mẫu dùng phông của tỉnh\n",
        encoding="utf-8",
    )
    config = load_config(sample.config)
    report = lint_bytes(make_docx(p(r("Xin chào"))), name="m.docx", config=config)
    assert _by_code(report, "font") == [("info", "mẫu dùng phông của tỉnh")]
    font = next(f for f in report.findings if f.code == "font")
    line = text.count("\n") + 4
    assert f"{sample.config.name}, dòng {line}" in font.message


def test_cli_lint_json_has_the_shared_shape_and_counts_accepted_warnings(tmp_path: Path) -> None:
    import subprocess
    import sys

    codes = sorted(set(_DEFAULT_WARNINGS))
    body = p(r("Xin chào")) + "".join(_ack_comment(c) for c in codes)
    template = tmp_path / "mau.docx"
    template.write_bytes(make_docx(body))
    proc = subprocess.run(
        [sys.executable, "-m", "reportgen", "lint", str(template), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = json.loads(proc.stdout)
    assert out["command"] == "lint"
    assert out["counts"]["warning"] == 0
    accepted = [d for d in out["diagnostics"] if d.get("acknowledged")]
    assert {d["code"] for d in accepted} == {f"template.{c}" for c in codes}


def test_an_acknowledgement_in_a_paragraph_comment_leaves_no_empty_line_in_reports() -> None:
    from reportgen.docx import PreparedTemplate
    from reportgen.templating.environment import make_env
    from tests.docx_engine.builders import body_texts

    data = make_docx(
        p(r("Xin chào")) + p(r("{#p reportgen: chấp nhận template.font — phông của tỉnh #}"))
    )
    report = lint_bytes(data, name="m.docx")
    assert _by_code(report, "font") == [("info", "phông của tỉnh")]
    rendered = PreparedTemplate.from_bytes(data, env=make_env()).render({})
    assert body_texts(rendered) == ["Xin chào"]
