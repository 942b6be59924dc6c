"""Accepting a lint warning on purpose, as an author writes it in Word: every usual way of
writing the comment is understood, and one that is not is said, never ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportgen.cli import main
from tests.docx_engine.builders import make_docx, p, r

# a bare document: page setup, page number, font and font size all differ from NĐ 30
CODES = "page-setup, page-number, font, font-size"


def _lint(tmp_path: Path, *comments: str) -> Result:
    body = p(r("Xin chào")) + "".join(p(r(c)) for c in comments)
    path = tmp_path / "mau.docx"
    path.write_bytes(make_docx(body))
    return CliRunner().invoke(main, ["lint", str(path)])


WRITTEN = [
    ("dash", "{# reportgen: chấp nhận " + CODES + " — mẫu của tỉnh #}"),
    ("hyphen", "{# reportgen: chấp nhận " + CODES + " - mẫu của tỉnh #}"),
    ("colon", "{# reportgen: chấp nhận " + CODES + ": mẫu của tỉnh #}"),
    ("no-separator", "{# reportgen: chấp nhận " + CODES + " mẫu của tỉnh #}"),
    ("colon-after-verb", "{# reportgen: chấp nhận: " + CODES + " — mẫu của tỉnh #}"),
    ("no-colon", "{# reportgen chấp nhận " + CODES + " — mẫu của tỉnh #}"),
    ("no-accents", "{# reportgen: chap nhan " + CODES + " — mẫu của tỉnh #}"),
    ("english", "{# reportgen: acknowledge " + CODES + " — mẫu của tỉnh #}"),
    ("capitals", "{# Reportgen: Chấp nhận " + CODES.upper() + " — mẫu của tỉnh #}"),
    (
        "prefixed",
        "{# reportgen: chấp nhận template.page-setup, template.page-number, "
        "template.font, template.font-size — mẫu của tỉnh #}",
    ),
    (
        "underscores",
        "{# reportgen: chấp nhận page_setup, page_number, font, font_size — mẫu của tỉnh #}",
    ),
    ("paragraph-comment", "{#p reportgen: chấp nhận " + CODES + " — mẫu của tỉnh #}"),
    ("trimmed", "{#- reportgen: chấp nhận " + CODES + " — mẫu của tỉnh -#}"),
]


@pytest.mark.parametrize("comment", [w[1] for w in WRITTEN], ids=[w[0] for w in WRITTEN])
def test_every_usual_way_of_accepting_turns_the_warnings_into_notes(
    tmp_path: Path, comment: str
) -> None:
    before = _lint(tmp_path)
    assert before.exit_code == 1 and "CẢNH BÁO [template.page-setup]" in before.output
    out = _lint(tmp_path, comment)
    assert out.exit_code == 0, out.output
    assert "CẢNH BÁO" not in out.output
    assert "GHI CHÚ [template.page-setup]" in out.output
    assert "Lý do: mẫu của tỉnh" in out.output


def test_a_comment_for_reportgen_that_is_not_an_acknowledgement_is_said(tmp_path: Path) -> None:
    out = _lint(tmp_path, "{# reportgen: bỏ qua page-setup — mẫu của tỉnh #}")
    assert out.exit_code == 1
    assert "[template.acknowledgement-unreadable]" in out.output
    assert "reportgen: chấp nhận template.page-setup — lý do" in out.output


def test_a_misspelt_code_is_pointed_to_the_right_one(tmp_path: Path) -> None:
    out = _lint(tmp_path, "{# reportgen: chấp nhận page-setpu — phụ lục khổ ngang #}")
    assert out.exit_code == 1  # the warning it meant is still a warning
    assert "CẢNH BÁO [template.page-setup]" in out.output
    assert "có phải ý bạn là «template.page-setup»?" in out.output


def test_an_acknowledgement_without_a_reason_accepts_nothing(tmp_path: Path) -> None:
    out = _lint(tmp_path, "{# reportgen: chấp nhận " + CODES + " #}")
    assert out.exit_code == 1
    assert "CẢNH BÁO [template.page-setup]" in out.output
    assert "[template.acknowledgement-without-reason]" in out.output
