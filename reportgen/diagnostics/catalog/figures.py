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
_DATE_FORMS = '18/01/2022, 18/1/2022, 18-01-2022, 2022-01-18 hoặc "ngày 18 tháng 01 năm 2022"'

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
    # --- numbers in words (words.py) ---------------------------------------------------------
    "data.words-not-integer": Message(
        "{value} không phải là số nguyên; muốn đọc cả phần thập phân thì dùng read_decimals=True"
    ),
    "data.money-fraction": Message(
        "Số tiền {value} đồng có phần lẻ dưới một đồng; bằng chữ chỉ đọc số đồng nguyên"
    ),
    "data.words-not-text": Message("words_to_number cần một chuỗi, nhận được {kind}"),
    "data.bad-words": Message(
        '"{text}" không đọc được: từ "{word}" (từ thứ {position}) {reason}',
        "Sửa lại phần số bằng chữ cho đúng cách đọc.",
    ),
    "data.bad-words-end": Message(
        '"{text}" không đọc được: thiếu từ ở cuối ({reason})',
        "Sửa lại phần số bằng chữ cho đúng cách đọc.",
        code="data.bad-words",
    ),
    "data.bad-words-empty": Message(
        '"{text}" không đọc được: không có chữ nào',
        'Viết số bằng chữ, ví dụ "hai mươi".',
        code="data.bad-words",
    ),
    # why a word does not fit (the {reason} above), and the fix when there is a sure one
    "data.words-unknown": Message("không phải là một chữ số"),
    "data.words-did-you-mean": Message('Có phải là "{word}"?'),
    "data.words-mot-after-muoi": Message(
        'không đúng chỗ: 11 đọc là "mười một", "mốt" chỉ dùng sau "mươi"'
    ),
    "data.words-tu-after-muoi": Message(
        'không đúng chỗ: 14 đọc là "mười bốn", "tư" chỉ dùng sau "mươi"'
    ),
    "data.words-round-tens-zero": Message('không đúng chỗ: số tròn chục không đọc "không" ở cuối'),
    "data.words-after-linh": Message(
        'không đúng chỗ: sau "linh"/"lẻ" đọc chữ số thường, không đọc "{word}"'
    ),
    "data.words-muoi-for-teens": Message(
        'không đúng chỗ: sau "{prev}" dùng "mươi"; "mười" chỉ dùng cho 10–19'
    ),
    "data.words-after-tens": Message('không đúng chỗ: "{word}" chỉ đứng sau "mươi" hoặc "mười"'),
    "data.words-one-comma": Message('không đúng chỗ: chỉ có một "phẩy"'),
    "data.words-minus-first": Message('không đúng chỗ: "âm" chỉ đứng đầu'),
    "data.words-suffix-last": Message('không đúng chỗ: "{word}" chỉ đứng cuối'),
    "data.words-misplaced-after": Message('không đúng chỗ (sau "{prev}")'),
    "data.words-misplaced": Message("không đúng chỗ"),
    "data.words-no-muoi": Message('không đúng chỗ: sau "{prev}" không dùng "mươi" (dùng "{say}")'),
    "data.words-missing-after-linh": Message('thiếu chữ số sau "linh"/"lẻ"'),
    "data.words-missing-digit": Message("thiếu chữ số"),
    "data.words-lead-hundreds-zero": Message(
        'không đúng chỗ: "không trăm" chỉ dùng sau một hàng lớn hơn '
        '(ví dụ "một nghìn không trăm linh năm")'
    ),
    "data.words-full-group": Message(
        "không đúng chỗ: nhóm sau một hàng lớn hơn phải đọc đủ hàng trăm"
    ),
    "data.words-zero-alone": Message(
        'không đúng chỗ: "không" chỉ đứng một mình (số 0) hoặc trước "trăm"'
    ),
    "data.words-short-group": Message(
        'không đúng chỗ: sau "{after}" phải đọc đủ ba chữ số của nhóm, '
        '"{full}" chứ không phải "{written}" (ví dụ 1.005 là "một nghìn không trăm linh năm")',
        'Viết "{full}" thay cho "{written}".',
    ),
    "data.words-zero-group": Message("không đúng chỗ: nhóm ba chữ số 0 thì bỏ qua, không đọc"),
    "data.words-bad-group": Message("không phải là cách đọc đúng của một nhóm ba chữ số"),
    "data.words-scale-twice": Message(
        'không đúng chỗ: đã có "{word}" trước đó (từ thứ {position})'
    ),
    "data.words-scale-order": Message('không đúng chỗ: "{word}" phải đứng trước "{larger}"'),
    "data.words-scale-without-number": Message('không đúng chỗ: trước "{word}" phải có một số'),
    "data.words-fraction-missing": Message('thiếu chữ số sau "phẩy"'),
    "data.words-fraction-hundreds-zero": Message(
        'không đúng chỗ: phần thập phân không đọc "không trăm" ở nhóm đầu'
    ),
    "data.words-fraction-digits-only": Message(
        "không đúng chỗ: phần thập phân đọc từng chữ số thì chỉ có chữ số"
    ),
    "data.words-fraction-groups": Message(
        "không đúng chỗ: phần thập phân đọc theo nhóm ba chữ số từ trái sang, "
        '"{right}", không đọc từng chữ số',
        'Viết "{right}".',
    ),
    "data.words-fraction-unclear": Message("phần thập phân đọc không rõ nghĩa"),
    "data.words-no-number": Message("không đúng chỗ: chưa có số nào"),
    "data.words-zero-minus": Message('không đúng chỗ: số 0 không có "âm"'),
    "data.words-comma-first": Message(
        'không đúng chỗ: trước "phẩy" phải có phần nguyên (ví dụ "không phẩy năm")'
    ),
    # --- dates (dates.py) ----------------------------------------------------------------------
    "data.date-no-place": Message("Thiếu địa danh cho dòng địa danh, ngày tháng (ví dụ Bắc Giang)"),
    "data.date-style": Message('Kiểu viết ngày không hợp lệ: {style!r} (dùng "nd30" hoặc "full")'),
    "data.bad-year": Message("Năm không hợp lệ: {year!r} (cần số năm như 2024)"),
    "data.bad-period": Message(
        "Giai đoạn không hợp lệ: năm kết thúc {end} trước năm bắt đầu {start}"
    ),
    "data.bad-months": Message("Số tháng không hợp lệ: {months!r} (cần từ 1 đến 12)"),
    "data.bad-date": Message('"{text}" không phải là ngày: cần dạng ' + _DATE_FORMS),
    "data.bad-date-calendar": Message(
        '"{text}" không phải là ngày có thật: ngày {day} tháng {month} năm {year} '
        "không có trong lịch (cần dạng " + _DATE_FORMS + " với ngày, tháng có thật)",
        code="data.bad-date",
    ),
    # --- document numbers and codes (documents.py) ---------------------------------------------
    "config.bad-document-code": Message(
        '"{text}": "{type_code}" không phải là ký hiệu loại văn bản (các ký hiệu: {known})',
        "Dùng một ký hiệu loại văn bản theo Phụ lục III Nghị định 30/2020/NĐ-CP.",
    ),
    "config.document-code-did-you-mean": Message("Có phải là {options}?"),
    "config.document-code-or": Message(" hoặc "),
    "config.bad-document-code-no-issuer": Message(
        '"{text}": thiếu ký hiệu cơ quan ban hành (ví dụ 05/BC-UBND)',
        "Ghi ký hiệu cơ quan ban hành sau dấu gạch nối.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-issuer-dash": Message(
        '"{text}": thừa dấu "-" trong ký hiệu "{issuer}" (ví dụ 12/UBND-VX)',
        'Bỏ dấu "-" thừa.',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-issuer-letters": Message(
        '"{text}": ký hiệu "{segment}" chỉ được gồm chữ cái, chữ số và "&" '
        "(ví dụ UBND, BLĐTBXH, LĐTB&XH)",
        "Sửa lại ký hiệu cơ quan ban hành.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-number-value": Message(
        "Số văn bản phải là số nguyên từ 1 trở lên, nhận được {number!r}",
        "Số văn bản là số thứ tự văn bản trong năm, bắt đầu từ 1.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-year-value": Message(
        "Năm ban hành trong số, ký hiệu phải có 4 chữ số, nhận được {year!r}",
        "Ví dụ 07/2021/NĐ-CP.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-empty": Message(
        "Thiếu số, ký hiệu văn bản (ví dụ 05/BC-UBND)",
        "Ghi số và ký hiệu văn bản.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-so": Message(
        '"{text}": chỉ ghi số và ký hiệu, không ghi chữ "Số" (ví dụ 05/BC-UBND)',
        'Viết "{rest}".',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-spaces": Message(
        '"{text}": số, ký hiệu văn bản không có dấu cách, kể cả quanh "/" và "-" '
        "(ví dụ 05/BC-UBND)",
        'Viết "{squeezed}".',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-no-slash": Message(
        '"{text}": thiếu dấu "/" giữa số và ký hiệu (ví dụ 05/BC-UBND hoặc 549-CV/TU)',
        'Ghi số văn bản, dấu "/", rồi ký hiệu.',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-no-number": Message(
        '"{text}": thiếu số văn bản ở đầu (ví dụ 05/BC-UBND)',
        "Ghi số văn bản trước ký hiệu.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-number-digits": Message(
        '"{text}": số văn bản phải là chữ số, nhận được "{number}" (ví dụ 05/BC-UBND)',
        "Ghi số văn bản bằng chữ số.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-number-zero": Message(
        '"{text}": số văn bản phải từ 1 trở lên (ví dụ 05/BC-UBND)',
        "Ghi đúng số văn bản.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-party": Message(
        '"{text}": văn bản của Đảng có dạng số-ký hiệu/cơ quan (ví dụ 549-CV/TU)',
        'Bỏ dấu "/" thừa.',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-year": Message(
        '"{text}": giữa hai dấu "/" phải là năm ban hành có 4 chữ số '
        '(ví dụ 07/2021/NĐ-CP), nhận được "{year}"',
        "Kiểm tra lại số, ký hiệu.",
        code="config.bad-document-code",
    ),
    "config.bad-document-code-extra-slash": Message(
        '"{text}": thừa dấu "/" (ví dụ 07/2021/NĐ-CP)',
        'Bỏ dấu "/" thừa.',
        code="config.bad-document-code",
    ),
    "config.bad-document-code-cited-type": Message(
        '"{text}" có ký hiệu loại "{type_code}" ({type_name}) nhưng được trích dẫn là '
        '{cited} (ký hiệu "{wanted}")',
        "Kiểm tra lại tên loại hoặc số, ký hiệu ({cited}: {wanted}).",
        code="config.bad-document-code",
    ),
    # what a code is accepted with but not as Nghị định 30 writes it (validate_doc_code)
    "config.document-code-zero-missing": Message(
        "số nhỏ hơn 10 phải có số 0 đứng trước: {written}", severity="warning"
    ),
    "config.document-code-extra-zero": Message(
        "số văn bản thừa số 0 ở đầu: {written}", severity="warning"
    ),
    "config.document-code-cong-van": Message(
        '"{first}" không phải là ký hiệu loại văn bản, nên "{text}" được hiểu là công văn; '
        'nếu không phải công văn thì có phải là "{close}" ({name})?',
        severity="warning",
    ),
}
