"""The template context, declared once: every name a template or a YAML text may use besides
the indicator ids, its fields, and every filter, each with its Vietnamese documentation.

The config loader (which names a section text may use), the YAML text check, ``reportgen
lint``, ``reportgen vars``, the documentation and the context builder
(:mod:`reportgen.templating.context`) all read this module; a test keeps the context the
builder makes equal to what is declared here. Filters are declared beside their functions in
:mod:`reportgen.templating.filters`; :data:`FILTERS` and :data:`FILTER_NAMES` read them there on
first use.

This module is pure data (it sits below the config loader so that every layer can read it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

NameKind = Literal["object", "list", "by_indicator", "rows", "value"]
_V = TypeVar("_V")


@dataclass(frozen=True)
class ContextName:
    """A top-level context name: what it holds and, for objects and lists, its fields."""

    doc: str
    kind: NameKind = "value"
    fields: dict[str, str] = field(default_factory=dict)


#: Top-level context names besides the indicator ids (each indicator id is a figure).
CONTEXT: dict[str, ContextName] = {
    "don_vi": ContextName(
        "đơn vị của báo cáo (phường, xã hoặc toàn thành phố)",
        "object",
        {
            "ten": "tên đơn vị: Phường Trần Phú, thành phố Hòa An",
            "ten_day_du": "tên viết trong câu (chữ đầu thường): phường Trần Phú",
            "loai": "loại đơn vị theo cột loại (Phường, Xã), trống với toàn thành phố",
            "slug": "tên không dấu dùng làm tên tệp",
            "la_toan_thanh_pho": "đúng với báo cáo toàn thành phố",
            "cot": "mọi cột chữ của dòng số liệu (don_vi.cot.chu_tich)",
            "thon": "các thôn, tổ dân phố của đơn vị (data.villages): mỗi dòng có ten và các "
            "chỉ tiêu; trống khi không có",
        },
    ),
    "bao_cao": ContextName(
        "thông tin văn bản",
        "object",
        {
            "id": "mã báo cáo (report.id)",
            "loai": "mã loại văn bản: BC, KH",
            "ten_loai": "tên loại in hoa: BÁO CÁO, KẾ HOẠCH",
            "trich_yeu": "trích yếu nội dung",
            "so": "số văn bản (trống khi văn thư điền)",
            "ky_hieu": "ký hiệu: BC-UBND",
            "so_ky_hieu": "dòng số, ký hiệu: Số: 125/BC-UBND",
            "ngay": "ngày ban hành (dùng với | ngay, | ngay_ngan)",
            "dia_danh": "địa danh theo cấp cơ quan ban hành (phường, xã với báo cáo phường, xã)",
            "dia_danh_ngay": "dòng địa danh, ngày tháng: Hòa An, ngày 16 tháng 12 năm 2024",
            "kem_theo": "dòng dưới tên phụ lục: (Kèm theo Báo cáo số 125/BC-UBND ngày … tháng … năm … của …)",
            "gach": "đường kẻ dưới trích yếu (gạch chân khoảng trắng; 1/3–1/2 dòng chữ)",
        },
    ),
    "co_quan": ContextName(
        "cơ quan ban hành",
        "object",
        {
            "chu_quan": "cơ quan chủ quản, in hoa",
            "ten": "tên cơ quan ban hành, in hoa (có xuống dòng)",
            "ten_dong": "tên cơ quan ban hành, từng dòng",
            "ten_goi": "tên viết trong câu: Ủy ban nhân dân phường Trần Phú",
            "co_van_phong": "đúng khi cơ quan có văn phòng (dòng Lưu ghi VP)",
            "gach": "đường kẻ dưới tên cơ quan (gạch chân khoảng trắng; 1/3–1/2 tên)",
        },
    ),
    "nguoi_ky": ContextName(
        "người ký",
        "object",
        {
            "tham_quyen": "dòng thẩm quyền đầu tiên (TM. ỦY BAN NHÂN DÂN)",
            "dong_tham_quyen": "mọi dòng thẩm quyền theo chức vụ người ký (TM. …, KT. CHỦ TỊCH)",
            "chuc_vu": "chức vụ, in hoa",
            "ho_ten": "họ và tên",
        },
    ),
    "noi_nhan": ContextName("các dòng Nơi nhận, dòng cuối là - Lưu: VT, ….", "list"),
    "can_cu": ContextName(
        "các văn bản làm căn cứ",
        "list",
        {
            "loai": "loại văn bản",
            "so_ky_hieu": "số, ký hiệu",
            "ngay": "ngày ban hành",
            "co_quan": "cơ quan ban hành",
            "trich_yeu": "trích yếu",
            "day_du": "trích dẫn đầy đủ",
            "ngan": "trích dẫn ngắn (loại và số)",
        },
    ),
    "chi_tieu": ContextName("các chỉ tiêu của đơn vị, theo mã", "by_indicator"),
    "toan_thanh_pho": ContextName("số liệu toàn thành phố, theo mã chỉ tiêu", "by_indicator"),
    "ky_truoc": ContextName("số liệu kỳ trước của đơn vị, theo mã chỉ tiêu", "by_indicator"),
    "cac_don_vi": ContextName(
        "mọi đơn vị với số liệu (cho bảng); mỗi dòng có ten, don_vi và các chỉ tiêu", "rows"
    ),
    "ky_bao_cao": ContextName("kỳ báo cáo: năm 2024"),
    "du_thao": ContextName("đúng khi in bản dự thảo (số liệu chưa qua kiểm tra, --force)"),
    "loi_so_lieu": ContextName(
        "bản dự thảo: chỉ tiêu sai của đơn vị, theo mã (điều cần có)", "by_indicator"
    ),
    "mo_dau": ContextName("đoạn mở đầu"),
    "ket_luan": ContextName("câu kết thúc, có ./."),
}

#: Fields of a row of ``cac_don_vi`` besides the indicator ids.
ROW_FIELDS: dict[str, str] = {"ten": "tên đơn vị", "don_vi": "như don_vi"}

#: Top-level names (besides indicator ids) that a template and a YAML text may use.
CONTEXT_NAMES: frozenset[str] = frozenset(CONTEXT)

#: Fields of each object name; ``name[]`` for the items of a list.
CONTEXT_FIELDS: dict[str, frozenset[str]] = {
    (f"{n}[]" if c.kind == "list" else n): frozenset(c.fields)
    for n, c in CONTEXT.items()
    if c.fields
}

#: Names holding one value per indicator id.
BY_INDICATOR: tuple[str, ...] = tuple(n for n, c in CONTEXT.items() if c.kind == "by_indicator")


@dataclass(frozen=True)
class FilterDoc:
    """A filter: its Vietnamese documentation, with an example, and its English aliases."""

    doc: str
    aliases: tuple[str, ...] = ()


class _Declared(Mapping[str, _V]):
    """A mapping read on first use from the filters' own module, where each filter is declared
    once beside its function (``@template_filter(name, doc, *aliases)`` in
    :mod:`reportgen.templating.filters`). Read by name, like the check kinds: importing the
    configuration layer does not import the template layer."""

    def __init__(self, build: Callable[[Mapping[str, FilterDoc]], dict[str, _V]]) -> None:
        self._build = build
        self._data: dict[str, _V] | None = None

    def _load(self) -> dict[str, _V]:
        if self._data is None:
            declared = importlib.import_module("reportgen.templating.filters").DECLARED
            self._data = self._build(declared)
        return self._data

    def __getitem__(self, name: str) -> _V:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


#: Every filter (Vietnamese name → documentation and aliases).
FILTERS: Mapping[str, FilterDoc] = _Declared(dict)

#: Every filter name, Vietnamese and English alias → documentation.
FILTER_NAMES: Mapping[str, str] = _Declared(
    lambda declared: {
        **{n: f.doc for n, f in declared.items()},
        **{a: f"{f.doc} (như {n})" for n, f in declared.items() for a in f.aliases},
    }
)
