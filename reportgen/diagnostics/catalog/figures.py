"""Catalog entries of Vietnamese figures, numbers in words, dates and document codes
(reportgen/vnformat/).

A number typed by a person that cannot be read is ``data.bad-number`` (one entry per wording,
``data.bad-number-<variant>``); a reading in words that is not one is ``data.bad-words``; a
malformed document code is ``config.bad-document-code``. The names of the marks (``dấu phẩy``…)
and the other pieces callers put together are entries too, read with
:func:`reportgen.diagnostics.catalog.text`. Errors of a program passing a wrong value (a float
for money, an unknown money unit) are worded here as well, since a clerk may read them.
"""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

_BAD_NUMBER = '"{text}" không phải là số: '

MESSAGES = {
    # --- exact figures (numbers.py) ------------------------------------------------------------
    "data.float-figure": Message(
        "Không dùng số thực float ({value!r}) cho số liệu: float không giữ đúng tiền; "
        "dùng Decimal, int hoặc chuỗi như '1234.5'"
    ),
    "data.not-a-figure": Message(
        "Cần một số (Decimal, int hoặc chuỗi như '1234.5'), nhận được {kind}"
    ),
    "data.bad-number-not-finite": Message(
        "Giá trị {value} không phải là một số hữu hạn",
        "Kiểm tra lại dữ liệu: cần một số cụ thể.",
        code="data.bad-number",
    ),
    "data.bad-number-machine": Message(
        '"{value}" không phải là số dạng máy: cần chữ số và dấu chấm thập phân (ví dụ 1234.5)',
        "Số do người gõ (1.234,5) thì đọc bằng parse_number.",
        code="data.bad-number",
    ),
    "data.bad-decimals": Message(
        "Số chữ số thập phân phải là số nguyên không âm, nhận được {decimals!r}"
    ),
    "data.cannot-round": Message("Không làm tròn được {value} tới {decimals} chữ số thập phân"),
    "data.cannot-round-digits": Message("Không làm tròn được {value} tới {decimals} chữ số"),
    "data.bad-points-style": Message(
        'Kiểu viết điểm phần trăm không hợp lệ: {style!r} (dùng "diem" hoặc "percent")'
    ),
    "data.bad-money-unit": Message(
        'Đơn vị tiền không hợp lệ: "{unit}"; các đơn vị dùng được: {known}'
    ),
    # --- numbers typed by people (numbers.py, parse_number) ----------------------------------
    "data.parse-number-not-text": Message("parse_number cần một chuỗi, nhận được {kind}"),
    "data.number-locale": Message('Locale nhập số không hỗ trợ: {locale!r} (dùng "vi" hoặc "en")'),
    # the names of the marks and styles the wordings below are filled with
    "data.number-mark-comma": Message("dấu phẩy"),
    "data.number-mark-dot": Message("dấu chấm"),
    "data.number-mark-space": Message("dấu cách"),
    "data.number-style-vi": Message("kiểu Việt Nam (vi)"),
    "data.number-style-en": Message("kiểu tiếng Anh (en)"),
    "data.number-either": Message("{first} hoặc {second}"),
    "data.bad-number": Message(
        _BAD_NUMBER + 'có ký tự "{ch}" không phải chữ số (cần chữ số, {grp_name} hàng nghìn, '
        "{dec_name} thập phân)",
        'Bỏ ký tự "{ch}" hoặc sửa lại số.',
    ),
    "data.bad-number-empty": Message(
        "Ô trống: cần một số",
        "Điền số (ví dụ {ex_grp} hoặc {ex_dec}) hoặc bỏ dòng này.",
        code="data.bad-number",
    ),
    "data.bad-number-sign-only": Message(
        _BAD_NUMBER + "chỉ có dấu, không có chữ số",
        "Điền số sau dấu.",
        code="data.bad-number",
    ),
    "data.bad-number-percent": Message(
        _BAD_NUMBER + 'có dấu "%" — ở đây cần một số, không kèm dấu phần trăm',
        'Bỏ dấu "%" (ví dụ viết {ex_dec} thay cho {ex_dec}%).',
        code="data.bad-number",
    ),
    "data.bad-number-sign": Message(
        _BAD_NUMBER + 'dấu "{ch}" chỉ được đứng đầu số',
        "Bỏ dấu thừa.",
        code="data.bad-number",
    ),
    "data.bad-number-start": Message(
        _BAD_NUMBER + "phải bắt đầu bằng chữ số",
        "Viết ví dụ {ex_grp} hoặc {ex_dec}.",
        code="data.bad-number",
    ),
    "data.bad-number-other-style": Message(
        _BAD_NUMBER + "có {grp_name} đứng sau {dec_name} — đây là cách viết {other_style}, "
        'nhưng dữ liệu khai báo locale là "{locale}" '
        "({dec_name} là dấu thập phân, {grp_name} phân cách hàng nghìn)",
        'Viết theo {style} (ví dụ {example}), hoặc khai báo locale "{other}" nếu cả tệp viết '
        "{other_style}.",
        code="data.bad-number",
    ),
    "data.bad-number-decimal-marks": Message(
        _BAD_NUMBER + "có {count} {dec_name}, nhưng {dec_name} là dấu thập phân và chỉ có một "
        "(ví dụ {ex_dec})",
        "Giữ một {dec_name} thập phân; hàng nghìn phân cách bằng {grp_name} "
        '(ví dụ {example}), hoặc khai báo locale "{other}" nếu cả tệp viết {other_style}.',
        code="data.bad-number",
    ),
    "data.bad-number-empty-fraction": Message(
        _BAD_NUMBER + "sau {dec_name} thập phân phải có chữ số (ví dụ {ex_dec})",
        "Bỏ {dec_name} ở cuối hoặc viết thêm chữ số thập phân.",
        code="data.bad-number",
    ),
    "data.bad-number-fraction-space": Message(
        _BAD_NUMBER + "sau {dec_name} thập phân chỉ được có chữ số, không có dấu cách "
        "(ví dụ {ex_dec}5)",
        "Bỏ dấu cách trong phần thập phân.",
        code="data.bad-number",
    ),
    "data.bad-number-no-integer": Message(
        _BAD_NUMBER + "thiếu phần nguyên trước {dec_name} (ví dụ 0{dec}5)",
        "Viết 0{written}.",
        code="data.bad-number",
    ),
    "data.bad-number-mixed-groups": Message(
        _BAD_NUMBER + "phần nguyên dùng lẫn nhiều kiểu phân cách hàng nghìn "
        "(chỉ dùng {grp_name} hoặc chỉ dùng dấu cách, ví dụ {example_int})",
        "Viết {fix}.",
        code="data.bad-number",
    ),
    "data.bad-number-leading-group": Message(
        _BAD_NUMBER + "trước {sep_name} phân cách hàng nghìn phải có chữ số (ví dụ {ex_grp})",
        "Bỏ {sep_name} ở đầu số.",
        code="data.bad-number",
    ),
    "data.bad-number-long-first-group": Message(
        _BAD_NUMBER + "trước {sep_name} phân cách hàng nghìn chỉ được có 1 đến 3 chữ số "
        "(ví dụ {example_int})",
        "Nếu là {regrouped} thì viết {fix}.",
        code="data.bad-number",
    ),
    "data.bad-number-leading-zero": Message(
        _BAD_NUMBER + "số có {sep_name} phân cách hàng nghìn không được bắt đầu bằng chữ số 0 "
        "(không rõ là số thập phân hay số nguyên, ví dụ 0{dec}5 hoặc 500)",
        "Nếu là số thập phân thì dùng {dec_name} ({as_decimal}); "
        "nếu là số nguyên thì bỏ số 0 ở đầu.",
        code="data.bad-number",
    ),
    "data.bad-number-extra-group-mark": Message(
        _BAD_NUMBER + "có {sep_name} phân cách hàng nghìn thừa (hai dấu liền nhau hoặc ở cuối)",
        "Kiểm tra lại số: có thể gõ thừa hoặc thiếu dấu (ví dụ {fix}).",
        code="data.bad-number",
    ),
    "data.bad-number-group-size": Message(
        _BAD_NUMBER + "sau {sep_name} phân cách hàng nghìn phải có đúng 3 chữ số "
        '(ví dụ {example_int}), nhưng nhóm "{group}" có {size} chữ số',
        "Kiểm tra lại số: có thể gõ thừa hoặc thiếu dấu (ví dụ {fix}).",
        code="data.bad-number",
    ),
    "data.bad-number-ambiguous": Message(
        _BAD_NUMBER + "sau {grp_name} phân cách hàng nghìn phải có đúng 3 chữ số, nhưng nhóm "
        '"{group}" có {size} chữ số: cần viết {whole} (số nguyên) hoặc {alt} '
        "(số thập phân, {dec_name} là dấu thập phân)",
        "Nếu là số thập phân thì viết {alt}; nếu là số nguyên thì viết đủ 3 chữ số "
        "sau {grp_name} (ví dụ {whole}).",
        code="data.bad-number",
    ),
}
