"""Catalog entries of Word templates: the docx engine (reading, preparing, compiling and
filling a template) and the report's template language (texts of the report definition,
filters).

Every problem of a template has a stable code ``template.<kind>`` (:data:`KINDS`: a message
specific to the place, ``{detail}``, the default severity and the general fix). The engine's
own wordings follow, each keyed ``template.<kind>-<variant>`` and reported under its kind
(``code``); the checks of ``reportgen lint`` are in :mod:`reportgen.diagnostics.catalog.lint`.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message
from reportgen.diagnostics.model import Severity

#: kinds of template finding (the part of the code after ``template.``), with their default
#: severity and hint
KINDS: dict[str, tuple[Severity, str | None]] = {
    "bad-docx": (
        "error",
        "Mở tệp bằng Microsoft Word (hoặc LibreOffice) rồi lưu lại với kiểu «Word Document "
        "(*.docx)».",
    ),
    "jinja-syntax": ("error", None),
    "broken-tag": (
        "error",
        "Mở mẫu trong Word, xoá thẻ rồi gõ lại liền một mạch, trọn trong một đoạn "
        "(không xuống dòng, không chèn trường, tab hay hình vào giữa thẻ).",
    ),
    "repaired-tag": ("info", None),
    "misplaced-tag": (
        "error",
        "{{%tr … %}} đặt trong một hàng bảng, {{%tc … %}} trong một ô, {{%p … %}} ở một đoạn "
        "riêng; hai thẻ của một khối phải cùng cấp.",
    ),
    "unsupported-tag": ("error", "Xem các thẻ dùng được trong docs/template-authors.md."),
    "unknown-block": (
        "error",
        "Chỉ có khối {{{{p noi_dung }}}} (phần nội dung sinh từ định nghĩa báo cáo).",
    ),
    "dropped-content": (
        "warning",
        "Đặt thẻ ở một đoạn (hàng, ô) riêng, không có chữ nào khác.",
    ),
    "sandbox": (
        "error",
        "Bỏ phần tên bắt đầu bằng dấu gạch dưới (_) hay lệnh sửa dữ liệu khỏi thẻ.",
    ),
    "tracked-changes": (
        "info",
        "Không cần làm gì. Muốn hết ghi chú: Review → Accept All Changes rồi lưu mẫu.",
    ),
    "kept-section-break": ("info", None),
    "converted-package": ("info", None),
    "dropped-macros": ("warning", None),
    "unknown-variable": ("error", None),
    "unknown-field": ("error", None),
    "unknown-filter": ("error", None),
    "unknown-test": ("error", None),
    "unused-indicator": ("warning", None),
    "page-setup": ("warning", None),
    "section-break-in-block": ("warning", None),
    "font": ("warning", None),
    "font-size": ("warning", None),
    "page-number": ("warning", None),
    "missing-style": ("warning", None),
}

MESSAGES = {
    **{
        f"template.{kind}": Message("{detail}", hint, severity)
        for kind, (severity, hint) in KINDS.items()
    },
    "template.acknowledged": Message(
        "đã chấp nhận ({source}): {detail}",
        "Lý do: {reason}",
        "info",
    ),
    "template.acknowledgement-unused": Message(
        "chấp nhận «{code}» nhưng mẫu không có cảnh báo nào mang mã này",
        "Xoá dòng chấp nhận nếu cảnh báo đã được sửa; mã được in trong ngoặc vuông ở mỗi "
        "cảnh báo, ví dụ [template.page-setup].",
        "info",
    ),
    "template.acknowledgement-not-warning": Message(
        "«{code}» là lỗi, không chấp nhận được — chỉ cảnh báo mới chấp nhận được",
        "Sửa lỗi trong mẫu; lỗi làm báo cáo sai hoặc không điền được.",
        "warning",
    ),
    "template.acknowledgement-unreadable": Message(
        "chú thích cho reportgen nhưng không đọc được là một dòng chấp nhận cảnh báo",
        "Viết đúng dạng: {{# reportgen: chấp nhận template.page-setup — lý do #}} (mã lấy "
        "trong ngoặc vuông của cảnh báo; nhiều mã cách nhau bằng dấu phẩy).",
        "warning",
    ),
    "template.acknowledgement-without-reason": Message(
        "chấp nhận «{code}» mà không ghi lý do",
        "Ghi lý do sau dấu gạch ngang: {{# reportgen: chấp nhận {code} — lý do #}}",
        "warning",
    ),
}


# --- the docx engine --------------------------------------------------------------------------

_BAD_DOCX = "không phải tệp Word .docx hợp lệ"
_BAD_DOCX_HINT = (
    "Mở tệp bằng Microsoft Word (hoặc LibreOffice) rồi lưu lại với kiểu «Word Document (*.docx)»."
)
_SYNTAX_HINT = (
    "Sửa thẻ trong Word: mỗi {{% if %}} cần một {{% endif %}}, mỗi {{% for %}} cần một "
    "{{% endfor %}}; tên biến viết liền, không dấu; chuỗi chữ đặt trong dấu nháy thẳng."
)
_PROBLEMS_HINT = (
    "Mở mẫu trong Word, gõ lại các thẻ được nêu (mỗi thẻ nằm trọn trong một đoạn) rồi lưu lại; "
    "chạy «reportgen lint» để xem toàn bộ vấn đề."
)
_RENDER_SANDBOX_HINT = (
    "Bỏ phần tên bắt đầu bằng dấu gạch dưới (_) hay lệnh sửa dữ liệu khỏi thẻ; chạy "
    "«reportgen lint» để xem mọi thẻ như vậy."
)
_LINT_SANDBOX_HINT = (
    "Mẫu báo cáo chỉ đọc số liệu và chữ: bỏ phần tên bắt đầu bằng dấu gạch dưới (_) và các "
    "lệnh sửa danh sách (append, pop…); dùng các bộ lọc có sẵn (xem docs/template-authors.md)."
)


def _bad_docx(detail: str) -> Message:
    return Message(f"{_BAD_DOCX} ({detail})", _BAD_DOCX_HINT, code="template.bad-docx")


def _broken(text: str, severity: Severity = "error") -> Message:
    return Message(text, None, severity, code="template.broken-tag")


ENGINE: dict[str, Message] = {
    # reading the package (docx/zipio.py, docx/template.py)
    "template.unreadable": Message(
        "không đọc được tệp mẫu: {reason}",
        "Kiểm tra đường dẫn và quyền đọc tệp; đóng tệp nếu đang mở trong Word.",
    ),
    "template.bad-docx-not-zip": _bad_docx(
        "tệp không phải là kho nén ZIP — có thể là tệp .doc cũ, tệp có mật khẩu hoặc tệp hỏng"
    ),
    "template.bad-docx-too-large": _bad_docx(
        "mẫu quá lớn khi giải nén ({size} MB; tối đa {limit} MB)"
    ),
    "template.bad-docx-encrypted": _bad_docx("mục {entry} được mã hoá bằng mật khẩu"),
    "template.bad-docx-compression": _bad_docx("mục {entry} dùng kiểu nén không hỗ trợ"),
    "template.bad-docx-entry-too-large": _bad_docx("mục {entry} quá lớn"),
    "template.bad-docx-truncated": _bad_docx("mục {entry} bị cắt cụt"),
    "template.bad-docx-damaged": _bad_docx("mục {entry} hỏng"),
    "template.bad-docx-crc": _bad_docx("mục {entry} hỏng (sai CRC)"),
    "template.bad-docx-missing-part": _bad_docx("thiếu phần {part}"),
    "template.bad-docx-not-xml": _bad_docx("phần {part} không phải XML hợp lệ"),
    "template.bad-docx-not-document": _bad_docx("phần {part} không phải nội dung văn bản Word"),
    # writing a document (docx/zipio.py): the text of the ValueError the renderer reports
    "template.zip-over-4gb": Message("tệp kết quả quá lớn (trên 4 GB)", code="output.too-large"),
    "template.zip-too-many": Message(
        "tệp kết quả quá lớn cho định dạng ZIP thường", code="output.too-large"
    ),
    # the package's content types (docx/package.py)
    "template.where-package": Message("gói tệp Word"),
    "template.converted-package-kind": Message(
        "mẫu được lưu dạng {kind}; báo cáo sinh ra được ghi thành văn bản Word (.docx) để Word "
        "mở được",
        "Không cần làm gì. Muốn hết ghi chú này: mở mẫu trong Word, File → Save As → "
        "«Word Document (*.docx)».",
        "info",
        code="template.converted-package",
    ),
    "template.dropped-macros-vba": Message(
        "mẫu có macro (VBA); macro đã được bỏ khỏi báo cáo sinh ra — báo cáo không chứa mã chạy "
        "được",
        "Lưu mẫu thành «Word Document (*.docx)» (không macro) để hết cảnh báo này.",
        "warning",
        code="template.dropped-macros",
    ),
    # where a paragraph is (docx/ooxml.py Locator, docx/prepare.py)
    "template.where-body": Message("thân văn bản"),
    "template.where-paragraph": Message("đoạn {number}"),
    "template.where-header": Message("đầu trang"),
    "template.where-footer": Message("chân trang"),
    "template.where-footnotes": Message("chú thích cuối trang"),
    "template.where-endnotes": Message("chú thích cuối văn bản"),
    "template.where-text-box": Message("hộp văn bản trong ({inside})"),
    "template.where-cell": Message("bảng {table}, hàng {row}, ô {cell}"),
    "template.where-appendix": Message("phụ lục (sau phần chữ ký và nơi nhận)"),
    # preparing a part (docx/prepare.py): tracked changes
    "template.tracked-deleted-tag": Message(
        "thẻ đã bị xoá khi bật theo dõi thay đổi (Track Changes); theo quy tắc chấp nhận mọi "
        "thay đổi, thẻ này không được điền",
        severity="info",
        code="template.tracked-changes",
    ),
    "template.tracked-changes-read": Message(
        "phần này có {changes} thay đổi được theo dõi (Track Changes); mẫu được đọc như sau khi "
        "chấp nhận mọi thay đổi (Review → Accept All Changes)",
        severity="info",
        code="template.tracked-changes",
    ),
    # tags Word broke beyond repair
    "template.broken-tag-stray-close": _broken(
        "có «}}}}» mà không có «{{{{» mở trước nó trong cùng đoạn"
    ),
    "template.broken-tag-stray-block-close": _broken(
        "có «%}}» mà không có «{{%» mở trước nó trong cùng đoạn", "warning"
    ),
    "template.broken-tag-unclosed": _broken(
        "thẻ mở bằng «{opener}» nhưng không đóng bằng «{closer}» trong cùng đoạn (một thẻ phải "
        "nằm trọn trong một đoạn)"
    ),
    "template.broken-tag-field": _broken(
        "thẻ nằm vắt qua một trường (field) của Word nên không tự sửa được; hãy gõ lại thẻ ở "
        "ngoài trường"
    ),
    "template.broken-tag-deletion": _broken(
        "thẻ chứa phần đã xoá khi bật theo dõi thay đổi (Track Changes); hãy chấp nhận hoặc từ "
        "chối các thay đổi (Review → Accept/Reject) rồi lưu lại"
    ),
    "template.broken-tag-tab": _broken("thẻ chứa ký tự tab; hãy xoá tab trong thẻ"),
    "template.broken-tag-break": _broken(
        "thẻ chứa dấu ngắt dòng/ngắt trang; hãy gõ thẻ trên một dòng"
    ),
    "template.broken-tag-object": _broken(
        "thẻ chứa hình, ký hiệu hoặc đối tượng khác; hãy gõ lại thẻ"
    ),
    "template.broken-tag-control": _broken(
        "thẻ nằm vắt qua một điều khiển nội dung (content control); hãy gõ lại thẻ"
    ),
    # tags Word split and the engine joined again (the notes of a template.repaired-tag)
    "template.split-cause-proof-err": Message("dấu kiểm tra chính tả"),
    "template.split-cause-bookmark": Message("dấu trang (bookmark)"),
    "template.split-cause-page-break-hint": Message("dấu ngắt trang tự động"),
    "template.split-cause-neutral": Message("dấu chú thích/vùng ẩn"),
    "template.split-cause-one-run": Message("nhiều phần chữ trong một lượt (run)"),
    "template.split-cause-formatting": Message(
        "định dạng khác nhau (thẻ lấy định dạng của phần đầu)"
    ),
    "template.split-cause-rsid": Message("mã phiên sửa (rsid) khác nhau"),
    "template.split-cause-runs": Message("các lượt chữ (run) liền nhau cùng định dạng"),
    "template.split-cause-bracket": Message("dấu ngoặc của thẻ bị tách"),
    "template.repair-split": Message("Word đã tách thẻ thành {pieces} phần ({causes}); đã nối lại"),
    "template.repair-quotes": Message("đã đổi dấu nháy cong thành nháy thẳng trong thẻ"),
    "template.repair-spaces": Message("đã đổi dấu cách không ngắt thành dấu cách thường trong thẻ"),
    "template.repair-nfc": Message(
        "đã chuyển chữ tiếng Việt trong thẻ về dạng dựng sẵn (Unicode NFC) để so sánh đúng với "
        "số liệu"
    ),
    # tags the engine does not take, or takes only in their place
    "template.unsupported-raw": Message(
        'không dùng được {{% raw %}} trong mẫu Word; để in «{{{{» hãy viết {{{{ "{{{{" }}}}',
        code="template.unsupported-tag",
    ),
    "template.unsupported-level-print": Message(
        "không hỗ trợ thẻ {{{{{level} …}}}}; dùng {{%{level} … %}} hoặc {{{{ … }}}}",
        code="template.unsupported-tag",
    ),
    "template.unknown-block-name": Message(
        "thẻ {{{{p {name}}}}} chỉ dùng để chèn một khối nội dung có tên; không có khối «{name}» "
        "(các khối có: {known})",
        code="template.unknown-block",
    ),
    "template.no-blocks": Message("không có khối nào"),
    "template.level-p": Message("đoạn"),
    "template.level-tr": Message("hàng của bảng"),
    "template.level-tc": Message("ô của bảng"),
    "template.level-r": Message("lượt chữ (run)"),
    "template.dropped-paragraph-rest": Message(
        "đoạn chứa thẻ {{%p %}} bị thay cả đoạn bằng thẻ; phần còn lại của đoạn («{rest}») sẽ "
        "bị bỏ",
        severity="warning",
        code="template.dropped-content",
    ),
    "template.dropped-cell-rest": Message(
        "{container} chứa thẻ {{%{level} %}} bị thay cả bằng thẻ; nội dung khác trong đó "
        "(«{rest}») sẽ bị bỏ",
        severity="warning",
        code="template.dropped-content",
    ),
    "template.misplaced-level": Message(
        "thẻ {{%{level} %}} phải nằm trong một {container}", code="template.misplaced-tag"
    ),
    "template.misplaced-several": Message(
        "một {container} chỉ được có một thẻ {{%{level} %}}; ở đây có {count} thẻ ({tags})",
        code="template.misplaced-tag",
    ),
    "template.misplaced-pair": Message(
        "thẻ «{tag}» và thẻ «{other}» ({where}) không cùng một cấp trong văn bản (ví dụ một thẻ "
        "trong đoạn chữ, thẻ kia ở cả đoạn hay trong bảng), điền vào sẽ làm hỏng tệp; hãy đặt "
        "cả hai trong cùng một đoạn, hoặc dùng {{%p … %}} cho cả đoạn, {{%tr … %}} cho cả hàng "
        "bảng",
        code="template.misplaced-tag",
    ),
    "template.kept-section-break-before": Message(
        "đoạn chứa thẻ {{%p %}} mang dấu ngắt phần (section break); ngắt phần được giữ lại "
        "trong một đoạn trống trước khối",
        severity="info",
        code="template.kept-section-break",
    ),
    "template.kept-section-break-after": Message(
        "đoạn chứa thẻ {{%p %}} mang dấu ngắt phần (section break); ngắt phần được giữ lại "
        "trong một đoạn trống sau khối",
        severity="info",
        code="template.kept-section-break",
    ),
    # compiling the parts (docx/template.py): Jinja syntax, stopping a strict prepare
    "template.syntax-unclosed": Message(
        "thẻ «{tag}» mở mà không có thẻ đóng tương ứng (Jinja: {jinja})",
        code="template.jinja-syntax",
    ),
    "template.syntax-unmatched-close": Message(
        "thẻ «{tag}» không khớp với thẻ mở nào (thiếu thẻ mở hoặc đóng sai thứ tự) "
        "(Jinja: {jinja})",
        code="template.jinja-syntax",
    ),
    "template.syntax-bad-statement": Message(
        "thẻ «{tag}» không phải lệnh Jinja hợp lệ ở đây (Jinja: {jinja})",
        code="template.jinja-syntax",
    ),
    "template.syntax-bad-tag": Message(
        "thẻ «{tag}» viết sai (Jinja: {jinja})", code="template.jinja-syntax"
    ),
    "template.unrepaired-tag": Message(
        "{where}: {message}\n    «{text}»", _PROBLEMS_HINT, code="template.error"
    ),
    "template.unrepaired-tags": Message(
        "mẫu có {count} lỗi ở thẻ, không tự sửa được", _PROBLEMS_HINT, code="template.error"
    ),
    "template.syntax-error": Message(
        "lỗi cú pháp trong thẻ ({where}): {message}\n    «{text}»",
        _SYNTAX_HINT,
        code="template.error",
    ),
    # filling a document (docx/template.py): what a failing tag did
    "template.render-tag": Message("không điền được thẻ «{tag}»: {detail}\n    «{text}»"),
    "template.render-part": Message("không điền được {part}: {detail}"),
    "template.render-missing-variable": Message(
        "biến «{name}» không có trong dữ liệu",
        "Kiểm tra tên biến trong thẻ và trong cấu hình báo cáo.",
    ),
    "template.render-missing-field": Message(
        "không có trường «{name}»", "Kiểm tra tên trường trong thẻ (xem «reportgen vars»)."
    ),
    "template.render-unsafe-name": Message(
        "thẻ dùng «{name}», điều mẫu báo cáo không được phép (vì an toàn)",
        _RENDER_SANDBOX_HINT,
        code="template.sandbox",
    ),
    "template.render-unsafe": Message(
        "thẻ làm điều mẫu báo cáo không được phép (vì an toàn)",
        _RENDER_SANDBOX_HINT,
        code="template.sandbox",
    ),
    "template.did-you-mean": Message("Có phải ý bạn là «{name}»?"),
    # analysing a template without filling it (docx/analysis.py)
    "template.sandbox-private": Message(
        "thẻ «{tag}» đọc «{name}», phần bên trong của Python mà mẫu báo cáo không được dùng "
        "(vì an toàn); điền mẫu sẽ luôn lỗi",
        _LINT_SANDBOX_HINT,
        code="template.sandbox",
    ),
    "template.sandbox-mutating": Message(
        "thẻ «{tag}» gọi «{name}», lệnh sửa dữ liệu mà mẫu báo cáo không được dùng (vì an "
        "toàn); điền mẫu sẽ luôn lỗi",
        _LINT_SANDBOX_HINT,
        code="template.sandbox",
    ),
    "template.loader-tag": Message(
        "thẻ «{tag}» nạp một mẫu khác ({word}); mẫu Word không dùng được lệnh này",
        "Chép nội dung cần dùng vào chính mẫu này rồi xoá thẻ.",
        code="template.jinja-syntax",
    ),
    "template.unknown-statement-hint": Message("Các lệnh dùng được: {known}."),
    "template.unknown-statement-guess": Message(
        "Có phải ý bạn là «{guess}»? Các lệnh dùng được: {known}."
    ),
    "template.syntax-explained": Message(
        "thẻ «{tag}»: {what} (Jinja: {jinja})",
        "Sửa thẻ trong Word: tên biến viết liền, không dấu, nối bằng dấu gạch dưới "
        "(ty_le_ho_ngheo); chữ trong thẻ đặt giữa hai dấu nháy ('tỷ đồng'); mỗi «(» có một «)».",
        code="template.jinja-syntax",
    ),
    "template.syntax-why-unknown-statement": Message(
        "«{word}» không phải lệnh dùng được trong thẻ {{% … %}}"
    ),
    "template.syntax-why-no-statement": Message("thẻ lệnh {{% … %}} không có lệnh nào"),
    "template.syntax-why-no-expression": Message(
        "thiếu biểu thức (tên biến, số hay điều kiện) ở chỗ cần có"
    ),
    "template.syntax-why-space-in-name": Message(
        "giữa hai phần của thẻ thiếu dấu chấm, dấu | hay phép tính — tên biến không được có "
        "dấu cách"
    ),
    "template.syntax-why-statement-end": Message("phần cuối của thẻ lệnh thừa chữ hoặc thiếu dấu"),
    "template.syntax-why-char": Message("ký tự «{char}» không dùng được trong thẻ"),
    "template.syntax-why-incomplete": Message(
        "biểu thức bị thiếu một phần (sau phép tính hay dấu | phải có tên)"
    ),
    "template.syntax-why-name-expected": Message("sau dấu chấm hay dấu | phải là một tên"),
    "template.syntax-why-unclosed": Message("thiếu dấu đóng ngoặc hoặc dấu nháy"),
    "template.syntax-why-other": Message("thẻ viết sai"),
    "template.pairing-middle-outside": Message(
        "thẻ «{tag}» không nằm trong một khối {openers} nào",
        "Đặt thẻ giữa {{% if … %}} và {{% endif %}}, hoặc xoá nó.",
        code="template.jinja-syntax",
    ),
    "template.pairing-or": Message(" hay "),
    "template.pairing-crossed": Message(
        "khối «{opened}» … «{tag}» ({where}) bắt chéo với thẻ «{outer}» ({outer_where})",
        "Khối mở sau phải đóng trước: chuyển «{tag}» lên trước «{outer}».",
        code="template.jinja-syntax",
    ),
    "template.pairing-stray-close": Message(
        "thẻ «{tag}» không khớp với thẻ mở nào: trước nó không có thẻ {{% {opener} … %}} nào "
        "đang mở",
        "Xoá thẻ này nếu thừa, hoặc thêm thẻ mở tương ứng ở trước nó.",
        code="template.jinja-syntax",
    ),
    "template.pairing-cut": Message(
        "thẻ «{tag}» mở mà không có thẻ đóng «{closing}» trước thẻ «{outer}» ({outer_where})",
        "Thêm «{closing}» ở chỗ khối kết thúc, trước «{outer}».",
        code="template.jinja-syntax",
    ),
    "template.pairing-unclosed": Message(
        "thẻ «{tag}» mở mà không có thẻ đóng «{closing}» tương ứng",
        "Thêm «{closing}» ở chỗ khối kết thúc.",
        code="template.jinja-syntax",
    ),
}

MESSAGES.update(ENGINE)

# --- the report's template language -------------------------------------------------------------

LANGUAGE: dict[str, Message] = {
    # the texts of the report definition filled per unit (templating/context.py)
    "template.text-render": Message(
        'không điền được {what} "{source}": {detail}',
        "kiểm tra ô tương ứng trong tệp số liệu (ô trống?) hoặc sửa dòng này trong tệp YAML",
    ),
    "template.text-missing-value": Message('thiếu giá trị "{name}"'),
    "template.text-render-head": Message(
        "không điền được phần đầu/cuối báo cáo: {reason}", code="template.text-render"
    ),
    # arithmetic in tags (templating/limits.py) and the definition's texts tried by check
    "template.too-large": Message(
        "phép tính «{expr}» trong thẻ cho kết quả dài hơn {limit} ký tự",
        "Sửa phép tính trong thẻ: mẫu báo cáo chỉ cần những phép tính nhỏ.",
    ),
    "template.too-large-digits": Message(
        "phép tính «{expr}» trong thẻ cho số có hơn {limit} chữ số",
        "Sửa phép tính trong thẻ: mẫu báo cáo chỉ cần những phép tính nhỏ.",
        code="template.too-large",
    ),
    "template.too-large-exponent": Message(
        "phép tính «{expr}» trong thẻ có số mũ lớn hơn {limit}",
        "Sửa phép tính trong thẻ: mẫu báo cáo chỉ cần những phép tính nhỏ.",
        code="template.too-large",
    ),
    "template.too-large-result": Message(
        "phép tính «{expr}» trong thẻ không tính được ({reason})",
        "Sửa phép tính trong thẻ: mẫu báo cáo chỉ cần những phép tính nhỏ.",
        code="template.too-large",
    ),
    "template.too-large-range": Message(
        "range(…) trong thẻ tạo quá nhiều số (tối đa {limit})",
        "Sửa vòng lặp trong thẻ: lặp trên danh sách có sẵn (ví dụ các đơn vị).",
        code="template.too-large",
    ),
    "template.too-large-width": Message(
        "{call}(…) trong thẻ tạo chữ dài hơn {limit} ký tự",
        "Sửa độ rộng trong thẻ.",
        code="template.too-large",
    ),
    "template.division-by-zero": Message(
        "thẻ có phép chia cho 0 («… {op} 0»)",
        "Số chia bằng 0 ở đơn vị này: kiểm tra lại số liệu, hoặc chỉ chia khi số chia khác 0 "
        "(ví dụ {{% if mau_so %}}…{{% endif %}}), hoặc khai báo chỉ tiêu có công thức (formula) "
        "và `uncomputable` cho cách nói khi không tính được.",
    ),
    "template.definition-text": Message(
        'không điền được "{source}": {detail}', code="template.text-render"
    ),
    # what a filter says when it cannot do its job (templating/filters/)
    "template.filter-not-a-number": Message("cần một số, nhưng gặp {type}"),
    "template.filter-money-unit": Message('đơn vị tiền "{unit}" không có; dùng một trong: {units}'),
    "template.filter-missing-figure": Message("thiếu số liệu {label}"),
    "template.filter-no-levels": Message(
        'chỉ tiêu "{label}" chưa khai báo levels (các mức đánh giá)'
    ),
    "template.filter-no-level": Message("{label} = {value}: không thuộc mức đánh giá nào (levels)"),
}

MESSAGES.update(LANGUAGE)
