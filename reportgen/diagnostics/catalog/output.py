"""Catalog entries of the outputs beside the .docx: PDF conversion, merged PDF, zip."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

INSTALL_HINT = "cài LibreOffice và phông chữ bằng lệnh: bash scripts/install_pdf_tools.sh"

MESSAGES = {
    "output.libreoffice-missing": Message(
        "không tìm thấy LibreOffice (lệnh soffice) để chuyển báo cáo sang PDF",
        INSTALL_HINT + " (rồi chạy lại lệnh; các tệp .docx vẫn dùng được)",
    ),
    "output.uno-missing": Message(
        "có LibreOffice nhưng thiếu cầu nối UNO (gói python3-uno) để điều khiển LibreOffice",
        INSTALL_HINT + "; hoặc đặt biến REPORTGEN_UNO_PYTHON là trình Python nhập được `uno`",
    ),
    "output.libreoffice-start": Message(
        "LibreOffice không khởi động được: {reason}",
        "thử lại; nếu vẫn lỗi, chạy `soffice --headless --version` để xem LibreOffice có chạy "
        "không, hoặc cài lại bằng: bash scripts/install_pdf_tools.sh",
    ),
    "output.pdf-timeout": Message(
        "LibreOffice không chuyển xong {file} sang PDF trong {seconds} giây (đã khởi động lại "
        "và thử lại một lần)",
        "mở tệp trong Word/LibreOffice xem có gì bất thường; tăng thời gian bằng --timeout",
    ),
    "output.pdf-failed": Message(
        "LibreOffice không chuyển được {file} sang PDF: {reason}",
        "mở tệp trong Word xem tệp có hỏng không; sinh lại báo cáo rồi chạy lại lệnh",
    ),
    "output.pdf-exists": Message(
        "{count} tệp PDF đã có nhưng cũ hơn báo cáo .docx (ví dụ {file}); không ghi đè, các "
        "báo cáo này chưa có PDF mới",
        "dùng --overwrite để chuyển lại và ghi đè, hoặc xoá/đổi tên các PDF cũ",
    ),
    "output.pdf-not-pdfa": Message(
        "{count} tệp PDF đã có nhưng không phải PDF/A-2b (ví dụ {file}); không ghi đè, các báo "
        "cáo này chưa có bản PDF/A",
        "dùng --overwrite để chuyển lại thành PDF/A-2b và ghi đè, hoặc xoá/đổi tên các PDF cũ",
    ),
    "output.file-exists": Message(
        "tệp đã có, không ghi đè",
        "dùng --overwrite để ghi đè, hoặc xoá/đổi tên tệp cũ",
    ),
    "output.no-docx": Message(
        "không có tệp .docx nào để chuyển trong thư mục này",
        "chỉ tên một tệp .docx, hoặc thư mục chứa báo cáo đã sinh (ví dụ outputs/giam-ngheo-2024)",
    ),
    "output.not-docx": Message(
        "tệp không phải báo cáo .docx (đuôi tệp là {suffix})",
        "chỉ tên một tệp .docx hoặc một thư mục chứa các tệp .docx",
    ),
    "output.merge-failed": Message(
        "không gộp được các PDF thành một tệp: {reason}",
        "xem lỗi chuyển PDF của từng báo cáo đó trong danh sách này; sửa rồi chạy lại",
    ),
    "output.merge-missing": Message(
        "tệp PDF gộp thiếu báo cáo của {unit} (chưa chuyển được sang PDF)",
        "xem lỗi chuyển PDF của đơn vị này ở trên",
        "warning",
    ),
    "output.zip-missing": Message(
        "tệp nén không có {file}: tệp không còn trên đĩa",
        "sinh lại báo cáo rồi chạy lại lệnh",
        "warning",
    ),
    # writing a report file (atomic writes, the output folder and its lock)
    "output.exists": Message(
        "tệp kết quả đã có, không ghi đè",
        "dùng --overwrite để ghi đè, hoặc chọn thư mục kết quả khác (-o)",
    ),
    "output.exists-would-differ": Message(
        "{count} báo cáo đã có trong {folder} và nếu sinh lại sẽ khác (ví dụ {file}); reportgen "
        "không ghi đè báo cáo đã sinh",
        "dùng --changed để chỉ sinh lại những báo cáo có thay đổi, --overwrite để ghi đè tất cả, "
        "hoặc -o để chọn thư mục khác",
        code="output.exists",
    ),
    "output.no-folder": Message(
        "thư mục kết quả không tồn tại",
        "tạo thư mục {folder} trước, hoặc chọn thư mục khác (-o)",
    ),
    "output.cannot-write": Message(
        "không ghi được tệp kết quả: {reason}",
        "đóng tệp nếu đang mở trong Word, kiểm tra quyền ghi và dung lượng đĩa",
    ),
    "output.cannot-write-create": Message(
        "không tạo được tệp trong thư mục kết quả: {reason}",
        "kiểm tra quyền ghi vào thư mục kết quả và chỗ trống trên ổ đĩa",
        code="output.cannot-write",
    ),
    "output.cannot-write-folder": Message(
        "không ghi được vào thư mục kết quả: {reason}",
        "kiểm tra quyền ghi và chỗ trống trên ổ đĩa, hoặc chọn thư mục khác bằng -o",
        code="output.cannot-write",
    ),
    "output.folder-locked": Message(
        "thư mục kết quả {folder} đang được {holder} ghi vào",
        "chờ lần chạy kia xong rồi chạy lại, hoặc chọn thư mục khác bằng -o",
    ),
    # who holds the folder (the {holder} of output.folder-locked), from its lock file
    "output.holder-unknown": Message("một lần chạy reportgen khác"),
    "output.holder": Message("một lần chạy khác ({details})"),
    "output.holder-pid": Message("tiến trình {pid}"),
    "output.holder-host": Message("trên máy {host}"),
    "output.holder-command": Message("lệnh «{command}»"),
    "output.holder-started": Message("bắt đầu lúc {started}"),
    "output.holder-time": Message("%H:%M:%S ngày %d/%m/%Y"),
    # the reports to convert
    "output.not-found": Message(
        "không có tệp hay thư mục này",
        "kiểm tra lại đường dẫn (tệp .docx hoặc thư mục báo cáo)",
    ),
    "output.no-suffix": Message("trống"),
    # why LibreOffice made no PDF (the {reason} of output.libreoffice-start / pdf-failed)
    "output.no-reason": Message("không rõ lý do"),
    "output.lo-no-answer": Message("không trả lời"),
    "output.lo-died-at-start": Message("dừng ngay khi khởi động"),
    "output.lo-stopped": Message("đã dừng"),
    "output.lo-timeout": Message("quá thời gian"),
    "output.lo-crashed": Message("LibreOffice dừng đột ngột"),
    "output.pdf-unreadable": Message(
        "LibreOffice không mở được tệp (tệp hỏng, hoặc không phải .docx)"
    ),
    "output.merge-lacks": Message("thiếu báo cáo của {units}"),
}
