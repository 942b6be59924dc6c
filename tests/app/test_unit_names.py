"""Abbreviated unit names (P., X., TT. …) as clerks write them: written out in the reports,
found by ``--unit``, accepted in a check's ``units`` and matched to last year's full names."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.app import render
from reportgen.cli import main
from reportgen.data.text import expand_unit_name, name_key
from tests.helpers import rename_unit, sample_project

STYLES = [
    ("P. Trần Phú", "Phường Trần Phú"),
    ("P.Trần Phú", "Phường Trần Phú"),
    ("p. Trần Phú", "Phường Trần Phú"),
    ("X. Đồng Sơn", "Xã Đồng Sơn"),
    ("X.Đồng Sơn", "Xã Đồng Sơn"),
    ("TT. Nếnh", "Thị trấn Nếnh"),
    ("TT.Nếnh", "Thị trấn Nếnh"),
    ("Tt. Nếnh", "Thị trấn Nếnh"),
    ("TT Nếnh", "Thị trấn Nếnh"),
    ("TX. Quảng Trị", "Thị xã Quảng Trị"),
    ("Tx.Quảng Trị", "Thị xã Quảng Trị"),
    ("TP. Hòa An", "Thành phố Hòa An"),
    ("Q. 1", "Quận 1"),
    ("Q.Ba Đình", "Quận Ba Đình"),
    ("H. Gia Lâm", "Huyện Gia Lâm"),
    ("H.Gia Lâm", "Huyện Gia Lâm"),
    ("P. 12", "Phường 12"),
    ("X. Ea Kao", "Xã Ea Kao"),
    ("X. Ỷ La", "Xã Ỷ La"),
]
UNCHANGED = ["Phường Trần Phú", "Xã Ia Grai", "H'Mông", "P Trần Phú", "Hòa An", "Thị trấn Nếnh"]


@pytest.mark.parametrize(("name", "full"), STYLES, ids=[s for s, _ in STYLES])
def test_every_usual_abbreviation_is_written_out(name: str, full: str) -> None:
    assert expand_unit_name(name) == full
    assert name_key(name) == name_key(full)


@pytest.mark.parametrize("name", UNCHANGED, ids=UNCHANGED)
def test_a_name_without_a_sure_abbreviation_is_left_as_written(name: str) -> None:
    assert expand_unit_name(name) == name


def _abbreviate(config: Path) -> Path:
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    rename_unit(data, "Phường Trần Phú", "P. Trần Phú")
    rename_unit(data, "Xã Đồng Sơn", "X.Đồng Sơn")
    rename_unit(data, "Phường Ngô Quyền", "p.  Ngô   Quyền")
    return data


@pytest.mark.parametrize(
    "typed",
    ["P. Trần Phú", "p.trần phú", "Phường Trần Phú", "phuong-tran-phu", "Trần Phú"],
    ids=["abbreviated", "abbreviated-lower-no-space", "full", "file-name", "without-kind"],
)
def test_unit_is_found_however_the_clerk_types_it(tmp_path: Path, typed: str) -> None:
    config = sample_project(tmp_path / "p")
    _abbreviate(config)
    out = CliRunner().invoke(main, ["check", str(config), "--unit", typed])
    assert out.exit_code == 0, out.output
    assert "Số liệu khớp" in out.output


def test_a_bare_name_two_units_share_is_not_guessed(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    rename_unit(data, "Xã Tân Mỹ", "Xã Trần Phú")
    out = CliRunner().invoke(main, ["check", str(config), "--unit", "Trần Phú"])
    assert out.exit_code == 2
    assert 'không có đơn vị "Trần Phú"' in out.output


def test_a_check_may_name_its_units_abbreviated(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "checks:\n",
        "checks:\n  - check: not_greater\n    part: ho_ngheo_cuoi_ky\n    total: tong_so_ho\n"
        '    units: ["P. Trần Phú", "X.Đồng Sơn"]\n',
        1,
    )
    config.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(config)])
    assert out.exit_code == 0, out.output


def test_reports_print_the_full_name_in_the_header_and_the_text(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    _abbreviate(config)
    result = render(
        config, out_dir=tmp_path / "o", units=["P. Trần Phú", "X.Đồng Sơn", "Ngô Quyền"], jobs=1
    )
    files = {o.unit: Path(o.file or "") for o in result.outputs}
    assert set(files) == {"Phường Trần Phú", "Xã Đồng Sơn", "Phường Ngô Quyền"}
    for unit, path in files.items():
        assert (
            path.name
            == {
                "Phường Trần Phú": "phuong-tran-phu.docx",
                "Xã Đồng Sơn": "xa-dong-son.docx",
                "Phường Ngô Quyền": "phuong-ngo-quyen.docx",
            }[unit]
        )
        doc = Document(str(path))
        header = doc.tables[0].cell(0, 0).text
        assert unit.upper() in header, header
        body = "\n".join(p.text for p in doc.paragraphs)
        assert f"toàn {unit[0].lower()}{unit[1:]}" in body
        assert "P." not in header and "X." not in header
        assert " p. " not in body and " x." not in body


def test_an_abbreviated_total_name_is_written_out_in_the_city_report(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  total_name: thành phố Hòa An", "  total_name: TP.  Hòa An", 1),
        encoding="utf-8",
    )
    result = render(config, out_dir=tmp_path / "o", units=["TP Hòa An"], jobs=1)
    (output,) = result.outputs
    assert Path(output.file or "").name == "thanh-pho-hoa-an.docx"
    body = "\n".join(p.text for p in Document(str(output.file)).paragraphs)
    assert "toàn thành phố Hòa An có" in body
    assert "TP." not in body and "tP." not in body
