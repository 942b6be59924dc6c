"""The base template lints clean, a copy with three mistakes gives exactly those three
findings, a template saved by LibreOffice renders the same text, and the context fields lint
knows are the ones the context has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen.authoring.lint import (
    CONTEXT_FIELDS,
    TEMPLATE_NAMES,
    format_lint_text,
    lint_bytes,
    lint_template,
)
from reportgen.config.loader import CONTEXT_NAMES
from reportgen.data.dataset import load_dataset
from reportgen.docx import PreparedTemplate
from reportgen.templating.body import BLOCK_NAME, build_body
from reportgen.templating.context import ContextBuilder
from reportgen.templating.environment import make_env
from tests.helpers import SOFFICE, libreoffice_convert, sample_project

from .support import (
    BASE_TEMPLATE,
    TITLE_RPR,
    base_template,
    demo_config,
    document_texts,
    edit_docx,
    write,
)


def test_base_template_lints_clean_without_a_config() -> None:
    report = lint_template(BASE_TEMPLATE)
    assert report.findings == []
    assert report.exit_code == 0


def test_base_template_lints_clean_against_the_demo_config() -> None:
    report = lint_template(BASE_TEMPLATE, demo_config())
    assert report.findings == []
    assert report.exit_code == 0


def test_base_template_has_no_problem_against_the_demo_config_but_one_unused_indicator(
    tmp_path: Path,
) -> None:
    report = lint_template(BASE_TEMPLATE, demo_config())
    assert [f.code for f in report.findings if f.code != "unused-indicator"] == []
    assert not report.errors


def test_base_template_lints_clean_against_the_demo_config_once_every_indicator_is_used(
    tmp_path: Path,
) -> None:
    from reportgen.config.loader import load_config

    config_path = sample_project(tmp_path)
    text = config_path.read_text(encoding="utf-8")
    text = text.replace(
        "  - check: continuity\n    value: tong_so_ho_dau_ky",
        "  - check: continuity\n    value: ho_can_ngheo_dau_ky\n    previous: ho_can_ngheo_cuoi_ky"
        "\n  - check: continuity\n    value: tong_so_ho_dau_ky",
    )
    config_path.write_text(text, encoding="utf-8")
    report = lint_template(BASE_TEMPLATE, load_config(config_path))
    assert report.findings == []
    assert report.exit_code == 0


def _three_mistakes(*, only_the_split_tag: bool = False) -> bytes:
    split_title = (
        f"<w:r>{TITLE_RPR}<w:t>{{{{ bao_cao.trich_</w:t></w:r>"
        '<w:proofErr w:type="spellStart"/>'
        f"<w:r>{TITLE_RPR}<w:t>yeu</w:t></w:r>"
        '<w:proofErr w:type="spellEnd"/>'
        f'<w:r>{TITLE_RPR}<w:t xml:space="preserve"> }}}}</w:t></w:r>'
    )
    split = (
        "word/document.xml",
        f"<w:r>{TITLE_RPR}<w:t>{{{{ bao_cao.trich_yeu }}}}</w:t></w:r>",
        split_title,
    )
    if only_the_split_tag:
        return edit_docx(base_template(), [split])
    return edit_docx(
        base_template(),
        [
            ("word/header2.xml", "{%p if du_thao %}", "{%p if du_thoa %}"),
            ("word/document.xml", "{{ bao_cao.so_ky_hieu }}", "{{ bao_cao.so_ky_hieu | uper }}"),
            split,
        ],
    )


def test_a_copy_with_three_mistakes_gives_exactly_those_three_findings(tmp_path: Path) -> None:
    report = lint_template(write(tmp_path, _three_mistakes()), demo_config())
    findings = [f for f in report.findings if f.code != "unused-indicator"]
    assert [(f.severity, f.code, f.part, f.where, f.paragraph, f.text) for f in findings] == [
        (
            "error",
            "unknown-filter",
            "word/document.xml",
            "bảng 1, hàng 2, ô 1, đoạn 1",
            9,
            "⟦{{ bao_cao.so_ky_hieu | uper }}⟧",
        ),
        (
            "info",
            "repaired-tag",
            "word/document.xml",
            "thân văn bản, đoạn 3",
            13,
            "⟦{{ bao_cao.trich_yeu }}⟧",
        ),
        (
            "error",
            "unknown-variable",
            "word/header2.xml",
            "đầu trang (header2.xml), đoạn 2",
            2,
            "⟦{%p if du_thoa %}⟧",
        ),
    ]
    assert findings[0].hint == "Có phải ý bạn là «upper»?"
    assert "dấu kiểm tra chính tả" in findings[1].message
    assert findings[2].hint == "Có phải ý bạn là «du_thao»?"
    assert report.exit_code == 1
    text = format_lint_text(report, "mau-sua.docx")
    assert "1. LỖI [template.unknown-filter] bảng 1, hàng 2, ô 1, đoạn 1\n" in text
    assert "3. LỖI [template.unknown-variable] đầu trang (header2.xml), đoạn 2\n" in text


def test_the_three_mistakes_without_a_config() -> None:
    report = lint_bytes(_three_mistakes(), name="mau-sua.docx")
    assert [(f.severity, f.code) for f in report.findings] == [
        ("error", "unknown-filter"),
        ("info", "repaired-tag"),
        ("warning", "unknown-variable"),
    ]


def _render_unit_texts(template: Path) -> list[str]:
    """Every paragraph text of the city report rendered from ``template`` (body, tables,
    headers), as the pipeline renders it — but the page number, a field whose cached value
    LibreOffice rewrites ("2" becomes "0")."""
    import io

    import docx

    config = demo_config()
    dataset = load_dataset(config, None)
    prepared = PreparedTemplate.from_file(
        template, env=make_env(), blocks={BLOCK_NAME: build_body(config)}
    )
    context = ContextBuilder(config, dataset).build(dataset.total)
    document = docx.Document(io.BytesIO(prepared.render(context)))
    texts = document_texts(document, lambda s: (s.header, s.first_page_header))
    return [t for t in texts if t.strip() and not t.strip().isdigit()]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_template_saved_by_libreoffice_still_renders_the_same_text(tmp_path: Path) -> None:
    source = write(tmp_path, _three_mistakes(only_the_split_tag=True), "mau.docx")
    saved = libreoffice_convert(source, "docx", tmp_path / "lo")
    assert saved.read_bytes() != source.read_bytes()
    assert _render_unit_texts(saved) == _render_unit_texts(source)
    report = lint_template(saved, demo_config())
    assert report.errors == []
    # LibreOffice renames the style ids the spliced body refers to; they are found by name
    assert "missing-style" not in report.codes()


def test_context_fields_known_to_lint_are_those_of_the_real_context() -> None:
    config = demo_config()
    dataset = load_dataset(config, None)
    context = ContextBuilder(config, dataset).build(dataset.all_units()[0])
    for name, fields in CONTEXT_FIELDS.items():
        value = context[name.removesuffix("[]")]
        item = value[0] if name.endswith("[]") else value
        assert set(item) == set(fields), name
    row = context["cac_don_vi"][0]
    assert set(row) - set(config.indicators) == {"ten", "don_vi"}
    assert set(context) - set(config.indicators) == TEMPLATE_NAMES
    assert TEMPLATE_NAMES <= CONTEXT_NAMES  # the config loader accepts them in section texts


def test_a_starter_template_from_reportgen_new_lints_clean(tmp_path: Path) -> None:
    from reportgen.authoring.scaffold import create
    from reportgen.config.loader import load_config

    files = create("bao-cao-thu", str(tmp_path))
    report = lint_template(files.template, load_config(files.config))
    assert report.findings == []


def test_lint_of_the_base_template_is_fast() -> None:
    import time

    start = time.perf_counter()
    lint_template(BASE_TEMPLATE, demo_config())
    assert time.perf_counter() - start < 2.0


def test_vietnamese_numbers_in_messages_use_a_decimal_comma() -> None:
    data = edit_docx(
        base_template(), [("word/document.xml", '<w:pgSz w:w="11906"', '<w:pgSz w:w="12240"')]
    )
    (finding,) = lint_bytes(data, name="m.docx").findings
    assert re.search(r"215,9 × 297 mm", finding.message)
