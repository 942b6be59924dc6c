"""Template lint — ``reportgen lint TEMPLATE [--config CONFIG]``.

Every problem of a Word template at once, each with where it is in words an author can find
(``bảng 2, hàng 3, ô 1, đoạn 1``, ``đầu trang (header1.xml), đoạn 1``), the paragraph's text
with the tag marked ``⟦ ⟧``, what is wrong and what to do, in Vietnamese:

* tags: Jinja syntax errors (each tag checked on its own, then the pairing of ``if``/``for``…
  per part), tags Word broke beyond repair, repairs made (``info``: the author should know);
* names: unknown variables, fields, filters and tests, with "có phải ý bạn là …?"; with a
  report definition, its indicators that neither the template, the report body spliced at
  ``{{p noi_dung }}``, a formula nor a check uses;
* layout (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait, margins, Times New Roman, body
  text 13–14 pt, page numbers centred in the header and not on page 1.

Exit code of a report: 0 when there is no error and no warning (repairs are only notes),
1 otherwise; a file that cannot be read raises :class:`~reportgen.diagnostics.errors.TemplateError`
(exit code 2).
"""

from __future__ import annotations

import difflib
import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from reportgen.authoring import acknowledge
from reportgen.authoring.discover import Use, find_uses
from reportgen.config import names
from reportgen.config.model import ReportConfig
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import EXIT_FINDINGS, EXIT_OK, Location, TemplateError
from reportgen.diagnostics.formats import to_json
from reportgen.diagnostics.model import Diagnostic
from reportgen.diagnostics.oserrors import os_reason
from reportgen.docx import TemplateAnalysis, TemplateProblem, analyse
from reportgen.docx.ooxml import NS_W, Locator, paragraph_text
from reportgen.docx.prepare import marked
from reportgen.templating.body import BLOCK_NAME, STYLE_DEFS, build_blocks
from reportgen.templating.direction import unbacked_directions, walk_paragraphs, yaml_line
from reportgen.templating.environment import make_env

__all__ = [
    "CONTEXT_FIELDS",
    "TEMPLATE_NAMES",
    "LintFinding",
    "LintReport",
    "Severity",
    "format_lint_json",
    "format_lint_text",
    "lint_bytes",
    "lint_template",
]

Severity = Literal["error", "warning", "info"]

#: The context names, their fields and the per-indicator names: declared once in
#: :mod:`reportgen.config.names` (what the render context provides besides indicator ids).
CONTEXT_FIELDS = names.CONTEXT_FIELDS
TEMPLATE_NAMES = names.CONTEXT_NAMES
_BY_INDICATOR = names.BY_INDICATOR
_ROW_FIELDS = frozenset(names.ROW_FIELDS)

_SEVERITY_WORDS: dict[str, str] = {"error": "LỖI", "warning": "CẢNH BÁO", "info": "GHI CHÚ"}
_FONT = "Times New Roman"
_TWIPS_PER_MM = 1440 / 25.4
_A4 = (11906, 16838)
_MARGINS = {  # name, attribute, (min, max) mm
    "top": ("lề trên", (20.0, 25.0)),
    "bottom": ("lề dưới", (20.0, 25.0)),
    "left": ("lề trái", (30.0, 35.0)),
    "right": ("lề phải", (15.0, 20.0)),
}
#: a landscape appendix page: the same margins turned with the sheet (the binding edge, left on
#: a portrait page, is the top of a landscape one); the margins as written are accepted too
_LANDSCAPE_MARGINS = {
    "top": ("lề trên", (30.0, 35.0)),
    "bottom": ("lề dưới", (15.0, 20.0)),
    "left": ("lề trái", (20.0, 25.0)),
    "right": ("lề phải", (20.0, 25.0)),
}
_BODY_SIZES = (13.0, 14.0)
_TABLE_SIZES = (10.0, 14.0)
_PAGE_NUMBER_SIZES = (13.0, 14.0)
_TABLE_ROLES = {"table_title", "table_head", "table_cell", "table_text"}
_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}|\{\{.*?\}\}", re.S)
_BLOCK_TAG = re.compile(r"\{\{p\s")
_P_BLOCK = re.compile(r"^\{%-?p\s+(if|for|endif|endfor)\b")

#: the kinds of tag problem whose general fix (the catalog's hint of ``template.<kind>``) is
#: shown when the engine gave none
_KIND_HINTS = {
    "broken-tag": "template.broken-tag",
    "misplaced-tag": "template.misplaced-tag",
    "unsupported-tag": "template.unsupported-tag",
    "unknown-block": "template.unknown-block",
    "dropped-content": "template.dropped-content",
}


