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
}
