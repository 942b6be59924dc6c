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


def test_a_second_long_title_with_the_same_beginning_never_overwrites_the_first(
    tmp_path: Path,
) -> None:
    first = CliRunner().invoke(main, ["new", LONG_TITLE + "phường", "--dir", str(tmp_path)])
    assert first.exit_code == 0, first.output
    (config,) = (tmp_path / "configs").glob("*.yaml")
    before = config.read_bytes()
    second = CliRunner().invoke(main, ["new", LONG_TITLE + "xã", "--dir", str(tmp_path)])
    assert second.exit_code in (0, 2) and "Traceback" not in second.output
    if second.exit_code == 2:
        assert "đã có tệp" in second.output
    assert config.read_bytes() == before
