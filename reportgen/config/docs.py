"""Render the reference page of the report definition (docs/config-reference.md) from the schema
declared on the typed model (:mod:`reportgen.config.model`, assembled in :mod:`reportgen.config.spec`), so that the page and the code cannot disagree.

``python scripts/gen_config_docs.py`` writes the page; ``--check`` fails when it is stale (the
test suite does the same).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from reportgen.config.fieldtypes import CHECKS, check_fields
from reportgen.config.schema import Either, Field, ListOf, MapOf, Obj, Spec
from reportgen.config.spec import ROOT, all_specs

HEADER = """\
# Tham chiếu tệp định nghĩa báo cáo (YAML)

<!-- Tệp này được sinh từ reportgen/config/model.py bằng `python scripts/gen_config_docs.py`.
     Đừng sửa tay: sửa tài liệu ở model.py (mỗi khóa khai báo một lần, trên trường giữ nó) rồi chạy lại lệnh trên. -->

Một báo cáo được định nghĩa bằng một tệp YAML (ví dụ `configs/giam-ngheo-2024.yaml`): thông tin
văn bản, tệp số liệu, các chỉ tiêu và các phép kiểm tra số liệu. Mọi lỗi trong tệp được báo cùng
một lần, mỗi lỗi kèm tệp, dòng, đường dẫn khóa, "cần … nhưng gặp …" và gợi ý "có phải ý bạn
là …?". Đường dẫn tệp tính từ thư mục chứa tệp YAML. Ngày viết `2024-12-16` hoặc `16/12/2024`.

Kiểm tra một tệp: `reportgen check configs/giam-ngheo-2024.yaml` (mã thoát 0: khớp; 1: có lỗi
số liệu; 2: không chạy được — xem [docs/findings.md](findings.md)).

Các cột của bảng: **Khóa**; **Cần** (kiểu giá trị); **Mặc định**; **Bắt buộc**; **Mô tả**.
"""

ROUNDING = """\
## Làm tròn và dung sai

Số ghi trong báo cáo đã được làm tròn nửa lên (2,345 → 2,35) đến `decimals` chữ số của chỉ
tiêu; một số làm tròn đến bước 2h (h = nửa đơn vị của chữ số cuối, ví dụ 0,05 với 802,8 triệu
đồng) lệch số thật không quá h. Vì vậy hai phía của một đẳng thức (các thành phần và tổng; đầu
kỳ này và cuối kỳ trước…) được phép lệch nhau *ít hơn* tổng các h của mọi số tham gia, không
được bằng hoặc vượt. Số đếm (hộ, người) là số chính xác (h = 0): phải khớp tuyệt đối. Tiền
không khai báo `decimals` lấy h theo chính chữ số đã ghi. Tổng toàn thành phố cộng từ N đơn vị
được phép lệch N lần.

Kiểm tra tự động cho mọi chỉ tiêu (không cần khai báo): số đếm là số nguyên không âm; tiền không
âm; tỷ lệ % từ 0 đến 100. Ô không đọc được hoặc ô trống (trừ chỉ tiêu `optional: true`) là lỗi
`data`, không bao giờ được coi là 0.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(fld: Field) -> str:
    value: Any = fld.default
    if fld.required:
        return "—"
    if value is None:
        return "(không có)"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[]`" if not value else f"`{value}`"
    if value == "":
        return '`""` (trống)'
    return f"`{value}`"


def _anchor(title: str) -> str:
    keep = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -_")
    return keep.strip().replace(" ", "-")


def _expected(spec: Spec, links: dict[int, str]) -> str:
    if isinstance(spec, ListOf):
        inner = _expected(spec.item, links)
        single = "; một mục viết thẳng cũng được" if spec.single_ok else ""
        return f"danh sách ({inner}{single})"
    if isinstance(spec, MapOf):
        return f"nhóm khóa theo mã ({_expected(spec.item, links)})"
    if isinstance(spec, Either):
        return f"{spec.short.describe()} hoặc {_expected(spec.full, links)}"
    if isinstance(spec, Obj) and id(spec.fields) in links:
        title = links[id(spec.fields)]
        return f"nhóm khóa, xem [{title}](#{_anchor(title)})"
    return spec.describe()


def _table(obj: Obj, links: dict[int, str], skip: Collection[str] = ()) -> list[str]:
    lines = ["| Khóa | Cần | Mặc định | Bắt buộc | Mô tả |", "|---|---|---|---|---|"]
    for name, fld in obj.fields.items():
        if name in skip:
            continue
        lines.append(
            f"| `{name}` | {_cell(_expected(fld.spec, links))} | {_cell(_default(fld))} | "
            f"{'có' if fld.required else 'không'} | {_cell(fld.doc)}"
            + (f" Ví dụ: `{_cell(fld.example)}`." if fld.example else "")
            + " |"
        )
    return lines


def render_reference() -> str:
    """Return the Markdown of docs/config-reference.md."""
    specs = [(title, spec) for title, spec in all_specs() if isinstance(spec, Obj)]
    # Objects that share their fields (issuer and unit_issuer) share their section.
    links = {id(spec.fields): title for title, spec in specs}
    out = [HEADER, "## Các khóa gốc", "", *_table(ROOT, links), ""]
    for title, spec in specs:
        out += [f"## {title}", "", spec.doc, "", *_table(spec, links), ""]
    common = check_fields()
    out += [
        "## Các phép kiểm tra (`checks`)",
        "",
        "Mỗi mục của `checks` chọn một loại kiểm tra bằng `check: <tên>` ("
        + ", ".join(f"`{n}`" for n in CHECKS)
        + "); các khóa còn lại là đối số của loại "
        "đó. Khóa chung của mọi loại:",
        "",
        *_table(Obj(fields=common), links),
        "",
    ]
    for name, obj in CHECKS.items():
        out += [f"### {name}", "", obj.doc, "", *_table(obj, links, skip=common), ""]
    out += [ROUNDING]
    return "\n".join(out).rstrip() + "\n"
