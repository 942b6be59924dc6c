"""Inputs as paths or as uploaded bytes: safe file names, staging inside its own folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.app import InputFile, check, safe_name
from tests.helpers import sample_project


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        ("so-lieu.xlsx", "so-lieu.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("..", "tep"),
        ("", "tep"),
        (".hidden.csv", "hidden.csv"),
        ("Số liệu 2024.xlsx", "Số liệu 2024.xlsx"),
        ("a<b>|c?.csv", "a_b_c_.csv"),
    ],
    ids=[
        "plain",
        "unix-traversal",
        "windows-traversal",
        "dots",
        "empty",
        "leading-dot",
        "vietnamese-kept",
        "unsafe-characters",
    ],
)
def test_safe_name_keeps_only_a_harmless_last_component(given_name: str, expected: str) -> None:
    assert safe_name(given_name) == expected


@given(st.text(max_size=400))
def test_safe_name_never_leaves_the_folder_and_fits_a_file_system(name: str) -> None:
    out = safe_name(name)
    assert "/" not in out and "\\" not in out
    assert out not in ("", ".", "..")
    assert not out.startswith(".")
    assert len(out.encode("utf-8")) <= 255
    assert unicodedata.is_normalized("NFC", out)


def test_decomposed_names_are_stored_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Phường.csv")
    assert safe_name(nfd) == "Phường.csv"


def test_bytes_are_staged_inside_the_given_folder(tmp_path: Path) -> None:
    staged = InputFile.from_bytes("../../evil.csv", b"x").stage(tmp_path / "upload")
    assert staged == tmp_path / "upload" / "evil.csv"
    assert staged.read_bytes() == b"x"


def test_a_path_is_used_where_it_is(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    assert InputFile.of(f).stage(tmp_path / "elsewhere") == f
    assert not (tmp_path / "elsewhere").exists()


def test_check_accepts_uploaded_bytes_and_finds_the_same_as_the_file(tmp_path: Path) -> None:
    config = sample_project(tmp_path / "p")
    data = config.parent.parent / "inputs" / "giam-ngheo-2024.csv"
    from_path = check(config, data_file=data)
    from_bytes = check(
        config,
        data_file=InputFile.from_bytes("giam-ngheo-2024.csv", data.read_bytes()),
        staging=tmp_path / "upload-1",
    )
    assert [u.values for u in from_bytes.dataset.all_units()] == [
        u.values for u in from_path.dataset.all_units()
    ]
    assert len(from_bytes.findings) == len(from_path.findings)
