"""The names a template reads from its context are recorded while it compiles, and are exactly
what Jinja's own analysis finds; a template that divides says so."""

from __future__ import annotations

import jinja2.meta
import pytest

from reportgen.docx.prepare import DOCPR_COUNTER
from reportgen.docx.template import PreparedTemplate, _compile_recording
from reportgen.resources import DEMO
from reportgen.templating.environment import make_env

SOURCES = {
    "plain": "{{ a }}{% for x in b %}{{ x }}{{ c }}{% endfor %}",
    "set": "{% set y = 1 %}{{ y }}{{ z }}",
    "loop variable read after its loop": "{% for r in rows %}{{ loop.index }}{% endfor %}{{ r }}",
    "macro": "{% macro m(p) %}{{ p }}{{ q }}{% endmacro %}{{ m(1) }}",
    "namespace": "{% set ns = namespace(a=1) %}{% for i in l %}{% set ns.a = i %}{% endfor %}",
    "set in a branch": "{% if x %}{% set w = 2 %}{% endif %}{{ w }}",
    "globals": "{{ range(3) | list }}{{ namespace }}",
    "filters and tests": "{{ a | so }}{% if b is none %}{{ c.d[e] }}{% endif %}",
}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_the_names_recorded_while_compiling_are_the_ones_jinja_finds(source: str) -> None:
    env = make_env()
    template, recorded = _compile_recording(env, env.parse(source))
    assert recorded == jinja2.meta.find_undeclared_variables(env.parse(source))
    assert isinstance(template, jinja2.Template)


def test_the_demo_template_reads_the_same_names_either_way() -> None:
    from reportgen.config.loader import load_config
    from reportgen.templating.body import build_blocks

    config = load_config(DEMO / "configs" / "giam-ngheo-2024.yaml")
    template = PreparedTemplate.from_file(
        config.template, env=make_env(), blocks=build_blocks(config, config.template)
    )
    env = make_env()
    expected: set[str] = set()
    for part in template._parts:
        expected |= jinja2.meta.find_undeclared_variables(env.parse(part.source.source))
    assert template.variables() == frozenset(expected - set(env.globals) - {DOCPR_COUNTER})
    assert "ho_ngheo_cuoi_ky" in template.variables()
    assert not template.divides()
