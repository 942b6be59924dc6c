"""Compile reportgen/locale/*/LC_MESSAGES/*.po to .mo (the command-line framework's words in
Vietnamese). Run after editing a .po file:

    python scripts/build_locale.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "reportgen" / "locale"


def compile_po(po: Path) -> bytes:
    """The .mo bytes of ``po``."""
    with po.open("rb") as fh:
        catalog = read_po(fh)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def main() -> int:
    for po in sorted(ROOT.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po))
        print(f"{po} -> {mo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
