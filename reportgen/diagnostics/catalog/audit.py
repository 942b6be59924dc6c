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
    # pieces of the number-form findings: the problem (text) and its fix (hint)
    "audit.form-english-way": Message(
        '"{raw}" viết kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn, dấu chấm thập phân)'
    ),
    "audit.form-english-way-fix": Message("Viết kiểu Việt Nam: {fixed}."),
    "audit.form-dong-thousands": Message(
        "đồng không có phần lẻ: có thể là {english} {unit}, dấu phẩy được gõ kiểu tiếng "
        "Anh thay cho dấu chấm hàng nghìn"
    ),
    "audit.form-count-thousands": Message(
        "{unit} không có phần lẻ: có thể là {english} {unit}, dấu phẩy được gõ kiểu tiếng Anh "
        "thay cho dấu chấm hàng nghìn"
    ),
    "audit.form-thousands-fix": Message("Nếu là {english} {unit} thì viết {english}."),
    "audit.form-dong-fraction": Message("đồng không có phần lẻ"),
    "audit.form-dong-fix": Message("Kiểm tra lại số và đơn vị (đồng, triệu đồng)."),
    "audit.form-spaced": Message(
        '"{raw}" có dấu cách giữa các chữ số, nên không rõ là một số ({joined}) hay hai số'
    ),
    "audit.form-spaced-fix": Message("Nếu là một số thì viết {joined}."),
    "audit.form-split-decimal": Message(
        '"{raw}" có dấu cách sau dấu phẩy thập phân, nên không rõ là một số hay hai số'
    ),
    "audit.form-split-decimal-fix": Message("Viết liền: {joined}."),
    "audit.number-form-fix": Message("Sửa lại số."),
    "audit.date-padding-day": Message("ngày nhỏ hơn 10 có số 0 đứng trước"),
    "audit.date-padding-month": Message("tháng 1 và 2 có số 0 đứng trước"),
    "audit.date-padding-late-month": Message("tháng từ 3 đến 12 không có số 0 đứng trước"),
    "audit.doc-code-fix": Message("Sửa lại số, ký hiệu theo Nghị định 30/2020/NĐ-CP."),
    "audit.citation-type-fix": Message("Kiểm tra lại tên loại văn bản và ký hiệu."),
    "audit.words-no-reading": Message("(không đọc được)"),
    "audit.sum-comma-for-dot": Message(
        "có số viết 3 chữ số sau dấu phẩy với triệu đồng; nếu dấu phẩy ở đó là dấu chấm hàng "
        "nghìn thì tổng là {total} và các phần cộng lại được {parts_sum} ({verdict}); "
        "kiểm tra lại tổng, từng phần và dấu phân cách"
    ),
    "audit.sum-comma-for-dot-equal": Message("bằng tổng: chỉ sai dấu phân cách"),
    "audit.sum-comma-for-dot-differs": Message("vẫn khác tổng"),
    "audit.table-exact-totals": Message(
        "các tổng khác của bảng này cộng đúng tuyệt đối, nên chênh lệch {difference} ở đây khó "
        "là do làm tròn; kiểm tra lại ô tổng và các ô thành phần"
    ),
    "audit.table-exact-places": Message(
        "các chỗ khác của bảng này cộng đúng tuyệt đối, nên chênh lệch {difference} ở đây khó "
        "là do làm tròn; kiểm tra lại ô tổng và các ô thành phần"
    ),
    "audit.table-check-failed": Message("bảng {table}: đối chiếu bảng ({error})"),
    # the findings as a Word comment
    "audit.comment-expected": Message("Đúng ra: {expected}"),
    "audit.comment-hint": Message("Gợi ý: {hint}"),
    # the findings as text for a terminal
    "audit.report-title": Message("Soát số liệu: {name}"),
    "audit.report-sentence": Message("   câu: {sentence}"),
    "audit.report-expected": Message("   đúng ra: {expected}"),
    "audit.report-findings": Message("Có {count} chỗ cần xem: {parts}."),
    "audit.report-clean": Message(
        "Không thấy chỗ nào sai: đã đọc {figures} số, {checked} số được đối chiếu với số khác."
    ),
    # a report that cannot be read
    "audit.unreadable-not-docx": Message(
        "không đọc được tệp Word: tệp hỏng hoặc không phải .docx",
        "Mở tệp bằng Word và lưu lại dưới dạng .docx (Word Document), rồi chạy lại.",
        code="audit.unreadable",
    ),
    "audit.unreadable-no-body": Message(
        "tệp Word không có phần nội dung (word/document.xml không có w:body)",
        "Mở tệp bằng Word và lưu lại dưới dạng .docx, rồi chạy lại.",
        code="audit.unreadable",
    ),
    "audit.unreadable-kind": Message(
        'không đọc được loại tệp "{suffix}": cần .docx, .txt hoặc .md',
        "Với tệp .doc (Word cũ) hoặc .pdf: mở bằng Word và lưu lại dưới dạng .docx.",
        code="audit.unreadable",
    ),
    "audit.no-suffix": Message("(không có đuôi)"),
    "audit.unreadable-folder": Message(
        "đây là một thư mục, không phải tệp báo cáo",
        "Ghi tên một tệp .docx, .txt hoặc .md.",
        code="audit.unreadable",
    ),
    "audit.unreadable-too-large": Message(
        "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "Chia báo cáo thành các tệp nhỏ hơn.",
        code="audit.unreadable",
    ),
    "audit.unreadable-missing": Message(
        "không có tệp này",
        "Kiểm tra lại tên và thư mục của tệp báo cáo.",
        code="audit.unreadable",
    ),
    "audit.unreadable-os": Message(
        "không đọc được tệp: {reason}",
        "Kiểm tra quyền đọc tệp; nếu tệp đang mở trong Word thì đóng lại.",
        code="audit.unreadable",
    ),
    "audit.unreadable-encoding": Message(
        "tệp văn bản không phải mã UTF-8 (byte lạ ở vị trí {position})",
        "Lưu lại tệp với mã hóa UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).",
        code="audit.unreadable",
    ),
    # where a paragraph outside the body is
    "audit.where-header": Message("đầu trang"),
    "audit.where-footer": Message("chân trang"),
    "audit.where-footnotes": Message("chú thích cuối trang"),
    "audit.where-endnotes": Message("chú thích cuối văn bản"),
    "audit.where-part-paragraph": Message("{part} ({name}), đoạn {number}"),
}
