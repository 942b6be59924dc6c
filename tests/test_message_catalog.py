"""The Vietnamese wording of the template engine, the template language and the authoring
tools lives in the message catalog (reportgen/diagnostics/catalog/), keyed by code.

Guards: no Vietnamese sentence is written where a diagnostic or an error is built in those
packages; every key the code names exists; every field of an entry is given where the entry is
used (where a call names its key and its values plainly); every entry parses.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportgen.diagnostics import catalog

ROOT = Path(__file__).resolve().parents[1] / "reportgen"

#: the modules whose messages come from the catalog
MODULES = sorted(
    [
        *(ROOT / "docx").glob("*.py"),
        *(ROOT / "templating").rglob("*.py"),
        ROOT / "authoring" / "lint.py",
        ROOT / "authoring" / "discover.py",
        # proofreading, authoring tools, checks
        *(ROOT / "audit").rglob("*.py"),
        *(p for p in (ROOT / "authoring").glob("*.py") if p.name not in ("lint.py", "discover.py")),
        *(ROOT / "validate").rglob("*.py"),
        # data: readers of CSV files and clerks' workbooks, units and their figures, formulas
        *(ROOT / "data").glob("*.py"),
        *(ROOT / "compute").glob("*.py"),
        # report definitions and the command line
        *(ROOT / "config").glob("*.py"),
        *(ROOT / "cli").glob("*.py"),
        # outputs, the application layer, the web page, the diagnostics' own words
        *(ROOT / "outputs").glob("*.py"),
        *(ROOT / "app").glob("*.py"),
        *(ROOT / "web").rglob("*.py"),
        ROOT / "diagnostics" / "oserrors.py",
        ROOT / "diagnostics" / "model.py",
        # the rest of the diagnostics and the package's own modules
        *(ROOT / "diagnostics").glob("*.py"),
        *ROOT.glob("*.py"),
        *(ROOT / "resources").rglob("*.py"),
        # Vietnamese figures, words, dates and document codes
        *(ROOT / "vnformat").glob("*.py"),
    ]
)
MODULES = sorted(set(MODULES))

_VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)

#: what builds a diagnostic, a problem or an error
_CONSTRUCTORS = frozenset(
    {
        "Diagnostic",
        "TemplateProblem",
        "LintFinding",
        "ReportgenError",
        "TemplateError",
        "TemplateProblemsError",
        "ConfigError",
        "DataError",
        "OutputError",
        "ValueError",
        "TypeError",
        "RuntimeError",
    }
)
#: keyword arguments that carry a message wherever they are passed
_MESSAGE_KEYWORDS = frozenset({"message", "hint", "detail"})

#: Vietnamese text that may stand in a constructor call, and why: (file, text)
ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        # an English programming error for the developer; the Vietnamese is the example value
        # that autoescape protects
        ("docx/template.py", "Tổ 1 & 2"),
    }
)


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _strings(node: ast.AST) -> Iterator[tuple[int, int, str]]:
    """(identity, line, text) of every string literal in ``node``; an f-string is one literal,
    its values shown as ``{…}``."""
    parts: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.JoinedStr):
            parts.update(id(v) for v in sub.values)
            text = "".join(
                str(v.value) if isinstance(v, ast.Constant) else "{…}" for v in sub.values
            )
            yield id(sub), sub.lineno, text
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in parts:
            yield id(sub), sub.lineno, sub.value


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def _message_literals(path: Path) -> Iterator[tuple[int, str]]:
    """Vietnamese literals passed to a constructor, raised, or given as a message keyword."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    carriers: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            carriers.append(node.exc)
        elif isinstance(node, ast.Call):
            if _name(node) in _CONSTRUCTORS:
                carriers.extend([*node.args, *(k.value for k in node.keywords)])
            else:
                carriers.extend(k.value for k in node.keywords if k.arg in _MESSAGE_KEYWORDS)
    seen: set[int] = set()
    for carrier in carriers:
        for ident, line, value in _strings(carrier):
            if ident in seen or not _VIETNAMESE.search(value):
                continue
            seen.add(ident)
            if any(_relative(path) == f and text in value for f, text in ALLOWED):
                continue
            yield line, value


@pytest.mark.parametrize("path", MODULES, ids=_relative)
def test_no_vietnamese_message_is_written_where_a_diagnostic_is_built(path: Path) -> None:
    found = [f"{_relative(path)}:{line}: {text!r}" for line, text in _message_literals(path)]
    assert not found, "move these messages to reportgen/diagnostics/catalog/:\n" + "\n".join(found)


def test_the_scan_finds_a_message_written_at_the_call_site(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "raise TemplateError(f'không đọc được {name}', code='template.x')\n"
        "LintFinding(severity='error', message='thẻ sai', hint=h)\n"
        "problem(p, hint='Sửa thẻ')\n"
        "label = 'đầu trang'\n",
        encoding="utf-8",
    )
    found = [text for _, text in _message_literals(sample)]
    assert found == ["không đọc được {…}", "thẻ sai", "Sửa thẻ"]


