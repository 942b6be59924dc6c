"""Benchmark: a plain docxtpl loop against reportgen's PreparedTemplate on a ~5-page template.

    python benchmarks/engine_bench.py [-n 200] [--keep DIR]

Builds the template with python-docx (about 60 paragraphs with 3–5 tags each, a table whose
20 rows come from ``{%tr for %}``, a header with a tag), then renders N documents with
(a) ``DocxTemplate(path); render; save`` per document, (b) ``PreparedTemplate.render``
(prepared once), and (c) ``render_plain`` (read + prepare + render per document), and prints
documents per second for each and the ratios.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx
import jinja2
from docx.shared import Pt
from docxtpl import DocxTemplate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.docx import PreparedTemplate, render_plain

FIELDS = ["ten_xa", "huyen", "tinh", "so_ho", "ho_ngheo", "ty_le", "nam", "nguoi_ky", "chuc_vu"]


def build_template(path: Path) -> None:
    """Write the benchmark template to ``path``."""
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "ỦY BAN NHÂN DÂN {{ ten_xa | upper }} — Báo cáo năm {{ nam }}"
    document.add_heading("BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM {{ nam }}", level=1)
    for i in range(60):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{i + 1}. Theo số liệu của ")
        bold = paragraph.add_run("{{ ten_xa }}")
        bold.bold = True
        paragraph.add_run(", huyện {{ huyen }}, tỉnh {{ tinh }}, tổng số hộ là {{ so_ho }}")
        if i % 2 == 0:
            paragraph.add_run("; số hộ nghèo là {{ ho_ngheo }}, chiếm {{ ty_le }}%")
        paragraph.add_run(
            ". Nội dung này được tổng hợp từ các thôn, tổ dân phố trên địa bàn, đã được "
            "kiểm tra, đối chiếu với kết quả rà soát và niêm yết công khai theo quy định."
        )
        if i % 15 == 14:
            document.add_paragraph("{%p if co_ghi_chu %}")
            document.add_paragraph("Ghi chú: {{ ghi_chu }}")
            document.add_paragraph("{%p endif %}")
    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(
        table.rows[0].cells, ["STT", "Thôn", "Số hộ", "Hộ nghèo", "Tỷ lệ"], strict=True
    ):
        cell.text = title
    table.rows[1].cells[0].text = "{%tr for t in thon %}"
    for cell, expr in zip(
        table.rows[2].cells,
        ["{{ loop.index }}", "{{ t.ten }}", "{{ t.so_ho }}", "{{ t.ho_ngheo }}", "{{ t.ty_le }}"],
        strict=True,
    ):
        cell.text = expr
    table.rows[3].cells[0].text = "{%tr endfor %}"
    signature = document.add_paragraph("{{ chuc_vu }}")
    signature.runs[0].font.size = Pt(13)
    document.add_paragraph("{{ nguoi_ky }}")
    document.save(path)


def make_context(i: int) -> dict[str, Any]:
    """The data of document ``i``."""
    return {
        "ten_xa": f"Xã Hòa Bình {i}",
        "huyen": "Tây Hòa & Đông Hòa",
        "tinh": "Phú Yên",
        "so_ho": f"{1200 + i:,}".replace(",", "."),
        "ho_ngheo": str(85 + i % 7),
        "ty_le": "7,08",
        "nam": 2024,
        "nguoi_ky": "Nguyễn Văn An",
        "chuc_vu": "CHỦ TỊCH",
        "co_ghi_chu": i % 2 == 0,
        "ghi_chu": "Số liệu <tạm tính>",
        "thon": [
            {"ten": f"Thôn {k}", "so_ho": 100 + k, "ho_ngheo": 5 + k % 4, "ty_le": "5,1"}
            for k in range(1, 21)
        ],
    }


def bench_docxtpl(path: Path, contexts: list[dict[str, Any]]) -> list[float]:
    """Plain docxtpl loop: open, render, save to memory, per document."""
    times = []
    for context in contexts:
        start = time.perf_counter()
        template = DocxTemplate(str(path))
        template.render(context, autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
        times.append(time.perf_counter() - start)
    return times


def bench_prepared(template: PreparedTemplate, contexts: list[dict[str, Any]]) -> list[float]:
    """Prepared once, render per document (render + zip write)."""
    times = []
    for context in contexts:
        start = time.perf_counter()
        template.render(context)
        times.append(time.perf_counter() - start)
    return times


def bench_plain(path: Path, env: jinja2.Environment, contexts: list[dict[str, Any]]) -> list[float]:
    """Read + prepare + render per document."""
    times = []
    for context in contexts:
        start = time.perf_counter()
        render_plain(path, context, env=env)
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> float:
    """Print one line of figures and return documents per second."""
    rate = len(times) / sum(times)
    print(
        f"{label:<34} {rate:9.1f} docs/s   mean {statistics.fmean(times) * 1e3:7.2f} ms   "
        f"median {statistics.median(times) * 1e3:7.2f} ms"
    )
    return rate


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="documents per method (default 200)")
    parser.add_argument("--plain-n", type=int, default=50, help="documents for render_plain")
    parser.add_argument("--keep", type=Path, help="also write one rendered document here")
    args = parser.parse_args(argv)

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_template.docx"
        build_template(path)
        contexts = [make_context(i) for i in range(args.n)]

        start = time.perf_counter()
        prepared = PreparedTemplate.from_file(path, env=env)
        prepare_time = time.perf_counter() - start
        sample = prepared.render(contexts[0])
        sizes = {k: len(v) for k, v in prepared.render_parts(contexts[0]).items()}
        print(f"template: {path.stat().st_size} bytes; rendered document: {len(sample)} bytes")
        print(f"templated parts (rendered XML bytes): {sizes}")
        print(
            f"prepare once: {prepare_time * 1e3:.1f} ms; repairs/problems: {len(prepared.problems)}"
        )
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / "bench_output.docx").write_bytes(sample)
            (args.keep / "bench_template.docx").write_bytes(path.read_bytes())

        bench_prepared(prepared, contexts[:20])  # warm-up
        ours = report("reportgen PreparedTemplate.render", bench_prepared(prepared, contexts))
        plain = report(
            "reportgen render_plain (per doc)", bench_plain(path, env, contexts[: args.plain_n])
        )
        theirs = report("docxtpl loop (open/render/save)", bench_docxtpl(path, contexts))
        print(f"ratio PreparedTemplate / docxtpl: {ours / theirs:6.1f}x")
        print(f"ratio render_plain / docxtpl:      {plain / theirs:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
