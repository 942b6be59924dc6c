"""The report definition schema, each option documented where it is declared.

docs/config-reference.md is generated from this module (``python scripts/gen_config_docs.py``);
a test (tests/config/test_config_docs.py) fails when the page is out of step.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from reportgen.config import wording
from reportgen.config.schema import (
    MISSING,
    Bool,
    Choice,
    Context,
    Date,
    Either,
    Field,
    Int,
    ListOf,
    MapOf,
    Obj,
    Spec,
    Str,
    did_you_mean,
)
from reportgen.config.yamlsource import KeyPath

ID = Str(
    pattern=r"[a-z_][a-z0-9_]*", pattern_doc="mã chỉ tiêu viết thường không dấu (ví dụ ho_ngheo)"
)
IDS = ListOf(ID, single_ok=True, min_items=1)
REPORT_ID = Str(
    pattern=r"[a-z0-9][a-z0-9-]*",
    pattern_doc="mã báo cáo viết thường, không dấu, nối bằng dấu gạch ngang "
    "(ví dụ giam-ngheo-2024)",
)
SEVERITY = Choice(choices=("error", "warning"))

REPORT = Obj(
    name="report",
    doc="Thông tin chung của văn bản.",
    fields={
        "id": Field(
            REPORT_ID,
            "Mã báo cáo; dùng để đặt tên tệp kết quả.",
            required=True,
            example="giam-ngheo-2024",
        ),
        "type": Field(
            Str(pattern=r"[A-ZĐa-z]{2,4}", pattern_doc="mã loại văn bản (BC, KH, TTr…)"),
            "Mã loại văn bản theo Phụ lục III Nghị định 30/2020 (BC, KH, TTr, …).",
            default="BC",
        ),
        "title": Field(
            Str(),
            "Trích yếu nội dung (in đậm, căn giữa dưới tên loại văn bản).",
            required=True,
            example="Kết quả thực hiện công tác giảm nghèo năm 2024",
        ),
        "template": Field(
            Str(),
            "Tệp mẫu Word (.docx), đường dẫn tính từ thư mục của tệp YAML.",
            default="../templates/bao-cao-co-ban.docx",
        ),
        "number": Field(
            Int(minimum=1),
            "Số văn bản. Bỏ trống để văn thư điền khi ban hành (in ra `Số:      /BC-UBND`).",
        ),
        "date": Field(
            Date(),
            "Ngày ban hành (2024-12-16 hoặc 16/12/2024).",
            required=True,
            example="2024-12-16",
        ),
        "place": Field(
            Str(),
            "Địa danh ở dòng ngày tháng (ví dụ Bắc Giang).",
            required=True,
            example="Bắc Giang",
        ),
    },
)

PARTY_FIELDS = {
    "parent": Field(
        Str(), "Tên cơ quan chủ quản (chữ in hoa, không đậm), ví dụ UBND TỈNH BẮC GIANG."
    ),
    "name": Field(
        Str(),
        "Tên cơ quan ban hành (chữ in hoa, đậm); xuống dòng bằng `\\n`.",
        required=True,
        example="ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC GIANG",
    ),
    "code": Field(
        Str(pattern=r"[A-ZĐ0-9&-]+", pattern_doc="chữ viết tắt in hoa, ví dụ UBND"),
        "Chữ viết tắt tên cơ quan trong số, ký hiệu (05/BC-**UBND**).",
        default="UBND",
    ),
    "storage_code": Field(Str(), "Chữ viết tắt đơn vị soạn thảo trong dòng `- Lưu: VT, ….`"),
}
ISSUER = Obj(name="issuer", doc="Cơ quan ban hành báo cáo toàn thành phố.", fields=PARTY_FIELDS)
UNIT_ISSUER = Obj(
    name="unit_issuer",
    doc="Cơ quan ban hành báo cáo của từng phường, xã. Các dòng có thể dùng `{{ don_vi.ten }}` "
    "và các cột chữ của tệp số liệu (`{{ don_vi.cot.nguoi_ky }}`).",
    fields=PARTY_FIELDS,
)

SIGNER_FIELDS = {
    "authority": Field(Str(), "Thẩm quyền ký: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, Q. CHỦ TỊCH…"),
    "title": Field(
        Str(), "Chức vụ người ký (PHÓ CHỦ TỊCH).", required=True, example="PHÓ CHỦ TỊCH"
    ),
    "name": Field(
        Str(),
        "Họ và tên người ký, không kèm học hàm, học vị.",
        required=True,
        example="Nguyễn Văn An",
    ),
}
SIGNER = Obj(name="signer", doc="Người ký báo cáo toàn thành phố.", fields=SIGNER_FIELDS)
UNIT_SIGNER = Obj(
    name="unit_signer",
    doc="Người ký báo cáo của từng phường, xã (có thể dùng `{{ don_vi.cot.<tên cột> }}`).",
    fields=SIGNER_FIELDS,
)

LEGAL_BASIS = Obj(
    name="legal_bases[]",
    doc="Một văn bản làm căn cứ.",
    fields={
        "type": Field(
            Str(),
            "Tên loại văn bản: Nghị định, Quyết định, Kế hoạch, Thông tư…",
            required=True,
            example="Quyết định",
        ),
        "code": Field(
            Str(), "Số, ký hiệu: 90/QĐ-TTg, 07/2021/NĐ-CP.", required=True, example="90/QĐ-TTg"
        ),
        "date": Field(Date(), "Ngày ban hành."),
        "issuer": Field(Str(), "Cơ quan/người ban hành: Thủ tướng Chính phủ, Chính phủ…"),
        "subject": Field(Str(), "Trích yếu của văn bản được dẫn."),
    },
)

PARAGRAPH = Either(
    short=Str(),
    full=Obj(
        name="paragraph",
        doc="Một đoạn văn.",
        fields={
            "text": Field(
                Str(), "Nội dung; dùng `{{ ho_ngheo | so }}` để chèn số liệu.", required=True
            ),
            "when": Field(Str(), "Điều kiện (biểu thức) để in đoạn này, ví dụ `ho_ngheo > 0`."),
            "style": Field(
                Choice(choices=("body", "bullet", "dash", "plus", "note")),
                "Kiểu đoạn: body (mặc định), dash (gạch đầu dòng -), plus (dấu +), "
                "bullet (dấu *), note (in nghiêng).",
            ),
        },
    ),
)

TABLE = Obj(
    name="table",
    doc="Bảng số liệu theo từng đơn vị, có dòng tổng.",
    fields={
        "title": Field(Str(), "Tên bảng, in đậm phía trên bảng."),
        "columns": Field(
            IDS,
            "Các chỉ tiêu làm cột (tiêu đề cột lấy từ label và unit).",
            required=True,
            example="[ho_ngheo, ty_le_ho_ngheo]",
        ),
        "total_row": Field(Bool(), "In dòng tổng (số của toàn thành phố).", default=True),
        "total_label": Field(Str(), "Chữ ở dòng tổng.", default="Tổng cộng"),
        "first_column": Field(Str(), "Tiêu đề cột tên đơn vị.", default="Đơn vị"),
        "unit_label": Field(Str(), "Tiêu đề cột số thứ tự.", default="TT"),
        "show": Field(
            Choice(choices=("all", "city", "unit")),
            "In bảng ở báo cáo nào: all (mọi báo cáo), city (chỉ báo cáo toàn thành phố),"
            " unit (chỉ báo cáo phường, xã — bảng có một dòng của đơn vị đó).",
            default="city",
        ),
    },
)


def _section_spec() -> Obj:
    section = Obj(
        name="sections[]",
        doc="Một mục của báo cáo. Số thứ tự (I., 1., 1.1., a)) được đánh tự động theo cấp.",
        fields={
            "heading": Field(Str(), "Tên mục (mục cấp I được in hoa tự động).", required=True),
            "paragraphs": Field(
                ListOf(PARAGRAPH, single_ok=True), "Các đoạn văn của mục.", default=[]
            ),
            "table": Field(TABLE, "Bảng số liệu theo đơn vị (tùy chọn)."),
            "when": Field(Str(), "Điều kiện để in cả mục."),
        },
    )
    section.fields["sections"] = Field(ListOf(section), "Các mục con.", default=[])
    return section


SECTION = _section_spec()

PREVIOUS = Obj(
    name="data.previous",
    doc="Số liệu kỳ trước, để kiểm tra tính liên tục.",
    fields={
        "file": Field(Str(), "Tệp số liệu kỳ trước.", required=True),
        "sheet": Field(Str(), "Tên trang tính (với tệp .xlsx)."),
        "unit_column": Field(Str(), "Cột tên đơn vị (mặc định như kỳ này)."),
        "locale": Field(Choice(choices=("vi", "en")), "Cách viết số trong tệp."),
        "label": Field(Str(), "Tên kỳ trước, ví dụ năm 2023."),
    },
)


# --- data.workbook: reading clerks' own workbooks (biểu mẫu) -----------------------------------

WORKBOOK = Obj(
    name="data.workbook",
    doc="Cách đọc bảng tính biểu mẫu của văn thư (.xlsx, .xlsm, .xls, .ods): tiêu đề nhiều dòng "
    "có ô gộp, cột STT, dòng đánh số cột, dòng nhóm và dòng cộng, ghi chú và chữ ký dưới bảng. "
    "Chỉ dùng khi tệp số liệu là bảng tính; xem docs/clerk-workbooks.md.",
    fields={
        "sheets": Field(
            ListOf(Str(), single_ok=True),
            "Các trang tính có số liệu; số liệu của một đơn vị ở nhiều trang tính được ghép theo "
            "tên đơn vị. Mặc định: data.sheet, hoặc trang tính đầu tiên.",
            example="[Biểu 01, Biểu 02]",
        ),
        "unit_column": Field(
            Str(),
            "Cột tên đơn vị: tiêu đề, đường dẫn tiêu đề hoặc chữ cái cột. Mặc định: cột có tiêu "
            "đề Tên đơn vị, Đơn vị, Phường, xã… (hoặc data.unit_column).",
        ),
        "header_rows": Field(
            Str(
                pattern=r"[0-9]+(\s*[-–]\s*[0-9]+)?", pattern_doc="dòng hoặc khoảng dòng, ví dụ 4-5"
            ),
            "Các dòng tiêu đề cột, ví dụ 4-5. Mặc định: tự nhận (dòng có cột tên đơn vị và các "
            "dòng tiêu đề con dưới nó).",
        ),
        "first_row": Field(
            Int(minimum=1),
            "Dòng số liệu đầu tiên. Mặc định: ngay dưới tiêu đề và dòng đánh số cột.",
        ),
        "last_row": Field(
            Int(minimum=1),
            "Dòng cuối của bảng. Mặc định: dòng trước phần ghi chú, ngày tháng, chữ ký.",
        ),
        "columns": Field(
            MapOf(Str()),
            "Cột của từng chỉ tiêu (mã chỉ tiêu → cột), và các cột chữ mẫu dùng "
            "(`{{ don_vi.cot.<tên> }}`). Cột ghi bằng đường dẫn tiêu đề (`Hộ nghèo › Đầu năm`, "
            "dấu › hoặc >), tiêu đề (nếu không trùng), số thứ tự cột ở dòng đánh số (`(3)`) hoặc "
            "chữ cái cột (`D`); thêm `Tên trang tính!` phía trước khi có nhiều trang tính. Chỉ "
            "tiêu không khai báo ở đây được tìm theo `column` của nó.",
            example="{ho_ngheo_dau_ky: Hộ nghèo › Đầu năm, chu_tich: Chủ tịch UBND}",
        ),
        "groups": Field(
            ListOf(Str(), single_ok=True),
            "Tên các dòng nhóm, dòng cộng (Khối phường, I. Các phường, Cộng…): không bao giờ "
            "được tính là một đơn vị, và được đối chiếu với tổng các đơn vị trong nhóm (các dòng "
            "ngay dưới dòng nhóm, hoặc ngay trên nếu dòng cộng ở cuối nhóm; dòng Tổng cộng: mọi "
            "đơn vị). Một dòng trông như dòng cộng mà không khai báo là lỗi.",
            example="[Khối phường, Khối xã]",
        ),
    },
)

# --- end data.workbook -------------------------------------------------------------------------

DATA = Obj(
    name="data",
    doc="Tệp số liệu: mỗi dòng là một phường, xã.",
    fields={
        "file": Field(
            Str(),
            "Tệp .csv, .tsv, .txt, .xlsx, .xlsm, .xls hoặc .ods, tính từ thư mục của tệp YAML.",
            required=True,
            example="../inputs/giam-ngheo-2024.csv",
        ),
        "sheet": Field(Str(), "Tên trang tính (với tệp .xlsx); mặc định trang đầu tiên."),
        "unit_column": Field(Str(), "Cột ghi tên đơn vị.", default="don_vi"),
        "kind_column": Field(Str(), "Cột ghi loại đơn vị (phường/xã), nếu có."),
        "total_row": Field(
            Str(),
            "Tên dòng tổng có sẵn trong tệp (ví dụ Toàn thành phố). Nếu bỏ "
            "trống, số toàn thành phố được tính từ các đơn vị.",
        ),
        "total_name": Field(
            Str(),
            "Tên đơn vị tổng dùng trong báo cáo, ví dụ thành phố Bắc Giang.",
            required=True,
            example="thành phố Bắc Giang",
        ),
        "locale": Field(
            Choice(choices=("vi", "en")),
            "Cách viết số trong tệp: vi (1.013,5) hoặc en (1,013.5).",
            default="vi",
        ),
        "separator": Field(
            Choice(choices=(",", ";", "\t", "tab")),
            "Dấu phân cách cột của tệp CSV; mặc định tự nhận biết.",
        ),
        "header_row": Field(
            Int(minimum=1, maximum=50),
            "Dòng tiêu đề cột; mặc định là dòng đầu tiên có cột tên đơn vị.",
        ),
        "period": Field(Str(), "Kỳ báo cáo, ví dụ năm 2024 hoặc 6 tháng đầu năm 2024."),
        "previous": Field(PREVIOUS, "Số liệu kỳ trước (tùy chọn)."),
        # --- findings and reasoning (validate) ---
        "city_only": Field(
            Bool(),
            "Báo cáo chỉ có một dòng số liệu cho toàn thành phố (tỉnh), không có phường, xã: "
            "dòng đó là số toàn thành phố, không cộng từ đơn vị nào.",
            default=False,
        ),
        "workbook": Field(WORKBOOK, WORKBOOK.doc),  # data.workbook (clerks' workbooks)
    },
)


def _validate_indicator(value: dict[str, Any], path: KeyPath, ctx: Context) -> None:
    if value.get("column") and value.get("formula"):
        ctx.error(
            path,
            "một chỉ tiêu chỉ lấy từ cột (column) hoặc từ công thức (formula), không cả hai",
            "xóa một trong hai khóa",
        )
    if not value.get("column") and not value.get("formula"):
        ctx.error(
            path,
            "chỉ tiêu cần có column (cột trong tệp số liệu) hoặc formula (công thức)",
            "thêm `column: <tên cột>` hoặc `formula: <công thức>`",
        )


INDICATOR = Obj(
    name="indicators.<mã>",
    doc="Một chỉ tiêu (số liệu) của báo cáo. Mã chỉ tiêu là tên dùng trong mẫu Word.",
    validate=_validate_indicator,
    fields={
        "label": Field(
            Str(),
            "Tên chỉ tiêu tiếng Việt (tiêu đề cột, thông báo lỗi).",
            required=True,
            example="Số hộ nghèo",
        ),
        "unit": Field(
            Str(allow_empty=True),
            "Đơn vị tính: hộ, khẩu, người, lượt, %, đồng, nghìn đồng, triệu đồng, tỷ đồng…",
            default="",
        ),
        "kind": Field(
            Choice(choices=("count", "money", "percent", "number", "text")),
            "Loại số: count (đếm, số nguyên ≥ 0), money (tiền), percent (tỷ lệ %), "
            "number (số bất kỳ), text (chữ). Mặc định suy ra từ unit.",
        ),
        "column": Field(Str(), "Cột của tệp số liệu chứa giá trị."),
        "formula": Field(
            Str(), "Công thức từ các chỉ tiêu khác, ví dụ `ho_ngheo / tong_so_ho * 100`."
        ),
        "decimals": Field(
            Int(minimum=0, maximum=6),
            "Số chữ số thập phân khi in và khi so sánh (mặc định: 0 với số đếm, 2 với tỷ lệ %).",
        ),
        "total": Field(
            Choice(choices=("sum", "formula", "none")),
            "Cách tính số toàn thành phố: sum (cộng các đơn vị), formula (tính lại "
            "bằng công thức), none (không có). Mặc định: sum với số đếm và tiền lấy "
            "từ cột, formula với chỉ tiêu có công thức.",
        ),
        "total_formula": Field(
            Str(),
            "Công thức cho số toàn thành phố (khi khác formula), ví dụ "
            "tỷ lệ ghi sẵn trong tệp: `ho_ngheo / tong_so_ho * 100`.",
        ),
        "money_unit": Field(
            Str(),
            "Đơn vị khi in số tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng); mặc định bằng unit.",
        ),
        "rounded": Field(
            Bool(),
            "Số ghi đã được làm tròn đến `decimals` chữ số (mặc định: đúng "
            "với tỷ lệ và tiền không tính bằng đồng).",
        ),
        "optional": Field(Bool(), "Cho phép ô trống (mặc định: ô trống là lỗi).", default=False),
        # --- findings and reasoning (validate) ---
        "uncomputable": Field(
            Str(),
            "Cách nói khi công thức không tính được cho một đơn vị (chia cho 0, ví dụ tỷ lệ "
            'khi mẫu số bằng 0), ví dụ "không có". Không khai báo thì đó là lỗi của đơn vị.',
        ),
        "description": Field(Str(), "Ghi chú cho người soạn."),
    },
)


class _CheckKinds(Mapping[str, Obj]):
    """The check kinds' schemas by name. Each kind is declared once — arguments, computation,
    message, documentation — in its own module of ``reportgen.validate.kinds``; that package is
    read on first use (by name: the configuration layer does not import the checks)."""

    def __init__(self) -> None:
        self._names: tuple[str, ...] | None = None
        self._objs: dict[str, Obj] | None = None

    def names(self) -> tuple[str, ...]:
        """The kinds' names in documentation order."""
        if self._names is None:
            self._load()
        assert self._names is not None
        return self._names

    def _load(self) -> dict[str, Obj]:
        if self._objs is None:
            kinds = importlib.import_module("reportgen.validate.kinds").declared()
            self._names = tuple(k.name for k in kinds)
            self._objs = {
                k.name: Obj(
                    name=k.name, doc=k.doc, fields=check_fields(**k.fields), validate=k.validate
                )
                for k in kinds
            }
        return self._objs

    def __getitem__(self, name: str) -> Obj:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


