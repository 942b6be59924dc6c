"""Typed report definition: what the YAML becomes after validation.

Everything here is plain, immutable data; numbers are ``Decimal``; formulas are compiled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from reportgen.compute.formula import Formula

Kind = Literal["count", "money", "percent", "number", "text"]
TotalMode = Literal["sum", "formula", "none"]


@dataclass(frozen=True)
class Indicator:
    """One figure of the report (chỉ tiêu): where its value comes from and how it is shown."""

    id: str
    label: str
    unit: str
    kind: Kind
    decimals: int | None
    column: str | None
    formula: Formula | None
    total: TotalMode
    total_formula: Formula | None
    money_unit: str | None
    rounded: bool
    optional: bool
    description: str | None = None
    # --- findings and reasoning (validate) ---
    uncomputable: str | None = None
    """What the report says when the formula cannot be computed for a unit (e.g. "không
    có"); None: an uncomputable figure is an error of that unit."""
    # -- wording (reportgen.config.wording) --
    text_decimals: Literal["fixed", "trim"] = "fixed"
    phrase: str | None = None
    none_text: str | None = None
    levels: tuple[Level, ...] = ()

    @cached_property
    def tolerance(self) -> Decimal:
        """Half a unit of the last stated decimal when the figure is rounded to ``decimals``,
        else 0. (A rounded figure without ``decimals`` is as precise as its own digits: see
        :meth:`tolerance_of`.)"""
        if not self.rounded or self.decimals is None:
            return Decimal(0)
        return Decimal(5).scaleb(-self.decimals - 1)

    def tolerance_of(self, value: Decimal) -> Decimal:
        """How far the true figure behind the stated ``value`` may be: half a unit of its last
        decimal when the figure is rounded (``802,8`` triệu đồng → 0,05), else 0."""
        if not self.rounded:
            return Decimal(0)
        if self.decimals is not None:
            return self.tolerance
        exp = value.as_tuple().exponent
        return Decimal(5).scaleb(exp - 1) if isinstance(exp, int) else Decimal(0)


@dataclass(frozen=True)
class Level:
    """An evaluation phrase chosen by a threshold: ``text`` when the figure (as printed) is at
    least ``min`` and at most ``max`` (either may be absent)."""

    text: str
    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True)
class LegalBasis:
    """A document cited as a legal basis (căn cứ) or as what the report carries out."""

    type: str
    code: str
    date: date | None
    issuer: str | None
    subject: str | None


@dataclass(frozen=True)
class Party:
    """The issuing agency block of the header (cơ quan chủ quản / cơ quan ban hành)."""

    parent: str | None
    name: str
    code: str
    storage_code: str | None
    # -- layout (reportgen.config.wording) --
    place: str | None = None
    office: bool | None = None


@dataclass(frozen=True)
class Signer:
    """The signature block: authority (TM./KT./Q.…), title and name."""

    authority: str | None
    title: str
    name: str
    # -- layout (reportgen.config.wording) --
    role: str | None = None
    collective: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a section: Jinja text over the indicators, shown when ``when`` holds."""

    text: str
    when: str | None
    style: str | None


@dataclass(frozen=True)
class Table:
    """A table of indicators, one row per unit and a total row."""

    title: str | None
    columns: tuple[str, ...]
    total_row: bool
    total_label: str
    show: Literal["all", "city", "unit"]
    first_column: str
    unit_label: str
    # -- layout (reportgen.config.wording) --
    rows: tuple[str, ...] = ()
    unit_line: str | None = None
    column_numbers: bool = False
    compare_total: bool = False


@dataclass(frozen=True)
class Section:
    """A heading with its paragraphs, optional table and sub-sections."""

    heading: str
    paragraphs: tuple[Paragraph, ...]
    table: Table | None
    sections: tuple[Section, ...]
    when: str | None


@dataclass(frozen=True)
class Previous:
    """The previous period's data file, for continuity checks."""

    file: Path
    sheet: str | None
    unit_column: str
    locale: str
    label: str | None


# --- data.workbook: reading clerks' own workbooks -----------------------------------------------


@dataclass(frozen=True)
class WorkbookLayout:
    """How to read a clerk's workbook (``data.workbook``): sheets joined by unit name, the
    header and table rows when declared, column mapping, and the group/subtotal rows."""

    sheets: tuple[str, ...] = ()
    unit_column: str | None = None
    header_rows: tuple[int, int] | None = None
    first_row: int | None = None
    last_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)
    groups: tuple[str, ...] = ()
    line: int | None = None
    """The line of ``data.workbook`` in the YAML (for messages)."""


# --- end data.workbook ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSource:
    """Where the figures come from: the file, its unit column, the whole-city row, the locale."""

    file: Path
    sheet: str | None
    unit_column: str
    kind_column: str | None
    total_row: str | None
    total_name: str
    locale: str
    separator: str | None
    header_row: int | None
    period: str | None
    previous: Previous | None
    # --- findings and reasoning (validate) ---
    city_only: bool = False
    """One row for the whole city (or province) and no wards."""
    workbook: WorkbookLayout = field(default_factory=WorkbookLayout)  # data.workbook


@dataclass(frozen=True)
class Check:
    """A declared check: its kind (registered name), arguments and severity."""

    kind: str
    args: dict[str, Any]
    severity: Literal["error", "warning"]
    units: tuple[str, ...] | None
    label: str | None
    line: int | None
    key: str


@dataclass(frozen=True)
class ReportConfig:
    """A validated report definition."""

    path: Path
    id: str
    type: str
    title: str
    template: Path
    number: int | None
    date: date
    place: str
    issuer: Party
    unit_issuer: Party | None
    signer: Signer
    unit_signer: Signer | None
    recipients: tuple[str, ...]
    unit_recipients: tuple[str, ...] | None
    legal_bases: tuple[LegalBasis, ...]
    basis_style: Literal["can_cu", "thuc_hien", "none"]
    opening: str | None
    sections: tuple[Section, ...]
    closing: str | None
    data: DataSource
    indicators: dict[str, Indicator]
    checks: tuple[Check, ...]
    texts: dict[str, str] = field(default_factory=dict)

    def indicator_order(self) -> list[str]:
        """Indicator ids in an order where every formula comes after what it reads."""
        return _topological(
            {
                i: ind.formula.names if ind.formula is not None else frozenset()
                for i, ind in self.indicators.items()
            }
        )

    def total_order(self) -> list[str]:
        """Indicator ids in an order where every whole-city formula (``total_formula``, or
        ``formula`` with ``total: formula``) comes after what it reads."""
        deps: dict[str, frozenset[str]] = {}
        for i, ind in self.indicators.items():
            f = ind.total_formula or ind.formula
            deps[i] = f.names if ind.total == "formula" and f is not None else frozenset()
        return _topological(deps)


def _topological(deps: dict[str, frozenset[str]]) -> list[str]:
    """Ids ordered so that each comes after its dependencies (declaration order otherwise).
    The loader has already refused cycles; a cycle here is simply cut."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(i: str) -> None:
        if i in seen:
            return
        seen.add(i)
        for n in sorted(deps.get(i, ())):
            if n in deps:
                visit(n)
        order.append(i)

    for i in deps:
        visit(i)
    return order