# -- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LintFinding:
    """One problem of a template."""

    severity: Severity
    """``error`` (the template will not render right), ``warning`` (probably wrong, or
    against Nghị định 30) or ``info`` (a repair made automatically)."""
    code: str
    """A short English slug: ``jinja-syntax``, ``broken-tag``, ``repaired-tag``,
    ``misplaced-tag``, ``unknown-variable``, ``unknown-field``, ``unknown-filter``,
    ``unknown-test``, ``unused-indicator``, ``page-setup``, ``font``, ``font-size``,
    ``page-number``, ``missing-style``…"""
    part: str
    """The package part (``word/document.xml``, ``word/header1.xml``, ``word/styles.xml``);
    empty for a finding about the report definition."""
    where: str
    """Where, in Vietnamese words an author can find: ``thân văn bản, đoạn 12``,
    ``bảng 2, hàng 3, ô 1, đoạn 1``, ``đầu trang (header1.xml), đoạn 1``…"""
    paragraph: int | None
    """1-based ordinal of the paragraph in its part (None when not about a paragraph)."""
    text: str
    """The paragraph's visible text with the tag (or the text at fault) marked ``⟦ ⟧``."""
    message: str
    """What is wrong, in Vietnamese."""
    hint: str
    """What to do, in Vietnamese (with "Có phải ý bạn là …?" when a name is close)."""
    acknowledged: str = ""
    """The author's reason when this was a warning accepted on purpose (it is then ``info``;
    see :mod:`reportgen.authoring.acknowledge`)."""

    @property
    def diagnostic_code(self) -> str:
        """The stable diagnostic code: ``template.`` and the kind (``template.page-setup``)."""
        return f"template.{self.code}"

    def as_dict(self) -> dict[str, object]:
        """The finding as a plain dict, fields in declaration order."""
        return asdict(self)

    def to_diagnostic(self, file: str | None = None) -> Diagnostic:
        """The finding as the shared :class:`~reportgen.diagnostics.model.Diagnostic` (code
        ``template.*``; the marked paragraph text and the place in words in ``extra``)."""
        location = Location(
            file=file,
            part=self.part or None,
            paragraph=self.paragraph,
            where=self.where or None,
        )
        extra: dict[str, object] = {}
        if self.text:
            extra["text"] = self.text
        if self.acknowledged:
            extra["acknowledged"] = self.acknowledged
        return Diagnostic(
            code=self.diagnostic_code,
            severity=self.severity,
            message=self.message,
            location=location,
            hint=self.hint or None,
            extra=extra,
        )


def _finding_of(
    key: str,
    /,
    *,
    part: str,
    where: str,
    paragraph: int | None,
    text: str = "",
    hint: str | None = None,
    **params: Any,
) -> LintFinding:
    """The finding of catalog entry ``key`` (its kind, severity, message and hint) at a place;
    ``hint`` replaces the catalog's (a did-you-mean)."""
    d = catalog.make(key, hint=hint, **params)
    return LintFinding(
        severity=d.severity,
        code=d.code.removeprefix("template."),
        part=part,
        where=where,
        paragraph=paragraph,
        text=text,
        message=d.message,
        hint=d.hint or "",
    )


