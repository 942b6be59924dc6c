"""The checks of ``reportgen soat``; each reads paragraphs (or tables) and adds findings.

Paragraph checks get a :class:`Paragraph` (a block and its figures) and the whole document
(for lists that continue in the following paragraphs); table checks get a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.audit.figures import Figure
from reportgen.audit.reader import Block

__all__ = ["Paragraph"]


@dataclass(frozen=True)
class Paragraph:
    """A block of text and its figures."""

    block: Block
    figures: list[Figure]

    @property
    def text(self) -> str:
        """The block's text."""
        return self.block.text

    def usable(self) -> list[Figure]:
        """Figures with a value and a unit that are not approximate (safe for arithmetic)."""
        return [f for f in self.figures if f.value is not None and f.unit and not f.approx]
