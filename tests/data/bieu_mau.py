"""Build workbooks shaped like the ones wards send in (biểu mẫu), with openpyxl.

Title lines, a two-row merged header, an STT column, a numbering row "A B (1) (2) …", a total row
and group rows, notes and a signature under the table — the parts a reader must find or skip.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import yaml

from tests.fixtures.projects import write_project

# (name, total households, poor at start, poor at end, near-poor at end)
UNITS = [
    ("Phường Trần Phú", 4558, 51, 45, 87),
    ("Phường Ngô Quyền", 5492, 70, 59, 63),
    ("Phường Lê Lợi", 6158, 79, 66, 121),
    ("Xã Đồng Sơn", 2298, 61, 40, 75),
    ("Xã Song Mai", 2950, 88, 70, 90),
]
WARDS, COMMUNES = UNITS[:3], UNITS[3:]

INDICATORS: dict[str, Any] = {
    "tong_so_ho": {"label": "Tổng số hộ", "unit": "hộ", "column": "tong_so_ho"},
    "ho_ngheo_dau_ky": {"label": "Hộ nghèo đầu năm", "unit": "hộ", "column": "ho_ngheo_dau_ky"},
    "ho_ngheo_cuoi_ky": {
        "label": "Hộ nghèo cuối năm",
        "unit": "hộ",
        "column": "ho_ngheo_cuoi_ky",
    },
    "ho_can_ngheo_cuoi_ky": {
        "label": "Hộ cận nghèo cuối năm",
        "unit": "hộ",
        "column": "ho_can_ngheo_cuoi_ky",
    },
    "ty_le_ho_ngheo": {
        "label": "Tỷ lệ hộ nghèo",
        "unit": "%",
        "column": "ty_le_ho_ngheo",
        "total_formula": "ho_ngheo_cuoi_ky / tong_so_ho * 100",
    },
}
COLUMNS = {
    "tong_so_ho": "Tổng số hộ",
    "ho_ngheo_dau_ky": "Hộ nghèo › Đầu năm",
    "ho_ngheo_cuoi_ky": "Hộ nghèo › Cuối năm",
    "ho_can_ngheo_cuoi_ky": "Hộ cận nghèo › Cuối năm",
    "ty_le_ho_ngheo": "Hộ nghèo › Tỷ lệ (%)",
}


def rate(poor: int, total: int) -> float:
    """The stated rate, rounded half-up to 2 decimals."""
    from decimal import ROUND_HALF_UP, Decimal

    return float((Decimal(poor) / total * 100).quantize(Decimal("0.01"), ROUND_HALF_UP))


def _figures(units: Sequence[tuple[str, int, int, int, int]]) -> list[int]:
    return [sum(u[i] for u in units) for i in range(1, 5)]


def write_bieu_mau(
    path: Path,
    *,
    groups: bool = True,
    total: bool = True,
    footer: bool = True,
    numbering: bool = True,
    units: Sequence[tuple[str, int, int, int, int]] = UNITS,
    closing: bool = False,
) -> openpyxl.Workbook:
    """Biểu 01 on one sheet: rows 1–2 title, 4–5 header (merged), 6 numbering, then the table.

    Columns: A STT, B Tên đơn vị, C Tổng số hộ, D–F Hộ nghèo (Đầu năm, Cuối năm, Tỷ lệ (%)),
    G–H Hộ cận nghèo (Đầu năm, Cuối năm), I Ghi chú. G "Đầu năm" is left empty (not mapped).

    With ``closing``, each group is a heading without figures ("I" "Các phường"), its units and
    a "Cộng" row under them, and "Tổng cộng" ends the table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws["A1"] = "UBND THÀNH PHỐ HÒA AN"
    ws.merge_cells("A2:I2")
    ws["A2"] = "BIỂU 01. KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"
    for cell, text in {
        "A4": "STT",
        "B4": "Tên đơn vị",
        "C4": "Tổng số hộ",
        "D4": "Hộ nghèo",
        "G4": "Hộ cận nghèo",
        "I4": "Ghi chú",
        "D5": "Đầu năm",
        "E5": "Cuối năm",
        "F5": "Tỷ lệ (%)",
        "G5": "Đầu năm",
        "H5": "Cuối năm",
    }.items():
        ws[cell] = text
    for rng in ("A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:H4", "I4:I5"):
        ws.merge_cells(rng)
    r = 6
    if numbering:
        for c, label in enumerate(["A", "B", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"], 1):
            ws.cell(r, c, label)
        r += 1

    def put(stt: object, name: str, figures: Sequence[int]) -> None:
        nonlocal r
        total_h, start, end, near = figures
        ws.cell(r, 1, stt)
        ws.cell(r, 2, name)
        ws.cell(r, 3, total_h)
        ws.cell(r, 4, start)
        ws.cell(r, 5, end)
        ws.cell(r, 6, rate(end, total_h))
        ws.cell(r, 8, near)
        r += 1

    if total and not closing:
        put("", "Tổng cộng", _figures(units))
    wards = [u for u in units if u[0].startswith("Phường")]
    communes = [u for u in units if not u[0].startswith("Phường")]
    n = 1
    for roman, label, block in (("I", "Khối phường", wards), ("II", "Khối xã", communes)):
        if groups and closing:
            ws.cell(r, 1, roman)
            ws.cell(r, 2, "Các phường" if roman == "I" else "Các xã")
            r += 1
        elif groups:
            put(roman, label, _figures(block))
        for u in block:
            put(n, u[0], u[1:])
            n += 1
        if groups and closing:
            put("", "Cộng", _figures(block))
    if total and closing:
        put("", "Tổng cộng", _figures(units))
    if footer:
        r += 1
        ws.cell(r, 1, "Ghi chú: số liệu theo kết quả rà soát cuối năm 2024.")
        ws.cell(r + 2, 6, "Hòa An, ngày 15 tháng 12 năm 2024")
        ws.cell(r + 3, 2, "NGƯỜI LẬP BIỂU")
        ws.cell(r + 3, 6, "CHỦ TỊCH")
        ws.cell(r + 6, 2, "Nguyễn Thị Hoa")
        ws.cell(r + 6, 6, "Trần Văn Bình")
    wb.save(path)
    return wb


def project(
    tmp: Path, *, workbook: dict[str, Any] | None = None, file: str = "bieu-mau.xlsx", **data: Any
) -> Path:
    """A report project whose data is ``inputs/<file>``, read with ``data.workbook``."""
    config = write_project(
        tmp,
        indicators=INDICATORS,
        checks=[
            {
                "check": "percentage",
                "value": "ty_le_ho_ngheo",
                "part": "ho_ngheo_cuoi_ky",
                "total": "tong_so_ho",
            }
        ],
        rows=[{"don_vi": "x"}],
        data={"file": f"../inputs/{file}", **data},
    )
    if workbook is not None:
        doc = yaml.safe_load(config.read_text(encoding="utf-8"))
        doc["data"]["workbook"] = workbook
        config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return config
