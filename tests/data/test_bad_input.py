"""Bad input: cells that are not numbers, ambiguous numbers, empty cells, missing columns,
duplicate units, empty files, legacy encodings, .xls — each reported with the file, the row,
the column and the text, in Vietnamese, with a hint."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.diagnostics.errors import DataError, ErrorList, ReportgenError
from reportgen.validate.runner import validate
from tests.fixtures.projects import SampleCopy, write_project, write_rows

TP = "Phường Trần Phú"

# (id, column, text, words the message must hold, words the hint must hold)
BAD_CELLS = [
    (
        "a typo with two thousands points: 2.2.839",
        "tong_so_ho",
        "2.2.839",
        ['"2.2.839" không phải là số', 'nhóm "2" có 1 chữ số'],
        ["22.839"],
    ),
    (
        "two decimal commas: 1,1,",
        "kinh_phi_nha_o",
        "1,1,",
        ['"1,1," không phải là số', "có 2 dấu phẩy"],
        ['locale "en"'],
    ),
    (
        "a point that is not a thousands group under vi: 1.5",
        "ho_ngheo_dtts",
        "1.5",
        ['"1.5" không phải là số', "1.500 (số nguyên) hoặc 1,5 (số thập phân"],
        [],
    ),
    (
        "a count written 1,013 under vi reads as a decimal: ambiguous",
        "ho_ngheo_dtts",
        "1,013",
        ['"1,013" đọc theo locale vi là số thập phân 1,013', "không rõ ý"],
        ["viết 1.013", "locale: en"],
    ),
    (
        "words where a number should be",
        "so_the_bhyt",
        "ba trăm",
        ['"ba trăm" không phải là số', 'ký tự "b"'],
        [],
    ),
    (
        "a percent sign in a count column",
        "so_the_bhyt",
        "15%",
        ['"15%" không phải là số', 'dấu "%"'],
        [],
    ),
    (
        "an empty cell is not a zero",
        "ho_ngheo_dtts",
        "",
        ["ô trống", "không được coi là 0"],
        ["optional: true"],
    ),
]


@pytest.mark.parametrize(
    ("column", "text", "says", "hints"), [c[1:] for c in BAD_CELLS], ids=[c[0] for c in BAD_CELLS]
)
def test_bad_cell_is_a_finding_naming_file_row_column_and_text(
    sample: SampleCopy, column: str, text: str, says: list[str], hints: list[str]
) -> None:
    row = sample.set_cell(TP, column, text)
    _, dataset, found = sample.check()
    assert len(found) == 1, [f.message for f in found]
    (f,) = found
    assert (f.check, f.unit, f.indicators, f.severity) == ("data", TP, (column,), "error")
    assert f.actual == (text or None)
    assert dataset.units[0].values[column] is None  # unknown, never a silent zero
    where = f"giam-ngheo-2024.csv, dòng {row}, cột {column} ({sample.letter(column)})"
    assert f.message.startswith(f"{TP}: ")
    assert where in f.message
    for words in says:
        assert words in f.message
    assert f.hint is not None
    for words in hints:
        assert words in f.hint
    assert f.as_dict()["source"] == [
        {"file": f.sources[0].file, "row": row, "column": f"{column} ({sample.letter(column)})"}
    ]


def test_an_empty_cell_makes_the_city_figure_unknown_not_smaller(sample: SampleCopy) -> None:
    sample.without_total_row()  # the city summed from the wards
    sample.set_cell(TP, "ho_ngheo_dtts", "")
    _, dataset, _ = sample.check()
    assert dataset.total.values["ho_ngheo_dtts"] is None


def test_an_empty_cell_leaves_the_total_row_as_written_and_unchecked(sample: SampleCopy) -> None:
    written = sample.cell("Tổng cộng", "ho_ngheo_dtts")
    sample.set_cell(TP, "ho_ngheo_dtts", "")
    _, dataset, found = sample.check()
    assert dataset.total.values["ho_ngheo_dtts"] == Decimal(written)
    assert [(f.check, f.unit) for f in found] == [("data", TP)]  # no sum against an unknown


def test_optional_indicator_allows_an_empty_cell(sample: SampleCopy) -> None:
    sample.set_cell(TP, "ho_ngheo_dtts", "")
    sample.edit_yaml("column: ho_ngheo_dtts}", "column: ho_ngheo_dtts, optional: true}")
    _, dataset, found = sample.check()
    assert found == []
    assert dataset.units[0].values["ho_ngheo_dtts"] is None


@pytest.mark.parametrize(
    ("locale", "text", "value"),
    [
        ("vi", "1.013", "1013"),
        ("en", "1,013", "1013"),
        ("vi", "1.013,5", "1013.5"),
        ("en", "1,013.5", "1013.5"),
        ("vi", "−12", "-12"),
        ("vi", "1 013", "1013"),
    ],
    ids=[
        "vi thousands point",
        "en thousands comma",
        "vi decimal comma",
        "en decimal point",
        "unicode minus",
        "space as thousands separator",
    ],
)
def test_numbers_read_under_the_declared_locale(
    tmp_path: Path, locale: str, text: str, value: str
) -> None:
    path = write_project(
        tmp_path,
        data={"locale": locale},
        indicators={"v": {"label": "Giá trị", "kind": "number", "column": "v"}},
        rows=[{"don_vi": TP, "v": text}],
    )
    dataset = load_dataset(load_config(path))
    assert str(dataset.units[0].values["v"]) == value


@pytest.mark.parametrize(
    ("locale", "text", "says"),
    [
        ("en", "1.013", '"1.013" đọc theo locale en là số thập phân 1.013'),
        ("en", "1,5", 'nhóm "5" có 1 chữ số'),
        ("vi", "1.013,5.2", "dấu chấm đứng sau dấu phẩy"),
    ],
    ids=["en count 1.013 is ambiguous", "en 1,5 is not a number", "vi mixed styles"],
)
def test_ambiguous_numbers_under_en_are_refused(
    tmp_path: Path, locale: str, text: str, says: str
) -> None:
    path = write_project(
        tmp_path,
        data={"locale": locale},
        indicators={"ho": {"label": "Số hộ", "unit": "hộ", "column": "ho"}},
        rows=[{"don_vi": TP, "ho": text}],
    )
    config = load_config(path)
    (f,) = validate(config, load_dataset(config))
    assert f.check == "data"
    assert says in f.message


def _rename_header(s: SampleCopy, old: str, new: str) -> None:
    rows = s.rows()
    rows[0][rows[0].index(old)] = new
    write_rows(s.data, rows)


def test_missing_columns_are_all_reported_with_did_you_mean(sample: SampleCopy) -> None:
    _rename_header(sample, "ho_ngheo_dtts", "ho_ngheo_dtt")
    _rename_header(sample, "khau_ngheo", "Khẩu nghèo")
    with pytest.raises(ErrorList) as info:
        sample.check()
    errors = info.value.errors
    assert [e.message for e in errors] == [
        'thiếu cột "khau_ngheo" (chỉ tiêu khau_ngheo: Khẩu nghèo)',
        'thiếu cột "ho_ngheo_dtts" (chỉ tiêu ho_ngheo_dtts: Hộ nghèo dân tộc thiểu số)',
    ]
    assert [e.hint for e in errors] == [
        'có phải ý bạn là cột "Khẩu nghèo"?',
        'có phải ý bạn là cột "ho_ngheo_dtt"?',
    ]
    for e in errors:
        assert e.location is not None and e.location.row == 1
        assert e.location.file is not None and e.location.file.endswith("giam-ngheo-2024.csv")
    assert info.value.exit_code == 2


def test_missing_column_in_last_years_file_is_an_error(sample: SampleCopy) -> None:
    text = sample.previous.read_text(encoding="utf-8-sig")
    sample.previous.write_text(text.replace("ho_ngheo_cuoi_ky", "ho_ngheo"), encoding="utf-8-sig")
    with pytest.raises(ErrorList) as info:
        sample.check()
    (e,) = info.value.errors
    assert e.message.startswith('thiếu cột "ho_ngheo_cuoi_ky"')
    assert e.location is not None and str(e.location.file).endswith("giam-ngheo-2023.csv")


@pytest.mark.parametrize(
    "duplicate",
    ["Phường Trần Phú", "phường  trần phú", "PHƯỜNG TRẦN PHÚ"],
    ids=["same name", "case and spaces", "upper case"],
)
def test_duplicate_unit_is_refused(sample: SampleCopy, duplicate: str) -> None:
    sample.set_cell("Phường Ngô Quyền", "don_vi", duplicate)
    with pytest.raises(DataError) as info:
        sample.check()
    assert "có hai dòng (dòng 2 và dòng 3)" in info.value.message
    assert info.value.location is not None and info.value.location.row == 3


def test_duplicate_unit_with_old_tone_placement_is_refused(sample: SampleCopy) -> None:
    sample.set_cell("Phường Ngô Quyền", "don_vi", "Phường Hoà Bình")  # the file has Hòa Bình
    with pytest.raises(DataError, match="có hai dòng"):
        sample.check()


def _write(s: SampleCopy, data: bytes) -> None:
    s.data.write_bytes(data)


FILE_ERRORS: list[tuple[str, Callable[[SampleCopy], None], str, str]] = [
    ("empty file", lambda s: _write(s, b""), "tệp trống", "CSV UTF-8"),
    (
        "only a BOM and blank lines",
        lambda s: _write(s, b"\xef\xbb\xbf\r\n\r\n"),
        "tệp trống",
        "CSV UTF-8",
    ),
    (
        "header only",
        lambda s: _write(s, s.data.read_bytes().splitlines()[0] + b"\r\n"),
        "tệp chỉ có dòng tiêu đề",
        "mỗi phường, xã",
    ),
    (
        "TCVN3 (ABC) text",
        lambda s: _write(
            s, "don_vi;tong_so_ho\nCéng hoµ x· héi chñ nghÜa ViÖt Nam;1\n".encode("cp1252")
        ),
        "bảng mã cũ TCVN3",
        "TCVN3 (ABC)",
    ),
    (
        "TCVN3 ward names pasted into a UTF-8 file",
        lambda s: _write(s, "don_vi;tong_so_ho\nPh\xadêng TrÇn Phó;1\n".encode()),
        "bảng mã cũ TCVN3",
        "Unikey",
    ),
    (
        "VNI-Windows text",
        lambda s: _write(s, "don_vi;tong_so_ho\nCoäng hoøa xaõ hoäi;1\n".encode("cp1252")),
        "bảng mã cũ VNI",
        "VNI Windows",
    ),
    (
        "an Excel workbook renamed .csv",
        lambda s: _write(s, b"PK\x03\x04rest"),
        "tệp Excel .xlsx",
        "đổi đuôi tệp",
    ),
    (
        "no unit column",
        lambda s: _write(s, "ten_don_vi;tong_so_ho\nXã A;1\n".encode()),
        'không tìm thấy dòng tiêu đề có cột "don_vi"',
        'có phải ý bạn là cột "ten_don_vi"?',
    ),
    (
        "a row without a unit name",
        lambda s: _write(s, s.data.read_bytes() + ";Phường;;1\r\n".encode()),
        "không có tên đơn vị",
        "điền tên phường, xã",
    ),
]


@pytest.mark.parametrize(
    ("breaker", "says", "hint"), [c[1:] for c in FILE_ERRORS], ids=[c[0] for c in FILE_ERRORS]
)
def test_unreadable_data_file_is_a_clear_error(
    sample: SampleCopy, breaker: Callable[[SampleCopy], None], says: str, hint: str
) -> None:
    breaker(sample)
    with pytest.raises(ReportgenError) as info:
        sample.check()
    err = info.value
    assert err.exit_code == 2
    assert says in err.message
    assert err.hint is not None and hint in err.hint
    assert err.location is not None and str(err.location.file).endswith("giam-ngheo-2024.csv")


def test_legacy_text_error_names_row_and_column(sample: SampleCopy) -> None:
    _write(sample, "don_vi;tong_so_ho\nCéng hoµ x· héi;1\n".encode("cp1252"))
    with pytest.raises(DataError) as info:
        sample.check()
    assert info.value.location is not None
    assert (info.value.location.row, info.value.location.column) == (2, "A")
    assert '"Céng hoµ x· héi"' in info.value.message


def test_a_broken_xls_is_a_clear_error_with_a_hint(sample: SampleCopy) -> None:
    (sample.root / "inputs" / "so-lieu.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    sample.edit_yaml("file: ../inputs/giam-ngheo-2024.csv", "file: ../inputs/so-lieu.xls")
    with pytest.raises(DataError) as info:
        sample.check()
    assert "không mở được tệp bảng tính" in info.value.message
    assert info.value.location is not None and info.value.location.file.endswith("so-lieu.xls")
    assert info.value.hint is not None and "lưu lại" in info.value.hint


def test_total_row_named_in_config_must_exist(sample: SampleCopy) -> None:
    sample.without_total_row()
    sample.edit_yaml("  kind_column: loai\n", "  kind_column: loai\n  total_row: Toàn thành phố\n")
    with pytest.raises(DataError) as info:
        sample.check()
    assert 'không tìm thấy dòng tổng "Toàn thành phố"' in info.value.message


def test_bad_cell_in_the_total_row_is_reported_for_the_city(tmp_path: Path) -> None:
    path = write_project(
        tmp_path,
        data={"total_row": "Tổng cộng"},
        indicators={"ho": {"label": "Số hộ", "unit": "hộ", "column": "ho"}},
        rows=[{"don_vi": TP, "ho": "5"}, {"don_vi": "Tổng cộng", "ho": "5,,"}],
    )
    config = load_config(path)
    (f,) = validate(config, load_dataset(config))
    assert (f.check, f.unit) == ("data", "thành phố Hòa An")
    assert "dòng 3, cột ho (B)" in f.message


def test_bad_cell_in_last_years_file_is_reported_for_this_years_unit(sample: SampleCopy) -> None:
    # the 2023 file writes "Phường Hoà Bình" (old tone placement), the 2024 file "Hòa Bình"
    row = sample.set_cell("Phường Hoà Bình", "ho_ngheo_cuoi_ky", "5,5,", sample.previous)
    _, _, found = sample.check()
    (f,) = found
    assert (f.check, f.unit, f.actual) == ("data", "Phường Hòa Bình", "5,5,")
    assert f.sources[0].file.endswith("giam-ngheo-2023.csv") and f.sources[0].row == row
    assert f"giam-ngheo-2023.csv, dòng {row}, cột ho_ngheo_cuoi_ky (B)" in f.message


def test_last_years_file_keeps_every_column_it_has(sample: SampleCopy) -> None:
    _, dataset, _ = sample.check()
    assert dataset.previous is not None
    last_year = dataset.previous[dataset.units[0].key]
    assert last_year.values["ho_can_ngheo_cuoi_ky"] is not None  # for the templates' ky_truoc
    assert "ho_ngheo_dtts" not in last_year.values  # not in that file: left out, not an error
