"""The module as a contract: the public names, their documentation, purity and locale symbols."""

from __future__ import annotations

import inspect
import subprocess
import sys

import babel.numbers

import reportgen.vnformat as vnformat

CONTRACT = {
    "Number", "to_decimal", "round_half_up", "format_number", "format_percent", "format_points",
    "MONEY_UNITS", "scale_money", "format_money", "parse_number",
    "read_number", "money_in_words", "capitalize_first", "words_to_number",
    "date_line", "place_date", "date_short", "period", "half_year", "year_label", "months_label",
    "parse_date",
    "DOC_TYPES", "DOC_TYPE_CODES", "doc_code", "number_line", "parse_doc_code", "DocCode",
    "validate_doc_code", "cite", "cite_short",
    "change_word", "describe_change", "target_status", "target_phrase",
}  # fmt: skip


def test_every_contract_name_is_exported_from_the_package() -> None:
    missing = CONTRACT - set(vnformat.__all__)
    assert not missing
    for name in vnformat.__all__:
        assert hasattr(vnformat, name), name


def test_every_public_function_has_a_docstring_and_full_annotations() -> None:
    for name in vnformat.__all__:
        obj = getattr(vnformat, name)
        if not callable(obj) or name == "Number":
            continue
        assert inspect.getdoc(obj), name
        if inspect.isfunction(obj):
            signature = inspect.signature(obj)
            assert signature.return_annotation is not inspect.Signature.empty, name
            for param in signature.parameters.values():
                assert param.annotation is not inspect.Parameter.empty, (name, param.name)


def test_the_separators_agree_with_babel_vi() -> None:
    assert babel.numbers.get_decimal_symbol("vi") == vnformat.DECIMAL_SEPARATOR == ","
    assert babel.numbers.get_group_symbol("vi") == vnformat.GROUP_SEPARATOR == "."


def test_importing_vnformat_loads_no_third_party_package() -> None:
    code = (
        "import sys, reportgen.vnformat\n"
        "heavy = {'babel', 'pandas', 'docx', 'docxtpl', 'openpyxl', 'lxml', 'yaml', 'jinja2',"
        " 'numpy', 'click', 'rich'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
