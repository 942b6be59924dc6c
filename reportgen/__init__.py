"""reportgen — sinh báo cáo hành chính tiếng Việt từ định nghĩa YAML và số liệu CSV/Excel.

The library works without the command line: see :mod:`reportgen.app.pipeline` for the entry points
and :mod:`reportgen.vnformat` for Vietnamese figures, money, words and dates.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
