"""Reading data files as clerks have them: encodings, separators, NFD, tone placement, XLSX."""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.data.reader import column_letter, read_table
from reportgen.diagnostics.errors import DataError
from reportgen.validate.runner import validate
from tests.fixtures.projects import write_project

HEADER = ["don_vi", "loai", "ho_ngheo", "tong_so_ho", "ty_le"]
ROWS = [
    ["Phường Trần Phú", "Phường", "45", "4.558", "0,99"],
    ["Phường Hòa Bình", "Phường", "43", "3.750", "1,15"],
    ["Xã Đồng Sơn", "Xã", "40", "2.298", "1,74"],
]
EXPECTED = {
    "Phường Trần Phú": (Decimal(45), Decimal(4558), Decimal("0.99")),
    "Phường Hòa Bình": (Decimal(43), Decimal(3750), Decimal("1.15")),
    "Xã Đồng Sơn": (Decimal(40), Decimal(2298), Decimal("1.74")),
}


def to_cp1258(text: str) -> str:
    """Vietnamese as Windows-1258 stores it: base letters (with circumflex, breve, horn)
    followed by a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out)


def csv_text(sep: str, rows: list[list[str]] | None = None) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows([HEADER, *(rows or ROWS)])
    return buf.getvalue()


ENCODINGS = [
    ("UTF-8 with ;", ";", lambda t: t.encode("utf-8"), "utf-8", ".csv"),
    (
        "UTF-8 with BOM (Excel 'CSV UTF-8') with ,",
        ",",
        lambda t: t.encode("utf-8-sig"),
        "utf-8-sig",
        ".csv",
    ),
    (
        "UTF-16 LE with BOM and tabs (Excel 'Unicode Text')",
        "\t",
        lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        "utf-16",
        ".txt",
    ),
    ("UTF-16 LE without BOM and tabs", "\t", lambda t: t.encode("utf-16-le"), "utf-16-le", ".txt"),
    (
        "cp1258 with ; (plain CSV on Vietnamese Windows)",
        ";",
        lambda t: to_cp1258(t).encode("cp1258"),
        "cp1258",
        ".csv",
    ),
    ("comma separated, decimals quoted", ",", lambda t: t.encode("utf-8"), "utf-8", ".csv"),
    ("tab separated .tsv", "\t", lambda t: t.encode("utf-8"), "utf-8", ".tsv"),
    (
        "NFD text as saved on macOS",
        ";",
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        "utf-8",
        ".csv",
    ),
]


@pytest.mark.parametrize(
    ("sep", "encode", "encoding", "ext"), [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS]
)
def test_csv_encodings_and_separators_are_recognised(
    tmp_path: Path, sep: str, encode: object, encoding: str, ext: str
) -> None:
    path = tmp_path / f"so-lieu{ext}"
    path.write_bytes(encode(csv_text(sep)))  # type: ignore[operator]
    table = read_table(path, unit_column="don_vi")
    assert table.encoding == encoding
    assert table.separator == sep
    assert table.headers == HEADER
    assert [r[0] for r in table.rows] == [2, 3, 4]
    for _, cells in table.rows:
        assert cells[0] == unicodedata.normalize("NFC", str(cells[0]))
    assert [c[0] for _, c in table.rows] == list(EXPECTED)


INDICATORS = {
    "ho_ngheo": {"label": "Hộ nghèo", "unit": "hộ", "column": "ho_ngheo"},
    "tong_so_ho": {"label": "Tổng số hộ", "unit": "hộ", "column": "tong_so_ho"},
    "ty_le": {
        "label": "Tỷ lệ hộ nghèo",
        "unit": "%",
        "column": "ty_le",
        "total_formula": "ho_ngheo / tong_so_ho * 100",
    },
}
CHECKS = [{"check": "percentage", "value": "ty_le", "part": "ho_ngheo", "total": "tong_so_ho"}]


def _project(tmp: Path, **data: object) -> Path:
    return write_project(
        tmp,
        indicators=INDICATORS,
        checks=CHECKS,
        rows=[dict(zip(HEADER, r, strict=True)) for r in ROWS],
        data=data,
    )


@pytest.mark.parametrize(
    ("sep", "encode", "encoding", "ext"), [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS]
)
def test_every_encoding_gives_the_same_figures(
    tmp_path: Path, sep: str, encode: object, encoding: str, ext: str
) -> None:
    config_path = _project(tmp_path, file=f"../inputs/so-lieu{ext}")
    (tmp_path / "inputs" / f"so-lieu{ext}").write_bytes(encode(csv_text(sep)))  # type: ignore[operator]
    config = load_config(config_path)
    dataset = load_dataset(config)
    got = {
        u.name: (u.values["ho_ngheo"], u.values["tong_so_ho"], u.values["ty_le"])
        for u in dataset.units
    }
    assert got == EXPECTED
    assert validate(config, dataset) == []


def test_declared_separator_wins_over_sniffing(tmp_path: Path) -> None:
    # A title line full of commas above a ";" header: the header line decides.
    path = tmp_path / "so-lieu.csv"
    path.write_text("BIỂU SỐ LIỆU, NĂM 2024, THÀNH PHỐ HÒA AN\n" + csv_text(";"), encoding="utf-8")
    assert read_table(path, unit_column="don_vi").separator == ";"
    assert read_table(path, unit_column="don_vi", separator=";").header_row == 2


def test_nfd_headers_and_names_match_nfc_config(tmp_path: Path) -> None:
    config_path = _project(tmp_path)
    text = csv_text(";").replace("ho_ngheo", "hộ_nghèo")
    (tmp_path / "inputs" / "so-lieu.csv").write_bytes(
        unicodedata.normalize("NFD", text).encode("utf-8")
    )
    yaml_path = config_path
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8").replace("column: ho_ngheo", "column: hộ_nghèo"),
        encoding="utf-8",
    )
    dataset = load_dataset(load_config(yaml_path))
    assert dataset.units[0].values["ho_ngheo"] == Decimal(45)
    assert "nghèo" in dataset.table.headers[2]  # NFC: the test a clerk would write works


def test_unit_names_match_despite_tone_placement_and_spaces(tmp_path: Path) -> None:
    rows = [dict(zip(HEADER, r, strict=True)) for r in ROWS]
    previous = [
        {"don_vi": "Phường  Hoà   Bình", "ho_ngheo": "43"},
        {"don_vi": "phường trần phú", "ho_ngheo": "45"},
        {"don_vi": "XÃ ĐỒNG SƠN", "ho_ngheo": "40"},
    ]
    config_path = write_project(
        tmp_path,
        indicators={
            **INDICATORS,
            "dau": {"label": "Hộ nghèo đầu kỳ", "unit": "hộ", "column": "ho_ngheo"},
        },
        rows=rows,
        previous_rows=previous,
        checks=[{"check": "continuity", "value": "dau", "previous": "ho_ngheo"}],
    )
    config = load_config(config_path)
    dataset = load_dataset(config)
    assert validate(config, dataset) == []
    assert dataset.find("phường hoà  bình") is dataset.units[1]
    assert dataset.find("phuong-hoa-binh") is dataset.units[1]
    assert dataset.find("phuong hoa binh") is dataset.units[1]
    assert dataset.find("Thành phố Hoà An") is dataset.total
    assert dataset.find("Phường Không Có") is None


# --- XLSX ------------------------------------------------------------------------------------


def _workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Ghi chú"
    notes["A1"] = "Số liệu mẫu"
    ws = wb.create_sheet("Số liệu 2024")
    ws.append(["BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT"])
    ws.append([])
    ws.append(HEADER)
    ws.append(["Phường Trần Phú", "Phường", 45, 4558, 0.99])  # numbers stored as numbers
    ws.append(["Phường Hòa Bình", "Phường", "43", "3.750", "1,15"])  # as Vietnamese text
    ws.append(["Xã Đồng Sơn", "Xã", 40.0, 2298, 0.0174])
    ws["E6"].number_format = "0.00%"  # a rate stored as a fraction and shown as 1,74%
    wb.save(path)


def test_xlsx_is_read_by_sheet_name_with_numbers_as_numbers_or_text(tmp_path: Path) -> None:
    config_path = _project(tmp_path, file="../inputs/so-lieu.xlsx", sheet="Số liệu 2024")
    _workbook(tmp_path / "inputs" / "so-lieu.xlsx")
    config = load_config(config_path)
    dataset = load_dataset(config)
    got = {
        u.name: (u.values["ho_ngheo"], u.values["tong_so_ho"], u.values["ty_le"])
        for u in dataset.units
    }
    assert got == EXPECTED
    assert dataset.table.header_row == 3
    assert [u.row for u in dataset.units] == [4, 5, 6]
    assert validate(config, dataset) == []
    assert str(dataset.units[0].values["ho_ngheo"]) == "45"  # no "45.0"


def test_xlsx_finding_names_the_sheet_and_the_cell(tmp_path: Path) -> None:
    config_path = _project(tmp_path, file="../inputs/so-lieu.xlsx", sheet="Số liệu 2024")
    path = tmp_path / "inputs" / "so-lieu.xlsx"
    _workbook(path)
    wb = openpyxl.load_workbook(path)
    wb["Số liệu 2024"]["C5"] = "2.2.839"
    wb.save(path)
    config = load_config(config_path)
    (f,) = validate(config, load_dataset(config))
    assert f.check == "data" and f.actual == "2.2.839"
    assert "trang tính Số liệu 2024, dòng 5, cột ho_ngheo (C)" in f.message


def test_xlsx_unknown_sheet_suggests_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    _workbook(path)
    with pytest.raises(DataError) as info:
        read_table(path, sheet="So lieu 2024", unit_column="don_vi")
    text = info.value.format()
    assert 'không có trang tính "So lieu 2024"' in text
    assert 'có phải ý bạn là "Số liệu 2024"?' in text
    assert "Ghi chú" in text


def test_xlsx_default_sheet_is_the_first(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    _workbook(path)
    with pytest.raises(DataError) as info:
        read_table(path, unit_column="don_vi")  # "Ghi chú" holds one line of text
    text = info.value.format()
    assert 'trang tính Ghi chú, dòng 1: không tìm thấy dòng tiêu đề có cột "don_vi"' in text
    assert "kiểm tra trang tính (data.sheet)" in text


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
