"""The diagnostics' own words (a place, an operating-system error) come from the message
catalog and read as they always have."""

from __future__ import annotations

import errno

import pytest

from reportgen.diagnostics.model import Location
from reportgen.diagnostics.oserrors import os_reason


@pytest.mark.parametrize(
    ("location", "said"),
    [
        (
            Location(file="inputs/x.csv", line=7, column="ho"),
            "inputs/x.csv, dòng 7, cột ho",
        ),
        (
            Location(file="so-lieu.xlsx", sheet="Biểu 01", row=12, cell="E12"),
            "so-lieu.xlsx, trang tính Biểu 01, dòng 12, ô E12",
        ),
        (
            Location(file="mau.docx", part="word/document.xml", table=2, table_row=3, table_cell=1),
            "mau.docx, word/document.xml, bảng 2, hàng 3, ô 1",
        ),
        (Location(file="mau.docx", paragraph=14), "mau.docx, đoạn 14"),
        (Location(file="mau.docx", paragraph=14, where="đầu trang"), "mau.docx, đầu trang"),
        (Location(), ""),
    ],
    ids=["csv-line-column", "sheet-row-cell", "table-cell", "paragraph", "free-place", "nowhere"],
)
def test_a_place_is_described_in_vietnamese(location: Location, said: str) -> None:
    assert location.describe() == said


_OS_WORDS = [
    ("ENOENT", "không có tệp hoặc thư mục này"),
    ("ENOTDIR", "một phần của đường dẫn không phải thư mục"),
    ("EISDIR", "đây là thư mục, không phải tệp"),
    ("ENOSPC", "ổ đĩa đã đầy"),
    ("EDQUOT", "đã hết hạn mức dung lượng trên ổ đĩa"),
    ("EROFS", "ổ đĩa hoặc thư mục chỉ cho đọc"),
    ("EACCES", "không có quyền truy cập"),
    ("EPERM", "không có quyền truy cập"),
    ("ENAMETOOLONG", "tên tệp quá dài"),
    ("EBUSY", "tệp đang bị chương trình khác dùng"),
]


@pytest.mark.parametrize(("name", "said"), _OS_WORDS, ids=[n.lower() for n, _ in _OS_WORDS])
def test_an_os_error_is_said_in_vietnamese_then_in_the_systems_words(name: str, said: str) -> None:
    assert os_reason(OSError(getattr(errno, name), "system words")) == f"{said} (system words)"


def test_an_os_error_without_vietnamese_words_keeps_the_systems() -> None:
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"
