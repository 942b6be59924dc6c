"""Catalog entries of the config area: mistakes in a report definition (YAML).

Every message is followed, where it is shown, by the file, line and key path of the mistake;
the hints given here are the defaults (a did-you-mean replaces them where there is one).
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

_TOO_DEEP_ALIASES = "viết thẳng giá trị thay cho các tham chiếu &neo/*neo lồng nhau"
_ONLY_SETTINGS = "định nghĩa báo cáo chỉ chứa cấu hình; số liệu đặt trong tệp CSV/Excel ở mục data"
_INDENT_HINT = "kiểm tra thụt lề (dùng dấu cách, không dùng Tab) và dấu hai chấm sau mỗi khóa"
_SEE_SAMPLES = "xem mẫu trong configs/ và docs/config-reference.md"
_LIST = (
    "lỗi cú pháp YAML: danh sách trong ngoặc vuông [...] thiếu dấu phẩy hoặc chưa đóng «]»",
    "thêm «]» ở cuối danh sách, hoặc dấu phẩy giữa các mục",
)
_BRACES = (
    "lỗi cú pháp YAML: cặp ngoặc nhọn {{...}} thiếu dấu phẩy hoặc chưa đóng «}}»",
    "thêm «}}» ở cuối, hoặc dấu phẩy giữa các mục",
)

MESSAGES = {
    # --- reading the file (config/yamlsource.py) ---
    "config.not-found": Message(
        "không tìm thấy tệp định nghĩa báo cáo", "kiểm tra lại đường dẫn tệp .yaml"
    ),
    "config.not-utf8": Message(
        "tệp không phải UTF-8 (byte lỗi ở vị trí {position})", "lưu lại tệp với mã hóa UTF-8"
    ),
    "config.is-directory": Message(
        "đây là một thư mục, không phải tệp định nghĩa báo cáo",
        "chỉ đường dẫn tới tệp .yaml trong thư mục đó",
    ),
    "config.unreadable": Message(
        "không đọc được tệp định nghĩa báo cáo: {reason}", "kiểm tra quyền đọc tệp"
    ),
    "config.empty": Message("tệp định nghĩa báo cáo trống", _SEE_SAMPLES),
    "config.not-a-mapping": Message(
        "tệp định nghĩa báo cáo phải là một nhóm khóa (report:, data:, …)", _SEE_SAMPLES
    ),
    # the limits of a hand-written file
    "config.too-large": Message(
        "tệp định nghĩa báo cáo quá lớn ({size} byte; tối đa {limit} byte)", _ONLY_SETTINGS
    ),
    "config.too-large-chars": Message(
        "tệp định nghĩa báo cáo quá lớn ({size} ký tự; tối đa {limit})",
        _ONLY_SETTINGS,
        code="config.too-large",
    ),
    "config.too-large-values": Message(
        "tệp định nghĩa báo cáo có quá nhiều giá trị khi mở rộng các tham chiếu *neo (hơn {limit})",
        _TOO_DEEP_ALIASES,
        code="config.too-large",
    ),
    "config.too-large-depth": Message(
        "tệp định nghĩa báo cáo lồng nhau quá sâu (hơn {limit} cấp)",
        "các mục của định nghĩa báo cáo chỉ lồng vài cấp; kiểm tra thụt lề và các dấu [ {{ chưa "
        "đóng",
        code="config.too-large",
    ),
    "config.too-large-aliases": Message(
        "tệp định nghĩa báo cáo dùng quá nhiều tham chiếu *neo (hơn {limit})",
        "viết thẳng giá trị thay cho các tham chiếu &neo/*neo",
        code="config.too-large",
    ),
    "config.recursive-alias": Message(
        "tham chiếu *{anchor} nằm bên trong chính giá trị &{anchor} (giá trị lồng vào chính nó "
        "không bao giờ hết)",
        "bỏ *{anchor} ở dòng này, hoặc viết thẳng giá trị cần dùng",
    ),
    # keys
    "config.key-not-text": Message(
        "khóa phải là một chữ, không phải danh sách hay nhóm khóa",
        "viết khóa là một tên, ví dụ `ho_ngheo:`",
    ),
    "config.duplicate-key": Message(
        'khóa "{key}" xuất hiện hai lần{lines}',
        "xóa một trong hai dòng hoặc đổi tên khóa (giá trị đầu tiên được dùng)",
    ),
    "config.duplicate-key-lines": Message(" (dòng {first} và dòng {second})"),
    # YAML syntax: libyaml's problem said for a person editing the file, with the fix (a
    # problem not in this list keeps libyaml's words, marked as such)
    "config.yaml-syntax": Message(
        "lỗi cú pháp YAML: {said} (thông báo của bộ đọc YAML)", _INDENT_HINT
    ),
    "config.yaml-syntax-undefined-alias": Message(
        "lỗi cú pháp YAML: tham chiếu *… dùng một neo &… chưa được đặt ở phía trên (found "
        "undefined alias)",
        "đặt neo &tên trước chỗ dùng *tên, hoặc viết thẳng giá trị",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-anchor-twice": Message(
        "lỗi cú pháp YAML: một neo &… được đặt hai lần (second occurrence)",
        "đổi tên một trong hai neo &tên",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-colon": Message(
        "lỗi cú pháp YAML: có dấu hai chấm ở chỗ không được có (một giá trị chứa dấu «:» mà "
        "không nằm trong ngoặc kép, hoặc hai khóa trên cùng một dòng)",
        'đặt giá trị có dấu hai chấm trong ngoặc kép, ví dụ title: "Báo cáo: kết quả năm 2024"',
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-tab": Message(
        "lỗi cú pháp YAML: có ký tự Tab ở đầu dòng hoặc giữa khóa và giá trị",
        "thay Tab bằng dấu cách (YAML chỉ thụt lề bằng dấu cách)",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-list": Message(*_LIST, code="config.yaml-syntax"),
    "config.yaml-syntax-braces": Message(*_BRACES, code="config.yaml-syntax"),
    "config.yaml-syntax-quote": Message(
        "lỗi cú pháp YAML: tệp kết thúc khi một chuỗi trong ngoặc kép chưa được đóng",
        "thêm dấu ngoặc kép đóng ở cuối chuỗi bắt đầu từ dòng này",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-backslash": Message(
        "lỗi cú pháp YAML: chuỗi trong ngoặc kép có dấu «\\» không hợp lệ (ví dụ đường dẫn "
        "kiểu C:\\thu-muc)",
        "dùng ngoặc đơn '...' cho chuỗi có dấu «\\», hoặc viết «/» thay cho «\\»",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-indent": Message(
        "lỗi cú pháp YAML: thụt lề không đều: dòng này không thẳng hàng với các khóa hoặc các "
        "mục «-» cùng cấp",
        "thụt lề các khóa cùng cấp bằng đúng số dấu cách như nhau (thường là 2)",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-colon-missing": Message(
        "lỗi cú pháp YAML: thiếu dấu hai chấm sau khóa (hoặc một dòng chữ bị xuống dòng giữa "
        "chừng)",
        "viết «khóa: giá trị»; chữ dài thì đặt cả đoạn trong ngoặc kép trên một dòng",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-indent-keys": Message(
        "lỗi cú pháp YAML: thụt lề không đều: dòng này không thẳng hàng với các khóa cùng cấp",
        _INDENT_HINT,
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-indent-items": Message(
        "lỗi cú pháp YAML: thụt lề không đều trong danh sách: dòng này không thẳng hàng với các "
        "mục «-»",
        _INDENT_HINT,
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-after-quote": Message(
        "lỗi cú pháp YAML: có chữ sau giá trị trong ngoặc kép trên cùng một dòng",
        "đặt cả giá trị trong ngoặc kép, hoặc xuống dòng trước chữ thừa",
        code="config.yaml-syntax",
    ),
    "config.yaml-syntax-token": Message(
        "lỗi cú pháp YAML: có ký tự không được đứng đầu một giá trị{shown} (thường là Tab, @ "
        "hoặc ` đứng đầu)",
        'đặt giá trị trong ngoặc kép, ví dụ ghi_chu: "@ chú thích"',
        code="config.yaml-syntax",
    ),
    # --- the schema: keys and values ---
    "config.did-you-mean": Message('có phải ý bạn là "{name}"?'),
    "config.file-has-errors": Message("Tệp {path} có lỗi"),
    "config.wrong-value": Message("cần {what}, nhưng gặp {got}"),
    "config.no-such-date": Message('ngày "{value}" không có thật', "kiểm tra lại ngày và tháng"),
    "config.unknown-key": Message('khóa "{key}" không được hỗ trợ ở đây'),
    "config.allowed-keys": Message("các khóa được phép: {keys}"),
    "config.missing-key": Message(
        'thiếu khóa bắt buộc "{key}" ({what})', "thêm dòng `{key}: ...`{example}"
    ),
    "config.missing-key-example": Message(", ví dụ `{key}: {example}`"),
    # what a value was, for the "nhưng gặp …" of config.wrong-value
    "config.value-empty": Message("để trống"),
    "config.value-bool": Message("giá trị đúng/sai ({value})"),
    "config.value-map": Message("một nhóm khóa"),
    "config.value-empty-map": Message("một nhóm khóa trống"),
    "config.value-list": Message("một danh sách"),
    "config.value-empty-list": Message("một danh sách trống"),
    # what was expected, where the type's own description does not say it
    "config.at-least-items": Message("ít nhất {count} mục"),
    "config.check-item": Message("một nhóm khóa bắt đầu bằng `check: <loại kiểm tra>`"),
    "config.check-kinds": Message("các loại kiểm tra: {kinds}"),
    "config.unknown-check": Message('không có loại kiểm tra "{name}"'),
    "config.column-and-formula": Message(
        "một chỉ tiêu chỉ lấy từ cột (column) hoặc từ công thức (formula), không cả hai",
        "xóa một trong hai khóa",
    ),
    "config.no-column-or-formula": Message(
        "chỉ tiêu cần có column (cột trong tệp số liệu) hoặc formula (công thức)",
        "thêm `column: <tên cột>` hoặc `formula: <công thức>`",
    ),
    # --- the texts of the report (Jinja in section paragraphs, conditions, header lines) ---
    "config.text-syntax": Message(
        "lỗi cú pháp trong đoạn mẫu: {reason}",
        "mỗi {{{{ phải có }}}} tương ứng; mỗi {{% if %}} cần {{% endif %}}",
    ),
    "config.unknown-filter": Message(
        'không có bộ lọc "{name}"', "các bộ lọc: {some} … (xem `reportgen vars` hoặc README)"
    ),
    "config.text-template": Message("lỗi mẫu: {reason}"),
    "config.text-sandbox": Message(
        "đoạn mẫu dùng «{name}», điều mẫu báo cáo không được phép (vì an toàn); in sẽ luôn lỗi",
        "bỏ phần tên bắt đầu bằng dấu gạch dưới (_) hay lệnh sửa dữ liệu khỏi đoạn này",
    ),
    "config.unknown-name": Message(
        'không có chỉ tiêu hay biến "{name}"', "khai báo chỉ tiêu này trong indicators"
    ),
    # --- indicators and formulas ---
    "config.what-indicator": Message("chỉ tiêu"),
    "config.unknown-indicator": Message(
        'không có {what} "{name}"', "khai báo {what} này trong `indicators` trước khi dùng"
    ),
    "config.total-formula-missing": Message(
        "total: formula cần `formula` hoặc `total_formula`",
        "thêm `total_formula: <công thức>` hoặc đổi thành total: none",
    ),
    "config.percent-sum": Message(
        "tỷ lệ (%) không cộng được giữa các đơn vị",
        "tính lại tỷ lệ toàn thành phố: `total_formula: <phần> / <tổng> * 100`",
    ),
    "config.money-unit": Message(
        'cần một đơn vị tiền ({units}), nhưng gặp "{value}": đơn vị tiền này không được hỗ trợ'
    ),
    "config.text-in-formula": Message(
        'chỉ tiêu "{name}" là chữ (kind: text), không dùng được trong công thức',
        "công thức chỉ dùng các chỉ tiêu có số",
    ),
    "config.bad-formula": Message(
        'công thức "{text}" không hợp lệ{where}: {reason}',
        "ví dụ hợp lệ: ho_ngheo / tong_so_ho * 100",
    ),
    "config.bad-formula-at": Message(" (ký tự thứ {column})"),
    "config.formula-cycle": Message(
        "công thức vòng tròn{what}: {cycle}", "một chỉ tiêu không thể được tính từ chính nó"
    ),
    "config.formula-cycle-city": Message(" (số toàn thành phố)"),
    "config.unit-column-as-figure": Message(
        'cột "{column}" là cột tên đơn vị (data.unit_column), không phải cột số liệu',
        "sửa tên cột của chỉ tiêu",
    ),
    # --- checks ---
    "config.needs-text-indicator": Message(
        'chỉ tiêu "{name}" phải có kind: text', "khai báo `kind: text` cho chỉ tiêu ghi chữ"
    ),
    "config.needs-number-indicator": Message(
        'chỉ tiêu "{name}" là chữ (kind: text), nhưng `{arg}` cần một chỉ tiêu có số',
        "phép kiểm tra cần chỉ tiêu có số; chỉ tiêu chữ (kind: text) chỉ dùng được cho `words` "
        "của phép words và `status` của phép target",
    ),
    "config.continuity-needs-previous": Message(
        "phép kiểm tra continuity cần tệp số liệu kỳ trước (`data.previous`)",
        "khai báo `previous: {{file: <tệp kỳ trước>}}` trong `data`",
    ),
    "config.city-sum-needs-total-row": Message(
        "phép kiểm tra city_sum cần dòng tổng có sẵn trong tệp (`data.total_row`)",
        "khai báo `total_row: <tên dòng tổng>` trong `data`, hoặc bỏ phép kiểm tra này (tổng "
        "được tính từ các đơn vị)",
    ),
    # --- the document: type, legal bases, signer, tables ---
    "config.unknown-doc-type": Message(
        'mã loại văn bản "{doc_code}" không có trong Phụ lục III', "ví dụ: BC, KH, TTr"
    ),
    "config.unknown-basis-type": Message(
        'loại văn bản "{name}" không có trong danh mục',
        "ví dụ: Nghị định, Quyết định, Thông tư, Kế hoạch",
    ),
    "config.basis-after-report": Message(
        "văn bản căn cứ ban hành sau ngày của báo cáo ({basis} > {report})",
        "kiểm tra lại ngày của văn bản căn cứ",
    ),
    "config.basis-code-type": Message(
        'cần số, ký hiệu của {type} (…/{expected_type}-…), nhưng gặp "{doc_code}" (ký hiệu {found_type}: '
        "{found_name})",
        "kiểm tra lại loại văn bản (type) hoặc số, ký hiệu (code)",
    ),
    "config.basis-code-year": Message(
        'năm trong số, ký hiệu "{doc_code}" là {year}, nhưng ngày ban hành là {date}',
        "kiểm tra lại năm trong số, ký hiệu hoặc ngày",
    ),
    "config.basis-code": Message("{message}"),
    "config.unit-signer-missing": Message(
        "báo cáo của phường, xã do UBND phường, xã ban hành nhưng chưa khai báo người ký "
        "(unit_signer): báo cáo sẽ mang chữ ký của người ký cấp thành phố",
        "thêm mục unit_signer (authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: "
        '"{{{{ don_vi.cot.chu_tich }}}}")',
    ),
    "config.role-and-authority": Message(
        "đã có role thì các dòng thẩm quyền được viết tự động; authority viết thêm sẽ trùng",
        "xóa authority (hoặc xóa role để tự viết)",
    ),
    "config.table-needs-columns": Message(
        "bảng cần columns (mỗi cột một chỉ tiêu, mỗi dòng một đơn vị) hoặc rows (mỗi dòng một "
        "chỉ tiêu của đơn vị)",
        "thêm `columns: [ho_ngheo, ty_le_ho_ngheo]` hoặc `rows: [...]`",
    ),
    # --- files and the data block ---
    "config.file-not-found": Message(
        'cần {what}, nhưng "{name}" {state} (tính từ thư mục {base})',
        "kiểm tra lại tên tệp và đường dẫn; đường dẫn tính từ thư mục của tệp YAML",
    ),
    "config.file-missing": Message("không tồn tại"),
    "config.file-is-directory": Message("là một thư mục"),
    "config.what-template": Message("tệp mẫu Word (.docx)"),
    "config.what-data": Message("tệp số liệu"),
    "config.what-previous": Message("tệp số liệu kỳ trước"),
    "config.what-villages": Message("tệp số liệu theo thôn"),
    "config.formula-column": Message(
        'chỉ tiêu "{name}" được tính bằng công thức (formula), không đọc từ cột',
        "xóa dòng này, hoặc thay formula của chỉ tiêu bằng column",
    ),
    "config.rows-order": Message(
        "last_row ({last}) nhỏ hơn first_row ({first})", "đổi chỗ hai giá trị"
    ),
}
