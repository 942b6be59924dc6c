"""Each report-definition option is declared once, on the model field that keeps it: the schema,
the reference page and the loader read that declaration."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reportgen.config import model, spec
from reportgen.config.schema import (
    Bool,
    Context,
    ListOf,
    Str,
    declared_options,
    object_of,
    option,
    values,
)
from reportgen.config.yamlsource import LineMap


@dataclass(frozen=True, kw_only=True)
class _Sample:
    name: str = option(Str(), "Tên.", required=True, example="A")
    tags: tuple[str, ...] = option(ListOf(Str(), single_ok=True), "Nhãn.", default=[])
    shown: bool = option(Bool(), "In ra.", default=True)
    note_text: str | None = option(Str(), "Ghi chú.", key="note")
    derived: int = 0


SAMPLE = object_of(_Sample, name="sample", doc="Một mẫu.")


def _convert(raw: dict[str, object]) -> tuple[dict[str, object], Context]:
    ctx = Context(LineMap("mau.yaml"))
    return SAMPLE.convert(raw, ("sample",), ctx), ctx


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"name": "A"}, _Sample(name="A")),
        ({"name": "A", "tags": "x"}, _Sample(name="A", tags=("x",))),
        (
            {"name": "A", "tags": ["x", "y"], "shown": False},
            _Sample(name="A", tags=("x", "y"), shown=False),
        ),
        ({"name": "A", "note": "n"}, _Sample(name="A", note_text="n")),
    ],
    ids=["defaults", "single-item-list", "list-and-bool", "yaml-key-differs"],
)
def test_an_option_declared_on_the_field_is_checked_and_loaded_without_other_code(
    raw: dict[str, object], expected: _Sample
) -> None:
    converted, ctx = _convert(raw)
    assert ctx.errors == []
    assert _Sample(**values(_Sample, converted)) == expected


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ({"other": "A"}, ['khóa "other" không được hỗ trợ', 'thiếu khóa bắt buộc "name"']),
        ({"nmae": "A"}, ['khóa "nmae" không được hỗ trợ']),
    ],
    ids=["unknown-key-and-missing", "misspelt-required-key-said-once"],
)
def test_required_and_unknown_keys_are_reported_from_the_declaration(
    raw: dict[str, object], said: list[str]
) -> None:
    _, ctx = _convert(raw)
    messages = [e.message for e in ctx.errors]
    assert len(messages) == len(said), messages
    for part in said:
        assert any(part in m for m in messages), messages
    assert all("name" in (e.hint or "") for e in ctx.errors if "nmae" in e.message)


def test_the_loader_keeps_what_it_works_out_itself() -> None:
    converted, _ = _convert({"name": "A"})
    assert _Sample(**values(_Sample, converted, derived=3)).derived == 3


@pytest.mark.parametrize(
    ("cls", "obj"),
    [
        (model.Indicator, model.INDICATOR),
        (model.Table, model.TABLE),
        (model.Section, model.SECTION),
        (model.Party, model.ISSUER),
        (model.Signer, model.SIGNER),
        (model.DataSource, model.DATA),
        (model.WorkbookLayout, model.WORKBOOK),
        (model.Previous, model.PREVIOUS),
        (model.LegalBasis, model.LEGAL_BASIS),
        (model.Level, model.LEVEL),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_every_key_of_the_schema_is_a_field_of_the_model(cls: type, obj: object) -> None:
    assert list(obj.fields) == [key for _, key, _ in declared_options(cls)]  # type: ignore[attr-defined]


def test_the_root_holds_the_report_group_the_model_fields_and_lint() -> None:
    top = [key for _, key, _ in declared_options(model.ReportConfig)]
    assert list(spec.ROOT.fields) == ["report", *top, "lint"]
    assert list(spec.REPORT.fields) == [
        key for _, key, _ in declared_options(model.ReportConfig, "report")
    ]


def test_every_config_code_the_loader_reports_is_in_the_catalog() -> None:
    import re
    from pathlib import Path

    from reportgen.diagnostics import catalog

    root = Path(__file__).resolve().parents[2] / "reportgen" / "config"
    used = {
        m
        for f in root.glob("*.py")
        for m in re.findall(r'report\(\s*"(config\.[a-z-]+)"', f.read_text(encoding="utf-8"))
    }
    assert used and used <= set(catalog.messages()), used - set(catalog.messages())


def test_a_wrong_value_carries_what_was_expected_and_what_was_found() -> None:
    _, ctx = _convert({"name": "A", "shown": "có"})
    (error,) = ctx.errors
    (d,) = error.diagnostics()
    assert d.code == "config.wrong-value"
    assert d.expected == "true hoặc false" and d.found == "có"
    assert d.message == 'cần true hoặc false, nhưng gặp "có"'
