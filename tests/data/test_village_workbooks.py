"""The village file (``data.villages``) may be a workbook of any kind a clerk saves: .xlsx,
.xls (Excel 97-2003) or .ods (LibreOffice), read to the same figures as its CSV."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.app import pipeline
from tests.helpers import SOFFICE, libreoffice_convert, sample_project

VILLAGE_FILE = "inputs/giam-ngheo-2024-thon.csv"


def _as_xlsx(csv_path: Path, out: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Thôn"
    with csv_path.open(encoding="utf-8-sig") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter=";")):
            cells: list[object] = []
            for value in row:
                plain = value.replace(".", "").replace(",", ".")
                is_number = n > 0 and plain.replace(".", "", 1).isdigit()
                cells.append(Decimal(plain) if is_number else value)
            sheet.append([float(c) if isinstance(c, Decimal) else c for c in cells])
    book.save(out)
    return out


def _figures(config: Path) -> dict[str, list[tuple[str, dict[str, object]]]]:
    _, dataset = pipeline.load(config)
    return {
        ward: [(v.name, dict(v.values)) for v in villages]
        for ward, villages in dataset.villages.items()
    }


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is needed to save .xls and .ods")
@pytest.mark.parametrize("kind", ["xls:MS Excel 97", "ods"], ids=["xls", "ods"])
def test_a_village_workbook_gives_the_figures_of_its_csv(tmp_path: Path, kind: str) -> None:
    config = sample_project(tmp_path / "p")
    root = config.parent.parent
    expected = _figures(config)
    assert expected, "the sample has village figures"
    xlsx = _as_xlsx(root / VILLAGE_FILE, tmp_path / "thon.xlsx")
    converted = libreoffice_convert(xlsx, kind, tmp_path)
    target = root / "inputs" / f"thon{converted.suffix}"
    converted.replace(target)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("giam-ngheo-2024-thon.csv", target.name), encoding="utf-8")
    assert _figures(config) == expected
