"""Generate the bundled SAMPLE data (invented figures, not real statistics).

The figures are built so that every check of configs/giam-ngheo-2024.yaml passes: the movement of
poor households adds up, stated rates are the rounded ratios, money parts add up to their totals.
Run: python scripts/make_sample_data.py  (writes inputs/giam-ngheo-2023.csv and -2024.csv).
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
                "kinh_phi_giai_ngan": vi(disbursed),
                "ty_le_giai_ngan": vi(r2(disbursed / total_money * 100)),
                "so_the_bhyt": vi(end * 3 + near * 2 + rng.randint(0, 20)),
            }
        )
    for year, rows in (("2023", rows_2023), ("2024", rows_2024)):
        path = out / f"giam-ngheo-{year}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {path} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
