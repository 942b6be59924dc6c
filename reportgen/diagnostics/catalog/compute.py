"""Catalog entries of the formulas (``formula``/``total_formula`` of an indicator): why a
formula cannot be compiled. Each is the reason a ``config.bad-formula`` finding gives, read with
:func:`reportgen.diagnostics.catalog.text`."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    "compute.formula-empty": Message("công thức trống"),
    "compute.formula-syntax": Message("công thức sai cú pháp: {reason}"),
    "compute.formula-number-too-large": Message("số quá lớn (vượt mọi giới hạn), không tính được"),
    "compute.formula-unknown-function": Message(
        'hàm "{name}" không được hỗ trợ (chỉ có: {functions})'
    ),
    "compute.formula-abs-arguments": Message("hàm abs nhận đúng 1 đối số"),
    "compute.formula-round-arguments": Message(
        "hàm round nhận 2 đối số: round(giá_trị, số_chữ_số)"
    ),
    "compute.formula-round-digits": Message(
        "số chữ số của round phải là một số nguyên từ -{most} đến {most}, viết thẳng (ví dụ "
        "round(ty_le, 2))"
    ),
    "compute.formula-no-arguments": Message("hàm {name} cần ít nhất 1 đối số"),
    "compute.formula-not-allowed": Message(
        "chỉ được dùng số, mã chỉ tiêu, + - * /, dấu ngoặc và các hàm {functions}"
    ),
}
