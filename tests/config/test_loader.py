"""Report definitions with mistakes: every mistake reported, with file, line and key path,
"cần … nhưng gặp …" and a did-you-mean; several mistakes in one file all reported at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.config.loader import load_config
from reportgen.config.yamlsource import parse_yaml
from reportgen.diagnostics.errors import ConfigError, ErrorList, ReportgenError
from tests.fixtures.projects import SAMPLE_CONFIG, SampleCopy


def test_the_sample_definition_loads(sample: SampleCopy) -> None:
    config = load_config(sample.config)
    assert config.id == "giam-ngheo-2024"
    assert config.indicators["ty_le_ho_ngheo"].kind == "percent"
    assert config.indicators["ty_le_ho_ngheo"].decimals == 2
    assert config.indicators["kinh_phi_tong"].tolerance == Decimal("0.05")
    assert config.indicators["tong_so_ho"].tolerance == 0
    assert config.indicators["so_ho_thoat_ngheo"].total == "sum"
    assert config.indicators["ty_le_ho_ngheo"].total == "formula"
    assert config.checks[0].kind == "movement"
    assert config.checks[0].line == sample.yaml_line("- check: movement")
    order = config.indicator_order()
    assert order.index("so_ho_thoat_ngheo") > order.index("thoat_ngheo_vuot_can_ngheo")


def test_several_mistakes_are_all_reported_at_once(sample: SampleCopy) -> None:
    sample.edit_yaml("  place: Hòa An", "  plase: Hòa An")
    sample.edit_yaml("  date: 2024-12-16", "  date: 2024-02-30")
    sample.edit_yaml(
        "unit: triệu đồng, decimals: 1, column: kinh_phi_nha_o}",
        "unit: triệu đồng, decimals: hai, column: kinh_phi_nha_o}",
    )
    sample.edit_yaml("  - check: movement", "  - check: movment")
    sample.edit_yaml("    part: ho_ngheo_dau_ky\n", "    part: ho_ngheo_dau_kyy\n")
    sample.edit_yaml(
        "trong đó {{ ho_ngheo_cuoi_ky | so }}", "trong đó {{ ho_ngheo_cuoi_kyy | so }}"
    )
    with pytest.raises(ErrorList) as info:
        load_config(sample.config)
    errors = info.value.errors
    got = [
        (e.location.line if e.location else None, e.location.key if e.location else None)
        for e in errors
    ]
    assert got == [
        # "place" is written "plase": said once, as a misspelt key (not also as missing)
        (sample.yaml_line("date: 2024-02-30"), "report.date"),
        (sample.yaml_line("plase:"), "report.plase"),
        (
            sample.yaml_line("- >-", "Kết quả rà soát cuối năm"),
            "sections[1].sections[0].paragraphs[0]",
        ),
        (sample.yaml_line("decimals: hai"), "indicators.kinh_phi_nha_o.decimals"),
        (sample.yaml_line("check: movment"), "checks[0].check"),
        (sample.yaml_line("part: ho_ngheo_dau_kyy"), "checks[1].part"),
    ]
    messages = [e.message for e in errors]
    assert messages[0] == 'ngày "2024-02-30" không có thật'
    assert messages[1] == 'khóa "plase" không được hỗ trợ ở đây'
    assert messages[2] == 'không có chỉ tiêu hay biến "ho_ngheo_cuoi_kyy"'
    assert messages[3] == 'cần một số nguyên từ 0 đến 6, nhưng gặp "hai"'
    assert messages[4] == 'không có loại kiểm tra "movment"'
    assert messages[5] == 'không có chỉ tiêu "ho_ngheo_dau_kyy"'
    hints = [e.hint for e in errors]
    assert hints[1] == 'có phải ý bạn là "place"?'
    assert hints[2] == 'có phải ý bạn là "ho_ngheo_cuoi_ky"?'
    assert hints[4] == 'có phải ý bạn là "movement"?'
    assert hints[5] == 'có phải ý bạn là "ho_ngheo_dau_ky"?'
    for e in errors:
        assert e.location is not None and e.location.file == str(sample.config)
    text = info.value.format()
    assert text.startswith(f"Tệp {sample.config} có lỗi (6 lỗi):\n1. ")
    assert f"{sample.config}, dòng {sample.yaml_line('plase:')}, report.plase: " in text
    assert info.value.exit_code == 2


@dataclass
class Mistake:
    id: str
    edit: Callable[[SampleCopy], None]
    key: str  # the key path of the (first) error
    line_of: str | tuple[str, str]  # a text on the line the error points at (or: after, text)
    says: list[str]
    hint: list[str] = field(default_factory=list)
    count: int = 1


def replace(old: str, new: str) -> Callable[[SampleCopy], None]:
    return lambda s: s.edit_yaml(old, new)


def append(text: str) -> Callable[[SampleCopy], None]:
    return lambda s: s.append_yaml(text)


def both(*edits: Callable[[SampleCopy], None]) -> Callable[[SampleCopy], None]:
    def run(s: SampleCopy) -> None:
        for e in edits:
            e(s)

    return run


LAST = "target: chi_tieu_giam_ty_le"  # the last line of the sample: appended checks follow
FORMULA = "    formula: thoat_ngheo_vuot_can_ngheo + thoat_ngheo_thanh_can_ngheo"
FORMULA_KEY = "indicators.so_ho_thoat_ngheo.formula"


def formula(text: str) -> Callable[[SampleCopy], None]:
    return replace(FORMULA, f'    formula: "{text}"')


MISTAKES = [
    Mistake(
        "unknown top-level key",
        append("signature: Nguyễn Văn An\n"),
        "signature",
        "signature:",
        ['khóa "signature" không được hỗ trợ'],
        ['"signer"'],
    ),
    Mistake(
        "misspelt option of an indicator",
        replace("unit: khẩu, column: tong_so_khau}", "unit: khẩu, colum: tong_so_khau}"),
        "indicators.tong_so_khau.colum",
        "colum: tong_so_khau",
        ['khóa "colum" không được hỗ trợ'],
        ['có phải ý bạn là "column"?'],
    ),
    Mistake(
        "a word where a whole number is needed",
        replace("  number: 125", "  number: một"),
        "report.number",
        "number: một",
        ['cần một số nguyên từ 1 trở lên, nhưng gặp "một"'],
    ),
    Mistake(
        "a date that does not exist",
        replace("  date: 2024-12-16", "  date: 2024-02-30"),
        "report.date",
        "date: 2024-02-30",
        ['ngày "2024-02-30" không có thật'],
    ),
    Mistake(
        "a month 13",
        replace("  date: 2024-12-16", "  date: 16/13/2024"),
        "report.date",
        "date: 16/13/2024",
        ['ngày "16/13/2024" không có thật'],
    ),
    Mistake(
        "a date that is not a date",
        replace("  date: 2024-12-16", "  date: hôm nay"),
        "report.date",
        "date: hôm nay",
        ['cần một ngày dạng 2024-03-05 hoặc 05/03/2024, nhưng gặp "hôm nay"'],
    ),
    Mistake(
        "unknown document type code",
        replace("  type: BC\n", "  type: BCC\n"),
        "report.type",
        "type: BCC",
        ['mã loại văn bản "BCC" không có trong Phụ lục III'],
        ['"BC"'],
    ),
    Mistake(
        "a key written twice",
        replace("  place: Hòa An", "  place: Hòa An\n  place: Huế"),
        "report.place",
        "place: Huế",
        ['khóa "place" xuất hiện hai lần'],
    ),
    Mistake(
        "YAML indented with a tab",
        replace("  place: Hòa An", "\tplace: Hòa An"),
        "",
        "place: Hòa An",
        ["lỗi cú pháp YAML"],
        ["không dùng Tab"],
    ),
    Mistake(
        "misspelt check name",
        append("  - check: percentge\n    value: ty_le_ho_ngheo\n"),
        "checks[15].check",
        "check: percentge",
        ['không có loại kiểm tra "percentge"'],
        ['có phải ý bạn là "percentage"?'],
    ),
    Mistake(
        "misspelt indicator in a check",
        append("  - check: not_greater\n    part: ho_ngheo_cuoi_kyy\n    total: tong_so_ho\n"),
        "checks[15].part",
        "part: ho_ngheo_cuoi_kyy",
        ['không có chỉ tiêu "ho_ngheo_cuoi_kyy"'],
        ['có phải ý bạn là "ho_ngheo_cuoi_ky"?'],
    ),
    Mistake(
        "misspelt indicator in a list of a check",
        append(
            "  - check: sum\n    total: kinh_phi_tong\n    parts: [kinh_phi_nha_o, "
            "kinh_phi_sinhke]\n"
        ),
        "checks[15].parts[1]",
        "kinh_phi_sinhke",
        ['không có chỉ tiêu "kinh_phi_sinhke"'],
        ['"kinh_phi_sinh_ke"'],
    ),
    Mistake(
        "misspelt argument of a check",
        append("  - check: sum\n    total: kinh_phi_tong\n    part: [kinh_phi_nha_o]\n"),
        "checks[15].part",
        (LAST, "part: [kinh_phi_nha_o]"),
        ['khóa "part" không được hỗ trợ'],
        ['có phải ý bạn là "parts"?'],
    ),
    Mistake(
        "unknown severity",
        append(
            "  - check: not_greater\n    part: ho_ngheo_cuoi_ky\n"
            "    total: tong_so_ho\n    severity: fatal\n"
        ),
        "checks[15].severity",
        "severity: fatal",
        ['cần một trong: error, warning, nhưng gặp "fatal"'],
    ),
    Mistake(
        "a check that needs data.previous",
        replace(
            "  previous:\n    file: ../inputs/giam-ngheo-2023.csv\n    label: cuối năm 2023\n", ""
        ),
        "checks[11]",
        "check: continuity",
        ["phép kiểm tra continuity cần tệp số liệu kỳ trước"],
        ["data"],
        count=3,
    ),
    Mistake(
        "city_sum without a total row in the file",
        both(lambda s: s.without_total_row(), append("  - check: city_sum\n")),
        "checks[15]",
        "check: city_sum",
        ["cần dòng tổng có sẵn trong tệp"],
        ["total_row"],
    ),
    Mistake(
        "range without bounds",
        append("  - check: range\n    value: so_the_bhyt\n"),
        "checks[15]",
        "check: range",
        ["cần `min`, `max` hoặc cả hai"],
    ),
    Mistake(
        "range with min above max",
        append("  - check: range\n    value: so_the_bhyt\n    min: 10\n    max: 1\n"),
        "checks[15].min",
        "min: 10",
        ["min (10) lớn hơn max (1)"],
    ),
    Mistake(
        "range with a bound that is not a number",
        append("  - check: range\n    value: so_the_bhyt\n    max: nhiều\n"),
        "checks[15].max",
        "max: nhiều",
        ['cần một số, nhưng gặp "nhiều"'],
    ),
    Mistake(
        "a text indicator where a number is needed",
        both(
            replace(
                "  so_the_bhyt:",
                "  chu_tich: {label: Chủ tịch, kind: text, column: chu_tich}\n  so_the_bhyt:",
            ),
            append("  - check: not_greater\n    part: chu_tich\n    total: tong_so_ho\n"),
        ),
        "checks[15].part",
        "part: chu_tich",
        ['chỉ tiêu "chu_tich" là chữ (kind: text), nhưng `part` cần một chỉ tiêu có số'],
    ),
    Mistake(
        "words check on a number column",
        append("  - check: words\n    value: kinh_phi_tong\n    words: kinh_phi_nha_o\n"),
        "checks[15].words",
        "words: kinh_phi_nha_o",
        ['chỉ tiêu "kinh_phi_nha_o" phải có kind: text'],
    ),
    Mistake(
        "a rate summed over the wards",
        replace(
            "    column: ty_le_giai_ngan\n    total_formula: kinh_phi_giai_ngan / "
            "kinh_phi_tong * 100",
            "    column: ty_le_giai_ngan\n    total: sum",
        ),
        "indicators.ty_le_giai_ngan.total",
        ("ty_le_giai_ngan:", "total: sum"),
        ["tỷ lệ (%) không cộng được giữa các đơn vị"],
        ["total_formula"],
    ),
    Mistake(
        "an unknown money unit",
        replace(
            "kinh_phi_dao_tao: {label: Kinh phí đào tạo, unit: triệu đồng,",
            "kinh_phi_dao_tao: {label: Kinh phí đào tạo, kind: money, unit: triệu,",
        ),
        "indicators.kinh_phi_dao_tao.unit",
        "kinh_phi_dao_tao:",
        [
            "cần một đơn vị tiền (đồng, đ, nghìn đồng, ngàn đồng, triệu đồng, tỷ đồng), nhưng "
            'gặp "triệu"'
        ],
        ['có phải ý bạn là "triệu đồng"?'],
    ),
    Mistake(
        "both a column and a formula",
        replace(FORMULA, "    column: so_ho\n" + FORMULA),
        "indicators.so_ho_thoat_ngheo",
        "so_ho_thoat_ngheo:",
        ["chỉ lấy từ cột (column) hoặc từ công thức (formula), không cả hai"],
    ),
    Mistake(
        "an indicator id that is not lower-case ASCII",
        replace("  so_the_bhyt: {", "  Số_thẻ: {"),
        "indicators.Số_thẻ",
        "Số_thẻ:",
        [
            "cần mã viết thường không dấu, nối bằng dấu gạch dưới (ví dụ ho_ngheo), nhưng "
            'gặp "Số_thẻ"'
        ],
        count=2,
    ),
    Mistake(
        "data file that does not exist",
        replace("  file: ../inputs/giam-ngheo-2024.csv", "  file: ../inputs/giam-ngheo-2025.csv"),
        "data.file",
        "giam-ngheo-2025.csv",
        ['cần tệp số liệu, nhưng "../inputs/giam-ngheo-2025.csv" không tồn tại'],
        ["đường dẫn tính từ thư mục của tệp YAML"],
    ),
    # formulas
    Mistake(
        "formula naming an unknown indicator",
        replace(FORMULA, FORMULA + "o"),
        FORMULA_KEY,
        "formula: thoat_ngheo_vuot",
        ['không có chỉ tiêu "thoat_ngheo_thanh_can_ngheoo"'],
        ['có phải ý bạn là "thoat_ngheo_thanh_can_ngheo"?'],
    ),
    Mistake(
        "formula calling __import__",
        formula("__import__('os')"),
        FORMULA_KEY,
        "__import__",
        ['hàm "__import__" không được hỗ trợ'],
    ),
    Mistake(
        "formula with attribute access",
        formula("tong_so_ho.real"),
        FORMULA_KEY,
        "tong_so_ho.real",
        ["chỉ được dùng số, mã chỉ tiêu, + - * /"],
    ),
    Mistake(
        "formula with a power",
        formula("tong_so_ho ** 2"),
        FORMULA_KEY,
        "** 2",
        ["chỉ được dùng số, mã chỉ tiêu, + - * /"],
    ),
    Mistake(
        "formula with a lambda",
        formula("(lambda: 1)()"),
        FORMULA_KEY,
        "lambda",
        ['công thức "(lambda: 1)()" không hợp lệ'],
    ),
    Mistake(
        "formula with a subscript",
        formula("tong_so_ho[0]"),
        FORMULA_KEY,
        "tong_so_ho[0]",
        ["chỉ được dùng số"],
    ),
    Mistake(
        "formula with a comparison",
        formula("tong_so_ho > 1"),
        FORMULA_KEY,
        "> 1",
        ["chỉ được dùng số"],
    ),
    Mistake(
        "formula with a string", formula("'a' + 'b'"), FORMULA_KEY, "'a'", ["chỉ được dùng số"]
    ),
    Mistake(
        "formula with a syntax error",
        formula("tong_so_ho / "),
        FORMULA_KEY,
        "tong_so_ho /",
        ["công thức sai cú pháp"],
    ),
    Mistake(
        "formula reading itself",
        formula("so_ho_thoat_ngheo + 1"),
        FORMULA_KEY,
        "so_ho_thoat_ngheo + 1",
        ["công thức vòng tròn: so_ho_thoat_ngheo → so_ho_thoat_ngheo"],
    ),
    Mistake(
        "formulas reading each other",
        both(
            formula("vong - 1"),
            replace(
                "  khau_ngheo:",
                "  vong: {label: Vòng, unit: hộ, formula: so_ho_thoat_ngheo * 2}\n  khau_ngheo:",
            ),
        ),
        FORMULA_KEY,
        "vong - 1",
        ["công thức vòng tròn: so_ho_thoat_ngheo → vong → so_ho_thoat_ngheo"],
    ),
    Mistake(
        "whole-city formulas reading each other",
        replace(
            "    total_formula: ho_ngheo_cuoi_ky / tong_so_ho * 100",
            "    total_formula: giam_ty_le_ho_ngheo + 1",
        ),
        "indicators.ty_le_ho_ngheo.total_formula",
        "giam_ty_le_ho_ngheo + 1",
        [
            "công thức vòng tròn (số toàn thành phố): ty_le_ho_ngheo → giam_ty_le_ho_ngheo → "
            "ty_le_ho_ngheo"
        ],
    ),
    # legal bases
    Mistake(
        "legal basis code with a misspelt type code",
        replace("    code: 90/QĐ-TTg", "    code: 90/QD-TTg"),
        "legal_bases[0].code",
        "code: 90/QD-TTg",
        ['"QD" không phải là ký hiệu loại văn bản'],
        ['"QĐ"'],
    ),
    Mistake(
        "legal basis code of another document type",
        replace("    code: 90/QĐ-TTg", "    code: 90/2022/NĐ-CP"),
        "legal_bases[0].code",
        "code: 90/2022/NĐ-CP",
        ['cần số, ký hiệu của Quyết định (…/QĐ-…), nhưng gặp "90/2022/NĐ-CP"'],
    ),
    Mistake(
        "legal basis code whose year is not the year of its date",
        replace("    date: 2021-01-27", "    date: 2022-01-27"),
        "legal_bases[1].code",
        "code: 07/2021/NĐ-CP",
        ['năm trong số, ký hiệu "07/2021/NĐ-CP" là 2021, nhưng ngày ban hành là 27/01/2022'],
    ),
    Mistake(
        "legal basis code with spaces",
        replace("    code: 90/QĐ-TTg", "    code: 90 / QĐ-TTg"),
        "legal_bases[0].code",
        "code: 90 / QĐ-TTg",
        ["không có dấu cách"],
        ['"90/QĐ-TTg"'],
    ),
    Mistake(
        "misspelt legal basis type",
        replace("  - type: Quyết định", "  - type: Quyết đinh"),
        "legal_bases[0].type",
        "type: Quyết đinh",
        ['loại văn bản "Quyết đinh" không có trong danh mục'],
        ['có phải ý bạn là "Quyết định"?'],
    ),
    Mistake(
        "legal basis issued after the report",
        replace("    date: 2022-01-18", "    date: 2025-01-18"),
        "legal_bases[0].date",
        "date: 2025-01-18",
        ["văn bản căn cứ ban hành sau ngày của báo cáo"],
    ),
    # texts (checked by reportgen/templating/textcheck.py through load_config)
    Mistake(
        "section text naming an unknown indicator",
        replace("{{ tong_so_khau | so }}", "{{ tong_so_khauu | so }}"),
        "sections[1].sections[0].paragraphs[0]",
        ("Kết quả rà soát cuối năm", "- >-"),
        ['không có chỉ tiêu hay biến "tong_so_khauu"'],
        ['có phải ý bạn là "tong_so_khau"?'],
    ),
    Mistake(
        "section text with an unknown filter",
        replace("{{ tong_so_khau | so }}", "{{ tong_so_khau | soo }}"),
        "sections[1].sections[0].paragraphs[0]",
        ("Kết quả rà soát cuối năm", "- >-"),
        ['không có bộ lọc "soo"'],
        ['có phải ý bạn là "so"?'],
    ),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_config_mistake_is_reported_with_line_and_key(sample: SampleCopy, mistake: Mistake) -> None:
    mistake.edit(sample)
    with pytest.raises(ReportgenError) as info:
        load_config(sample.config)
    err = info.value
    errors = err.errors if isinstance(err, ErrorList) else [err]
    assert len(errors) == mistake.count, err.format()
    first = next(
        (e for e in errors if e.location and (e.location.key or "") == mistake.key), errors[0]
    )
    assert first.location is not None
    assert first.location.file == str(sample.config)
    assert (first.location.key or "") == mistake.key, err.format()
    after, needle = (
        mistake.line_of if isinstance(mistake.line_of, tuple) else (None, mistake.line_of)
    )
    assert first.location.line == sample.yaml_line(needle, after), err.format()
    for words in mistake.says:
        assert words in first.message, err.format()
    for words in mistake.hint:
        assert first.hint is not None and words in first.hint, err.format()
    assert err.exit_code == 2
    # each mistake has its own stable code (a tool reading --format json tells them apart)
    assert first.code.startswith("config.") and first.code != "config.error", first.code


# --- smaller pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says", "code"),
    [
        ("", "tệp định nghĩa báo cáo trống", "config.empty"),
        ("- a\n- b\n", "phải là một nhóm khóa", "config.not-a-mapping"),
        ("report: [\n", "lỗi cú pháp YAML", "config.yaml-syntax"),
    ],
    ids=["empty file", "a list instead of a mapping", "unclosed bracket"],
)
def test_unusable_yaml_is_one_clear_error(tmp_path: Path, text: str, says: str, code: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert says in info.value.message
    assert info.value.code == code
    assert info.value.location is not None and info.value.location.file == str(path)


def test_missing_definition_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="không tìm thấy tệp định nghĩa báo cáo"):
        load_config(tmp_path / "khong-co.yaml")


def test_definition_not_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("report: {title: Báo cáo}\n".encode("cp1258"))
    with pytest.raises(ConfigError, match="không phải UTF-8"):
        load_config(path)


def test_yaml_lines_are_remembered_for_keys_and_items() -> None:
    data, lines = parse_yaml("a:\n  b: 1\n  c:\n    - x\n    - y\n", "t.yaml")
    assert data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert lines.line(("a", "b")) == 2
    assert lines.line(("a", "c", 1)) == 5
    assert lines.line(("a", "c", 7)) == 3  # unknown: its closest parent
    assert lines.location(("a", "c", 1)).describe() == "t.yaml, dòng 5, a.c[1]"


def test_dates_stay_text_for_the_schema() -> None:
    data, _ = parse_yaml("date: 2024-12-16\n")
    assert data == {"date": "2024-12-16"}


def test_the_sample_in_the_repository_loads() -> None:
    assert load_config(SAMPLE_CONFIG).data.previous is not None


def test_a_wrong_value_anywhere_is_a_config_error_never_a_crash(sample: SampleCopy) -> None:
    import re

    original = sample.config.read_text(encoding="utf-8").splitlines()
    keyed = [i for i, line in enumerate(original) if re.match(r"^\s*-?\s*\w+:\s+\S", line)]
    values = ("[]", "{x: 1}", "null", "true", "-1")
    for n, i in enumerate(keyed[::8]):  # a sample: each load also compiles every text
        key = original[i].split(":", 1)[0]
        for value in (values[n % 5],):
            lines = [*original[:i], f"{key}: {value}", *original[i + 1 :]]
            sample.config.write_text("\n".join(lines) + "\n", encoding="utf-8")
            try:
                load_config(sample.config)
            except ReportgenError as exc:
                assert exc.exit_code == 2