@dataclass
class LintReport:
    """Every finding of one template, in document order (layout and config last)."""

    template: str
    findings: list[LintFinding] = field(default_factory=list)
    config: str | None = None
    """The report definition the template was checked against, if any."""

    @property
    def errors(self) -> list[LintFinding]:
        """The findings of severity ``error``."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[LintFinding]:
        """The findings of severity ``warning``."""
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def infos(self) -> list[LintFinding]:
        """The findings of severity ``info`` (repairs made automatically)."""
        return [f for f in self.findings if f.severity == "info"]

    @property
    def exit_code(self) -> int:
        """0 when there is no error and no warning (notes only), else 1."""
        return EXIT_FINDINGS if self.errors or self.warnings else EXIT_OK

    def codes(self) -> list[str]:
        """The codes of the findings, in order (handy in tests)."""
        return [f.code for f in self.findings]

    def diagnostics(self) -> list[Diagnostic]:
        """Every finding as a shared :class:`~reportgen.diagnostics.model.Diagnostic`."""
        return [f.to_diagnostic(self.template) for f in self.findings]


# -- entry points --------------------------------------------------------------------------


def lint_template(template: Path | str, config: ReportConfig | None = None) -> LintReport:
    """Check the Word template at ``template`` and return every finding.

    With ``config`` names are checked against its indicators, the report body generated
    from its sections is spliced at ``{{p noi_dung }}`` (its names count as used), and
    indicators used nowhere are reported. Raises :class:`~reportgen.diagnostics.errors.TemplateError`
    when the file cannot be read or is not a Word document (.docx).
    """
    path = Path(template)
    try:
        data = path.read_bytes()
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        d = catalog.make(
            "template.lint-not-found" if missing else "template.lint-unreadable",
            reason=os_reason(exc),
        )
        raise TemplateError(
            d.message, location=Location(file=str(path)), hint=d.hint, code=d.code
        ) from exc
    if path.suffix.lower() in (".doc", ".dot", ".odt", ".rtf"):
        d = catalog.make("template.not-docx", suffix=path.suffix)
        raise TemplateError(d.message, location=Location(file=str(path)), hint=d.hint, code=d.code)
    return lint_bytes(data, name=str(path), config=config)


def lint_bytes(data: bytes, *, name: str, config: ReportConfig | None = None) -> LintReport:
    """Check a template given as the bytes of a .docx file; see :func:`lint_template`."""
    env = make_env()
    blocks = build_blocks(config) if config is not None else {BLOCK_NAME: ""}
    analysis = analyse(data, env=env, blocks=blocks, name=name)
    uses = find_uses(analysis, env)
    findings: list[LintFinding] = []
    findings += _problem_findings(analysis)
    findings += _name_findings(uses, config, set(env.filters), set(env.tests))
    package = _Package(data)
    findings += _Layout(package, has_block=_has_block(uses)).findings()
    if config is not None:
        findings += _unused_indicators(uses, config)
    findings += _direction_findings(package, config)
    acks = acknowledge.from_template(analysis)
    if config is not None:
        acks = acknowledge.from_config(config.path) + acks
    order = _part_order(package.names)
    findings = acknowledge.apply(_sorted(findings, order), acks)
    return LintReport(
        template=name,
        findings=findings,
        config=str(config.path) if config is not None else None,
    )


def _direction_findings(package: _Package, config: ReportConfig | None) -> list[LintFinding]:
    """Sentences stating a direction (tăng, giảm…) that no figure backs: in the report
    definition's paragraphs (those without a ``when`` condition) and in the template's body."""
    out: list[LintFinding] = []

    def add(part: str, where: str, paragraph: int | None, text: str) -> None:
        for u in unbacked_directions(text):
            out.append(
                _finding_of(
                    "template.unbacked-direction",
                    part=part,
                    where=where,
                    paragraph=paragraph,
                    text=u.sentence,
                    word=u.word,
                )
            )

    if config is not None:
        try:
            source = config.path.read_text(encoding="utf-8-sig")
        except OSError:
            source = ""
        for path, para in walk_paragraphs(config):
            line = yaml_line(source, para)
            where = (
                catalog.text(
                    "template.where-definition-line", file=config.path.name, line=line, path=path
                )
                if line
                else catalog.text("template.where-definition", file=config.path.name, path=path)
            )
            add("", where, None, para)
    root = package.xml("word/document.xml")
    if root is not None:
        for i, p in enumerate(root.iter(f"{NS_W}p"), 1):
            text = "".join(t.text or "" for t in p.iter(f"{NS_W}t"))
            if text.strip():
                add(
                    "word/document.xml",
                    catalog.text("template.where-body-paragraph", number=i),
                    i,
                    text,
                )
    return out


def _has_block(uses: Iterable[Use]) -> bool:
    return any(u.kind == "block" and u.name == BLOCK_NAME for u in uses)


def _part_order(names: Iterable[str]) -> dict[str, int]:
    def rank(name: str) -> tuple[int, str]:
        for i, prefix in enumerate(("word/document", "word/header", "word/footer", "word/foot")):
            if name.startswith(prefix):
                return i, name
        return 9, name

    return {name: i for i, name in enumerate(sorted(names, key=rank))}


_LAYOUT_CODES = {"page-setup", "font", "font-size", "page-number", "missing-style"}


def _sorted(findings: list[LintFinding], order: dict[str, int]) -> list[LintFinding]:
    def key(item: tuple[int, LintFinding]) -> tuple[int, int, int, int]:
        seq, f = item
        group = 2 if not f.part else 1 if f.code in _LAYOUT_CODES else 0
        return group, order.get(f.part, 99), f.paragraph or 0, seq

    unique = list(dict.fromkeys(findings))  # e.g. one header shared by two sections
    return [f for _, f in sorted(enumerate(unique), key=key)]


# -- problems of the tags ------------------------------------------------------------------


def _problem_findings(analysis: TemplateAnalysis) -> list[LintFinding]:
    return [_from_problem(p) for p in analysis.problems]


def _from_problem(p: TemplateProblem) -> LintFinding:
    code = p.code or ("repaired-tag" if p.repaired else "broken-tag")
    if p.repaired:
        message = catalog.text("template.lint-repaired", message=p.message)
        # a repaired tag: the general advice; a converted package: its own (Save As .docx)
        general = catalog.hint("template.lint-repaired") or ""
        hint = general if code == "repaired-tag" or not p.hint else p.hint
    else:
        message = p.message
        hint = p.hint or (catalog.hint(_KIND_HINTS[code]) or "" if code in _KIND_HINTS else "")
    return LintFinding(
        severity=p.severity,
        code=code,
        part=p.part,
        where=p.where,
        paragraph=p.paragraph or None,
        text=p.text,
        message=message,
        hint=hint,
    )


# -- names ---------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lowercase without Vietnamese diacritics (so ``tỷ_lệ`` is close to ``ty_le``)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _did_you_mean(name: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate closest to ``name`` (diacritics ignored), or None."""
    folded: dict[str, str] = {}
    for c in sorted(set(candidates)):
        folded.setdefault(_fold(c), c)
    close = difflib.get_close_matches(_fold(name), list(folded), n=1, cutoff=cutoff)
    return folded[close[0]] if close else None


def _guess_hint(guess: str | None) -> str | None:
    """The did-you-mean hint for ``guess`` (None without a guess: the catalog's hint stays)."""
    return catalog.text("template.did-you-mean", name=guess) if guess else None


def _field_paths() -> dict[str, str]:
    """Field name → full name for every known field (``so_ky_hieu`` → ``bao_cao.so_ky_hieu``),
    to suggest when a field is written without its owner."""
    out: dict[str, str] = {}
    for root, fields in CONTEXT_FIELDS.items():
        owner = root.replace("[]", "[0]")
        for f in sorted(fields):
            out.setdefault(f, f"{owner}.{f}")
    return out


def _name_findings(
    uses: list[Use], config: ReportConfig | None, filters: set[str], tests: set[str]
) -> list[LintFinding]:
    indicators = set(config.indicators) if config is not None else set()
    known = set(TEMPLATE_NAMES) | indicators
    leaves = _field_paths()
    out: list[LintFinding] = []
    seen: set[tuple[str, str, int | None, str]] = set()
    for use in uses:
        if use.in_block:
            continue  # the body comes from the config, whose texts the config loader checks
        finding = _check_use(use, known, indicators, config is not None, leaves, filters, tests)
        if finding is None:
            continue
        key = (finding.code, use.place.part, use.place.paragraph, use.name)
        if key in seen:
            continue
        seen.add(key)
        out.append(finding)
    return out


def _finding(use: Use, key: str, /, hint: str | None = None, **params: Any) -> LintFinding:
    """The finding of catalog entry ``key`` at the place of ``use``."""
    return _finding_of(
        key,
        part=use.place.part,
        where=use.place.where,
        paragraph=use.place.paragraph,
        text=use.place.text,
        hint=hint,
        **params,
    )


