"""Catalog entries of the data area: reading CSV files and clerks' workbooks.

Errors are keyed by their code (``data.<kind>``; a second wording of a kind is
``data.<kind>-<variant>``). The notes a read leaves (which rows were taken as the header, where
the table ends…) and the pieces callers put together (a column described, a did-you-mean, the
reason a row looks like a subtotal) are entries too, read with
:func:`reportgen.diagnostics.catalog.text`.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    # --- opening a data file (workbook.py, reader.py) ------------------------------------------
    "data.os-error": Message(
        "không đọc được tệp ({reason})",
        "kiểm tra tệp có đọc được không (ổ đĩa, mạng, quyền), rồi thử lại",
    ),
    "data.os-error-permission": Message(
        "không có quyền đọc tệp",
        "kiểm tra quyền của tệp (chmod/Properties → Security), hoặc đóng chương trình đang khóa "
        "tệp, rồi thử lại",
        code="data.os-error",
    ),
    "data.os-error-directory": Message(
        "đây là một thư mục, không phải tệp",
        "chỉ đường dẫn tới tệp số liệu",
        code="data.os-error",
    ),
    "data.os-error-not-found": Message(
        "không tìm thấy tệp số liệu",
        "kiểm tra đường dẫn (data.file hoặc --data)",
        code="data.os-error",
    ),
    "data.not-found": Message(
        "không tìm thấy tệp số liệu",
        "kiểm tra đường dẫn (data.file trong tệp YAML hoặc --data)",
    ),
    "data.unsupported-type": Message(
        'không đọc được tệp loại "{ext}"',
        "dùng tệp .csv, .xlsx, .xlsm, .xls hoặc .ods",
    ),
    "data.workbook-unreadable": Message(
        "không mở được tệp bảng tính: tệp hỏng, có mật khẩu hoặc không phải tệp Excel/"
        "LibreOffice ({reason})",
        "mở tệp bằng Excel hoặc LibreOffice và lưu lại (.xlsx), rồi thử lại; tệp có mật khẩu thì "
        "bỏ mật khẩu trước",
    ),
    "data.workbook-unreadable-sheet": Message(
        "không đọc được trang tính ({reason})",
        "mở tệp bằng Excel hoặc LibreOffice và lưu lại, rồi thử lại",
        code="data.workbook-unreadable",
    ),
    "data.bad-workbook": Message(
        "không mở được tệp Excel ({reason})",
        "mở tệp bằng Excel và lưu lại dạng .xlsx",
    ),
    # --- the text of a CSV file (reader.py) ---------------------------------------------------
    "data.empty": Message(
        "tệp trống",
        "xuất lại số liệu từ Excel (Lưu thành → CSV UTF-8)",
    ),
    "data.empty-no-data": Message(
        "tệp không có dữ liệu",
        "kiểm tra lại tệp: cần một dòng tiêu đề cột và mỗi dòng một đơn vị",
        code="data.empty",
    ),
    "data.excel-as-csv": Message(
        "tệp này là tệp Excel {kind}, không phải tệp CSV dạng chữ",
        "đổi đuôi tệp thành .xlsx (với tệp .xlsx), hoặc mở bằng Excel và lưu lại dạng CSV UTF-8",
    ),
    "data.bad-utf8": Message(
        "tệp UTF-8 bị hỏng (byte lỗi ở vị trí {position})",
        "lưu lại tệp từ Excel: Lưu thành → CSV UTF-8",
    ),
    "data.bad-utf16": Message(
        "tệp UTF-16 bị hỏng",
        "lỗi ở byte {position}; lưu lại tệp từ Excel",
    ),
    "data.unknown-encoding": Message(
        "không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)",
        "trong Excel chọn Lưu thành → CSV UTF-8 (Comma delimited)",
    ),
    "data.legacy-encoding": Message(
        'chữ có vẻ được gõ bằng bảng mã cũ {encoding} ("{text}"), không phải Unicode',
        "chuyển tệp sang Unicode (ví dụ Unikey → Công cụ chuyển mã: nguồn {source}, đích "
        "Unicode) rồi thử lại",
    ),
    "data.double-encoded": Message(
        'chữ bị mã hóa UTF-8 hai lần ("{text}" là "{fixed}" bị đọc nhầm bảng mã rồi lưu lại), '
        "không phải bảng mã TCVN3/VNI",
        "dùng lại tệp gốc trước khi bị lưu lại; nếu không còn, mở tệp bằng Notepad++ và chọn "
        "Encoding → Convert to ANSI rồi Encoding → Encode in UTF-8 (đừng dùng công cụ chuyển mã "
        "TCVN3/VNI: chữ sẽ hỏng thêm)",
    ),
    "data.unclosed-quote": Message(
        "dấu ngoặc kép mở ở ô này không được đóng trên cùng dòng: các dòng bên dưới bị gộp vào "
        "một ô (dòng {first} đến {last})",
        'xóa dấu ngoặc kép thừa ở ô này, hoặc thêm dấu " đóng ngay sau nội dung ô',
    ),
    "data.unclosed-quote-to-end": Message("hết tệp"),
    "data.unclosed-quote-to-row": Message("dòng {row}"),
    "data.bad-csv": Message(
        "tệp CSV hỏng: {reason}",
        "kiểm tra dấu ngoặc kép trong dòng này",
    ),
    "data.bad-csv-too-long": Message(
        "tệp CSV hỏng: có một ô dài hơn {limit} ký tự (thường do một dấu ngoặc kép không được "
        "đóng)",
        "kiểm tra dấu ngoặc kép trong dòng này",
        code="data.bad-csv",
    ),
    # --- the table of a flat file (reader.py) -------------------------------------------------
    "data.header-row-missing": Message(
        "tệp không có dòng {row}",
        "kiểm tra data.header_row",
    ),
    "data.column-twice": Message(
        'cột "{name}" xuất hiện hai lần (cột {first} và {second})',
        "đổi tên một trong hai cột",
    ),
    "data.header-missing": Message(
        'không tìm thấy dòng tiêu đề có cột "{name}" (tên đơn vị, xem data.unit_column)',
        "{guess}{sheet}dòng đầu tiên có chữ của tệp là: {headers}",
    ),
    "data.header-missing-sheet": Message("kiểm tra trang tính (data.sheet); "),
    "data.no-rows": Message(
        "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
        "mỗi phường, xã cần một dòng dưới dòng tiêu đề",
    ),
    "data.column-missing": Message(
        'thiếu cột "{name}" ({what})',
        "các cột có trong tệp: {columns}",
    ),
    "data.did-you-mean-column": Message('có phải ý bạn là cột "{guess}"?'),
    "data.did-you-mean": Message('có phải ý bạn là "{guess}"? '),
    "data.sheet-missing": Message(
        'không có trang tính "{name}"',
        "{guess}các trang tính: {sheets}",
    ),
    "data.empty-sheet": Message(
        "trang tính trống",
        "chọn đúng trang tính có số liệu (data.sheet hoặc data.workbook.sheets)",
    ),
    "data.empty-sheet-flat": Message(
        "trang tính trống",
        "chọn đúng trang tính có số liệu (data.sheet)",
        code="data.empty-sheet",
    ),
    # --- the table of a clerk's sheet (layout.py) ---------------------------------------------
    "data.no-header": Message(
        "không tìm thấy dòng tiêu đề có cột tên đơn vị ({want})",
        "khai báo trong data.workbook: `unit_column: <tiêu đề cột tên đơn vị>` và `header_rows: "
        "<dòng đầu>-<dòng cuối>` (ví dụ 4-5); các dòng đầu trang tính: {first}",
    ),
    "data.no-header-want": Message("Tên đơn vị / Đơn vị / Phường, xã"),
    "data.no-header-want-declared": Message('Tên đơn vị / Đơn vị / Phường, xã hoặc "{unit}"'),
    "data.no-header-line": Message("dòng {row}: {texts}"),
    "data.layout": Message(
        "{message}",
        "{hint}",
    ),
    "data.layout-no-row": Message(
        "trang tính không có dòng {row}",
        "sửa data.workbook.header_rows",
        code="data.layout",
    ),
    "data.layout-table-end": Message(
        "không rõ bảng kết thúc ở đâu: dòng {note} là ghi chú/chữ ký, nhưng dòng {row} "
        '("{name}") bên dưới còn số liệu',
        "nếu dòng {row} thuộc bảng, chuyển ghi chú xuống dưới bảng; nếu không, khai báo "
        "`last_row: {last}` trong data.workbook",
        code="data.layout",
    ),
    "data.note-header-rows": Message(
        "dòng {top}–{bottom} được lấy làm tiêu đề cột (tiêu đề nhiều dòng); nếu sai, khai báo "
        "`header_rows` trong data.workbook"
    ),
    "data.note-group-row-above": Message(
        "dòng {rows} ngay trên dòng tiêu đề đã khai báo có tiêu đề nhóm gộp nhiều cột "
        "({groups}): tên cột thiếu phần nhóm; nếu dòng đó thuộc tiêu đề, khai báo "
        "`header_rows: {first}-{last}` trong data.workbook"
    ),
    "data.note-blank-rows": Message("bỏ qua {n} dòng trống trong bảng"),
    "data.note-table-end": Message(
        "bảng kết thúc ở dòng {last}; từ dòng {next} trở xuống là ghi chú, chữ ký (không đọc); "
        "nếu sai, khai báo `last_row` trong data.workbook"
    ),
    # --- a clerk's workbook read as the report maps it (sheets.py) ----------------------------
    "data.no-sheet": Message(
        'không có trang tính "{name}"',
        "{guess}các trang tính: {sheets}",
    ),
    "data.form-mismatch": Message(
        'bảng tính này là biểu mẫu của báo cáo "{form}", không phải "{report}"',
        "dùng đúng biểu mẫu (reportgen form <tệp YAML>), hoặc đúng tệp YAML",
    ),
    "data.note-form": Message(
        "biểu mẫu do reportgen tạo: đọc cột theo mã chỉ tiêu ghi trong biểu mẫu"
    ),
    "data.note-flat-sheet": Message(
        "không có trang tính {sheets} (data.workbook.sheets): đọc trang tính {flat} như bảng "
        'phẳng có cột "{unit}", mỗi chỉ tiêu theo `column` của nó (bỏ qua data.workbook)'
    ),
    "data.note-first-sheet-empty": Message(
        "trang tính đầu tiên ({first}) không có bảng số liệu: đọc trang tính {other}; nếu sai, "
        "khai báo `sheets: [<tên trang tính>]` trong data.workbook"
    ),
    "data.note-of-sheet": Message("trang tính {sheet}: {note}"),
    "data.note-groups": Message(
        "trang tính {sheet}: dòng nhóm/cộng (đối chiếu, không tính là đơn vị): {groups}"
    ),
    "data.note-group": Message('dòng {row} "{name}" = {n} đơn vị'),
    "data.note-headings": Message("dòng {rows} là tên nhóm (không có số liệu): bỏ qua"),
    "data.column-named": Message('"{path}" (cột {where})'),
    "data.column-untitled": Message("(không có tiêu đề) (cột {where})"),
    "data.column-letter-ambiguous": Message(
        'cột {letter} có ở {n} trang tính; ghi kèm tên trang tính, ví dụ "{sheet}!{letter}"'
    ),
    "data.column-spec-ambiguous": Message(
        '"{spec}" khớp với {n} cột: {columns}; ghi đủ đường dẫn tiêu đề'
    ),
    "data.ambiguous-column": Message(
        "không biết đọc {what} ở cột nào: {why}",
        'khai báo trong data.workbook.columns, ví dụ `{key}: "<đường dẫn tiêu đề>"`',
    ),
    "data.what-indicator": Message("chỉ tiêu {key}"),
    "data.what-column": Message("cột {key}"),
    "data.missing-column": Message(
        'không tìm thấy cột "{spec}" (khai báo cho {key})',
        "các cột: {columns}",
    ),
    "data.missing-columns": Message(
        "không tìm thấy cột của {n} chỉ tiêu trong bảng (tiêu đề ở {head}):\n{lines}",
        "khai báo cột của từng chỉ tiêu trong data.workbook.columns (đường dẫn tiêu đề, dấu ›)",
    ),
    "data.missing-columns-line": Message("  - {id} ({label}, {unit}): có thể là {guesses}"),
    "data.missing-columns-no-unit": Message("không đơn vị"),
    "data.missing-columns-or": Message(" hoặc "),
    "data.missing-columns-no-guess": Message("(không đoán được)"),
    "data.missing-columns-head": Message("dòng {first}"),
    "data.missing-columns-head-range": Message("dòng {first}–{last}"),
    "data.missing-columns-above": Message("{above}; rồi {hint}"),
    "data.missing-columns-example": Message(
        ", ví dụ (kiểm tra từng dòng trước khi dùng):\n  data:\n    workbook:\n      columns:\n"
        "{lines}"
    ),
    "data.nameless-row": Message(
        "dòng có số liệu nhưng không có tên đơn vị",
        "điền tên phường, xã; nếu là dòng cộng, ghi tên dòng (ví dụ Cộng) và khai báo trong "
        "data.workbook.groups; nếu là dòng thừa, xóa dòng",
    ),
    "data.subtotal-row": Message(
        'dòng "{name}" có vẻ là dòng cộng/nhóm ({reason}), không phải một phường, xã: nếu tính '
        "như một đơn vị thì số toàn thành phố bị cộng hai lần",
        'khai báo `groups: ["{name}"]` trong data.workbook (dòng được đối chiếu với tổng các đơn '
        "vị trong nhóm và không được tính là đơn vị){total}; nếu đây đúng là một đơn vị, đổi tên "
        "cho rõ (ví dụ Phường …)",
    ),
    "data.subtotal-row-total": Message(
        ', hoặc `total_row: "{name}"` trong data nếu đây là dòng toàn thành phố'
    ),
    "data.subtotal-reason-stt": Message("số thứ tự {stt} là số thứ tự của dòng nhóm"),
    "data.subtotal-reason-name": Message("tên dòng là tên một dòng cộng/nhóm"),
    "data.subtotal-reason-above": Message(
        "số liệu bằng tổng các dòng trên nó (dòng {first}–{last})"
    ),
    "data.subtotal-reason-below": Message(
        "số liệu bằng tổng các dòng dưới nó (dòng {first}–{last})"
    ),
    "data.subtotal-reason-others": Message("số liệu bằng tổng mọi dòng đơn vị khác"),
    # --- figures by village (villages.py) -----------------------------------------------------
    "data.what-village-unit": Message("tên phường, xã, xem data.villages.unit_column"),
    "data.what-village-name": Message("tên thôn, tổ dân phố, xem data.villages"),
    "data.what-village-indicator": Message("chỉ tiêu {id} của bảng «{title}» theo thôn"),
    "data.unit-name-missing": Message(
        "dòng có số liệu nhưng không ghi thuộc phường, xã nào",
        "điền tên phường, xã của thôn, tổ dân phố này hoặc xóa dòng thừa",
    ),
    "data.unknown-unit": Message(
        '"{name}" không phải một phường, xã của tệp số liệu chính',
        "{guess}ghi đúng tên phường, xã như trong tệp số liệu chính",
    ),
    "data.village-rows-unreadable": Message("Tệp {file} có dòng không đọc được"),
    "data.village-sum-mismatch": Message(
        "{label}: cộng các thôn, tổ dân phố trong tệp {file} được {total}, khác số của {ward} "
        "({stated})",
        "sửa số của thôn, tổ dân phố hoặc số của phường, xã cho khớp",
    ),
    # --- figures of a whole dataset (dataset.py) ----------------------------------------------
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
    "data.sheet-join": Message(
        'đơn vị "{name}" có ở trang tính {sheet} nhưng không có ở trang tính {first}',
        "các trang tính được ghép theo tên đơn vị: sửa tên cho giống nhau, hoặc thêm đơn vị vào "
        "trang tính kia",
    ),
    "data.sheet-join-missing": Message(
        "trang tính {sheet} thiếu {n} đơn vị có ở trang tính {first}: {names}",
        "thêm dòng của các đơn vị này, hoặc sửa tên cho giống trang tính {first}",
        code="data.sheet-join",
    ),
    # --- the units of a table (dataset.py) ----------------------------------------------------
    "data.what-unit": Message("tên đơn vị, xem data.unit_column"),
    "data.what-kind": Message("loại đơn vị, xem data.kind_column"),
    "data.what-indicator-named": Message("chỉ tiêu {id}: {label}"),
    "data.column-missing-listed-above": Message(
        "không đoán được cột nào; các cột có trong tệp: xem lỗi trên"
    ),
    "data.file-missing-columns": Message("Tệp {file} thiếu cột"),
    "data.file-rows-unreadable": Message("Tệp {file} có dòng không đọc được"),
    "data.file-has-errors": Message("Tệp {file} có lỗi"),
    "data.unit-name-missing-unit": Message(
        "dòng có số liệu nhưng không có tên đơn vị",
        "điền tên phường, xã hoặc xóa dòng thừa",
        code="data.unit-name-missing",
    ),
    "data.unit-name-missing-city": Message(
        "dòng số liệu không có tên",
        "ghi tên toàn thành phố vào cột tên đơn vị",
        code="data.unit-name-missing",
    ),
    "data.unit-twice": Message(
        'đơn vị "{name}" có hai dòng (dòng {first} và dòng {row})',
        "xóa dòng trùng hoặc sửa tên đơn vị (tên được so không phân biệt hoa thường, dấu cách "
        "thừa và vị trí dấu thanh)",
    ),
    "data.subtotal-row-looks-total": Message(
        'dòng "{name}" có vẻ là dòng tổng, không phải một phường, xã: nếu tính như một đơn vị '
        "thì số toàn thành phố bị cộng hai lần",
        'khai báo `total_row: "{name}"` trong mục data để reportgen đọc dòng này làm số toàn '
        "thành phố và đối chiếu với tổng các đơn vị, hoặc xóa dòng này",
        code="data.subtotal-row",
    ),
    "data.row-too-wide": Message(
        "dòng có {cells} ô nhưng dòng tiêu đề chỉ có {width} cột: các ô thừa sẽ lệch cột",
        "nếu tệp phân cách cột bằng dấu phẩy thì số thập phân phải đặt trong ngoặc kép "
        '("494,4") hoặc lưu lại tệp với dấu chấm phẩy; nếu không, xóa các ô thừa',
    ),
    "data.same-file-name": Message(
        'hai đơn vị "{first}" và "{second}" có cùng tên tệp "{slug}"',
        "đổi tên để hai đơn vị khác nhau",
    ),
    "data.total-row-missing": Message(
        'không tìm thấy dòng tổng "{name}" trong cột {column}',
        "{guess}sửa data.total_row cho khớp tên dòng tổng, hoặc bỏ khóa này để tính tổng từ các "
        "đơn vị",
    ),
    "data.city-only-rows": Message(
        "báo cáo chỉ có số toàn thành phố (data.city_only), nhưng tệp có {n} dòng số liệu",
        "để lại đúng một dòng cho toàn thành phố, hoặc bỏ `city_only` nếu tệp có các phường, xã",
    ),
    # a cell that cannot be read as its figure (a finding data.cell of validation)
    "data.cell-empty": Message(
        "ô trống: thiếu số liệu {label} (ô trống không được coi là 0)",
        "điền số liệu (ghi 0 nếu không có) hoặc khai báo `optional: true` cho chỉ tiêu",
        code="data.cell",
    ),
    "data.cell-other-style": Message(
        '"{text}" đọc theo locale {locale} là số thập phân {shown}, nhưng chỉ tiêu là số đếm '
        "(số nguyên): không rõ ý người nhập",
        "nếu là số nguyên {whole} thì viết {grouped}; nếu cả tệp viết số kiểu khác thì khai "
        "báo `locale: {other}`",
        code="data.cell",
    ),
    "data.cell-too-many-decimals": Message(
        '"{text}" có nhiều chữ số thập phân hơn khai báo cho {label} (decimals: {places}): báo '
        "cáo sẽ in số đã làm tròn, khác số đã ghi",
        "ghi số với {places} chữ số thập phân, hoặc sửa `decimals` của chỉ tiêu {id} trong tệp "
        "YAML",
        code="data.cell",
    ),
    "data.group-row-cell": Message('dòng nhóm "{name}": {message}'),
    "data.group-where-below": Message("các dòng {first}–{last} ngay dưới"),
    "data.group-where-above": Message("các dòng {first}–{last} ngay trên"),
    "data.group-where-all": Message("mọi đơn vị của trang tính (dòng {first}–{last})"),
}
