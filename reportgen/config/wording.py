"""Options for wording that follows the figures, NĐ 30 layout details and appendices.

Kept apart from the rest of the schema: :mod:`reportgen.config.spec` adds these fields to its
objects in one delimited block, and the loader passes the converted YAML through :func:`apply`
once the rest of the report definition is built.

- indicators: ``text_decimals`` (trim trailing zeros in sentences), ``phrase`` (words after the
  figure in a list: "2 *hộ tái nghèo*"), ``none`` ("không có hộ tái nghèo"), ``levels``
  (evaluation phrases by threshold);
- issuer / unit_issuer: ``place`` (địa danh), ``office`` (has a văn phòng: "Lưu: VT, VP.");
- signer / unit_signer: ``role`` (chu_tich, pho_chu_tich, quyen_chu_tich) and ``collective``
  (TM. ỦY BAN NHÂN DÂN): the authority lines follow from them;
- tables: ``rows`` (a table of indicators for one unit), ``unit_line`` (Đơn vị tính),
  ``column_numbers`` ((1) (2) …), ``compare_total``;
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from reportgen.config.model import Level, Party, ReportConfig, Section, Signer, Table
from reportgen.config.schema import Bool, Choice, Dec, Field, ListOf, Obj, Str
from reportgen.config.yamlsource import KeyPath

#: signer role → (authority line under the collective line, title)
ROLES: dict[str, tuple[str | None, str]] = {
    "chu_tich": (None, "CHỦ TỊCH"),
    "pho_chu_tich": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "quyen_chu_tich": ("Q. CHỦ TỊCH", ""),
}

LEVEL = Obj(
    name="indicators.<mã>.levels[]",
    doc="Một mức đánh giá: câu dùng khi số (như in ra) nằm trong khoảng min–max.",
    fields={
        "min": Field(Dec(), "Từ mức này trở lên (≥)."),
        "max": Field(Dec(), "Đến mức này trở xuống (≤)."),
        "text": Field(Str(), "Câu đánh giá, ví dụ `cơ bản hoàn thành kế hoạch`.", required=True),
    },
)

INDICATOR_FIELDS: dict[str, Field] = {
    "text_decimals": Field(
        Choice(choices=("fixed", "trim")),
        "Số lẻ khi viết trong câu: fixed (đủ `decimals` chữ số, như trong bảng) hoặc trim (bỏ "
        "số 0 cuối: 538,0 → 538; 91,90% → 91,9%). Trong bảng luôn đủ chữ số.",
        default="fixed",
    ),
    "phrase": Field(
        Str(),
        "Cụm từ sau con số khi liệt kê (`liet_ke`, `gom`), ví dụ `hộ tái nghèo` → "
        "`2 hộ tái nghèo`. Mặc định: tên chỉ tiêu viết thường.",
    ),
    "none": Field(
        Str(),
        "Câu thay cho số 0 khi liệt kê, ví dụ `không có hộ tái nghèo`.",
    ),
    "levels": Field(
        ListOf(LEVEL),
        "Các mức đánh giá theo ngưỡng, xét từ trên xuống (bộ lọc `muc`), ví dụ "
        "`[{min: 95, text: cơ bản hoàn thành}, {text: còn chậm}]`.",
    ),
}

PARTY_FIELDS: dict[str, Field] = {
    "place": Field(
        Str(),
        "Địa danh ở dòng ngày tháng của cơ quan này. Mặc định: report.place với báo cáo toàn "
        "thành phố; tên phường, xã (bỏ chữ Phường, Xã) với báo cáo phường, xã.",
    ),
    "office": Field(
        Bool(),
        "Cơ quan có văn phòng (VP) hay không; mặc định: có với cấp thành phố, không với phường, "
        "xã. Dòng Lưu chỉ ghi VP khi có.",
    ),
}

SIGNER_FIELDS: dict[str, Field] = {
    "role": Field(
        Choice(choices=tuple(ROLES)),
        "Chức vụ người ký: chu_tich, pho_chu_tich (ký thay: KT. CHỦ TỊCH) hoặc quyen_chu_tich "
        "(Q. CHỦ TỊCH). Khi có role, các dòng thẩm quyền được viết tự động và bỏ authority.",
    ),
    "collective": Field(
        Str(),
        "Tập thể mà người ký thay mặt (dòng TM.), mặc định `ỦY BAN NHÂN DÂN` khi có role.",
    ),
}

TABLE_FIELDS: dict[str, Field] = {
    "rows": Field(
        ListOf(Str(), single_ok=True),
        "Bảng chỉ tiêu của một đơn vị: mỗi dòng một chỉ tiêu (thay cho columns theo đơn vị).",
    ),
    "unit_line": Field(
        Str(),
        "Dòng `Đơn vị tính: …` in nghiêng, căn phải, trên bảng (khi mọi cột cùng đơn vị; "
        "khi đó tiêu đề cột không nhắc lại đơn vị).",
    ),
    "column_numbers": Field(
        Bool(), "In dòng số thứ tự cột (1) (2) (3) … dưới tiêu đề.", default=False
    ),
    "compare_total": Field(
        Bool(), "Bảng chỉ tiêu (rows): thêm cột số liệu toàn thành phố.", default=False
    ),
}


# -- applying the converted options ---------------------------------------------------------


def _levels(raw: Any) -> tuple[Level, ...]:
    return tuple(
        Level(text=x["text"] or "", min=x.get("min"), max=x.get("max"))
        for x in raw or ()
        if x is not None
    )


def _party(party: Party | None, raw: Mapping[str, Any] | None) -> Party | None:
    if party is None or raw is None:
        return party
    return dataclasses.replace(party, place=raw.get("place"), office=raw.get("office"))


Err = Callable[[KeyPath, str, str], None]


def _signer(
    signer: Signer | None, raw: Mapping[str, Any] | None, key: str, err: Err
) -> Signer | None:
    if signer is None or raw is None:
        return signer
    role = raw.get("role")
    if role and raw.get("authority"):
        err(
            (key, "authority"),
            "đã có role thì các dòng thẩm quyền được viết tự động; authority viết thêm sẽ trùng",
            "xóa authority (hoặc xóa role để tự viết)",
        )
    collective = raw.get("collective") or ("ỦY BAN NHÂN DÂN" if role else None)
    return dataclasses.replace(signer, role=role, collective=collective)


def table(
    t: Table, raw: Mapping[str, Any], ref: Callable[[KeyPath, str], bool], path: KeyPath
) -> Table:
    """``t`` with the layout options of its YAML (``raw``)."""
    rows = tuple(r for r in raw.get("rows") or () if r)
    for j, r in enumerate(rows):
        ref((*path, "rows", j), r)
    return dataclasses.replace(
        t,
        rows=rows,
        unit_line=raw.get("unit_line"),
        column_numbers=bool(raw.get("column_numbers")),
        compare_total=bool(raw.get("compare_total")),
    )


def _sections(
    sections: tuple[Section, ...],
    raw: list[Any],
    path: KeyPath,
    ref: Callable[[KeyPath, str], bool],
) -> tuple[Section, ...]:
    out = []
    raws = [r for r in raw if r is not None]
    for n, (s, r) in enumerate(zip(sections, raws, strict=False)):
        p: KeyPath = (*path, n)
        t = s.table
        if t is not None and r.get("table") is not None:
            t = table(t, r["table"], ref, (*p, "table"))
        out.append(
            dataclasses.replace(
                s,
                table=t,
                sections=_sections(s.sections, r.get("sections") or [], (*p, "sections"), ref),
            )
        )
    return tuple(out)


def apply(
    config: ReportConfig,
    d: Mapping[str, Any],
    ref: Callable[[KeyPath, str], bool],
    err: Err,
) -> ReportConfig:
    """Return ``config`` with the options of this module taken from ``d`` (the converted YAML).

    ``ref`` checks an indicator reference, ``err`` records an error.
    """
    indicators = dict(config.indicators)
    for iid, raw in (d.get("indicators") or {}).items():
        if iid not in indicators or raw is None:
            continue
        indicators[iid] = dataclasses.replace(
            indicators[iid],
            text_decimals=raw.get("text_decimals") or "fixed",
            phrase=raw.get("phrase"),
            none_text=raw.get("none"),
            levels=_levels(raw.get("levels")),
        )
    return dataclasses.replace(
        config,
        indicators=indicators,
        issuer=_party(config.issuer, d.get("issuer")) or config.issuer,
        unit_issuer=_party(config.unit_issuer, d.get("unit_issuer")),
        signer=_signer(config.signer, d.get("signer"), "signer", err) or config.signer,
        unit_signer=_signer(config.unit_signer, d.get("unit_signer"), "unit_signer", err),
        sections=_sections(config.sections, list(d.get("sections") or []), ("sections",), ref),
    )


def level_of(levels: tuple[Level, ...], value: Decimal) -> str | None:
    """The text of the first level ``value`` falls in, or None."""
    for lv in levels:
        if lv.min is not None and value < lv.min:
            continue
        if lv.max is not None and value > lv.max:
            continue
        return lv.text
    return None
