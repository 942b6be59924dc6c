"""Messages of the template authors' tools: ``reportgen new`` (scaffold), the clerk's form,
acknowledged lint findings and the base template (lint and vars word theirs in ``lint.py``)."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES: dict[str, Message] = {
    # reportgen new
    "authoring.new-unknown-kind": Message(
        'không có loại báo cáo mẫu "{kind}"',
        "{guess}chọn một trong: {listed} (xem: reportgen demo --help)",
        code="output.unknown-kind",
    ),
    "authoring.new-did-you-mean": Message('có phải ý bạn là "{name}"? '),
    "authoring.new-bad-name": Message(
        'tên báo cáo "{name}" không dùng làm tên tệp được',
        'viết tên báo cáo có chữ (ví dụ "Báo cáo sơ kết 6 tháng đầu năm") hoặc tên '
        "tệp không dấu (giam-ngheo-2025)",
        code="output.bad-name",
    ),
    "authoring.new-exists": Message(
        "đã có tệp {path}",
        "chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa",
        code="output.exists",
    ),
    "authoring.new-folder-is-file": Message(
        "không tạo được thư mục {path}: đã có một tệp cùng tên ở đó",
        "đổi tên hoặc xóa tệp {path}, hoặc chọn thư mục khác bằng --dir",
        code="output.cannot-write",
    ),
    "authoring.new-cannot-write": Message(
        "không ghi được vào thư mục {folder}: {reason}",
        "chọn thư mục khác bằng --dir, hoặc xin quyền ghi vào thư mục này",
        code="output.cannot-write",
    ),
    "authoring.new-no-permission": Message("không có quyền ghi"),
    # acknowledged lint warnings: where one was said, a code that does not exist
    "authoring.ack-where-definition": Message("{file}, dòng {line}"),
    "authoring.ack-where-template": Message("chú thích trong mẫu, {where}"),
    "authoring.ack-unknown-code": Message(" Không có mã «{name}»."),
    "authoring.ack-unknown-code-guess": Message(
        " Không có mã «{name}»: có phải ý bạn là «{guess}»?"
    ),
    # the clerk's Excel form: what Excel says when a cell is given a wrong value
    "authoring.form-invalid-title": Message("Số liệu không hợp lệ"),
    "authoring.form-invalid-count": Message(
        "Nhập số nguyên không âm (ví dụ 45), không ghi chữ hay dấu chấm."
    ),
    "authoring.form-invalid-percent": Message(
        "Nhập tỷ lệ từ 0 đến 100 (ví dụ 1,25), không ghi dấu %."
    ),
    "authoring.form-invalid-money": Message(
        "Nhập số tiền không âm, theo đơn vị ghi ở tiêu đề cột."
    ),
}
