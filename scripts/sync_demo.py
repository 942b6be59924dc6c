"""Copy the repository's sample project into the package (reportgen/resources/demo/)."""

import shutil
import sys
from pathlib import Path

# this checkout's package, not an installed one
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.resources import DEMO, DEMO_FILES

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    for rel in DEMO_FILES:
        dst = DEMO / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, dst)
        print(f"{rel} → {dst.relative_to(ROOT)}")
