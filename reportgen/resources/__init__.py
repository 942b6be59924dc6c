"""Files shipped inside the package: the demo project and the base template.

``reportgen/resources/demo/`` mirrors the repository's ``configs/``, ``inputs/`` and
``templates/`` (kept byte-identical by ``scripts/sync_demo.py`` and a test), so that
``reportgen demo`` works from an installed package with nothing else.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
DEMO = RESOURCES / "demo"
DEMO_FILES = (
    "configs/giam-ngheo-2024.yaml",
    "inputs/giam-ngheo-2024.csv",
    "inputs/giam-ngheo-2023.csv",
    "inputs/giam-ngheo-2024-bieu-mau.xlsx",
    "templates/bao-cao-co-ban.docx",
)


def demo_config() -> Path:
    """Path of the bundled sample report definition."""
    return DEMO / "configs" / "giam-ngheo-2024.yaml"


def base_template() -> Path:
    """Path of the bundled base template (templates/bao-cao-co-ban.docx)."""
    return DEMO / "templates" / "bao-cao-co-ban.docx"
