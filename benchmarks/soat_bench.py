"""Recall and false alarms of ``reportgen soat`` on correct rendered reports with one figure changed.

    python benchmarks/soat_bench.py                  # 400 mutations, seed 16
    python benchmarks/soat_bench.py --trials 2000 --seed 7

Every report ``reportgen demo`` renders (in each of its kinds) is correct, so:

- false alarms: the findings on the unchanged reports (every kind the demo renders) — must be 0;
- recall: a report is copied, one figure in its text is changed at random (one digit typed
  wrong, separators kept, so the figure still reads well) and ``soat`` is run on the copy. A
  mutation is found when ``soat`` reports anything. Recall is given over all figures (many
  stand alone — "328 thẻ bảo hiểm y tế" — and no proofreader can tell them wrong) and over the
  figures ``soat`` ties to another figure in the correct report (the "checkable" ones).
- misplaced findings: on a mutated copy, findings that are not about the changed figure's
  paragraph, table row or table column (a side effect, not the change itself).

The figures are those with a unit and the numbers of table cells (the row-number column aside);
a figure split over several runs of text in Word is left out of the draw.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportgen.audit import audit_document  # noqa: E402
from reportgen.audit.collect import AuditFinding  # noqa: E402
from reportgen.audit.figures import find_figures  # noqa: E402
from reportgen.audit.reader import (  # noqa: E402
    AuditDocument,
    Block,
    docx_paragraphs,
    paragraph_text,
    read_bytes,
)


@dataclass(frozen=True)
class Target:
    """A figure that can be changed: its report, block and span."""

    report: str
    block: Block
    start: int
    end: int


KINDS = ("giam-ngheo", "so-ket-6-thang", "ke-hoach")


def render_demo(out: Path) -> list[Path]:
    """Render the demo's reports of every kind into ``out`` (as ``reportgen demo --report``
    does)."""
    from click.testing import CliRunner

    from reportgen.cli import main

    for kind in KINDS:
        result = CliRunner().invoke(main, ["demo", "-o", str(out / kind), "--report", kind])
        if result.exit_code != 0:
            raise SystemExit(f"reportgen demo --report {kind} failed:\n{result.output}")
    return sorted(out.rglob("*.docx"))


def _plain_run(p: etree._Element, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one run holding one text node."""
    _, spans = paragraph_text(p)
    for r, a, b in spans:
        if a <= start and end <= b:
            texts = [c for c in r if c.tag.endswith("}t")]
            return len(texts) == 1 and len(r) - len(texts) <= 1
    return False


def targets(name: str, doc: AuditDocument, paragraphs: list[etree._Element]) -> Iterator[Target]:
    """The figures of ``doc`` that a mutation may change."""
    for block in doc.blocks:
        if block.anchor is None:
            continue
        p = paragraphs[block.anchor]
        for f in find_figures(block.text):
            if f.value is None:
                continue
            if f.unit is None and not (block.kind == "cell" and block.cell != 1):
                continue
            if block.kind == "cell" and block.text.strip() != f.raw and f.unit is None:
                continue
            if _plain_run(p, f.start, f.end):
                yield Target(name, block, f.start, f.end)


def mutate_digits(raw: str, rng: random.Random) -> str:
    """``raw`` with one digit changed (never a leading zero, never the same number)."""
    positions = [i for i, ch in enumerate(raw) if ch.isdigit()]
    i = rng.choice(positions)
    first = i == positions[0] and len(positions) > 1
    choices = [d for d in "0123456789" if d != raw[i] and not (first and d == "0")]
    return raw[:i] + rng.choice(choices) + raw[i + 1 :]


