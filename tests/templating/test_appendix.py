"""Appendices (phụ lục) on landscape pages after the signature block, read from the .docx (and
from the PDF when LibreOffice is present): a template built from the YAML gets its appendix
section from the engine; a template made in Word with its own landscape section keeps it as
it is, and lint accepts it."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from lxml import etree

from reportgen.app.renderer import Renderer
from reportgen.authoring.lint import lint_template
from reportgen.config.loader import load_config
from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, load_dataset
from tests.helpers import SOFFICE, libreoffice_convert, sample_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def _sections(data: bytes) -> list[etree._Element]:
    """Every w:sectPr of the main part, in document order (the body's own one last)."""
    return list(_document(data).iter(f"{W}sectPr"))


def _size(sectpr: etree._Element) -> tuple[int, int, str | None]:
    size = sectpr.find(f"{W}pgSz")
    assert size is not None
    return int(size.get(f"{W}w") or 0), int(size.get(f"{W}h") or 0), size.get(f"{W}orient")


def _margins_mm(sectpr: etree._Element) -> dict[str, int]:
    margins = sectpr.find(f"{W}pgMar")
    assert margins is not None
    return {
        side: round(int(margins.get(f"{W}{side}") or 0) * 25.4 / 1440)
        for side in ("top", "right", "bottom", "left")
    }


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportConfig, Dataset, Renderer]:
    root = tmp_path_factory.mktemp("phu-luc")
    config = load_config(sample_project(root))
    dataset = load_dataset(config)
    return config, dataset, Renderer(config, dataset)


# -- YAML-built: the demo's city report carries its Biểu in a landscape appendix -------------


