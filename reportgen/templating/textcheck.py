"""The check of a report definition's Jinja texts lives in :mod:`reportgen.config.textcheck`
(the config loader runs it; the config layer does not import the template layer)."""

from __future__ import annotations

from reportgen.config.textcheck import JINJA_GLOBALS, check_texts

__all__ = ["JINJA_GLOBALS", "check_texts"]
