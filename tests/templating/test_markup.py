"""Inline markup of the YAML paragraphs, as docs/template-authors.md §8 documents it: what an
author writes → the runs a reader sees (text, bold, italic). A star is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from reportgen.app import render
from reportgen.templating.body import runs
from tests.helpers import sample_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Run = tuple[str, bool, bool]


def _seen(text: str) -> list[Run]:
    """The runs ``text`` gives: (text, bold, italic), neighbours of the same look merged."""
    root = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}">{runs(text)}</w:p>')
    out: list[Run] = []
    for r in root.iter(f"{W}r"):
        t = "".join(x.text or "" for x in r.iter(f"{W}t"))
        look = (r.find(f"{W}rPr/{W}b") is not None, r.find(f"{W}rPr/{W}i") is not None)
        if out and out[-1][1:] == look:
            out[-1] = (out[-1][0] + t, *look)
        else:
            out.append((t, *look))
    return out


CASES: list[tuple[str, str, list[Run]]] = [
    ("bold", "**đậm** thường", [("đậm", True, False), (" thường", False, False)]),
    (
        "italic",
        "*Chính sách y tế:* đã cấp",
        [("Chính sách y tế:", False, True), (" đã cấp", False, False)],
    ),
    ("bold-italic", "***đậm nghiêng***", [("đậm nghiêng", True, True)]),
    (
        "around-a-tag",
        "(*{{ kinh_phi | chu_tien }}*)",
        [("(", False, False), ("{{ kinh_phi | chu_tien }}", False, True), (")", False, False)],
    ),
    ("note-sign", "Số liệu ước tính (*)", [("Số liệu ước tính (*)", False, False)]),
    (
        "two-note-signs",
        "(*) ước tính; (**) tạm tính (*)",
        [("(*) ước tính; (**) tạm tính (*)", False, False)],
    ),
    ("product", "tỷ lệ 5*3", [("tỷ lệ 5*3", False, False)]),
    ("spaced", "a * b * c", [("a * b * c", False, False)]),
    ("trailing", "Hộ nghèo* tăng", [("Hộ nghèo* tăng", False, False)]),
    ("unclosed-bold", "**đậm chưa đóng", [("**đậm chưa đóng", False, False)]),
    ("escaped", r"\*\*không đậm\*\*", [("**không đậm**", False, False)]),
    ("escaped-and-real", r"\* và *nghiêng*", [("* và ", False, False), ("nghiêng", False, True)]),
    (
        "bullet-prefix",
        "* Hộ nghèo giảm *mạnh*",
        [("* Hộ nghèo giảm ", False, False), ("mạnh", False, True)],
    ),
]


@pytest.mark.parametrize(("written", "seen"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_markup_gives_what_the_docs_promise(written: str, seen: list[Run]) -> None:
    assert _seen(written) == seen


def test_a_note_sign_and_a_bullet_reach_the_report(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "          - text: >-\n              Ngay từ đầu năm",
        "          - style: bullet\n            text: >-\n              (*) Ngay từ *đầu năm*",
        1,
    )
    config.write_text(text, encoding="utf-8")
    result = render(config, out_dir=tmp_path / "o", units=["thành phố Hòa An"], jobs=1)
    doc = Document(str(result.outputs[0].file or ""))
    para = next(p for p in doc.paragraphs if "Ngay từ" in p.text)
    assert para.text.startswith("* (*) Ngay từ đầu năm, Ủy ban nhân dân")
    assert [r.text for r in para.runs if r.italic] == ["đầu năm"]
