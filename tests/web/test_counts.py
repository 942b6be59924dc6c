"""The check page counts errors as ``reportgen check`` does: one per mistake (a mistyped cell
that breaks several checks is one error), units by the unit whose cell is to fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportgen.app import pipeline
from reportgen.validate.report import summary_line
from tests.helpers import edit_cell
from tests.web.conftest import upload
from tests.web.sheets import to_xlsx

_CHECK = re.compile(
    r"Kết quả: (\d+) lỗi ở (\d+) đơn vị(?: \(gồm (\d+) phép kiểm tra không khớp\))?"
)
_PAGE = re.compile(
    r"✗ Có (\d+) lỗi ở (\d+) đơn vị(?: \(gồm (\d+) phép kiểm tra không khớp\))?\.</strong>"
)

# (unit, column, value) cells changed in the sample figures
CASES = {
    # a swapped pair of digits in a ward's households: two rates and the city total break
    "one-mistake-three-checks": [("Phường Trần Phú", "tong_so_ho", "4.585")],
    # the same in two wards: two mistakes, two wards
    "two-wards-two-mistakes": [
        ("Phường Trần Phú", "tong_so_ho", "4.585"),
        ("Phường Ngô Quyền", "tong_so_ho", "5.429"),
    ],
    # a rate typed wrong: one check, one error, nothing grouped
    "one-rate-typed-wrong": [("Xã Song Mai", "ty_le_ho_can_ngheo", "1,99")],
    # a grouped mistake in one ward, a lone one in a commune, a negative count in another
    "grouped-and-lone": [
        ("Phường Trần Phú", "tong_so_ho", "4.585"),
        ("Xã Song Mai", "ty_le_giai_ngan", "91,00"),
        ("Xã Đồng Sơn", "so_the_bhyt", "-3"),
    ],
}


def _wrong(demo_csv: Path, edits: list[tuple[str, str, str]]) -> bytes:
    original = demo_csv.read_bytes()
    for unit, column, value in edits:
        edit_cell(demo_csv, unit, column, value)
    data = demo_csv.read_bytes()
    demo_csv.write_bytes(original)
    return data


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("edits", list(CASES.values()), ids=list(CASES))
def test_page_counts_errors_and_units_as_check_does(
    client: TestClient,
    project: Path,
    demo_csv: Path,
    tmp_path: Path,
    edits: list[tuple[str, str, str]],
    fmt: str,
) -> None:
    data = _wrong(demo_csv, edits)
    if fmt == "xlsx":
        data = to_xlsx(data)
    sheet = tmp_path / f"so-lieu.{fmt}"
    sheet.write_bytes(data)
    result = pipeline.check(project / "configs" / "giam-ngheo-2024.yaml", data_file=sheet)
    expected = _CHECK.search(summary_line(result.findings))
    assert expected, summary_line(result.findings)

    status, url = upload(client, sheet.name, data)
    assert status == 303
    shown = _PAGE.search(client.get(url).text)
    assert shown, "the check page has no error count"
    assert shown.groups() == expected.groups()


def test_one_mistake_breaking_three_checks_is_one_error(client: TestClient, demo_csv: Path) -> None:
    data = _wrong(demo_csv, CASES["one-mistake-three-checks"])
    _, url = upload(client, "so-lieu.csv", data)
    page = client.get(url).text
    assert "✗ Có 1 lỗi ở 1 đơn vị (gồm 3 phép kiểm tra không khớp).</strong>" in page


def test_lone_error_says_no_grouping(client: TestClient, demo_csv: Path) -> None:
    data = _wrong(demo_csv, CASES["one-rate-typed-wrong"])
    _, url = upload(client, "so-lieu.csv", data)
    page = client.get(url).text
    assert "✗ Có 1 lỗi ở 1 đơn vị.</strong>" in page
