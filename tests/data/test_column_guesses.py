"""Did-you-mean for a missing column of a flat file: by spelling and by meaning, never a column
another indicator reads or names, each column proposed once, the file's columns listed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.diagnostics.errors import ErrorList, ReportgenError
from tests.data.bieu_mau import INDICATORS
from tests.fixtures.projects import write_project


def _hints(tmp: Path, header: dict[str, str]) -> dict[str, str]:
    config = load_config(write_project(tmp, indicators=INDICATORS, rows=[header]))
    with pytest.raises(ReportgenError) as info:
        load_dataset(config)
    errors = info.value.errors if isinstance(info.value, ErrorList) else [info.value]
    return {e.message.split('"')[1]: e.hint or "" for e in errors}


def test_a_column_read_by_another_indicator_is_never_proposed(tmp_path: Path) -> None:
    hints = _hints(
        tmp_path,
        {
            "don_vi": "Phường A",
            "tong_so_ho": "100",
            "ho_ngheo_dau_ky": "6",
            "ho_ngheo_cuoi_ky": "5",
            "ty_le_ho_ngheo": "5,00",
        },
    )
    assert list(hints) == ["ho_can_ngheo_cuoi_ky"]
    assert "ho_ngheo_cuoi_ky" not in hints["ho_can_ngheo_cuoi_ky"].split(":")[0]
    assert hints["ho_can_ngheo_cuoi_ky"].startswith("các cột có trong tệp")


def test_a_column_named_for_another_indicator_is_not_proposed_for_this_one(
    tmp_path: Path,
) -> None:
    hints = _hints(
        tmp_path,
        {
            "don_vi": "Phường A",
            "tong_so_ho": "100",
            "ho_ngheo_dau_ky": "6",
            "Hộ nghèo cuối năm (hộ)": "5",  # the poor, not the near-poor
            "Hộ cận nghèo cuối năm (hộ)": "7",
            "ty_le_ho_ngheo": "5,00",
        },
    )
    assert hints == {
        "ho_ngheo_cuoi_ky": 'có phải ý bạn là cột "Hộ nghèo cuối năm (hộ)"?',
        "ho_can_ngheo_cuoi_ky": 'có phải ý bạn là cột "Hộ cận nghèo cuối năm (hộ)"?',
    }


def test_the_files_columns_are_listed_once_when_nothing_can_be_guessed(tmp_path: Path) -> None:
    hints = _hints(tmp_path, {"don_vi": "Phường A", "Ghi chú": "", "Người ký": ""})
    listed = [h for h in hints.values() if h.startswith("các cột có trong tệp")]
    assert len(hints) == 5 and len(listed) == 1
