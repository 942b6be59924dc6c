"""The typed report definition — and, on each field, the YAML option it comes from.

Each option is declared once, here, on the field that keeps it: its type, documentation,
default and example (:func:`~reportgen.config.schema.option`). The schema that checks the YAML
(:mod:`reportgen.config.spec`), the reference page (docs/config-reference.md) and the loader
(:func:`~reportgen.config.schema.values`) all read these declarations; the loader adds only what
it works out itself (defaults that depend on other options, compiled formulas, paths,
cross-references). Everything here is plain, immutable data; numbers are ``Decimal``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from reportgen.compute.formula import Formula
from reportgen.config.fieldtypes import IDS, REPORT_ID, CheckItem
from reportgen.config.schema import (
    SELF_LIST,
    Bool,
    Choice,
    Context,
    Date,
    Dec,
    Either,
    Int,
    ListOf,
    MapOf,
    Str,
    object_of,
    option,
)
from reportgen.config.yamlsource import KeyPath
from reportgen.vnformat.unitnames import expand_unit_name


@dataclass
class UnitName(Str):
    """A unit's name as the reports print it: the usual abbreviation written out
    (``TP. Hòa An`` → ``Thành phố Hòa An``) and runs of spaces made one."""

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        text = super().convert(value, path, ctx)
        return expand_unit_name(" ".join(text.split())) if isinstance(text, str) else text


Kind = Literal["count", "money", "percent", "number", "text"]
TotalMode = Literal["sum", "formula", "none"]

#: signer role → (authority line under the collective line, title)
ROLES: dict[str, tuple[str | None, str]] = {
    "chu_tich": (None, "CHỦ TỊCH"),
    "pho_chu_tich": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "quyen_chu_tich": ("Q. CHỦ TỊCH", ""),
}


@dataclass(frozen=True, kw_only=True)
class Level:
    """An evaluation phrase chosen by a threshold: ``text`` when the figure (as printed) is at
    least ``min`` and at most ``max`` (either may be absent)."""

    min: Decimal | None = option(Dec(), "Từ mức này trở lên (≥).")
    max: Decimal | None = option(Dec(), "Đến mức này trở xuống (≤).")
    text: str = option(Str(), "Câu đánh giá, ví dụ `cơ bản hoàn thành kế hoạch`.", required=True)


LEVEL = object_of(
    Level,
    name="indicators.<mã>.levels[]",
    doc="Một mức đánh giá: câu dùng khi số (như in ra) nằm trong khoảng min–max.",
)


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """One figure of the report (chỉ tiêu): where its value comes from and how it is shown."""

    id: str
    label: str = option(
        Str(),
        "Tên chỉ tiêu tiếng Việt (tiêu đề cột, thông báo lỗi).",
        required=True,
        example="Số hộ nghèo",
    )
    unit: str = option(
        Str(allow_empty=True),
        "Đơn vị tính: hộ, khẩu, người, lượt, %, đồng, nghìn đồng, triệu đồng, tỷ đồng…",
        default="",
    )
    kind: Kind = option(
        Choice(choices=("count", "money", "percent", "number", "text")),
        "Loại số: count (đếm, số nguyên ≥ 0), money (tiền), percent (tỷ lệ %), "
        "number (số bất kỳ), text (chữ). Mặc định suy ra từ unit.",
    )
    column: str | None = option(Str(), "Cột của tệp số liệu chứa giá trị.")
    group: str | None = option(
        Str(),
        "Nhóm cột trên biểu mẫu nhập liệu (`reportgen form`): các chỉ tiêu liền nhau cùng nhóm "
        "nằm dưới một ô tiêu đề gộp (tên chỉ tiêu bỏ phần đầu trùng tên nhóm). Mặc định: nhóm "
        "theo phần đầu giống nhau của tên.",
        example="Hộ nghèo",
    )
    formula: Formula | None = option(
        Str(), "Công thức từ các chỉ tiêu khác, ví dụ `ho_ngheo / tong_so_ho * 100`."
    )
    decimals: int | None = option(
        Int(minimum=0, maximum=6),
        "Số chữ số thập phân khi in và khi so sánh (mặc định: 0 với số đếm, 2 với tỷ lệ %).",
    )
    total: TotalMode = option(
        Choice(choices=("sum", "formula", "none")),
        "Cách tính số toàn thành phố: sum (cộng các đơn vị), formula (tính lại "
        "bằng công thức), none (không có). Mặc định: sum với số đếm và tiền lấy "
        "từ cột, formula với chỉ tiêu có công thức.",
    )
    total_formula: Formula | None = option(
        Str(),
        "Công thức cho số toàn thành phố (khi khác formula), ví dụ "
        "tỷ lệ ghi sẵn trong tệp: `ho_ngheo / tong_so_ho * 100`.",
    )
    money_unit: str | None = option(
        Str(),
        "Đơn vị khi in số tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng); mặc định bằng unit.",
    )
    rounded: bool = option(
        Bool(),
        "Số ghi đã được làm tròn đến `decimals` chữ số (mặc định: đúng "
        "với tỷ lệ và tiền không tính bằng đồng).",
    )
    optional: bool = option(Bool(), "Cho phép ô trống (mặc định: ô trống là lỗi).", default=False)
    uncomputable: str | None = option(
        Str(),
        "Cách nói khi công thức không tính được cho một đơn vị (chia cho 0, ví dụ tỷ lệ "
        'khi mẫu số bằng 0), ví dụ "không có". Không khai báo thì đó là lỗi của đơn vị.',
    )
    description: str | None = option(Str(), "Ghi chú cho người soạn.")
    text_decimals: Literal["fixed", "trim"] = option(
        Choice(choices=("fixed", "trim")),
        "Số lẻ khi viết trong câu: fixed (đủ `decimals` chữ số, như trong bảng) hoặc trim (bỏ "
        "số 0 cuối: 538,0 → 538; 91,90% → 91,9%). Trong bảng luôn đủ chữ số.",
        default="fixed",
    )
    phrase: str | None = option(
        Str(),
        "Cụm từ sau con số khi liệt kê (`liet_ke`, `gom`), ví dụ `hộ tái nghèo` → "
        "`2 hộ tái nghèo`. Mặc định: tên chỉ tiêu viết thường.",
    )
    none_text: str | None = option(
        Str(), "Câu thay cho số 0 khi liệt kê, ví dụ `không có hộ tái nghèo`.", key="none"
    )
    levels: tuple[Level, ...] = option(
        ListOf(LEVEL),
        "Các mức đánh giá theo ngưỡng, xét từ trên xuống (bộ lọc `muc`), ví dụ "
        "`[{min: 95, text: cơ bản hoàn thành}, {text: còn chậm}]`.",
        default=[],
    )

    @cached_property
    def tolerance(self) -> Decimal:
        """Half a unit of the last stated decimal when the figure is rounded to ``decimals``,
        else 0. (A rounded figure without ``decimals`` is as precise as its own digits: see
        :meth:`tolerance_of`.)"""
        if not self.rounded or self.decimals is None:
            return Decimal(0)
        return Decimal(5).scaleb(-self.decimals - 1)

    def tolerance_of(self, value: Decimal) -> Decimal:
        """How far the true figure behind the stated ``value`` may be: half a unit of its last
        decimal when the figure is rounded (``802,8`` triệu đồng → 0,05), else 0."""
        if not self.rounded:
            return Decimal(0)
        if self.decimals is not None:
            return self.tolerance
        exp = value.as_tuple().exponent
        return Decimal(5).scaleb(exp - 1) if isinstance(exp, int) else Decimal(0)


def _validate_indicator(value: dict[str, Any], path: Any, ctx: Any) -> None:
    if value.get("column") and value.get("formula"):
        ctx.report("config.column-and-formula", path)
    if not value.get("column") and not value.get("formula"):
        ctx.report("config.no-column-or-formula", path)


INDICATOR = object_of(
    Indicator,
    name="indicators.<mã>",
    doc="Một chỉ tiêu (số liệu) của báo cáo. Mã chỉ tiêu là tên dùng trong mẫu Word.",
    validate=_validate_indicator,
)


@dataclass(frozen=True, kw_only=True)
class LegalBasis:
    """A document cited as a legal basis (căn cứ) or as what the report carries out."""

    type: str = option(
        Str(),
        "Tên loại văn bản: Nghị định, Quyết định, Kế hoạch, Thông tư…",
        required=True,
        example="Quyết định",
    )
    code: str = option(
        Str(), "Số, ký hiệu: 90/QĐ-TTg, 07/2021/NĐ-CP.", required=True, example="90/QĐ-TTg"
    )
    date: date | None = option(Date(), "Ngày ban hành.")
    issuer: str | None = option(Str(), "Cơ quan/người ban hành: Thủ tướng Chính phủ, Chính phủ…")
    subject: str | None = option(Str(), "Trích yếu của văn bản được dẫn.")


LEGAL_BASIS = object_of(LegalBasis, name="legal_bases[]", doc="Một văn bản làm căn cứ.")


@dataclass(frozen=True, kw_only=True)
class Party:
    """The issuing agency block of the header (cơ quan chủ quản / cơ quan ban hành)."""

    parent: str | None = option(
        Str(), "Tên cơ quan chủ quản (chữ in hoa, không đậm), ví dụ UBND TỈNH BẮC GIANG."
    )
    name: str = option(
        Str(),
        "Tên cơ quan ban hành (chữ in hoa, đậm); xuống dòng bằng `\\n`.",
        required=True,
        example="ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC GIANG",
    )
    code: str = option(
        Str(pattern=r"[A-ZĐ0-9&-]+", pattern_doc="chữ viết tắt in hoa, ví dụ UBND"),
        "Chữ viết tắt tên cơ quan trong số, ký hiệu (05/BC-**UBND**).",
        default="UBND",
    )
    storage_code: str | None = option(
        Str(), "Chữ viết tắt đơn vị soạn thảo trong dòng `- Lưu: VT, ….`"
    )
    place: str | None = option(
        Str(),
        "Địa danh ở dòng ngày tháng của cơ quan này. Mặc định: report.place với báo cáo toàn "
        "thành phố; tên phường, xã (bỏ chữ Phường, Xã) với báo cáo phường, xã.",
    )
    office: bool | None = option(
        Bool(),
        "Cơ quan có văn phòng (VP) hay không; mặc định: có với cấp thành phố, không với phường, "
        "xã. Dòng Lưu chỉ ghi VP khi có.",
    )


ISSUER = object_of(Party, name="issuer", doc="Cơ quan ban hành báo cáo toàn thành phố.")
UNIT_ISSUER = dataclasses.replace(
    ISSUER,
    name="unit_issuer",
    doc="Cơ quan ban hành báo cáo của từng phường, xã. Các dòng có thể dùng `{{ don_vi.ten }}` "
    "và các cột chữ của tệp số liệu (`{{ don_vi.cot.nguoi_ky }}`).",
)


@dataclass(frozen=True, kw_only=True)
class Signer:
    """The signature block: authority (TM./KT./Q.…), title and name."""

    authority: str | None = option(
        Str(), "Thẩm quyền ký: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, Q. CHỦ TỊCH…"
    )
    title: str = option(
        Str(), "Chức vụ người ký (PHÓ CHỦ TỊCH).", required=True, example="PHÓ CHỦ TỊCH"
    )
    name: str = option(
        Str(),
        "Họ và tên người ký, không kèm học hàm, học vị.",
        required=True,
        example="Nguyễn Văn An",
    )
    role: str | None = option(
        Choice(choices=tuple(ROLES)),
        "Chức vụ người ký: chu_tich, pho_chu_tich (ký thay: KT. CHỦ TỊCH) hoặc quyen_chu_tich "
        "(Q. CHỦ TỊCH). Khi có role, các dòng thẩm quyền được viết tự động và bỏ authority.",
    )
    collective: str | None = option(
        Str(),
        "Tập thể mà người ký thay mặt (dòng TM.), mặc định `ỦY BAN NHÂN DÂN` khi có role.",
    )


SIGNER = object_of(Signer, name="signer", doc="Người ký báo cáo toàn thành phố.")
UNIT_SIGNER = dataclasses.replace(
    SIGNER,
    name="unit_signer",
    doc="Người ký báo cáo của từng phường, xã (có thể dùng `{{ don_vi.cot.<tên cột> }}`).",
)


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """A paragraph of a section: Jinja text over the indicators, shown when ``when`` holds."""

    text: str = option(
        Str(), "Nội dung; dùng `{{ ho_ngheo | so }}` để chèn số liệu.", required=True
    )
    when: str | None = option(Str(), "Điều kiện (biểu thức) để in đoạn này, ví dụ `ho_ngheo > 0`.")
    style: str | None = option(
        Choice(choices=("body", "bullet", "dash", "plus", "note")),
        "Kiểu đoạn: body (mặc định), dash (gạch đầu dòng -), plus (dấu +), "
        "bullet (dấu *), note (in nghiêng).",
    )


PARAGRAPH = Either(short=Str(), full=object_of(Paragraph, name="paragraph", doc="Một đoạn văn."))


@dataclass(frozen=True, kw_only=True)
class Table:
    """A table of indicators: one row per unit and a total row, or one row per indicator."""

    title: str | None = option(Str(), "Tên bảng, in đậm phía trên bảng.")
    columns: tuple[str, ...] = option(
        IDS,
        "Các chỉ tiêu làm cột (tiêu đề cột lấy từ label và unit); bảng chỉ tiêu dùng rows thay "
        "cho columns.",
        example="[ho_ngheo, ty_le_ho_ngheo]",
        default=[],
    )
    total_row: bool = option(Bool(), "In dòng tổng (số của toàn thành phố).", default=True)
    total_label: str = option(Str(), "Chữ ở dòng tổng.", default="Tổng cộng")
    first_column: str = option(Str(), "Tiêu đề cột tên đơn vị.", default="Đơn vị")
    unit_label: str = option(Str(), "Tiêu đề cột số thứ tự.", default="TT")
    show: Literal["all", "city", "unit"] = option(
        Choice(choices=("all", "city", "unit")),
        "In bảng ở báo cáo nào: all (mọi báo cáo), city (chỉ báo cáo toàn thành phố),"
        " unit (chỉ báo cáo phường, xã — bảng có một dòng của đơn vị đó).",
        default="city",
    )
    rows: tuple[str, ...] = option(
        ListOf(Str(), single_ok=True),
        "Bảng chỉ tiêu của một đơn vị: mỗi dòng một chỉ tiêu (thay cho columns theo đơn vị).",
        default=[],
    )
    unit_line: str | None = option(
        Str(),
        "Dòng `Đơn vị tính: …` in nghiêng, căn phải, trên bảng (khi mọi cột cùng đơn vị; "
        "khi đó tiêu đề cột không nhắc lại đơn vị).",
    )
    column_numbers: bool = option(
        Bool(), "In dòng số thứ tự cột (1) (2) (3) … dưới tiêu đề.", default=False
    )
    compare_total: bool = option(
        Bool(), "Bảng chỉ tiêu (rows): thêm cột số liệu toàn thành phố.", default=False
    )
    by: Literal["unit", "village"] = option(
        Choice(choices=("unit", "village")),
        "Mỗi dòng một đơn vị (unit), hoặc một thôn, tổ dân phố của phường, xã (village: chỉ in "
        "ở báo cáo phường, xã có số liệu data.villages; dòng cuối là số của phường, xã).",
        default="unit",
    )


TABLE = object_of(Table, name="table", doc="Bảng số liệu theo từng đơn vị, có dòng tổng.")


@dataclass(frozen=True, kw_only=True)
class Section:
    """A heading with its paragraphs, optional table and sub-sections."""

    heading: str = option(Str(), "Tên mục (mục cấp I được in hoa tự động).", required=True)
    paragraphs: tuple[Paragraph, ...] = option(
        ListOf(PARAGRAPH, single_ok=True), "Các đoạn văn của mục.", default=[]
    )
    table: Table | None = option(TABLE, "Bảng số liệu theo đơn vị (tùy chọn).")
    when: str | None = option(Str(), "Điều kiện để in cả mục.")
    sections: tuple[Section, ...] = option(SELF_LIST, "Các mục con.", default=[])


SECTION = object_of(
    Section,
    name="sections[]",
    doc="Một mục của báo cáo. Số thứ tự (I., 1., 1.1., a)) được đánh tự động theo cấp.",
)


@dataclass(frozen=True, kw_only=True)
class Appendix:
    """A phụ lục after the signature block, on landscape pages: its label ("Phụ lục I",
    "Biểu số 01"), its own title, the "(Kèm theo …)" line, then its tables and notes."""

    title: str = option(
        Str(),
        "Tên phụ lục (in hoa, đậm, dưới chữ Phụ lục).",
        required=True,
        example="Số liệu giảm nghèo năm 2024 theo đơn vị",
    )
    label: str | None = option(
        Str(),
        "Dòng trên tên phụ lục. Mặc định: `Phụ lục` (một phụ lục) hoặc `Phụ lục I`, `Phụ lục "
        "II` … (nhiều phụ lục); có thể ghi `Biểu số 01`.",
    )
    tables: tuple[Table, ...] = option(
        ListOf(TABLE, single_ok=True),
        "Các bảng của phụ lục, khai báo như table của một mục; bảng rộng bằng dòng chữ của "
        "trang ngang.",
        default=[],
    )
    paragraphs: tuple[Paragraph, ...] = option(
        ListOf(PARAGRAPH, single_ok=True),
        "Các đoạn dưới bảng (ghi chú, nguồn số liệu).",
        default=[],
    )
    show: Literal["all", "city", "unit"] = option(
        Choice(choices=("all", "city", "unit")),
        "In phụ lục ở báo cáo nào: all, city (chỉ báo cáo toàn thành phố), unit (chỉ báo cáo "
        "phường, xã).",
        default="city",
    )


APPENDIX = object_of(
    Appendix,
    name="appendices[]",
    doc="Một phụ lục sau phần chữ ký và Nơi nhận, trên trang A4 ngang (Nghị định 30): "
    "`Phụ lục`, tên phụ lục, dòng `(Kèm theo Báo cáo số …)` rồi các bảng. Số trang đánh tiếp.",
)


@dataclass(frozen=True, kw_only=True)
class Previous:
    """The previous period's data file, for continuity checks."""

    file: Path = option(Str(), "Tệp số liệu kỳ trước.", required=True)
    sheet: str | None = option(Str(), "Tên trang tính (với tệp .xlsx).")
    unit_column: str = option(Str(), "Cột tên đơn vị (mặc định như kỳ này).")
    locale: str = option(Choice(choices=("vi", "en")), "Cách viết số trong tệp.")
    label: str | None = option(Str(), "Tên kỳ trước, ví dụ năm 2023.")


