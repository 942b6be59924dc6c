"""Vietnamese messages of the check area that are not written by a check kind itself (each kind
words its own findings in reportgen/validate/kinds/<kind>.py, beside its computation)."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES: dict[str, Message] = {
    "check.uncomputable": Message(
        "{label}: không tính được ({formula}) {because}; báo cáo sẽ không có số này",
        "kiểm tra lại {inputs}; nếu đúng là bằng 0 thì khai báo `uncomputable: <cách nói>` cho "
        'chỉ tiêu (ví dụ "không có"), hoặc sửa câu trong mẫu để không in chỉ tiêu này cho đơn '
        "vị (ví dụ `{{% if {guard} %}}`)",
    ),
    "check.uncomputable-declared": Message(
        '{label}: không tính được ({formula}); báo cáo ghi "{words}" như đã khai báo',
        severity="info",
    ),
    "check.mark-extension": Message(
        "tệp đánh dấu phải có đuôi .xlsx, nhưng gặp {name}",
        "ví dụ: --mark {suggested}",
    ),
    "check.mark-is-input": Message(
        "{path} là chính tệp số liệu: reportgen không bao giờ sửa tệp gốc",
        "ghi bản đánh dấu vào một tệp khác, ví dụ so-lieu-danh-dau.xlsx",
    ),
    "check.uncomputable-zero": Message("vì {labels} bằng 0"),
    "check.uncomputable-division": Message("vì phép chia cho 0"),
    "check.uncomputable-inputs": Message("số liệu"),
    "check.and": Message(" và "),
    # the automatic ranges of every indicator: what is needed (text) and the fix (hint)
    "check.range-automatic": Message("{unit}: {label}: cần {why}, nhưng ghi {value}{where}"),
    "check.range-count": Message(
        "số nguyên không âm (số đếm)", "số hộ, số người, số lượt… là số nguyên từ 0 trở lên"
    ),
    "check.range-money": Message("số tiền không âm", "kiểm tra dấu trừ thừa"),
    "check.range-percent": Message(
        "tỷ lệ từ 0 đến 100%", "tỷ lệ ghi theo phần trăm (62,95 nghĩa là 62,95%)"
    ),
    "check.no-figure": Message("(không có số liệu)"),
    "check.where-city-formula": Message(
        " (số toàn thành phố được tính bằng công thức từ số của các đơn vị)"
    ),
    "check.where-city-sum": Message(
        " (số toàn thành phố được cộng từ các đơn vị: sửa ở đơn vị ghi sai)"
    ),
    # the marked copy of the data file
    "check.mark-suspect": Message("Ô nghi sai. "),
    "check.mark-consequence": Message(
        "{message}\n→ hệ quả của ô nghi sai: {reasoning}",
        "sửa ô nghi sai; phép kiểm tra này sẽ khớp theo",
    ),
    "check.all-clear": Message("Số liệu khớp: không có lỗi nào."),
    # the text report of `reportgen check`
    "check.summary": Message(
        "Kết quả: {errors} lỗi{units}{grouped}, {warnings} cảnh báo, {infos} ghi chú."
    ),
    "check.summary-units": Message(" ở {count} đơn vị"),
    "check.summary-grouped": Message(" (gồm {count} phép kiểm tra không khớp)"),
    "check.report-sources": Message("nguồn: "),
    "check.report-check": Message("phép kiểm tra: {key}"),
    "check.report-check-line": Message(" (dòng {line} của tệp YAML)"),
    "check.report-suspect": Message("ô nghi sai"),
    # running the checks
    "check.automatic-city-sum": Message("city_sum (tự động, vì có data.total_row)"),
    "check.unknown-unit": Message(
        'cần tên một đơn vị có trong tệp số liệu {file}, nhưng gặp "{name}"',
        "các đơn vị: {names}",
        code="config.unknown-unit",
    ),
    "check.did-you-mean": Message('có phải ý bạn là "{name}"?'),
    "check.file-has-errors": Message("Tệp {path} có lỗi"),
    # the reasoning: the shape of a mistake, the cell to fix
    "check.previous-period": Message("số kỳ trước"),
    "check.shape-dong-for-trieu": Message(
        "ghi theo đồng thay vì triệu đồng (lớn gấp 1.000.000 lần)"
    ),
    "check.shape-thousand": Message("ghi theo đơn vị nhỏ hơn (lớn gấp 1.000 lần)"),
    "check.shape-decimal-x": Message("dời dấu phẩy thập phân (lớn gấp {times} lần)"),
    "check.shape-decimal-div": Message("dời dấu phẩy thập phân (nhỏ đi {times} lần)"),
    "check.shape-swapped-digits": Message("đảo chỗ hai chữ số"),
    "check.shape-digit-typo": Message("gõ nhầm một chữ số"),
    "check.shape-neighbour": Message("chép nhầm số của {where}"),
    "check.shape-last-year": Message("chép số kỳ trước ({previous})"),
    "check.reason-whose": Message(" của {unit}"),
    "check.reason-next-column": Message("cột bên cạnh ({name})"),
    "check.reason-next-row": Message("dòng bên cạnh ({name})"),
    "check.reason-group-row": Message('dòng nhóm "{name}"'),
    "check.reason-total-row": Message("dòng tổng"),
    "check.reason-total-follows": Message(
        "; dòng tổng đang bằng tổng các đơn vị (có lẽ là công thức) nên cũng đổi theo ô được sửa"
    ),
    "check.reason-total-or-unit": Message(
        "số liệu không đủ để biết ô nào sai — {cells} ở dòng tổng, hoặc số của một đơn vị: xem "
        "các đơn vị có lỗi ở cột này"
    ),
    "check.reason-total-agrees": Message(
        "dòng tổng khớp khi sửa ô nghi sai ở {names} (xem ở trên)"
    ),
    "check.reason-nothing": Message(
        "không tìm được một hay hai ô mà sửa lại thì cả {count} phép kiểm tra đều khớp: có thể "
        "nhiều ô cùng sai, kiểm tra lại từng phép kiểm tra dưới đây"
    ),
    "check.fix-to": Message("sửa thành {value}"),
    "check.fix-between": Message("sửa thành một số từ {low} đến {high}"),
    "check.fix-perhaps": Message(" (có lẽ {value})"),
    "check.fix-at-most": Message("sửa thành số không quá {value}"),
    "check.fix-it": Message("sửa lại"),
    "check.reason-shape": Message(", có lẽ do {shape}"),
    "check.reason-out-of-line": Message(
        ", lệch hẳn so với các đơn vị khác (tính theo {reference})"
    ),
    "check.reason-all-agree": Message("cả {count} phép kiểm tra đều khớp"),
    "check.reason-agrees": Message("phép kiểm tra sẽ khớp"),
    "check.reason-including": Message(", kể cả {rows}"),
    "check.reason-the-suspect": Message("ô nghi sai nhất"),
    "check.reason-the-two-suspects": Message("hai ô nghi sai nhất"),
    "check.reason-decided": Message("{which}: {cells} — nếu {fixes} thì {agree}"),
    "check.reason-undecided": Message(
        "số liệu không đủ để biết ô nào sai — sửa một trong các ô sau thì {agree}: {cells}"
    ),
}