def apply(data: bytes, target: Target, new: str) -> bytes:
    """The .docx ``data`` with the target's figure replaced by ``new``."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zin.read("word/document.xml"))
    body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
    assert body is not None and target.block.anchor is not None
    p = docx_paragraphs(body)[target.block.anchor].element
    _, spans = paragraph_text(p)
    for r, a, b in spans:
        if a <= target.start and target.end <= b:
            t = next(c for c in r if c.tag.endswith("}t"))
            text = t.text or ""
            k = target.start - a
            t.text = text[:k] + new + text[k + target.end - target.start :]
            break
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            payload = zin.read(item.filename)
            if item.filename == "word/document.xml":
                payload = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            zout.writestr(item, payload)
    return out.getvalue()


def related(finding: AuditFinding, target: Target, new: str) -> bool:
    """True when a finding is about the changed figure: on its paragraph or table line, or
    naming it among the figures it compared."""
    block = finding.block
    t = target.block
    if block.index == t.index:
        return True
    d = finding.diagnostic
    if any(new in str(r) for r in d.extra.get("related", ())) or new in d.message:
        return True
    if block.table is not None and block.table == t.table:
        return block.row == t.row or block.cell == t.cell
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--trials", type=int, default=400)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="soat-bench-") as tmp:
        files = render_demo(Path(tmp))
        originals: dict[str, bytes] = {}
        pool: list[Target] = []
        checkable: set[tuple[str, int, int]] = set()
        false_alarms = 0
        for path in files:
            data = path.read_bytes()
            name = str(path.relative_to(tmp))
            originals[name] = data
            doc = read_bytes(data, name, ".docx")
            result = audit_document(doc)
            false_alarms += len(result.findings)
            for f in result.findings:
                print(f"  false alarm: {name}: {f.diagnostic.describe()}")
            root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
            body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
            assert body is not None
            paragraphs = [dp.element for dp in docx_paragraphs(body)]
            for t in targets(name, doc, paragraphs):
                pool.append(t)
                if (t.block.index, t.start) in result.checked:
                    checkable.add((name, t.block.index, t.start))
        found = found_checkable = n_checkable = misplaced = mutated_with_misplaced = 0
        by_kind: dict[str, list[int]] = {}
        for _ in range(args.trials):
            t = rng.choice(pool)
            raw = t.block.text[t.start : t.end]
            new = mutate_digits(raw, rng)
            data = apply(originals[t.report], t, new)
            result = audit_document(read_bytes(data, t.report, ".docx"))
            hit = bool(result.findings)
            is_checkable = (t.report, t.block.index, t.start) in checkable
            found += hit
            n_checkable += is_checkable
            found_checkable += hit and is_checkable
            off = [f for f in result.findings if not related(f, t, new)]
            misplaced += len(off)
            mutated_with_misplaced += bool(off)
            for kind in (
                "bảng" if t.block.kind == "cell" else "đoạn văn",
                "report kind " + Path(t.report).parts[0],
            ):
                stats = by_kind.setdefault(kind, [0, 0, 0, 0])
                stats[0] += 1
                stats[1] += hit
                stats[2] += is_checkable
                stats[3] += hit and is_checkable
    elapsed = time.perf_counter() - started
    n = args.trials
    print(f"reports: {len(files)} correct rendered reports, {len(pool)} figures to draw from")
    print(f"false alarms on the correct reports: {false_alarms}")
    print(f"mutations: {n} (seed {args.seed}), one digit of one figure changed")
    print(f"recall, all figures:        {found}/{n} = {found / n:.1%}")
    if n_checkable:
        print(
            f"recall, checkable figures:  {found_checkable}/{n_checkable} = "
            f"{found_checkable / n_checkable:.1%}"
        )
    for kind, (total, hit, n_check, hit_check) in sorted(by_kind.items()):
        of_checkable = f"{hit_check}/{n_check} = {hit_check / n_check:.1%}" if n_check else "-"
        print(f"  in {kind}: {hit}/{total} = {hit / total:.1%}; checkable {of_checkable}")
    print(
        f"findings not about the changed figure's paragraph/row/column: {misplaced} "
        f"(in {mutated_with_misplaced} of {n} mutated reports)"
    )
    print(f"time: {elapsed:.1f} s")


if __name__ == "__main__":
    main()
