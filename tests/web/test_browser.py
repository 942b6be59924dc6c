"""End to end in a real browser (Debian chromium driven by Playwright): upload the sample
figures with one wrong cell (by drag and drop), see it highlighted, fix it in the page, render,
look at a page preview, download the zip. Screenshots go to outputs/web-screenshots/."""

from __future__ import annotations

import base64
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen.web import WebSettings, create_app
from tests.helpers import ROOT
from tests.web.sheets import RIGHT_VALUE, WRONG_VALUE, wrong_csv

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "outputs" / "web-screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--lang=vi-VN",
]

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no /usr/bin/chromium: run `bash scripts/install_browser.sh` to install it",
)


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[str]:
    """The page served by uvicorn on 127.0.0.1 and a free port; its base address."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = create_app(WebSettings(root=project, work_dir=tmp_path / "work", port=port))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _drop_file(page: object, selector: str, name: str, data: bytes) -> None:
    """Drop a file on an element the way a clerk drags one from the file manager."""
    page.evaluate(  # type: ignore[attr-defined]
        """([selector, name, b64]) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name, {type: "text/csv"}));
            const el = document.querySelector(selector);
            el.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
            el.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        [selector, name, base64.b64encode(data).decode("ascii")],
    )


def test_clerk_fixes_a_wrong_figure_renders_and_downloads_the_zip(
    server: str, browser: object, demo_csv: Path, tmp_path: Path
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1440, "height": 900}, accept_downloads=True, locale="vi-VN"
    )
    page = context.new_page()
    page.set_default_timeout(30_000)

    page.goto(server + "/")
    page.screenshot(path=str(SHOTS / "1-bao-cao.png"))
    page.locator('a.button[href="/bao-cao/giam-ngheo-2024"]').click()
    page.get_by_text("Tải biểu mẫu (.xlsx)").wait_for()
    with page.expect_download() as form:
        page.get_by_text("Tải biểu mẫu (.xlsx)").click()
    assert form.value.suggested_filename == "bieu-mau-giam-ngheo-2024.xlsx"

    _drop_file(page, ".drop", "bieu-mau-phuong.csv", wrong_csv(demo_csv))
    assert "bieu-mau-phuong.csv" in page.locator("[data-file-name]").inner_text()
    page.screenshot(path=str(SHOTS / "2-tai-len.png"))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()

    page.get_by_text("Có 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp)").wait_for()
    suspect = page.locator("td.suspect")
    assert suspect.count() == 1
    assert WRONG_VALUE in suspect.inner_text()
    # the suspect, the two rates it puts out, and the total row's cell of its column
    assert page.locator("td.err").count() == 4
    page.screenshot(path=str(SHOTS / "3-kiem-tra.png"), full_page=True)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.screenshot(path=str(SHOTS / "3-kiem-tra-man-hinh-lon.png"))
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path=str(SHOTS / "3-kiem-tra-laptop.png"))

    # keyboard: the flagged cell is a link that leads to its finding
    suspect.locator("a").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#f1"

    field = page.locator(".suspect-field input").first
    field.fill(RIGHT_VALUE)
    field.press("Enter")
    page.get_by_text("Số liệu khớp.").wait_for()
    assert page.locator("td.err").count() == 0

    page.get_by_role("button", name="Sinh báo cáo").click()
    page.get_by_text("Đã sinh 13 báo cáo").wait_for(timeout=240_000)
    page.screenshot(path=str(SHOTS / "4-sinh-bao-cao.png"), full_page=True)

    with page.expect_download() as dl:
        page.get_by_role("link", name="Tải tất cả (.zip)").click()
    target = tmp_path / "bao-cao.zip"
    dl.value.save_as(target)
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
    assert sum(n.endswith(".docx") for n in names) == 13

    if shutil.which("soffice") and shutil.which("pdftoppm"):
        assert sum(n.endswith(".pdf") for n in names) == 13
        page.get_by_role("link", name="Xem trang").first.click()
        page.locator(".page img").first.wait_for()
        page.wait_for_function(
            "[...document.querySelectorAll('.page img')].every(i => i.complete && i.naturalWidth > 0)"
        )
        assert page.locator(".page img").count() >= 2
        page.screenshot(path=str(SHOTS / "5-xem-truoc.png"))
    context.close()


def test_template_author_sees_the_marked_tag(
    server: str, browser: object, project: Path, tmp_path: Path
) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Số hộ nghèo cuối năm là {{ ho_ngheo_cuoi_kyy | so }} hộ.")
    path = tmp_path / "mau-thu.docx"
    d.save(str(path))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + "/mau-word")
    page.set_input_files("#tep", str(path))
    page.select_option("#bao_cao", "giam-ngheo-2024")
    page.get_by_role("button", name="Kiểm tra mẫu").click()
    mark = page.locator("blockquote.para mark").first
    mark.wait_for()
    assert mark.inner_text() == "{{ ho_ngheo_cuoi_kyy | so }}"
    page.screenshot(path=str(SHOTS / "6-mau-word.png"), full_page=True)
    page.close()
