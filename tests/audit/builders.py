"""Turn plain report text into a .docx the way a clerk would have typed it in Word.

Each line is a paragraph; ``*words*`` and ``**words**`` become italic and bold runs (the seeds'
text keeps Word's emphasis that way); lines of ``| a | b |`` become a table.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docx
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[2]


def seeds_folder() -> Path | None:
    """The folder of real reports kept beside the project (``shared/seeds`` next to the
    checkout or above it), or the one named by ``REPORTGEN_SEEDS``; None when there is none."""
    named = os.environ.get("REPORTGEN_SEEDS")
    if named:
        return Path(named) if Path(named).is_dir() else None
    for parent in ROOT.parents:
        candidate = parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


_EMPHASIS = re.compile(r"(\*\*\*|\*\*|\*)(.+?)\1")


def seed_text(prefix: str) -> str | None:
    """The text of the seed report whose file name starts with ``prefix``, or None."""
    folder = seeds_folder()
    hits = sorted(folder.glob(f"{prefix}_*.txt")) if folder else []
    return hits[0].read_text(encoding="utf-8") if hits else None


def _add_runs(paragraph: docx.text.paragraph.Paragraph, line: str) -> None:
    pos = 0
    bullet = re.match(r"[*+-] (?=\S)", line)
    if bullet:
        paragraph.add_run(bullet.group(0))
        pos = bullet.end()
    for m in _EMPHASIS.finditer(line, pos):
        if m.start() > pos:
            paragraph.add_run(line[pos : m.start()])
        run = paragraph.add_run(m.group(2))
        run.italic = m.group(1) in ("*", "***")
        run.bold = m.group(1) in ("**", "***")
        pos = m.end()
    if pos < len(line):
        paragraph.add_run(line[pos:])


def text_to_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a .docx at ``path`` (see the module docstring); return ``path``."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, value in enumerate(r):
                    table.cell(i, j).text = value
            rows.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            if not re.fullmatch(r"[|\s:-]+", stripped):
                rows.append([c.strip() for c in stripped.strip("|").split("|")])
            continue
        flush()
        if stripped:
            _add_runs(document.add_paragraph(), stripped)
    flush()
    document.save(str(path))
    return path
