"""The template context: what ``{{ … }}`` can name in a template or a section text.

The same context serves the base template and a template written in Word by hand. Top-level
names: every indicator id (a :class:`~reportgen.templating.figure.Figure`), and

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

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import meta

from reportgen.config.model import ROLES, Indicator, LegalBasis, Party, ReportConfig, Signer
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import TemplateError
from reportgen.docx.undefined import MissingName
from reportgen.templating.environment import make_env
from reportgen.templating.figure import Figure, FigureMeta, Missing
from reportgen.templating.measure import rule, text_width_twips
from reportgen.vnformat import DOC_TYPES, cite, cite_short, date_line, place_date

#: Width of the header's left cell (the agency name) and of the text line, in twips; the
#: base template (reportgen.authoring.basetemplate) lays them out.
AGENCY_CELL_TWIPS = 3856
TEXT_WIDTH_TWIPS = 9071

DOC_TYPE_NAMES_UPPER = {code: name.upper() for code, name in DOC_TYPES.items()}


def figure_metas(indicators: Mapping[str, Indicator]) -> dict[str, FigureMeta]:
    """The :class:`FigureMeta` of each indicator (built once per batch)."""
    return {
        iid: FigureMeta(
            ind.label,
            ind.unit,
            ind.kind,
            ind.decimals,
            ind.money_unit,
            trim=ind.text_decimals == "trim",
            rounded=ind.rounded,
            phrase=ind.phrase or default_phrase(ind.label, ind.unit),
            none_text=ind.none_text,
            levels=ind.levels,
            id=iid,
        )
        for iid, ind in indicators.items()
    }


def default_phrase(label: str, unit: str) -> str:
    """Words after a figure in a list: the label in lower case, after the unit when the label
    does not start with it (``Hộ tái nghèo`` → ``hộ tái nghèo``; ``Thoát nghèo`` (hộ) →
    ``hộ thoát nghèo``)."""
    text = lower_first(label)
    u = unit.strip()
    if (
        u
        and u not in ("%",)
        and not text.startswith(u)
        and u not in ("đồng", "triệu đồng", "tỷ đồng")
    ):
        return f"{u} {text}"
    return text


def figures(
    unit: Unit | None,
    indicators: Mapping[str, Indicator],
    metas: Mapping[str, FigureMeta] | None = None,
) -> dict[str, Any]:
    """Return the figures of ``unit`` by indicator id (Missing where there is no value)."""
    metas = metas if metas is not None else figure_metas(indicators)
    out: dict[str, Any] = {}
    values = unit.values if unit else {}
    texts = unit.texts if unit else {}
    for iid, ind in indicators.items():
        if ind.kind == "text":
            out[iid] = texts.get(iid) or Missing(ind.label)
            continue
        v = values.get(iid)
        out[iid] = Missing(ind.label, ind.uncomputable) if v is None else Figure(v, metas[iid])
    return out


def lower_first(text: str) -> str:
    """``Phường Trần Phú`` → ``phường Trần Phú`` (a unit name inside a sentence)."""
    return text[:1].lower() + text[1:] if text else text


def basis_context(b: LegalBasis) -> dict[str, Any]:
    """A legal basis as the template sees it."""
    return {
        "loai": b.type,
        "so_ky_hieu": b.code,
        "ngay": b.date,
        "co_quan": b.issuer,
        "trich_yeu": b.subject,
        "day_du": cite(b.type, b.code, b.date, b.issuer, b.subject),
        "ngan": cite_short(b.type, b.code),
    }


class _Texts:
    """Several templated texts rendered with one Jinja call (they are joined with a separator
    no text contains), so a batch pays one render per phase, not one per text."""

    SEP = "\x1f"

    def __init__(self, env: Any, sources: Sequence[tuple[str, str | None]]) -> None:
        self.env = env
        self.labels = [label for label, _ in sources]
        self.sources = [text for _, text in sources]
        dynamic = [i for i, s in enumerate(self.sources) if s and "{" in s]
        self.dynamic = dynamic
        joined = self.SEP.join(self.sources[i] or "" for i in dynamic)
        self.template = env.from_string(joined) if dynamic else None
        #: the names the texts read: a render copies only these from a context of hundreds
        self.names = tuple(sorted(meta.find_undeclared_variables(env.parse(joined))))

    def render(self, ctx: Mapping[str, Any]) -> list[str]:
        out = [s or "" for s in self.sources]
        if self.template is None:
            return out
        try:
            used = {n: ctx[n] for n in self.names if n in ctx}
            rendered = self.template.render(used).split(self.SEP)
        except Exception as exc:
            raise self._explain(ctx, exc) from exc
        for i, text in zip(self.dynamic, rendered, strict=True):
            out[i] = text
        return out

    def _explain(self, ctx: Mapping[str, Any], exc: Exception) -> TemplateError:
        """Find which text failed and say so in words a clerk can act on."""
        for i in self.dynamic:
            try:
                self.env.from_string(self.sources[i]).render(ctx)
            except Exception as inner:
                what = (
                    catalog.text("template.text-missing-value", name=inner.name)
                    if isinstance(inner, MissingName)
                    else str(inner)
                )
                d = catalog.make(
                    "template.text-render",
                    what=self.labels[i],
                    source=self.sources[i],
                    detail=what,
                )
                return TemplateError(d.message, hint=d.hint, code=d.code)
        d = catalog.make("template.text-render-head", reason=exc)
        return TemplateError(d.message, hint=d.hint, code=d.code)


class _LazyFigures(Mapping[str, Any]):
    """The previous period's figures of one unit, computed only if a template reads them."""

    def __init__(
        self,
        unit: Unit | None,
        indicators: Mapping[str, Indicator],
        metas: Mapping[str, FigureMeta],
    ) -> None:
        self._unit = unit
        self._indicators = indicators
        self._metas = metas
        self._data: dict[str, Any] | None = None

    def _get(self) -> dict[str, Any]:
        if self._data is None:
            self._data = figures(self._unit, self._indicators, self._metas) if self._unit else {}
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


