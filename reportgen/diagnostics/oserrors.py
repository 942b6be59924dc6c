"""Operating-system errors in Vietnamese: a clerk reads "ổ đĩa đã đầy", not "No space left on
device" (the system's own words follow in brackets, for whoever helps them)."""

from __future__ import annotations

import errno

_REASONS = {
    "ENOENT": "không có tệp hoặc thư mục này",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "EISDIR": "đây là thư mục, không phải tệp",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết hạn mức dung lượng trên ổ đĩa",
    "EROFS": "ổ đĩa hoặc thư mục chỉ cho đọc",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không có quyền truy cập",
    "ENAMETOOLONG": "tên tệp quá dài",
    "EBUSY": "tệp đang bị chương trình khác dùng",
}


def os_reason(exc: OSError) -> str:
    """A Vietnamese phrase for an operating-system error (the system's own words after it)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    said = exc.strerror or str(exc)
    return f"{_REASONS[name]} ({said})" if name in _REASONS else said