def _check_use(
    use: Use,
    known: set[str],
    indicators: set[str],
    with_config: bool,
    leaves: dict[str, str],
    filters: set[str],
    tests: set[str],
) -> LintFinding | None:
    if use.kind == "filter":
        if use.name in filters:
            return None
        guess = _did_you_mean(use.name, filters)
        return _finding(use, "template.unknown-filter-name", _guess_hint(guess), name=use.name)
    if use.kind == "test":
        if use.name in tests:
            return None
        guess = _did_you_mean(use.name, tests)
        return _finding(use, "template.unknown-test-name", _guess_hint(guess), name=use.name)
    if use.kind != "variable":
        return None
    if use.root not in known:
        return _unknown_variable(use, known, with_config, leaves)
    return _unknown_field(use, indicators, with_config)


def _unknown_variable(
    use: Use, known: set[str], with_config: bool, leaves: dict[str, str]
) -> LintFinding:
    name = use.root
    if name == BLOCK_NAME:
        return _finding(use, "template.block-as-variable", name=name)
    guess = _did_you_mean(name, known)
    if guess is None and name in leaves:
        guess = leaves[name]
    key = (
        "template.unknown-variable-config" if with_config else "template.unknown-variable-no-config"
    )
    return _finding(use, key, _guess_hint(guess), name=name)


def _unknown_field(use: Use, indicators: set[str], with_config: bool) -> LintFinding | None:
    root, path = use.root, use.path
    fields: Collection[str] | None = None
    index = 0
    owner = root
    if root in CONTEXT_FIELDS:
        fields = CONTEXT_FIELDS[root]
    elif f"{root}[]" in CONTEXT_FIELDS and path and path[0].startswith("["):
        fields, index, owner = CONTEXT_FIELDS[f"{root}[]"], 1, f"{root}{path[0]}"
    elif root in _BY_INDICATOR and with_config:
        fields = indicators
    elif root == "cac_don_vi" and with_config and path and path[0].startswith("["):
        fields, index, owner = indicators | _ROW_FIELDS, 1, f"{root}{path[0]}"
        if len(path) > 2 and path[1] == "don_vi":
            fields, index, owner = CONTEXT_FIELDS["don_vi"], 2, f"{owner}.don_vi"
    if fields is None or len(path) <= index or path[index].startswith("["):
        return None
    name = path[index]
    if name in fields:
        return None
    guess = _did_you_mean(name, fields)
    listed = ", ".join(sorted(fields)) if len(fields) <= 12 else ""
    return _finding(
        use,
        "template.unknown-field-listed" if listed else "template.unknown-field-name",
        _guess_hint(f"{owner}.{guess}" if guess else None),
        owner=owner,
        name=name,
        listed=listed,
    )


def _unused_indicators(uses: list[Use], config: ReportConfig) -> list[LintFinding]:
    indicators = list(config.indicators)
    used: set[str] = set()
    for use in uses:
        if use.kind != "variable":
            continue
        if use.root in config.indicators:
            used.add(use.root)
        elif use.root == "loi_so_lieu":
            continue  # which figures failed their checks: marks figures, prints none
        elif use.root in _BY_INDICATOR:
            if not use.path:
                return []  # the whole mapping is used (e.g. looped over)
            used.add(use.path[0])
        elif use.root == "cac_don_vi" and len(use.path) >= 2:
            used.add(use.path[1])
    for ind in config.indicators.values():
        for formula in (ind.formula, ind.total_formula):
            if formula is not None:
                used |= set(formula.names)
    for check in config.checks:
        for value in check.args.values():
            values = value if isinstance(value, list | tuple) else [value]
            used |= {v for v in values if isinstance(v, str)}
    unused = [i for i in indicators if i not in used]
    if not unused:
        return []
    return [
        _finding_of(
            "template.unused-indicators",
            part="",
            where=catalog.text("template.where-indicators", file=config.path.name),
            paragraph=None,
            count=len(unused),
            listed=", ".join(unused),
            first=unused[0],
        )
    ]


# -- layout (Nghị định 30) ---------------------------------------------------------------


def _w(local: str) -> str:
    return f"{{{NS_W}}}{local}"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
Element = etree._Element


class _Package:
    """The XML parts of a .docx package that the layout checks read (parsed on demand)."""

    def __init__(self, data: bytes) -> None:
        self._data: dict[str, bytes] = {}
        self._parsed: dict[str, Element | None] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    self._data[name] = archive.read(name)

    @property
    def names(self) -> list[str]:
        return list(self._data)

    def xml(self, name: str) -> Element | None:
        if name not in self._parsed:
            raw = self._data.get(name)
            try:
                self._parsed[name] = etree.fromstring(raw, _PARSER) if raw else None
            except etree.XMLSyntaxError:
                self._parsed[name] = None
        return self._parsed[name]


_Origin = tuple[str, str]
"""Where a run property comes from: (kind, style name); kinds ``direct``, ``char``, ``para``,
``defaults``, ``builtin``."""


