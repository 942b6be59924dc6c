"""Catalog entries of the command line: what the commands print (progress, summaries, where
the files are), their usage mistakes, and the errors only a command raises.

The help texts of the commands and options stay with their declaration in reportgen/cli/ (they
are their documentation); click's own words are translated in reportgen/locale/.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    # --- every command (cli/main.py) ---
    "cli.usage": Message("Lỗi cách dùng lệnh: {text}", "xem: {path} --help"),
    "cli.interrupted": Message(
        "Đã dừng (Ctrl-C). Các báo cáo đã ghi xong vẫn nguyên vẹn, không có tệp ghi dở; chạy "
        "lại lệnh với --overwrite để làm tiếp.",
        severity="info",
    ),
    "cli.aborted": Message("Đã dừng.", severity="info"),
    "cli.folder": Message("Thư mục: {folder}", severity="info"),
    "cli.zip-written": Message("Tệp nén (để gửi): {path}", severity="info"),
    # --- render and demo (cli/render.py) ---
    "cli.unit-and-all": Message("dùng --unit hoặc --all, không dùng cả hai"),
    "cli.no-such-demo": Message('không có báo cáo mẫu "{name}"; có: {known}'),
    "cli.demo": Message("Báo cáo mẫu: {path} (số liệu mẫu, không có thật)", severity="info"),
    "cli.progress-render": Message("Đang sinh báo cáo", severity="info"),
    "cli.unit-skipped": Message("Bỏ qua: {unit} — {reason}", severity="warning"),
    "cli.unit-failed": Message("Không sinh được báo cáo của {unit}: {reason}"),
    "cli.nothing-changed": Message(
        "Không có gì thay đổi: {count} báo cáo trong {folder} đã đúng với số liệu, mẫu và định "
        "nghĩa hiện tại; không ghi lại tệp nào.",
        severity="info",
    ),
    "cli.rendered": Message(
        "Đã sinh {count} báo cáo{drafts} (mới {new}, thay đổi {changed}, giữ nguyên "
        "{unchanged}), bỏ qua {skipped}, lỗi {failed} trong {seconds} giây.",
        severity="info",
    ),
    "cli.rendered-drafts": Message(" ({drafts} bản DỰ THẢO)", severity="info"),
    "cli.batch-merged-pdf": Message("PDF gộp để in: {path}", severity="info"),
    "cli.batch-file": Message("Tệp {kind}: {path}", severity="info"),
    "cli.findings-file": Message("Kết quả kiểm tra: {path}", severity="info"),
    "cli.render-failed": Message(
        "Có báo cáo không sinh được vì lỗi mẫu hoặc lỗi ghi tệp (không phải lỗi số liệu): xem "
        "các dòng ở trên."
    ),
    # --- PDF, merged PDF and zip (cli/pdf.py) ---
    "cli.pdfa-needs-pdf": Message("--pdfa cần đi cùng --pdf hoặc --pdf-only"),
    "cli.no-pdf-needs-merge": Message("--no-pdf cần đi cùng --merge hoặc --zip"),
    "cli.progress-pdf": Message("Đang chuyển sang PDF", severity="info"),
    "cli.progress-merge": Message("Đang gộp PDF", severity="info"),
    "cli.progress-zip": Message("Đang nén", severity="info"),
    "cli.pdf-converted": Message(
        "Đã chuyển {done}/{reports} báo cáo sang PDF{pdfa} trong {seconds} giây{rate}.{kept}",
        severity="info",
    ),
    "cli.pdf-rate": Message(" ({rate} báo cáo/giây)", severity="info"),
    "cli.pdf-kept": Message(
        " {kept} PDF đã có, đúng với .docx của nó: giữ nguyên.", severity="info"
    ),
    "cli.merged-pdf": Message("PDF gộp (để in): {path}", severity="info"),
    "cli.pdf-beside": Message("PDF{pdfa} cạnh báo cáo: {count} tệp.", severity="info"),
    "cli.pdf-tools-missing": Message(
        "Không ghi được PDF (các báo cáo .docx vẫn được ghi): {error}"
    ),
    # --- check (cli/check.py) ---
    "cli.data-note": Message("Ghi chú khi đọc số liệu: {note}", severity="info"),
    "cli.mark-written": Message("Đã ghi bảng số liệu có đánh dấu: {path}", severity="info"),
    "cli.cannot-render": Message("Chưa sinh được báo cáo từ các tệp này:\n{problems}"),
    # --- soat (cli/soat.py): the copy with Word comments; its codes are output.* ---
    "output.comments-needs-docx": Message(
        "--comments chỉ dùng được với báo cáo .docx (chú thích là comment của Word)",
        "Bỏ --comments, hoặc soát bản .docx của báo cáo.",
    ),
    "output.comments-needs-docx-name": Message(
        "tệp --comments phải có đuôi .docx",
        "Ví dụ: --comments bao-cao-da-soat.docx",
        code="output.comments-needs-docx",
    ),
    "output.comments-is-source": Message(
        "tệp --comments trùng với báo cáo gốc: không ghi đè báo cáo gốc",
        "Chọn một tên khác, ví dụ bao-cao-da-soat.docx.",
    ),
    "output.exists-comments": Message(
        "tệp --comments đã có, không ghi đè",
        "Chọn một tên khác, hoặc thêm --overwrite để ghi đè bản sao cũ.",
        code="output.exists",
    ),
    "cli.soat-failures": Message(
        "Lưu ý: có chỗ chưa soát được do lỗi của chương trình (hãy báo cho người quản trị):\n"
        "{failures}",
        severity="warning",
    ),
    "cli.soat-comments-written": Message(
        "Đã ghi {count} chú thích vào bản sao: {path}", severity="info"
    ),
    # --- form (cli/form.py) ---
    "cli.form-read": Message("Đọc {path}: {count} đơn vị.", severity="info"),
    "cli.form-column": Message(" (cột {letter})", severity="info"),
    "cli.form-written": Message("Đã tạo biểu mẫu: {path}", severity="info"),
    "cli.form-next": Message(
        "Văn thư điền các ô trắng rồi lưu lại; kiểm tra: reportgen check {config} --data {path}",
        severity="info",
    ),
    # --- new (cli/authoring.py) ---
    "cli.new-created": Message("Đã tạo:\n  {config}\n  {template}\n  {data}", severity="info"),
    "cli.new-next": Message(
        "Tiếp theo: reportgen lint {template} --config {config}\n"
        "           reportgen render {config}",
        severity="info",
    ),
    # --- web (cli/web.py) ---
    "cli.web-demo": Message(
        "Không có báo cáo nào trong {folder}: trang mở báo cáo mẫu (số liệu giả định). Dùng "
        "--root để chọn thư mục dự án của bạn.",
        severity="warning",
    ),
    # --- words (cli/words.py) ---
    "cli.number-position": Message("số thứ {index}"),
    "cli.money-fraction": Message(
        '"{text}" có phần lẻ, nhưng số tiền bằng chữ đọc số đồng nguyên',
        "làm tròn đến đồng, hoặc bỏ --money để đọc cả phần thập phân",
    ),
}
