"""Safety of the page: upload limits and types, zip bombs, path traversal, CSRF, login,
two clerks at once, and errors that are messages, never stack traces."""

from __future__ import annotations

import html
import io
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportgen.web import WebSettings, create_app
from reportgen.web import services as web_services
from tests.web.conftest import REPORT, csrf, upload
from tests.web.sheets import to_xlsx


def _zip(entries: dict[str, bytes], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


BOMB = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"0" * (30 * 1024 * 1024)})
TRAVERSAL = _zip({"xl/workbook.xml": b"<x/>", "../../evil.txt": b"x"})


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("so-lieu.exe", b"MZ....", 415, "không phải loại trang nhận ở đây"),
        ("so-lieu", b"a;b\n1;2\n", 415, "không phải loại trang nhận ở đây"),
        ("so-lieu.csv", b"", 400, "chưa chọn tệp nào"),
        ("so-lieu.csv", _zip({"a": b"b"}), 400, "được đặt tên .csv"),
        ("so-lieu.csv", b"don_vi;x\n\x00\x01\x02", 400, "ký tự nhị phân"),
        ("so-lieu.xlsx", b"don_vi;x\n1;2\n", 400, "không phải dạng nén của Office"),
        ("so-lieu.xlsx", b"PK\x03\x04 broken", 400, "tệp hỏng"),
        ("so-lieu.xlsx", _zip({"word/document.xml": b"<x/>"}), 400, "thiếu phần xl/workbook.xml"),
        ("so-lieu.xls", b"not an ole file", 400, "không phải sổ làm việc Excel"),
        ("so-lieu.xlsx", BOMB, 400, "nén gấp hơn"),
        ("so-lieu.xlsx", TRAVERSAL, 400, "tên phần bên trong không hợp lệ"),
    ],
    ids=[
        "exe",
        "no-extension",
        "empty",
        "zip-named-csv",
        "binary-csv",
        "text-named-xlsx",
        "broken-zip",
        "docx-named-xlsx",
        "fake-xls",
        "zip-bomb",
        "zip-traversal",
    ],
)
def test_refused_upload_is_a_message_on_the_report_page(
    client: TestClient, name: str, data: bytes, status: int, message: str
) -> None:
    got, text = upload(client, name, data)
    assert got == status
    page = html.unescape(text)
    assert message in page
    assert "Tải lên bảng số liệu đã điền" in page  # the upload box is still there
    assert "Traceback" not in page


def test_upload_over_the_size_limit_is_refused_before_it_is_stored(
    make_client: Callable[..., TestClient], demo_csv: Path, tmp_path: Path
) -> None:
    client = make_client(max_upload=2000)
    got, text = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    assert got == 413
    assert "quá lớn" in text and "tối đa 1 KB" in text
    assert not list((tmp_path / "work").glob("sessions/*/*/uploads/*"))


def test_file_name_with_a_path_is_stored_under_the_servers_own_name(
    client: TestClient, demo_csv: Path, tmp_path: Path
) -> None:
    status, url = upload(client, "../../../etc/..\\..\\so lieu.csv", demo_csv.read_bytes())
    assert status == 303
    stored = list((tmp_path / "work").rglob("*.csv"))
    assert [p.name for p in stored] == ["so-lieu.csv"]
    assert stored[0].resolve().is_relative_to((tmp_path / "work").resolve())
    assert "Kiểm tra số liệu: so lieu.csv" in client.get(url).text
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/bao-cao/..%2F..%2Fetc/so-lieu/20240101-000000-abcdef",
        f"{REPORT}/so-lieu/..%2F..%2F.secret",
        f"{REPORT}/so-lieu/20240101-000000-abcdef",
        f"{REPORT}/dot/20240101-000000-abcdef/tep/..%2Fmeta.json",
        f"{REPORT}/dot/%2E%2E/tep/x.docx",
        "/mau-word/..%2F..%2F.secret",
        "/bao-cao/khong-co",
    ],
    ids=[
        "report-key",
        "upload-id",
        "unknown-upload",
        "batch-file",
        "batch-id",
        "template-id",
        "report",
    ],
)
def test_addresses_that_try_to_leave_the_session_folder_are_not_found(
    client: TestClient, path: str
) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "không tìm thấy" in r.text
    assert "Traceback" not in r.text


