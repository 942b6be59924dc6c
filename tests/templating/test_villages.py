"""Ward tables by thôn / tổ dân phố (``data.villages``): a ward with village figures gets a
table of its villages whose last row is its own figure; the villages must add up to it, and
every mistake in the village file is said with its file, row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest

from reportgen.app import pipeline
from reportgen.diagnostics.errors import ReportgenError
from tests.helpers import sample_project

VILLAGE_FILE = "inputs/giam-ngheo-2024-thon.csv"


def _villages(root: Path) -> list[dict[str, str]]:
    with (root / VILLAGE_FILE).open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def _write(root: Path, rows: list[dict[str, str]]) -> None:
    with (root / VILLAGE_FILE).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("thon")
    out = pipeline.render(sample_project(root), out_dir=root / "out", jobs=1).out_dir
    return root, out


def _village_table(path: Path) -> list[list[str]] | None:
    document = docx.Document(str(path))
    for t in document.tables:
        if t.cell(0, 1).text.startswith("Thôn, tổ dân phố"):
            return [[c.text for c in r.cells] for r in t.rows]
    return None


def test_a_commune_with_village_figures_gets_their_table(rendered: tuple[Path, Path]) -> None:
    root, out = rendered
    rows = _village_table(out / "xa-dong-son.docx")
    assert rows is not None
    villages = [v for v in _villages(root) if v["don_vi"] == "Xã Đồng Sơn"]
    assert rows[0] == [
        "TT\n(1)",
        "Thôn, tổ dân phố\n(2)",
        "Tổng số hộ\n(3)",
        "Hộ nghèo cuối năm\n(4)",
        "Hộ cận nghèo cuối năm\n(5)",
    ]
    body = rows[1:-1]
    assert [r[1] for r in body] == [v["thon"] for v in villages]
    assert [r[2:] for r in body] == [
        [v["tong_so_ho"], v["ho_ngheo_cuoi_ky"], v["ho_can_ngheo_cuoi_ky"]] for v in villages
    ]
    # the last row is the commune's own figure, which its villages add up to
    assert rows[-1][1] == "Toàn xã Đồng Sơn"
    assert rows[-1][2:] == ["2.298", "40", "57"]
    text = "\n".join(p.text for p in docx.Document(str(out / "xa-dong-son.docx")).paragraphs)
    assert "Biểu 2. Hộ nghèo, hộ cận nghèo theo thôn, tổ dân phố" in text


@pytest.mark.parametrize(
    "stem", ["phuong-ngo-quyen", "thanh-pho-hoa-an"], ids=["ward-without-villages", "city"]
)
def test_reports_without_village_figures_have_no_village_section(
    rendered: tuple[Path, Path], stem: str
) -> None:
    _, out = rendered
    assert _village_table(out / f"{stem}.docx") is None
    text = "\n".join(p.text for p in docx.Document(str(out / f"{stem}.docx")).paragraphs)
    assert "theo thôn, tổ dân phố" not in text


def test_villages_that_do_not_add_up_fail_that_ward_only(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = _villages(tmp_path)
    first = next(r for r in rows if r["don_vi"] == "Xã Dĩnh Trì")
    first["ho_ngheo_cuoi_ky"] = str(int(first["ho_ngheo_cuoi_ky"]) + 3)
    _write(tmp_path, rows)
    result = pipeline.check(config)
    errors = [f for f in result.findings if f.severity == "error"]
    assert {f.unit for f in errors} == {"Xã Dĩnh Trì"}
    assert "cộng các thôn, tổ dân phố" in errors[0].message
    assert "khác số của Xã Dĩnh Trì (34)" in errors[0].message
    assert errors[0].indicators == ("ho_ngheo_cuoi_ky",) or list(errors[0].indicators) == [
        "ho_ngheo_cuoi_ky"
    ]


def test_an_empty_village_cell_is_an_issue_of_its_ward(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = _villages(tmp_path)
    row = next(r for r in rows if r["thon"] == "Tổ dân phố 3")
    row["tong_so_ho"] = ""
    _write(tmp_path, rows)
    result = pipeline.check(config)
    errors = [f for f in result.findings if f.severity == "error"]
    assert {f.unit for f in errors} == {"Phường Mỹ Độ"}
    assert "Tổ dân phố 3: ô trống" in errors[0].message


def test_a_village_of_an_unknown_ward_is_named_with_a_suggestion(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = _villages(tmp_path)
    rows[0]["don_vi"] = "Phường Mỹ Đô"
    _write(tmp_path, rows)
    with pytest.raises(ReportgenError) as info:
        pipeline.check(config)
    said = info.value.format()
    assert '"Phường Mỹ Đô" không phải một phường, xã' in said
    assert 'có phải ý bạn là "Phường Mỹ Độ"?' in said
    assert "giam-ngheo-2024-thon.csv" in said and "dòng 2" in said


def test_a_village_table_column_missing_from_the_file_is_named(tmp_path: Path) -> None:
    config = sample_project(tmp_path)
    rows = [
        {k: v for k, v in r.items() if k != "ho_can_ngheo_cuoi_ky"} for r in _villages(tmp_path)
    ]
    _write(tmp_path, rows)
    with pytest.raises(ReportgenError) as info:
        pipeline.check(config)
    said = info.value.format()
    assert 'thiếu cột "ho_can_ngheo_cuoi_ky"' in said and "theo thôn" in said