PREVIOUS = object_of(
    Previous, name="data.previous", doc="Số liệu kỳ trước, để kiểm tra tính liên tục."
)


@dataclass(frozen=True, kw_only=True)
class Villages:
    """Figures by thôn / tổ dân phố of some wards: a second table, one row per village,
    keyed by the ward's name and the village's."""

    file: Path = option(
        Str(),
        "Tệp số liệu theo thôn, tổ dân phố (.csv, .xlsx …), tính từ thư mục của tệp YAML.",
        required=True,
        example="../inputs/giam-ngheo-2024-thon.csv",
    )
    sheet: str | None = option(Str(), "Tên trang tính (với tệp .xlsx).")
    unit_column: str = option(Str(), "Cột tên phường, xã (mặc định như data.unit_column).")
    village_column: str = option(Str(), "Cột tên thôn, tổ dân phố.", default="thon")


VILLAGES = object_of(
    Villages,
    name="data.villages",
    doc="Số liệu theo thôn, tổ dân phố (tùy chọn): mỗi dòng một thôn, tổ dân phố của một "
    "phường, xã; các cột là chỉ tiêu (như tệp chính). Số đếm và tiền của các thôn phải cộng "
    "lại bằng số của phường, xã. Dùng trong bảng `by: village` và `don_vi.thon`.",
)