def test_batch_file_outside_the_report_folder_is_not_served(
    client: TestClient, demo_csv: Path
) -> None:
    _, url = upload(client, "so-lieu.csv", demo_csv.read_bytes())
    r = client.post(f"{url}/in", data={"csrf": csrf(client, url)}, follow_redirects=False)
    batch = r.headers["location"]
    from tests.web.conftest import wait_batch

    wait_batch(client, batch)
    assert client.get(f"{batch}/tep/phuong-tran-phu.docx").status_code == 200
    for name in ("meta.json", "..%2Fmeta.json", "bao-cao.zip", "%2Fetc%2Fpasswd"):
        assert client.get(f"{batch}/tep/{name}").status_code == 404


def test_form_without_the_csrf_token_is_refused(client: TestClient, demo_csv: Path) -> None:
    client.get(REPORT)
    r = client.post(
        f"{REPORT}/tai-len", files={"tep": ("a.csv", demo_csv.read_bytes(), "text/csv")}
    )
    assert r.status_code == 403
    assert "biểu mẫu đã hết hạn hoặc không gửi từ trang này" in r.text


def test_one_clerks_token_does_not_work_for_another(
    make_client: Callable[..., TestClient], demo_csv: Path
) -> None:
    anh, chi = make_client(), make_client()
    token = csrf(anh)
    chi.get(REPORT)
    status, _ = upload(chi, "a.csv", demo_csv.read_bytes(), token=token)
    assert status == 403


