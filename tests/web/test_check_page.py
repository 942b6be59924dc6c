"""The clerk's flow on the check page: upload, see the wrong cell, fix it in the page."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import openpyxl
import pytest
from starlette.testclient import TestClient

from tests.web.conftest import REPORT, csrf, fix_form, upload
from tests.web.sheets import RIGHT_VALUE, WRONG_VALUE, wrong_csv, wrong_workbook


def _cells(html: str, cls: str) -> list[str]:
    """The texts of the table cells that have class ``cls``."""
    out = []
    for m in re.finditer(r'<td data-col="([a-z_]+)" class="([^"]*)"[^>]*>(.*?)</td>', html, re.S):
        if cls in m[2].split():
            out.append(re.sub(r"<[^>]+>|★", "", m[3]).strip())
    return out


def test_home_lists_the_reports_under_the_root(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Kết quả thực hiện công tác giảm nghèo năm 2024" in r.text
    assert f'href="{REPORT}"' in r.text


def test_form_download_is_a_workbook_with_the_units_prefilled(client: TestClient) -> None:
    r = client.get(f"{REPORT}/bieu-mau")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    assert "bieu-mau-giam-ngheo-2024.xlsx" in r.headers["content-disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    cells = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    assert {"Phường Trần Phú", "Xã Tân Tiến"} <= cells


def test_correct_figures_say_they_agree(client: TestClient, demo_csv: Path) -> None:
    status, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    assert status == 303
    page = client.get(url).text
    assert "✓ Số liệu khớp." in page
    assert _cells(page, "err") == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_wrong_figure_is_highlighted_with_its_finding_and_the_suspect_cell(
    client: TestClient, demo_csv: Path, fmt: str
) -> None:
    data = wrong_csv(demo_csv) if fmt == "csv" else wrong_workbook(demo_csv)
    status, url = upload(client, f"so-lieu.{fmt}", data)
    assert status == 303
    page = client.get(url).text
    # the two rates and the total row's column: three findings of one ward's mistake, counted
    # once as `reportgen check` does (a workbook's group rows add theirs: see test_counts.py)
    if fmt == "csv":
        assert "✗ Có 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp)." in page
    # the shared base of the two broken rates is the suspect, marked in the table
    assert WRONG_VALUE in _cells(page, "suspect")
    assert "Phường Trần Phú</strong> — Tổng số hộ (ô " in page
    if fmt == "csv":
        assert _cells(page, "suspect") == [WRONG_VALUE]
        assert "Phường Trần Phú</strong> — Tổng số hộ (ô E2)" in page
    # both stated rates are flagged as errors, with expected and found beside them
    assert {WRONG_VALUE, "0,99", "1,91"} <= set(_cells(page, "err"))
    assert "<dt>Cần</dt><dd>0,98%</dd>" in page and "<dt>Đang ghi</dt><dd>0,99%</dd>" in page
    # figures in Vietnamese format, the computed city rate rounded to its decimals
    assert "17.138" in page and "1,35" in page
    # the stored path never shows; the clerk's own file name does
    assert "sessions" not in page and f"so-lieu.{fmt}" in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_correcting_the_cell_in_the_page_rechecks_a_copy(
    client: TestClient, demo_csv: Path, tmp_path: Path, fmt: str
) -> None:
    sent = wrong_csv(demo_csv) if fmt == "csv" else wrong_workbook(demo_csv)
    _, url = upload(client, f"so-lieu.{fmt}", sent)
    action, fields = fix_form(client.get(url).text, WRONG_VALUE, RIGHT_VALUE)
    r = client.post(action, data={"csrf": csrf(client, url), **fields}, follow_redirects=False)
    assert r.status_code == 303
    fixed = client.get(r.headers["location"])
    assert "✓ Số liệu khớp." in fixed.text
    assert f"«{WRONG_VALUE}» → «{RIGHT_VALUE}»" in fixed.text
    # the first upload is untouched and still listed
    stored = list(
        (tmp_path / "work" / "sessions").glob(f"*/giam-ngheo-2024/uploads/*/so-lieu.{fmt}")
    )
    assert len(stored) == 2
    assert sent in [p.read_bytes() for p in stored]
    # the corrected sheet downloads under the clerk's name
    got = client.get(r.headers["location"] + "/tep")
    assert f"so-lieu-da-sua.{fmt}" in got.headers["content-disposition"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_correction_that_is_not_a_number_is_a_message(
    client: TestClient, demo_csv: Path, fmt: str
) -> None:
    data = wrong_csv(demo_csv) if fmt == "csv" else wrong_workbook(demo_csv)
    _, url = upload(client, f"so-lieu.{fmt}", data)
    action, fields = fix_form(client.get(url).text, WRONG_VALUE, "bốn nghìn")
    r = client.post(action, data={"csrf": csrf(client, url), **fields})
    assert r.status_code == 400
    assert "không phải một số viết kiểu Việt Nam" in r.text
    assert "Traceback" not in r.text
    # nothing was stored beside the upload
    assert (
        len(set(re.findall(r"/so-lieu/(\d{8}-\d{6}-[0-9a-f]{6})\"", client.get(REPORT).text))) == 1
    )


def test_correction_without_a_change_says_so(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    action, fields = fix_form(client.get(url).text, WRONG_VALUE, WRONG_VALUE)
    r = client.post(action, data={"csrf": csrf(client, url), **fields})
    assert r.status_code == 400
    assert "chưa sửa ô nào" in r.text


def test_sheet_that_cannot_be_read_shows_why_with_the_clerks_file_name(
    client: TestClient, demo_csv: Path
) -> None:
    text = demo_csv.read_text(encoding="utf-8-sig").replace("tong_so_khau", "tong_khau")
    _, url = upload(client, "Biểu 01 phường.csv", text.encode("utf-8-sig"))
    r = client.get(url)
    assert r.status_code == 200
    assert "Chưa đọc được số liệu trong tệp này" in r.text
    assert 'thiếu cột "tong_so_khau"' in html.unescape(r.text)
    assert "Biểu 01 phường.csv" in r.text and "sessions" not in r.text


def test_deleting_an_upload_only_when_asked(client: TestClient, demo_csv: Path) -> None:
    _, first = upload(client, "a.csv", demo_csv.read_bytes())
    _, second = upload(client, "b.csv", demo_csv.read_bytes())
    r = client.post(f"{first}/xoa", data={"csrf": csrf(client)}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    listing = client.get(REPORT).text
    assert "b.csv" in listing and "a.csv" not in listing


def test_a_very_long_sheet_shows_only_the_units_with_problems(
    client: TestClient, demo_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.web import figures

    monkeypatch.setattr(figures, "MAX_ROWS", 5)
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    page = client.get(url).text
    rows = re.findall(r'<th scope="row" class="unit-col">([^<]+)', page)
    assert [r.strip() for r in rows] == ["Phường Trần Phú", "thành phố Hòa An"]
    assert "11 đơn vị khác không hiện ở đây" in page


def test_a_very_long_sheet_locates_the_cells_of_the_units_shown_only(
    client: TestClient, demo_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.web import figures, services

    monkeypatch.setattr(figures, "MAX_ROWS", 5)
    asked: list[str] = []
    locate = services.CellLocator.__call__

    def counted(self: services.CellLocator, unit: object, ind: object) -> object:
        asked.append(getattr(unit, "name", ""))
        return locate(self, unit, ind)  # type: ignore[arg-type]

    monkeypatch.setattr(services.CellLocator, "__call__", counted)
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    assert client.get(url).status_code == 200
    # the ward with the mistake and the whole city; the ten others are never looked up
    assert set(asked) == {"Phường Trần Phú", "thành phố Hòa An"}


def test_marked_sheet_download_when_the_project_can_mark(
    client: TestClient, demo_csv: Path
) -> None:
    from reportgen.web import services

    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    page = client.get(url).text
    r = client.get(f"{url}/danh-dau")
    if not services.can_mark():
        assert "/danh-dau" not in page
        assert r.status_code == 404 and "chưa có trên máy chủ" in r.text
        return
    assert "/danh-dau" in page
    assert r.status_code == 200 and "so-lieu-danh-dau.xlsx" in r.headers["content-disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert len(wb.worksheets) >= 2


def test_every_finding_downloads_as_text(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    r = client.get(f"{url}/kiem-tra.txt")
    assert r.status_code == 200
    assert "Tỷ lệ hộ nghèo: cần 0,98%" in r.text and "Tỷ lệ hộ cận nghèo" in r.text
    assert "sessions" not in r.text


def test_a_long_list_of_findings_is_cut_with_a_note(
    client: TestClient, demo_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.web import figures

    monkeypatch.setattr(figures, "MAX_FINDINGS", 1)
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    page = client.get(url).text
    assert page.count('<article id="f') == 1
    assert "còn 2 vấn đề khác không liệt kê ở đây" in page


def test_what_stops_the_render_besides_the_figures_is_said_on_the_check_page(
    client: TestClient, demo_csv: Path, project: Path
) -> None:
    from reportgen.web import services

    config = project / "configs" / "giam-ngheo-2024.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('name: "{{ don_vi.cot.chu_tich }}"', 'name: "{{ don_vi.cot.chu_tich_ubnd }}"'),
        encoding="utf-8",
    )
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    page = html.unescape(client.get(url).text)
    probe = services.check_figures(config, demo_csv, "so-lieu.csv")
    if not probe.problems:
        pytest.skip("this version's check does not report render problems")
    assert "Chưa sinh được báo cáo dù số liệu khớp, vì:" in page
    assert "Có thể sinh báo cáo." not in page
