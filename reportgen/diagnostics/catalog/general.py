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
}
