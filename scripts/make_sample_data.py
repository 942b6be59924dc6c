"""Generate the bundled SAMPLE data (invented figures, not real statistics).

The figures are built so that every check of configs/giam-ngheo-2024.yaml passes: the movement of
poor households adds up, stated rates are the rounded ratios, money parts add up to their totals.
Run: python scripts/make_sample_data.py  (writes inputs/giam-ngheo-2023.csv and -2024.csv — the
2024 file ends with the whole-city row "Tổng cộng", as clerks' forms do — and the same 2024
figures as a clerk's workbook, inputs/giam-ngheo-2024-bieu-mau.xlsx: two sheets
with title lines, merged multi-row headers, an STT column, a numbering row, total and group rows,
notes and a signature, read by the demo definition's ``data.workbook`` block).
"""

from __future__ import annotations

import csv
import random
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

UNITS = [
    ("Phường Trần Phú", "Phường", "Nguyễn Văn Hùng"),
    ("Phường Ngô Quyền", "Phường", "Trần Thị Lan"),
    ("Phường Hoàng Văn Thụ", "Phường", "Lê Minh Tuấn"),
    ("Phường Lê Lợi", "Phường", "Phạm Quốc Huy"),
    ("Phường Hòa Bình", "Phường", "Đỗ Thị Hạnh"),
    ("Phường Thọ Xương", "Phường", "Vũ Đức Thắng"),
    ("Phường Mỹ Độ", "Phường", "Hoàng Văn Nam"),
    ("Xã Song Mai", "Xã", "Ngô Thị Thu"),
    ("Xã Đồng Sơn", "Xã", "Bùi Văn Lực"),
    ("Xã Tân Mỹ", "Xã", "Đặng Thị Mai"),
    ("Xã Dĩnh Trì", "Xã", "Lý Văn Khánh"),
    ("Xã Tân Tiến", "Xã", "Trịnh Thị Hoa"),
]


def r2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def vi(x: Decimal | int) -> str:
    """Vietnamese-style number text as clerks type it (1.013 / 2,35)."""
    d = Decimal(x)
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole, _, frac = f"{d:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + (f",{frac}" if frac else "")


#: funding sources of the support money (kinh phí theo nguồn), in this order
SOURCES = (
    "nguon_ngan_sach_trung_uong",
    "nguon_ngan_sach_dia_phuong",
    "nguon_von_long_ghep",
    "nguon_huy_dong",
)


def funding_sources(name: str, total: Decimal) -> dict[str, str]:
    """Split ``total`` (triệu đồng, one decimal) into the funding sources: central budget
    45–60 %, local budget 15–25 %, integrated programmes 5–12 %, the rest mobilised from
    society. Each share is rounded half-up to 0,1 and the last takes what is left, so the
    parts add up to the total exactly. A generator of its own (seeded by the unit's name)
    leaves every other figure as it was."""
    rng = random.Random(f"nguon-von:{name}")
    tenth = Decimal("0.1")
    shares = [rng.randint(45, 60), rng.randint(15, 25), rng.randint(5, 12)]
    parts = [(total * share / 100).quantize(tenth, rounding=ROUND_HALF_UP) for share in shares]
    parts.append(total - sum(parts))
    assert parts[-1] >= 0 and sum(parts) == total
    return {key: vi(value) for key, value in zip(SOURCES, parts, strict=True)}


