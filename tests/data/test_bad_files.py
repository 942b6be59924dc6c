"""Bad data files, diagnosed right: an unclosed quote where it opens, double-encoded UTF-8 told
apart from TCVN3, operating-system errors as located Vietnamese messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.data.reader import read_table
from reportgen.diagnostics.errors import DataError

ROWS = ["don_vi;ho_ngheo;tong_so_ho"] + [f"Phường Số {i};{i};{i * 100}" for i in range(1, 40)]


@pytest.mark.parametrize(
    ("line", "bad", "col", "until"),
    [
        (5, 'Phường Số 4;"4;400', "B", "hết tệp"),
        (3, '"Phường Số 2;2;200', "A", "hết tệp"),
        (7, 'Phường Số 6;"6;600', "B", "hết tệp"),
    ],
    ids=["figure", "unit-name", "middle"],
)
def test_an_unclosed_quote_is_reported_where_it_opens(
    tmp_path: Path, line: int, bad: str, col: str, until: str
) -> None:
    rows = list(ROWS)
    rows[line - 1] = bad
    path = tmp_path / "so-lieu.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_table(path, name="so-lieu.csv", unit_column="don_vi")
    err = info.value
    assert err.code == "data.unclosed-quote"
    assert err.location is not None
    assert (err.location.row, err.location.column) == (line, col)
    assert f"dòng {line} đến {until}" in err.message
    assert err.hint is not None and "ngoặc kép" in err.hint


def test_a_stray_pair_of_quotes_swallowing_rows_is_reported_at_the_first(tmp_path: Path) -> None:
    rows = list(ROWS)
    rows[4] = 'Phường Số 4;"4;400'
    rows[8] = 'Phường Số 8;8";800'
    path = tmp_path / "so-lieu.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_table(path, name="so-lieu.csv", unit_column="don_vi")
    assert info.value.location is not None and info.value.location.row == 5
    assert "dòng 5 đến dòng 9" in info.value.message


def test_a_quoted_decimal_and_a_note_with_a_line_break_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        'don_vi,ty_le,ghi_chu\nPhường A,"1,25","dòng một\ndòng hai"\nPhường B,"0,5",\n',
        encoding="utf-8",
    )
    table = read_table(path, unit_column="don_vi")
    assert [r[1][1] for r in table.rows] == ["1,25", "0,5"]


@pytest.mark.parametrize("enc", ["cp1252", "latin-1"])
def test_double_encoded_utf8_is_named_as_such_not_tcvn3(tmp_path: Path, enc: str) -> None:
    text = "don_vi;ho_ngheo\nPhường Hòa Bình;43\n"
    garbled = text.encode("utf-8").decode(enc, errors="replace")
    path = tmp_path / "so-lieu.csv"
    path.write_text(garbled, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_table(path, name="so-lieu.csv", unit_column="don_vi")
    err = info.value
    assert err.code == "data.double-encoded"
    assert "mã hóa UTF-8 hai lần" in err.message and "TCVN3" in err.message
    assert "Hòa Bình" in err.message  # the meant text, as far as the saved bytes allow
    assert err.hint is not None and "đừng dùng công cụ chuyển mã TCVN3/VNI" in err.hint
    assert err.location is not None and err.location.row == 2


@pytest.mark.parametrize(
    ("exc", "says"),
    [
        (PermissionError(13, "Permission denied"), "không có quyền đọc tệp"),
        (IsADirectoryError(21, "Is a directory"), "là một thư mục"),
        (OSError(5, "Input/output error"), "không đọc được tệp (Input/output error)"),
    ],
    ids=["permission", "directory", "io-error"],
)
@pytest.mark.parametrize("ext", [".csv", ".xlsx"])
def test_os_errors_on_a_data_file_are_located_vietnamese_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, says: str, ext: str
) -> None:
    path = tmp_path / f"so-lieu{ext}"
    path.write_bytes(b"x")

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise exc

    if ext == ".csv":
        monkeypatch.setattr(Path, "read_bytes", refuse)
        with pytest.raises(DataError) as info:
            read_table(path, name=f"so-lieu{ext}", unit_column="don_vi")
    else:
        import python_calamine

        from reportgen.data.workbook import Workbook

        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refuse)
        with pytest.raises(DataError) as info:
            Workbook(path, f"so-lieu{ext}")
    err = info.value
    assert err.code == "data.os-error"
    assert says in err.message
    assert err.location is not None and err.location.file == f"so-lieu{ext}"
    assert err.hint


def test_a_cell_longer_than_the_csv_limit_is_said_in_vietnamese(tmp_path: Path) -> None:
    rows = list(ROWS)
    rows[3] = "Phường Số 3;" + "9" * 200_000 + ";300"
    path = tmp_path / "so-lieu.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_table(path, name="so-lieu.csv", unit_column="don_vi")
    assert "có một ô dài hơn" in info.value.message
    assert "field limit" not in info.value.message
    assert info.value.location is not None and info.value.location.row == 4


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='ab;",\r\n Ư', max_size=40))
def test_lines_are_split_as_a_newline_preserving_stringio_splits_them(text: str) -> None:
    import csv
    import io

    from reportgen.data.reader import _lines

    assert list(_lines(text)) == list(io.StringIO(text, newline=""))
    assert list(csv.reader(_lines(text), delimiter=";")) == list(
        csv.reader(io.StringIO(text, newline=""), delimiter=";")
    )


#: (file name, bytes, unit column) → (code, the message as a clerk reads it)
_BAD_FILES = [
    (
        "so-lieu.csv",
        b"",
        "don_vi",
        "data.empty",
        "so-lieu.csv: tệp trống\n  → xuất lại số liệu từ Excel (Lưu thành → CSV UTF-8)",
    ),
    (
        "so-lieu.csv",
        b"PK\x03\x04...",
        "don_vi",
        "data.excel-as-csv",
        "so-lieu.csv: tệp này là tệp Excel .xlsx, không phải tệp CSV dạng chữ\n  → đổi đuôi tệp "
        "thành .xlsx (với tệp .xlsx), hoặc mở bằng Excel và lưu lại dạng CSV UTF-8",
    ),
    (
        "so-lieu.csv",
        b"\xef\xbb\xbfdon_vi\n\xff",
        "don_vi",
        "data.bad-utf8",
        "so-lieu.csv: tệp UTF-8 bị hỏng (byte lỗi ở vị trí 10)\n  → lưu lại tệp từ Excel: Lưu "
        "thành → CSV UTF-8",
    ),
    (
        "so-lieu.csv",
        "Tªn ®¬n vÞ;Hé nghÌo\nPh­êng A;1\n".encode(),
        None,
        "data.legacy-encoding",
        'so-lieu.csv, dòng 1, cột A: chữ có vẻ được gõ bằng bảng mã cũ TCVN3 ("Tªn ®¬n vÞ"), '
        "không phải Unicode\n  → chuyển tệp sang Unicode (ví dụ Unikey → Công cụ chuyển mã: "
        "nguồn TCVN3 (ABC), đích Unicode) rồi thử lại",
    ),
    (
        "so-lieu.csv",
        "don_vi;ho;ho\nPhường A;1;2\n".encode(),
        "don_vi",
        "data.column-twice",
        'so-lieu.csv, dòng 1: cột "ho" xuất hiện hai lần (cột B và C)\n  → đổi tên một trong hai '
        "cột",
    ),
    (
        "so-lieu.csv",
        "Don vi;ho\nPhường A;1\n".encode(),
        "don_vi",
        "data.header-missing",
        'so-lieu.csv, dòng 1: không tìm thấy dòng tiêu đề có cột "don_vi" (tên đơn vị, xem '
        'data.unit_column)\n  → có phải ý bạn là cột "Don vi"? dòng đầu tiên có chữ của tệp là: '
        "Don vi, ho",
    ),
    (
        "so-lieu.csv",
        b"don_vi;ho\n",
        "don_vi",
        "data.no-rows",
        "so-lieu.csv, dòng 1: tệp chỉ có dòng tiêu đề, không có dòng số liệu nào\n  → mỗi "
        "phường, xã cần một dòng dưới dòng tiêu đề",
    ),
    (
        "so-lieu.doc",
        b"x",
        "don_vi",
        "data.unsupported-type",
        'so-lieu.doc: không đọc được tệp loại ".doc"\n  → dùng tệp .csv, .xlsx, .xlsm, .xls '
        "hoặc .ods",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "unit", "code", "says"), _BAD_FILES, ids=[c[3] for c in _BAD_FILES]
)
def test_a_bad_data_file_is_reported_under_its_code_in_the_catalogs_words(
    tmp_path: Path, name: str, data: bytes, unit: str | None, code: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataError) as info:
        read_table(path, name=name, unit_column=unit)
    assert (info.value.code, info.value.format()) == (code, says)


@pytest.mark.parametrize("name", ["so-lieu.xls", "so-lieu.ods"])
def test_a_damaged_xls_or_ods_table_says_the_workbook_cannot_be_opened(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataError) as info:
        read_table(path, name=name, unit_column="don_vi")
    assert info.value.code == "data.workbook-unreadable"
    assert info.value.format().startswith(f"{name}: không mở được tệp bảng tính")
