"""Load a report definition: YAML → schema → cross-references → :class:`ReportConfig`.

Every mistake is collected and reported at once (file, line, key path, "expected X, got Y",
"did you mean"), then loading stops with one :class:`~reportgen.diagnostics.errors.ErrorList`. The schema
keeps whatever it could read of a wrong file, so the cross-reference checks (indicator ids in
checks and formulas, cycles, files, legal bases) still run and report their own mistakes in the
same run; the typed :class:`ReportConfig` is built only from a file without mistakes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reportgen.compute.formula import Formula, FormulaError, compile_formula
from reportgen.config.fieldtypes import CHECKS, ID, IDS
from reportgen.config.model import (
    Appendix,
    Check,
    DataSource,
    Indicator,
    Kind,
    LegalBasis,
    Level,
    Paragraph,
    Party,
    Previous,
    ReportConfig,
    Section,
    Signer,
    Table,
    TotalMode,
    Villages,
    WorkbookLayout,
)
from reportgen.config.names import CONTEXT_NAMES as CONTEXT_NAMES
from reportgen.config.schema import MISSING, Context, did_you_mean, values
from reportgen.config.spec import ROOT
from reportgen.config.textcheck import check_texts
from reportgen.config.yamlsource import KeyPath, LineMap, format_path, load_yaml
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ConfigError, ErrorList, ReportgenError
from reportgen.vnformat import DOC_TYPE_CODES, DOC_TYPES, MONEY_UNITS, parse_doc_code

#: For each check kind, its arguments that name indicators (from the schema in spec.py).
ID_ARGS: dict[str, tuple[str, ...]] = {
    kind: tuple(name for name, fld in obj.fields.items() if fld.spec is ID or fld.spec is IDS)
    for kind, obj in CHECKS.items()
}

#: Arguments that name a text indicator (kind: text); every other id argument needs a number.
_TEXT_ARGS = {("words", "words"), ("target", "status")}


def _kind_for(unit: str) -> Kind:
    u = unit.strip().lower()
    if u == "%":
        return "percent"
    if u in MONEY_UNITS:
        return "money"
    if not u:
        return "number"
    return "count"


def _did_you_mean_hint(name: str, known: Collection[str], otherwise: str | None) -> str | None:
    guess = did_you_mean(name, list(known))
    return catalog.text("config.did-you-mean", name=guess) if guess else otherwise


class _Builder:
    """Turns validated dicts into the typed model, collecting cross-reference errors."""

    def __init__(self, path: Path, lines: LineMap) -> None:
        self.path = path
        self.base = path.parent
        self.ctx = Context(lines)
        self.ctx.errors.extend(lines.problems)
        #: Every indicator id written in the file, even one whose options are wrong: a check
        #: that names it is not reported a second time.
        self.declared: set[str] = set()

    def report(self, code: str, path: KeyPath, hint: str | None = None, **params: Any) -> None:
        """Record the config error ``code`` of the message catalog at ``path``."""
        self.ctx.report(code, path, hint=hint, **params)

    def ref(self, path: KeyPath, name: str) -> bool:
        """Is ``name`` a declared indicator? Report it with a did-you-mean when it is not."""
        if name in self.declared:
            return True
        self.report(
            "config.unknown-indicator",
            path,
            hint=_did_you_mean_hint(name, sorted(self.declared), None),
            what=catalog.text("config.what-indicator"),
            name=name,
        )
        return False

    # --- indicators ---------------------------------------------------------------------------
    def indicators(self, raw: Mapping[str, Any]) -> dict[str, Indicator]:
        out: dict[str, Indicator] = {}
        for iid, d in raw.items():
            path: KeyPath = ("indicators", iid)
            unit = d["unit"] or ""
            kind: Kind = d["kind"] or _kind_for(unit)
            formula = self._formula(d["formula"], (*path, "formula"))
            total_formula = self._formula(d["total_formula"], (*path, "total_formula"))
            total: TotalMode = d["total"] or (
                "formula"
                if (formula is not None or total_formula is not None)
                else "sum"
                if kind in ("count", "money")
                else "none"
            )
            if total == "formula" and d["formula"] is None and d["total_formula"] is None:
                self.report("config.total-formula-missing", (*path, "total"))
            if total == "sum" and kind == "percent":
                self.report("config.percent-sum", (*path, "total"))
            if kind == "text":
                total = "none"
            money_unit = d["money_unit"]
            if kind == "money":
                for key, value in (("unit", unit), ("money_unit", money_unit)):
                    if value is not None and value not in MONEY_UNITS:
                        self.report(
                            "config.money-unit",
                            (*path, key),
                            hint=_did_you_mean_hint(value, MONEY_UNITS, None),
                            units=", ".join(MONEY_UNITS),
                            value=value,
                        )
            decimals = d["decimals"]
            if decimals is None:
                decimals = {"count": 0, "percent": 2}.get(kind)
            rounded = d["rounded"]
            if rounded is None:
                rounded = (
                    kind == "percent"
                    or (kind == "money" and MONEY_UNITS.get(unit, 1) > 1)
                    or (kind == "number" and bool(decimals))
                )
            out[iid] = Indicator(
                **values(
                    Indicator,
                    d,
                    id=iid,
                    label=d["label"] or iid,
                    unit=unit,
                    kind=kind,
                    decimals=decimals,
                    formula=formula,
                    total=total,
                    total_formula=total_formula,
                    rounded=bool(rounded),
                    optional=bool(d["optional"]),
                    text_decimals=d["text_decimals"] or "fixed",
                    levels=tuple(
                        Level(**values(Level, x)) for x in d["levels"] or () if x is not None
                    ),
                )
            )
        for iid, ind in out.items():
            for key, f in (("formula", ind.formula), ("total_formula", ind.total_formula)):
                if f is None:
                    continue
                for name in sorted(f.names):
                    if (
                        self.ref(("indicators", iid, key), name)
                        and name in out
                        and out[name].kind == "text"
                    ):
                        self.report("config.text-in-formula", ("indicators", iid, key), name=name)
        n_before = len(self.ctx.errors)
        self._cycles({i: ind.formula for i, ind in out.items()}, lambda i: "formula", "")
        if len(self.ctx.errors) == n_before:  # the whole-city formulas, once the others are sound
            self._cycles(
                {
                    i: ind.total_formula or ind.formula if ind.total == "formula" else None
                    for i, ind in out.items()
                },
                lambda i: "total_formula" if out[i].total_formula is not None else "formula",
                catalog.text("config.formula-cycle-city"),
            )
        return out

    def _formula(self, text: str | None, path: KeyPath) -> Formula | None:
        if text is None:
            return None
        try:
            return compile_formula(text)
        except FormulaError as exc:
            where = catalog.text("config.bad-formula-at", column=exc.column) if exc.column else ""
            self.report("config.bad-formula", path, text=text, where=where, reason=exc.message)
            return None

    def _cycles(
        self, formulas: Mapping[str, Formula | None], key: Callable[[str], str], what: str
    ) -> None:
        state: dict[str, int] = {}

        def visit(i: str, trail: list[str]) -> None:
            f = formulas.get(i)
            if state.get(i) == 2 or f is None:
                return
            if state.get(i) == 1:
                cycle = [*trail[trail.index(i) :], i]
                self.report(
                    "config.formula-cycle",
                    ("indicators", i, key(i)),
                    what=what,
                    cycle=" → ".join(cycle),
                )
                return
            state[i] = 1
            for n in sorted(f.names):
                visit(n, [*trail, i])
            state[i] = 2

        for i in formulas:
            visit(i, [])

    # --- checks -------------------------------------------------------------------------------
    def checks(
        self,
        raw: list[dict[str, Any]],
        indicators: dict[str, Indicator],
        data: dict[str, Any] | None,
    ) -> list[Check]:
        out = []
        for n, d in enumerate(raw):
            if d is None:  # a check that could not be read (already reported)
                continue
            path: KeyPath = ("checks", n)
            kind = d["check"]
            for arg in ID_ARGS[kind]:
                value = d.get(arg)
                if value is None:
                    continue
                written = self.ctx.lines.lines  # a single id may stand for a list of one
                for j, name in enumerate(value if isinstance(value, list) else [value]):
                    p = (*path, arg, j) if (*path, arg, j) in written else (*path, arg)
                    if name is None or not self.ref(p, name) or name not in indicators:
                        continue
                    is_text = indicators[name].kind == "text"
                    if (kind, arg) in _TEXT_ARGS and not is_text:
                        self.report("config.needs-text-indicator", p, name=name)
                    elif (kind, arg) not in _TEXT_ARGS and is_text:
                        self.report("config.needs-number-indicator", p, name=name, arg=arg)
            if kind == "continuity" and data is not None and data.get("previous") is None:
                self.report("config.continuity-needs-previous", path)
            if kind == "city_sum" and data is not None and data.get("total_row") is None:
                self.report("config.city-sum-needs-total-row", path)
            args = {k: v for k, v in d.items() if k not in ("check", "severity", "units", "label")}
            out.append(
                Check(
                    kind=kind,
                    args=args,
                    severity=d["severity"] or "error",
                    units=tuple(d["units"]) if d["units"] else None,
                    label=d["label"],
                    line=self.ctx.lines.line(path),
                    key=format_path(path),
                )
            )
        return out

    # --- the rest -----------------------------------------------------------------------------
    def legal_bases(self, raw: list[dict[str, Any]], report_date: date | None) -> list[LegalBasis]:
        names = {v.lower(): v for v in DOC_TYPES.values()}
        names["công văn"] = "Công văn"
        out = []
        for n, d in enumerate(raw):
            if d is None:
                continue
            path: KeyPath = ("legal_bases", n)
            type_name, code, when = d["type"], d["code"], d["date"]
            if type_name is not None and type_name.lower() not in names:
                guess = did_you_mean(type_name.lower(), names)
                self.report(
                    "config.unknown-basis-type",
                    (*path, "type"),
                    hint=catalog.text("config.did-you-mean", name=names[guess]) if guess else None,
                    name=type_name,
                )
                type_name = None
            if code is not None:
                self._legal_code((*path, "code"), code, type_name, when)
            if when is not None and report_date is not None and when > report_date:
                self.report(
                    "config.basis-after-report",
                    (*path, "date"),
                    basis=f"{when:%d/%m/%Y}",
                    report=f"{report_date:%d/%m/%Y}",
                )
            out.append(LegalBasis(**values(LegalBasis, d)))
        return out

    def _legal_code(
        self, path: KeyPath, code: str, type_name: str | None, when: date | None
    ) -> None:
        try:
            parsed = parse_doc_code(code)
        except ReportgenError as exc:
            self.report("config.basis-code", path, hint=exc.hint, message=exc.message)
            return
        if type_name is not None:
            expected = DOC_TYPE_CODES.get(_canonical_type(type_name))
            if (
                parsed.type_code is not None
                and expected is not None
                and parsed.type_code != expected
            ):
                self.report(
                    "config.basis-code-type",
                    path,
                    type=type_name,
                    expected_type=expected,
                    doc_code=code,
                    found_type=parsed.type_code,
                    found_name=DOC_TYPES.get(parsed.type_code, "?"),
                )
        if parsed.year is not None and when is not None and parsed.year != when.year:
            self.report(
                "config.basis-code-year",
                path,
                doc_code=code,
                year=parsed.year,
                date=f"{when:%d/%m/%Y}",
            )

    def sections(self, raw: list[dict[str, Any]], path: KeyPath) -> tuple[Section, ...]:
        out = []
        for n, d in enumerate(raw):
            if d is None:
                continue
            p: KeyPath = (*path, n)
            paragraphs = tuple(
                Paragraph(**values(Paragraph, x)) for x in d["paragraphs"] or () if x is not None
            )
            out.append(
                Section(
                    **values(
                        Section,
                        d,
                        paragraphs=paragraphs,
                        table=self.table(d["table"], (*p, "table")),
                        sections=self.sections(d["sections"] or [], (*p, "sections")),
                    )
                )
            )
        return tuple(out)

    def appendices(self, raw: list[dict[str, Any]], path: KeyPath) -> tuple[Appendix, ...]:
        out = []
        for n, d in enumerate(raw):
            if d is None:
                continue
            p: KeyPath = (*path, n)
            tables = [self.table(t, (*p, "tables", j)) for j, t in enumerate(d["tables"] or ())]
            paragraphs = tuple(
                Paragraph(**values(Paragraph, x)) for x in d["paragraphs"] or () if x is not None
            )
            out.append(
                Appendix(
                    **values(
                        Appendix,
                        d,
                        tables=tuple(t for t in tables if t is not None),
                        paragraphs=paragraphs,
                    )
                )
            )
        return tuple(out)

    def table(self, t: dict[str, Any] | None, path: KeyPath) -> Table | None:
        if t is None:
            return None
        columns = t["columns"] or []
        for j, c in enumerate(columns):
            if c is not None:
                self.ref((*path, "columns", j), c)
        rows = [r for r in t["rows"] or () if r]
        for j, r in enumerate(rows):
            self.ref((*path, "rows", j), r)
        if not columns and not rows:
            self.report("config.table-needs-columns", path)
        return Table(**values(Table, t, columns=tuple(c for c in columns if c), rows=tuple(rows)))

    def file(self, path: KeyPath, name: str | None, what: str) -> Path:
        if name is None:
            return self.base
        p = (self.base / name).resolve() if not Path(name).is_absolute() else Path(name)
        if not p.is_file():
            found = catalog.text(
                "config.file-is-directory" if p.is_dir() else "config.file-missing"
            )
            self.report(
                "config.file-not-found", path, what=what, name=name, state=found, base=self.base
            )
        return p


# --- data.workbook ------------------------------------------------------------------------------


def _workbook_layout(
    b: _Builder, d: dict[str, Any] | None, indicators: Mapping[str, Indicator]
) -> WorkbookLayout:
    """The typed ``data.workbook`` block (an empty one when it is absent)."""
    if d is None:
        return WorkbookLayout()
    header_rows = None
    if d.get("header_rows"):
        a, _, z = d["header_rows"].replace("–", "-").partition("-")
        lo, hi = int(a), int(z or a)
        header_rows = (min(lo, hi), max(lo, hi))
    columns = dict(d.get("columns") or {})
    for iid in columns:
        if iid in indicators and indicators[iid].formula is not None:
            b.report("config.formula-column", ("data", "workbook", "columns", iid), name=iid)
    first, last = d.get("first_row"), d.get("last_row")
    if first is not None and last is not None and first > last:
        b.report("config.rows-order", ("data", "workbook", "last_row"), first=first, last=last)
    return WorkbookLayout(
        **values(
            WorkbookLayout,
            d,
            header_rows=header_rows,
            columns=columns,
            line=b.ctx.lines.line(("data", "workbook")),
        )
    )


# --- end data.workbook --------------------------------------------------------------------------


def _canonical_type(name: str) -> str:
    lowered = name.lower()
    for full in DOC_TYPE_CODES:
        if full.lower() == lowered:
            return full
    return name


def load_config(path: str | Path) -> ReportConfig:
    """Load and validate the report definition at ``path``.

    Raises :class:`~reportgen.diagnostics.errors.ErrorList` with every problem found (each a
    :class:`~reportgen.diagnostics.errors.ConfigError` with file, line and key path), ordered by line.
    """
    p = Path(path)
    raw, lines = load_yaml(p, display_name=str(path))
    if not isinstance(raw, dict):
        raise ConfigError.of("config.not-a-mapping", location=lines.location(()))
    b = _Builder(p, lines)
    d = ROOT.convert(raw, (), b.ctx)
    assert d is not MISSING  # a dict always converts to a dict (its mistakes are in b.ctx)
    raw_indicators = raw.get("indicators")
    if isinstance(raw_indicators, dict):
        b.declared = {k for k in raw_indicators if isinstance(k, str)}
    config, complete = _build(b, d)
    errors = [*b.ctx.errors, *check_texts(config, lines)]
    if errors or not complete:
        _raise_all(str(path), errors)
    return config


def _raise_all(path: str, errors: list[ConfigError]) -> None:
    def line(e: ReportgenError) -> int:
        return (e.location.line or 0) if e.location else 0

    raise ErrorList(catalog.text("config.file-has-errors", path=path), sorted(errors, key=line))


def _party(d: dict[str, Any] | None) -> Party | None:
    if d is None or d["name"] is None:
        return None
    return Party(**values(Party, d, code=d["code"] or "UBND"))


def _signer(b: _Builder, d: dict[str, Any] | None, key: str) -> Signer | None:
    if d is None or d["title"] is None or d["name"] is None:
        return None
    role = d["role"]
    if role and d["authority"]:
        b.report("config.role-and-authority", (key, "authority"))
    collective = d["collective"] or ("ỦY BAN NHÂN DÂN" if role else None)
    return Signer(**values(Signer, d, collective=collective))


def _build(b: _Builder, d: dict[str, Any]) -> tuple[ReportConfig, bool]:
    """Check the cross-references of ``d``; return the typed config and whether it is complete
    (False when a required part is missing: its error is already recorded)."""
    rep = d["report"] or {}
    if rep.get("type") is not None and rep["type"] not in DOC_TYPES:
        b.report(
            "config.unknown-doc-type",
            ("report", "type"),
            hint=_did_you_mean_hint(rep["type"], DOC_TYPES, None),
            doc_code=rep["type"],
        )
    template = b.file(
        ("report", "template"), rep.get("template"), catalog.text("config.what-template")
    )
    if d.get("unit_issuer") is not None and d.get("unit_signer") is None:
        b.report("config.unit-signer-missing", ("unit_issuer",))
    indicators = b.indicators(d["indicators"] or {})
    data = d["data"]
    previous = None
    source = None
    if data is not None:
        prev = data["previous"]
        if prev is not None:
            previous = Previous(
                **values(
                    Previous,
                    prev,
                    file=b.file(
                        ("data", "previous", "file"),
                        prev["file"],
                        catalog.text("config.what-previous"),
                    ),
                    unit_column=prev["unit_column"] or data["unit_column"],
                    locale=prev["locale"] or data["locale"],
                )
            )
        villages = None
        vil = data["villages"]
        if vil is not None:
            villages = Villages(
                **values(
                    Villages,
                    vil,
                    file=b.file(
                        ("data", "villages", "file"),
                        vil["file"],
                        catalog.text("config.what-villages"),
                    ),
                    unit_column=vil["unit_column"] or data["unit_column"],
                )
            )
        source = DataSource(
            **values(
                DataSource,
                data,
                file=b.file(("data", "file"), data["file"], catalog.text("config.what-data")),
                separator="\t" if data["separator"] == "tab" else data["separator"],
                previous=previous,
                villages=villages,
                city_only=bool(data["city_only"]),
                workbook=_workbook_layout(b, data["workbook"], indicators),
            )
        )
        for iid, ind in indicators.items():
            if ind.column is not None and ind.column == data["unit_column"]:
                b.report(
                    "config.unit-column-as-figure", ("indicators", iid, "column"), column=ind.column
                )
    checks = b.checks(d["checks"] or [], indicators, data)
    legal_bases = b.legal_bases(d["legal_bases"] or [], rep.get("date"))
    sections = b.sections(d["sections"] or [], ("sections",))
    issuer, signer = _party(d["issuer"]), _signer(b, d["signer"], "signer")
    complete = (
        source is not None
        and issuer is not None
        and signer is not None
        and d["indicators"] is not None
        and all(rep.get(k) is not None for k in ("id", "type", "title", "date", "place"))
    )
    # An incomplete file still gets a config with placeholders, so that its texts are checked
    # too (and every mistake is reported in one run); it is never returned.
    config = ReportConfig(
        path=b.path,
        **values(
            ReportConfig,
            rep,
            "report",
            id=rep.get("id") or "",
            type=rep.get("type") or "BC",
            title=rep.get("title") or "",
            template=template,
            date=rep.get("date") or date.today(),
            place=rep.get("place") or "",
        ),
        **values(
            ReportConfig,
            d,
            issuer=issuer or Party(name=""),
            unit_issuer=_party(d["unit_issuer"]),
            signer=signer or Signer(title="", name=""),
            unit_signer=_signer(b, d["unit_signer"], "unit_signer"),
            legal_bases=tuple(legal_bases),
            basis_style=d["basis_style"] or "thuc_hien",
            sections=sections,
            appendices=b.appendices(d["appendices"] or [], ("appendices",)),
            data=source or _NO_DATA,
            indicators=indicators,
            checks=tuple(checks),
        ),
    )
    return config, complete


_NO_DATA = DataSource(file=Path(), total_name="")
