"""Cells corrected in the page of a workbook with formulas (the project's own ready-to-fill
form works out its rates and totals by formula): the copy is recalculated, so every figure a
formula works out is read again, never left without its value."""

from __future__ import annotations

import html
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from starlette.testclient import TestClient

from reportgen.web import services
from tests.web.conftest import REPORT, csrf, upload
from tests.web.sheets import WRONG_UNIT, WRONG_VALUE

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: run `bash scripts/install_pdf_tools.sh`",
)


def _filled_form(client: TestClient, demo_csv: Path, tmp_path: Path) -> bytes:
    """The report's ready-to-fill form as a clerk fills it from the sample figures, with the
    ward's households mistyped, saved with its formulas worked out (as Excel saves it)."""
    import csv

    from reportgen.vnformat import parse_number

    form = openpyxl.load_workbook(io.BytesIO(client.get(f"{REPORT}/bieu-mau").content))
    meta = form["_reportgen"]
    settings = {str(r[0]): r[1] for r in meta.iter_rows(values_only=True) if r[0] != "column"}
    columns = {
        str(r[2]).removeprefix("attr:"): str(r[1])
        for r in meta.iter_rows(values_only=True)
        if r[0] == "column"
    }
    rows = list(csv.reader(io.StringIO(demo_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    figures = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    ws = form[str(settings["sheet"])]
    first = int(str(settings["first_row"]))
    unit_col = next(
        c.column
        for row in ws.iter_rows(max_row=first - 1)
        for c in row
        if c.value == settings["unit_column"]
    )
    for r in range(first, ws.max_row + 1):
        unit = ws.cell(r, unit_col).value
        if unit not in figures:
            continue
        for ind, col in columns.items():
            cell = ws[f"{col}{r}"]
            text = figures[unit].get(ind, "")
            if ind == "tong_so_ho" and unit == WRONG_UNIT:
                text = WRONG_VALUE
            if not text or (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            try:
                d = parse_number(text)
            except Exception:  # text (the chairman's name)
                cell.value = text
                continue
            cell.value = int(d) if d == d.to_integral_value() else float(d)
    raw = tmp_path / "dien.xlsx"
    form.save(raw)
    done = tmp_path / "bieu-mau-da-dien.xlsx"
    assert services.recalculate(raw, done) is None
    return done.read_bytes()


def _first_fix(page: str) -> tuple[str, dict[str, str]]:
    """The first correction form of the page: its address and fields as shown."""
    m = re.search(r'<form method="post" action="([^"]+/sua)"[^>]*>(.*?)</form>', page, re.S)
    assert m, "no correction form"
    fields = {
        k: html.unescape(v) for k, v in re.findall(r'name="([ocw]-\d+)" value="([^"]*)"', m[2])
    }
    return m[1], fields


@needs_libreoffice
def test_correcting_a_cell_of_a_form_with_formulas_recalculates_them(
    client: TestClient, demo_csv: Path, tmp_path: Path
) -> None:
    data = _filled_form(client, demo_csv, tmp_path)
    status, url = upload(client, "bieu-mau-da-dien.xlsx", data)
    assert status == 303
    page = client.get(url).text
    assert "✗ Có 1 lỗi ở 1 đơn vị." in page
    # the form works the rates out from the mistyped households; the typed fall no longer
    # agrees with them: correct it to what the page says it should be
    action, fields = _first_fix(page)
    shown = {k[2:]: v for k, v in fields.items() if k.startswith("c-")}
    n = next(k for k, v in shown.items() if v == "0,14")
    fields[f"o-{n}"] = "0,15"
    r = client.post(action, data={"csrf": csrf(client, url), **fields}, follow_redirects=False)
    assert r.status_code == 303
    fixed = client.get(r.headers["location"]).text
    # every rate and total the form works out is still read (none left without its value)
    assert "✓ Số liệu khớp." in fixed
    assert "«0,14» → «0,15»" in fixed
    copy = openpyxl.load_workbook(io.BytesIO(client.get(r.headers["location"] + "/tep").content))
    assert any(
        isinstance(c.value, str) and c.value.startswith("=")
        for row in copy["Biểu nhập liệu"].iter_rows()
        for c in row
    ), "the corrected copy keeps the form's formulas"


@needs_libreoffice
def test_formulas_that_cannot_be_recalculated_are_a_message(
    client: TestClient, demo_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _filled_form(client, demo_csv, tmp_path)
    _, url = upload(client, "bieu-mau-da-dien.xlsx", data)
    action, fields = _first_fix(client.get(url).text)
    n = next(k[2:] for k, v in fields.items() if k.startswith("c-") and v == "0,14")
    fields[f"o-{n}"] = "0,15"
    monkeypatch.setattr(services, "soffice", lambda: None)
    r = client.post(action, data={"csrf": csrf(client, url), **fields})
    assert r.status_code == 400
    assert "có công thức" in r.text and "sửa ô trong Excel" in r.text
    assert "Traceback" not in r.text
    # no half-made copy is listed beside the upload
    listed = re.findall(r"/so-lieu/(\d{8}-\d{6}-[0-9a-f]{6})\"", client.get(REPORT).text)
    assert len(set(listed)) == 1


def test_correction_naming_a_sheet_the_workbook_lacks_writes_nothing(
    client: TestClient, demo_csv: Path
) -> None:
    from tests.web.sheets import wrong_workbook

    _, url = upload(client, "so-lieu.xlsx", wrong_workbook(demo_csv))
    action, fields = _first_fix(client.get(url).text)
    n = next(k[2:] for k, v in fields.items() if k.startswith("c-") and v == WRONG_VALUE)
    row, col, _ = fields[f"w-{n}"].split(":", 2)
    fields[f"w-{n}"] = f"{row}:{col}:Trang không có"
    fields[f"o-{n}"] = "4.558"
    r = client.post(action, data={"csrf": csrf(client, url), **fields})
    assert r.status_code == 400
    assert "Trang không có" in r.text
    listed = re.findall(r"/so-lieu/(\d{8}-\d{6}-[0-9a-f]{6})\"", client.get(REPORT).text)
    assert len(set(listed)) == 1


@needs_libreoffice
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_ods_and_xls_are_read_and_checked_but_corrected_in_the_spreadsheet_program(
    client: TestClient, demo_csv: Path, tmp_path: Path, kind: str
) -> None:
    import subprocess

    from tests.web.sheets import to_xlsx, wrong_csv

    source = tmp_path / "so-lieu.xlsx"
    source.write_bytes(to_xlsx(wrong_csv(demo_csv)))
    program = services.soffice()
    assert program is not None
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "out" / f"so-lieu.{kind}"
    if not converted.is_file():
        pytest.skip(f"LibreOffice did not write a .{kind} file")
    status, url = upload(client, f"so-lieu.{kind}", converted.read_bytes())
    assert status == 303
    page = client.get(url).text
    assert "✗ Có 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp)." in page
    assert "tệp loại này không sửa trên trang được" in page
    assert "/sua" not in page  # no correction form that could not be applied
    assert re.search(r'class="num err suspect[^"]*"[^>]*>\s*<a[^>]*><span class="star"', page)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "where", ["1048576:5:", "2:16383:", "0:0:"], ids=["last-row", "last-column", "row-zero"]
)
def test_correction_of_a_cell_outside_the_sheet_is_not_found(
    client: TestClient, demo_csv: Path, fmt: str, where: str
) -> None:
    from tests.web.sheets import to_xlsx, wrong_csv

    data = wrong_csv(demo_csv)
    _, url = upload(client, f"so-lieu.{fmt}", data if fmt == "csv" else to_xlsx(data))
    action, fields = _first_fix(client.get(url).text)
    n = next(k[2:] for k, v in fields.items() if k.startswith("c-") and v == WRONG_VALUE)
    sheet = fields[f"w-{n}"].split(":", 2)[2]
    fields[f"w-{n}"] = where + sheet
    fields[f"o-{n}"] = "4.558"
    r = client.post(action, data={"csrf": csrf(client, url), **fields})
    assert r.status_code == 400
    assert "Không tìm thấy" in r.text or "không tìm thấy" in r.text
    assert "Traceback" not in r.text
    listed = re.findall(r"/so-lieu/(\d{8}-\d{6}-[0-9a-f]{6})\"", client.get(REPORT).text)
    assert len(set(listed)) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"], ids=["utf16-bom", "utf16-no-bom"])
def test_utf16_csv_is_taken_checked_and_corrected_like_the_reader_reads_it(
    client: TestClient, demo_csv: Path, encoding: str
) -> None:
    from tests.web.sheets import RIGHT_VALUE, wrong_csv

    text = wrong_csv(demo_csv).decode("utf-8-sig")
    status, url = upload(client, "so-lieu.csv", text.encode(encoding))
    assert status == 303
    page = client.get(url).text
    assert "✗ Có 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp)." in page
    action, fields = _first_fix(page)
    n = next(k[2:] for k, v in fields.items() if k.startswith("c-") and v == WRONG_VALUE)
    fields[f"o-{n}"] = RIGHT_VALUE
    r = client.post(action, data={"csrf": csrf(client, url), **fields}, follow_redirects=False)
    assert r.status_code == 303
    fixed = client.get(r.headers["location"]).text
    assert "✓ Số liệu khớp." in fixed
    # every other cell, the Vietnamese names included, reads as before
    assert "Phường Hoàng Văn Thụ" in fixed and "Xã Dĩnh Trì" in fixed
