"""Generate the bundled SAMPLE figures by thôn / tổ dân phố (invented, not real statistics).

Reads inputs/giam-ngheo-2024.csv and splits the households, poor and near-poor households of
some wards and communes among their villages, so that the villages add up to the unit's
figures exactly (the check reportgen makes). Writes inputs/giam-ngheo-2024-thon.csv.
Run: python scripts/make_village_data.py  (after scripts/make_sample_data.py)
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
COLUMNS = ("tong_so_ho", "ho_ngheo_cuoi_ky", "ho_can_ngheo_cuoi_ky")
#: units that keep their figures by village (the others have none: their reports have no
#: village table)
UNITS = {
    "Phường Mỹ Độ": ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4"],
    "Xã Đồng Sơn": ["Thôn Đông", "Thôn Đoài", "Thôn Trung", "Thôn Nam", "Thôn Bắc"],
    "Xã Dĩnh Trì": ["Thôn Hạ", "Thôn Thượng", "Thôn Chùa", "Thôn Mới"],
}


def number(text: str) -> int:
    return int(text.replace(".", ""))


def vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` in parts proportional to ``weights`` (whole numbers, the last takes the rest)."""
    parts = [total * w // sum(weights) for w in weights[:-1]]
    return [*parts, total - sum(parts)]


def main() -> None:
    with (INPUTS / "giam-ngheo-2024.csv").open(encoding="utf-8-sig") as fh:
        rows = {r["don_vi"]: r for r in csv.DictReader(fh, delimiter=";")}
    out = []
    for unit, villages in UNITS.items():
        rng = random.Random(f"thon:{unit}")
        weights = [rng.randint(60, 140) for _ in villages]
        figures = {c: split(number(rows[unit][c]), weights) for c in COLUMNS}
        for i, village in enumerate(villages):
            out.append({"don_vi": unit, "thon": village, **{c: vi(figures[c][i]) for c in COLUMNS}})
    path = INPUTS / "giam-ngheo-2024-thon.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["don_vi", "thon", *COLUMNS], delimiter=";")
        writer.writeheader()
        writer.writerows(out)
    print(f"wrote {path} ({len(out)} rows)")


if __name__ == "__main__":
    main()