@dataclass(frozen=True, kw_only=True)
class WorkbookLayout:
    """How to read a clerk's workbook (``data.workbook``): sheets joined by unit name, the
    header and table rows when declared, column mapping, and the group/subtotal rows."""

    sheets: tuple[str, ...] = option(
        ListOf(Str(), single_ok=True),
        "Các trang tính có số liệu; số liệu của một đơn vị ở nhiều trang tính được ghép theo "
        "tên đơn vị. Mặc định: data.sheet, hoặc trang tính đầu tiên.",
        example="[Biểu 01, Biểu 02]",
        default=[],
    )
    unit_column: str | None = option(
        Str(),
        "Cột tên đơn vị: tiêu đề, đường dẫn tiêu đề hoặc chữ cái cột. Mặc định: cột có tiêu "
        "đề Tên đơn vị, Đơn vị, Phường, xã… (hoặc data.unit_column).",
    )
    header_rows: tuple[int, int] | None = option(
        Str(pattern=r"[0-9]+(\s*[-–]\s*[0-9]+)?", pattern_doc="dòng hoặc khoảng dòng, ví dụ 4-5"),
        "Các dòng tiêu đề cột, ví dụ 4-5. Mặc định: tự nhận (dòng có cột tên đơn vị và các "
        "dòng tiêu đề con dưới nó).",
    )
    first_row: int | None = option(
        Int(minimum=1),
        "Dòng số liệu đầu tiên. Mặc định: ngay dưới tiêu đề và dòng đánh số cột.",
    )
    last_row: int | None = option(
        Int(minimum=1),
        "Dòng cuối của bảng. Mặc định: dòng trước phần ghi chú, ngày tháng, chữ ký.",
    )
    columns: dict[str, str] = option(
        MapOf(Str()),
        "Cột của từng chỉ tiêu (mã chỉ tiêu → cột), và các cột chữ mẫu dùng "
        "(`{{ don_vi.cot.<tên> }}`). Cột ghi bằng đường dẫn tiêu đề (`Hộ nghèo › Đầu năm`, "
        "dấu › hoặc >), tiêu đề (nếu không trùng), số thứ tự cột ở dòng đánh số (`(3)`) hoặc "
        "chữ cái cột (`D`); thêm `Tên trang tính!` phía trước khi có nhiều trang tính. Chỉ "
        "tiêu không khai báo ở đây được tìm theo `column` của nó.",
        example="{ho_ngheo_dau_ky: Hộ nghèo › Đầu năm, chu_tich: Chủ tịch UBND}",
        default={},
    )
    groups: tuple[str, ...] = option(
        ListOf(Str(), single_ok=True),
        "Tên các dòng nhóm, dòng cộng (Khối phường, I. Các phường, Cộng…): không bao giờ "
        "được tính là một đơn vị, và được đối chiếu với tổng các đơn vị trong nhóm (các dòng "
        "ngay dưới dòng nhóm, hoặc ngay trên nếu dòng cộng ở cuối nhóm; dòng Tổng cộng: mọi "
        "đơn vị). Một dòng trông như dòng cộng mà không khai báo là lỗi.",
        example="[Khối phường, Khối xã]",
        default=[],
    )
    line: int | None = None
    """The line of ``data.workbook`` in the YAML (for messages)."""


