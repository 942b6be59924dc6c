"""Unit names as clerks abbreviate them: ``P. Trần Phú``, ``X.Đồng Sơn``, ``TT. Nếnh`` …"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "p": "Phường",
    "x": "Xã",
    "tt": "Thị trấn",
    "q": "Quận",
    "h": "Huyện",
    "tp": "Thành phố",
    "tx": "Thị xã",
}
_ABBREVIATED = re.compile(r"(TP|TX|TT|P|X|Q|H)(?:\.\s*|\s+(?=[A-ZĐÀ-Ỹ]))(?=\S)", re.IGNORECASE)


def expand_unit_name(name: str) -> str:
    """Write out the usual abbreviation in front of a unit name: ``P. Trần Phú`` → ``Phường Trần
    Phú``, ``X.Đồng Sơn`` → ``Xã Đồng Sơn``, ``TT. Nếnh`` → ``Thị trấn Nếnh`` (also TP., TX.,
    Q., H.). A name without one is returned unchanged."""
    m = _ABBREVIATED.match(name)
    if m is None:
        return name
    word = m.group(1)
    if "." not in m.group(0) and len(word) == 1:
        return name  # "P Trần Phú" is too unsure; only "P." is expanded
    return f"{_ABBREVIATIONS[word.lower()]} {name[m.end() :]}"
