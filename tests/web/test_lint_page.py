"""The template author's page: upload a .docx and see the lint result located, the tag marked."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from starlette.testclient import TestClient

from tests.web.conftest import csrf


def _send(client: TestClient, name: str, data: bytes, report: str = "") -> str:
    r = client.post(
        "/mau-word",
        data={"csrf": csrf(client, "/mau-word"), "bao_cao": report},
        files={"tep": (name, data, "application/octet-stream")},
        follow_redirects=True,
    )
    return r.text


def test_the_sample_template_is_usable(client: TestClient, project: Path) -> None:
    data = (project / "templates" / "bao-cao-co-ban.docx").read_bytes()
    page = _send(client, "bao-cao-co-ban.docx", data, "giam-ngheo-2024")
    assert "Kết quả: bao-cao-co-ban.docx" in page
    assert "Không có vấn đề nào: mẫu dùng được." in page
    assert "Traceback" not in page


def test_a_misspelt_name_is_shown_in_its_paragraph_with_the_tag_marked(
    client: TestClient,
) -> None:
    d = docx.Document()
    d.add_paragraph("Tổng số hộ nghèo là {{ ho_ngheo_cuoi_kyy | so }} hộ.")
    buf = io.BytesIO()
    d.save(buf)
    page = _send(client, "mau sai.docx", buf.getvalue(), "giam-ngheo-2024")
    assert "Mẫu chưa dùng được" in page
    assert "thân văn bản, đoạn 1" in page
    assert "<mark>{{ ho_ngheo_cuoi_kyy | so }}</mark>" in page
    assert "ho_ngheo_cuoi_ky" in page  # did-you-mean


def test_a_file_that_is_not_a_word_document_is_refused(client: TestClient) -> None:
    r = client.post(
        "/mau-word",
        data={"csrf": csrf(client, "/mau-word")},
        files={"tep": ("mau.doc", b"\xd0\xcf\x11\xe0", "application/msword")},
    )
    assert r.status_code == 415
    assert "(cần .docx)" in r.text
