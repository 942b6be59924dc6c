"""The picture of a commented report for the README: a page as LibreOffice prints it, with the
comments LibreOffice exported next to their anchors.

    python -m tests.audit.comments_picture docs/images/soat-comments.png

The seed report (read from the shared folder) is made into a .docx, ``reportgen soat
--comments`` writes the commented copy, LibreOffice converts it to PDF (the comments become PDF
notes at their anchors), pdftoppm draws the page, and Chromium lays the notes out in the right
margin with a line to each anchor — LibreOffice 7.4 cannot put comments in the margin of a PDF
itself.
"""

from __future__ import annotations

import base64
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main
from tests.audit.builders import seed_text, text_to_docx
from tests.helpers import libreoffice_convert

DPI = 110
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
"""LibreOffice's PDF export with the document's comments as PDF notes."""
MARGIN = 430


def notes(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """The comment notes of a PDF page: (x, y from the top, text) in points."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    p = reader.pages[page - 1]
    height = float(p.mediabox.height)
    out = []
    for a in p.get("/Annots") or []:
        o = a.get_object()
        if o.get("/Subtype") == "/Text":
            x0, _y0, _x1, y1 = (float(v) for v in o["/Rect"])
            out.append((x0, height - y1, str(o.get("/Contents", ""))))
    return sorted(out, key=lambda n: n[1])


def page_with_most_notes(pdf: Path) -> int:
    """The page with the most direct contradictions (then the most notes)."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    best, key = 1, (-1, -1)
    for i, p in enumerate(reader.pages, 1):
        texts = [
            str(a.get_object().get("/Contents", ""))
            for a in (p.get("/Annots") or [])
            if a.get_object().get("/Subtype") == "/Text"
        ]
        k = (sum("[mâu thuẫn trực tiếp]" in t for t in texts), len(texts))
        if k > key:
            best, key = i, k
    return best


def compose(png: Path, items: list[tuple[float, float, str]], width_pt: float) -> tuple[str, int]:
    """The HTML of the page and its notes, and the height it needs."""
    scale = DPI / 72
    img = base64.b64encode(png.read_bytes()).decode("ascii")
    boxes, lines, badges = [], [], []
    next_top = 10.0
    page_w = width_pt * scale
    for n, (x, y, text) in enumerate(items, 1):
        ay = y * scale + 6
        top = max(ay - 12, next_top)
        body = html.escape(text).replace("\n", "<br>")
        boxes.append(f'<div class="note" style="top:{top:.0f}px"><b>{n}</b> {body}</div>')
        lines.append(
            f'<polyline points="{x * scale + 10:.0f},{ay:.0f} {page_w - 30:.0f},{ay:.0f} '
            f'{page_w + 16:.0f},{top + 10:.0f}" />'
        )
        badges.append(
            f'<div class="badge" style="left:{x * scale - 9:.0f}px;top:{ay - 9:.0f}px">{n}</div>'
        )
        next_top = top + 24 + 16 * (1 + text.count("\n") + len(text) // 62)
    total_w = page_w + MARGIN
    height = int(max(792 * scale, next_top) + 10)
    page = f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin:0; background:#e8e8e8; font-family:'Liberation Sans',sans-serif; }}
.wrap {{ position:relative; width:{total_w:.0f}px; height:{height}px; }}
.page {{ display:block; box-shadow:0 0 6px #999; }}
.note {{ position:absolute; left:{page_w + 16:.0f}px; width:{MARGIN - 48}px; font-size:12.5px;
  line-height:16px; background:#fff8c4; border-left:4px solid #d9a400; padding:4px 7px;
  box-shadow:0 1px 3px #aaa; }}
.note b {{ color:#fff; background:#c0392b; border-radius:8px; padding:0 5px; }}
.badge {{ position:absolute; width:18px; height:18px; border-radius:9px; background:#c0392b;
  color:#fff; font-size:12px; font-weight:bold; text-align:center; line-height:18px; }}
svg {{ position:absolute; left:0; top:0; pointer-events:none; }}
polyline {{ fill:none; stroke:#c0392b; stroke-width:1.2; stroke-dasharray:3 3; opacity:.7; }}
</style><div class="wrap"><img class="page" src="data:image/png;base64,{img}">
<svg width="{total_w:.0f}" height="{height}">{"".join(lines)}</svg>
{"".join(badges)}{"".join(boxes)}</div>"""
    return page, height


def make(out: Path) -> Path:
    """Write the picture to ``out``; return it."""
    text = seed_text("004")
    if text is None:
        raise SystemExit("the shared seed reports are not on this machine")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs chromium and pdftoppm")
    with tempfile.TemporaryDirectory(prefix="soat-picture-") as tmp_name:
        tmp = Path(tmp_name)
        source = text_to_docx(text, tmp / "bao-cao.docx")
        commented = tmp / "bao-cao-da-soat.docx"
        CliRunner().invoke(main, ["soat", str(source), "--comments", str(commented)])
        pdf = libreoffice_convert(commented, PDF_WITH_NOTES, tmp)
        page = page_with_most_notes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(DPI),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(pdf),
                str(tmp / "page"),
            ],
            check=True,
        )
        import pypdf

        width = float(pypdf.PdfReader(str(pdf)).pages[page - 1].mediabox.width)
        page_html = tmp / "page.html"
        content, height = compose(tmp / "page.png", notes(pdf, page), width)
        page_html.write_text(content, encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={out.resolve()}",
                f"--window-size={int(width * DPI / 72) + MARGIN},{height}",
                page_html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return out


if __name__ == "__main__":
    print(make(Path(sys.argv[1] if len(sys.argv) > 1 else "soat-comments.png")))