def test_the_demo_declares_an_appendix_for_the_city_report(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    config, _, _ = demo
    assert config.appendices, "the demo report has a phụ lục"
    assert all(a.tables for a in config.appendices)


def test_city_report_main_part_is_portrait_and_its_appendix_landscape(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    _, dataset, renderer = demo
    data = renderer.render(dataset.total, draft=False)
    sections = _sections(data)
    assert len(sections) == 2
    main, appendix = sections
    # the main part's section closes its last paragraph; the appendix's is the body's own
    assert main.getparent().tag == f"{W}pPr"
    assert appendix.getparent().tag == f"{W}body"
    width, height, orient = _size(main)
    assert (width, height, orient) == (11906, 16838, None)
    assert _margins_mm(main) == {"top": 20, "right": 20, "bottom": 20, "left": 30}
    assert main.find(f"{W}titlePg") is not None  # no page number on page 1
    width, height, orient = _size(appendix)
    assert orient == "landscape" and width > height
    assert (width, height) == (16838, 11906)
    # NĐ 30 margins turned with the sheet: the binding edge is the top of a landscape page
    assert _margins_mm(appendix) == {"top": 30, "right": 20, "bottom": 20, "left": 20}
    # every appendix page carries its number, and the numbers continue
    assert appendix.find(f"{W}titlePg") is None
    numbers = appendix.find(f"{W}pgNumType")
    assert numbers is None or numbers.get(f"{W}start") is None
    # the same page-number header as the main part
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

    def refs(s: etree._Element) -> dict[str | None, str | None]:
        return {r.get(f"{W}type"): r.get(rid) for r in s.findall(f"{W}headerReference")}

    assert refs(appendix)["default"] == refs(main)["default"]


def test_appendix_heading_names_the_report_number_date_and_issuer(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    config, dataset, renderer = demo
    root = _document(renderer.render(dataset.total, draft=False))
    body = root.find(f"{W}body")
    assert body is not None
    children = list(body)
    split = next(i for i, el in enumerate(children) if el.find(f"{W}pPr/{W}sectPr") is not None)
    after = [_text(el) for el in children[split + 1 :] if el.tag == f"{W}p"]
    before = " ".join(_text(el) for el in children[:split])
    assert after[0] == "Phụ lục"
    assert after[1] == config.appendices[0].title.upper()
    assert after[2] == (
        "(Kèm theo Báo cáo số 125/BC-UBND ngày 16 tháng 12 năm 2024 "
        "của Ủy ban nhân dân thành phố Hòa An)"
    )
    # the Biểu are in the appendix, set on the landscape text width, and no longer in the body
    assert "Biểu 1." not in before and "Nơi nhận" in before
    tables = [el for el in children[split + 1 :] if el.tag == f"{W}tbl"]
    assert len(tables) == sum(len(a.tables) for a in config.appendices)
    for tbl in tables:
        grid = [int(c.get(f"{W}w") or 0) for c in tbl.iter(f"{W}gridCol")]
        assert sum(grid) == 16838 - 1134 - 1134  # 297 − 20 − 20 mm
    # the main body points the reader to it (NĐ 30: a document names its appendix)
    assert "Phụ lục" in before


def test_a_ward_report_without_an_appendix_keeps_one_portrait_section(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    _, dataset, renderer = demo
    data = renderer.render(dataset.units[0], draft=False)
    sections = _sections(data)
    assert len(sections) == 1
    assert _size(sections[0]) == (11906, 16838, None)
    assert "Kèm theo" not in _text(_document(data))


def test_appendix_shown_to_every_unit_names_the_ward_as_issuer(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    config, dataset, _ = demo
    everyone = tuple(dataclasses.replace(a, show="all") for a in config.appendices)
    renderer = Renderer(dataclasses.replace(config, appendices=everyone), dataset)
    ward = dataset.units[0]
    data = renderer.render(ward, draft=False)
    assert [_size(s)[2] for s in _sections(data)] == [None, "landscape"]
    text = _text(_document(data))
    assert f"của Ủy ban nhân dân {ward.name[:1].lower()}{ward.name[1:]})" in text
    # a ward report has no number yet: the văn thư writes it in
    assert "(Kèm theo Báo cáo số      /BC-UBND ngày 16 tháng 12 năm 2024" in text


def test_several_appendices_are_numbered_and_each_starts_a_page(
    demo: tuple[ReportConfig, Dataset, Renderer],
) -> None:
    config, dataset, _ = demo
    first = config.appendices[0]
    second = dataclasses.replace(first, title="Kinh phí theo đơn vị", label=None)
    renderer = Renderer(
        dataclasses.replace(config, appendices=(dataclasses.replace(first, label=None), second)),
        dataset,
    )
    root = _document(renderer.render(dataset.total, draft=False))
    labels = [p for p in root.iter(f"{W}p") if _text(p) in ("Phụ lục I", "Phụ lục II")]
    assert [_text(p) for p in labels] == ["Phụ lục I", "Phụ lục II"]
    breaks = [p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in labels]
    assert breaks == [False, True]  # the first starts the landscape section


# -- Word-built: the author's own landscape section goes through unchanged -------------------


def _word_built(path: Path) -> Path:
    """A template made in Word: a portrait report, then Layout → Breaks → Next Page,
    Orientation → Landscape, and the appendix with a table of every unit."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hAnsi", "Times New Roman"
    )
    first = doc.sections[0]
    first.page_width, first.page_height = Mm(210), Mm(297)
    first.top_margin = first.bottom_margin = Mm(20)
    first.left_margin, first.right_margin = Mm(30), Mm(20)
    first.different_first_page_header_footer = True
    number = first.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/>'
            "</w:rPr><w:t>2</w:t></w:r></w:fldSimple>"
        )
    )
    for text in (
        "BÁO CÁO",
        "{{ bao_cao.trich_yeu }}",
        "Cuối năm, toàn {{ don_vi.ten_day_du }} có {{ ho_ngheo_cuoi_ky | so }} hộ nghèo "
        "(chi tiết tại Phụ lục kèm theo).",
        "{{ nguoi_ky.ho_ten }}",
    ):
        doc.add_paragraph(text)
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Mm(297), Mm(210)
    landscape.top_margin, landscape.bottom_margin = Mm(30), Mm(20)
    landscape.left_margin, landscape.right_margin = Mm(20), Mm(20)
    for text in ("Phụ lục", "HỘ NGHÈO THEO ĐƠN VỊ", "{{ bao_cao.kem_theo }}"):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("TT", "Đơn vị", "Hộ nghèo"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for dv in cac_don_vi %}"
    for cell, text in zip(
        table.rows[2].cells,
        ("{{ loop.index }}", "{{ dv.ten }}", "{{ dv.ho_ngheo_cuoi_ky | bang }}"),
        strict=True,
    ):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    doc.add_paragraph("")
    doc.save(str(path))
    return path


def test_word_built_landscape_appendix_is_rendered_unchanged(
    demo: tuple[ReportConfig, Dataset, Renderer], tmp_path: Path
) -> None:
    config, dataset, _ = demo
    template = _word_built(tmp_path / "mau-phu-luc.docx")
    before = [etree.tostring(s) for s in _sections(template.read_bytes())]
    assert len(before) == 2
    word = dataclasses.replace(config, template=template, appendices=())
    data = Renderer(word, dataset).render(dataset.total, draft=False)
    after = _sections(data)
    assert [etree.tostring(s) for s in after] == before  # page setup copied as it is
    assert _size(after[0])[2] is None and _size(after[1])[2] == "landscape"
    body = _document(data).find(f"{W}body")
    assert body is not None
    children = list(body)
    split = next(i for i, el in enumerate(children) if el.find(f"{W}pPr/{W}sectPr") is not None)
    assert "Phụ lục" not in _text(children[split])
    landscape_text = [_text(el) for el in children[split + 1 :]]
    assert landscape_text[:3] == [
        "Phụ lục",
        "HỘ NGHÈO THEO ĐƠN VỊ",
        "(Kèm theo Báo cáo số 125/BC-UBND ngày 16 tháng 12 năm 2024 "
        "của Ủy ban nhân dân thành phố Hòa An)",
    ]
    rows = list(children[split + 4].iter(f"{W}tr"))
    assert len(rows) == 1 + len(dataset.units)
    assert _text(rows[1]).startswith("1" + dataset.units[0].name)


def test_lint_accepts_a_landscape_appendix_section_after_the_report(
    demo: tuple[ReportConfig, Dataset, Renderer], tmp_path: Path
) -> None:
    config, _, _ = demo
    template = _word_built(tmp_path / "mau-phu-luc.docx")
    report = lint_template(template, dataclasses.replace(config, template=template))
    assert [f for f in report.findings if f.code == "page-setup"] == []
    assert not report.errors


def test_lint_still_warns_when_the_report_itself_is_landscape(tmp_path: Path) -> None:
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    doc.add_paragraph("{{ bao_cao.trich_yeu }}")
    doc.save(str(tmp_path / "ngang.docx"))
    report = lint_template(tmp_path / "ngang.docx")
    assert any(f.code == "page-setup" and "trang in ngang" in f.message for f in report.findings)


def test_lint_names_wrong_margins_of_a_landscape_appendix(
    demo: tuple[ReportConfig, Dataset, Renderer], tmp_path: Path
) -> None:
    template = _word_built(tmp_path / "mau-phu-luc.docx")
    doc = docx.Document(str(template))
    doc.sections[1].top_margin = Mm(10)
    doc.save(str(template))
    report = lint_template(template)
    found = [f for f in report.findings if f.code == "page-setup"]
    assert len(found) == 1
    assert "phần (section) 2" in found[0].where and "lề trên 10 mm" in found[0].message


# -- the PDF: landscape pages for the appendix, page numbers continuing ----------------------


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_has_landscape_appendix_pages_numbered_on(
    demo: tuple[ReportConfig, Dataset, Renderer], tmp_path: Path
) -> None:
    import pypdf

    _, dataset, renderer = demo
    source = tmp_path / "thanh-pho.docx"
    source.write_bytes(renderer.render(dataset.total, draft=False))
    pdf = pypdf.PdfReader(str(libreoffice_convert(source, "pdf", tmp_path)))
    shapes = [
        "landscape" if page.mediabox.width > page.mediabox.height else "portrait"
        for page in pdf.pages
    ]
    first = shapes.index("landscape")
    assert first >= 1 and set(shapes[:first]) == {"portrait"}
    assert set(shapes[first:]) == {"landscape"}
    for page in pdf.pages:  # A4 either way
        sides = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert sides == [595, 842]
    texts = [page.extract_text() for page in pdf.pages]
    assert "Nơi nhận" in texts[first - 1]  # the signature closes the portrait part
    assert "Kèm theo Báo cáo" in texts[first]
    for n in range(2, len(texts) + 1):  # page numbers from 2 on, continuing into the appendix
        assert re.match(rf"\s*{n}\b", texts[n - 1]), (n, texts[n - 1][:40])
    assert not re.match(r"\s*1\b", texts[0])


@pytest.mark.parametrize(
    ("around", "warned"),
    [
        (("{%p if don_vi.la_toan_thanh_pho %}", "{%p endif %}"), True),
        (("", ""), False),
    ],
    ids=["break-inside-an-if-block", "break-outside-any-block"],
)
def test_lint_warns_of_a_section_break_inside_a_block(
    tmp_path: Path, around: tuple[str, str], warned: bool
) -> None:
    template = _word_built(tmp_path / "mau-phu-luc.docx")
    doc = docx.Document(str(template))
    body = doc.element.body
    holder = next(p for p in body.iterchildren(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None)
    if around[0]:  # the report's last paragraph and its section break inside an if block
        opening = doc.add_paragraph(around[0])._p
        closing = doc.add_paragraph(around[1])._p
        holder.addprevious(opening)
        holder.addnext(closing)
    doc.save(str(template))
    found = [f for f in lint_template(template).findings if f.code == "section-break-in-block"]
    assert bool(found) is warned
    if warned:
        assert "{%p endif %}" in found[0].hint and found[0].paragraph


def test_appendix_mistakes_in_the_yaml_name_their_line_and_key(tmp_path: Path) -> None:
    from reportgen.diagnostics.errors import ReportgenError

    config = sample_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - title: Số liệu giảm nghèo", "  - titel: Số liệu giảm nghèo", 1)
    text = text.replace(
        "[kinh_phi_tong, nguon_ngan_sach_trung_uong,", "[kinh_phi_tong, nguon_x,", 1
    )
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as info:
        load_config(config)
    said = info.value.format()
    assert "appendices[0].titel" in said and 'có phải ý bạn là "title"' in said
    assert "appendices[0].tables[2].columns[1]" in said and 'không có chỉ tiêu "nguon_x"' in said
