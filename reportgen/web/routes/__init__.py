"""The pages: the list of reports, one page per report (form, upload, figures and findings,
corrections, render, downloads, preview), the template check, and the login."""

from __future__ import annotations

from starlette.routing import Route

from reportgen.web.routes.batches import (
    batch_file,
    batch_page,
    batch_progress,
    batch_zip,
    delete_batch,
    preview,
    preview_image,
    start_render,
)
from reportgen.web.routes.common import error_page, errors_page
from reportgen.web.routes.home import home, login, logout
from reportgen.web.routes.lint import lint_page, lint_result
from reportgen.web.routes.uploads import (
    check_page,
    correct,
    delete_upload,
    download_findings,
    download_form,
    download_marked,
    download_upload,
    report_page,
    upload,
)

__all__ = ["ROUTES", "error_page", "errors_page"]

ROUTES = [
    Route("/", home),
    Route("/dang-nhap", login, methods=["GET", "POST"]),
    Route("/dang-xuat", logout, methods=["POST"]),
    Route("/mau-word", lint_page, methods=["GET", "POST"]),
    Route("/mau-word/{tid}", lint_result),
    Route("/bao-cao/{key}", report_page),
    Route("/bao-cao/{key}/bieu-mau", download_form),
    Route("/bao-cao/{key}/tai-len", upload, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}", check_page),
    Route("/bao-cao/{key}/so-lieu/{uid}/sua", correct, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}/tep", download_upload),
    Route("/bao-cao/{key}/so-lieu/{uid}/danh-dau", download_marked),
    Route("/bao-cao/{key}/so-lieu/{uid}/kiem-tra.txt", download_findings),
    Route("/bao-cao/{key}/so-lieu/{uid}/xoa", delete_upload, methods=["POST"]),
    Route("/bao-cao/{key}/so-lieu/{uid}/in", start_render, methods=["POST"]),
    Route("/bao-cao/{key}/dot/{bid}", batch_page),
    Route("/bao-cao/{key}/dot/{bid}/tien-do", batch_progress),
    Route("/bao-cao/{key}/dot/{bid}/xoa", delete_batch, methods=["POST"]),
    Route("/bao-cao/{key}/dot/{bid}/zip", batch_zip),
    Route("/bao-cao/{key}/dot/{bid}/tep/{name}", batch_file),
    Route("/bao-cao/{key}/dot/{bid}/xem/{name}", preview),
    Route("/bao-cao/{key}/dot/{bid}/anh/{name}/{page:int}", preview_image),
]
