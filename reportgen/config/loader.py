"""Load a report definition: YAML → schema → cross-references → :class:`ReportConfig`.

Every mistake is collected and reported at once (file, line, key path, "expected X, got Y",
"did you mean"), then loading stops with one :class:`~reportgen.errors.ErrorList`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from reportgen.compute.formula import Formula, FormulaError, compile_formula
from reportgen.config.model import (
    Check,
    DataSource,
    Indicator,
    Kind,
    LegalBasis,
    Paragraph,
    Party,
    Previous,
    ReportConfig,
    Section,
    Signer,
    Table,
)
from reportgen.config.schema import MISSING, Context, did_you_mean
from reportgen.config.spec import ROOT
from reportgen.config.yamlsource import KeyPath, LineMap, format_path, load_yaml
from reportgen.errors import ConfigError, ErrorList, ReportgenError
from reportgen.vnformat import DOC_TYPES, MONEY_UNITS, parse_doc_code

#: Names every template and section text may use besides the indicator ids.
CONTEXT_NAMES = frozenset({
    "bao_cao", "co_quan", "nguoi_ky", "noi_nhan", "can_cu", "don_vi", "toan_thanh_pho",
    "ky_truoc", "cac_don_vi", "du_thao", "ky_bao_cao", "chi_tieu", "bang", "mo_dau", "ket_luan",
    "noi_dung", "kiem_tra",
})

#: Arguments of checks that name indicators (validated against the indicator ids).
_ID_ARGS = ("total", "parts", "value", "part", "start", "end", "decreases", "increases",
            "indicators", "words", "actual", "target", "status")


def _kind_for(unit: str) -> Kind:
    u = unit.strip().lower()
    if u == "%":
        return "percent"
    if u in MONEY_UNITS:
        return "money"
    if not u:
        return "number"
    return "count"


class _Builder:
    """Turns validated dicts into the typed model, collecting cross-reference errors."""

    def __init__(self, path: Path, lines: LineMap) -> None:
        self.path = path
        self.base = path.parent
        self.ctx = Context(lines)

    def err(self, path: KeyPath, message: str, hint: str | None = None) -> None:
        self.ctx.error(path, message, hint)

    def ref(self, path: KeyPath, name: str, known: Iterable[str], what: str = "chỉ tiêu") -> bool:
        known = list(known)
        if name in known:
            return True
        guess = did_you_mean(name, known)
        self.err(path, f'không có {what} "{name}"',
                 f'có phải ý bạn là "{guess}"?' if guess else f"khai báo {what} này trong "
                 "`indicators` trước khi dùng")
        return False

    # --- pieces ---------------------------------------------------------------------------
    def indicators(self, raw: dict[str, Any]) -> dict[str, Indicator]:
        out: dict[str, Indicator] = {}
        formulas: dict[str, Formula] = {}
        for iid, d in raw.items():
            path: KeyPath = ("indicators", iid)
            unit = d["unit"] or ""
            kind: Kind = d["kind"] or _kind_for(unit)
            formula = self._formula(d["formula"], (*path, "formula"))
            total_formula = self._formula(d["total_formula"], (*path, "total_formula"))
            if formula is not None:
                formulas[iid] = formula
            total = d["total"] or (
                "formula" if (formula is not None or total_formula is not None)
                else "sum" if kind in ("count", "money") else "none"
            )
            if total == "formula" and formula is None and total_formula is None:
                self.err((*path, "total"), "total: formula cần `formula` hoặc `total_formula`",
                         "thêm `total_formula: <công thức>` hoặc đổi thành total: none")
            if kind == "text" and total == "sum":
                total = "none"
            money_unit = d["money_unit"]
            if kind == "money":
                if unit not in MONEY_UNITS:
                    self.err((*path, "unit"), f'đơn vị tiền "{unit}" không được hỗ trợ',
                             "dùng một trong: " + ", ".join(MONEY_UNITS))
                if money_unit is not None and money_unit not in MONEY_UNITS:
                    self.err((*path, "money_unit"), f'đơn vị tiền "{money_unit}" không được hỗ trợ',
                             "dùng một trong: " + ", ".join(MONEY_UNITS))
            decimals = d["decimals"]
            if decimals is None:
                decimals = {"count": 0, "percent": 2}.get(kind)
            rounded = d["rounded"]
            if rounded is None:
                rounded = kind == "percent" or (kind == "money" and MONEY_UNITS.get(unit, 1) > 1) \
                    or (kind == "number" and bool(decimals))
            out[iid] = Indicator(
                id=iid, label=d["label"], unit=unit, kind=kind, decimals=decimals,
                column=d["column"], formula=formula, total=total, total_formula=total_formula,
                money_unit=money_unit, rounded=bool(rounded), optional=d["optional"],
                description=d["description"],
            )
        for iid, formula in formulas.items():
            for name in sorted(formula.names):
                self.ref(("indicators", iid, "formula"), name, raw)
        for iid, ind in out.items():
            if ind.total_formula is not None:
                for name in sorted(ind.total_formula.names):
                    self.ref(("indicators", iid, "total_formula"), name, raw)
        self._cycles(formulas)
        return out

    def _formula(self, text: str | None, path: KeyPath) -> Formula | None:
        if text is None:
            return None
        try:
            return compile_formula(text)
        except FormulaError as exc:
            where = f" (ký tự thứ {exc.column})" if exc.column else ""
            self.err(path, f'công thức "{text}" không hợp lệ{where}: {exc.message}',
                     "ví dụ hợp lệ: ho_ngheo / tong_so_ho * 100")
            return None

    def _cycles(self, formulas: dict[str, Formula]) -> None:
        state: dict[str, int] = {}

        def visit(i: str, trail: list[str]) -> None:
            if state.get(i) == 2 or i not in formulas:
                return
            if state.get(i) == 1:
                cycle = [*trail[trail.index(i):], i]
                self.err(("indicators", i, "formula"),
                         "công thức vòng tròn: " + " → ".join(cycle),
                         "một chỉ tiêu không thể được tính từ chính nó")
                return
            state[i] = 1
            for n in sorted(formulas[i].names):
                visit(n, [*trail, i])
            state[i] = 2

        for i in formulas:
            visit(i, [])

    def checks(self, raw: list[dict[str, Any]], indicators: dict[str, Indicator]) -> list[Check]:
        out = []
        for n, d in enumerate(raw):
            path: KeyPath = ("checks", n)
            for arg in _ID_ARGS:
                value = d.get(arg)
                if value is None:
                    continue
                for j, name in enumerate(value if isinstance(value, list) else [value]):
                    p = (*path, arg, j) if isinstance(value, list) else (*path, arg)
                    if arg == "previous":
                        continue
                    self.ref(p, name, indicators)
            if d["check"] == "continuity" and d.get("previous"):
                self.ref((*path, "previous"), d["previous"], indicators)
            if d["check"] in ("words",) and d.get("words") in indicators and \
                    indicators[d["words"]].kind != "text":
                self.err((*path, "words"), f'chỉ tiêu "{d["words"]}" phải có kind: text',
                         "thêm `kind: text` cho chỉ tiêu ghi số tiền bằng chữ")
            if d["check"] == "target" and d.get("status") in indicators and \
                    indicators[d["status"]].kind != "text":
                self.err((*path, "status"), f'chỉ tiêu "{d["status"]}" phải có kind: text')
            for key in ("min", "max"):
                if d.get(key) is not None:
                    try:
                        from decimal import Decimal

                        d[key] = Decimal(str(d[key]).replace(",", "."))
                    except Exception:
                        self.err((*path, key), f'cần một số, nhưng gặp "{d[key]}"')
            args = {k: v for k, v in d.items() if k not in ("check", "severity", "units", "label")}
            out.append(Check(
                kind=d["check"], args=args, severity=d["severity"],
                units=tuple(d["units"]) if d["units"] else None, label=d["label"],
                line=self.ctx.lines.line(path), key=format_path(path),
            ))
        return out

    def legal_bases(self, raw: list[dict[str, Any]], report_date: date | None) -> list[LegalBasis]:
        names = {v.lower(): v for v in DOC_TYPES.values()}
        out = []
        for n, d in enumerate(raw):
            path: KeyPath = ("legal_bases", n)
            if d["type"].lower() not in names and d["type"].lower() != "công văn":
                guess = did_you_mean(d["type"].lower(), names)
                self.err((*path, "type"), f'loại văn bản "{d["type"]}" không có trong danh mục',
                         f'có phải ý bạn là "{names[guess]}"?' if guess else None)
            try:
                parse_doc_code(d["code"])
            except ReportgenError as exc:
                self.err((*path, "code"), exc.message, exc.hint)
            if d["date"] is not None and report_date is not None and d["date"] > report_date:
                self.err((*path, "date"), f"văn bản căn cứ ban hành sau ngày của báo cáo "
                         f"({d['date']:%d/%m/%Y} > {report_date:%d/%m/%Y})",
                         "kiểm tra lại ngày của văn bản căn cứ")
            out.append(LegalBasis(type=d["type"], code=d["code"], date=d["date"],
                                  issuer=d["issuer"], subject=d["subject"]))
        return out

    def sections(self, raw: list[dict[str, Any]], path: KeyPath,
                 indicators: dict[str, Indicator]) -> tuple[Section, ...]:
        out = []
        for n, d in enumerate(raw):
            p: KeyPath = (*path, n)
            paragraphs = tuple(
                Paragraph(text=x["text"], when=x["when"], style=x["style"])
                for x in d["paragraphs"]
            )
            table = None
            if d["table"] is not None:
                t = d["table"]
                for j, c in enumerate(t["columns"]):
                    self.ref((*p, "table", "columns", j), c, indicators)
                table = Table(title=t["title"], columns=tuple(t["columns"]),
                              total_row=t["total_row"], total_label=t["total_label"],
                              show=t["show"], first_column=t["first_column"],
                              unit_label=t["unit_label"])
            out.append(Section(
                heading=d["heading"], paragraphs=paragraphs, table=table,
                sections=self.sections(d["sections"], (*p, "sections"), indicators),
                when=d["when"],
            ))
        return tuple(out)

    def file(self, path: KeyPath, name: str, what: str) -> Path:
        p = (self.base / name).resolve() if not Path(name).is_absolute() else Path(name)
        if not p.exists():
            self.err(path, f'không tìm thấy {what} "{name}" (tính từ thư mục {self.base})',
                     "kiểm tra lại tên tệp và đường dẫn")
        return p


def load_config(path: str | Path) -> ReportConfig:
    """Load and validate the report definition at ``path``.

    Raises :class:`~reportgen.errors.ErrorList` with every problem found (each a
    :class:`~reportgen.errors.ConfigError` with file, line and key path).
    """
    p = Path(path)
    raw, lines = load_yaml(p, display_name=str(path))
    if not isinstance(raw, dict):
        raise ConfigError("tệp định nghĩa báo cáo phải là một nhóm khóa (report:, data:, …)",
                          location=lines.location(()))
    b = _Builder(p, lines)
    d = ROOT.convert(raw, (), b.ctx)
    if d is MISSING:
        raise ErrorList(f"Tệp {path} có lỗi", list(b.ctx.errors))
    config = _build(b, d)
    if b.ctx.errors:
        raise ErrorList(f"Tệp {path} có lỗi", list(b.ctx.errors))
    from reportgen.render.textcheck import check_texts  # late import: render depends on config

    problems = check_texts(config, lines)
    if problems:
        raise ErrorList(f"Tệp {path} có lỗi", list(problems))
    return config


def _party(d: dict[str, Any] | None) -> Party | None:
    if d is None:
        return None
    return Party(parent=d["parent"], name=d["name"], code=d["code"],
                 storage_code=d["storage_code"])


def _signer(d: dict[str, Any] | None) -> Signer | None:
    if d is None:
        return None
    return Signer(authority=d["authority"], title=d["title"], name=d["name"])


def _build(b: _Builder, d: dict[str, Any]) -> ReportConfig:
    rep = d["report"]
    if rep["type"] not in DOC_TYPES:
        guess = did_you_mean(rep["type"], DOC_TYPES)
        b.err(("report", "type"), f'mã loại văn bản "{rep["type"]}" không có trong Phụ lục III',
              f'có phải ý bạn là "{guess}"?' if guess else "ví dụ: BC, KH, TTr")
    template = b.file(("report", "template"), rep["template"], "tệp mẫu Word")
    indicators = b.indicators(d["indicators"])
    for iid, ind in indicators.items():
        if ind.column is None and ind.formula is None:
            continue
    data = d["data"]
    prev = data["previous"]
    previous = None
    if prev is not None:
        previous = Previous(
            file=b.file(("data", "previous", "file"), prev["file"], "tệp số liệu kỳ trước"),
            sheet=prev["sheet"], unit_column=prev["unit_column"] or data["unit_column"],
            locale=prev["locale"] or data["locale"], label=prev["label"],
        )
    source = DataSource(
        file=b.file(("data", "file"), data["file"], "tệp số liệu"), sheet=data["sheet"],
        unit_column=data["unit_column"], kind_column=data["kind_column"],
        total_row=data["total_row"], total_name=data["total_name"], locale=data["locale"],
        separator="\t" if data["separator"] == "tab" else data["separator"],
        header_row=data["header_row"], period=data["period"], previous=previous,
    )
    checks = b.checks(d["checks"], indicators)
    for c in checks:
        if c.kind == "continuity" and previous is None:
            b.err(("checks",), f"phép kiểm tra continuity ({c.key}) cần `data.previous`",
                  "khai báo tệp số liệu kỳ trước trong data.previous")
    return ReportConfig(
        path=b.path, id=rep["id"], type=rep["type"], title=rep["title"], template=template,
        number=rep["number"], date=rep["date"], place=rep["place"],
        issuer=_party(d["issuer"]) or Party(None, "", "UBND", None),
        unit_issuer=_party(d["unit_issuer"]),
        signer=_signer(d["signer"]) or Signer(None, "", ""),
        unit_signer=_signer(d["unit_signer"]),
        recipients=tuple(d["recipients"]),
        unit_recipients=tuple(d["unit_recipients"]) if d["unit_recipients"] is not None else None,
        legal_bases=tuple(b.legal_bases(d["legal_bases"], rep["date"])),
        basis_style=d["basis_style"], opening=d["opening"],
        sections=b.sections(d["sections"], ("sections",), indicators),
        closing=d["closing"], data=source, indicators=indicators, checks=tuple(checks),
    )
