"""The Jinja environment every template and section text is rendered with.

Sandboxed (template authors cannot reach Python internals), autoescaping always on (a ward named
"Tổ 1 & 2" cannot corrupt a document), undefined names are errors (a misspelt indicator is never
silently blank), and the Vietnamese filters of :mod:`reportgen.render.filters` are installed.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.render.filters import FILTERS


@lru_cache(maxsize=2)
def make_env(*, autoescape: bool = True) -> ImmutableSandboxedEnvironment:
    """Return the shared sandboxed environment (autoescape on for XML, off for plain text)."""
    env = ImmutableSandboxedEnvironment(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    env.filters.update(FILTERS)
    return env
