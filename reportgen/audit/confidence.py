"""How sure a finding is: a direct contradiction, a probable one, or a matter of style."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from reportgen.diagnostics.model import Severity

Confidence = Literal["direct", "probable", "style"]
"""``direct``: the document contradicts itself (the words say another amount, the parts do not
add up); ``probable``: very likely wrong, but the reading relied on an inference (which figure
is the base of a share); ``style``: the figure is readable but not written as it should be."""

CONFIDENCES: tuple[Confidence, ...] = ("direct", "probable", "style")

CONFIDENCE_VI: Mapping[str, str] = {
    "direct": "mâu thuẫn trực tiếp",
    "probable": "có thể sai",
    "style": "cách viết",
}

SEVERITY_OF: Mapping[str, Severity] = {"direct": "error", "probable": "warning", "style": "info"}

RANK: Mapping[str, int] = {"direct": 0, "probable": 1, "style": 2}
