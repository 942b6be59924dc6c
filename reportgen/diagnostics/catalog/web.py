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
    # what was not found (the {what} of web.not-found)
    "web.what-page": Message("trang này"),
    "web.what-report": Message("báo cáo «{key}»"),
    "web.what-this-report": Message("báo cáo này"),
    "web.what-this-file": Message("tệp này"),
    "web.what-file": Message("tệp «{name}»"),
    "web.what-zip": Message("tệp nén của đợt này"),
    "web.what-pdf": Message("bản PDF của báo cáo này"),
    "web.what-marked": Message("bản đánh dấu (tính năng này chưa có trên máy chủ)"),
    "web.what-cell": Message("ô {cell}"),
    "web.what-cell-shown": Message("ô {cell} như trang đang hiện"),
    "web.what-sheet": Message("trang tính «{sheet}»"),
    # what was being done (the {action} of web.unexpected)
    "web.action-request": Message("xử lý yêu cầu"),
    # the page refuses a request
    "web.wrong-host": Message(
        "Trang này chỉ mở được bằng địa chỉ của chính máy chủ (vd. http://127.0.0.1)."
    ),
    "web.login-needed": Message("cần đăng nhập"),
    # an upload refused (the {size}, {kind} and {reason} of web.upload-* and web.zip-bomb)
    "web.more-than": Message("hơn {size}"),
    "web.unnamed-file": Message("tệp không tên"),
    "web.kind-ods": Message("bảng tính OpenDocument (.ods)"),
    "web.not-xls": Message("nội dung không phải sổ làm việc Excel"),
    "web.csv-is-workbook": Message("đây là một sổ làm việc Excel được đặt tên .csv"),
    "web.csv-binary": Message("tệp có ký tự nhị phân"),
    "web.not-office-zip": Message("tệp không phải dạng nén của Office"),
    "web.zip-broken": Message("tệp hỏng ({error})"),
    "web.zip-lacks": Message("thiếu phần {part}"),
    "web.zip-entries": Message("có {count} phần bên trong"),
    "web.zip-bad-name": Message("tên phần bên trong không hợp lệ ({entry})"),
    "web.zip-unpacks-to": Message("giải nén ra hơn {size}"),
    "web.zip-ratio": Message("phần {entry} nén gấp hơn {ratio} lần"),
    # a batch that did not finish (its page says so)
    "web.batch-failed": Message(
        "có lỗi không lường trước khi sinh báo cáo",
        "thử lại; nếu vẫn lỗi, báo người quản trị kèm mã {ref}",
    ),
    "web.batch-interrupted": Message(
        "đợt sinh báo cáo này bị dừng giữa chừng (máy chủ đã khởi động lại)",
        "bấm «Sinh báo cáo» lần nữa; các tệp đã tải lên vẫn còn",
    ),
    # why a unit's report was held back, as the page says it
    "web.skip-errors": Message("{count} lỗi số liệu"),
    "web.skip-checks": Message(" (gồm {count} phép kiểm tra không khớp)"),
    "web.skip-owners": Message(", do ô sai của {units}"),
    "web.skip-see-check": Message(" (xem kết quả kiểm tra)"),
    "web.skip-force": Message(
        "muốn in bản DỰ THẢO: trên trang kiểm tra, chọn «Vẫn in các đơn vị còn lỗi thành bản "
        "DỰ THẢO» rồi sinh báo cáo lại"
    ),
    # why a corrected workbook could not be worked out again (the {reason} of
    # web.edit-recalc-failed)
    "web.no-libreoffice": Message("máy chủ không có LibreOffice"),
    "web.lo-no-answer": Message("LibreOffice không trả lời sau {seconds} giây"),
    "web.lo-not-written": Message("LibreOffice không ghi được tệp"),
    # why a suspect cell is named (the check page)
    "web.suspect-shared": Message(
        "ô này có mặt trong cả {count} phép kiểm tra đang sai của đơn vị; sửa ô này trước rồi "
        "kiểm tra lại"
    ),
    "web.suspect-computed": Message(
        "số liệu chưa đủ để biết ô nào sai; đây là ô mà phép kiểm tra tính ra{needed}, nhưng "
        "cũng có thể sai ở các ô liên quan"
    ),
    "web.suspect-needed": Message(" (cần {value})"),
    "web.suspect-default": Message("ô nghi sai nhất"),
    # `reportgen web` starting
    "web.serving": Message(
        "Trang reportgen: http://{host}:{port}/  (Ctrl-C để dừng)", severity="info"
    ),
    "web.serving-folders": Message(
        "Báo cáo lấy từ: {root}; tệp tải lên lưu ở: {work}", severity="info"
    ),
    "web.serving-token": Message(
        "Trang cần mật khẩu (đã đặt qua REPORTGEN_WEB_TOKEN hoặc --token).", severity="info"
    ),
    # why the page cannot listen (the {reason} and {fix} of web.port-busy)
    "web.host-unknown": Message("không tìm thấy địa chỉ này ({reason})"),
    "web.port-taken": Message("cổng này đang được một chương trình khác dùng"),
    "web.host-not-here": Message("địa chỉ này không phải của máy này"),
    "web.port-privileged": Message("cần quyền quản trị để dùng cổng dưới 1024"),
    "web.fix-port": Message("chọn cổng khác (vd. --port {port})"),
    "web.fix-host": Message(
        "bỏ --host để chỉ dùng trên máy này, hoặc ghi một địa chỉ IP của máy này (xem ip addr)"
    ),
    "web.fix-port-taken": Message(
        "{other}; hoặc dừng chương trình đang dùng cổng này (có thể là một trang reportgen đã "
        "mở trước đó)"
    ),
}