class _Styles:
    """Resolves a run's font and size the way Word does: direct formatting, then the
    character style, the paragraph style (each with its ``basedOn`` chain), the document
    defaults, Word's built-in defaults."""

    def __init__(self, styles: Element | None, theme: Element | None) -> None:
        self.by_id: dict[str, Element] = {}
        self.default_para: str | None = None
        self.defaults: Element | None = None
        self.theme: dict[str, str] = {}
        if theme is not None:
            for kind in ("major", "minor"):
                latin = theme.find(f".//{{{_NS_A}}}{kind}Font/{{{_NS_A}}}latin")
                if latin is not None and latin.get("typeface"):
                    self.theme[kind] = str(latin.get("typeface"))
        if styles is None:
            return
        for st in styles.findall(_w("style")):
            sid = st.get(_w("styleId"))
            if sid is None:
                continue
            self.by_id[sid] = st
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_para = sid
        self.defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")

    def name(self, sid: str) -> str:
        st = self.by_id.get(sid)
        el = st.find(_w("name")) if st is not None else None
        value = el.get(_w("val")) if el is not None else None
        return str(value or sid)

    def chain(self, sid: str | None) -> Iterator[tuple[str, Element]]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            yield sid, st
            based = st.find(_w("basedOn"))
            sid = str(based.get(_w("val"))) if based is not None else None

    def resolve(
        self,
        prop: Callable[[Element], str | None],
        rpr: Element | None,
        para_style: str | None,
    ) -> tuple[str | None, _Origin]:
        if rpr is not None:
            value = prop(rpr)
            if value is not None:
                return value, ("direct", "")
            rstyle = rpr.find(_w("rStyle"))
            if rstyle is not None:
                for sid, st in self.chain(rstyle.get(_w("val"))):
                    sr = st.find(_w("rPr"))
                    value = prop(sr) if sr is not None else None
                    if value is not None:
                        return value, ("char", self.name(sid))
        for sid, st in self.chain(para_style or self.default_para):
            sr = st.find(_w("rPr"))
            value = prop(sr) if sr is not None else None
            if value is not None:
                return value, ("para", self.name(sid))
        if self.defaults is not None:
            value = prop(self.defaults)
            if value is not None:
                return value, ("defaults", "")
        return None, ("builtin", "")

    def font_prop(self, attr: str) -> Callable[[Element], str | None]:
        def prop(rpr: Element) -> str | None:
            fonts = rpr.find(_w("rFonts"))
            if fonts is None:
                return None
            theme = fonts.get(_w(f"{attr}Theme"))
            if theme:
                kind = "major" if theme.startswith("major") else "minor"
                return self.theme.get(kind, catalog.text("template.theme-font", theme=theme))
            value = fonts.get(_w(attr))
            return str(value) if value else None

        return prop

    @staticmethod
    def size_prop(rpr: Element) -> str | None:
        sz = rpr.find(_w("sz"))
        value = sz.get(_w("val")) if sz is not None else None
        return str(value) if value else None

    def font(self, rpr: Element | None, para_style: str | None) -> tuple[str, _Origin]:
        """The first of the run's ASCII and Vietnamese-letter (hAnsi) fonts that is not
        Times New Roman, else Times New Roman."""
        for attr in ("ascii", "hAnsi"):
            value, origin = self.resolve(self.font_prop(attr), rpr, para_style)
            name = value or _FONT  # Word's built-in default
            if name != _FONT:
                return name, origin
        return _FONT, ("direct", "")

    def size(self, rpr: Element | None, para_style: str | None) -> tuple[float, _Origin]:
        value, origin = self.resolve(self.size_prop, rpr, para_style)
        try:
            return (int(value) / 2 if value else 10.0), origin
        except ValueError:
            return 10.0, origin

    def jc(self, ppr: Element | None, para_style: str | None) -> str | None:
        def prop(el: Element) -> str | None:
            jc = el.find(_w("jc"))
            value = jc.get(_w("val")) if jc is not None else None
            return str(value) if value else None

        if ppr is not None and prop(ppr) is not None:
            return prop(ppr)
        for _, st in self.chain(para_style or self.default_para):
            spr = st.find(_w("pPr"))
            value = prop(spr) if spr is not None else None
            if value is not None:
                return value
        return None


#: catalog entries naming where a format comes from
_ORIGINS = {
    "direct": "template.origin-direct",
    "char": "template.origin-char",
    "para": "template.origin-para",
    "defaults": "template.origin-defaults",
    "builtin": "template.origin-builtin",
}


def _origin_words(origin: _Origin) -> str:
    kind, name = origin
    return catalog.text(_ORIGINS[kind], name=name)


def _font_hint(origin: _Origin, what: str) -> str:
    kind, name = origin
    if kind in ("char", "para"):
        return catalog.text("template.fix-style", name=name, what=what)
    if kind == "defaults":
        return catalog.text("template.fix-defaults", what=what)
    return catalog.text("template.fix-direct", what=what)


def _shows_text(text: str) -> bool:
    """True when the paragraph prints something: text outside statement tags and comments,
    or a ``{{ … }}`` tag (not a ``{{p … }}`` block placeholder)."""
    if _BLOCK_TAG.search(text):
        return False
    rest = _TAG.sub(lambda m: "x" if m.group().startswith("{{") else "", text)
    return bool(rest.strip())


def _in_table(p: Element) -> bool:
    return any(anc.tag in (_w("tc"), _w("txbxContent")) for anc in p.iterancestors())


@dataclass
class _Group:
    """Runs with the same wrong font or size from the same origin."""

    code: str
    value: str
    origin: _Origin
    scope: str
    part: str
    where: str
    paragraph: int
    text: str
    places: list[str] = field(default_factory=list)


def _wrong_margins(
    margins: Element, ranges: dict[str, tuple[str, tuple[float, float]]]
) -> list[str]:
    """The margins outside ``ranges``, described (``lề trái 25 mm (cần 30–35 mm)``)."""
    wrong: list[str] = []
    for attr, (label, (low, high)) in ranges.items():
        twips = _twips(margins, attr)
        if twips is None:
            continue
        mm = round(abs(twips) / _TWIPS_PER_MM, 1)
        if not low - 0.05 <= mm <= high + 0.05:
            wrong.append(
                catalog.text(
                    "template.margin-wrong", label=label, value=_vn(mm), low=low, high=high
                )
            )
    return wrong


