"""The translation of reportgen's templates for docxtemplater and Carbone (benchmarks/
peer_templates.py): what it keeps exact, what it refuses by name, and — where Node and the npm
packages are installed — that both engines print what docxtpl prints from the same template."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import pytest

from tests.docx_engine.builders import make_docx, p, r, tbl, tc, tr

ROOT = Path(__file__).resolve().parents[2]
PEERS_DIR = ROOT / "benchmarks" / "peers"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "peer_templates", ROOT / "benchmarks" / "peer_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["peer_templates"] = module
    spec.loader.exec_module(module)
    return module


pt = _load()


def env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def t(text: str) -> str:
    """A run with a tag or text (no escaping: tags stay tags)."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


KEEP = "<w:keepNext/>"
HIGHLIGHT = '<w:highlight w:val="yellow"/>'

# --- templates: body XML and the contexts to render it with --------------------------------------

Case = tuple[str, list[dict[str, Any]]]

IF_ELSE: Case = (
    "{% if ok %}" + p(t("có {{ n }} hộ")) + "{% else %}" + p(t("không có")) + "{% endif %}",
    [{"ok": True, "n": 3}, {"ok": False, "n": 0}],
)
ELIF: Case = (
    "{% if n > 10 %}"
    + p(t("nhiều"))
    + "{% elif n > 1 %}"
    + p(t("vài: {{ n }}"))
    + p(t("thêm"))
    + "{% elif n == 1 %}"
    + p(t("một"))
    + "{% else %}"
    + p(t("không"))
    + "{% endif %}",
    [{"n": 20}, {"n": 5}, {"n": 1}, {"n": 0}],
)
SET_COUNTER: Case = (
    "{% set ns = namespace(n=0) %}{% set ns.n = ns.n + 1 %}"
    + p(t("{{ ns.n }}. Mở đầu"))
    + "{% if extra %}{% set ns.n = ns.n + 1 %}"
    + p(t("{{ ns.n }}. Phụ lục"))
    + "{% endif %}{% set ns.n = ns.n + 1 %}"
    + p(t("{{ ns.n }}. Kết luận"))
    + "{% set ten = 'Hòa An' %}"
    + p(t("{{ ten }}"))
    + "{% set ten = ten | upper %}"
    + p(t("{{ ten }}")),
    [{"extra": True}, {"extra": False}],
)
ROWS: Case = (
    p(t("Biểu"))
    + tbl(
        tr(tc(p(r("TT"))), tc(p(r("Tên")))),
        "{% for dv in ds %}",
        tr(
            tc(p(t("{{ loop.index }}"), ppr="{% if loop.first %}" + KEEP + "{% endif %}")),
            tc(
                p(
                    '<w:r><w:rPr>{% if dv.sai %}<w:highlight w:val="yellow"/>{% endif %}'
                    '</w:rPr><w:t xml:space="preserve">{{ dv.ten }}</w:t></w:r>',
                    ppr="{% if loop.first %}" + KEEP + "{% endif %}",
                )
            ),
        ),
        "{% endfor %}",
    )
    + p(t("hết")),
    [
        {"ds": [{"ten": "A", "sai": False}, {"ten": "B", "sai": True}, {"ten": "C", "sai": 0}]},
        {"ds": [{"ten": "Một", "sai": True}]},
    ],
)
RUNS: Case = (
    p(
        t("Có "),
        '<w:r><w:rPr>{% if sai %}<w:highlight w:val="yellow"/>{% endif %}</w:rPr>'
        '<w:t xml:space="preserve">{{ n }}</w:t></w:r>',
        t(" hộ"),
        "{% if n > 1 %}",
        t(", tăng"),
        "{% else %}",
        t(", giữ nguyên"),
        "{% endif %}",
        t("{% if n > 5 %} (cao){% else %} (thấp){% endif %}."),
    ),
    [{"sai": True, "n": 7}, {"sai": False, "n": 1}],
)
NESTED: Case = (
    p(t("{%p for g in nhom %}"))
    + p(t("Nhóm {{ g.ten }}"))
    + p(t("{%p for x in g.muc %}"))
    + "{% set dong = x | upper %}"
    + p(t("- {{ dong }} ({{ loop.index }}/{{ loop.length }})"))
    + p(t("{%p endfor %}"))
    + p(t("{%p endfor %}")),
    [{"nhom": [{"ten": "1", "muc": ["a", "b"]}, {"ten": "2", "muc": ["c"]}]}],
)
LOOP_WITH_CONDITION: Case = (
    p(t("{%p for x in ds %}"))
    + p(t("{{ x.so }} hộ"))
    + "{% if x.moi %}"
    + p(t("Mới: {{ x.ten }}"))
    + "{% else %}"
    + p(t("Cũ"))
    + "{% endif %}"
    + p(t("({{ loop.index }})"))
    + p(t("{%p endfor %}"))
    + p(t("Hết")),
    [
        {"ds": [{"moi": True, "ten": "A", "so": 1}, {"moi": False, "ten": "B", "so": 2}]},
        {"ds": []},
    ],
)
CASES: dict[str, Case] = {
    "if-else": IF_ELSE,
    "elif-chain": ELIF,
    "set": SET_COUNTER,
    "row-loop-with-conditional-properties": ROWS,
    "run-and-text-conditions": RUNS,
    "nested-paragraph-loops": NESTED,
    "loop-of-paragraphs-with-a-condition": LOOP_WITH_CONDITION,
}


