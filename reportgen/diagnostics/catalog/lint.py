"""Catalog entries of ``reportgen lint`` (:mod:`reportgen.authoring.lint`): names a template
uses, the layout of Nghị định 30, and the lines of the report around the findings.

Each wording is keyed ``template.<kind>-<variant>`` and reported under its kind (``code``,
one of :data:`reportgen.diagnostics.catalog.template.KINDS`); the pieces a message is put
together from (where a problem is, where a format comes from) are entries without a code.
The ranges Nghị định 30 sets (margins, sizes) are data of the checker, not wording.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message
from reportgen.diagnostics.model import Severity


def _as(code: str, text: str, hint: str | None = None, severity: Severity = "warning") -> Message:
    return Message(text, hint, severity, code=f"template.{code}")


_MARGINS_HINT = (
    "Layout → Margins → Custom Margins: trên 20–25 mm, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm"
)

MESSAGES: dict[str, Message] = {
    # --- the file ---
    "template.lint-not-found": _as(
        "unreadable",
        "không tìm thấy tệp mẫu",
        "Kiểm tra đường dẫn và tên tệp (mẫu Word có đuôi .docx).",
        "error",
    ),
    "template.lint-unreadable": _as(
        "unreadable",
        "không đọc được tệp mẫu: {reason}",
        "Kiểm tra quyền đọc tệp; đóng tệp nếu đang mở trong Word rồi chạy lại.",
        "error",
    ),
    "template.not-docx": Message(
        "tệp {suffix} không phải mẫu Word .docx",
        "Mở tệp bằng Word (hoặc LibreOffice), chọn File → Save As → «Word Document (*.docx)», "
        "rồi chạy lint với tệp .docx.",
    ),
    # --- tags the engine repaired ---
    "template.lint-repaired": Message(
        "đã tự sửa: {message}",
        "Không cần làm gì: mẫu vẫn điền đúng. Muốn hết ghi chú này, xoá thẻ rồi gõ lại liền "
        "một lần (hoặc dán dạng chữ thuần: Ctrl+Shift+V).",
        "info",
    ),
    # --- sentences stating a direction no figure decides ---
    "template.unbacked-direction": Message(
        "câu nói «{word}» nhưng không có số liệu nào quyết định điều đó",
        "Để hướng và mức do số liệu quyết định: {{{{ dau_ky | bien_dong(cuoi_ky) }}}}, "
        "{{{{ a | thay_doi(b) }}}}, {{{{ [..] | gom('tăng') }}}}, {{{{ ty_le | muc }}}}; hoặc "
        "thêm điều kiện when cho đoạn.",
        "warning",
    ),
    "template.where-definition": Message("định nghĩa báo cáo ({file}), {path}"),
    "template.where-definition-line": Message("định nghĩa báo cáo ({file}), dòng {line}, {path}"),
    "template.where-body-paragraph": Message("thân văn bản, đoạn {number}"),
    # --- names ---
    "template.unknown-filter-name": _as(
        "unknown-filter",
        "không có bộ lọc «{name}»",
        "Các bộ lọc: so, phan_tram, diem, tien, chu_tien, chu, ngay, ngay_ngan, thay_doi, "
        "tang_giam, danh_gia, danh_gia_chi_tieu, trich_dan, la_ma (xem docs/template-authors.md).",
        "error",
    ),
    "template.unknown-test-name": _as(
        "unknown-test",
        "không có phép thử «is {name}»",
        "Các phép thử thường dùng: defined, none, number, string.",
        "error",
    ),
    "template.block-as-variable": _as(
        "unknown-variable",
        "«{name}» là khối nội dung, không phải một biến: viết «{{{{ {name} }}}}» sẽ không điền "
        "được",
        "Viết «{{{{p {name} }}}}» (có chữ p) ở một đoạn riêng, không có chữ nào khác.",
        "error",
    ),
    "template.unknown-variable-config": _as(
        "unknown-variable",
        "không có biến «{name}»: không phải chỉ tiêu của định nghĩa báo cáo, cũng không phải tên "
        "có sẵn (bao_cao, don_vi, co_quan…)",
        "Kiểm tra chính tả; chỉ tiêu mới phải được khai báo trong mục indicators của định nghĩa "
        "báo cáo.",
        "error",
    ),
    "template.unknown-variable-no-config": _as(
        "unknown-variable",
        "không rõ biến «{name}» (chạy với --config để kiểm tra theo định nghĩa báo cáo)",
        "Nếu đây là một chỉ tiêu, chạy: reportgen lint MẪU.docx --config ĐỊNH_NGHĨA.yaml",
        "warning",
    ),
    "template.unknown-field-listed": _as(
        "unknown-field",
        "«{owner}» không có trường «{name}»",
        "Các trường của «{owner}»: {listed}.",
        "error",
    ),
    "template.unknown-field-name": _as(
        "unknown-field", "«{owner}» không có trường «{name}»", "Kiểm tra chính tả.", "error"
    ),
    "template.unused-indicators": _as(
        "unused-indicator",
        "mẫu không dùng {count} chỉ tiêu của định nghĩa báo cáo: {listed} (không có trong mẫu, "
        "trong phần nội dung, trong công thức hay phép kiểm tra)",
        "Thêm thẻ, ví dụ {{{{ {first} | so }}}}, vào mẫu hoặc vào một đoạn của mục sections nếu "
        "cần in; nếu không dùng, bỏ chỉ tiêu khỏi mục indicators.",
    ),
    "template.where-indicators": Message("định nghĩa báo cáo ({file}), mục indicators"),
    # --- layout: page setup ---
    "template.where-page-setup": Message("thiết lập trang (Layout → Size / Orientation / Margins)"),
    "template.where-page-setup-section": Message(
        "thiết lập trang (Layout → Size / Orientation / Margins), phần (section) {number}"
    ),
    "template.page-size": _as(
        "page-setup",
        "khổ giấy {short} × {long} mm, không phải A4 (210 × 297 mm) như Nghị định 30 quy định",
        "Layout → Size → A4.",
    ),
    "template.page-landscape": _as(
        "page-setup",
        "trang in ngang; Nghị định 30 quy định khổ A4 dọc, trang ngang chỉ dùng cho phụ lục có "
        "bảng rộng, sau phần chữ ký (nếu cả mẫu chỉ chứa bảng rộng, có thể bỏ qua cảnh báo này)",
        "Layout → Orientation → Portrait; để phụ lục trên trang ngang, đặt nó sau phần Nơi "
        "nhận, ngăn bằng Layout → Breaks → Next Page rồi chọn Landscape cho phần đó.",
    ),
    "template.page-margins": _as(
        "page-setup", "lề trang không đúng Nghị định 30: {wrong}", _MARGINS_HINT + "."
    ),
    "template.page-margins-landscape": _as(
        "page-setup",
        "lề trang không đúng Nghị định 30: {wrong}",
        _MARGINS_HINT + " (trang ngang của phụ lục: trên 30–35 mm, dưới 15–20 mm, trái và phải "
        "20–25 mm).",
    ),
    "template.margin-wrong": Message("{label} {value} mm (cần {low:g}–{high:g} mm)"),
    "template.section-break-in-block-p": _as(
        "section-break-in-block",
        "dấu ngắt phần (section break) nằm trong một khối {{%p if %}} / {{%p for %}}: báo cáo "
        "nào không in khối này sẽ mất dấu ngắt, và mọi trang theo thiết lập của phần sau (ví dụ "
        "trang ngang của phụ lục)",
        "Đưa dấu ngắt phần ra ngoài khối: ngay trước {{%p if … %}} hoặc ngay sau {{%p endif %}} "
        "(Home → ¶ để thấy dấu ngắt).",
    ),
    # --- layout: fonts and sizes ---
    "template.theme-font": Message("(phông chủ đề {theme})"),
    "template.origin-direct": Message("định dạng trực tiếp"),
    "template.origin-char": Message("kiểu ký tự «{name}»"),
    "template.origin-para": Message("kiểu đoạn «{name}»"),
    "template.origin-defaults": Message("mặc định của văn bản"),
    "template.origin-builtin": Message("mặc định của Word"),
    "template.fix-style": Message(
        "Sửa kiểu «{name}» một lần: Home → Styles → chuột phải «{name}» → Modify… → {what}."
    ),
    "template.fix-defaults": Message(
        "Home → Font (Ctrl+D) → {what} → Set As Default (This document only)."
    ),
    "template.fix-direct": Message(
        "Chọn đoạn chữ đó, đặt {what} (hoặc Ctrl+Space để bỏ định dạng trực tiếp)."
    ),
    "template.set-font": Message("phông {font}"),
    "template.set-size": Message("cỡ chữ {size:g}"),
    "template.font-others": Message(" (và {count} đoạn khác: {others})"),
    "template.font-runs": _as(
        "font",
        "chữ dùng phông «{font}» ({origin}){also}; Nghị định 30 quy định phông {required}",
    ),
    "template.place-table": Message("trong bảng"),
    "template.place-body": Message("ở thân văn bản"),
    "template.font-size-runs": _as(
        "font-size", "cỡ chữ {size} pt {place} ({origin}){also}; cần {low:g}–{high:g} pt"
    ),
    "template.style-font": _as(
        "font",
        "kiểu «{name}» dùng phông «{font}» ({origin}); Nghị định 30 quy định phông {required}",
    ),
    "template.style-font-size": _as(
        "font-size", "kiểu «{name}» có cỡ chữ {size} pt; cần {low:g}–{high:g} pt"
    ),
    "template.where-style": Message("kiểu «{name}» (Home → Styles)"),
    "template.where-styles": Message("các kiểu của mẫu (Home → Styles)"),
    "template.missing-styles": _as(
        "missing-style",
        "mẫu thiếu {count} kiểu mà phần nội dung ({{{{p {block} }}}}) dùng: {listed}; các đoạn "
        "đó sẽ không có định dạng của kiểu (chữ đậm, thụt đầu dòng…)",
        "Đừng xóa hay đổi tên các kiểu «RG …» (có thể sửa định dạng của chúng), hoặc tạo lại "
        "mẫu từ templates/bao-cao-co-ban.docx rồi chép phần đã sửa sang.",
    ),
    "template.missing-style-item": Message("«{name}» (mã {id})"),
    # --- layout: page numbers ---
    "template.page-number-footer": _as(
        "page-number",
        "số trang đặt ở chân trang; Nghị định 30 quy định số trang ở giữa lề trên (đầu trang)",
        "Xoá số trang ở chân trang; Insert → Page Number → Top of Page → Plain Number 2 (giữa).",
    ),
    "template.page-number-first-page": _as(
        "page-number",
        "số trang hiện cả ở trang 1; Nghị định 30 quy định không đánh số trang đầu",
        "Nháy đúp vào đầu trang → chọn «Different First Page» (Trang đầu khác), rồi xoá số "
        "trang ở đầu trang của trang 1.",
    ),
    "template.page-number-missing": _as(
        "page-number",
        "mẫu không có số trang ở đầu trang; Nghị định 30 quy định đánh số trang ở giữa lề trên, "
        "từ trang 2",
        "Insert → Page Number → Top of Page → Plain Number 2 (giữa), rồi chọn «Different First "
        "Page».",
    ),
    "template.page-number-not-centred": _as(
        "page-number",
        "số trang không căn giữa; Nghị định 30 quy định số trang ở giữa lề trên",
        "Chọn đoạn chứa số trang, căn giữa (Ctrl+E).",
    ),
    "template.page-number-size": _as(
        "page-number",
        "số trang cỡ chữ {size} pt; Nghị định 30 quy định {low:g}–{high:g} pt",
        "Chọn số trang, đặt cỡ chữ 13 hoặc 14.",
    ),
    "template.page-number-unmarked": Message("{text}⟦số trang⟧"),
    # --- the text report around the findings ---
    "template.lint-title": Message("Kiểm tra mẫu {template}"),
    "template.lint-title-config": Message("Kiểm tra mẫu {template} theo định nghĩa {config}"),
    "template.lint-counts": Message("{errors} lỗi, {warnings} cảnh báo, {infos} ghi chú"),
    "template.lint-counts-accepted": Message(" (có {accepted} cảnh báo đã chấp nhận)"),
    "template.lint-counts-repaired": Message(" (đã tự sửa)"),
    "template.lint-clean": Message("Không có vấn đề nào: mẫu dùng được."),
    "template.lint-result-errors": Message(
        "Kết quả: {counts}. Mẫu chưa dùng được: hãy sửa các lỗi."
    ),
    "template.lint-result-warnings": Message(
        "Kết quả: {counts}. Mẫu điền được, nên xem các cảnh báo."
    ),
    "template.lint-result-notes": Message("Kết quả: {counts}. Mẫu dùng được."),
    # --- the text report of ``reportgen vars`` (authoring/discover.py) ---
    "template.vars-title": Message("Mẫu {template}:"),
    "template.vars-more-places": Message("và {count} chỗ khác"),
    "template.vars-block-note": Message("(phần nội dung sinh từ định nghĩa báo cáo)"),
    "template.vars-empty": Message("Mẫu không có thẻ nào."),
    "template.vars-problems": Message(
        "Có {count} thẻ lỗi, tên trong các thẻ đó chưa được liệt kê; chạy «reportgen lint "
        "{template}» để xem chi tiết."
    ),
    "template.vars-total": Message(
        "Tổng: {variables} biến ({names} tên gốc), {filters} bộ lọc, {blocks} khối."
    ),
}
