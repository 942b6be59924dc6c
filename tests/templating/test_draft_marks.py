"""A draft highlights each figure that failed its checks (the context names them in
``loi_so_lieu``); a signed report has no highlight."""

from __future__ import annotations

import io
import zipfile

from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.docx import PreparedTemplate
from reportgen.resources import demo_config
from reportgen.templating.body import BLOCK_NAME, build_body
from reportgen.templating.context import ContextBuilder
from reportgen.templating.environment import make_env


def _document(draft: bool, failing: dict[str, str] | None) -> str:
    config = load_config(demo_config())
    dataset = load_dataset(config)
    template = PreparedTemplate.from_file(
        config.template, env=make_env(), blocks={BLOCK_NAME: build_body(config)}
    )
    ctx = ContextBuilder(config, dataset).build(dataset.units[0], draft=draft, failing=failing)
    data = template.render(ctx)
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


def test_a_failing_figure_is_highlighted_in_a_draft() -> None:
    xml = _document(True, {"khau_ngheo": "khẩu nghèo ≤ tổng số khẩu"})
    marked = xml.split('<w:highlight w:val="yellow"/>')
    assert len(marked) > 1
    # the highlighted run holds the figure of that indicator (144 khẩu for Phường Trần Phú)
    assert all(part.split("</w:t>")[0].endswith("144") for part in marked[1:])


def test_a_report_without_failing_figures_has_no_highlight() -> None:
    assert "w:highlight" not in _document(False, None)
    assert "w:highlight" not in _document(True, {})