_KIND_MESSAGE = "a check kind's own message, declared in its kind file (one kind, one file)"
_KIND_DOCS = "the kind's documentation (its arguments), declared with it"

#: where Vietnamese text may still be written in these modules, because it is not a message:
#: (module, top-level name or Class.method) → why
NOT_MESSAGES: dict[tuple[str, str], str] = {
    # labels of the text reports (their sentences are in the catalog)
    ("authoring/lint.py", "_SEVERITY_WORDS"): "severity labels of the lint report",
    ("docx/problems.py", "_SEVERITY_WORDS"): "severity labels of a numbered error list",
    ("authoring/discover.py", "_HEADINGS"): "section headings of the vars report",
    # data of the checks
    ("authoring/lint.py", "_MARGINS"): "the margins Nghị định 30 sets (names of the layout parts)",
    ("authoring/lint.py", "_LANDSCAPE_MARGINS"): "the same, for a landscape appendix page",
    ("authoring/lint.py", "_fold"): "the letter đ folded for did-you-mean",
    ("templating/measure.py", "_base"): "the letter đ for text width",
    ("templating/direction.py", "_WORD"): "the words of a direction a sentence states",
    ("docx/template.py", "_check_env"): "an example value in a programming error (English)",
    # what goes into the report: styles, labels, phrases, filter output
    ("templating/body.py", "STYLE_DEFS"): "names of the report's paragraph styles",
    ("templating/body.py", "LETTERS"): "the Vietnamese alphabet for a, b, c… points",
    ("templating/body.py", "NAME_MIN_TWIPS"): "a sample unit name measured for table widths",
    ("templating/body.py", "unit_line_of"): "the unit line of a table",
    ("templating/body.py", "indicator_table"): "table headings",
    ("templating/body.py", "build_body"): "the legal bases paragraph",
    ("templating/body.py", "appendix_label"): "the appendix heading",
    ("templating/context.py", "default_phrase"): "report phrases",
    ("templating/context.py", "ContextBuilder._attached"): "report phrases",
    ("templating/context.py", "ContextBuilder._default_opening"): "report phrases",
    ("templating/context.py", "ContextBuilder.build"): "report phrases",
    ("templating/context.py", "_UNIT_KINDS"): "kinds of ward in unit names",
    ("templating/context.py", "storage_line"): "the Nơi nhận storage line",
    ("templating/context.py", "authority_lines"): "the signing authority line",
    ("templating/filters/money.py", "_money_args"): "the default money unit",
    ("templating/filters/lists.py", "_join"): "filter output",
    ("templating/filters/lists.py", "liet_ke"): "filter output",
    ("templating/filters/lists.py", "gom"): "filter output",
    ("templating/filters/changes.py", "bien_dong"): "filter output",
    # proofreading (audit): the vocabulary the proofreader matches against, labels
    ("audit/confidence.py", "CONFIDENCE_VI"): "labels of the three confidence levels",
    ("audit/comments.py", "AUTHOR"): "the author name of the Word comments",
    ("audit/engine.py", "_PARAGRAPH_CHECKS"): "names of the checks (labels)",
    ("audit/figures.py", "MONEY_EXP"): "money unit names",
    ("audit/figures.py", "_COUNT_UNITS"): "unit names of counts",
    ("audit/figures.py", "_UNITS"): "unit names read after a number",
    ("audit/figures.py", "_UNIT"): "unit names read after a number",
    ("audit/figures.py", "_APPROX"): "words that make a figure approximate (trên, gần…)",
    ("audit/figures.py", "_MASKS"): "dates, codes, names and years that are not figures",
    ("audit/figures.py", "_HEADING"): "the letter đ of a heading number",
    ("audit/figures.py", "Figure.kind"): "the unit điểm phần trăm",
    ("audit/figures.py", "_norm_unit"): "unit names and their spellings",
    ("audit/figures.py", "_FRACTIONAL_UNITS"): "units that have fractions",
    ("audit/figures.py", "_whole_unit_problem"): "unit names (đồng, điểm phần trăm)",
    ("audit/figures.py", "find_figures"): "the unit đ and the letter Đ",
    ("audit/checks/changes.py", "_VERB"): "direction words (tăng, giảm)",
    ("audit/checks/changes.py", "_FROM"): "the word từ",
    ("audit/checks/changes.py", "_TO"): "words between two figures of a change",
    ("audit/checks/changes.py", "_TRANSITION"): "words between two figures of a change",
    ("audit/checks/changes.py", "_STRONG"): "words between two figures of a change",
    ("audit/checks/changes.py", "_RELATIVE"): "words that introduce a relative change",
    ("audit/checks/changes.py", "_SO_VOI"): "the words so với",
    ("audit/checks/changes.py", "_BEFORE_PAIR"): "words around a pair of figures",
    ("audit/checks/changes.py", "_AFTER_PAIR"): "words around a pair of figures",
    ("audit/checks/changes.py", "_adjacent"): "the word từ",
    ("audit/checks/changes.py", "_judge"): "direction words a sentence states, điểm phần trăm",
    ("audit/checks/form.py", "check_figure_form"): "unit names (triệu đồng, đồng)",
    ("audit/checks/form.py", "_DATE_LINE"): "a date in words",
    ("audit/checks/form.py", "_nd30_date"): "a date as Nghị định 30 writes it (the expected text)",
    ("audit/checks/form.py", "_CODE"): "the letter Đ of a document code",
    ("audit/checks/form.py", "_DATE_AFTER"): "a date cited after a code",
    ("audit/checks/form.py", "_CITED"): "names of the kinds of documents",
    ("audit/checks/form.py", "_cited_as"): "a citation as the report writes it",
    ("audit/checks/shares.py", "_CHIEM"): "the word chiếm",
    ("audit/checks/shares.py", "_AFTER_OK"): "words after a share",
    ("audit/checks/shares.py", "_CHIEM_AFTER"): "the word chiếm",
    ("audit/checks/shares.py", "_AFTER_NAMED"): "words after a share",
    ("audit/checks/shares.py", "_DOC_BASE"): "words that introduce the base of a share",
    ("audit/checks/shares.py", "_BASE_INTRO"): "words that introduce the base of a share",
    ("audit/checks/sums.py", "_MARKER"): "words that introduce the parts (trong đó, gồm)",
    ("audit/checks/sums.py", "_SEGMENT_INLINE"): "the word và",
    ("audit/checks/sums.py", "_COMPLETE"): "the word gồm",
    ("audit/checks/sums.py", "_OPEN_ENDED"): "words of an open list (khác, còn lại)",
    ("audit/checks/sums.py", "_thousands"): "the unit triệu đồng",
    ("audit/checks/sums.py", "_in_million"): "the unit triệu đồng",
    ("audit/checks/table_series.py", "_TOTAL"): "the word tổng of a total row",
    ("audit/checks/table_series.py", "_RATE"): "the words tỷ lệ of a rate column",
    ("audit/checks/tables.py", "_TOTAL_LABEL"): "labels of a total row",
    ("audit/checks/tables.py", "_GROUP"): "the letter Đ of a group row",
    ("audit/checks/tables.py", "_BREAKDOWN"): "labels of a breakdown row",
    ("audit/checks/tables.py", "_STT"): "the heading số TT",
    ("audit/checks/tables.py", "_NOT_ADDED"): "headings of columns that do not add up",
    ("audit/checks/tables.py", "_UNIT_COLUMN"): "the heading đơn vị tính",
    ("audit/checks/tables.py", "_RATE"): "the words tỷ lệ of a rate column",
    ("audit/checks/tables.py", "_LETTER"): "the letter Đ of a numbering row",
    ("audit/checks/tables.py", "_MONEY_WORD"): "the unit đồng",
    ("audit/checks/words.py", "_BRACKET"): "the words bằng chữ",
    ("audit/checks/words.py", "_NUMBER_WORDS"): "the number words",
    ("audit/checks/words.py", "_WORDS_UNIT"): "the unit đồng",
    ("audit/checks/words.py", "_FIRST_WORDS"): "the number words",
    # authoring tools: what a generated report definition, template or form says (output)
    ("authoring/scaffold.py", "_INDICATORS"): "labels and units of the starter report",
    ("authoring/scaffold.py", "YAML"): "the text of the generated report definition",
    ("authoring/scaffold.py", "_UNITS"): "sample wards and their chairs (sample data)",
    ("authoring/scaffold.py", "BODY"): "the text of the generated template",
    ("authoring/scaffold.py", "_TITLE_LINE"): "the title line of the generated definition",
    ("authoring/scaffold.py", "_KINDS"): "the kinds of document a title may start with",
    ("authoring/basetemplate.py", "_header_block"): "the national motto of the template",
    ("authoring/basetemplate.py", "_signature"): "the Nơi nhận label of the template",
    ("authoring/basetemplate.py", "_page_setup"): "the DỰ THẢO mark of the template",
    ("authoring/basetemplate.py", "build_base_template"): "the template's document title",
    ("authoring/form.py", "SHEET"): "the sheet name of the generated form",
    ("authoring/form.py", "TOTAL_LABEL"): "the total row label of the generated form",
    ("authoring/form.py", "form_columns"): "a column heading of the generated form",
    ("authoring/form.py", "build_form"): "title, instruction line and headings of the form",
    ("authoring/acknowledge.py", "_COMMENT"): "the words chấp nhận of an acknowledgement",
    # checks: each kind words its findings in its own file; the rest is in the catalog
    ("validate/base.py", "fmt"): "the unit điểm phần trăm",
    ("validate/base.py", "fmt_points"): "the unit điểm phần trăm",
    ("validate/mark.py", "SUMMARY_SHEET"): "the sheet name of the marked copy",
    ("validate/mark.py", "_DATA_SHEET"): "the sheet name of the marked copy",
    ("validate/mark.py", "_HEADINGS"): "column headings of the summary sheet",
    ("validate/kinds/target.py", "_STATUS_WORDS"): "the words of a stated result",
    ("validate/kinds/change.py", "ChangeCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/change.py", "ChangeCheck._unit_text"): _KIND_MESSAGE,
    ("validate/kinds/change.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/city_sum.py", "CitySumCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/city_sum.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/continuity.py", "ContinuityCheck.__init__"): _KIND_MESSAGE,
    ("validate/kinds/continuity.py", "ContinuityCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/continuity.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/movement.py", "MovementCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/movement.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/not_greater.py", "NotGreaterCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/not_greater.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/percentage.py", "PercentageCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/percentage.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/range.py", "RangeCheck.__init__"): _KIND_MESSAGE,
    ("validate/kinds/range.py", "RangeCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/range.py", "_validate_range"): _KIND_MESSAGE,
    ("validate/kinds/range.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/sum.py", "SumCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/sum.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/target.py", "TargetCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/target.py", "KIND"): _KIND_DOCS,
    ("validate/kinds/words.py", "WordsCheck.__call__"): _KIND_MESSAGE,
    ("validate/kinds/words.py", "KIND"): _KIND_DOCS,
    # data: vocabulary the readers match a clerk's sheet against, and the names of its columns
    ("data/layout.py", "_LETTER_PREFIX"): "the letters A–Đ that number a group row",
    ("data/layout.py", "_NUMBERING"): "the letters A–Đ of a sheet's numbering row",
    ("data/sheets.py", "_COLUMN_LETTER"): "the word cột before a column letter (cột D)",
    ("data/sheets.py", "_headers"): "headings given to the unit column and columns without one",
    ("data/text.py", "ascii_words"): "the letter đ folded for names and slugs",
    ("data/text.py", "_VIET"): "letters only Vietnamese has, to tell legacy encodings",
    ("data/text.py", "legacy_encoding"): "the letters VNI text shows instead of Vietnamese",
    ("data/text.py", "_KIND_WORDS"): "kinds of unit in unit names (Phường, Xã…)",
    ("data/text.py", "_LEAD"): "lead characters of double-encoded UTF-8",
    # report definitions: the documentation of each option, declared with it (it makes
    # docs/config-reference.md), and the words the report prints
    **{
        ("config/model.py", owner): "option docs, declared with the option"
        for owner in (
            "Level.",
            "LEVEL",
            "Indicator.",
            "INDICATOR",
            "LegalBasis.",
            "LEGAL_BASIS",
            "Party.",
            "ISSUER",
            "UNIT_ISSUER",
            "Signer.",
            "SIGNER",
            "UNIT_SIGNER",
            "Paragraph.",
            "PARAGRAPH",
            "Table.",
            "TABLE",
            "Section.",
            "SECTION",
            "Appendix.",
            "APPENDIX",
            "Previous.",
            "PREVIOUS",
            "Villages.",
            "VILLAGES",
            "WorkbookLayout.",
            "WORKBOOK",
            "DataSource.",
            "DATA",
            "ReportConfig.",
        )
    },
    ("config/model.py", "ROLES"): "the authority lines and titles a signer's role prints",
    ("config/fieldtypes.py", "ID"): "option docs: what an indicator id looks like",
    ("config/fieldtypes.py", "REPORT_ID"): "option docs: what a report id looks like",
    ("config/fieldtypes.py", "check_fields"): "option docs of the options every check has",
    ("config/fieldtypes.py", "CheckItem.describe"): "the type's description (docs and expected)",
    ("config/fieldtypes.py", "ACKNOWLEDGEMENT"): "option docs, declared with the option",
    ("config/fieldtypes.py", "LINT"): "option docs, declared with the option",
    ("config/spec.py", "REPORT"): "option docs, declared with the option",
    ("config/spec.py", "ROOT"): "option docs, declared with the option",
    ("config/spec.py", "all_specs"): "names of the groups of the reference page",
    ("config/names.py", "CONTEXT"): "docs of the names a template may use (reportgen vars)",
    ("config/names.py", "ROW_FIELDS"): "docs of the fields of a table row",
    ("config/names.py", "FILTER_NAMES"): "docs of an English alias of a filter",
    ("config/docs.py", "HEADER"): "the generated reference page",
    ("config/docs.py", "ROUNDING"): "the generated reference page",
    ("config/docs.py", "_default"): "the generated reference page",
    ("config/docs.py", "_expected"): "the generated reference page",
    ("config/docs.py", "_table"): "the generated reference page",
    ("config/docs.py", "render_reference"): "the generated reference page",
    ("config/loader.py", "_Builder.legal_bases"): "the name of a document type (vocabulary)",
    ("config/loader.py", "_signer"): "the collective line a signer's role prints",
    # the description of each type of value, declared with the type: the "Cần" column of the
    # reference page and the "cần …" of config.wrong-value
    **{
        ("config/schema.py", owner): "the type's description (docs and expected)"
        for owner in (
            "Str.describe",
            "Int.describe",
            "Dec.describe",
            "Bool.describe",
            "Date.describe",
            "Choice.describe",
            "ListOf.describe",
            "MapOf.",
            "MapOf.describe",
            "Obj.describe",
            "Either.describe",
        )
    },
    # the command line: help and usage texts, declared with their option or command
    ("cli/main.py", "_data_option"): "help of the option, declared with it",
    ("cli/main.py", "_format_option"): "help of the option, declared with it",
    ("cli/main.py", "_out_option"): "help of the option, declared with it",
    ("cli/main.py", "_Command.__init__"): "the usage line's [TÙY CHỌN]",
    ("cli/main.py", "_Group.__init__"): "the usage line's [TÙY CHỌN] and LỆNH [ĐỐI SỐ]...",
    ("cli/pdf.py", "pool_options"): "help of the options, declared with them",
    ("cli/pdf.py", "pdf_flags"): "help of the options, declared with them",
    ("cli/i18n.py", "_TYPE_NAMES"): "click's names of value types (its vocabulary, like click.po)",
    # outputs, the application layer, the web page, the diagnostics' own words
    ("outputs/folder.py", "_TOTAL_PREFIXES"): "the words a whole-area unit's name starts with",
    ("diagnostics/model.py", "SEVERITY_VI"): "severity labels of a table of problems",
    ("diagnostics/suggest.py", "_fold"): "the letter đ folded for did-you-mean",
    ("resources/__init__.py", "REPORTS"): "what each bundled demo report is (data of the demo)",
    # data: the units of a table and their figures (dataset.py)
    ("data/dataset.py", "_kind_of"): "the kind words a unit's name starts with (Phường, Xã…)",
    # Vietnamese figures, words, dates and document codes: what goes into the report, and the
    # vocabulary the readers match against (their messages are in catalog/figures.py)
    ("vnformat/numbers.py", "MONEY_UNITS"): "money unit names (vocabulary)",
    ("vnformat/numbers.py", "format_points"): "the unit điểm phần trăm written after a figure",
    ("vnformat/numbers.py", "scale_money"): "the default money unit (đồng)",
    ("vnformat/numbers.py", "format_money"): "the default money unit (đồng)",
    ("vnformat/phrases.py", "change_word"): "report phrases (tăng, giảm, không thay đổi)",
    ("vnformat/phrases.py", "describe_change"): "report phrases",
    ("vnformat/phrases.py", "target_status"): "report phrases (vượt, đạt, không đạt)",
    ("vnformat/phrases.py", "target_phrase"): "report phrases",
    ("vnformat/unitnames.py", "_ABBREVIATIONS"): "kinds of unit an abbreviation stands for",
    ("vnformat/unitnames.py", "_ABBREVIATED"): "the letter Đ of an abbreviated unit name",
    ("vnformat/documents.py", "DOC_TYPES"): "names of the kinds of documents (vocabulary)",
    ("vnformat/documents.py", "_PARTY_TYPES"): "names of the kinds of documents (vocabulary)",
    ("vnformat/documents.py", "_NUMBER_BLANK"): "the Số line of the header, number left blank",
    ("vnformat/documents.py", "_fold"): "the letter Đ folded for did-you-mean",
    ("vnformat/documents.py", "parse_doc_code"): "the word Số a clerk may write before a code",
    ("vnformat/documents.py", "number_line"): "the Số line of the header",
    ("vnformat/documents.py", "cite_short"): "a citation as the report writes it",
    ("vnformat/documents.py", "cite"): "a citation as the report writes it (ngày, của)",
    ("vnformat/dates.py", "date_line"): "the date line of the report (ngày … tháng … năm …)",
    ("vnformat/dates.py", "period"): "report text (giai đoạn 2021 - 2025)",
    ("vnformat/dates.py", "half_year"): "report text (6 tháng đầu năm 2024)",
    ("vnformat/dates.py", "year_label"): "report text (năm 2023)",
    ("vnformat/dates.py", "months_label"): "report text (9 tháng đầu năm 2024)",
    ("vnformat/dates.py", "_WORDS"): "a date in words, as it is matched",
    **{
        ("vnformat/words.py", owner): "number words: the reading and the words it is parsed from"
        for owner in (
            "_DIGIT_WORDS",
            "_tens_units",
            "_lead_words",
            "_full_words",
            "_ZERO_TENS",
            "_THOUSAND",
            "_LEAD",
            "_FULL",
            "_LEAD_THOUSAND",
            "_int_words",
            "_fraction_words",
            "read_number",
            "money_in_words",
            "_UNIT_MUOI",
            "_UNIT_MUOI10",
            "_variants",
            "_spellings",
            "_RANK",
            "_misplaced",
            "_rd_tens",
            "_rd_tail",
            "_rd_group",
            "_explain_group",
            "_parse_int",
            "_parse_fraction",
            "_fast",
            "_FAST_SCALES",
            "_fast_int",
            "_parse_tokens",
        )
    },
}


