"""Generate the SAMPLE data of the two other bundled report kinds (invented figures).

- inputs/so-ket-6-thang-2024.csv: the first six months of 2024 by ward (báo cáo sơ kết 6 tháng);
- inputs/ke-hoach-giam-ngheo-2025.csv: next year's targets by ward (kế hoạch giảm nghèo năm 2025).

Both start from the year's sample (inputs/giam-ngheo-2024.csv) so that the three kinds tell one
story; every check of configs/so-ket-6-thang-2024.yaml and configs/ke-hoach-giam-ngheo-2025.yaml
passes. Run: python scripts/make_kind_samples.py
"""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"


def num(text: str) -> Decimal:
    """A Vietnamese-style figure of the sample (1.013 / 2,35)."""
    return Decimal(text.replace(".", "").replace(",", "."))


def r(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def vi(x: Decimal | int, places: int = 0) -> str:
    """Vietnamese-style number text as clerks type it."""
    d = r(Decimal(x), places)
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ("-" if d < 0 else "") + ".".join(groups or ["0"])
    return text + ("," + frac if places else "")


def year_rows() -> list[dict[str, str]]:
    text = (INPUTS / "giam-ngheo-2024.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def write(name: str, head: list[str], rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(head)
    w.writerows(rows)
    path = INPUTS / name
    path.write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    return path


def six_months() -> Path:
    """Half-year figures: about half of the year's movement, funding allocated and disbursed."""
    head = [
        "don_vi", "loai", "chu_tich", "tong_so_ho", "ho_ngheo_dau_nam", "thoat_ngheo_6t",
        "phat_sinh_6t", "ho_ngheo_30_6", "ty_le_ho_ngheo_30_6", "chi_tieu_thoat_ngheo_nam",
        "von_giao", "von_giai_ngan", "ty_le_giai_ngan", "so_luot_vay", "von_vay",
    ]  # fmt: skip
    rows = []
    for i, y in enumerate(year_rows()):
        start = int(num(y["ho_ngheo_dau_ky"]))
        out_year = int(num(y["thoat_ngheo_vuot_can_ngheo"]) + num(y["thoat_ngheo_thanh_can_ngheo"]))
        out6 = out_year // 2 + (i % 2)
        new6 = [0, 1, 2, 0, 1, 0][i % 6]
        end = start - out6 + new6
        households = int(num(y["tong_so_ho_dau_ky"])) + 10 + i
        target = out_year + 2
        allocated = num(y["kinh_phi_tong"])
        spent = r(allocated * Decimal([38, 45, 52, 61, 27, 48][i % 6]) / 100, 1)
        loans = 8 + 3 * i
        rows.append([
            y["don_vi"], y["loai"], y["chu_tich"], vi(households), vi(start), vi(out6), vi(new6),
            vi(end), vi(Decimal(end) / households * 100, 2), vi(target), vi(allocated, 1),
            vi(spent, 1), vi(spent / allocated * 100, 2), vi(loans), vi(loans * 45, 1),
        ])  # fmt: skip
    return write("so-ket-6-thang-2024.csv", head, rows)


def plan() -> Path:
    """Next year's targets: households to lift out of poverty and the rate to reach."""
    head = [
        "don_vi", "loai", "chu_tich", "tong_so_ho", "ho_ngheo_cuoi_2024", "ty_le_ho_ngheo_2024",
        "chi_tieu_thoat_ngheo", "ho_ngheo_ke_hoach", "ty_le_ke_hoach", "muc_giam_ty_le",
        "ho_can_ngheo_cuoi_2024", "chi_tieu_thoat_can_ngheo", "kinh_phi_du_kien",
    ]  # fmt: skip
    rows = []
    for i, y in enumerate(year_rows()):
        households = int(num(y["tong_so_ho"]))
        poor = int(num(y["ho_ngheo_cuoi_ky"]))
        target = max(2, poor // 5 + (i % 3))
        planned = poor - target
        rate = r(Decimal(poor) / households * 100, 2)
        planned_rate = r(Decimal(planned) / households * 100, 2)
        near = int(num(y["ho_can_ngheo_cuoi_ky"]))
        rows.append([
            y["don_vi"], y["loai"], y["chu_tich"], vi(households), vi(poor), vi(rate, 2),
            vi(target), vi(planned), vi(planned_rate, 2), vi(rate - planned_rate, 2), vi(near),
            vi(near // 6), vi(num(y["kinh_phi_tong"]) + 25 * (i % 4), 1),
        ])  # fmt: skip
    return write("ke-hoach-giam-ngheo-2025.csv", head, rows)


if __name__ == "__main__":
    for path in (six_months(), plan()):
        print(f"wrote {path.relative_to(ROOT)}")
