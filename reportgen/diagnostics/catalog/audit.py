"""Messages of ``reportgen soat``: what does not add up in a finished report."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    "audit.unreadable": Message("không đọc được báo cáo: {reason}", "kiểm tra lại tệp"),
    "audit.words-mismatch": Message(
        "số tiền {figure} nhưng phần bằng chữ đọc là {words_value}",
        "sửa số hoặc phần bằng chữ cho khớp (bằng chữ của {figure}: {expected_words})",
    ),
    "audit.words-unreadable": Message(
        "phần bằng chữ sau {figure} không đọc được thành số: {reason}",
        "viết lại phần bằng chữ cho đúng cách đọc (bằng chữ của {figure}: {expected_words})",
        "warning",
    ),
    "audit.sum-mismatch": Message(
        "tổng {total} nhưng các phần trong đó cộng lại được {parts_sum} ({parts})",
        "kiểm tra lại tổng và từng phần; chênh lệch {difference}",
    ),
    "audit.part-exceeds-total": Message(
        "phần {part} lớn hơn tổng {total} mà nó thuộc về",
        "kiểm tra lại đơn vị (triệu/tỷ đồng) và dấu phân cách của hai số này",
    ),
    "audit.change-mismatch": Message(
        "từ {start} đến {end} là {verb_expected} {expected}, nhưng báo cáo ghi {verb} {found}",
        "sửa mức {verb} thành {expected}, hoặc kiểm tra lại hai số đầu và cuối",
    ),
    "audit.change-direction": Message(
        "từ {start} đến {end} là {verb_expected}, nhưng báo cáo ghi {verb}",
        "kiểm tra lại chiều thay đổi (tăng/giảm) hoặc hai số đầu và cuối",
    ),
    "audit.share-mismatch": Message(
        "{part} trên {base} là {expected}, nhưng báo cáo ghi chiếm {found}",
        "sửa tỷ lệ thành {expected}, hoặc kiểm tra lại số {part} và tổng {base}",
        "warning",
    ),
    "audit.table-total-row": Message(
        'hàng "{label}", cột "{column}": ghi {total} nhưng các hàng cộng lại được {parts_sum}',
        "kiểm tra lại hàng tổng và các hàng thành phần của cột này; chênh lệch {difference}",
    ),
    "audit.table-total-column": Message(
        'cột "{column}" ghi {total} nhưng các cột {members} cộng lại được {parts_sum}',
        "kiểm tra lại ô tổng và các ô thành phần của hàng này; chênh lệch {difference}",
    ),
    "audit.table-rate": Message(
        'cột "{column}" ghi {found} nhưng {count} / {base} = {expected}',
        "sửa tỷ lệ thành {expected}, hoặc kiểm tra lại hai cột {count_column} và {base_column}",
        "warning",
    ),
    "audit.table-formula": Message(
        'cột "{column}" ({number}) = {formula} nhưng ghi {found}; tính theo công thức được {expected}',
        "sửa thành {expected}, hoặc kiểm tra lại các cột {columns} của hàng này",
    ),
    "audit.table-rate-row": Message(
        'hàng "{row}", cột "{column}": ghi {found} nhưng {count} / {base} = {expected}',
        "sửa tỷ lệ thành {expected}, hoặc kiểm tra lại hai hàng {count_row} và {base_row}",
        "warning",
    ),
    "audit.number-form": Message(
        "số {figure} viết không đúng quy tắc: {reason}",
        "{fix}",
        "warning",
    ),
    "audit.number-spacing": Message(
        "{reason}",
        "{fix}",
        "warning",
    ),
    "audit.thousands-separator": Message(
        "số {figure} thiếu dấu chấm phân cách hàng nghìn",
        "viết {fix}",
        "info",
    ),
    "audit.three-decimals": Message(
        "số {figure} có 3 chữ số sau dấu phẩy (tức là đến nghìn đồng): có thể dấu phẩy đã được "
        "gõ thay cho dấu chấm hàng nghìn",
        "nếu là {as_thousands} thì viết {as_thousands}; nếu đúng là {figure} thì viết "
        "{as_dong} hoặc làm tròn đến một chữ số thập phân",
        "info",
    ),
    "audit.date-invalid": Message(
        "ngày {date} không có trong lịch",
        "kiểm tra lại ngày, tháng của văn bản được nhắc tới",
    ),
    "audit.date-padding": Message(
        "ngày {date} chưa viết theo Nghị định 30/2020/NĐ-CP: {reason}",
        "viết {fix}",
        "info",
    ),
    "audit.doc-code": Message(
        "số, ký hiệu văn bản {code} không đúng mẫu: {reason}",
        "{fix}",
        "warning",
    ),
    "audit.doc-code-style": Message(
        "số, ký hiệu văn bản {code}: {reason}",
        "viết theo Nghị định 30/2020/NĐ-CP",
        "info",
    ),
    "audit.citation-year": Message(
        "văn bản {code} mang năm {code_year} nhưng được trích dẫn với ngày {date}",
        "kiểm tra lại năm trong số, ký hiệu hoặc ngày ban hành của văn bản",
        "warning",
    ),
    "audit.citation-type": Message(
        "{reason}",
        "{fix}",
        "warning",
    ),
}
