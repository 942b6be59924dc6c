"""Undefined values that say *which* name was missing, so an error can be worded for a clerk
without reading Jinja's English message text.

Use :class:`NamedUndefined` as the environment's ``undefined``: reading a missing name raises
:class:`MissingName` (with the name, and whether it was a field of an object), reading a name
the sandbox forbids raises :class:`UnsafeName` (with the name).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from jinja2 import StrictUndefined, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.utils import missing


class MissingName(UndefinedError):
    """A template read a name (or a field) the data does not have."""

    def __init__(self, message: str, *, name: Any, field: bool) -> None:
        super().__init__(message)
        self.name = str(name)
        """The missing name (or field, or element)."""
        self.field = field
        """True when it was read from an object (``don_vi.x``), False for a top-level name."""


class UnsafeName(SecurityError):
    """A template read a name the sandbox forbids (``__class__``, ``_private``…)."""

    def __init__(self, message: str, *, name: Any) -> None:
        super().__init__(message)
        self.name = str(name)


class NamedUndefined(StrictUndefined):
    """:class:`~jinja2.StrictUndefined` whose errors carry the missing name."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[Exception] = UndefinedError,
    ) -> None:
        super().__init__(hint, obj, name, exc)  # type: ignore[arg-type]
        if issubclass(exc, SecurityError):
            factory: Any = partial(UnsafeName, name=name)
        else:
            factory = partial(MissingName, name=name, field=obj is not missing)
        self._undefined_exception = factory