WORKBOOK = object_of(
    WorkbookLayout,
    name="data.workbook",
    doc="Cách đọc bảng tính biểu mẫu của văn thư (.xlsx, .xlsm, .xls, .ods): tiêu đề nhiều dòng "
    "có ô gộp, cột STT, dòng đánh số cột, dòng nhóm và dòng cộng, ghi chú và chữ ký dưới bảng. "
    "Chỉ dùng khi tệp số liệu là bảng tính; xem docs/clerk-workbooks.md.",
)


@dataclass(frozen=True, kw_only=True)
class DataSource:
    """Where the figures come from: the file, its unit column, the whole-city row, the locale."""

    file: Path = option(
        Str(),
        "Tệp .csv, .tsv, .txt, .xlsx, .xlsm, .xls hoặc .ods, tính từ thư mục của tệp YAML.",
        required=True,
        example="../inputs/giam-ngheo-2024.csv",
    )
    sheet: str | None = option(Str(), "Tên trang tính (với tệp .xlsx); mặc định trang đầu tiên.")
    unit_column: str = option(Str(), "Cột ghi tên đơn vị.", default="don_vi")
    kind_column: str | None = option(Str(), "Cột ghi loại đơn vị (phường/xã), nếu có.")
    total_row: str | None = option(
        Str(),
        "Tên dòng tổng có sẵn trong tệp (ví dụ Toàn thành phố). Nếu bỏ "
        "trống, số toàn thành phố được tính từ các đơn vị.",
    )
    total_name: str = option(
        UnitName(),
        "Tên đơn vị tổng dùng trong báo cáo, ví dụ thành phố Bắc Giang.",
        required=True,
        example="thành phố Bắc Giang",
    )
    locale: str = option(
        Choice(choices=("vi", "en")),
        "Cách viết số trong tệp: vi (1.013,5) hoặc en (1,013.5).",
        default="vi",
    )
    separator: str | None = option(
        Choice(choices=(",", ";", "\t", "tab")),
        "Dấu phân cách cột của tệp CSV; mặc định tự nhận biết.",
    )
    header_row: int | None = option(
        Int(minimum=1, maximum=50),
        "Dòng tiêu đề cột; mặc định là dòng đầu tiên có cột tên đơn vị.",
    )
    period: str | None = option(Str(), "Kỳ báo cáo, ví dụ năm 2024 hoặc 6 tháng đầu năm 2024.")
    previous: Previous | None = option(PREVIOUS, "Số liệu kỳ trước (tùy chọn).")
    villages: Villages | None = option(VILLAGES, "Số liệu theo thôn, tổ dân phố (tùy chọn).")
    city_only: bool = option(
        Bool(),
        "Báo cáo chỉ có một dòng số liệu cho toàn thành phố (tỉnh), không có phường, xã: "
        "dòng đó là số toàn thành phố, không cộng từ đơn vị nào.",
        default=False,
    )
    workbook: WorkbookLayout = option(WORKBOOK, WORKBOOK.doc, absent=WorkbookLayout())


