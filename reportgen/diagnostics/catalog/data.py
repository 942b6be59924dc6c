"""Catalog entries of the data area: reading CSV files and clerks' workbooks."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    "data.os-error": Message(
        "{what}",
        "{hint}",
    ),
    "data.unclosed-quote": Message(
        "dấu ngoặc kép mở ở ô này không được đóng trên cùng dòng: các dòng bên dưới bị gộp vào "
        "một ô (dòng {first} đến {last})",
        'xóa dấu ngoặc kép thừa ở ô này, hoặc thêm dấu " đóng ngay sau nội dung ô',
    ),
    "data.double-encoded": Message(
        'chữ bị mã hóa UTF-8 hai lần ("{text}" là "{fixed}" bị đọc nhầm bảng mã rồi lưu lại), '
        "không phải bảng mã TCVN3/VNI",
        "dùng lại tệp gốc trước khi bị lưu lại; nếu không còn, mở tệp bằng Notepad++ và chọn "
        "Encoding → Convert to ANSI rồi Encoding → Encode in UTF-8 (đừng dùng công cụ chuyển mã "
        "TCVN3/VNI: chữ sẽ hỏng thêm)",
    ),
    "data.subtotal-row": Message(
        'dòng "{name}" có vẻ là dòng cộng/nhóm ({reason}), không phải một phường, xã: nếu tính '
        "như một đơn vị thì số toàn thành phố bị cộng hai lần",
        'khai báo `groups: ["{name}"]` trong data.workbook (dòng được đối chiếu với tổng các đơn '
        "vị trong nhóm và không được tính là đơn vị){total}; nếu đây đúng là một đơn vị, đổi tên "
        "cho rõ (ví dụ Phường …)",
    ),
    "data.uncomputed-formula": Message(
        "ô có công thức {formula} nhưng tệp không lưu giá trị đã tính (tệp được tạo bằng một "
        "chương trình và chưa mở bằng Excel): không biết số liệu",
        "mở tệp trong Excel (hoặc LibreOffice Calc) và lưu lại để công thức được tính, hoặc ghi "
        "số thay cho công thức",
    ),
    "data.group-mismatch": Message(
        'dòng nhóm "{name}" ghi {label} là {stated}, nhưng tổng {n} đơn vị của nhóm ({where}) là '
        "{summed}",
        "sửa số của dòng nhóm hoặc của đơn vị sai; nếu nhóm gồm các dòng khác, kiểm tra "
        "data.workbook.groups",
    ),
    "data.missing-columns": Message(
        "không tìm thấy cột của {n} chỉ tiêu trong bảng (tiêu đề ở {head}):\n{lines}",
        "khai báo cột của từng chỉ tiêu trong data.workbook.columns (đường dẫn tiêu đề, dấu ›)",
    ),
    "data.ambiguous-column": Message(
        "không biết đọc {what} ở cột nào: {why}",
        'khai báo trong data.workbook.columns, ví dụ `{key}: "<đường dẫn tiêu đề>"`',
    ),
    "data.nameless-row": Message(
        "dòng có số liệu nhưng không có tên đơn vị",
        "điền tên phường, xã; nếu là dòng cộng, ghi tên dòng (ví dụ Cộng) và khai báo trong "
        "data.workbook.groups; nếu là dòng thừa, xóa dòng",
    ),
    "data.sheet-join": Message(
        "{message}",
        "các trang tính được ghép theo tên đơn vị: sửa tên cho giống nhau, hoặc thêm dòng của "
        "đơn vị vào trang tính còn thiếu",
    ),
    "data.no-header": Message(
        "không tìm thấy dòng tiêu đề có cột tên đơn vị ({want})",
        "khai báo trong data.workbook: `unit_column: <tiêu đề cột tên đơn vị>` và `header_rows: "
        "<dòng đầu>-<dòng cuối>` (ví dụ 4-5); các dòng đầu trang tính: {first}",
    ),
    "data.layout": Message(
        "{message}",
        "{hint}",
    ),
    "data.no-sheet": Message(
        'không có trang tính "{name}"',
        "{hint}",
    ),
    "data.empty-sheet": Message(
        "trang tính trống",
        "chọn đúng trang tính có số liệu (data.sheet hoặc data.workbook.sheets)",
    ),
    "data.workbook-unreadable": Message(
        "không mở được tệp bảng tính: tệp hỏng, có mật khẩu hoặc không phải tệp Excel/"
        "LibreOffice ({reason})",
        "mở tệp bằng Excel hoặc LibreOffice và lưu lại (.xlsx), rồi thử lại; tệp có mật khẩu thì "
        "bỏ mật khẩu trước",
    ),
    "data.form-mismatch": Message(
        'bảng tính này là biểu mẫu của báo cáo "{form}", không phải "{report}"',
        "dùng đúng biểu mẫu (reportgen form <tệp YAML>), hoặc đúng tệp YAML",
    ),
}
