"""Operating-system errors in Vietnamese: a clerk reads "ổ đĩa đã đầy", not "No space left on
device" (the system's own words follow in brackets, for whoever helps them)."""

from __future__ import annotations

import errno

from reportgen.diagnostics import catalog

#: the catalog entry of each error the system reports often (its symbolic name)
_REASONS = {
    "ENOENT": "os.enoent",
    "ENOTDIR": "os.enotdir",
    "EISDIR": "os.eisdir",
    "ENOSPC": "os.enospc",
    "EDQUOT": "os.edquot",
    "EROFS": "os.erofs",
    "EACCES": "os.no-access",
    "EPERM": "os.no-access",
    "ENAMETOOLONG": "os.enametoolong",
    "EBUSY": "os.ebusy",
}


def os_reason(exc: OSError) -> str:
    """A Vietnamese phrase for an operating-system error (the system's own words after it)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    said = exc.strerror or str(exc)
    return f"{catalog.text(_REASONS[name])} ({said})" if name in _REASONS else said
