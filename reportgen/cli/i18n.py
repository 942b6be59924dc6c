"""The command-line framework's own words (``Usage``, ``Options``, ``Show this message and
exit``, its error messages…) in Vietnamese, through gettext.

click marks every message it prints with gettext (``from gettext import gettext as _``); this
module loads reportgen's Vietnamese catalog for those message ids (locale/vi/LC_MESSAGES/
click.po, compiled to click.mo) and gives it to click's modules, whatever the machine's
language settings are: a clerk's computer often reports English or ``C``.
"""

from __future__ import annotations

import gettext
import importlib
from pathlib import Path

_LOCALE = Path(__file__).resolve().parents[1] / "locale"
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
)


def catalog() -> gettext.NullTranslations:
    """The Vietnamese catalog of click's messages (an empty one if the file is missing, so
    that the command still runs, in English)."""
    return gettext.translation("click", localedir=_LOCALE, languages=["vi"], fallback=True)


_TYPE_NAMES = {
    "StringParamType": "văn bản",
    "IntParamType": "số nguyên",
    "IntRange": "số nguyên",
    "FloatParamType": "số thực",
    "FloatRange": "số thực",
    "BoolParamType": "đúng/sai",
}
"""click names its value types in English class attributes (not through gettext); they show
in help (``--jobs INTEGER``) and in messages (``'abc' is not a valid integer``)."""


def use_vietnamese() -> None:
    """Make click print its own words in Vietnamese."""
    import click.types

    for cls_name, vi in _TYPE_NAMES.items():
        getattr(click.types, cls_name).name = vi
    translations = catalog()
    for name in _CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = translations.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translations.ngettext  # type: ignore[attr-defined]
