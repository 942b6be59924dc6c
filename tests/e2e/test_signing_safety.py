"""What must never reach a leader's desk as a signed-ready report."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from reportgen.app import pipeline
from reportgen.cli import main
from reportgen.diagnostics.errors import ConfigError, ErrorList, TemplateError
from tests.helpers import edit_cell, sample_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_city_report_is_held_back_when_a_ward_it_shows_is_wrong(tmp_path: Path) -> None:
    # a wrong rate does not change any sum, but the city table prints it
    config = sample_project(tmp_path)
    edit_cell(
        tmp_path / "inputs" / "giam-ngheo-2024.csv", "Phường Trần Phú", "ty_le_ho_ngheo", "0,90"
    )
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["thành phố Hòa An"])
    (city,) = result.outputs
    assert city.status == "skipped"
    assert city.reason and "1 đơn vị đang sai (Phường Trần Phú)" in city.reason
    assert any(f.unit == "Phường Trần Phú" for f in result.findings)
    forced = pipeline.render(
        config, out_dir=tmp_path / "f", jobs=1, units=["thành phố Hòa An"], force=True
    )
    assert forced.outputs[0].status == "draft"


def test_checking_the_city_checks_every_ward(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Song Mai", "ty_le_ho_ngheo", "9,99")
    out = CliRunner().invoke(main, ["check", str(config), "--unit", "thành phố Hòa An"])
    assert out.exit_code == 1
    assert "Xã Song Mai" in out.output


def test_a_total_row_in_the_file_is_checked_against_the_wards_without_being_asked(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path)  # the sample's file ends with its row "Tổng cộng"
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Tổng cộng", "so_the_bhyt", "1")
    result = pipeline.check(config)
    assert any(f.check == "city_sum" and "so_the_bhyt" in f.indicators for f in result.findings)


def test_an_earlier_report_of_a_unit_that_now_fails_is_set_aside(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"])
    edit_cell(tmp_path / "inputs" / "giam-ngheo-2024.csv", "Xã Song Mai", "ty_le_ho_ngheo", "9,99")
    result = pipeline.render(
        config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"], overwrite=True
    )
    assert result.outputs[0].status == "skipped"
    assert "xa-song-mai.cu.docx" in (result.outputs[0].reason or "")
    assert not (result.out_dir / "xa-song-mai.docx").exists()
    assert (result.out_dir / "xa-song-mai.cu.docx").exists()


def test_the_manifest_describes_every_report_in_the_folder_across_runs(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    again = pipeline.render(
        config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"], overwrite=True
    )
    manifest = json.loads(again.manifest_file.read_text(encoding="utf-8"))
    assert len(manifest["outputs"]) == 13
    assert manifest["outputs"][0]["unit"] == "Xã Song Mai"


def test_a_misspelt_name_in_the_template_stops_the_batch_before_any_report(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    template = tmp_path / "templates" / "bao-cao-co-ban.docx"
    d = docx.Document(str(template))
    d.add_paragraph("{{ ho_ngheo_cuoi_kyy | so }}")
    d.save(str(template))
    with pytest.raises(TemplateError) as err:
        pipeline.render(config, out_dir=tmp_path / "o", jobs=1)
    text = err.value.format()
    assert '"ho_ngheo_cuoi_kyy" (có phải ý bạn là "ho_ngheo_cuoi_ky"?)' in text
    assert "reportgen lint" in text
    assert not list((tmp_path / "o").rglob("*.docx"))


def test_ward_reports_issued_by_the_ward_need_their_own_signer(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    start = text.index("unit_signer:")
    end = text.index("recipients:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ErrorList) as err:
        pipeline.check(config)
    assert any(isinstance(e, ConfigError) and "unit_signer" in e.format() for e in err.value.errors)


def test_every_header_keeps_a_paragraph_and_table_properties_are_in_schema_order(
    tmp_path: Path,
) -> None:
    config = sample_project(tmp_path)
    result = pipeline.render(config, out_dir=tmp_path / "o", jobs=1, units=["Xã Song Mai"])
    from lxml import etree

    with zipfile.ZipFile(result.out_dir / "xa-song-mai.docx") as z:
        for name in z.namelist():
            if name.startswith("word/header") or name.startswith("word/footer"):
                root = etree.fromstring(z.read(name))
                assert root.findall(f"{W}p") or root.findall(f"{W}tbl"), name
        doc = etree.fromstring(z.read("word/document.xml"))
    order = [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    ]
    for tblpr in doc.iter(f"{W}tblPr"):
        names = [etree.QName(c).localname for c in tblpr]
        assert names == sorted(names, key=order.index), names
