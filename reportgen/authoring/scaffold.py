"""``reportgen new NAME``: a new report ready to edit — a commented YAML definition, a starter
Word template built from the base template with a tag for each indicator, and a small sample data
file — so that ``reportgen lint`` and ``reportgen render`` work on it at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import OutputError
from reportgen.outputs.names import short_stem

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

_TITLE_LINE = "  title: Kết quả thực hiện công tác giảm nghèo năm 2025"
"""The title line of :data:`YAML`, replaced by a title given to ``new``."""


@dataclass
class Scaffold:
    """The files ``reportgen new`` wrote."""

    config: Path
    template: Path
    data: Path


MAX_NAME = 60
"""The longest file name ``new`` makes from a title (characters, before ``.yaml``)."""

# The document kinds a title may start with (Phụ lục III, Nghị định 30): the word is the
# document's type (``type:``), not part of its trích yếu.
_KINDS = {
    "báo cáo": "BC",
    "kế hoạch": "KH",
    "tờ trình": "TTr",
    "chương trình": "CTr",
    "phương án": "PA",
    "đề án": "ĐA",
    "thông báo": "TB",
    "hướng dẫn": "HD",
}
_KIND_AT_START = re.compile(r"^\s*(" + "|".join(_KINDS) + r")(?=\s|$)[\s:,.-]*", re.IGNORECASE)


def file_name(title: str) -> str:
    """The file name for a report title: ``Báo cáo sơ kết 6 tháng đầu năm`` →
    ``so-ket-6-thang-dau-nam`` (ASCII, lowercase; the word "Báo cáo" is dropped, the kind of
    any other document kept: ``ke-hoach-…``; at most :data:`MAX_NAME` characters, cut
    between words)."""
    from reportgen.data.text import slugify

    slug = slugify(title)
    if slug.startswith("bao-cao-") and len(slug) > len("bao-cao-"):
        slug = slug[len("bao-cao-") :]
    if len(slug) > MAX_NAME:
        cut = slug[: MAX_NAME + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:MAX_NAME]
    return slug.strip("-")


def _title_of(name: str) -> tuple[str | None, str | None]:
    """The trích yếu and the document type (``KH`` for "Kế hoạch …") a title given to ``new``
    stands for; (None, None) for a plain file name."""
    import unicodedata

    name = " ".join(unicodedata.normalize("NFC", name).split())
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        return None, None
    kind = None
    m = _KIND_AT_START.match(name)
    if m is not None:
        kind = _KINDS[m.group(1).lower()]
        name = name[m.end() :]
    text = name.strip()
    first = len(text) - len(text.lstrip("\"'“‘«("))  # "Nhanh", not "nhanh"
    return (text[:first] + text[first : first + 1].upper() + text[first + 1 :] or None), kind


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that reads back as itself (a title may hold ``:`` or
    ``#``)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _from_kind(kind: str, slug: str, title: str | None) -> tuple[str, dict[str, bytes]]:
    """The YAML text of a bundled report kind, renamed for ``slug``, and its data files."""
    from reportgen.resources import DEMO, REPORTS

    if kind not in REPORTS:
        from reportgen.diagnostics.suggest import did_you_mean

        listed = ", ".join(REPORTS)
        guess = did_you_mean(kind, list(REPORTS))
        raise OutputError.of(
            "authoring.new-unknown-kind",
            kind=kind,
            guess=catalog.text("authoring.new-did-you-mean", name=guess) if guess else "",
            listed=listed,
        )
    rel = REPORTS[kind][0]
    text = (DEMO / rel).read_text(encoding="utf-8")
    old_id = Path(rel).stem
    text = re.sub(r"(?m)^(  id: ).*$", rf"\g<1>{slug}", text, count=1)
    text = re.sub(r"(?m)^(  template: ).*$", rf"\g<1>../templates/{slug}.docx", text, count=1)
    if title:
        text = re.sub(
            r"(?m)^(  title: ).*$", lambda m: m.group(1) + _yaml_text(title), text, count=1
        )
    data: dict[str, bytes] = {}
    for m in re.finditer(r"(?m)^(\s+file: )\.\./inputs/([^\s]+)$", text):
        src = m.group(2)
        dst = f"{slug}.csv" if src == f"{old_id}.csv" else f"{slug}-{src}"
        data[dst] = (DEMO / "inputs" / src).read_bytes()
        text = text.replace(m.group(0), f"{m.group(1)}../inputs/{dst}")
    return text, data


def create(name: str, root: str | Path = ".", *, from_kind: str | None = None) -> Scaffold:
    """Create configs/NAME.yaml, templates/NAME.docx and inputs/NAME.csv under ``root``.

    ``name`` is a file name (``giam-ngheo-2025``) or a report title (``Báo cáo sơ kết 6 tháng
    đầu năm`` → ``so-ket-6-thang-dau-nam``, the title becoming the trích yếu). ``from_kind``
    starts from a bundled report kind (``reportgen demo --report``) instead of the small starter.
    Never overwrites a file; a folder that cannot be written is an OutputError naming it.
    """
    title, kind = _title_of(name)
    slug = file_name(name) if title or kind else name
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) or slug == "don-vi":
        raise OutputError.of("authoring.new-bad-name", name=name)
    slug = short_stem(slug)  # a long title still gives names every file system accepts
    base = Path(root)
    files = Scaffold(
        base / "configs" / f"{slug}.yaml",
        base / "templates" / f"{slug}.docx",
        base / "inputs" / f"{slug}.csv",
    )
    if from_kind:
        yaml_text, data = _from_kind(from_kind, slug, title)
    else:
        yaml_text = YAML.format(name=slug)
        if title:
            yaml_text = yaml_text.replace(_TITLE_LINE, f"  title: {_yaml_text(title)}", 1)
        data = {f"{slug}.csv": CSV.encode("utf-8")}
    if kind is not None:
        yaml_text = re.sub(
            r"(?m)^(  type: )(\S+)( *)",
            lambda m: (
                m.group(1)
                + (kind.ljust(len(m.group(2) + m.group(3)) - 1) + " " if m.group(3) else kind)
            ),
            yaml_text,
            count=1,
        )
    data_files = {base / "inputs" / n: b for n, b in data.items()}
    existing = [p for p in (files.config, files.template, *data_files) if p.exists()]
    if existing:
        raise OutputError.of("authoring.new-exists", path=existing[0])
    written: list[Path] = []
    try:
        for p in (files.config, files.template, *data_files):
            p.parent.mkdir(parents=True, exist_ok=True)
        files.config.write_text(yaml_text, encoding="utf-8")
        written.append(files.config)
        for p, content in data_files.items():
            p.write_bytes(content)
            written.append(p)
        if from_kind:
            from reportgen.resources import base_template

            files.template.write_bytes(base_template().read_bytes())
        else:
            from reportgen.authoring.basetemplate import build_base_template

            build_base_template(files.template, body=BODY)
        written.append(files.template)
    except OSError as exc:
        for p in written:  # no half-made report
            p.unlink(missing_ok=True)
        where = Path(exc.filename) if getattr(exc, "filename", None) else base
        if isinstance(exc, FileExistsError | NotADirectoryError):
            raise OutputError.of("authoring.new-folder-is-file", path=where) from exc
        raise OutputError.of(
            "authoring.new-cannot-write",
            folder=where if where.is_dir() else where.parent,
            reason=(
                catalog.text("authoring.new-no-permission")
                if isinstance(exc, PermissionError)
                else str(exc.strerror)
            ),
        ) from exc
    return files
