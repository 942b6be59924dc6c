"""Rendering from the page: progress, every report listed, downloads of one report or the zip,
units with errors set aside (or printed DỰ THẢO when the clerk asks)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from starlette.testclient import TestClient

from tests.web.conftest import REPORT, csrf, upload, wait_batch
from tests.web.sheets import wrong_csv


def _render(client: TestClient, url: str, **fields: str) -> str:
    r = client.post(f"{url}/in", data={"csrf": csrf(client, url), **fields}, follow_redirects=False)
    assert r.status_code == 303
    batch = r.headers["location"]
    wait_batch(client, batch)
    return batch


def test_render_lists_every_report_and_downloads_them(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    batch = _render(client, url)
    page = client.get(batch).text
    assert "Đã sinh 13 báo cáo" in page
    assert "máy chủ chưa có LibreOffice" in page  # PDF switched off in these tests
    docx = client.get(f"{batch}/tep/phuong-tran-phu.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "4.558 hộ" in text  # Trần Phú's households, as the upload states them
    z = client.get(f"{batch}/zip")
    assert z.status_code == 200
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        names = zf.namelist()
    assert sum(n.endswith(".docx") for n in names) == 13
    assert "giam-ngheo-2024/manifest.json" in names
    assert "giam-ngheo-2024/kiem-tra.txt" in names
    # the batch is listed on the report page
    assert batch.rsplit("/", 1)[1] in client.get(REPORT).text


def test_units_with_errors_are_set_aside_with_the_reason(
    client: TestClient, demo_csv: Path
) -> None:
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    page = client.get(_render(client, url)).text
    assert "Đã sinh 11 báo cáo" in page and "bỏ qua 2" in page
    # counted as `reportgen check` counts: one mistake (two rates it breaks) in the ward, and
    # the city's total row put out by that ward's cell
    ward = (
        'Phường Trần Phú</td>\n  <td><span class="bad">bỏ qua</span> — 1 lỗi số liệu '
        "(gồm 2 phép kiểm tra không khớp) (xem kết quả kiểm tra)"
    )
    assert ward in page
    assert "1 lỗi số liệu, do ô sai của Phường Trần Phú (xem kết quả kiểm tra)" in page
    # the page's own way to print drafts, not the command line's
    assert "--force" not in page and "chọn «Vẫn in các đơn vị còn lỗi" in page
    assert "sessions" not in page


def test_draft_on_request_prints_the_wrong_units_marked(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "so-lieu.csv", wrong_csv(demo_csv))
    page = client.get(_render(client, url, du_thao="1")).text
    assert "Đã sinh 13 báo cáo (2 bản DỰ THẢO)" in page


def test_each_render_is_a_batch_of_its_own(
    client: TestClient, demo_csv: Path, tmp_path: Path
) -> None:
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    first, second = _render(client, url), _render(client, url)
    assert first != second
    assert "Đã sinh 13 báo cáo" in client.get(second).text
    batches = list((tmp_path / "work").glob("sessions/*/giam-ngheo-2024/batches/*"))
    assert len(batches) == 2


def test_progress_of_an_unknown_batch_is_not_found(client: TestClient) -> None:
    assert client.get(f"{REPORT}/dot/20240101-000000-abcdef/tien-do").status_code == 404


def test_two_clerks_render_at_once_into_their_own_folders(
    make_client: Callable[..., TestClient], demo_csv: Path, tmp_path: Path
) -> None:
    anh, chi = make_client(), make_client()
    _, url_anh = upload(anh, "anh.csv", demo_csv.read_bytes())
    _, url_chi = upload(chi, "chi.csv", wrong_csv(demo_csv))
    starts = [
        anh.post(f"{url_anh}/in", data={"csrf": csrf(anh, url_anh)}, follow_redirects=False),
        chi.post(f"{url_chi}/in", data={"csrf": csrf(chi, url_chi)}, follow_redirects=False),
    ]
    batch_anh, batch_chi = (r.headers["location"] for r in starts)
    wait_batch(anh, batch_anh)
    wait_batch(chi, batch_chi)
    assert "Đã sinh 13 báo cáo" in anh.get(batch_anh).text
    assert "Đã sinh 11 báo cáo" in chi.get(batch_chi).text
    assert chi.get(batch_anh).status_code == 404
    assert anh.get(f"{batch_chi}/zip").status_code == 404
    folders = sorted(tmp_path.glob("work/sessions/*/giam-ngheo-2024/batches/*"))
    assert len(folders) == 2 and folders[0].parent.parent != folders[1].parent.parent


def test_a_batch_is_deleted_only_when_the_clerk_asks(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    first, second = _render(client, url), _render(client, url)
    r = client.post(f"{first}/xoa", data={"csrf": csrf(client, first)}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(first).status_code == 404
    assert client.get(f"{second}/zip").status_code == 200
    assert client.get(url).status_code == 200  # the upload stays


def test_a_batch_that_cannot_run_says_why_on_its_page(
    client: TestClient, demo_csv: Path, project: Path
) -> None:
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    (project / "templates" / "bao-cao-co-ban.docx").write_bytes(b"not a word document")
    page = client.get(_render(client, url)).text
    assert "Không sinh được báo cáo:" in page
    assert "bao-cao-co-ban.docx" in page
    assert "Traceback" not in page and "sessions" not in page


def test_a_report_definition_with_mistakes_is_listed_with_them(
    client: TestClient, project: Path
) -> None:
    (project / "configs" / "hong.yaml").write_text("report: [\n", encoding="utf-8")
    home = client.get("/").text
    assert "hong.yaml" in home and "Định nghĩa báo cáo này có lỗi" in home
    for page in ("/bao-cao/hong", "/bao-cao/hong/bieu-mau"):
        r = client.get(page)
        assert r.status_code == 400
        assert "định nghĩa báo cáo hong.yaml có lỗi" in r.text and "Traceback" not in r.text


def test_one_clerk_cannot_queue_batches_without_end(
    make_client: Callable[..., TestClient], demo_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from reportgen.web import services
    from reportgen.web.routes import batches

    release = threading.Event()
    real = services.render_batch

    def slow(*args: object, **kwargs: object) -> object:
        release.wait(60)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "render_batch", slow)
    monkeypatch.setattr(batches, "MAX_PER_SESSION", 1)
    busy, other = make_client(), make_client()
    try:
        _, url = upload(busy, "so-lieu.csv", demo_csv.read_bytes())
        token = csrf(busy, url)
        first = busy.post(f"{url}/in", data={"csrf": token}, follow_redirects=False)
        assert first.status_code == 303
        second = busy.post(f"{url}/in", data={"csrf": token})
        assert second.status_code == 429
        assert "đang có 1 đợt sinh báo cáo chưa xong" in second.text
        # another clerk is not held up by this one's limit
        _, url2 = upload(other, "so-lieu.csv", demo_csv.read_bytes())
        started = other.post(f"{url2}/in", data={"csrf": csrf(other, url2)}, follow_redirects=False)
        assert started.status_code == 303
    finally:
        release.set()
    wait_batch(busy, first.headers["location"])
    wait_batch(other, started.headers["location"])
    again = busy.post(f"{url}/in", data={"csrf": token}, follow_redirects=False)
    assert again.status_code == 303
    wait_batch(busy, again.headers["location"])
