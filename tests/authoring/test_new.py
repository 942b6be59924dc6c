"""``reportgen new`` as an author uses it: a title becomes a file name, the starter loads and
checks at once whatever the title holds, and nothing is ever overwritten."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportgen.authoring.scaffold import MAX_NAME
from reportgen.cli import main
from reportgen.config.loader import load_config


def _new(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["new", *args, "--dir", str(root)])


def _check(config: Path) -> Result:
    return CliRunner().invoke(main, ["check", str(config)])


TITLES = [
    ("Báo cáo sơ kết 6 tháng đầu năm", "so-ket-6-thang-dau-nam", "BC", "Sơ kết 6 tháng đầu năm"),
    ("Báo cáo kết quả: quý I", "ket-qua-quy-i", "BC", "Kết quả: quý I"),
    ("Báo cáo #2 [quý I] 'tạm'", "2-quy-i-tam", "BC", "#2 [quý I] 'tạm'"),
    (
        'Báo cáo "nhanh" tình hình/kết quả',
        "nhanh-tinh-hinh-ket-qua",
        "BC",
        '"Nhanh" tình hình/kết quả',
    ),
    ("Kế hoạch giảm nghèo năm 2025", "ke-hoach-giam-ngheo-nam-2025", "KH", "Giảm nghèo năm 2025"),
    ("Tờ trình đề nghị phê duyệt", "to-trinh-de-nghi-phe-duyet", "TTr", "Đề nghị phê duyệt"),
    ("  báo cáo   tổng kết  ", "tong-ket", "BC", "Tổng kết"),
]


@pytest.mark.parametrize(
    ("title", "stem", "doc_type", "subject"),
    TITLES,
    ids=[
        "readme",
        "colon",
        "hash-brackets-quote",
        "double-quotes-slash",
        "plan",
        "submission",
        "spaces",
    ],
)
def test_a_title_becomes_a_file_name_and_a_definition_that_checks_clean(
    tmp_path: Path, title: str, stem: str, doc_type: str, subject: str
) -> None:
    out = _new(tmp_path, title)
    assert out.exit_code == 0, out.output
    config = tmp_path / "configs" / f"{stem}.yaml"
    assert str(config) in out.output
    loaded = load_config(config)
    assert (loaded.type, loaded.title) == (doc_type, subject)
    assert _check(config).exit_code == 0


def test_a_title_typed_in_decomposed_unicode_gives_the_same_files(tmp_path: Path) -> None:
    out = _new(tmp_path, unicodedata.normalize("NFD", "Báo cáo sơ kết 6 tháng đầu năm"))
    assert out.exit_code == 0, out.output
    config = load_config(tmp_path / "configs" / "so-ket-6-thang-dau-nam.yaml")
    assert config.title == unicodedata.normalize("NFC", "Sơ kết 6 tháng đầu năm")


def test_a_very_long_title_is_cut_between_words_without_a_traceback(tmp_path: Path) -> None:
    out = _new(tmp_path, "Báo cáo kết quả thực hiện rất dài " * 30)
    assert out.exit_code == 0, out.output
    (config,) = (tmp_path / "configs").glob("*.yaml")
    assert len(config.stem) <= MAX_NAME
    assert not config.stem.endswith("-")
    assert config.stem.startswith("ket-qua-thuc-hien-rat-dai-")
    assert _check(config).exit_code == 0


@pytest.mark.parametrize("kind", ["giam-ngheo", "so-ket-6-thang", "ke-hoach"])
def test_from_a_bundled_kind_keeps_the_title_and_checks_clean(tmp_path: Path, kind: str) -> None:
    out = _new(tmp_path, "Báo cáo sơ kết: 6 tháng đầu năm", "--from", kind)
    assert out.exit_code == 0, out.output
    config = tmp_path / "configs" / "so-ket-6-thang-dau-nam.yaml"
    assert load_config(config).title == "Sơ kết: 6 tháng đầu năm"
    assert _check(config).exit_code == 0


def test_an_existing_report_is_never_overwritten(tmp_path: Path) -> None:
    assert _new(tmp_path, "Báo cáo sơ kết 6 tháng đầu năm").exit_code == 0
    config = tmp_path / "configs" / "so-ket-6-thang-dau-nam.yaml"
    config.write_text("# của tôi\n", encoding="utf-8")
    out = _new(tmp_path, "Báo cáo sơ kết 6 tháng đầu năm", "--from", "ke-hoach")
    assert out.exit_code == 2
    assert "đã có tệp" in out.output and "Traceback" not in out.output
    assert config.read_text(encoding="utf-8") == "# của tôi\n"


def test_a_new_report_goes_beside_others_in_an_existing_project(tmp_path: Path) -> None:
    assert _new(tmp_path, "giam-ngheo-2025").exit_code == 0
    assert _new(tmp_path, "Kế hoạch giảm nghèo năm 2026").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "configs").iterdir()) == [
        "giam-ngheo-2025.yaml",
        "ke-hoach-giam-ngheo-nam-2026.yaml",
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["!!!"], "không dùng làm tên tệp"),
        (["Báo cáo thử", "--from", "so-ket"], "chọn một trong: giam-ngheo, so-ket-6-thang"),
        (["Báo cáo thử", "--from", "so-ket-6-thag"], 'có phải ý bạn là "so-ket-6-thang"?'),
    ],
    ids=["no-letters", "unknown-kind", "misspelt-kind"],
)
def test_a_name_or_kind_that_cannot_be_used_is_refused_with_the_fix(
    tmp_path: Path, args: list[str], says: str
) -> None:
    out = _new(tmp_path, *args)
    assert out.exit_code == 2
    assert says in out.output
    assert not (tmp_path / "configs").exists()


def test_a_file_where_a_folder_must_go_is_named(tmp_path: Path) -> None:
    (tmp_path / "configs").write_text("", encoding="utf-8")
    out = _new(tmp_path, "Báo cáo thử")
    assert out.exit_code == 2
    assert f"không tạo được thư mục {tmp_path / 'configs'}: đã có một tệp cùng tên" in out.output
    assert "Traceback" not in out.output and "File exists" not in out.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["configs"]