CHECKS = _CheckKinds()
_CHECK_NAMES = CHECKS


def check_fields(**extra: Field) -> dict[str, Field]:
    """Return the options every check has plus ``extra``."""
    common = {
        "check": Field(
            Str(pattern_doc="tên một loại kiểm tra"),
            "Tên loại kiểm tra: " + ", ".join(CHECKS.names()) + ".",
            required=True,
        ),
        "severity": Field(
            SEVERITY, "Mức độ: error (chặn ký ban hành) hoặc warning (nhắc nhở).", default="error"
        ),
        "units": Field(
            ListOf(Str(), single_ok=True),
            "Chỉ kiểm tra các đơn vị này (mặc định: mọi đơn vị và toàn thành phố).",
        ),
        "label": Field(Str(), "Tên ngắn của phép kiểm tra, in trong thông báo."),
    }
    return {**common, **extra}


class CheckItem(Spec):
    """A check: ``check: <name>`` chooses which arguments are allowed."""

    def describe(self) -> str:
        return "một phép kiểm tra có khóa `check`"

    def convert(self, value: Any, path: KeyPath, ctx: Context) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("check"), str):
            ctx.expected(
                path,
                "một nhóm khóa bắt đầu bằng `check: <loại kiểm tra>`",
                value,
                "các loại kiểm tra: " + ", ".join(CHECKS),
            )
            return MISSING
        name = value["check"].strip()
        if name not in CHECKS:
            guess = did_you_mean(name, CHECKS)
            ctx.error(
                (*path, "check"),
                f'không có loại kiểm tra "{name}"',
                f'có phải ý bạn là "{guess}"?'
                if guess
                else "các loại kiểm tra: " + ", ".join(CHECKS),
            )
            return MISSING
        return CHECKS[name].convert(value, path, ctx)


