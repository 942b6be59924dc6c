"""Write docs/config-reference.md from the schema in reportgen/config/model.py (each option declared on its field).

python scripts/gen_config_docs.py          # write the page
python scripts/gen_config_docs.py --check  # exit 1 if the page is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# this checkout's package, not an installed one
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.config.docs import render_reference

PAGE = Path(__file__).resolve().parent.parent / "docs" / "config-reference.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 when the page differs from the schema",
    )
    args = parser.parse_args(argv)
    text = render_reference()
    current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    if args.check:
        if current != text:
            print(f"{PAGE} is out of date: run python scripts/gen_config_docs.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        PAGE.write_text(text, encoding="utf-8")
        print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
