"""The Jinja environment every template and section text is rendered with.

Sandboxed (template authors cannot reach Python internals, and arithmetic is bounded: see
:mod:`reportgen.templating.limits`), autoescaping always on (a ward named
"Tổ 1 & 2" cannot corrupt a document), undefined names are errors (a misspelt indicator is never
silently blank), and the Vietnamese filters of :mod:`reportgen.templating.filters` are installed.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from reportgen.docx.undefined import NamedUndefined
from reportgen.templating.filters import FILTERS
from reportgen.templating.limits import LimitedSandbox
from reportgen.vnformat import format_number


def _finalize(value: Any) -> Any:
    """A bare Decimal printed in a template (the result of arithmetic on figures) is written the
    Vietnamese way, never as "1.352225" (which a reader takes for a thousand)."""
    if type(value) is Decimal:
        return format_number(value)
    return value


@lru_cache(maxsize=2)
def make_env(*, autoescape: bool = True) -> LimitedSandbox:
    """Return the shared sandboxed environment (autoescape on for XML, off for plain text)."""
    env = LimitedSandbox(
        autoescape=autoescape,
        finalize=_finalize,
        undefined=NamedUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    env.filters.update(FILTERS)
    return env
