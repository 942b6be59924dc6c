"""Rebuild templates/bao-cao-co-ban.docx from reportgen/authoring/basetemplate.py."""

from pathlib import Path

from reportgen.authoring.basetemplate import build_base_template

if __name__ == "__main__":
    out = build_base_template(
        Path(__file__).resolve().parent.parent / "templates" / "bao-cao-co-ban.docx"
    )
    print(f"wrote {out}")
