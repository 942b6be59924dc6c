"""Files shipped inside the package: the demo projects and the base template.

``reportgen/resources/demo/`` mirrors the repository's ``configs/``, ``inputs/`` and
``templates/`` (kept byte-identical by ``scripts/sync_demo.py`` and a test), so that
``reportgen demo`` works from an installed package with nothing else.

Three report kinds are bundled (``reportgen demo --report NAME``): the year's report on poverty
reduction, the six-month progress report and next year's plan with targets per ward.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
DEMO = RESOURCES / "demo"

#: Bundled report kinds: short name → (report definition, what it is, in Vietnamese).
REPORTS: dict[str, tuple[str, str]] = {
    "giam-ngheo": (
        "configs/giam-ngheo-2024.yaml",
        "báo cáo kết quả giảm nghèo năm 2024 của thành phố và 12 phường, xã",
    ),
    "so-ket-6-thang": (
        "configs/so-ket-6-thang-2024.yaml",
        "báo cáo sơ kết công tác giảm nghèo 6 tháng đầu năm 2024",
    ),
    "ke-hoach": (
        "configs/ke-hoach-giam-ngheo-2025.yaml",
        "kế hoạch giảm nghèo năm 2025, chỉ tiêu giao từng phường, xã",
    ),
}
DEFAULT_REPORT = "giam-ngheo"

DEMO_FILES = (
    "configs/giam-ngheo-2024.yaml",
    "inputs/giam-ngheo-2024.csv",
    "inputs/giam-ngheo-2023.csv",
    "inputs/giam-ngheo-2024-thon.csv",
    "inputs/giam-ngheo-2024-bieu-mau.xlsx",
    "templates/bao-cao-co-ban.docx",
    "configs/so-ket-6-thang-2024.yaml",
    "inputs/so-ket-6-thang-2024.csv",
    "configs/ke-hoach-giam-ngheo-2025.yaml",
    "inputs/ke-hoach-giam-ngheo-2025.csv",
)


def demo_config(report: str = DEFAULT_REPORT) -> Path:
    """Path of a bundled sample report definition (``report``: a name of :data:`REPORTS`)."""
    return DEMO / REPORTS[report][0]


def base_template() -> Path:
    """Path of the bundled base template (templates/bao-cao-co-ban.docx)."""
    return DEMO / "templates" / "bao-cao-co-ban.docx"