class _Layout:
    """The page setup, font and page-number checks of Nghị định 30."""

    def __init__(self, package: _Package, *, has_block: bool) -> None:
        self.package = package
        self.has_block = has_block
        self.styles = _Styles(package.xml("word/styles.xml"), self._theme())
        self.out: list[LintFinding] = []

    def _theme(self) -> Element | None:
        for name in self.package.names:
            if name.startswith("word/theme/") and name.endswith(".xml"):
                return self.package.xml(name)
        return None

    def findings(self) -> list[LintFinding]:
        document = self.package.xml("word/document.xml")
        if document is None:
            return []
        self.page_setup(document)
        self.section_breaks(document)
        self.text(document)
        self.page_numbers(document)
        return self.out

    # -- section breaks inside blocks ------------------------------------------------------

    def section_breaks(self, document: Element) -> None:
        """A section break (Layout → Breaks) inside a ``{%p if %}``/``{%p for %}`` block: a
        report without the block loses the break, and its pages all take the setup of the
        section after it (a portrait report turned landscape like its appendix)."""
        body = document.find(_w("body"))
        if body is None:
            return
        locator = Locator(document, "word/document.xml")
        depth = 0
        for p in body.iterchildren(_w("p")):
            text = paragraph_text(p).text.strip()
            m = _P_BLOCK.match(text)
            if m:
                depth = max(0, depth + (-1 if m.group(1).startswith("end") else 1))
                continue  # the engine keeps a {%p %} paragraph's own break outside the block
            if depth and p.find(f"{_w('pPr')}/{_w('sectPr')}") is not None:
                self.out.append(
                    _finding_of(
                        "template.section-break-in-block-p",
                        part="word/document.xml",
                        where=locator.where(p),
                        paragraph=locator.paragraph_number(p),
                        text=text,
                    )
                )

    # -- page setup ------------------------------------------------------------------------

    def page_setup(self, document: Element) -> None:
        sections = list(document.iter(_w("sectPr")))
        sections = [s for s in sections if s.getparent() is not None]
        for i, sect in enumerate(sections, 1):
            where = (
                catalog.text("template.where-page-setup-section", number=i)
                if len(sections) > 1
                else catalog.text("template.where-page-setup")
            )
            size = sect.find(_w("pgSz"))
            width = _twips(size, "w") if size is not None else None
            height = _twips(size, "h") if size is not None else None
            landscape = False
            if width and height:
                landscape = width > height or (
                    size is not None and size.get(_w("orient")) == "landscape"
                )
                short, long_ = sorted((width, height))
                if abs(short - _A4[0]) > 30 or abs(long_ - _A4[1]) > 30:
                    self.layout("template.page-size", where, short=_mm(short), long=_mm(long_))
            if landscape and i == 1:
                self.layout("template.page-landscape", where)
                continue
            margins = sect.find(_w("pgMar"))
            if margins is None:
                continue
            wrong = _wrong_margins(margins, _MARGINS)
            if landscape and wrong:
                turned = _wrong_margins(margins, _LANDSCAPE_MARGINS)
                wrong = turned if len(turned) < len(wrong) else wrong
            if wrong:
                self.layout(
                    "template.page-margins-landscape" if landscape else "template.page-margins",
                    where,
                    wrong=", ".join(wrong),
                )

    def layout(self, key: str, where: str, /, **params: Any) -> None:
        """Add the page-setup finding of catalog entry ``key``."""
        self.out.append(
            _finding_of(key, part="word/document.xml", where=where, paragraph=None, **params)
        )

    # -- fonts and sizes -------------------------------------------------------------------

    def text(self, document: Element) -> None:
        groups: dict[tuple[str, str, _Origin, str], _Group] = {}
        for name in self.package.names:
            if not _TEXT_PARTS.match(name):
                continue
            root = document if name == "word/document.xml" else self.package.xml(name)
            if root is None:
                continue
            self.part_text(name, root, groups)
        reported = {(g.code, g.origin) for g in groups.values()}
        for g in groups.values():
            self.out.append(self.group_finding(g))
        self.styles_check(reported)

    def part_text(
        self, name: str, root: Element, groups: dict[tuple[str, str, _Origin, str], _Group]
    ) -> None:
        locator = Locator(root, name)
        body = name == "word/document.xml"
        for p in root.iter(_w("p")):
            pt = paragraph_text(p)
            if not _shows_text(pt.text):
                continue
            ppr = p.find(_w("pPr"))
            pstyle_el = ppr.find(_w("pStyle")) if ppr is not None else None
            pstyle = str(pstyle_el.get(_w("val"))) if pstyle_el is not None else None
            in_table = _in_table(p)
            seen_here: set[tuple[str, str, _Origin, str]] = set()
            for seg in pt.segments:
                if not pt.text[seg.start : seg.end].strip():
                    continue
                run = seg.run
                rpr = run.find(_w("rPr")) if run is not None else None
                checks: list[tuple[str, str, _Origin, str]] = []
                font, origin = self.styles.font(rpr, pstyle)
                if font != _FONT:
                    checks.append(("font", font, origin, ""))
                if body:
                    size, sorigin = self.styles.size(rpr, pstyle)
                    low, high = _TABLE_SIZES if in_table else _BODY_SIZES
                    if not low <= size <= high:
                        scope = "table" if in_table else "body"
                        checks.append(("font-size", f"{size:g}", sorigin, scope))
                for key in checks:
                    if key in seen_here:
                        continue
                    seen_here.add(key)
                    where = locator.where(p)
                    group = groups.get(key)
                    if group is None:
                        group = groups[key] = _Group(
                            *key,
                            part=name,
                            where=where,
                            paragraph=locator.paragraph_number(p),
                            text=marked(pt.text, seg.start, seg.end),
                        )
                    group.places.append(where)

    def group_finding(self, g: _Group) -> LintFinding:
        count = len(g.places)
        others = "; ".join(g.places[1:4]) + ("…" if count > 4 else "")
        also = (
            catalog.text("template.font-others", count=count - 1, others=others)
            if count > 1
            else ""
        )
        origin = _origin_words(g.origin)
        if g.code == "font":
            return _finding_of(
                "template.font-runs",
                part=g.part,
                where=g.where,
                paragraph=g.paragraph or None,
                text=g.text,
                hint=_font_hint(g.origin, catalog.text("template.set-font", font=_FONT)),
                font=g.value,
                origin=origin,
                also=also,
                required=_FONT,
            )
        low, high = _TABLE_SIZES if g.scope == "table" else _BODY_SIZES
        return _finding_of(
            "template.font-size-runs",
            part=g.part,
            where=g.where,
            paragraph=g.paragraph or None,
            text=g.text,
            hint=_font_hint(g.origin, catalog.text("template.set-size", size=high)),
            size=g.value.replace(".", ","),
            place=catalog.text(
                "template.place-table" if g.scope == "table" else "template.place-body"
            ),
            origin=origin,
            also=also,
            low=low,
            high=high,
        )

    def styles_check(self, reported: set[tuple[str, _Origin]]) -> None:
        """The Normal style (what the author types in) and, when the report body is spliced
        in, the styles it uses must exist and be Times New Roman 13–14 pt (tables 10–14)."""
        roles: list[tuple[str | None, tuple[float, float]]] = [
            (self.styles.default_para, _BODY_SIZES)
        ]
        missing: list[tuple[str, str]] = []
        if self.has_block:
            # the renderer finds the body's styles by name (LibreOffice renames their ids)
            by_name = {self.styles.name(sid): sid for sid in self.styles.by_id}
            for role, (style_id, style_name) in STYLE_DEFS.items():
                if role == "page_header":
                    continue
                if style_id not in self.styles.by_id:
                    if style_name not in by_name:
                        missing.append((style_id, style_name))
                        continue
                    style_id = by_name[style_name]
                roles.append((style_id, _TABLE_SIZES if role in _TABLE_ROLES else _BODY_SIZES))
        if missing:
            self.missing_styles(missing)
        for sid, (low, high) in roles:
            if sid is None or sid not in self.styles.by_id:
                continue
            name = self.styles.name(sid)
            font, origin = self.styles.font(None, sid)
            if font != _FONT and ("font", origin) not in reported:
                self.style_finding(
                    "template.style-font",
                    name,
                    _font_hint(
                        origin if origin[0] != "builtin" else ("para", name),
                        catalog.text("template.set-font", font=_FONT),
                    ),
                    font=font,
                    origin=_origin_words(origin),
                    required=_FONT,
                )
            size, sorigin = self.styles.size(None, sid)
            if not low <= size <= high and ("font-size", sorigin) not in reported:
                self.style_finding(
                    "template.style-font-size",
                    name,
                    _font_hint(
                        sorigin if sorigin[0] != "builtin" else ("para", name),
                        catalog.text("template.set-size", size=high),
                    ),
                    size=_vn(size),
                    low=low,
                    high=high,
                )

    def missing_styles(self, missing: list[tuple[str, str]]) -> None:
        listed = ", ".join(
            catalog.text("template.missing-style-item", name=name, id=sid) for sid, name in missing
        )
        self.out.append(
            _finding_of(
                "template.missing-styles",
                part="word/styles.xml",
                where=catalog.text("template.where-styles"),
                paragraph=None,
                count=len(missing),
                block=BLOCK_NAME,
                listed=listed,
            )
        )

    def style_finding(self, key: str, name: str, hint: str, /, **params: Any) -> None:
        """Add the finding of catalog entry ``key`` about the style ``name``."""
        self.out.append(
            _finding_of(
                key,
                part="word/styles.xml",
                where=catalog.text("template.where-style", name=name),
                paragraph=None,
                hint=hint,
                name=name,
                **params,
            )
        )

    # -- page numbers ----------------------------------------------------------------------

    def page_numbers(self, document: Element) -> None:
        rels = self._relationships()
        sections = [s for s in document.iter(_w("sectPr")) if s.getparent() is not None]
        if not sections:
            return
        headers_seen: set[str] = set()
        any_header_number = False
        for i, sect in enumerate(sections):
            refs: dict[tuple[str, str], str] = {}
            for kind in ("header", "footer"):
                for ref in sect.findall(_w(f"{kind}Reference")):
                    target = rels.get(str(ref.get(f"{{{_NS_R}}}id")))
                    if target:
                        refs[(kind, ref.get(_w("type")) or "default")] = target
            title = sect.find(_w("titlePg"))
            title_page = title is not None and title.get(_w("val")) not in ("0", "false")
            for (kind, _type), target in refs.items():
                fields = self.page_fields(target)
                if kind == "header" and fields:
                    any_header_number = True
                if target in headers_seen:
                    continue
                headers_seen.add(target)
                for p, where, number, text in fields:
                    if kind == "footer":
                        self.number_finding(
                            "template.page-number-footer", target, where, number, text
                        )
                        continue
                    self.number_format(target, p, where, number, text)
            if i == 0:
                first = (
                    refs.get(("header", "first")) if title_page else refs.get(("header", "default"))
                )
                shown = self.page_fields(first) if first else []
                if shown:
                    _, where, number, text = shown[0]
                    assert first is not None
                    self.number_finding(
                        "template.page-number-first-page", first, where, number, text
                    )
        if not any_header_number:
            self.out.append(
                _finding_of(
                    "template.page-number-missing",
                    part="word/document.xml",
                    where=catalog.text("template.where-header"),
                    paragraph=None,
                )
            )

    def number_format(self, part: str, p: Element, where: str, number: int, text: str) -> None:
        ppr = p.find(_w("pPr"))
        pstyle_el = ppr.find(_w("pStyle")) if ppr is not None else None
        pstyle = str(pstyle_el.get(_w("val"))) if pstyle_el is not None else None
        jc = self.styles.jc(ppr, pstyle)
        if jc not in ("center",):
            self.number_finding("template.page-number-not-centred", part, where, number, text)
        runs = [r for r in p.iter(_w("r")) if r.find(_w("t")) is not None]
        sizes = {self.styles.size(r.find(_w("rPr")), pstyle)[0] for r in runs}
        low, high = _PAGE_NUMBER_SIZES
        bad = sorted(s for s in sizes if not low <= s <= high)
        if bad:
            self.number_finding(
                "template.page-number-size",
                part,
                where,
                number,
                text,
                size=_vn(bad[0]),
                low=low,
                high=high,
            )

    def number_finding(
        self, key: str, part: str, where: str, number: int, text: str, /, **params: Any
    ) -> None:
        """Add the page-number finding of catalog entry ``key`` at a paragraph."""
        self.out.append(
            _finding_of(key, part=part, where=where, paragraph=number or None, text=text, **params)
        )

    def page_fields(self, part: str | None) -> list[tuple[Element, str, int, str]]:
        """The paragraphs of ``part`` holding a PAGE field: (paragraph, where, number,
        text with the page number marked)."""
        root = self.package.xml(part) if part else None
        if root is None or part is None:
            return []
        locator = Locator(root, part)
        out: list[tuple[Element, str, int, str]] = []
        for p in root.iter(_w("p")):
            instr = [str(f.get(_w("instr")) or "") for f in p.iter(_w("fldSimple"))]
            instr += ["".join(t.text or "" for t in p.iter(_w("instrText")))]
            if not any(_PAGE_FIELD.search(i.upper()) for i in instr):
                continue
            visible = paragraph_text(p).text
            field_text = "".join(
                t.text or "" for f in p.iter(_w("fldSimple")) for t in f.iter(_w("t"))
            )
            start = visible.find(field_text) if field_text else -1
            shown = (
                marked(visible, start, start + len(field_text))
                if start >= 0
                else catalog.text("template.page-number-unmarked", text=visible)
            )
            out.append((p, locator.where(p), locator.paragraph_number(p), shown))
        return out

    def _relationships(self) -> dict[str, str]:
        root = self.package.xml("word/_rels/document.xml.rels")
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{_NS_REL}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            out[str(rel.get("Id"))] = posixpath.normpath(posixpath.join("word", target))
        return out


