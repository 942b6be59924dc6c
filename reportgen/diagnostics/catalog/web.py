"""Catalog entries of the web page (``reportgen web``)."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    "web.upload-empty": Message(
        "chưa chọn tệp nào để tải lên",
        "bấm «Chọn tệp» (hoặc kéo tệp thả vào khung) rồi bấm «Tải lên và kiểm tra»",
    ),
    "web.upload-too-large": Message(
        "tệp «{name}» quá lớn ({size}); trang chỉ nhận tệp đến {limit}",
        "xóa các trang tính, ảnh không cần thiết rồi lưu lại; hoặc nhờ người quản trị tăng giới hạn (--max-upload)",
    ),
    "web.request-too-large": Message(
        "tệp gửi lên quá lớn ({size}); trang chỉ nhận tệp đến {limit}",
        "xóa các trang tính, ảnh không cần thiết rồi lưu lại; hoặc nhờ người quản trị tăng giới hạn (--max-upload)",
    ),
    "web.upload-type": Message(
        "tệp «{name}» không phải loại trang nhận ở đây (cần {allowed})",
        "lưu tệp thành một trong các loại {allowed} rồi tải lên lại",
    ),
    "web.upload-corrupt": Message(
        "tệp «{name}» không mở được như một tệp {kind}: {reason}",
        "mở tệp bằng Excel/Word, chọn Lưu thành đúng loại tệp rồi tải lên lại",
    ),
    "web.zip-bomb": Message(
        "tệp «{name}» bị từ chối vì nội dung nén bất thường: {reason}",
        "tệp có thể bị hỏng hoặc không phải tệp văn phòng thật; lưu lại tệp bằng Excel/Word rồi thử lại",
    ),
    "web.csrf": Message(
        "biểu mẫu đã hết hạn hoặc không gửi từ trang này",
        "tải lại trang (F5) rồi làm lại thao tác",
    ),
    "web.login-locked": Message(
        "đã nhập sai mật khẩu {limit} lần từ máy này; trang tạm không nhận mật khẩu",
        "thử lại sau khoảng {minutes} phút; quên mật khẩu thì hỏi người quản trị máy chủ",
    ),
    "web.login-failed": Message(
        "mật khẩu không đúng",
        "hỏi người quản trị máy chủ mật khẩu của trang",
    ),
    "web.not-found": Message(
        "không tìm thấy {what}",
        "quay lại trang chính và chọn lại",
    ),
    "web.batch-running": Message(
        "đợt sinh báo cáo này đang chạy",
        "đợi đợt chạy xong rồi xóa",
    ),
    "web.batches-busy": Message(
        "bạn đang có {n} đợt sinh báo cáo chưa xong",
        "đợi một đợt xong (trang của đợt tự cập nhật) rồi bấm «Sinh báo cáo» lại",
    ),
    "web.report-broken": Message(
        "định nghĩa báo cáo {name} có lỗi nên chưa dùng được:\n{error}",
        "sửa tệp YAML theo các lỗi trên (lệnh `reportgen check {name}` cho kết quả như vậy), rồi tải lại trang",
    ),
    "web.bad-request": Message(
        "trang không làm được thao tác này (mã {status})",
        "quay lại trang trước và dùng các nút trên trang",
    ),
    "web.edit-unsupported": Message(
        "chỉ sửa trực tiếp trên trang được với tệp .xlsx và .csv (tệp này là {ext})",
        "sửa trong Excel rồi tải tệp lên lại",
    ),
    "web.edit-bad-value": Message(
        "giá trị «{value}» cho ô {cell} không phải một số viết kiểu Việt Nam: {reason}",
        "viết số như 1.234 hoặc 12,5 (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân)",
    ),
    "web.edit-formulas": Message(
        "tệp «{name}» có công thức (vd. ô {cell}); sửa trên trang thì các công thức phải được "
        "tính lại, mà máy chủ không có LibreOffice để tính",
        "sửa ô trong Excel (Excel tự tính lại công thức), lưu rồi tải tệp lên lại; hoặc nhờ người "
        "quản trị cài LibreOffice",
    ),
    "web.edit-recalc-failed": Message(
        "không tính lại được các công thức của tệp «{name}» sau khi sửa ({reason})",
        "sửa ô trong Excel (Excel tự tính lại công thức), lưu rồi tải tệp lên lại",
    ),
    "web.edit-nothing": Message(
        "chưa sửa ô nào",
        "gõ giá trị mới vào ô cần sửa rồi bấm «Sửa và kiểm tra lại»",
    ),
    "web.unexpected": Message(
        "có lỗi không lường trước khi {action}",
        "thử lại; nếu vẫn lỗi, báo người quản trị kèm mã {ref} (chi tiết ghi trong nhật ký máy chủ)",
    ),
    "web.pdf-missing": Message(
        "máy chủ chưa có LibreOffice nên chưa tạo được bản PDF và ảnh xem trước",
        "người quản trị cài bằng lệnh: bash scripts/install_pdf_tools.sh; báo cáo .docx vẫn tải về được",
        severity="info",
    ),
    "web.token-required": Message(
        "mở trang cho máy khác (--host {host}) cần mật khẩu do người quản trị đặt",
        "đặt biến môi trường REPORTGEN_WEB_TOKEN (hoặc --token) rồi chạy lại; hoặc bỏ --host để chỉ dùng trên máy này (127.0.0.1)",
    ),
    "web.port-busy": Message(
        "không mở được trang ở {host} cổng {port}: {reason}",
        "{fix}",
    ),
    "web.no-reports": Message(
        "không có định nghĩa báo cáo nào trong {folder}",
        "đặt các tệp .yaml vào thư mục configs/ (chạy `reportgen new TÊN` để tạo một báo cáo), hoặc chọn thư mục khác bằng --root",
        severity="warning",
    ),
}