ACKNOWLEDGEMENT = Obj(
    name="acknowledge",
    doc="Một cảnh báo của `reportgen lint` đã được xem và chấp nhận có chủ ý.",
    fields={
        "code": Field(
            Str(),
            "Mã cảnh báo, ví dụ `template.page-setup` (in trong ngoặc vuông ở mỗi cảnh báo).",
            required=True,
        ),
        "reason": Field(Str(), "Lý do chấp nhận, ví dụ `phụ lục khổ ngang`.", required=True),
    },
)
LINT = Obj(
    name="lint",
    doc="Kiểm tra mẫu Word (`reportgen lint`): các cảnh báo đã chấp nhận, mỗi cảnh báo kèm lý "
    "do; chúng được in thành ghi chú và không làm mã thoát thành 1.",
    fields={
        "acknowledge": Field(
            ListOf(ACKNOWLEDGEMENT),
            "Các cảnh báo đã chấp nhận, mỗi mục có code và reason.",
            default=[],
        ),
    },
)

TOP: dict[str, Field] = {
    "report": Field(REPORT, REPORT.doc, required=True),
    "issuer": Field(ISSUER, ISSUER.doc, required=True),
    "unit_issuer": Field(UNIT_ISSUER, UNIT_ISSUER.doc),
    "signer": Field(SIGNER, SIGNER.doc, required=True),
    "unit_signer": Field(UNIT_SIGNER, UNIT_SIGNER.doc),
    "recipients": Field(
        ListOf(Str(), single_ok=True),
        "Nơi nhận, mỗi dòng một nơi (không cần "
        "gạch đầu dòng; dòng `- Lưu: VT, ….` được thêm tự động).",
        default=[],
    ),
    "unit_recipients": Field(ListOf(Str(), single_ok=True), "Nơi nhận của báo cáo phường, xã."),
    "legal_bases": Field(ListOf(LEGAL_BASIS), "Các văn bản làm căn cứ.", default=[]),
    "basis_style": Field(
        Choice(choices=("can_cu", "thuc_hien", "none")),
        "Cách mở đầu: can_cu (mỗi văn bản một dòng `Căn cứ …;` in nghiêng), "
        "thuc_hien (`Thực hiện …, … báo cáo như sau:`), none.",
        default="thuc_hien",
    ),
    "opening": Field(Str(), "Đoạn mở đầu tự viết (thay cho đoạn sinh tự động)."),
    "sections": Field(ListOf(SECTION), "Các mục của báo cáo.", default=[]),
    "closing": Field(Str(), "Câu kết thúc, trước dấu `./.`; mặc định `Trên đây là báo cáo ….`"),
    "data": Field(DATA, DATA.doc, required=True),
    "indicators": Field(MapOf(INDICATOR), "Các chỉ tiêu, theo mã.", required=True),
    "checks": Field(ListOf(CheckItem()), "Các phép kiểm tra số liệu (xem bảng dưới).", default=[]),
    "lint": Field(LINT, LINT.doc),
}