def main() -> None:
    rng = random.Random(2024)
    out = Path(__file__).resolve().parent.parent / "inputs"
    rows_2023, rows_2024 = [], []
    for name, kind, chair in UNITS:
        ward = kind == "Phường"
        while True:
            households_start = rng.randint(2600, 6400) if ward else rng.randint(1500, 3200)
            households = households_start + rng.randint(10, 90)
            persons = households * rng.randint(330, 390) // 100
            rate = Decimal(rng.randint(40, 160) if ward else rng.randint(180, 420)) / 10000
            start = int(households_start * rate)
            d2 = rng.randint(2, max(3, start // 4))
            d3 = rng.randint(1, max(2, start // 6))
            d4 = rng.randint(0, 3)
            i5 = rng.randint(0, 3)
            i6 = rng.randint(0, 4)
            i7 = rng.randint(0, 1)
            i8 = rng.randint(0, 1)
            end = start - d2 - d3 - d4 + i5 + i6 + i7 + i8
            rate_start = r2(Decimal(start) / households_start * 100)
            rate_end = r2(Decimal(end) / households * 100)
            decrease = rate_start - rate_end
            target = (decrease * Decimal(rng.randint(60, 100)) / 100).quantize(
                Decimal("0.01"), rounding=ROUND_DOWN
            )
            if decrease >= Decimal("0.05"):
                break
        near = int(households * Decimal(rng.randint(80, 300)) / 10000) + 3
        near_start = near + rng.randint(-5, 12)
        housing = Decimal(rng.randint(800, 3600)) / 10
        livelihood = Decimal(rng.randint(800, 4200)) / 10
        training = Decimal(rng.randint(50, 600)) / 10
        total_money = housing + livelihood + training
        disbursed = (total_money * Decimal(rng.randint(780, 1000)) / 1000).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        rows_2023.append(
            {
                "don_vi": name.replace("Hòa", "Hoà"),  # the old file uses the old tone placement
                "ho_ngheo_cuoi_ky": vi(start),
                "ho_can_ngheo_cuoi_ky": vi(near_start),
                "tong_so_ho": vi(households_start),
            }
        )
        rows_2024.append(
            {
                "don_vi": name,
                "loai": kind,
                "chu_tich": chair,
                "tong_so_ho_dau_ky": vi(households_start),
                "tong_so_ho": vi(households),
                "tong_so_khau": vi(persons),
                "ho_ngheo_dau_ky": vi(start),
                "thoat_ngheo_vuot_can_ngheo": vi(d2),
                "thoat_ngheo_thanh_can_ngheo": vi(d3),
                "khac_giam": vi(d4),
                "can_ngheo_thanh_ngheo": vi(i5),
                "phat_sinh_moi": vi(i6),
                "tai_ngheo": vi(i7),
                "khac_tang": vi(i8),
                "ho_ngheo_cuoi_ky": vi(end),
                "khau_ngheo": vi(end * rng.randint(230, 340) // 100),
                "ty_le_ho_ngheo_dau_ky": vi(rate_start),
                "ty_le_ho_ngheo": vi(rate_end),
                "giam_ty_le_ho_ngheo": vi(decrease),
                "chi_tieu_giam_ty_le": vi(target),
                "ho_can_ngheo_dau_ky": vi(near_start),
                "ho_can_ngheo_cuoi_ky": vi(near),
                "ty_le_ho_can_ngheo": vi(r2(Decimal(near) / households * 100)),
                "ho_ngheo_dtts": vi(rng.randint(0, end // 5)),
                "ho_ngheo_co_cong": vi(rng.randint(0, end // 8)),
                "ho_ngheo_khong_kha_nang_ld": vi(rng.randint(end // 3, end // 2)),
                "ho_ngheo_chu_ho_nu": vi(rng.randint(end // 4, end // 2)),
                "so_ho_ho_tro_nha_o": vi(int(housing) // 40 + 1),
                "kinh_phi_nha_o": vi(housing),
                "kinh_phi_sinh_ke": vi(livelihood),
                "kinh_phi_dao_tao": vi(training),
                "kinh_phi_tong": vi(total_money),
                **funding_sources(name, total_money),
                "kinh_phi_giai_ngan": vi(disbursed),
                "ty_le_giai_ngan": vi(r2(disbursed / total_money * 100)),
                "so_the_bhyt": vi(end * 3 + near * 2 + rng.randint(0, 20)),
            }
        )
    write_workbook(out / "giam-ngheo-2024-bieu-mau.xlsx", rows_2024)
    for year, rows in (("2023", rows_2023), ("2024", [*rows_2024, total_row(rows_2024)])):
        path = out / f"giam-ngheo-{year}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {path} ({len(rows)} rows)")


TOTAL_ROW = "Tổng cộng"


def total_row(rows: list[dict[str, str]]) -> dict[str, str]:
    """The whole-city row of the CSV, the same figures as the workbook's "Tổng cộng" row: the
    column sums, the rates worked out from the summed parts; no chairman, decrease or target."""
    out = {col: "" for col in rows[0]}
    out["don_vi"] = TOTAL_ROW
    for col, value in _group_values(
        rows, [c for c in rows[0] if c not in ("don_vi", "loai")]
    ).items():
        if value is None:
            continue
        if col in RATES:
            part, whole = RATES[col]
            p = sum(Decimal(str(num(r[part]))) for r in rows)
            t = sum(Decimal(str(num(r[whole]))) for r in rows)
            out[col] = vi(r2(p / t * 100))
        else:
            out[col] = vi(sum(Decimal(str(num(r[col]))) for r in rows))
    return out


def num(text: str) -> int | float:
    """A Vietnamese number text back to a number cell value."""
    d = Decimal(text.replace(".", "").replace(",", "."))
    return int(d) if d == d.to_integral_value() else float(d)


# (header path parts, CSV column) of each sheet, in column order from C.
SHEET_1 = [
    (("Chủ tịch UBND",), "chu_tich"),
    (("Tổng số hộ", "Đầu năm"), "tong_so_ho_dau_ky"),
    (("Tổng số hộ", "Cuối năm"), "tong_so_ho"),
    (("Tổng số nhân khẩu",), "tong_so_khau"),
    (("Hộ nghèo", "Đầu năm"), "ho_ngheo_dau_ky"),
    (
        ("Hộ nghèo", "Giảm trong năm", "Thoát nghèo, vượt chuẩn cận nghèo"),
        "thoat_ngheo_vuot_can_ngheo",
    ),
    (
        ("Hộ nghèo", "Giảm trong năm", "Thoát nghèo, thành hộ cận nghèo"),
        "thoat_ngheo_thanh_can_ngheo",
    ),
    (("Hộ nghèo", "Giảm trong năm", "Lý do khác"), "khac_giam"),
    (("Hộ nghèo", "Tăng trong năm", "Cận nghèo thành nghèo"), "can_ngheo_thanh_ngheo"),
    (("Hộ nghèo", "Tăng trong năm", "Phát sinh mới"), "phat_sinh_moi"),
    (("Hộ nghèo", "Tăng trong năm", "Tái nghèo"), "tai_ngheo"),
    (("Hộ nghèo", "Tăng trong năm", "Lý do khác"), "khac_tang"),
    (("Hộ nghèo", "Cuối năm"), "ho_ngheo_cuoi_ky"),
    (("Hộ nghèo", "Số khẩu cuối năm"), "khau_ngheo"),
    (("Tỷ lệ hộ nghèo (%)", "Đầu năm"), "ty_le_ho_ngheo_dau_ky"),
    (("Tỷ lệ hộ nghèo (%)", "Cuối năm"), "ty_le_ho_ngheo"),
    (("Tỷ lệ hộ nghèo (%)", "Mức giảm"), "giam_ty_le_ho_ngheo"),
    (("Tỷ lệ hộ nghèo (%)", "Chỉ tiêu giảm được giao"), "chi_tieu_giam_ty_le"),
    (("Hộ cận nghèo", "Đầu năm"), "ho_can_ngheo_dau_ky"),
    (("Hộ cận nghèo", "Cuối năm"), "ho_can_ngheo_cuoi_ky"),
    (("Hộ cận nghèo", "Tỷ lệ (%)"), "ty_le_ho_can_ngheo"),
    (("Hộ nghèo cuối năm chia theo", "Dân tộc thiểu số"), "ho_ngheo_dtts"),
    (("Hộ nghèo cuối năm chia theo", "Có người có công"), "ho_ngheo_co_cong"),
    (("Hộ nghèo cuối năm chia theo", "Không có khả năng lao động"), "ho_ngheo_khong_kha_nang_ld"),
    (("Hộ nghèo cuối năm chia theo", "Chủ hộ là nữ"), "ho_ngheo_chu_ho_nu"),
    (("Ghi chú",), None),
]
SHEET_2 = [
    (("Hỗ trợ nhà ở", "Số hộ"), "so_ho_ho_tro_nha_o"),
    (("Hỗ trợ nhà ở", "Kinh phí (triệu đồng)"), "kinh_phi_nha_o"),
    (("Hỗ trợ sinh kế (triệu đồng)",), "kinh_phi_sinh_ke"),
    (("Đào tạo nghề (triệu đồng)",), "kinh_phi_dao_tao"),
    (("Tổng kinh phí (triệu đồng)",), "kinh_phi_tong"),
    (("Chia theo nguồn vốn (triệu đồng)", "Ngân sách trung ương"), "nguon_ngan_sach_trung_uong"),
    (("Chia theo nguồn vốn (triệu đồng)", "Ngân sách địa phương"), "nguon_ngan_sach_dia_phuong"),
    (("Chia theo nguồn vốn (triệu đồng)", "Vốn lồng ghép"), "nguon_von_long_ghep"),
    (("Chia theo nguồn vốn (triệu đồng)", "Huy động xã hội"), "nguon_huy_dong"),
    (("Giải ngân", "Số tiền (triệu đồng)"), "kinh_phi_giai_ngan"),
    (("Giải ngân", "Tỷ lệ (%)"), "ty_le_giai_ngan"),
    (("Thẻ BHYT đã cấp",), "so_the_bhyt"),
]
RATES = {
    "ty_le_ho_ngheo_dau_ky": ("ho_ngheo_dau_ky", "tong_so_ho_dau_ky"),
    "ty_le_ho_ngheo": ("ho_ngheo_cuoi_ky", "tong_so_ho"),
    "ty_le_ho_can_ngheo": ("ho_can_ngheo_cuoi_ky", "tong_so_ho"),
    "ty_le_giai_ngan": ("kinh_phi_giai_ngan", "kinh_phi_tong"),
}


def _group_values(rows: list[dict[str, str]], columns: list[str]) -> dict[str, int | float | None]:
    out: dict[str, int | float | None] = {}
    for col in columns:
        if col in RATES:
            part, total = RATES[col]
            p = sum(Decimal(str(num(r[part]))) for r in rows)
            t = sum(Decimal(str(num(r[total]))) for r in rows)
            out[col] = float(r2(p / t * 100))
        elif col in ("chu_tich", "giam_ty_le_ho_ngheo", "chi_tieu_giam_ty_le"):
            out[col] = None
        else:
            total_value = sum(Decimal(str(num(r[col]))) for r in rows)
            out[col] = num(vi(total_value))
    return out


def _sheet(
    ws: object,
    title: str,
    spec: list[tuple[tuple[str, ...], str | None]],
    rows: list[dict[str, str]],
) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    depth = max(len(p) for p, _ in spec)
    last = get_column_letter(len(spec) + 2)
    ws["A1"] = "UBND THÀNH PHỐ HÒA AN"  # type: ignore[index]
    ws["A2"] = "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"  # type: ignore[index]
    ws.merge_cells(f"A3:{last}3")  # type: ignore[attr-defined]
    ws["A3"] = title  # type: ignore[index]
    ws["A3"].font = Font(bold=True)  # type: ignore[index]
    top = 5
    ws.cell(top, 1, "STT")  # type: ignore[attr-defined]
    ws.cell(top, 2, "Tên đơn vị")  # type: ignore[attr-defined]
    for c in (1, 2):
        ws.merge_cells(start_row=top, start_column=c, end_row=top + depth - 1, end_column=c)  # type: ignore[attr-defined]
    for level in range(depth):
        c = 0
        while c < len(spec):
            parts = spec[c][0]
            if level >= len(parts):
                c += 1
                continue
            prefix = parts[: level + 1]
            end = c
            while end + 1 < len(spec) and spec[end + 1][0][: level + 1] == prefix:
                end += 1
            ws.cell(top + level, c + 3, parts[level])  # type: ignore[attr-defined]
            bottom = top + level if level < len(parts) - 1 else top + depth - 1
            if end > c or bottom > top + level:
                ws.merge_cells(
                    start_row=top + level, start_column=c + 3, end_row=bottom, end_column=end + 3
                )  # type: ignore[attr-defined]
            c = end + 1
    thin = Side(style="thin")
    for r in range(top, top + depth + 1):
        for c in range(1, len(spec) + 3):
            cell = ws.cell(r, c)  # type: ignore[attr-defined]
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if r < top + depth:
                cell.font = Font(bold=True)
    r = top + depth
    for c, label in enumerate(["A", "B", *[f"({i})" for i in range(1, len(spec) + 1)]], 1):
        ws.cell(r, c, label)  # type: ignore[attr-defined]
    r += 1
    cols = [c for _, c in spec]

    def put(stt: object, name: str, values: dict[str, int | float | None] | dict[str, str]) -> None:
        nonlocal r
        ws.cell(r, 1, stt)  # type: ignore[attr-defined]
        ws.cell(r, 2, name)  # type: ignore[attr-defined]
        for j, col in enumerate(cols):
            if col is None:
                continue
            v = values.get(col)
            if isinstance(v, str):
                v = v if col == "chu_tich" else num(v)
            ws.cell(r, j + 3, v)  # type: ignore[attr-defined]
        r += 1

    numeric = [c for c in cols if c is not None]
    put("", "Tổng cộng", _group_values(rows, numeric))
    n = 1
    for roman, label, kind in (("I", "Khối phường", "Phường"), ("II", "Khối xã", "Xã")):
        block = [row for row in rows if row["loai"] == kind]
        put(roman, label, _group_values(block, numeric))
        for row in block:
            put(n, row["don_vi"], row)
            n += 1
    r += 1
    ws.cell(r, 1, "Ghi chú: số liệu mẫu, không phải số liệu thật.")  # type: ignore[attr-defined]
    ws.cell(r + 2, 8, "Hòa An, ngày 10 tháng 12 năm 2024")  # type: ignore[attr-defined]
    ws.cell(r + 3, 2, "NGƯỜI LẬP BIỂU")  # type: ignore[attr-defined]
    ws.cell(r + 3, 8, "TRƯỞNG PHÒNG")  # type: ignore[attr-defined]
    ws.cell(r + 7, 2, "Nguyễn Thị Hoa")  # type: ignore[attr-defined]
    ws.cell(r + 7, 8, "Trần Văn Bình")  # type: ignore[attr-defined]
    ws.column_dimensions["B"].width = 24  # type: ignore[attr-defined]


def write_workbook(path: Path, rows: list[dict[str, str]]) -> None:
    """The 2024 figures as a clerk's workbook (Biểu 01: households; Biểu 02: support, money)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws1 = wb.active
    ws1.title = "Biểu 01"
    _sheet(ws1, "BIỂU 01. KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024", SHEET_1, rows)
    ws2 = wb.create_sheet("Biểu 02")
    _sheet(ws2, "BIỂU 02. KINH PHÍ HỖ TRỢ GIẢM NGHÈO NĂM 2024", SHEET_2, rows)
    wb.properties.creator = "reportgen"
    from datetime import datetime

    wb.properties.created = wb.properties.modified = datetime(2024, 12, 10)
    wb.save(path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
