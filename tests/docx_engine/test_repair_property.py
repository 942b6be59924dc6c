"""Property: however Word splits a paragraph into runs, the rendered text is the same."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .builders import (
    BOOKMARK_END,
    BOOKMARK_START,
    PAGE_BREAK_HINT,
    PROOF_END,
    PROOF_START,
    body_texts,
    make_docx,
    p,
    r,
    render_checked,
)

TEXT = (
    "Xã {{ ten }} có {{ so_ho }} hộ, {% if dat %}đạt{% else %}chưa đạt{% endif %}; "
    "{{ ghi_chu | default(“—”) }} {# ghi chú #}{{ {'a': 1}['a'] }}"
)
CONTEXT = {"ten": "Hòa & Bình", "so_ho": 12, "dat": True}
SEPARATORS = [
    "",
    PROOF_START,
    PROOF_END,
    BOOKMARK_START + BOOKMARK_END,
    BOOKMARK_START,
    BOOKMARK_END,
]
FORMATS = ["", "<w:b/>", '<w:rFonts w:ascii="Arial"/>', "<w:i/><w:sz w:val='26'/>"]


@st.composite
def split_paragraph(draw: st.DrawFn) -> str:
    cuts = sorted(draw(st.sets(st.integers(1, len(TEXT) - 1), max_size=12)))
    pieces = [TEXT[a:b] for a, b in zip([0, *cuts], [*cuts, len(TEXT)], strict=True)]
    content: list[str] = []
    for i, piece in enumerate(pieces):
        if i:
            content.append(draw(st.sampled_from(SEPARATORS)))
        fmt = draw(st.sampled_from(FORMATS))
        if draw(st.booleans()) and i:
            run = r(piece, fmt, rsid=f"00{i:02d}")
            run = run.replace("<w:t", f"{PAGE_BREAK_HINT}<w:t", 1)
            content.append(run)
        else:
            content.append(r(piece, fmt, rsid=f"00{i:02d}"))
    return p(*content)


EXPECTED = body_texts(render_checked(make_docx(p(r(TEXT))), CONTEXT)[1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(split_paragraph())
def test_any_split_renders_like_the_unsplit_paragraph(body: str) -> None:
    template, out = render_checked(make_docx(body), CONTEXT)
    assert body_texts(out) == EXPECTED
    assert all(problem.severity == "info" for problem in template.problems)
