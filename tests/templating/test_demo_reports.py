"""Every bundled report kind, every report of it, read as the head of a văn phòng reads it: no
zero items, no direction the figures contradict, NĐ 30 measured on the .docx, tables that never
leave their title, header and one row at the foot of a page (on the PDF, with LibreOffice)."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from reportgen.app import pipeline
from reportgen.authoring.lint import lint_template
from reportgen.config.loader import load_config
from reportgen.data.dataset import Dataset, Unit, load_dataset
from reportgen.resources import REPORTS
from reportgen.templating.context import unit_place
from reportgen.templating.measure import text_width_twips
from reportgen.vnformat import parse_number
from tests.helpers import libreoffice_convert, sample_project, signature_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NBSP = "\u00a0"
KINDS = sorted(REPORTS)
#: the poor households at the start and end of each kind's period
MOVEMENT = {
    "giam-ngheo": ("ho_ngheo_dau_ky", "ho_ngheo_cuoi_ky"),
    "so-ket-6-thang": ("ho_ngheo_dau_nam", "ho_ngheo_30_6"),
    "ke-hoach": ("ho_ngheo_cuoi_2024", "ho_ngheo_ke_hoach"),
}


class Rendered:
    """One kind rendered: its config, data and documents by file stem."""

    def __init__(self, kind: str, root: Path) -> None:
        self.kind = kind
        self.config_path = root / REPORTS[kind][0]
        self.config = load_config(self.config_path)
        self.dataset: Dataset = load_dataset(self.config)
        result = pipeline.render(self.config_path, out_dir=root / "out", jobs=1)
        self.out_dir = result.out_dir
        self.files = {p.stem: p for p in sorted(self.out_dir.glob("*.docx"))}
        self.docs = {stem: docx.Document(str(p)) for stem, p in self.files.items()}

    def unit(self, stem: str) -> Unit:
        for u in [*self.dataset.units, self.dataset.total]:
            if u.slug == stem:
                return u
        raise KeyError(stem)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kinds")
    sample_project(root)
    return root


_RENDERED: dict[str, Rendered] = {}


def _rendered(kind: str, project: Path) -> Rendered:
    if kind not in _RENDERED:
        _RENDERED[kind] = Rendered(kind, project)
    return _RENDERED[kind]


@pytest.fixture(scope="module", params=KINDS)
def kind(request: pytest.FixtureRequest, project: Path) -> Rendered:
    return _rendered(request.param, project)


@pytest.fixture(scope="module")
def all_kinds(project: Path) -> dict[str, Rendered]:
    return {k: _rendered(k, project) for k in KINDS}


def body_text(d: docx.document.Document) -> str:
    return "\n".join(p.text for p in d.paragraphs)


def test_every_kind_renders_the_city_and_every_ward(kind: Rendered) -> None:
    assert len(kind.files) == 13
    assert "thanh-pho-hoa-an" in kind.files


def test_no_zero_item_is_written_out(kind: Rendered) -> None:
    zero = re.compile(r"(?<![\d.,/])0 (hộ|khẩu|nhân khẩu|lượt|thẻ|người)\b")
    for stem, d in kind.docs.items():
        assert not zero.findall(body_text(d)), stem


def test_the_movement_sentence_agrees_with_the_figures(kind: Rendered) -> None:
    start_id, end_id = MOVEMENT[kind.kind]
    pattern = re.compile(r"số hộ nghèo (tăng ([\d.]+) hộ|giảm ([\d.]+) hộ|không thay đổi)(?!,)")
    for stem, d in kind.docs.items():
        u = kind.unit(stem)
        delta = u.values[end_id] - u.values[start_id]
        said = [m for m in pattern.finditer(body_text(d)) if not m.group(0).endswith("gồm")]
        assert said, stem
        for m in said:
            if m.group(2):
                assert delta == parse_number(m.group(2)), (stem, m.group(0))
            elif m.group(3):
                assert delta == -parse_number(m.group(3)), (stem, m.group(0))
            else:
                assert delta == 0, (stem, m.group(0))


def test_a_change_from_one_figure_to_another_goes_the_way_it_says(kind: Rendered) -> None:
    pattern = re.compile(
        r"(tăng|giảm) ([\d.,]+) điểm phần trăm \(từ ([\d.,]+)% (lên|xuống còn) ([\d.,]+)%\)"
    )
    for stem, d in kind.docs.items():
        for m in pattern.finditer(body_text(d)):
            word, size, a, way, b = m.groups()
            delta = parse_number(b) - parse_number(a)
            assert (word == "tăng") == (delta > 0) == (way == "lên"), (stem, m.group(0))
            assert abs(delta) == parse_number(size), (stem, m.group(0))


def test_no_sentence_states_a_direction_no_figure_backs(kind: Rendered) -> None:
    report = lint_template(kind.config.template, kind.config)
    assert [f.text for f in report.findings if f.code == "unbacked-direction"] == []


def _header_cells(d: docx.document.Document) -> tuple[object, object, object, object]:
    t = d.tables[0]
    return t.cell(0, 0), t.cell(0, 1), t.cell(1, 0), t.cell(1, 1)


def test_place_name_follows_the_issuer_level(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        place_date = _header_cells(d)[3].text
        u = kind.unit(stem)
        place = "Hòa An" if u.is_total else unit_place(u.name)
        assert place_date.startswith(f"{place}, ngày "), (stem, place_date)


def _rule_ratio(paragraphs: list[object], text_twips: int) -> float:
    rule = next(
        r
        for p in paragraphs
        for r in p.runs  # type: ignore[attr-defined]
        if r.text and set(r.text) == {NBSP, "\u2060"} and r.underline
    )
    return text_twips and text_width_twips(rule.text, rule.font.size.pt) / text_twips


def test_line_under_the_agency_name_is_a_third_to_a_half_of_the_name(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        cell = _header_cells(d)[0]
        bold = [r for p in cell.paragraphs for r in p.runs if r.bold and r.text.strip()]
        widest = max(text_width_twips(r.text, r.font.size.pt, bold=True) for r in bold)
        ratio = _rule_ratio(cell.paragraphs, widest)
        assert 1 / 3 <= ratio <= 1 / 2, (stem, ratio)


def test_line_under_the_subject_is_a_third_to_a_half_of_its_line(kind: Rendered) -> None:
    text_width = 9071  # 160 mm
    for stem, d in kind.docs.items():
        paras = d.paragraphs
        i = next(k for k, p in enumerate(paras) if p.text == kind.config.title)
        size = paras[i].runs[0].font.size.pt
        line = min(text_width, text_width_twips(kind.config.title, size, bold=True))
        ratio = _rule_ratio(paras[i + 1 : i + 2], line)
        assert 1 / 3 <= ratio <= 1 / 2, (stem, ratio)


def test_header_of_later_pages_fits_in_the_top_margin(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        s = d.sections[0]
        height = Decimal(0)
        for p in s.header.paragraphs:
            size = max(
                [r.font.size.pt for r in p.runs if r.font.size]
                or [p.style.font.size.pt if p.style.font.size else 14.0]
            )
            pf = p.paragraph_format
            spacing = float(pf.line_spacing) if isinstance(pf.line_spacing, float) else 1.0
            before = pf.space_before.pt if pf.space_before else 0.0
            after = pf.space_after.pt if pf.space_after else 0.0
            height += Decimal(str(size * 1.15 * spacing + before + after))
        assert s.header_distance + Pt(float(height)) <= s.top_margin, stem


def test_recipient_lines_fit_the_80_mm_column(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        cell = signature_table(d).cell(0, 0)
        width = cell.width
        assert width is not None
        for p in cell.paragraphs[1:]:
            if p.text:
                size = p.runs[0].font.size.pt
                assert text_width_twips(p.text, size) * 635 <= width, (stem, p.text)


def test_authority_lines_follow_the_signers_role(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        lines = [p.text for p in signature_table(d).cell(0, 1).paragraphs if p.text]
        if kind.unit(stem).is_total:
            assert lines[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], stem
        else:
            assert lines[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], stem


def test_storage_line_names_a_vp_only_where_there_is_one(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        last = [p.text for p in signature_table(d).cell(0, 0).paragraphs if p.text][-1]
        assert last.startswith("- Lưu: VT"), stem
        if not kind.unit(stem).is_total:
            assert last == "- Lưu: VT.", stem


def test_app_properties_name_reportgen_and_count_no_pages(kind: Rendered) -> None:
    for stem, path in kind.files.items():
        app = zipfile.ZipFile(path).read("docProps/app.xml").decode()
        assert "<Application>reportgen</Application>" in app, stem
        assert "<Pages>" not in app, stem


def test_tables_repeat_their_header_and_keep_it_with_the_first_rows(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        for t in [t for t in d.tables[1:] if t._tbl is not signature_table(d)._tbl]:
            rows = t._tbl.findall(f"{W}tr")
            head = [r for r in rows if r.find(f"{W}trPr/{W}tblHeader") is not None]
            assert head, stem
            first = rows[len(head)]
            assert first.findall(f".//{W}keepNext") and head[0].findall(f".//{W}keepNext")


def test_every_table_has_its_unit_line_or_a_unit_column(kind: Rendered) -> None:
    for stem, d in kind.docs.items():
        for t in [t for t in d.tables[1:] if t._tbl is not signature_table(d)._tbl]:
            head = [c.text for c in t.rows[0].cells]
            before = t._tbl.getprevious()
            line = "".join(x.text or "" for x in before.iter(f"{W}t"))
            assert line.startswith("Đơn vị tính:") or "Đơn vị tính" in head, (stem, head)


# -- on the PDF ------------------------------------------------------------------------------

_ROW = re.compile(r"^\d+ \S")
_TITLE = re.compile(r"^Biểu \d+\.")


def _stranded_titles(pages: list[str]) -> list[tuple[int, str]]:
    """Table titles left at the foot of a page with fewer than two of their rows after them
    (a table that ends on the page, with text after it, is not stranded)."""
    out = []
    for n, text in enumerate(pages[:-1], 1):
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if not _TITLE.match(line):
                continue
            after = lines[i + 1 :]
            rows = [k for k, x in enumerate(after) if _ROW.match(x)]
            ended = bool(rows) and rows[-1] < len(after) - 1
            if len(rows) < 2 and not ended:
                out.append((n, line))
    return out


def test_tables_never_leave_title_header_and_one_row_at_a_page_foot(
    all_kinds: dict[str, Rendered], tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf")
    for kind in all_kinds.values():
        for stem in ("thanh-pho-hoa-an", "xa-dong-son"):
            pdf = libreoffice_convert(kind.files[stem], "pdf", tmp_path / kind.kind)
            pages = [p.extract_text() or "" for p in pypdf.PdfReader(str(pdf)).pages]
            assert _stranded_titles(pages) == [], (kind.kind, stem)


@pytest.mark.parametrize(
    ("pages", "stranded"),
    [
        (["text\nBiểu 1. A\nTT Đơn vị\n1 Phường A 5", "2 Phường B 6\nend"], [(1, "Biểu 1. A")]),
        (["text\nBiểu 1. A\nTT Đơn vị", "1 Phường A 5\n2 Phường B 6"], [(1, "Biểu 1. A")]),
        (["Biểu 1. A\nTT\n1 Phường A 5\n2 Phường B 6", "3 Phường C 7"], []),
        (["Biểu 1. A\nTT\n1 Phường A 5\nToàn thành phố 5\nII. MỤC", "more"], []),
    ],
    ids=["one row at the foot", "header alone", "two rows", "a one-row table that ends"],
)
def test_stranded_table_titles_are_found(pages: list[str], stranded: list[tuple[int, str]]) -> None:
    assert _stranded_titles(pages) == stranded