# === Wording, layout and appendices (declared in reportgen.config.wording) ===================
INDICATOR.fields.update(wording.INDICATOR_FIELDS)
PARTY_FIELDS.update(wording.PARTY_FIELDS)
SIGNER_FIELDS.update(wording.SIGNER_FIELDS)
TABLE.fields.update(wording.TABLE_FIELDS)
TABLE.fields["columns"] = Field(
    IDS,
    "Các chỉ tiêu làm cột (tiêu đề cột lấy từ label và unit); bảng chỉ tiêu dùng rows thay cho "
    "columns.",
    example="[ho_ngheo, ty_le_ho_ngheo]",
)
# === end of wording, layout and appendices =================================================

ROOT = Obj(name="(gốc)", doc="Tệp định nghĩa báo cáo.", fields=TOP)


def all_specs() -> list[tuple[str, Spec]]:
    """Every documented object spec, in reference-page order."""
    return [
        ("report", REPORT),
        ("issuer / unit_issuer", ISSUER),
        ("signer / unit_signer", SIGNER),
        ("legal_bases[]", LEGAL_BASIS),
        ("sections[]", SECTION),
        ("sections[].paragraphs[]", PARAGRAPH.full),
        ("sections[].table", TABLE),
        ("data", DATA),
        ("data.previous", PREVIOUS),
        ("data.workbook", WORKBOOK),
        ("indicators.<mã>", INDICATOR),
        ("lint", LINT),
        ("lint.acknowledge[]", ACKNOWLEDGEMENT),
        ("indicators.<mã>.levels[]", wording.LEVEL),
    ]
