"""Lists of figures with their phrases: ``liet_ke``, ``gom``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.templating.figure import Figure
from reportgen.templating.filters._registry import template_filter
from reportgen.templating.filters._values import (
    amount_text,
    as_printed,
    number,
)
from reportgen.vnformat import (
    format_number,
)


def _phrase(value: Any) -> str:
    return value.meta.phrase if isinstance(value, Figure) else ""


def _item(value: Any) -> str:
    text = value.text() if isinstance(value, Figure) else format_number(number(value) or 0)
    return f"{text} {_phrase(value)}".strip()


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def _parts(values: Any) -> list[Any]:
    items = list(values) if isinstance(values, list | tuple) else [values]
    for v in items:
        if number(v) is None:
            label = str(getattr(v, "label", ""))
            raise ValueError(catalog.text("template.filter-missing-figure", label=label).strip())
    return items


@template_filter(
    "liet_ke",
    "liệt kê các số khác 0 với cụm từ của chỉ tiêu (phrase), bỏ số 0; hết thì in none",
    "list_nonzero",
)
def liet_ke(values: Any, none: str | None = None) -> str:
    """List the non-zero figures with their phrases, zero ones dropped: ``{{ [phat_sinh_moi,
    tai_ngheo] | liet_ke }}`` → ``4 hộ phát sinh mới và 2 hộ tái nghèo``; all zero → ``none``,
    or the indicator's ``none`` (``không có hộ tái nghèo``)."""
    items = _parts(values)
    shown = [v for v in items if as_printed(v) != 0]
    if shown:
        return _join([_item(v) for v in shown])
    if none is not None:
        return none
    declared = [v.meta.none_text for v in items if isinstance(v, Figure) and v.meta.none_text]
    if len(declared) == len(items):
        return _join(declared) if len(items) == 1 else "; ".join(declared)
    return "không có " + " hoặc ".join(_phrase(v) for v in items)


@template_filter(
    "gom",
    "tổng trước, các phần sau: tăng 7 hộ, gồm: 4 hộ phát sinh mới và 3 hộ tái nghèo",
    "total_of",
)
def gom(values: Any, verb: str = "", none: str | None = None) -> str:
    """A total before its parts: ``{{ [phat_sinh_moi, tai_ngheo] | gom('tăng') }}`` → ``tăng 7
    hộ, gồm: 4 hộ phát sinh mới và 3 hộ tái nghèo``; one part → ``tăng 4 hộ (hộ phát sinh
    mới)``; nothing → ``none`` or ``không có hộ tăng``."""
    items = _parts(values)
    shown = [v for v in items if as_printed(v) != 0]
    total = sum((as_printed(v) or Decimal(0) for v in items), Decimal(0))
    lead = f"{verb} " if verb else ""
    if not shown:
        unit = items[0].meta.unit if items and isinstance(items[0], Figure) else ""
        return none if none is not None else f"không có {unit} {verb}".replace("  ", " ").strip()
    head = f"{lead}{amount_text(items[0], total)}"
    if len(shown) == 1:
        return f"{head} ({_phrase(shown[0])})"
    return f"{head}, gồm: {liet_ke(shown)}"