def _twips(el: Element | None, attr: str) -> int | None:
    if el is None:
        return None
    value = el.get(_w(attr))
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _mm(twips: int) -> str:
    return _vn(round(twips / _TWIPS_PER_MM, 1))


def _vn(value: float) -> str:
    """A number the Vietnamese way: ``25,4``."""
    return f"{value:g}".replace(".", ",")


# -- formatting ----------------------------------------------------------------------------


def _counts(report: LintReport) -> str:
    infos = len(report.infos)
    accepted = sum(1 for f in report.infos if f.acknowledged)
    text = catalog.text(
        "template.lint-counts",
        errors=len(report.errors),
        warnings=len(report.warnings),
        infos=infos,
    )
    if accepted:
        return text + catalog.text("template.lint-counts-accepted", accepted=accepted)
    return text + (catalog.text("template.lint-counts-repaired") if infos else "")


def format_lint_text(report: LintReport, file: str | Path | None = None) -> str:
    """The report as Vietnamese text for a terminal: one block per finding — number,
    severity, code and where; the paragraph's text with the tag marked; what is wrong;
    ``→`` what to do — then a closing count line."""
    name = str(file) if file is not None else report.template
    lines: list[str] = []
    if report.config:
        lines.append(
            catalog.text("template.lint-title-config", template=name, config=report.config)
        )
    else:
        lines.append(catalog.text("template.lint-title", template=name))
    for i, f in enumerate(report.findings, 1):
        lines.append("")
        where = f.where
        if f.part and f.part != "word/document.xml" and posixpath.basename(f.part) not in where:
            where += f" ({f.part})"
        lines.append(f"{i}. {_SEVERITY_WORDS[f.severity]} [{f.diagnostic_code}] {where}")
        if f.text:
            lines.append(f"   «{f.text}»")
        lines.append(f"   {f.message}")
        if f.hint:
            lines.append(f"   → {f.hint}")
    lines.append("")
    if not report.findings:
        lines.append(catalog.text("template.lint-clean"))
    elif report.errors:
        lines.append(catalog.text("template.lint-result-errors", counts=_counts(report)))
    elif report.warnings:
        lines.append(catalog.text("template.lint-result-warnings", counts=_counts(report)))
    else:
        lines.append(catalog.text("template.lint-result-notes", counts=_counts(report)))
    return "\n".join(lines) + "\n"


def format_lint_json(report: LintReport) -> str:
    """The findings in the JSON shape every command prints
    (:func:`reportgen.diagnostics.formats.to_json` with ``command="lint"``): ``counts`` and
    ``diagnostics`` (code ``template.*``, severity, message, hint, location with ``file``,
    ``part``, ``paragraph`` and ``where``, the marked ``text``), plus ``template``,
    ``config`` and ``exit_code``."""
    extra = {"template": report.template, "config": report.config, "exit_code": report.exit_code}
    return to_json(report.diagnostics(), command="lint", extra=extra) + "\n"
