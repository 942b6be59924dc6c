"""Vietnamese figures, money, words, dates and document codes for reports.

A pure module (the standard library, and the diagnostics for its errors and their wording in
the message catalog): ``.`` thousands and ``,`` decimals with half-up rounding
(:mod:`.numbers`), numbers in words both ways (:mod:`.words`), dates and periods as Nghị định
30/2020 writes them (:mod:`.dates`), document codes and citations (:mod:`.documents`) and the
stock phrases of report text (:mod:`.phrases`). Floats are refused everywhere: pass
:class:`~decimal.Decimal`, ``int`` or a machine string such as ``"1234.5"``.
"""

from __future__ import annotations

from reportgen.vnformat.dates import (
    date_line,
    date_short,
    half_year,
    months_label,
    parse_date,
    period,
    place_date,
    year_label,
)
from reportgen.vnformat.documents import (
    DOC_TYPE_CODES,
    DOC_TYPES,
    DocCode,
    cite,
    cite_short,
    doc_code,
    number_line,
    parse_doc_code,
    validate_doc_code,
)
from reportgen.vnformat.numbers import (
    DECIMAL_SEPARATOR,
    GROUP_SEPARATOR,
    MONEY_UNITS,
    Number,
    format_money,
    format_number,
    format_percent,
    format_points,
    parse_number,
    round_half_up,
    scale_money,
    to_decimal,
)
from reportgen.vnformat.phrases import (
    change_word,
    describe_change,
    target_phrase,
    target_status,
)
from reportgen.vnformat.words import (
    capitalize_first,
    money_in_words,
    read_number,
    words_to_number,
)

__all__ = [
    "DECIMAL_SEPARATOR",
    "DOC_TYPES",
    "DOC_TYPE_CODES",
    "GROUP_SEPARATOR",
    "MONEY_UNITS",
    "DocCode",
    "Number",
    "capitalize_first",
    "change_word",
    "cite",
    "cite_short",
    "date_line",
    "date_short",
    "describe_change",
    "doc_code",
    "format_money",
    "format_number",
    "format_percent",
    "format_points",
    "half_year",
    "money_in_words",
    "months_label",
    "number_line",
    "parse_date",
    "parse_doc_code",
    "parse_number",
    "period",
    "place_date",
    "read_number",
    "round_half_up",
    "scale_money",
    "target_phrase",
    "target_status",
    "to_decimal",
    "validate_doc_code",
    "words_to_number",
    "year_label",
]
