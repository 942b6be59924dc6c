"""Catalog entries of the Word template checks (``reportgen lint``, the docx engine).

Every lint finding has a stable code ``template.<kind>``; its message is specific to the
place (``{detail}``), the entry gives the default severity and the general fix.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message
from reportgen.diagnostics.model import Severity

#: kinds of template finding (the part of the code after ``template.``), with their default
#: severity and hint
KINDS: dict[str, tuple[Severity, str | None]] = {
    "jinja-syntax": ("error", None),
    "broken-tag": (
        "error",
        "Mở mẫu trong Word, xoá thẻ rồi gõ lại liền một mạch, trọn trong một đoạn.",
    ),
    "repaired-tag": ("info", None),
    "misplaced-tag": ("error", None),
    "unsupported-tag": ("error", "Xem các thẻ dùng được trong docs/template-authors.md."),
    "unknown-block": ("error", None),
    "dropped-content": ("warning", None),
    "sandbox": (
        "error",
        "Bỏ phần tên bắt đầu bằng dấu gạch dưới (_) hay lệnh sửa dữ liệu khỏi thẻ.",
    ),
    "tracked-changes": (
        "info",
        "Không cần làm gì. Muốn hết ghi chú: Review → Accept All Changes rồi lưu mẫu.",
    ),
    "kept-section-break": ("info", None),
    "converted-package": ("info", None),
    "dropped-macros": ("warning", None),
    "unknown-variable": ("error", None),
    "unknown-field": ("error", None),
    "unknown-filter": ("error", None),
    "unknown-test": ("error", None),
    "unused-indicator": ("warning", None),
    "page-setup": ("warning", None),
    "section-break-in-block": ("warning", None),
    "font": ("warning", None),
    "font-size": ("warning", None),
    "page-number": ("warning", None),
    "missing-style": ("warning", None),
}

MESSAGES = {
    **{
        f"template.{kind}": Message("{detail}", hint, severity)
        for kind, (severity, hint) in KINDS.items()
    },
    "template.acknowledged": Message(
        "đã chấp nhận ({source}): {detail}",
        "Lý do: {reason}",
        "info",
    ),
    "template.acknowledgement-unused": Message(
        "chấp nhận «{code}» nhưng mẫu không có cảnh báo nào mang mã này",
        "Xoá dòng chấp nhận nếu cảnh báo đã được sửa; mã được in trong ngoặc vuông ở mỗi "
        "cảnh báo, ví dụ [template.page-setup].",
        "info",
    ),
    "template.acknowledgement-not-warning": Message(
        "«{code}» là lỗi, không chấp nhận được — chỉ cảnh báo mới chấp nhận được",
        "Sửa lỗi trong mẫu; lỗi làm báo cáo sai hoặc không điền được.",
        "warning",
    ),
    "template.acknowledgement-unreadable": Message(
        "chú thích cho reportgen nhưng không đọc được là một dòng chấp nhận cảnh báo",
        "Viết đúng dạng: {{# reportgen: chấp nhận template.page-setup — lý do #}} (mã lấy "
        "trong ngoặc vuông của cảnh báo; nhiều mã cách nhau bằng dấu phẩy).",
        "warning",
    ),
    "template.acknowledgement-without-reason": Message(
        "chấp nhận «{code}» mà không ghi lý do",
        "Ghi lý do sau dấu gạch ngang: {{# reportgen: chấp nhận {code} — lý do #}}",
        "warning",
    ),
}
