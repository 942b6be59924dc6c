"""Each check kind is declared once, in its own file: the schema, the reference page and the
registry all read that declaration."""

from __future__ import annotations

from reportgen.config.docs import render_reference
from reportgen.config.fieldtypes import CHECKS
from reportgen.validate.base import CheckKind, Prepared
from reportgen.validate.checks import REGISTRY
from reportgen.validate.kinds import declared


def test_every_kind_file_is_registered_in_the_schema_and_the_docs() -> None:
    kinds = declared()
    assert [k.name for k in kinds][:3] == ["sum", "percentage", "change"]
    page = render_reference()
    for kind in kinds:
        assert isinstance(kind, CheckKind)
        assert REGISTRY[kind.name] is kind.prepare
        obj = CHECKS[kind.name]
        assert obj.doc == kind.doc
        assert set(kind.fields) <= set(obj.fields)
        assert {"check", "severity", "units", "label"} <= set(obj.fields)
        assert kind.doc in page


def test_a_declared_kind_prepares_a_check_that_can_reason(tmp_path: object) -> None:
    for kind in declared():
        prepared = kind.prepare.__mro__ if isinstance(kind.prepare, type) else ()
        assert Prepared in prepared, kind.name