def _owner_of_literals(path: Path) -> Iterator[tuple[str, int, str]]:
    """(owner, line, text) of every Vietnamese literal of a module that is neither a docstring
    nor an argument of a decorator (a filter's documentation is declared with it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    skip.add(id(stmt.value))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:
                skip.update(id(sub) for sub in ast.walk(decorator))
    for top in tree.body:
        owners: list[tuple[str, ast.AST]] = []
        if isinstance(top, ast.ClassDef):
            owners = [(f"{top.name}.{getattr(m, 'name', '')}", m) for m in top.body]
        elif isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef):
            owners = [(top.name, top)]
        elif isinstance(top, ast.Assign | ast.AnnAssign):
            targets = top.targets if isinstance(top, ast.Assign) else [top.target]
            owners = [(",".join(getattr(t, "id", "?") for t in targets), top)]
        for owner, node in owners:
            for ident, line, value in _strings(node):
                if ident not in skip and _VIETNAMESE.search(value):
                    yield owner, line, value


@pytest.mark.parametrize("path", MODULES, ids=_relative)
def test_vietnamese_text_left_in_the_code_is_report_text_or_data(path: Path) -> None:
    found = [
        f"{_relative(path)}:{line} ({owner}): {text!r}"
        for owner, line, text in _owner_of_literals(path)
        if (_relative(path), owner) not in NOT_MESSAGES
    ]
    assert not found, "a message goes into reportgen/diagnostics/catalog/:\n" + "\n".join(found)


def census(root: Path = ROOT) -> dict[str, tuple[int, int]]:
    """Module → (Vietnamese literals that are messages, literals left as report text or data),
    for the modules of :data:`MODULES` under ``root`` (a checkout's ``reportgen`` folder).

    ``PYTHONPATH=$PWD python -c "from tests.test_message_catalog import census;
    print(census())"``"""
    out: dict[str, tuple[int, int]] = {}
    for module in MODULES:
        path = root / _relative(module)
        if not path.exists():
            continue
        owners = [owner for owner, _, _ in _owner_of_literals(path)]
        kept = sum(1 for owner in owners if (_relative(module), owner) in NOT_MESSAGES)
        if owners:
            out[_relative(module)] = (len(owners) - kept, kept)
    return out


def test_the_census_counts_no_message_left_in_the_code() -> None:
    counts = census()
    assert counts and all(messages == 0 for messages, _ in counts.values()), counts


def test_everything_left_out_of_the_catalog_is_still_there() -> None:
    owners = {
        (_relative(path), owner) for path in MODULES for owner, _, _ in _owner_of_literals(path)
    }
    assert set(NOT_MESSAGES) <= owners, set(NOT_MESSAGES) - owners


# -- keys and fields -------------------------------------------------------------------------

_KEY = re.compile(
    r"^(template|data|config|check|output|audit|web|os|input|app|cli|authoring|lint|pdf|compute"
    r"|render|where|general)\.(?!html$)[a-z0-9-]+$"
)
_CATALOG_CALLS = frozenset({"make", "text", "hint"})
#: texts that look like a catalog key but are none: YAML key paths of a report definition
_NOT_KEYS = frozenset({"data.previous", "data.workbook", "data.villages"})
#: helpers that fill fields of the entry they are given themselves
_HELPER_FIELDS = {"style_finding": {"name"}}


def _fields(template: str | None) -> set[str]:
    if template is None:
        return set()
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


def _keys_in(node: ast.AST) -> list[str]:
    """The catalog keys a call names plainly (a constant, or either side of ``a if c else b``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _KEY.match(node.value):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _keys_in(node.body) + _keys_in(node.orelse)
    return []


def _uses() -> Iterator[tuple[str, int, str, set[str] | None, str]]:
    """(file, line, key, keywords given — None when the call passes ``**`` or is not a call
    that fills the entry —, what is filled: ``text``, ``hint`` or both) for every catalog key
    written in the modules."""
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_call: set[int] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for arg in node.args:
                keys = _keys_in(arg)
                if not keys:
                    continue
                in_call.update(id(c) for c in ast.walk(arg))
                given: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
                if any(k.arg is None for k in node.keywords):
                    given = None
                elif given is not None:
                    given |= _HELPER_FIELDS.get(_name(node), set())
                what = _name(node) if _name(node) in ("text", "hint") else "both"
                for key in keys:
                    yield _relative(path), node.lineno, key, given, what
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _KEY.match(node.value)
                and id(node) not in in_call
                and node.value not in _NOT_KEYS
            ):
                yield _relative(path), node.lineno, node.value, None, "both"


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    known = catalog.messages()
    missing = [
        f"{f}:{line}: {key}"
        for f, line, key, _, _ in _uses()
        if key not in known and key not in _OTHER_CODES
    ]
    assert not missing, missing


def test_every_field_of_an_entry_is_given_where_it_is_used() -> None:
    known = catalog.messages()
    unfilled: list[str] = []
    checked = 0
    for f, line, key, given, what in _uses():
        if given is None or key not in known:
            continue
        entry = known[key]
        needed = _fields(entry.text) if what != "hint" else set()
        if what == "hint" or (what == "both" and "hint" not in given):
            needed |= _fields(entry.hint)  # a hint given to the call replaces the catalog's
        checked += 1
        if not needed <= given:
            unfilled.append(f"{f}:{line}: {key} needs {sorted(needed - given)}")
    assert checked > 100 and not unfilled, unfilled


@pytest.mark.parametrize("code", sorted(catalog.messages()))
def test_every_entry_parses_and_reports_under_a_catalogued_code(code: str) -> None:
    entry = catalog.messages()[code]
    _fields(entry.text), _fields(entry.hint)  # a stray brace raises ValueError here
    reported = entry.code or code
    assert reported in catalog.messages() or reported in _OTHER_CODES, reported


#: codes errors carry that are no catalog entry of their own (the general kind of an error)
_OTHER_CODES = frozenset(
    {
        "template.error",
        "output.too-large",
        # the general kind of each error class (an instance carries a finer code)
        "data.error",
        "config.error",
        "output.error",
        "data.bad-number",
        "data.bad-words",
        "config.bad-document-code",
        # reportgen new: the output codes its errors have always carried
        "output.unknown-kind",
        "output.bad-name",
        # checks: an unreadable cell (the reader words it), a check naming an unknown unit
        "data.cell",
        "config.unknown-unit",
        # the range kind's own argument errors, worded in its kind file
        "config.range-bounds",
        "config.range-order",
    }
)


def test_a_variant_keeps_the_code_of_its_kind() -> None:
    d = catalog.make("template.broken-tag-tab")
    assert (d.code, d.severity) == ("template.broken-tag", "error")
    assert d.message == "thẻ chứa ký tự tab; hãy xoá tab trong thẻ"
    d = catalog.make("template.bad-docx-crc", entry="word/document.xml")
    assert d.code == "template.bad-docx"
    assert d.message == "không phải tệp Word .docx hợp lệ (mục word/document.xml hỏng (sai CRC))"
    assert catalog.hint("template.did-you-mean", name="x") is None


def _catalog_calls(path: Path) -> Iterator[tuple[int, str]]:
    """(line, key) of every ``catalog.make/text/hint("key", …)`` with a written key."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "catalog"
            and node.func.attr in _CATALOG_CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def test_every_code_built_with_the_catalog_anywhere_exists() -> None:
    known = catalog.messages()
    used = [
        (f"{_relative(path)}:{line}", key)
        for path in sorted(ROOT.rglob("*.py"))
        for line, key in _catalog_calls(path)
    ]
    assert len(used) > 100
    missing = [f"{where}: {key}" for where, key in used if key not in known]
    assert not missing, missing


def test_an_error_is_worded_from_the_catalog_by_its_code() -> None:
    from reportgen.diagnostics.errors import DataError, Location

    error = DataError.of(
        "data.unclosed-quote", location=Location(file="a.csv", line=3), first=3, last=5
    )
    assert (error.code, error.location) == ("data.unclosed-quote", Location(file="a.csv", line=3))
    assert error.message.endswith("(dòng 3 đến 5)")
    assert error.hint is not None and error.hint.startswith("xóa dấu ngoặc kép")
    assert DataError.of("data.unclosed-quote", hint="khác", first=1, last=2).hint == "khác"


# -- proofreading, authoring tools, checks ---------------------------------------------------

_WORDINGS = [
    (
        "audit.unreadable-kind",
        {"suffix": ".doc"},
        "audit.unreadable",
        'không đọc được loại tệp ".doc": cần .docx, .txt hoặc .md',
        "Với tệp .doc (Word cũ) hoặc .pdf: mở bằng Word và lưu lại dưới dạng .docx.",
    ),
    (
        "audit.unreadable-too-large",
        {"size": 60, "limit": 50},
        "audit.unreadable",
        "tệp quá lớn (60 byte; tối đa 50 byte)",
        "Chia báo cáo thành các tệp nhỏ hơn.",
    ),
    (
        "authoring.new-exists",
        {"path": "configs/a.yaml"},
        "output.exists",
        "đã có tệp configs/a.yaml",
        "chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa",
    ),
    (
        "authoring.new-unknown-kind",
        {"kind": "x", "guess": "", "listed": "a, b"},
        "output.unknown-kind",
        'không có loại báo cáo mẫu "x"',
        "chọn một trong: a, b (xem: reportgen demo --help)",
    ),
    (
        "check.unknown-unit",
        {"file": "so-lieu.csv", "name": "Phường X", "names": "A, B"},
        "config.unknown-unit",
        'cần tên một đơn vị có trong tệp số liệu so-lieu.csv, nhưng gặp "Phường X"',
        "các đơn vị: A, B",
    ),
    (
        "check.range-count",
        {},
        "check.range-count",
        "số nguyên không âm (số đếm)",
        "số hộ, số người, số lượt… là số nguyên từ 0 trở lên",
    ),
    # Vietnamese figures, words and document codes
    (
        "data.bad-number-ambiguous",
        {"text": "1.5", "grp_name": "dấu chấm", "group": "5", "size": 1, "whole": "1.500"}
        | {"alt": "1,5", "dec_name": "dấu phẩy"},
        "data.bad-number",
        '"1.5" không phải là số: sau dấu chấm phân cách hàng nghìn phải có đúng 3 chữ số, nhưng '
        'nhóm "5" có 1 chữ số: cần viết 1.500 (số nguyên) hoặc 1,5 (số thập phân, dấu phẩy là dấu '
        "thập phân)",
        "Nếu là số thập phân thì viết 1,5; nếu là số nguyên thì viết đủ 3 chữ số sau dấu chấm "
        "(ví dụ 1.500).",
    ),
    (
        "data.bad-words-end",
        {"text": "một trăm linh", "reason": 'thiếu chữ số sau "linh"/"lẻ"'},
        "data.bad-words",
        '"một trăm linh" không đọc được: thiếu từ ở cuối (thiếu chữ số sau "linh"/"lẻ")',
        "Sửa lại phần số bằng chữ cho đúng cách đọc.",
    ),
    (
        "config.bad-document-code-spaces",
        {"text": "05 /BC-UBND", "squeezed": "05/BC-UBND"},
        "config.bad-document-code",
        '"05 /BC-UBND": số, ký hiệu văn bản không có dấu cách, kể cả quanh "/" và "-" '
        "(ví dụ 05/BC-UBND)",
        'Viết "05/BC-UBND".',
    ),
]


@pytest.mark.parametrize(
    ("key", "fields", "code", "message", "hint"), _WORDINGS, ids=[w[0] for w in _WORDINGS]
)
def test_a_moved_message_keeps_its_code_and_wording(
    key: str, fields: dict[str, Any], code: str, message: str, hint: str
) -> None:
    d = catalog.make(key, **fields)
    assert (d.code, d.message, d.hint) == (code, message, hint)


def test_an_unreadable_report_is_reported_under_one_code(tmp_path: Path) -> None:
    from reportgen.audit.reader import UnreadableDocument, read_document

    for name in ("a.doc", "missing.md"):
        with pytest.raises(UnreadableDocument) as caught:
            read_document(tmp_path / name, name=name)
        assert caught.value.code == "audit.unreadable"
        assert caught.value.hint


def test_every_module_of_the_package_takes_its_wording_from_the_catalog() -> None:
    every = {_relative(p) for p in ROOT.rglob("*.py") if "catalog" not in p.relative_to(ROOT).parts}
    assert every - {_relative(p) for p in MODULES} == set()


# -- data: the units of a table and their figures (dataset.py) -------------------------------

_DATASET_WORDINGS = [
    (
        "data.row-too-wide",
        {"cells": 9, "width": 7},
        "data.row-too-wide",
        "dòng có 9 ô nhưng dòng tiêu đề chỉ có 7 cột: các ô thừa sẽ lệch cột",
        'nếu tệp phân cách cột bằng dấu phẩy thì số thập phân phải đặt trong ngoặc kép ("494,4") '
        "hoặc lưu lại tệp với dấu chấm phẩy; nếu không, xóa các ô thừa",
    ),
    (
        "data.same-file-name",
        {"first": "Phường An", "second": "Phường Ân", "slug": "phuong-an"},
        "data.same-file-name",
        'hai đơn vị "Phường An" và "Phường Ân" có cùng tên tệp "phuong-an"',
        "đổi tên để hai đơn vị khác nhau",
    ),
    (
        "data.city-only-rows",
        {"n": 3},
        "data.city-only-rows",
        "báo cáo chỉ có số toàn thành phố (data.city_only), nhưng tệp có 3 dòng số liệu",
        "để lại đúng một dòng cho toàn thành phố, hoặc bỏ `city_only` nếu tệp có các phường, xã",
    ),
    (
        "data.unit-name-missing-city",
        {},
        "data.unit-name-missing",
        "dòng số liệu không có tên",
        "ghi tên toàn thành phố vào cột tên đơn vị",
    ),
    (
        "data.sheet-join",
        {"name": "Phường An", "sheet": "Chi tiêu", "first": "Hộ nghèo"},
        "data.sheet-join",
        'đơn vị "Phường An" có ở trang tính Chi tiêu nhưng không có ở trang tính Hộ nghèo',
        "các trang tính được ghép theo tên đơn vị: sửa tên cho giống nhau, hoặc thêm đơn vị vào "
        "trang tính kia",
    ),
    (
        "data.sheet-join-missing",
        {"sheet": "Chi tiêu", "n": 2, "first": "Hộ nghèo", "names": "Phường An, Xã Bình"},
        "data.sheet-join",
        "trang tính Chi tiêu thiếu 2 đơn vị có ở trang tính Hộ nghèo: Phường An, Xã Bình",
        "thêm dòng của các đơn vị này, hoặc sửa tên cho giống trang tính Hộ nghèo",
    ),
]


@pytest.mark.parametrize(
    ("key", "fields", "code", "message", "hint"),
    _DATASET_WORDINGS,
    ids=[w[0] for w in _DATASET_WORDINGS],
)
def test_a_unit_table_error_keeps_its_code_and_wording(
    key: str, fields: dict[str, Any], code: str, message: str, hint: str
) -> None:
    from reportgen.diagnostics.errors import DataError

    error = DataError.of(key, **fields)
    assert (error.code, error.message, error.hint) == (code, message, hint)
