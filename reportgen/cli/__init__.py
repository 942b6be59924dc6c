"""Command line: thin — parse arguments, call the application layer, print, map exit codes.

Exit codes: 0 done and clean; 1 the figures failed a check (or the template failed lint);
2 the command could not run (bad arguments, bad config, unreadable input).

Each command lives in its own module and registers itself on :data:`main` when imported.
"""

from __future__ import annotations

from reportgen.cli import authoring, check, form, pdf, render, soat, web, words
from reportgen.cli.main import main, run, usage_message

__all__ = [
    "authoring",
    "check",
    "form",
    "main",
    "pdf",
    "render",
    "run",
    "soat",
    "usage_message",
    "web",
    "words",
]