def _jinja_document(body: str) -> str:
    """The body as Jinja sees it once ``{%p … %}`` paragraphs stand for their tag."""
    return str(pt._PARA_TAG.sub(lambda m: "{% " + m.group(1) + " %}", body))


# --- without Node --------------------------------------------------------------------------------


@pytest.mark.parametrize("whole_rows", [True, False], ids=["whole-rows", "paragraphs"])
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_hoisting_conditions_out_of_properties_renders_the_same_in_jinja(
    case: str, whole_rows: bool
) -> None:
    body, contexts = CASES[case]
    hoisted = pt.hoist(body, whole_rows)
    assert not re.search(r"<w:[pr]Pr>(?:(?!</w:[pr]Pr>).)*\{%", hoisted, re.S)
    for ctx in contexts:
        want = env().from_string(_jinja_document(body)).render(ctx)
        assert env().from_string(_jinja_document(hoisted)).render(ctx) == want


def test_a_field_reading_a_set_name_gets_a_key_per_place_and_its_value_there() -> None:
    body, _ = SET_COUNTER
    tree = pt.parse(pt.hoist(body))
    data = pt.DataBuilder({"word/document.xml": tree}, env()).unit({"extra": False})
    fields = [n for n in _walk(tree) if isinstance(n, pt.Field)]
    numbered = [f.key for f in fields if f.expr == "ns.n"]
    assert len(set(numbered)) == 3
    assert [data.get(k) for k in numbered] == ["1", None, "2"]
    assert [data[f.key] for f in fields if f.expr == "ten"] == ["Hòa An", "HÒA AN"]


@pytest.mark.parametrize(("n", "branch"), [(20, 0), (5, 1), (1, 2), (0, 3)], ids=str)
def test_an_elif_chain_is_one_flag_per_branch_exactly_one_true(n: int, branch: int) -> None:
    tree = pt.parse(ELIF[0])
    (chain,) = [x for x in tree if isinstance(x, pt.If)]
    data = pt.DataBuilder({"word/document.xml": tree}, env()).unit({"n": n})
    assert [data[k] for k in chain.keys] == [i == branch for i in range(4)]


