"""Option types shared by the report definition's model and the check kinds: indicator ids,
the check kinds' schemas (each kind declared once in ``reportgen.validate.kinds``) and the
``lint`` options the typed model does not keep (``reportgen lint`` reads them from the YAML).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from reportgen.config.schema import (
    MISSING,
    Choice,
    Context,
    Field,
    ListOf,
    Obj,
    Spec,
    Str,
    did_you_mean,
)
from reportgen.config.yamlsource import KeyPath
from reportgen.diagnostics import catalog

ID = Str(
    pattern=r"[a-z_][a-z0-9_]*", pattern_doc="mã chỉ tiêu viết thường không dấu (ví dụ ho_ngheo)"
)
IDS = ListOf(ID, single_ok=True, min_items=1)
REPORT_ID = Str(
    pattern=r"[a-z0-9][a-z0-9-]*",
    pattern_doc="mã báo cáo viết thường, không dấu, nối bằng dấu gạch ngang "
    "(ví dụ giam-ngheo-2024)",
)
SEVERITY = Choice(choices=("error", "warning"))


class _CheckKinds(Mapping[str, Obj]):
    """The check kinds' schemas by name. Each kind is declared once — arguments, computation,
    message, documentation — in its own module of ``reportgen.validate.kinds``; that package is
    read on first use (by name: the configuration layer does not import the checks)."""

    def __init__(self) -> None:
        self._names: tuple[str, ...] | None = None
        self._objs: dict[str, Obj] | None = None

    def names(self) -> tuple[str, ...]:
        """The kinds' names in documentation order."""
        if self._names is None:
            self._load()
        assert self._names is not None
        return self._names

    def _load(self) -> dict[str, Obj]:
        if self._objs is None:
            kinds = importlib.import_module("reportgen.validate.kinds").declared()
            self._names = tuple(k.name for k in kinds)
            self._objs = {
                k.name: Obj(
                    name=k.name, doc=k.doc, fields=check_fields(**k.fields), validate=k.validate
                )
                for k in kinds
            }
        return self._objs

    def __getitem__(self, name: str) -> Obj:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


CHECKS = _CheckKinds()
_CHECK_NAMES = CHECKS


def check_fields(**extra: Field) -> dict[str, Field]:
    """Return the options every check has plus ``extra``."""
    common = {
        "check": Field(
            Str(pattern_doc="tên một loại kiểm tra"),
            "Tên loại kiểm tra: " + ", ".join(CHECKS.names()) + ".",
            required=True,
        ),
        "severity": Field(
            SEVERITY, "Mức độ: error (chặn ký ban hành) hoặc warning (nhắc nhở).", default="error"
        ),
        "units": Field(
            ListOf(Str(), single_ok=True),
            "Chỉ kiểm tra các đơn vị này (mặc định: mọi đơn vị và toàn thành phố).",
        ),
        "label": Field(Str(), "Tên ngắn của phép kiểm tra, in trong thông báo."),
    }
    return {**common, **extra}


class CheckItem(Spec):
    """A check: ``check: <name>`` chooses which arguments are allowed."""

    def describe(self) -> str:
        return "một phép kiểm tra có khóa `check`"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("check"), str):
            ctx.expected(
                path,
                catalog.text("config.check-item"),
                value,
                catalog.text("config.check-kinds", kinds=", ".join(CHECKS)),
            )
            return MISSING
        name = value["check"].strip()
        if name not in CHECKS:
            guess = did_you_mean(name, CHECKS)
            ctx.report(
                "config.unknown-check",
                (*path, "check"),
                hint=catalog.text("config.did-you-mean", name=guess)
                if guess
                else catalog.text("config.check-kinds", kinds=", ".join(CHECKS)),
                name=name,
            )
            return MISSING
        return CHECKS[name].convert(value, path, ctx)


ACKNOWLEDGEMENT = Obj(
    name="acknowledge",
    doc="Một cảnh báo của `reportgen lint` đã được xem và chấp nhận có chủ ý.",
    fields={
        "code": Field(
            Str(),
            "Mã cảnh báo, ví dụ `template.page-setup` (in trong ngoặc vuông ở mỗi cảnh báo).",
            required=True,
        ),
        "reason": Field(Str(), "Lý do chấp nhận, ví dụ `phụ lục khổ ngang`.", required=True),
    },
)
LINT = Obj(
    name="lint",
    doc="Kiểm tra mẫu Word (`reportgen lint`): các cảnh báo đã chấp nhận, mỗi cảnh báo kèm lý "
    "do; chúng được in thành ghi chú và không làm mã thoát thành 1.",
    fields={
        "acknowledge": Field(
            ListOf(ACKNOWLEDGEMENT),
            "Các cảnh báo đã chấp nhận, mỗi mục có code và reason.",
            default=[],
        ),
    },
)
