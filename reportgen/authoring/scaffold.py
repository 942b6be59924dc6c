"""``reportgen new NAME``: a new report ready to edit — a commented YAML definition, a starter
Word template built from the base template with a tag for each indicator, and a small sample data
file — so that ``reportgen lint`` and ``reportgen render`` work on it at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.diagnostics.errors import OutputError

_INDICATORS = [
    # id, label, unit, column or formula, sample values for two units
    ("tong_so_ho", "Tổng số hộ", "hộ", "column", ("2.450", "1.873")),
    ("ho_ngheo", "Số hộ nghèo", "hộ", "column", ("37", "52")),
    ("ty_le_ho_ngheo", "Tỷ lệ hộ nghèo", "%", "column", ("1,51", "2,78")),
    ("ho_can_ngheo", "Số hộ cận nghèo", "hộ", "column", ("61", "88")),
    ("kinh_phi", "Kinh phí hỗ trợ", "triệu đồng", "column", ("215,5", "180,0")),
]

YAML = """\
# Định nghĩa báo cáo "{name}" — tạo bởi `reportgen new`. Sửa các dòng dưới đây cho báo cáo của bạn.
# Tài liệu từng khóa: docs/config-reference.md. Kiểm tra: reportgen check configs/{name}.yaml
# Mẫu Word: templates/{name}.docx (mở bằng Word, sửa chữ; giữ nguyên các thẻ {{{{ … }}}}).
# Kiểm tra mẫu: reportgen lint templates/{name}.docx --config configs/{name}.yaml

report:
  id: {name}
  type: BC                      # BC báo cáo, KH kế hoạch, TTr tờ trình…
  title: Kết quả thực hiện công tác giảm nghèo năm 2025
  template: ../templates/{name}.docx
  number: 1                     # bỏ dòng này để văn thư điền số khi ban hành
  date: 2025-12-15
  place: Hòa An

issuer:
  parent: UBND TỈNH ĐÔNG SƠN
  name: ỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÒA AN
  code: UBND
  storage_code: LĐTBXH

unit_issuer:                    # báo cáo của từng phường, xã
  parent: UBND THÀNH PHỐ HÒA AN
  name: "ỦY BAN NHÂN DÂN\\n{{{{ don_vi.ten }}}}"

unit_signer:                    # người ký báo cáo phường, xã: lấy từ cột chu_tich của tệp số liệu
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
  name: "{{{{ don_vi.cot.chu_tich }}}}"

unit_recipients:
  - UBND thành phố (b/c);
  - Phòng Lao động - Thương binh và Xã hội thành phố;

signer:
  authority: KT. CHỦ TỊCH
  title: PHÓ CHỦ TỊCH
  name: Nguyễn Văn An

recipients:
  - Sở Lao động - Thương binh và Xã hội tỉnh (b/c);
  - Thường trực HĐND thành phố (b/c);

legal_bases:
  - type: Quyết định
    code: 90/QĐ-TTg
    date: 2022-01-18
    issuer: Thủ tướng Chính phủ
    subject: phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025

data:
  file: ../inputs/{name}.csv
  unit_column: don_vi
  total_name: thành phố Hòa An
  locale: vi                    # số viết 1.013,5
  period: năm 2025

indicators:
  tong_so_ho: {{label: Tổng số hộ, unit: hộ, column: tong_so_ho}}
  ho_ngheo: {{label: Số hộ nghèo, unit: hộ, column: ho_ngheo}}
  ty_le_ho_ngheo:
    label: Tỷ lệ hộ nghèo
    unit: "%"
    column: ty_le_ho_ngheo
    total_formula: ho_ngheo / tong_so_ho * 100   # tỷ lệ toàn thành phố được tính lại, không cộng
  ho_can_ngheo: {{label: Số hộ cận nghèo, unit: hộ, column: ho_can_ngheo}}
  kinh_phi: {{label: Kinh phí hỗ trợ, unit: triệu đồng, decimals: 1, column: kinh_phi}}

checks:
  - check: percentage           # tỷ lệ ghi = hộ nghèo / tổng số hộ × 100
    value: ty_le_ho_ngheo
    part: ho_ngheo
    total: tong_so_ho
  - check: not_greater          # hộ nghèo, cận nghèo không quá tổng số hộ
    part: [ho_ngheo, ho_can_ngheo]
    total: tong_so_ho
"""

_UNITS = (("Phường Trần Phú", "Nguyễn Văn Hùng"), ("Xã Song Mai", "Ngô Thị Thu"))
CSV = (
    "don_vi;chu_tich;"
    + ";".join(i[0] for i in _INDICATORS)
    + "\n"
    + "\n".join(
        ";".join([unit, chair, *(ind[4][k] for ind in _INDICATORS)])
        for k, (unit, chair) in enumerate(_UNITS)
    )
    + "\n"
)

BODY: list[tuple[str, str]] = [
    ("body", "{{ mo_dau }}"),
    ("level1", "I. KẾT QUẢ THỰC HIỆN"),
    ("body", "Tổng số hộ trên địa bàn {{ don_vi.ten_day_du }}: {{ tong_so_ho | so }} hộ."),
    (
        "body",
        "Số hộ nghèo: {{ ho_ngheo | so }} hộ, chiếm {{ ty_le_ho_ngheo | phan_tram }} tổng số hộ.",
    ),
    ("body", "Số hộ cận nghèo: {{ ho_can_ngheo | so }} hộ."),
    ("body", "Kinh phí hỗ trợ: {{ kinh_phi | tien }} ({{ kinh_phi | chu_tien }})."),
    ("level1", "II. NHIỆM VỤ THỜI GIAN TỚI"),
    ("body", "(Viết nội dung ở đây.)"),
    ("body", "{{ ket_luan }}"),
]


@dataclass
class Scaffold:
    """The files ``reportgen new`` wrote."""

    config: Path
    template: Path
    data: Path


def create(name: str, root: str | Path = ".") -> Scaffold:
    """Create configs/NAME.yaml, templates/NAME.docx and inputs/NAME.csv under ``root``.

    Refuses (OutputError) a name that is not a lowercase ASCII slug, and never overwrites a file.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise OutputError(
            f'tên báo cáo "{name}" không hợp lệ',
            hint="dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ giam-ngheo-2025",
        )
    base = Path(root)
    files = Scaffold(
        base / "configs" / f"{name}.yaml",
        base / "templates" / f"{name}.docx",
        base / "inputs" / f"{name}.csv",
    )
    existing = [p for p in (files.config, files.template, files.data) if p.exists()]
    if existing:
        raise OutputError(
            f"đã có tệp {existing[0]}", hint="chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa"
        )
    from reportgen.authoring.basetemplate import build_base_template

    for p in (files.config, files.template, files.data):
        p.parent.mkdir(parents=True, exist_ok=True)
    files.config.write_text(YAML.format(name=name), encoding="utf-8")
    files.data.write_text(CSV, encoding="utf-8")
    build_base_template(files.template, body=BODY)
    return files