def test_a_set_inside_a_loop_is_per_item_and_a_namespace_carries_across() -> None:
    body = (
        "{% set ns = namespace(tong=0) %}{% for x in ds %}{% set dong = x * 2 %}"
        "{% set ns.tong = ns.tong + x %}" + p(t("{{ dong }} {{ ns.tong }}")) + "{% endfor %}"
        "{% set dong = 'ngoài' %}" + p(t("{{ ns.tong }} {{ dong }}"))
    )
    tree = pt.parse(body)
    data = pt.DataBuilder({"word/document.xml": tree}, env()).unit({"ds": [1, 2, 3]})
    (loop,) = [x for x in tree if isinstance(x, pt.For)]
    assert [list(row.values()) for row in data[loop.key]] == [["2", "1"], ["4", "3"], ["6", "6"]]
    last = [n for n in tree if isinstance(n, pt.Field)]
    assert [data[f.key] for f in last] == ["6", "ngoài"]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("{% macro m() %}x{% endmacro %}", "{% macro m() %}"),
        ("{% with a = 1 %}x{% endwith %}", "{% with a = 1 %}"),
        ("{% for x in ds if x %}" + p(t("x")) + "{% endfor %}", "{% for x in ds if x %}"),
        ("{% for x in ds %}" + p(t("x")) + "{% else %}{% endfor %}", "{% else %}"),
        ("{% set x %}abc{% endset %}", "{% set x %}"),
        ("{% include 'a.xml' %}", "{% include 'a.xml' %}"),
        (
            "<w:p><w:pPr>{% if a %}" + KEEP + "{% else %}<w:keepLines/>{% endif %}</w:pPr></w:p>",
            "{% else %}",
        ),
        ("<w:p><w:pPr>{% set a = 1 %}</w:pPr></w:p>", "{% set a = 1 %}"),
        ("<w:tbl><w:tblPr>{% if a %}<w:x/>{% endif %}</w:tblPr></w:tbl>", "<w:tblPr>"),
        (p(t("{ ngoặc }")), "literal brace"),
    ],
    ids=[
        "macro",
        "with",
        "loop-filter",
        "loop-else",
        "block-set",
        "include",
        "else-in-properties",
        "set-in-properties",
        "table-properties",
        "literal-brace",
    ],
)
def test_what_is_not_translated_is_refused_by_name(body: str, named: str) -> None:
    with pytest.raises(pt.Unsupported, match=re.escape(named)):
        pt.parse(pt.hoist(body))


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (
            p(t("{%p for x in ds %}"))
            + "{% if x %}"
            + p(t("{{ x }}"))
            + "{% endif %}"
            + p(t("{%p endfor %}")),
            "{% for x in ds %} whose body opens with a condition",
        ),
        (
            p(t("{%p for x in ds %}")) + p(t("Tiêu đề")) + p(t("{{ x }}")) + p(t("{%p endfor %}")),
            "{% for x in ds %}: Carbone needs a field",
        ),
    ],
    ids=["opening-condition", "first-paragraph-without-field"],
)
def test_loops_carbone_cannot_repeat_are_refused_by_name(body: str, named: str) -> None:
    with pytest.raises(pt.Unsupported, match=re.escape(named)):
        pt.carbone(pt.parse(pt.hoist(body, whole_rows=False)))


def test_the_demo_report_translates_for_both_peers(tmp_path: Path) -> None:
    spliced = _demo_spliced(tmp_path)
    for peer in pt.PEERS.values():
        trees = pt.trees_of(spliced, peer.whole_rows)
        assert "word/document.xml" in trees
        written = peer.writer(trees["word/document.xml"])
        assert "{%" not in written and "{{" not in written


def _demo_spliced(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import batch_bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from reportgen.resources import demo_config

    out: Path = batch_bench.spliced_template(demo_config(), tmp_path / "spliced.docx")
    return out


def _walk(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        out.append(node)
        if isinstance(node, pt.If):
            for _, children in node.branches:
                out += _walk(children)
        elif isinstance(node, pt.For):
            out += _walk(node.children)
    return out


# --- with Node: both engines against docxtpl ------------------------------------------------------


def _node_ready() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    for package in ("docxtemplater", "pizzip", "carbone"):
        if not (PEERS_DIR / "node_modules" / package / "package.json").is_file():
            return f"npm package {package} missing: run `bash benchmarks/peers/install.sh`"
    return None


def _docxtpl(template: Path, ctx: dict[str, Any]) -> bytes:
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    doc.render(ctx, jinja_env=env(), autoescape=True)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.skipif(_node_ready() is not None, reason=_node_ready() or "")
@pytest.mark.parametrize("engine", list(pt.PEERS), ids=list(pt.PEERS))
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_peer_prints_what_docxtpl_prints(case: str, engine: str, tmp_path: Path) -> None:
    body, contexts = CASES[case]
    template = tmp_path / "mau.docx"
    template.write_bytes(
        make_docx(body, header=p(t("{%p if dau %}")) + p(t("Dự thảo")) + p(t("{%p endif %}")))
    )
    peer = pt.PEERS[engine]
    trees = pt.trees_of(template, peer.whole_rows)
    translated = pt.write_template(template, tmp_path / f"{engine}.docx", peer.writer, trees)
    builder = pt.DataBuilder(trees, env())
    contexts = [{**c, "dau": i % 2 == 0} for i, c in enumerate(contexts)]
    data = pt.write_data(
        tmp_path / "data.json",
        [(f"{i}.docx", builder.unit(ctx)) for i, ctx in enumerate(contexts)],
    )
    out = tmp_path / "out"
    proc = subprocess.run(
        ["node", str(PEERS_DIR / "render.js"), engine, str(translated), str(data), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(json.loads(proc.stdout.splitlines()[-1])["seconds"]) == len(contexts)
    for i, ctx in enumerate(contexts):
        want = _docxtpl(template, ctx)
        got = out / f"{i}.docx"
        assert pt.paragraph_texts(got) == pt.paragraph_texts(want), ctx
        assert pt.paragraph_layout(got) == pt.paragraph_layout(want), ctx
