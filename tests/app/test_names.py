"""Report file names: short enough for any file system, unique in the batch."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportgen.outputs.names import MAX_STEM_BYTES, short_stem, unique_stems

slugs = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=600)


@given(slugs)
def test_a_stem_never_exceeds_the_limit(slug: str) -> None:
    assert len(short_stem(slug).encode("utf-8")) <= MAX_STEM_BYTES


@given(st.lists(slugs, max_size=30))
def test_stems_are_unique_in_a_batch(items: list[str]) -> None:
    stems = unique_stems(items)
    assert len(set(stems)) == len(stems)


def test_a_short_name_is_kept_as_it_is() -> None:
    assert short_stem("phuong-tran-phu") == "phuong-tran-phu"


def test_two_long_names_with_the_same_beginning_get_different_files() -> None:
    a = "phuong-" + "rat-dai-" * 40 + "mot"
    b = "phuong-" + "rat-dai-" * 40 + "hai"
    assert short_stem(a) != short_stem(b)
    assert short_stem(a).startswith("phuong-rat-dai-")