DATA = object_of(DataSource, name="data", doc="Tệp số liệu: mỗi dòng là một phường, xã.")


@dataclass(frozen=True)
class Check:
    """A declared check: its kind (registered name), arguments and severity (the options of
    each kind are declared with the kind, in ``reportgen.validate.kinds``)."""

    kind: str
    args: dict[str, Any]
    severity: Literal["error", "warning"]
    units: tuple[str, ...] | None
    label: str | None
    line: int | None
    key: str


@dataclass(frozen=True, kw_only=True)
class ReportConfig:
    """A validated report definition."""

    path: Path
    # --- report: ---
    id: str = option(
        REPORT_ID,
        "Mã báo cáo; dùng để đặt tên tệp kết quả.",
        required=True,
        example="giam-ngheo-2024",
        group="report",
    )
    type: str = option(
        Str(pattern=r"[A-ZĐa-z]{2,4}", pattern_doc="mã loại văn bản (BC, KH, TTr…)"),
        "Mã loại văn bản theo Phụ lục III Nghị định 30/2020 (BC, KH, TTr, …).",
        default="BC",
        group="report",
    )
    title: str = option(
        Str(),
        "Trích yếu nội dung (in đậm, căn giữa dưới tên loại văn bản).",
        required=True,
        example="Kết quả thực hiện công tác giảm nghèo năm 2024",
        group="report",
    )
    template: Path = option(
        Str(),
        "Tệp mẫu Word (.docx), đường dẫn tính từ thư mục của tệp YAML.",
        default="../templates/bao-cao-co-ban.docx",
        group="report",
    )
    number: int | None = option(
        Int(minimum=1),
        "Số văn bản. Bỏ trống để văn thư điền khi ban hành (in ra `Số:      /BC-UBND`).",
        group="report",
    )
    date: date = option(
        Date(),
        "Ngày ban hành (2024-12-16 hoặc 16/12/2024).",
        required=True,
        example="2024-12-16",
        group="report",
    )
    place: str = option(
        Str(),
        "Địa danh ở dòng ngày tháng (ví dụ Bắc Giang).",
        required=True,
        example="Bắc Giang",
        group="report",
    )
    # --- the other top-level keys ---
    issuer: Party = option(ISSUER, ISSUER.doc, required=True)
    unit_issuer: Party | None = option(UNIT_ISSUER, UNIT_ISSUER.doc)
    signer: Signer = option(SIGNER, SIGNER.doc, required=True)
    unit_signer: Signer | None = option(UNIT_SIGNER, UNIT_SIGNER.doc)
    recipients: tuple[str, ...] = option(
        ListOf(Str(), single_ok=True),
        "Nơi nhận, mỗi dòng một nơi (không cần "
        "gạch đầu dòng; dòng `- Lưu: VT, ….` được thêm tự động).",
        default=[],
    )
    unit_recipients: tuple[str, ...] | None = option(
        ListOf(Str(), single_ok=True), "Nơi nhận của báo cáo phường, xã."
    )
    legal_bases: tuple[LegalBasis, ...] = option(
        ListOf(LEGAL_BASIS), "Các văn bản làm căn cứ.", default=[]
    )
    basis_style: Literal["can_cu", "thuc_hien", "none"] = option(
        Choice(choices=("can_cu", "thuc_hien", "none")),
        "Cách mở đầu: can_cu (mỗi văn bản một dòng `Căn cứ …;` in nghiêng), "
        "thuc_hien (`Thực hiện …, … báo cáo như sau:`), none.",
        default="thuc_hien",
    )
    opening: str | None = option(Str(), "Đoạn mở đầu tự viết (thay cho đoạn sinh tự động).")
    sections: tuple[Section, ...] = option(ListOf(SECTION), "Các mục của báo cáo.", default=[])
    closing: str | None = option(
        Str(), "Câu kết thúc, trước dấu `./.`; mặc định `Trên đây là báo cáo ….`"
    )
    data: DataSource = option(DATA, DATA.doc, required=True)
    indicators: dict[str, Indicator] = option(
        MapOf(INDICATOR), "Các chỉ tiêu, theo mã.", required=True
    )
    checks: tuple[Check, ...] = option(
        ListOf(CheckItem()), "Các phép kiểm tra số liệu (xem bảng dưới).", default=[]
    )
    appendices: tuple[Appendix, ...] = option(
        ListOf(APPENDIX, single_ok=True),
        "Các phụ lục sau phần chữ ký và Nơi nhận, mỗi phụ lục bắt đầu một trang A4 ngang.",
        default=[],
    )
    texts: dict[str, str] = field(default_factory=dict)

    def indicator_order(self) -> list[str]:
        """Indicator ids in an order where every formula comes after what it reads."""
        return _topological(
            {
                i: ind.formula.names if ind.formula is not None else frozenset()
                for i, ind in self.indicators.items()
            }
        )

    def total_order(self) -> list[str]:
        """Indicator ids in an order where every whole-city formula (``total_formula``, or
        ``formula`` with ``total: formula``) comes after what it reads."""
        deps: dict[str, frozenset[str]] = {}
        for i, ind in self.indicators.items():
            f = ind.total_formula or ind.formula
            deps[i] = f.names if ind.total == "formula" and f is not None else frozenset()
        return _topological(deps)


def _topological(deps: dict[str, frozenset[str]]) -> list[str]:
    """Ids ordered so that each comes after its dependencies (declaration order otherwise).
    The loader has already refused cycles; a cycle here is simply cut."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(i: str) -> None:
        if i in seen:
            return
        seen.add(i)
        for n in sorted(deps.get(i, ())):
            if n in deps:
                visit(n)
        order.append(i)

    for i in deps:
        visit(i)
    return order
