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
    WorkbookLayout,
)
from reportgen.config.names import CONTEXT_NAMES as CONTEXT_NAMES
from reportgen.config.schema import MISSING, Context, did_you_mean, values
from reportgen.config.spec import ROOT
from reportgen.config.textcheck import check_texts
from reportgen.config.yamlsource import KeyPath, LineMap, format_path, load_yaml
from reportgen.diagnostics.errors import ConfigError, ErrorList, ReportgenError
from reportgen.vnformat import DOC_TYPE_CODES, DOC_TYPES, MONEY_UNITS, parse_doc_code

#: For each check kind, its arguments that name indicators (from the schema in spec.py).
ID_ARGS: dict[str, tuple[str, ...]] = {
    kind: tuple(name for name, fld in obj.fields.items() if fld.spec is ID or fld.spec is IDS)
    for kind, obj in CHECKS.items()
}

#: Arguments that name a text indicator (kind: text); every other id argument needs a number.
_TEXT_ARGS = {("words", "words"), ("target", "status")}

_NOT_A_NUMBER_HINT = (
    "phép kiểm tra cần chỉ tiêu có số; chỉ tiêu chữ (kind: text) chỉ dùng được "
    "cho `words` của phép words và `status` của phép target"
)


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
    return f'có phải ý bạn là "{guess}"?' if guess else otherwise


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

    def err(self, path: KeyPath, message: str, hint: str | None = None) -> None:
        self.ctx.error(path, message, hint)

    def ref(self, path: KeyPath, name: str, what: str = "chỉ tiêu") -> bool:
        """Is ``name`` a declared indicator? Report it with a did-you-mean when it is not."""
        if name in self.declared:
            return True
        self.err(
            path,
            f'không có {what} "{name}"',
            _did_you_mean_hint(
                name,
                sorted(self.declared),
                f"khai báo {what} này trong `indicators` trước khi dùng",
            ),
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
                self.err(
                    (*path, "total"),
                    "total: formula cần `formula` hoặc `total_formula`",
                    "thêm `total_formula: <công thức>` hoặc đổi thành total: none",
                )
            if total == "sum" and kind == "percent":
                self.err(
                    (*path, "total"),
                    "tỷ lệ (%) không cộng được giữa các đơn vị",
                    "tính lại tỷ lệ toàn thành phố: `total_formula: <phần> / <tổng> * 100`",
                )
            if kind == "text":
                total = "none"
            money_unit = d["money_unit"]
            if kind == "money":
                for key, value in (("unit", unit), ("money_unit", money_unit)):
                    if value is not None and value not in MONEY_UNITS:
                        self.err(
                            (*path, key),
                            f"cần một đơn vị tiền ({', '.join(MONEY_UNITS)}), "
                            f'nhưng gặp "{value}": đơn vị tiền này không được hỗ trợ',
                            _did_you_mean_hint(value, MONEY_UNITS, None),
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
                        self.err(
                            ("indicators", iid, key),
                            f'chỉ tiêu "{name}" là chữ (kind: text), không dùng được trong '
                            "công thức",
                            "công thức chỉ dùng các chỉ tiêu có số",
                        )
        n_before = len(self.ctx.errors)
        self._cycles({i: ind.formula for i, ind in out.items()}, lambda i: "formula", "")
        if len(self.ctx.errors) == n_before:  # the whole-city formulas, once the others are sound
            self._cycles(
                {
                    i: ind.total_formula or ind.formula if ind.total == "formula" else None
                    for i, ind in out.items()
                },
                lambda i: "total_formula" if out[i].total_formula is not None else "formula",
                " (số toàn thành phố)",
            )
        return out

    def _formula(self, text: str | None, path: KeyPath) -> Formula | None:
        if text is None:
            return None
        try:
            return compile_formula(text)
        except FormulaError as exc:
            where = f" (ký tự thứ {exc.column})" if exc.column else ""
            self.err(
                path,
                f'công thức "{text}" không hợp lệ{where}: {exc.message}',
                "ví dụ hợp lệ: ho_ngheo / tong_so_ho * 100",
            )
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
                self.err(
                    ("indicators", i, key(i)),
                    f"công thức vòng tròn{what}: " + " → ".join(cycle),
                    "một chỉ tiêu không thể được tính từ chính nó",
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
                        self.err(
                            p,
                            f'chỉ tiêu "{name}" phải có kind: text',
                            "khai báo `kind: text` cho chỉ tiêu ghi chữ",
                        )
                    elif (kind, arg) not in _TEXT_ARGS and is_text:
                        self.err(
                            p,
                            f'chỉ tiêu "{name}" là chữ (kind: text), nhưng `{arg}` cần '
                            "một chỉ tiêu có số",
                            _NOT_A_NUMBER_HINT,
                        )
            if kind == "continuity" and data is not None and data.get("previous") is None:
                self.err(
                    path,
                    "phép kiểm tra continuity cần tệp số liệu kỳ trước (`data.previous`)",
                    "khai báo `previous: {file: <tệp kỳ trước>}` trong `data`",
                )
            if kind == "city_sum" and data is not None and data.get("total_row") is None:
                self.err(
                    path,
                    "phép kiểm tra city_sum cần dòng tổng có sẵn trong tệp (`data.total_row`)",
                    "khai báo `total_row: <tên dòng tổng>` trong "
                    "`data`, hoặc bỏ phép kiểm tra này (tổng được tính từ các đơn vị)",
                )
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
                self.err(
                    (*path, "type"),
                    f'loại văn bản "{type_name}" không có trong danh mục',
                    f'có phải ý bạn là "{names[guess]}"?'
                    if guess
                    else "ví dụ: Nghị định, Quyết định, Thông tư, Kế hoạch",
                )
                type_name = None
            if code is not None:
                self._legal_code((*path, "code"), code, type_name, when)
            if when is not None and report_date is not None and when > report_date:
                self.err(
                    (*path, "date"),
                    f"văn bản căn cứ ban hành sau ngày của báo cáo "
                    f"({when:%d/%m/%Y} > {report_date:%d/%m/%Y})",
                    "kiểm tra lại ngày của văn bản căn cứ",
                )
            out.append(LegalBasis(**values(LegalBasis, d)))
        return out

    def _legal_code(
        self, path: KeyPath, code: str, type_name: str | None, when: date | None
    ) -> None:
        try:
            parsed = parse_doc_code(code)
        except ReportgenError as exc:
            self.err(path, exc.message, exc.hint)
            return
        if type_name is not None:
            expected = DOC_TYPE_CODES.get(_canonical_type(type_name))
            if (
                parsed.type_code is not None
                and expected is not None
                and parsed.type_code != expected
            ):
                self.err(
                    path,
                    f"cần số, ký hiệu của {type_name} (…/{expected}-…), nhưng gặp "
                    f'"{code}" (ký hiệu {parsed.type_code}: '
                    f"{DOC_TYPES.get(parsed.type_code, '?')})",
                    "kiểm tra lại loại văn bản (type) hoặc số, ký hiệu (code)",
                )
        if parsed.year is not None and when is not None and parsed.year != when.year:
            self.err(
                path,
                f'năm trong số, ký hiệu "{code}" là {parsed.year}, nhưng ngày ban '
                f"hành là {when:%d/%m/%Y}",
                "kiểm tra lại năm trong số, ký hiệu hoặc ngày",
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
            self.err(
                path,
                "bảng cần columns (mỗi cột một chỉ tiêu, mỗi dòng một đơn vị) hoặc rows (mỗi "
                "dòng một chỉ tiêu của đơn vị)",
                "thêm `columns: [ho_ngheo, ty_le_ho_ngheo]` hoặc `rows: [...]`",
            )
        return Table(**values(Table, t, columns=tuple(c for c in columns if c), rows=tuple(rows)))

    def file(self, path: KeyPath, name: str | None, what: str) -> Path:
        if name is None:
            return self.base
        p = (self.base / name).resolve() if not Path(name).is_absolute() else Path(name)
        if not p.is_file():
            found = "là một thư mục" if p.is_dir() else "không tồn tại"
            self.err(
                path,
                f'cần {what}, nhưng "{name}" {found} (tính từ thư mục {self.base})',
                "kiểm tra lại tên tệp và đường dẫn; đường dẫn tính từ thư mục của tệp YAML",
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
            b.err(
                ("data", "workbook", "columns", iid),
                f'chỉ tiêu "{iid}" được tính bằng công thức (formula), không đọc từ cột',
                "xóa dòng này, hoặc thay formula của chỉ tiêu bằng column",
            )
    first, last = d.get("first_row"), d.get("last_row")
    if first is not None and last is not None and first > last:
        b.err(
            ("data", "workbook", "last_row"),
            f"last_row ({last}) nhỏ hơn first_row ({first})",
            "đổi chỗ hai giá trị",
        )
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
        raise ConfigError(
            "tệp định nghĩa báo cáo phải là một nhóm khóa (report:, data:, …)",
            location=lines.location(()),
            hint="xem mẫu trong configs/ và docs/config-reference.md",
        )
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

    raise ErrorList(f"Tệp {path} có lỗi", sorted(errors, key=line))


def _party(d: dict[str, Any] | None) -> Party | None:
    if d is None or d["name"] is None:
        return None
    return Party(**values(Party, d, code=d["code"] or "UBND"))


def _signer(b: _Builder, d: dict[str, Any] | None, key: str) -> Signer | None:
    if d is None or d["title"] is None or d["name"] is None:
        return None
    role = d["role"]
    if role and d["authority"]:
        b.err(
            (key, "authority"),
            "đã có role thì các dòng thẩm quyền được viết tự động; authority viết thêm sẽ trùng",
            "xóa authority (hoặc xóa role để tự viết)",
        )
    collective = d["collective"] or ("ỦY BAN NHÂN DÂN" if role else None)
    return Signer(**values(Signer, d, collective=collective))


def _build(b: _Builder, d: dict[str, Any]) -> tuple[ReportConfig, bool]:
    """Check the cross-references of ``d``; return the typed config and whether it is complete
    (False when a required part is missing: its error is already recorded)."""
    rep = d["report"] or {}
    if rep.get("type") is not None and rep["type"] not in DOC_TYPES:
        b.err(
            ("report", "type"),
            f'mã loại văn bản "{rep["type"]}" không có trong Phụ lục III',
            _did_you_mean_hint(rep["type"], DOC_TYPES, "ví dụ: BC, KH, TTr"),
        )
    template = b.file(("report", "template"), rep.get("template"), "tệp mẫu Word (.docx)")
    if d.get("unit_issuer") is not None and d.get("unit_signer") is None:
        b.err(
            ("unit_issuer",),
            "báo cáo của phường, xã do UBND phường, xã ban hành nhưng chưa "
            "khai báo người ký (unit_signer): báo cáo sẽ mang chữ ký của người ký cấp thành phố",
            "thêm mục unit_signer (authority: TM. ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: "
            '"{{ don_vi.cot.chu_tich }}")',
        )
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
                    file=b.file(("data", "previous", "file"), prev["file"], "tệp số liệu kỳ trước"),
                    unit_column=prev["unit_column"] or data["unit_column"],
                    locale=prev["locale"] or data["locale"],
                )
            )
        source = DataSource(
            **values(
                DataSource,
                data,
                file=b.file(("data", "file"), data["file"], "tệp số liệu"),
                separator="\t" if data["separator"] == "tab" else data["separator"],
                previous=previous,
                city_only=bool(data["city_only"]),
                workbook=_workbook_layout(b, data["workbook"], indicators),
            )
        )
        for iid, ind in indicators.items():
            if ind.column is not None and ind.column == data["unit_column"]:
                b.err(
                    ("indicators", iid, "column"),
                    f'cột "{ind.column}" là cột tên đơn vị '
                    "(data.unit_column), không phải cột số liệu",
                    "sửa tên cột của chỉ tiêu",
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
            data=source or _NO_DATA,
            indicators=indicators,
            checks=tuple(checks),
        ),
    )
    return config, complete


_NO_DATA = DataSource(file=Path(), total_name="")
