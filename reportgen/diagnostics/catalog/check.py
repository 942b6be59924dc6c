"""Vietnamese messages of the check area that are not written by a check kind itself (each kind
words its own findings in reportgen/validate/kinds/<kind>.py, beside its computation)."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES: dict[str, Message] = {
    "check.uncomputable": Message(
        "{label}: không tính được ({formula}) {because}; báo cáo sẽ không có số này",
        "kiểm tra lại {inputs}; nếu đúng là bằng 0 thì khai báo `uncomputable: <cách nói>` cho "
        'chỉ tiêu (ví dụ "không có"), hoặc sửa câu trong mẫu để không in chỉ tiêu này cho đơn '
        "vị (ví dụ `{{% if {guard} %}}`)",
    ),
    "check.uncomputable-declared": Message(
        '{label}: không tính được ({formula}); báo cáo ghi "{words}" như đã khai báo',
        severity="info",
    ),
    "check.mark-extension": Message(
        "tệp đánh dấu phải có đuôi .xlsx, nhưng gặp {name}",
        "ví dụ: --mark {suggested}",
    ),
    "check.mark-is-input": Message(
        "{path} là chính tệp số liệu: reportgen không bao giờ sửa tệp gốc",
        "ghi bản đánh dấu vào một tệp khác, ví dụ so-lieu-danh-dau.xlsx",
    ),
}
