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
    # what could not be done (the {action} of os.error)
    "os.action-read": Message("đọc"),
}
