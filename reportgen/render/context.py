"""The template context: what ``{{ … }}`` can name in a template or a section text.

The same context serves the base template and a template written in Word by hand. Top-level
names: every indicator id (a :class:`~reportgen.render.figure.Figure`), and

=================  ===============================================================================
``don_vi``         the unit: ``ten``, ``ten_day_du`` (for running text), ``loai``, ``slug``,
                   ``la_toan_thanh_pho``, ``cot`` (every column of its data row, as text)
``bao_cao``        ``id``, ``loai``, ``ten_loai``, ``trich_yeu``, ``so``, ``ky_hieu``,
                   ``so_ky_hieu`` (``Số: 125/BC-UBND``), ``ngay``, ``dia_danh_ngay``
``co_quan``        ``chu_quan``, ``ten``, ``ten_dong`` (lines), ``ten_goi`` (in sentences)
``nguoi_ky``       ``tham_quyen``, ``chuc_vu``, ``ho_ten``
``noi_nhan``       lines of Nơi nhận, ending with ``- Lưu: VT, ….``
``can_cu``         legal bases: ``day_du`` (full citation), ``ngan``, ``loai``, ``so_ky_hieu``, …
``chi_tieu``       the indicators again, as a mapping (``chi_tieu.ho_ngheo.label``)
``toan_thanh_pho`` the whole city's figures; ``ky_truoc`` this unit's previous-period figures
``cac_don_vi``     every unit with its figures (tables); ``ky_bao_cao`` the period
``du_thao``        true when rendered as a draft (figures failed a check, ``--force``)
=================  ===============================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportgen.config.model import Indicator, LegalBasis, Party, ReportConfig, Signer
from reportgen.data.dataset import Dataset, Unit
from reportgen.render.environment import make_env
from reportgen.render.figure import Figure, Missing
from reportgen.vnformat import DOC_TYPES, cite, cite_short, place_date

DOC_TYPE_NAMES_UPPER = {code: name.upper() for code, name in DOC_TYPES.items()}


def figures(unit: Unit | None, indicators: Mapping[str, Indicator]) -> dict[str, Any]:
    """Return the figures of ``unit`` by indicator id (Missing where there is no value)."""
    out: dict[str, Any] = {}
    for iid, ind in indicators.items():
        if ind.kind == "text":
            out[iid] = (unit.texts.get(iid) if unit else None) or Missing(ind.label)
            continue
        v = unit.values.get(iid) if unit else None
        out[iid] = Missing(ind.label) if v is None else Figure(
            v, label=ind.label, unit=ind.unit, kind=ind.kind, decimals=ind.decimals,
            money_unit=ind.money_unit)
    return out


def lower_first(text: str) -> str:
    """``Phường Trần Phú`` → ``phường Trần Phú`` (a unit name inside a sentence)."""
    return text[:1].lower() + text[1:] if text else text


def basis_context(b: LegalBasis) -> dict[str, Any]:
    """A legal basis as the template sees it."""
    return {
        "loai": b.type, "so_ky_hieu": b.code, "ngay": b.date, "co_quan": b.issuer,
        "trich_yeu": b.subject,
        "day_du": cite(b.type, b.code, b.date, b.issuer, b.subject),
        "ngan": cite_short(b.type, b.code),
    }


@dataclass
class ContextBuilder:
    """Builds the context of each report of a batch; shared parts are built once."""

    config: ReportConfig
    dataset: Dataset

    def __post_init__(self) -> None:
        cfg = self.config
        self.text_env = make_env(autoescape=False)
        self.indicators = cfg.indicators
        self.total_figures = figures(self.dataset.total, self.indicators)
        self.units_rows = [self._row(u) for u in self.dataset.units]
        self.bases = [basis_context(b) for b in cfg.legal_bases]
        self._compiled: dict[str, Any] = {}

    def _row(self, unit: Unit) -> dict[str, Any]:
        row = figures(unit, self.indicators)
        row["ten"] = unit.name
        row["don_vi"] = self.unit_info(unit)
        return row

    def unit_info(self, unit: Unit) -> dict[str, Any]:
        """``don_vi`` for ``unit``."""
        is_total = unit.is_total
        full = self.config.data.total_name if is_total else unit.name
        return {
            "ten": full, "ten_day_du": lower_first(full), "loai": unit.kind or "",
            "slug": unit.slug, "la_toan_thanh_pho": is_total, "cot": dict(unit.attrs),
        }

    def _text(self, source: str | None, ctx: Mapping[str, Any]) -> str:
        if source is None:
            return ""
        if "{" not in source:
            return source
        tpl = self._compiled.get(source)
        if tpl is None:
            tpl = self._compiled[source] = self.text_env.from_string(source)
        return str(tpl.render(ctx))

    def build(self, unit: Unit, *, draft: bool = False) -> dict[str, Any]:
        """Return the full context for ``unit`` (the whole city when ``unit.is_total``)."""
        cfg = self.config
        is_total = unit.is_total
        ctx: dict[str, Any] = figures(unit, self.indicators)
        don_vi = self.unit_info(unit)
        base: dict[str, Any] = {**ctx, "don_vi": don_vi, "ky_bao_cao": cfg.data.period or "",
                                "can_cu": self.bases, "toan_thanh_pho": self.total_figures}
        party: Party = cfg.issuer if is_total or cfg.unit_issuer is None else cfg.unit_issuer
        signer: Signer = cfg.signer if is_total or cfg.unit_signer is None else cfg.unit_signer
        name = self._text(party.name, base).replace("\\n", "\n")
        name_lines = [x.strip() for x in name.split("\n") if x.strip()]
        code = f"{cfg.type}-{party.code}"
        number = cfg.number if is_total else None
        recipients_src = cfg.recipients if is_total or cfg.unit_recipients is None \
            else cfg.unit_recipients
        recipients = [self._text(r, base) for r in recipients_src]
        recipients = [r if r.startswith("-") else f"- {r}" for r in recipients]
        storage = f"- Lưu: VT, {party.storage_code}." if party.storage_code else "- Lưu: VT."
        prev = None
        if self.dataset.previous is not None:
            prev_unit = self.dataset.previous.get(unit.key)
            prev = figures(prev_unit, self.indicators) if prev_unit else None
        ctx.update(base)
        ctx.update({
            "bao_cao": {
                "id": cfg.id, "loai": cfg.type,
                "ten_loai": DOC_TYPE_NAMES_UPPER.get(cfg.type, cfg.type),
                "trich_yeu": cfg.title, "so": f"{number:02d}" if number else "",
                "ky_hieu": code,
                "so_ky_hieu": f"Số: {number:02d}/{code}" if number else f"Số:       /{code}",
                "ngay": cfg.date, "dia_danh_ngay": place_date(cfg.place, cfg.date),
            },
            "co_quan": {
                "chu_quan": self._text(party.parent, base).upper(),
                "ten": "\n".join(name_lines).upper(),
                "ten_dong": [x.upper() for x in name_lines],
                "ten_goi": "Ủy ban nhân dân " + don_vi["ten_day_du"],
            },
            "nguoi_ky": {
                "tham_quyen": self._text(signer.authority, base).upper(),
                "chuc_vu": self._text(signer.title, base).upper(),
                "ho_ten": self._text(signer.name, base),
            },
            "noi_nhan": [*recipients, storage],
            "chi_tieu": dict(figures(unit, self.indicators)),
            "ky_truoc": prev or {},
            "cac_don_vi": self.units_rows,
            "du_thao": draft,
        })
        ctx["mo_dau"] = self._text(cfg.opening, ctx) if cfg.opening else self._default_opening(ctx)
        closing = self._text(cfg.closing, ctx) if cfg.closing else (
            f"Trên đây là báo cáo {lower_first(cfg.title)} của {ctx['co_quan']['ten_goi']}")
        ctx["ket_luan"] = closing.rstrip().rstrip("./") + "./."
        return ctx

    def _default_opening(self, ctx: Mapping[str, Any]) -> str:
        cfg = self.config
        subject = ctx["co_quan"]["ten_goi"]
        if cfg.basis_style == "thuc_hien" and self.bases:
            cited = ", ".join(b["day_du"] for b in self.bases)
            return f"Thực hiện {cited}, {subject} báo cáo như sau:"
        if cfg.basis_style == "can_cu":
            return f"{subject[:1].upper()}{subject[1:]} báo cáo như sau:"
        return ""


def report_date(config: ReportConfig) -> date:
    """The date written into document properties (so re-runs are byte-identical)."""
    return config.date