def test_two_clerks_do_not_see_or_overwrite_each_others_files(
    make_client: Callable[..., TestClient], demo_csv: Path, tmp_path: Path
) -> None:
    anh, chi = make_client(), make_client()
    tokens = {id(anh): csrf(anh), id(chi): csrf(chi)}
    urls: dict[str, str] = {}

    def send(client: TestClient, name: str, data: bytes) -> None:
        urls[name] = upload(client, name, data, token=tokens[id(client)])[1]

    workers = [
        threading.Thread(target=send, args=(anh, "anh.csv", demo_csv.read_bytes())),
        threading.Thread(target=send, args=(chi, "chi.xlsx", to_xlsx(demo_csv.read_bytes()))),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert anh.get(urls["anh.csv"]).status_code == 200
    assert chi.get(urls["chi.xlsx"]).status_code == 200
    assert chi.get(urls["anh.csv"]).status_code == 404
    assert anh.get(urls["chi.xlsx"]).status_code == 404
    assert "chi.xlsx" not in anh.get(REPORT).text
    assert "anh.csv" not in chi.get(REPORT).text
    sessions = list((tmp_path / "work" / "sessions").iterdir())
    assert len(sessions) == 2


def test_password_is_asked_when_the_operator_set_one(
    make_client: Callable[..., TestClient], demo_csv: Path
) -> None:
    client = make_client(token="mat-khau-rieng")
    r = client.get(REPORT, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dang-nhap"
    assert client.get(f"{REPORT}/dot/20240101-000000-abcdef/tien-do").status_code == 401
    token = csrf(client, "/dang-nhap")
    bad = client.post("/dang-nhap", data={"csrf": token, "mat_khau": "sai"})
    assert bad.status_code == 401 and "mật khẩu không đúng" in bad.text
    ok = client.post("/dang-nhap", data={"csrf": token, "mat_khau": "mat-khau-rieng"})
    assert ok.status_code == 200 and "Kết quả thực hiện" in ok.text
    assert upload(client, "a.csv", demo_csv.read_bytes())[0] == 303


def test_a_changed_password_asks_every_session_again(
    make_client: Callable[..., TestClient],
) -> None:
    before = make_client(token="mat-khau-cu")
    token = csrf(before, "/dang-nhap")
    before.post("/dang-nhap", data={"csrf": token, "mat_khau": "mat-khau-cu"})
    assert before.get(REPORT, follow_redirects=False).status_code == 200
    # the operator restarts the page with a new password (same work folder, same signing key)
    after = make_client(token="mat-khau-moi")
    after.cookies = before.cookies
    r = after.get(REPORT, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dang-nhap"


def test_guessing_the_password_is_stopped_even_before_the_right_one(
    make_client: Callable[..., TestClient],
) -> None:
    from reportgen.web.security import LoginThrottle

    now = [0.0]
    client = make_client(token="mat-khau-rieng")
    client.app.state.login_throttle = LoginThrottle(limit=3, window=600, clock=lambda: now[0])  # type: ignore[attr-defined]
    token = csrf(client, "/dang-nhap")
    for guess in ("1", "2", "3"):
        assert client.post("/dang-nhap", data={"csrf": token, "mat_khau": guess}).status_code == 401
    locked = client.post("/dang-nhap", data={"csrf": token, "mat_khau": "mat-khau-rieng"})
    assert locked.status_code == 429
    assert "đã nhập sai mật khẩu 3 lần" in locked.text and "10 phút" in locked.text
    assert client.get(REPORT, follow_redirects=False).status_code == 303  # still not let in
    now[0] = 601.0  # the window has passed
    ok = client.post("/dang-nhap", data={"csrf": token, "mat_khau": "mat-khau-rieng"})
    assert ok.status_code == 200 and "Kết quả thực hiện" in ok.text


def test_login_form_needs_its_csrf_token(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token="mat-khau-rieng")
    r = client.post("/dang-nhap", data={"mat_khau": "mat-khau-rieng"})
    assert r.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 303


def test_loopback_server_answers_only_loopback_names(project: Path, tmp_path: Path) -> None:
    app = create_app(WebSettings(root=project, work_dir=tmp_path / "w"))
    with TestClient(app, base_url="http://127.0.0.1") as ok:
        assert ok.get("/").status_code == 200
    with TestClient(app, base_url="http://evil.example") as other:
        r = other.get("/")
        assert r.status_code == 400 and "chỉ mở được bằng địa chỉ của chính máy chủ" in r.text
    with TestClient(app, base_url="http://localhost:8000") as named:
        assert named.get("/").status_code == 200


def test_loopback_server_answers_the_address_it_listens_on(project: Path, tmp_path: Path) -> None:
    app = create_app(WebSettings(root=project, work_dir=tmp_path / "w", host="127.0.0.2"))
    with TestClient(app, base_url="http://127.0.0.2:8000") as own:
        assert own.get("/").status_code == 200
    with TestClient(app, base_url="http://evil.example") as other:
        assert other.get("/").status_code == 400


def test_pages_carry_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_pages_fetch_nothing_from_the_internet(client: TestClient, demo_csv: Path) -> None:
    _, url = upload(client, "a.csv", demo_csv.read_bytes())
    for page in ("/", REPORT, url, "/mau-word", "/static/app.css", "/static/app.js"):
        text = client.get(page).text
        assert "http://" not in text and "https://" not in text, page


def test_unexpected_error_is_a_vietnamese_message_not_a_stack_trace(
    client: TestClient, demo_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, url = upload(client, "a.csv", demo_csv.read_bytes())

    def boom(*args: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_services, "check_figures", boom)
    r = client.get(url)
    assert r.status_code == 500
    assert "có lỗi không lường trước khi xử lý yêu cầu" in r.text
    assert "secret internal detail" not in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "so-lieu.ods",
            _zip(
                {
                    "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": b"<x/>",
                }
            ),
        ),
        ("so-lieu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
    ],
    ids=["ods", "xls"],
)
def test_other_spreadsheet_kinds_are_taken_and_read_or_explained(
    client: TestClient, name: str, data: bytes
) -> None:
    status, url = upload(client, name, data)
    assert status == 303
    r = client.get(url)
    assert r.status_code == 200
    assert "Chưa đọc được số liệu trong tệp này" in r.text
    assert "Traceback" not in r.text and "sessions" not in r.text


def test_names_and_cells_from_an_upload_are_escaped(client: TestClient, demo_csv: Path) -> None:
    text = demo_csv.read_text(encoding="utf-8-sig").replace(
        "Phường Trần Phú;Phường;Nguyễn Văn Hùng;4.525;4.558",
        "Phường Trần Phú;Phường;Nguyễn Văn Hùng;4.525;<b>4.558</b>",
    )
    status, url = upload(client, "<img src=x onerror=alert(1)>.csv", text.encode("utf-8-sig"))
    assert status == 303
    page = client.get(url).text
    assert "<img src=x" not in page and "<b>4.558" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in page
    assert "&lt;b&gt;4.558&lt;/b&gt;" in page


def test_a_body_sent_in_chunks_is_stopped_at_the_limit(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(max_upload=1000)
    token = csrf(client)
    boundary = "ranh-gioi"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="tep"; filename="a.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(100):  # 6,4 MB, never announced
            yield b"x" * 65536

    r = client.post(
        f"{REPORT}/tai-len",
        content=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert r.status_code == 413
    assert "tệp gửi lên quá lớn" in r.text and "Traceback" not in r.text
    assert not list((tmp_path / "work").glob("sessions/*/*/uploads/*"))
