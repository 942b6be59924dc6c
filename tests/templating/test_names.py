"""The template context is declared once (reportgen.config.names): the context builder, the
filters, lint, vars and the config loader all agree with the declaration."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reportgen.authoring import lint
from reportgen.authoring.discover import FILTER_DOCS
from reportgen.config import loader, names
from reportgen.config.loader import load_config
from reportgen.data.dataset import load_dataset
from reportgen.resources import demo_config
from reportgen.templating.context import ContextBuilder
from reportgen.templating.environment import make_env
from reportgen.templating.filters import FILTERS


def test_context_builder_makes_exactly_the_declared_names_and_fields() -> None:
    config = load_config(demo_config())
    dataset = load_dataset(config)
    ctx = ContextBuilder(config, dataset).build(dataset.units[0])
    assert set(ctx) - set(config.indicators) == set(names.CONTEXT)
    for name, declared in names.CONTEXT.items():
        if declared.kind == "object":
            assert set(ctx[name]) == set(declared.fields), name
    for basis in ctx["can_cu"]:
        assert set(basis) == set(names.CONTEXT["can_cu"].fields)


def test_every_reader_uses_the_one_declaration() -> None:
    assert loader.CONTEXT_NAMES is names.CONTEXT_NAMES
    assert lint.TEMPLATE_NAMES is names.CONTEXT_NAMES
    assert lint.CONTEXT_FIELDS is names.CONTEXT_FIELDS
    assert set(FILTERS) == set(names.FILTER_NAMES) == set(make_env().filters) & set(FILTERS)
    assert FILTER_DOCS is names.FILTER_NAMES


def test_filters_are_documented_in_vietnamese() -> None:
    for name, doc in names.FILTER_NAMES.items():
        assert doc and any(c in doc for c in "àáảãạăâđèéêìíòóôơùúưỳý"), name


def test_the_config_layer_does_not_import_the_template_layer() -> None:
    code = (
        "import sys, reportgen.config.loader;"
        "bad = sorted(m for m in sys.modules if m.startswith('reportgen.templating'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_every_filter_module_of_the_package_is_read() -> None:
    """A new filter is a new module in reportgen/templating/filters/: nothing else lists it."""
    import importlib
    import pkgutil

    from reportgen.templating import filters

    modules = [m.name for m in pkgutil.iter_modules(filters.__path__) if m.name[0] != "_"]
    assert len(modules) >= 6
    for name in modules:
        module = importlib.import_module(f"reportgen.templating.filters.{name}")
        declared = {
            fn for fn in vars(module).values() if callable(fn) and fn in filters.FILTERS.values()
        }
        assert declared, f"{name} declares no filter"


def test_a_filter_is_declared_once_beside_its_function() -> None:
    from reportgen.templating.filters import DECLARED, template_filter

    assert set(DECLARED) == set(names.FILTERS)
    with pytest.raises(ValueError, match="declared twice"):
        template_filter("so", "số")(lambda value: value)
