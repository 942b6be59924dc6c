"""Rebuild templates/bao-cao-co-ban.docx from reportgen/authoring/basetemplate.py."""

import sys
from pathlib import Path

# this checkout's package, not an installed one
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.authoring.basetemplate import build_base_template

if __name__ == "__main__":
    out = build_base_template(
        Path(__file__).resolve().parent.parent / "templates" / "bao-cao-co-ban.docx"
    )
    print(f"wrote {out}")
