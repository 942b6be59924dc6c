"""Properties: a sentence that reportgen's own formatting writes correctly is never flagged, and
the same sentence with one figure changed is."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.vnformat import format_number, format_percent, money_in_words, round_half_up
from tests.audit.support import audit_text, codes

amounts = st.integers(min_value=1, max_value=10**13)
counts = st.integers(min_value=1, max_value=5_000)
tenths = st.integers(min_value=1, max_value=99_999).map(lambda n: Decimal(n).scaleb(-1))


@settings(max_examples=150, deadline=None)
@given(amounts)
def test_amount_with_its_own_words_is_clean(amount: int) -> None:
    text = f"Kinh phí thực hiện: {format_number(amount)} đồng ({money_in_words(amount)})."
    assert codes(audit_text(text)) == []


@settings(max_examples=150, deadline=None)
@given(amounts, amounts)
def test_amount_with_other_words_is_found(amount: int, other: int) -> None:
    text = f"Kinh phí thực hiện: {format_number(amount)} đồng ({money_in_words(other)})."
    found = [c for c, _ in codes(audit_text(text))]
    assert found == ([] if amount == other else ["audit.words-mismatch"])


@settings(max_examples=100, deadline=None)
@given(st.lists(tenths, min_size=2, max_size=5), st.integers(min_value=-30, max_value=30))
def test_listed_parts_against_their_total(parts: list[Decimal], shift: int) -> None:
    total = sum(parts, Decimal(0)) + Decimal(shift).scaleb(-1)
    if total <= 0:
        return
    items = "\n".join(
        f"- Nội dung {i}: {format_number(p, 1)} triệu đồng;" for i, p in enumerate(parts)
    )
    text = f"Tổng kinh phí là {format_number(total, 1)} triệu đồng, trong đó:\n{items}"
    found = [c for c, _ in codes(audit_text(text))]
    tolerance = Decimal("0.05") * (len(parts) + 1)
    if shift == 0:
        assert found == []
    elif abs(Decimal(shift).scaleb(-1)) > tolerance:
        assert "audit.sum-mismatch" in found
        assert set(found) <= {"audit.sum-mismatch", "audit.part-exceeds-total"}


@settings(max_examples=100, deadline=None)
@given(counts, counts, st.sampled_from([0, 1, 2]))
def test_stated_change_between_two_counts(a: int, b: int, error: int) -> None:
    if a == b:
        return
    verb = "giảm" if b < a else "tăng"
    text = (
        f"Đầu năm có {format_number(a)} hộ nghèo; đến cuối năm còn {format_number(b)} hộ "
        f"nghèo ({verb} {format_number(abs(a - b) + error)} hộ)."
    )
    found = [c for c, _ in codes(audit_text(text))]
    assert found == ([] if error == 0 else ["audit.change-mismatch"])


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100, max_value=90_000), st.data())
def test_share_written_by_reportgen_is_clean(base: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(min_value=1, max_value=base - 1))
    rate = format_percent(round_half_up(Decimal(part) / base * 100, 2))
    text = (
        f"Toàn xã có {format_number(base)} hộ. Số hộ nghèo là {format_number(part)} hộ, "
        f"chiếm {rate} tổng số hộ."
    )
    assert codes(audit_text(text)) == []


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["hộ", "người", "triệu đồng", "tỷ đồng", "%"]),
)
def test_well_formatted_figures_are_never_flagged(value: Decimal, unit: str) -> None:
    decimals = 1 if unit in ("triệu đồng", "tỷ đồng") else (2 if unit == "%" else 0)
    shown = format_number(value, decimals)
    text = f"Kết quả đạt {shown}{'' if unit == '%' else ' '}{unit}."
    assert codes(audit_text(text)) == []
