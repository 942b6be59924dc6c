"""The clerks' web page: pick a report, download its form, upload the figures, see every wrong
cell on the sheet itself, fix it, render and download the reports.

A thin layer over the application layer: every call into the rest of reportgen goes through
:mod:`reportgen.web.services`. Start it with ``reportgen web``.
"""

from __future__ import annotations

from reportgen.web.app import create_app
from reportgen.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
