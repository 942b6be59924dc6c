"""End-to-end: render the sample report and read the .docx as a reader would see it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from reportgen.app import pipeline
from reportgen.diagnostics.errors import OutputError
from reportgen.vnformat import format_number
from tests.helpers import edit_cell, rename_unit, sample_project, signature_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> pipeline.RenderResult:
    tmp = tmp_path_factory.mktemp("demo")
    config = sample_project(tmp)
    return pipeline.render(config, out_dir=tmp / "out", jobs=1)


@pytest.fixture(scope="module")
def city(rendered: pipeline.RenderResult) -> docx.document.Document:
    return docx.Document(str(rendered.out_dir / "thanh-pho-hoa-an.docx"))


@pytest.fixture(scope="module")
def ward(rendered: pipeline.RenderResult) -> docx.document.Document:
    return docx.Document(str(rendered.out_dir / "phuong-tran-phu.docx"))


def sample_rows() -> list[dict[str, str]]:
    from reportgen.resources import DEMO

    text = (DEMO / "inputs" / "giam-ngheo-2024.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[-1]["don_vi"] == "Tổng cộng"  # the file's whole-city row, checked, not a ward
    return rows[:-1]


def column_total(name: str) -> Decimal:
    from reportgen.vnformat import parse_number

    return sum((parse_number(r[name]) for r in sample_rows()), Decimal(0))


def body_text(d: docx.document.Document) -> str:
    return "\n".join(p.text for p in d.paragraphs)


def test_batch_renders_every_unit_and_the_city(rendered: pipeline.RenderResult) -> None:
    names = sorted(p.name for p in rendered.out_dir.glob("*.docx"))
    assert len(names) == 13
    assert "thanh-pho-hoa-an.docx" in names and "phuong-tran-phu.docx" in names
    assert "xa-dong-son.docx" in names
    assert rendered.count("rendered") == 13 and rendered.count("skipped") == 0


def test_header_block_has_agency_number_motto_and_date(city: docx.document.Document) -> None:
    head = city.tables[0]
    left, right = head.cell(0, 0).text, head.cell(0, 1).text
    assert left.split("\n")[:3] == ["UBND TỈNH ĐÔNG SƠN", "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÒA AN"]
    assert right.split("\n")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert head.cell(1, 0).text == "Số: 125/BC-UBND"
    date_par = head.cell(1, 1).paragraphs[0]
    assert date_par.text == "Hòa An, ngày 16 tháng 12 năm 2024"
    assert all(r.italic for r in date_par.runs if r.text.strip())
    agency = next(p for p in head.cell(0, 0).paragraphs if p.text == "THÀNH PHỐ HÒA AN")
    assert all(r.bold for r in agency.runs)


def test_ward_report_is_issued_by_the_ward_with_a_blank_number(
    ward: docx.document.Document,
) -> None:
    head = ward.tables[0]
    assert head.cell(0, 0).text.split("\n")[:3] == [
        "UBND THÀNH PHỐ HÒA AN",
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG TRẦN PHÚ",
    ]
    assert head.cell(1, 0).text.replace(" ", "") == "Số:/BC-UBND"
    sign = signature_table(ward).cell(0, 1).text
    assert "TM. ỦY BAN NHÂN DÂN" in sign and sign.rstrip().endswith("Nguyễn Văn Hùng")


def test_title_is_bold_centred_document_type_and_subject(city: docx.document.Document) -> None:
    paras = [p for p in city.paragraphs if p.text.strip()]
    kind, subject = paras[0], paras[1]
    assert kind.text == "BÁO CÁO"
    assert subject.text == "Kết quả thực hiện công tác giảm nghèo năm 2024 và nhiệm vụ năm 2025"
    for p in (kind, subject):
        assert p.alignment == 1  # centre
        assert all(r.bold for r in p.runs)


def test_opening_cites_the_legal_bases_in_full(city: docx.document.Document) -> None:
    text = body_text(city)
    assert (
        "Thực hiện Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"
    ) in text
    assert "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ" in text


def test_sections_are_numbered_and_figures_formatted_the_vietnamese_way(
    city: docx.document.Document,
) -> None:
    text = body_text(city)
    households = column_total("tong_so_ho")
    poor = column_total("ho_ngheo_cuoi_ky")
    rate = (poor / households * 100).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert f"toàn thành phố Hòa An có {format_number(households)} hộ" in text
    assert f"trong đó {format_number(poor)} hộ nghèo" in text
    assert f"chiếm {format_number(rate, 2)}% tổng số hộ" in text
    for heading in (
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ TUYÊN TRUYỀN",
        "1. Kết quả rà soát cuối năm",
        "III. KẾT QUẢ THỰC HIỆN CÁC CHÍNH SÁCH, DỰ ÁN GIẢM NGHÈO",
        "3.1. Nguyên nhân khách quan",
        "V. MỤC TIÊU, NHIỆM VỤ NĂM 2025",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in text.split("\n")
    money = column_total("kinh_phi_tong")
    assert f"là {format_number(money, 1)} triệu đồng (" in text
    # the amount in words is in italics and has no "chẵn" (the figure is rounded)
    para = next(p for p in city.paragraphs if "triệu đồng (" in p.text)
    words = next(r for r in para.runs if r.text.startswith("Năm tỷ"))
    assert words.italic and "chẵn" not in words.text


def unit_table(document: docx.document.Document) -> Any:
    """The first table by unit (Biểu 1, in the city report's appendix)."""
    return next(t for t in document.tables if t.cell(0, 0).text.startswith("TT"))


def test_body_ends_with_the_closing_mark(city: docx.document.Document) -> None:
    # the main part ends at its section break (the appendix follows on landscape pages)
    main = city.sections[0].iter_inner_content()
    paras = [p.text for p in main if isinstance(p, DocxParagraph) and p.text.strip()]
    assert paras[-1].startswith("Trên đây là báo cáo") and paras[-1].endswith("./.")


def test_unit_table_has_every_unit_and_a_total_row_that_adds_up(
    city: docx.document.Document,
) -> None:
    table = unit_table(city)
    rows = [[c.text for c in r.cells] for r in table.rows]
    # the unit is on its own line; each header cell ends with its column number
    assert rows[0][:4] == ["TT\n(1)", "Đơn vị\n(2)", "Tổng số hộ\n(3)", "Hộ nghèo đầu năm\n(4)"]
    units = [r["don_vi"] for r in sample_rows()]
    assert [r[1] for r in rows[1:-1]] == units
    assert [r[0] for r in rows[1:-1]] == [str(i) for i in range(1, len(units) + 1)]
    assert rows[-1][1] == "Toàn thành phố"
    assert rows[-1][2] == format_number(column_total("tong_so_ho"))
    assert rows[-1][3] == format_number(column_total("ho_ngheo_dau_ky"))
    assert "Đơn vị tính: hộ" in body_text(city).split("\n")


def test_ward_report_has_its_own_table_of_key_figures(ward: docx.document.Document) -> None:
    assert len(ward.tables) == 3  # header block, key figures, signature block
    rows = [[c.text for c in r.cells] for r in ward.tables[1].rows]
    assert rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Phường Trần Phú", "Toàn thành phố"]
    assert ["1", "Tổng số hộ", "hộ", "4.558", format_number(column_total("tong_so_ho"))] in rows


def test_signature_block_and_recipients_side_by_side(city: docx.document.Document) -> None:
    table = signature_table(city)
    left, right = table.cell(0, 0), table.cell(0, 1)
    assert left.paragraphs[0].text == "Nơi nhận:"
    r0 = left.paragraphs[0].runs[0]
    assert r0.bold and r0.italic and r0.font.size == Pt(12)
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines[0] == "- Sở LĐ-TB&XH tỉnh (b/c);"
    assert lines[-1] == "- Lưu: VT, LĐTBXH."
    assert all(p.runs[0].font.size == Pt(11) for p in left.paragraphs[1:] if p.runs)
    sign = [p.text for p in right.paragraphs if p.text]
    assert sign == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thanh Bình"]


def test_page_setup_follows_nd30(city: docx.document.Document) -> None:
    s = city.sections[0]

    def mm(v: int | None) -> float:
        assert v is not None
        return round(v / 36000, 1)

    assert (mm(s.page_width), mm(s.page_height)) == (210.0, 297.0)
    assert 20 <= mm(s.top_margin) <= 25 and 20 <= mm(s.bottom_margin) <= 25
    assert 30 <= mm(s.left_margin) <= 35 and 15 <= mm(s.right_margin) <= 20
    assert s.different_first_page_header_footer
    header_xml = s.header._element.xml
    assert "PAGE" in header_xml  # page number in the header from page 2
    first = "".join(p.text for p in s.first_page_header.paragraphs)
    assert "PAGE" not in s.first_page_header._element.xml and "DỰ THẢO" not in first


def test_every_style_and_run_is_times_new_roman_13_to_14_in_the_body(
    city: docx.document.Document,
) -> None:
    styles = city.styles
    for name in ("Normal", "RG Nội dung", "RG Mục (I.)", "RG Khoản (1.)"):
        st = styles[name]
        assert st.font.name == "Times New Roman"
    body = styles["RG Nội dung"]
    assert body.font.size in (Pt(13), Pt(14))
    assert body.paragraph_format.alignment == 3  # justify
    assert body.paragraph_format.first_line_indent in (Mm(10), Mm(12.7))
    assert body.paragraph_format.space_before >= Pt(6)
    for p in city.paragraphs:
        for r in p.runs:
            assert r.font.name in (None, "Times New Roman")


def test_findings_file_and_manifest_are_written(rendered: pipeline.RenderResult) -> None:
    assert json.loads(rendered.findings_file.read_text(encoding="utf-8")) == []
    manifest = json.loads(rendered.manifest_file.read_text(encoding="utf-8"))
    assert manifest["engine"].startswith("reportgen ")
    assert {Path(i["file"]).name for i in manifest["inputs"]} >= {
        "giam-ngheo-2024.yaml",
        "giam-ngheo-2024.csv",
        "bao-cao-co-ban.docx",
    }
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    outs = {Path(o["file"]).name: o for o in manifest["outputs"]}
    data = (rendered.out_dir / "phuong-tran-phu.docx").read_bytes()
    import hashlib

    assert outs["phuong-tran-phu.docx"]["sha256"] == hashlib.sha256(data).hexdigest()
    # which report is the whole city's is recorded, not guessed later from its name
    assert [o["unit"] for o in manifest["outputs"] if o["is_total"]] == ["thành phố Hòa An"]
    assert outs["phuong-tran-phu.docx"]["is_total"] is False


def test_same_inputs_give_byte_identical_documents(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    a = pipeline.render(config, out_dir=tmp_path / "a", jobs=1, units=["Phường Trần Phú"])
    b = pipeline.render(config, out_dir=tmp_path / "b", jobs=1, units=["Phường Trần Phú"])
    assert (a.out_dir / "phuong-tran-phu.docx").read_bytes() == (
        b.out_dir / "phuong-tran-phu.docx"
    ).read_bytes()


def test_existing_reports_are_not_overwritten_without_the_flag(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    first = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"])
    path = first.out_dir / "xa-song-mai.docx"
    path.write_bytes(b"signed copy")
    with pytest.raises(OutputError) as err:
        pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"])
    assert "--overwrite" in err.value.format()
    assert path.read_bytes() == b"signed copy"
    pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"], overwrite=True)
    assert zipfile.is_zipfile(path)


def test_unit_with_failing_figures_is_skipped_or_rendered_as_draft(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Tân Mỹ", "kinh_phi_tong", "1,0")
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    skipped = [o for o in result.outputs if o.status == "skipped"]
    # the city's total adds the wrong cell too, so the city report is held back as well
    assert [o.unit for o in skipped] == ["Xã Tân Mỹ", "thành phố Hòa An"]
    assert not (result.out_dir / "xa-tan-my.docx").exists()
    assert result.count("rendered") == 11
    assert any(f.unit == "Xã Tân Mỹ" and f.check == "sum" for f in result.findings)

    forced = pipeline.render(config, out_dir=tmp_path / "f", jobs=1, force=True)
    assert forced.count("draft") == 2
    draft = docx.Document(str(forced.out_dir / "xa-tan-my.docx"))
    header = "\n".join(p.text for p in draft.sections[0].first_page_header.paragraphs)
    assert "DỰ THẢO" in header
    clean = docx.Document(str(forced.out_dir / "xa-song-mai.docx"))
    assert "DỰ THẢO" not in "".join(p.text for p in clean.sections[0].first_page_header.paragraphs)


@pytest.mark.parametrize(
    "name",
    ["Tổ 1 & 2 <Khu A>", 'Thôn "Đồng" Xanh', "Ấp O'Reilly"],
    ids=["ampersand-and-angle", "double-quotes", "apostrophe"],
)
def test_names_with_xml_characters_do_not_corrupt_the_document(tmp_path: Path, name: str) -> None:
    config = sample_project(tmp_path)
    rename_unit(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Tân Tiến", name)
    rename_unit(tmp_path / "inputs" / "giam-ngheo-2023.csv", "Xã Tân Tiến", name)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    assert result.count("rendered") == 13
    city = docx.Document(str(result.out_dir / "thanh-pho-hoa-an.docx"))
    assert name in [c.text for c in unit_table(city).columns[1].cells]
    unit_file = next(o.file for o in result.outputs if o.unit == name)
    assert unit_file is not None
    unit_doc = docx.Document(unit_file)
    assert name.upper() in unit_doc.tables[0].cell(0, 0).text


def test_parallel_batch_gives_the_same_documents_as_one_process(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    one = pipeline.render(config, out_dir=tmp_path / "one", jobs=1)
    two = pipeline.render(config, out_dir=tmp_path / "two", jobs=2, min_per_job=1)
    for p in one.out_dir.glob("*.docx"):
        assert p.read_bytes() == (two.out_dir / p.name).read_bytes(), p.name


def test_one_unit_failing_to_render_does_not_stop_the_batch(tmp_path: Path) -> None:
    # the ward's signer comes from the data column chu_tich; an empty cell makes that unit's
    # header impossible to fill, which must fail that unit only, with its cause
    config = sample_project(tmp_path)
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Đồng Sơn", "chu_tich", "")
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    failed = [o for o in result.outputs if o.status == "failed"]
    assert [o.unit for o in failed] == ["Xã Đồng Sơn"]
    assert failed[0].reason and "chu_tich" in failed[0].reason
    assert result.count("rendered") == 12
    assert not list(result.out_dir.glob(".*.tmp"))
    manifest = json.loads(result.manifest_file.read_text(encoding="utf-8"))
    assert any(o["status"] == "failed" and o["unit"] == "Xã Đồng Sơn" for o in manifest["outputs"])


def test_a_starter_report_from_reportgen_new_renders_at_once(tmp_path: Path) -> None:
    from reportgen.authoring.scaffold import create

    files = create("bao-cao-moi", tmp_path)
    result = pipeline.render(files.config, out_dir=tmp_path / "o", jobs=1)
    assert result.count("rendered") == 3 and not result.findings
    d = docx.Document(str(result.out_dir / "phuong-tran-phu.docx"))
    text = body_text(d)
    assert "Số hộ nghèo: 37 hộ, chiếm 1,51% tổng số hộ." in text
    assert (
        "Kinh phí hỗ trợ: 215,5 triệu đồng (Hai trăm mười lăm triệu năm trăm nghìn đồng)." in text
    )


def test_body_keeps_its_styles_when_an_editor_renamed_the_style_ids(tmp_path: Path) -> None:
    # LibreOffice renames style ids on save (RGNoiDung → RGNidung) and keeps the names
    config = sample_project(tmp_path)
    template = tmp_path / "templates" / "bao-cao-co-ban.docx"
    src = zipfile.ZipFile(template)
    entries = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "word/styles.xml":
                data = data.replace(b'w:styleId="RGNoiDung"', b'w:styleId="RGNidung"')
                data = data.replace(b'w:styleId="RGMuc"', b'w:styleId="RGMcI"')
            out.writestr(info, data)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"])
    d = docx.Document(str(result.out_dir / "xa-song-mai.docx"))
    styles = {p.text: p.style.name for p in d.paragraphs if p.text.strip()}
    assert styles["I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ TUYÊN TRUYỀN"] == "RG Mục (I.)"
    body = next(t for t in styles if t.startswith("Theo kết quả rà soát"))
    assert styles[body] == "RG Nội dung"


def test_fast_path_gives_the_same_document_as_the_plain_path(tmp_path: Path) -> None:
    # prepared once and rendered many times == read, prepared and rendered for each document
    from reportgen.config.loader import load_config
    from reportgen.data.dataset import load_dataset
    from reportgen.docx import render_plain
    from reportgen.templating.body import build_blocks
    from reportgen.templating.environment import make_env

    config = load_config(sample_project(tmp_path))
    dataset = load_dataset(config)
    renderer = pipeline.Renderer(config, dataset)
    blocks = build_blocks(config, config.template)
    for unit in (dataset.units[0], dataset.units[-1], dataset.total):
        ctx = renderer.contexts.build(unit)
        fast = renderer.template.render(ctx, core_properties=renderer.props)
        plain = render_plain(
            config.template, ctx, env=make_env(), blocks=blocks, core_properties=renderer.props
        )
        assert fast == plain, unit.name


def test_previous_period_figures_are_in_the_context_as_figures(tmp_path: Path) -> None:
    from reportgen.config.loader import load_config
    from reportgen.data.dataset import load_dataset
    from reportgen.templating.context import ContextBuilder

    config = load_config(sample_project(tmp_path))
    dataset = load_dataset(config)
    unit = dataset.units[0]
    ctx = ContextBuilder(config, dataset).build(unit)
    previous = ctx["ky_truoc"]["ho_ngheo_cuoi_ky"]
    assert previous == unit.values["ho_ngheo_dau_ky"]  # the sample's continuity holds
    assert previous.__html__() == format_number(previous)


@pytest.mark.parametrize(
    ("title", "file_name"),
    [
        ("Báo cáo sơ kết 6 tháng đầu năm", "so-ket-6-thang-dau-nam"),
        ("Kế hoạch giảm nghèo năm 2025", "ke-hoach-giam-ngheo-nam-2025"),
        ("giam-ngheo-2025", "giam-ngheo-2025"),
    ],
    ids=["report title", "plan title", "file name"],
)
def test_new_turns_a_title_into_a_file_name(tmp_path: Path, title: str, file_name: str) -> None:
    from reportgen.authoring.scaffold import create

    files = create(title, tmp_path)
    assert files.config == tmp_path / "configs" / f"{file_name}.yaml"
    if title != file_name:
        subject = title.removeprefix("Báo cáo ").removeprefix("Kế hoạch ")
        subject = subject[:1].upper() + subject[1:]
        assert f'  title: "{subject}"\n' in files.config.read_text("utf-8")


@pytest.mark.parametrize("kind", ["giam-ngheo", "so-ket-6-thang", "ke-hoach"])
def test_new_from_a_bundled_kind_renders_at_once(tmp_path: Path, kind: str) -> None:
    from reportgen.authoring.scaffold import create

    files = create("Báo cáo thử", tmp_path, from_kind=kind)
    result = pipeline.render(files.config, out_dir=tmp_path / "out", jobs=1)
    assert len(list(result.out_dir.glob("*.docx"))) == 13


def test_new_into_a_folder_that_cannot_be_written_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.authoring.scaffold import create

    def refuse(self: Path, *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", refuse)
    with pytest.raises(OutputError) as info:
        create("giam-ngheo-2025", tmp_path)
    assert str(tmp_path / "configs") in info.value.message
    assert "không có quyền ghi" in info.value.message
    assert not list(tmp_path.rglob("*.*"))  # nothing half-made
