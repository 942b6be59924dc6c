"""Real reports typed by hand (the shared seeds, read at test time and made into .docx): the
real errors are found, and nothing among the correct figures."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.audit import audit_file
from reportgen.cli import main
from tests.audit.builders import seed_text, text_to_docx

# (code, the figure as it stands in the report, what was expected when the check says it)
EXPECTED_004 = [
    ("audit.sum-mismatch", "83,020 triệu đồng", None),
    ("audit.part-exceeds-total", "23,348 tỷ đồng", None),
    (
        "audit.words-mismatch",
        "13.000.000 đ (Hai mươi hai triệu đồng chẵn)",
        "Mười ba triệu đồng chẵn",
    ),
    ("audit.change-mismatch", "952 hộ", "182 hộ"),
    ("audit.change-mismatch", "2,69%", "0,51 điểm phần trăm"),
    ("audit.number-spacing", "208, 1 triệu đồng", None),
    ("audit.number-form", "2.2.839 chị", None),
    ("audit.thousands-separator", "2697,15 triệu đồng", "2.697,15 triệu đồng"),
    ("audit.three-decimals", "666,204 triệu đồng", None),
    ("audit.three-decimals", "83,020 triệu đồng", None),
    ("audit.three-decimals", "41,395 triệu đồng", None),
    ("audit.three-decimals", "38,750 triệu đồng", None),
]


@pytest.fixture(scope="module")
def seed_004(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    text = seed_text("004")
    if text is None:
        pytest.skip("the shared seed reports are not on this machine")
    tmp = tmp_path_factory.mktemp("seed")
    txt = tmp / "bao-cao.txt"
    txt.write_text(text, encoding="utf-8")
    return txt, text_to_docx(text, tmp / "bao-cao.docx")


@pytest.mark.parametrize("kind", [0, 1], ids=["txt", "docx"])
def test_real_errors_found_and_nothing_else(seed_004: tuple[Path, Path], kind: int) -> None:
    result = audit_file(seed_004[kind])
    assert result.failures == []
    found = sorted((f.diagnostic.code, f.diagnostic.extra["figure"]) for f in result.findings)
    assert found == sorted((c, fig) for c, fig, _ in EXPECTED_004)
    for f in result.findings:
        for code, fig, expected in EXPECTED_004:
            if expected and (code, fig) == (f.diagnostic.code, f.diagnostic.extra["figure"]):
                assert f.diagnostic.expected == expected


def test_contradictions_come_first(seed_004: tuple[Path, Path]) -> None:
    confidences = [f.confidence for f in audit_file(seed_004[1]).findings]
    assert confidences == sorted(confidences, key=["direct", "probable", "style"].index)
    assert confidences[0] == "direct"


def test_docx_findings_are_located_by_paragraph(seed_004: tuple[Path, Path]) -> None:
    for f in audit_file(seed_004[1]).findings:
        loc = f.diagnostic.location
        assert loc is not None and loc.paragraph is not None
        assert "«" in f.diagnostic.extra["sentence"]


def test_other_seeds_raise_no_contradiction() -> None:
    # The other seeds are news articles and short reports; their figures that can be checked
    # agree with each other (changes of rates stated with their two ends, and totals followed by
    # a selection of their parts that must not be read as a complete list).
    for prefix in ("000", "001", "002", "003"):
        text = seed_text(prefix)
        if text is None:
            pytest.skip("the shared seed reports are not on this machine")
        from tests.audit.support import audit_text

        assert [f.diagnostic.describe() for f in audit_text(text).findings] == [], prefix


def test_comments_copy_has_one_comment_per_finding(
    seed_004: tuple[Path, Path], tmp_path: Path
) -> None:
    source = seed_004[1]
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "da-soat.docx"
    result = CliRunner().invoke(main, ["soat", str(source), "--comments", str(out)])
    assert result.exit_code == 1, result.output
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
        body = zf.read("word/document.xml").decode("utf-8")
    assert comments.count("<w:comment ") == len(EXPECTED_004)
    assert body.count("<w:commentRangeStart") == len(EXPECTED_004)
    assert "Mười ba triệu đồng chẵn" in comments
    assert "[mâu thuẫn trực tiếp]" in comments
    # the copy reads the same as the original: only comments were added
    assert [f.diagnostic.code for f in audit_file(out).findings] == [
        f.diagnostic.code for f in audit_file(source).findings
    ]


def test_comment_covers_exactly_the_figure(seed_004: tuple[Path, Path], tmp_path: Path) -> None:
    import docx

    out = tmp_path / "da-soat.docx"
    CliRunner().invoke(main, ["soat", str(seed_004[1]), "--comments", str(out)])
    document = docx.Document(str(out))
    anchored = {c.comment_id: "" for c in document.comments}
    body = document.element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for p in body.iter(f"{ns}p"):
        open_ids: set[str] = set()
        for el in p.iter():
            if el.tag == f"{ns}commentRangeStart":
                open_ids.add(el.get(f"{ns}id"))
            elif el.tag == f"{ns}commentRangeEnd":
                open_ids.discard(el.get(f"{ns}id"))
            elif el.tag == f"{ns}t":
                for i in open_ids:
                    anchored[int(i)] += el.text or ""
    assert "952 hộ" in anchored.values()
    assert "2697,15 triệu đồng" in anchored.values()
    assert "13.000.000 đ (Hai mươi hai triệu đồng chẵn)" in anchored.values()


def test_loan_total_is_wrong_even_read_with_thousands_dots(seed_004: tuple[Path, Path]) -> None:
    # "83,020 triệu đồng … 41,395 triệu đồng …": read as 83.020 and 41.395 triệu đồng, the
    # parts still add up to more than the total — the report's real error, not only its commas
    (finding,) = [
        f for f in audit_file(seed_004[1]).findings if f.diagnostic.code == "audit.sum-mismatch"
    ]
    assert "83.151,3 triệu đồng (vẫn khác tổng)" in (finding.diagnostic.hint or "")


def _seed_items_as_table(text: str, path: Path, change: tuple[str, str] | None = None) -> Path:
    """The seed's "Tổng số tham gia … trong đó: + Hộ …" list laid out as a Word table with a
    total row, as a clerk would put it in an annex (figures read from the seed at test time)."""
    import re

    import docx

    total = re.search(r"Tổng số tham gia: ([\d.]+) hộ; kinh phí ([\d.]+) ?đ", text)
    items = re.findall(r"^\+ (Hộ[^:]*): ([\d.]+) hộ, kinh phí:? ([\d.]+) ?đ", text, re.MULTILINE)
    assert total and len(items) >= 2
    rows = [["TT", "Đối tượng", "Số hộ (hộ)", "Kinh phí (đồng)"]]
    rows += [[str(i), label, n, money] for i, (label, n, money) in enumerate(items, 1)]
    rows.append(["", "Tổng cộng", total.group(1), total.group(2)])
    if change:
        rows = [[change[1] if v == change[0] else v for v in r] for r in rows]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=4)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            table.cell(i, j).text = v
    document.save(str(path))
    return path


def test_seed_figures_in_a_table(tmp_path: Path) -> None:
    text = seed_text("004")
    if text is None:
        pytest.skip("the shared seed reports are not on this machine")
    right = audit_file(_seed_items_as_table(text, tmp_path / "dung.docx"))
    assert right.findings == [] and len(right.checked) >= 8
    wrong = audit_file(
        _seed_items_as_table(text, tmp_path / "sai.docx", ("144.000.000", "154.000.000"))
    )
    assert [(f.diagnostic.code, f.diagnostic.extra["figure"]) for f in wrong.findings] == [
        ("audit.table-total-row", "290.000.000")
    ]