class _LazyRows(Sequence[dict[str, Any]]):
    """Every unit's row (``cac_don_vi``), built only when a template reads it: a ward's report
    from a very large file does not build the figures of every other unit."""

    def __init__(self, builder: ContextBuilder) -> None:
        self._builder = builder
        self._rows: list[dict[str, Any]] | None = None

    def _get(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = [self._builder._row(u) for u in self._builder.dataset.units]
        return self._rows

    def __getitem__(self, i: Any) -> Any:
        return self._get()[i]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._get())


@dataclass
class ContextBuilder:
    """Builds the context of each report of a batch; shared parts are built once."""

    config: ReportConfig
    dataset: Dataset

    def __post_init__(self) -> None:
        cfg = self.config
        env = make_env(autoescape=False)
        self.indicators = cfg.indicators
        self.metas = figure_metas(self.indicators)
        self.total_figures = figures(self.dataset.total, self.indicators, self.metas)
        self._figures: dict[str, dict[str, Any]] = {self.dataset.total.key: self.total_figures}
        self.units_rows: Sequence[dict[str, Any]] = _LazyRows(self)  # built on first read
        self.bases = [basis_context(b) for b in cfg.legal_bases]
        self._phase1: dict[bool, tuple[_Texts, Party, Signer, int]] = {}
        for is_total in (True, False):
            party = cfg.issuer if is_total or cfg.unit_issuer is None else cfg.unit_issuer
            signer = cfg.signer if is_total or cfg.unit_signer is None else cfg.unit_signer
            recipients = (
                cfg.recipients if is_total or cfg.unit_recipients is None else cfg.unit_recipients
            )
            who = "" if is_total else "unit_"
            texts = _Texts(
                env,
                [
                    (f"{who}issuer.name", party.name),
                    (f"{who}issuer.parent", party.parent),
                    (f"{who}signer.authority", signer.authority),
                    (f"{who}signer.title", signer.title),
                    (f"{who}signer.name", signer.name),
                    *((f"{who}recipients[{i}]", r) for i, r in enumerate(recipients)),
                ],
            )
            self._phase1[is_total] = (texts, party, signer, len(recipients))
        self._phase2 = _Texts(env, [("opening", cfg.opening), ("closing", cfg.closing)])
        unit_party = cfg.unit_issuer or cfg.issuer
        self._kind = DOC_TYPES.get(cfg.type, cfg.type)
        self._rules: dict[tuple[str, ...], str] = {}
        self._authority: dict[tuple[bool, str], list[str]] = {}
        self._storage: dict[bool, tuple[bool, str]] = {}
        for is_total, (_t, party, _s, _n) in self._phase1.items():
            office = party.office if party.office is not None else is_total
            self._storage[is_total] = (office, storage_line(party.storage_code, office=office))
        self._date_line = date_line(cfg.date)
        self._title_rule = rule(TEXT_WIDTH_TWIPS, text_width_twips(cfg.title, 14, bold=True))
        self._places = {True: cfg.issuer.place or cfg.place, False: unit_party.place}

    def _row(self, unit: Unit) -> dict[str, Any]:
        figs = figures(unit, self.indicators, self.metas)
        self._figures[unit.key] = figs
        row = dict(figs)
        row["ten"] = unit.name
        row["don_vi"] = self.unit_info(unit)
        return row

    def unit_info(self, unit: Unit) -> dict[str, Any]:
        """``don_vi`` for ``unit``."""
        is_total = unit.is_total
        full = self.config.data.total_name if is_total else unit.name
        return {
            "ten": full,
            "ten_day_du": lower_first(full),
            "loai": unit.kind or "",
            "slug": unit.slug,
            "la_toan_thanh_pho": is_total,
            "cot": dict(unit.attrs),
            "thon": self._villages(unit),
        }

    def _villages(self, unit: Unit) -> list[dict[str, Any]]:
        """``don_vi.thon``: the unit's thôn / tổ dân phố with their figures (none for the
        whole city or a ward without village figures)."""
        rows = []
        for v in self.dataset.villages.get(unit.key, ()) if not unit.is_total else ():
            row = figures(v, self.indicators, self.metas)
            row["ten"] = v.name
            rows.append(row)
        return rows

    def build(
        self, unit: Unit, *, draft: bool = False, failing: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """Return the full context for ``unit`` (the whole city when ``unit.is_total``).

        ``failing`` (a draft): the unit's indicators that failed a check, id → what was
        expected; a template reads it as ``loi_so_lieu``."""
        cfg = self.config
        is_total = unit.is_total
        figs = self._figures.get(unit.key)
        if figs is None:
            figs = self._figures[unit.key] = figures(unit, self.indicators, self.metas)
        don_vi = self.unit_info(unit)
        ctx: dict[str, Any] = dict(figs)
        ctx.update(
            {
                "don_vi": don_vi,
                "ky_bao_cao": cfg.data.period or "",
                "can_cu": self.bases,
                "toan_thanh_pho": self.total_figures,
            }
        )
        texts, party, _signer, n_recipients = self._phase1[is_total]
        name, parent, authority, title, signer_name, *recipients = texts.render(ctx)
        name_lines = [x.strip() for x in name.replace("\\n", "\n").split("\n") if x.strip()]
        code = f"{cfg.type}-{party.code}"
        number = cfg.number if is_total else None
        recipients = [r if r.startswith("-") else f"- {r}" for r in recipients[:n_recipients]]
        office, storage = self._storage[is_total]
        place = self._places[is_total] or unit_place(unit.name)
        key = (is_total, authority)
        lines = self._authority.get(key)
        if lines is None:
            lines = self._authority[key] = authority_lines(_signer, authority)
        previous = self.dataset.previous.get(unit.key) if self.dataset.previous else None
        ctx.update(
            {
                "bao_cao": {
                    "id": cfg.id,
                    "loai": cfg.type,
                    "ten_loai": DOC_TYPE_NAMES_UPPER.get(cfg.type, cfg.type),
                    "trich_yeu": cfg.title,
                    "so": f"{number:02d}" if number else "",
                    "ky_hieu": code,
                    "so_ky_hieu": f"Số: {number:02d}/{code}" if number else f"Số:       /{code}",
                    "ngay": cfg.date,
                    "dia_danh": place,
                    "dia_danh_ngay": place_date(place, cfg.date),
                    "kem_theo": self._attached(number, code, don_vi),
                    "gach": self._title_rule,
                },
                "co_quan": {
                    "chu_quan": parent.upper(),
                    "ten": "\n".join(name_lines).upper(),
                    "ten_dong": [x.upper() for x in name_lines],
                    "ten_goi": "Ủy ban nhân dân " + don_vi["ten_day_du"],
                    "co_van_phong": office,
                    "gach": self._agency_rule(name_lines),
                },
                "nguoi_ky": {
                    "tham_quyen": lines[0] if lines else "",
                    "dong_tham_quyen": lines,
                    "chuc_vu": title.upper(),
                    "ho_ten": signer_name,
                },
                "noi_nhan": [*recipients, storage],
                "chi_tieu": figs,
                "ky_truoc": _LazyFigures(previous, self.indicators, self.metas),
                "cac_don_vi": self.units_rows,
                "du_thao": draft,
                "loi_so_lieu": dict(failing or {}),
            }
        )
        opening, closing = self._phase2.render(ctx)
        ctx["mo_dau"] = opening if cfg.opening else self._default_opening(ctx)
        if not cfg.closing:
            closing = (
                f"Trên đây là báo cáo {lower_first(cfg.title)} của {ctx['co_quan']['ten_goi']}"
            )
        ctx["ket_luan"] = closing.rstrip().rstrip("./") + "./."
        return ctx

    def _agency_rule(self, name_lines: list[str]) -> str:
        """The line under the agency name (cached: wards share their name's shape rarely, but
        the work is per distinct name, not per render)."""
        key = tuple(name_lines)
        found = self._rules.get(key)
        if found is None:
            widest = max(text_width_twips(x.upper(), 12, bold=True) for x in name_lines or [""])
            found = self._rules[key] = rule(AGENCY_CELL_TWIPS, widest)
        return found

    def _attached(self, number: int | None, code: str, don_vi: Mapping[str, Any]) -> str:
        """The line under an appendix title (NĐ 30): (Kèm theo Báo cáo số 125/BC-UBND ngày 16
        tháng 12 năm 2024 của Ủy ban nhân dân thành phố Hòa An)."""
        num = f"{number:02d}" if number else "     "
        issuer = f"Ủy ban nhân dân {don_vi['ten_day_du']}"
        return f"(Kèm theo {self._kind} số {num}/{code} {self._date_line} của {issuer})"

    def _default_opening(self, ctx: Mapping[str, Any]) -> str:
        cfg = self.config
        subject = ctx["co_quan"]["ten_goi"]
        if cfg.basis_style == "thuc_hien" and self.bases:
            cited = ", ".join(b["day_du"] for b in self.bases)
            return f"Thực hiện {cited}, {subject} báo cáo như sau:"
        if cfg.basis_style == "can_cu":
            return f"{subject[:1].upper()}{subject[1:]} báo cáo như sau:"
        return ""


_UNIT_KINDS = ("Phường", "Xã", "Thị trấn")


def unit_place(name: str) -> str:
    """Địa danh of a ward or commune report (NĐ 30): its name without "Phường"/"Xã", except a
    numbered ward (``Phường Trần Phú`` → ``Trần Phú``; ``Phường 5`` → ``Phường 5``)."""
    for kind in _UNIT_KINDS:
        if name.lower().startswith(kind.lower() + " "):
            rest = name[len(kind) + 1 :].strip()
            return name if rest.isdigit() else rest
    return name


def storage_line(storage_code: str | None, *, office: bool) -> str:
    """``- Lưu: VT, LĐTBXH.``; a "VP" only where the issuer has a văn phòng."""
    codes = [c.strip() for c in (storage_code or "").split(",") if c.strip()]
    if not office:
        codes = [c for c in codes if c.upper() != "VP"]
    return f"- Lưu: VT, {', '.join(codes)}." if codes else "- Lưu: VT."


def authority_lines(signer: Signer, authority: str) -> list[str]:
    """The authority lines above the title: by the signer's ``role`` (``TM. ỦY BAN NHÂN
    DÂN`` then ``KT. CHỦ TỊCH`` for a vice-chair), else the ``authority`` written in YAML."""
    if signer.role:
        under, _title = ROLES[signer.role]
        lines = [f"TM. {(signer.collective or 'ỦY BAN NHÂN DÂN').upper()}"]
        return [*lines, under] if under else lines
    return [authority.upper()] if authority.strip() else []


def report_date(config: ReportConfig) -> date:
    """The date written into document properties (so re-runs are byte-identical)."""
    return config.date
