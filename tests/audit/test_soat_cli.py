"""``reportgen soat`` as a clerk runs it: exit codes, table and JSON output, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from tests.audit.builders import text_to_docx

WRONG = "Kinh phí tập huấn: 15.000.000 đồng (Mười sáu triệu đồng chẵn).\n"
RIGHT = "Kinh phí tập huấn: 15.000.000 đồng (Mười lăm triệu đồng chẵn).\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["soat", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("text", "code"), [(RIGHT, 0), (WRONG, 1)], ids=["nothing-found", "findings"]
)
def test_exit_code(tmp_path: Path, text: str, code: int) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_text(text, encoding="utf-8")
    assert run(str(report))[0] == code


def test_table_output_names_place_sentence_and_fix(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.md"
    report.write_text("# Báo cáo\n\n" + WRONG, encoding="utf-8")
    code, out, _ = run(str(report))
    assert code == 1
    assert "1. [mâu thuẫn trực tiếp] dòng 3, đoạn 2: số tiền 15.000.000 đồng" in out
    assert "«15.000.000 đồng (Mười sáu triệu đồng chẵn)»" in out
    assert "đúng ra: Mười lăm triệu đồng chẵn" in out
    assert "Có 1 chỗ cần xem: 1 mâu thuẫn trực tiếp." in out


def test_json_output_is_the_shared_shape(tmp_path: Path) -> None:
    report = text_to_docx(WRONG, tmp_path / "bao-cao.docx")
    code, out, _ = run(str(report), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["command"] == "soat"
    assert data["counts"] == {"error": 1, "warning": 0, "info": 0}
    (d,) = data["diagnostics"]
    assert d["code"] == "audit.words-mismatch"
    assert d["location"]["paragraph"] == 1
    assert d["confidence"] == "direct"
    assert d["expected"] == "Mười lăm triệu đồng chẵn"
    assert d["found"] == "Mười sáu triệu đồng chẵn"
    assert "«" in d["sentence"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("khong-co.docx", None, "không có tệp này"),
        ("hong.docx", b"not a zip", "tệp hỏng hoặc không phải .docx"),
        ("bao-cao.pdf", b"%PDF-1.4", 'không đọc được loại tệp ".pdf"'),
        ("latin1.txt", "Hộ nghèo: 5 hộ, đạt 100%".encode("utf-16"), "không phải mã UTF-8"),
    ],
    ids=["missing", "corrupt-docx", "pdf", "not-utf8"],
)
def test_unreadable_is_exit_2_with_a_located_message(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(str(path))
    assert code == 2
    assert message in err
    assert name in err
    assert "Traceback" not in out + err


def test_comments_never_overwrite_the_input(tmp_path: Path) -> None:
    report = text_to_docx(WRONG, tmp_path / "bao-cao.docx")
    before = report.read_bytes()
    code, _, err = run(str(report), "--comments", str(report))
    assert code == 2
    assert "không ghi đè báo cáo gốc" in err
    assert report.read_bytes() == before


def test_comments_refuse_an_existing_copy_unless_overwrite(tmp_path: Path) -> None:
    report = text_to_docx(WRONG, tmp_path / "bao-cao.docx")
    out = tmp_path / "da-soat.docx"
    out.write_bytes(b"old")
    code, _, err = run(str(report), "--comments", str(out))
    assert (code, out.read_bytes()) == (2, b"old")
    assert "--overwrite" in err
    code, stdout, _ = run(str(report), "--comments", str(out), "--overwrite")
    assert code == 1
    assert out.read_bytes()[:2] == b"PK"
    assert "Đã ghi 1 chú thích" in stdout


def test_comments_need_a_docx_report(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_text(WRONG, encoding="utf-8")
    code, _, err = run(str(report), "--comments", str(tmp_path / "x.docx"))
    assert code == 2
    assert "chỉ dùng được với báo cáo .docx" in err


def test_a_fault_in_one_check_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.audit import engine

    def broken(*_: object) -> None:
        raise ValueError("hỏng")

    checks = (("tỷ lệ", broken), *engine._PARAGRAPH_CHECKS[1:])
    monkeypatch.setattr(engine, "_PARAGRAPH_CHECKS", checks)
    report = tmp_path / "bao-cao.txt"
    report.write_text(WRONG, encoding="utf-8")
    code, out, err = run(str(report))
    assert code == 2  # nothing found, but not everything could be checked
    assert "chưa soát được do lỗi của chương trình" in err
    assert "dòng 1, đoạn 1: tỷ lệ" in err
    assert "Traceback" not in out + err


def test_audit_bytes_for_an_upload() -> None:
    from reportgen.audit import UnreadableDocument, audit_bytes

    result = audit_bytes(WRONG.encode("utf-8"), "bao-cao-tai-len.txt")
    (finding,) = result.findings
    assert finding.diagnostic.location is not None
    assert finding.diagnostic.location.file == "bao-cao-tai-len.txt"
    with pytest.raises(UnreadableDocument, match=r"\.pdf"):
        audit_bytes(b"%PDF", "bao-cao.pdf")
