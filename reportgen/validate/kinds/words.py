"""``words``: a stated amount in words says the same amount as its figures."""

from __future__ import annotations

from decimal import Decimal

from reportgen.config.fieldtypes import ID
from reportgen.config.model import Check, ReportConfig
from reportgen.config.schema import Field
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics.errors import ReportgenError
from reportgen.validate.base import ONE, Base, CheckKind, fmt
from reportgen.validate.findings import Finding
from reportgen.vnformat import MONEY_UNITS, format_number, money_in_words, words_to_number


class WordsCheck(Base):
    """The amount in words reads as the amount in figures (in đồng)."""

    def __init__(self, check: Check, config: ReportConfig) -> None:
        super().__init__(check, config, "words")
        self.value, self.words = self.ind("value"), self.ind("words")
        self.scale = Decimal(MONEY_UNITS.get(self.value.unit, 1))
        self.cells = (self.value.id,)

    def __call__(self, unit: Unit, ds: Dataset) -> list[Finding]:
        if self.only is not None and unit.key not in self.only:
            return []
        value, words = self.value, self.words
        v = unit.values.get(value.id)
        w = unit.texts.get(words.id)
        if v is None or not w:
            return []
        amount = v * self.scale
        whole = amount == amount.to_integral_value()
        if whole:
            amount = amount.quantize(ONE)  # 538,0 triệu đồng is 538000000 đồng
        right = money_in_words(amount) if whole else None
        should = f'cần "{right}"' if right else f"cần đọc {format_number(amount)} đồng"
        try:
            said = words_to_number(w)
        except ReportgenError as exc:
            return [
                self.finding(
                    unit,
                    ds,
                    [words, value],
                    amount,
                    w,
                    f'số tiền bằng chữ: {should} ({fmt(value, v)}), nhưng ghi "{w}" '
                    f"— không đọc được: {exc.message}",
                    exc.hint,
                    stated=words,
                    relation=False,
                )
            ]
        if said == amount:
            return []
        msg = (
            f'số tiền bằng chữ: {should} ({fmt(value, v)}), nhưng ghi "{w}" (đọc là '
            f"{format_number(said)} đồng)"
        )
        return [
            self.finding(
                unit,
                ds,
                [words, value],
                amount,
                said,
                msg,
                "sửa số tiền bằng chữ (hoặc số tiền bằng số nếu chữ mới đúng); "
                "`reportgen words <số> --money` đọc một số thành chữ",
                stated=words,
                relation=False,
            )
        ]


KIND = CheckKind(
    name="words",
    doc="Số tiền bằng chữ đã ghi đọc ra đúng số tiền bằng số.",
    fields={
        "value": Field(ID, "Chỉ tiêu số tiền.", required=True),
        "words": Field(ID, "Chỉ tiêu chữ (kind: text) ghi số tiền bằng chữ.", required=True),
    },
    prepare=WordsCheck,
)
