"""Safe formulas over indicators: arithmetic on Decimal, unknown stays unknown, nothing else."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.compute.formula import FormulaError, compile_formula

D = Decimal
VALUES = {
    "ho_ngheo": D(45),
    "tong_so_ho": D(4558),
    "a": D("0.1"),
    "b": D("0.2"),
    "z": D(0),
    "x": D("1.125"),
    "thieu": None,
}

EVALUATE = [
    ("ho_ngheo / tong_so_ho * 100", D(45) / D(4558) * 100),
    ("a + b", D("0.3")),  # exact: no float
    ("a - b", D("-0.1")),
    ("-a + +b", D("0.1")),
    ("(a + b) * 10", D("3.0")),
    ("sum(a, b, 1)", D("1.3")),
    ("min(a, b)", D("0.1")),
    ("max(a, b, 0.15)", D("0.2")),
    ("abs(a - b)", D("0.1")),
    ("round(x, 2)", D("1.13")),  # half-up, not half-even
    ("round(-x, 2)", D("-1.13")),
    ("ho_ngheo / z", None),  # division by zero: unknown
    ("thieu + 1", None),  # a missing input: unknown, never zero
    ("khong_co * 2", None),
    ("sum(a, thieu)", None),
    ("0.5 * 2", D("1.0")),
]


@pytest.mark.parametrize(("text", "value"), EVALUATE, ids=[t for t, _ in EVALUATE])
def test_formula_evaluates_on_decimals(text: str, value: Decimal | None) -> None:
    assert compile_formula(text)(VALUES) == value


def test_formula_lists_the_names_it_reads() -> None:
    f = compile_formula(" ho_ngheo / tong_so_ho * 100 ")
    assert f.names == frozenset({"ho_ngheo", "tong_so_ho"})
    assert f.text == "ho_ngheo / tong_so_ho * 100"


REFUSED = [
    ("__import__('os')", 'hàm "__import__" không được hỗ trợ', 1),
    ("open('x')", 'hàm "open" không được hỗ trợ', 1),
    ("ho_ngheo.real", "chỉ được dùng số", 1),
    ("ho_ngheo ** 2", "chỉ được dùng số", 1),
    ("ho_ngheo // 2", "chỉ được dùng số", 1),
    ("ho_ngheo % 2", "chỉ được dùng số", 1),
    ("(lambda: 1)()", "chỉ được dùng số", 1),
    ("[1, 2]", "chỉ được dùng số", 1),
    ("ho_ngheo[0]", "chỉ được dùng số", 1),
    ("ho_ngheo if a else b", "chỉ được dùng số", 1),
    ("a < b", "chỉ được dùng số", 1),
    ("'chu'", "chỉ được dùng số", 1),
    ("True", "chỉ được dùng số", 1),
    ("1j", "chỉ được dùng số", 1),
    ("round(a, b, 3)", "hàm round nhận 2 đối số", 1),
    ("abs()", "hàm abs nhận đúng 1 đối số", 1),
    ("sum()", "hàm sum cần ít nhất 1 đối số", 1),
    ("sum(a, key=b)", "chỉ được dùng số", 1),
    ("a +", "công thức sai cú pháp", None),
    ("", "công thức trống", None),
    ("a = 1", "công thức sai cú pháp", None),
]


@pytest.mark.parametrize(
    ("text", "says", "column"), REFUSED, ids=[t or "empty" for t, _, _ in REFUSED]
)
def test_unsafe_or_wrong_formula_is_refused(text: str, says: str, column: int | None) -> None:
    with pytest.raises(FormulaError) as info:
        compile_formula(text)
    assert says in info.value.message
    if column is not None:
        assert info.value.column == column
