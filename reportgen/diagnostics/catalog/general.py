"""Catalog entries that belong to no single area."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    "os.error": Message(
        "không {action} được tệp: {reason}",
        "kiểm tra tệp có tồn tại, quyền đọc/ghi và chỗ trống trên ổ đĩa",
    ),
    "input.too-large": Message(
        "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "chia nhỏ tệp hoặc tăng giới hạn",
    ),
    "os.error-set-aside": Message(
        "không đổi tên được báo cáo cũ: {reason}",
        "đóng tệp nếu đang mở trong Word hay trình đọc PDF, kiểm tra quyền ghi",
        code="os.error",
    ),
    "os.error-upload": Message(
        "không lưu được tệp tải lên: {reason}",
        "kiểm tra chỗ trống và quyền ghi của thư mục làm việc",
        code="os.error",
    ),
    "os.error-make-folder": Message(
        "không tạo được thư mục kết quả: {reason}",
        "kiểm tra quyền ghi, hoặc chọn thư mục khác bằng -o",
        code="os.error",
    ),
    # an operating-system error in Vietnamese (the system's own words follow it)
    "os.enoent": Message("không có tệp hoặc thư mục này"),
    "os.enotdir": Message("một phần của đường dẫn không phải thư mục"),
    "os.eisdir": Message("đây là thư mục, không phải tệp"),
    "os.enospc": Message("ổ đĩa đã đầy"),
    "os.edquot": Message("đã hết hạn mức dung lượng trên ổ đĩa"),
    "os.erofs": Message("ổ đĩa hoặc thư mục chỉ cho đọc"),
    "os.no-access": Message("không có quyền truy cập"),
    "os.enametoolong": Message("tên tệp quá dài"),
    "os.ebusy": Message("tệp đang bị chương trình khác dùng"),
    # the words of a place (Location.describe: ``inputs/x.csv, dòng 7, cột ho``)
    "where.sheet": Message("trang tính {sheet}"),
    "where.line": Message("dòng {line}"),
    "where.column": Message("cột {column}"),
    "where.cell": Message("ô {cell}"),
    "where.table": Message("bảng {table}"),
    "where.table-row": Message("hàng {row}"),
    "where.paragraph": Message("đoạn {paragraph}"),
    # the heading of several errors reported at once (ErrorList.format)
    "general.error-list": Message("{title} ({count} lỗi):"),
    # what could not be done (the {action} of os.error)
    "os.action-read": Message("đọc"),
}
