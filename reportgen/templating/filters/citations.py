"""Citations of legal bases: ``trich_dan``, ``trich_dan_ngan``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportgen.templating.filters._registry import template_filter


@template_filter("trich_dan", "trích dẫn đầy đủ một căn cứ", "cite")
def _cite(basis: Any) -> str:
    """Full citation of a legal basis: ``{{ can_cu[0] | trich_dan }}``."""
    return str(basis["day_du"] if isinstance(basis, Mapping) else basis)


@template_filter("trich_dan_ngan", "trích dẫn ngắn một căn cứ (loại và số)", "cite_short")
def _cite_short(basis: Any) -> str:
    """Short citation (type and number): ``{{ can_cu[0] | trich_dan_ngan }}``."""
    return str(basis["ngan"] if isinstance(basis, Mapping) else basis)
