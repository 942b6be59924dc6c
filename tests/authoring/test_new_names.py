"""``reportgen new`` with a name longer than a file system allows: the files get a shortened,
still distinct name instead of an ENAMETOOLONG traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

LONG_TITLE = "Báo cáo " + "kết quả thực hiện chương trình mục tiêu quốc gia giảm nghèo " * 6


@pytest.mark.parametrize(
    "name", [LONG_TITLE, "a" * 300, "bao-cao-" + "x-" * 200], ids=["title", "file name", "hyphens"]
)
def test_a_name_too_long_for_the_file_system_is_shortened(tmp_path: Path, name: str) -> None:
    out = CliRunner().invoke(main, ["new", name, "--dir", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "Traceback" not in out.output
    (config,) = (tmp_path / "configs").glob("*.yaml")
    assert len(config.name.encode()) <= 110
    assert (tmp_path / "templates" / f"{config.stem}.docx").is_file()
    assert f"template: ../templates/{config.stem}.docx" in config.read_text("utf-8")


def test_two_long_titles_with_the_same_beginning_get_two_reports(tmp_path: Path) -> None:
    for end in ("phường", "xã"):
        out = CliRunner().invoke(main, ["new", LONG_TITLE + end, "--dir", str(tmp_path)])
        assert out.exit_code == 0, out.output
    assert len(list((tmp_path / "configs").glob("*.yaml"))) == 2
