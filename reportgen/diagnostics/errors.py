"""Errors that reportgen raises, each knowing where it happened and which exit code it maps to.

Exit codes follow the user's contract: 0 done and clean, 1 the figures failed a check (or the
template failed lint), 2 the command could not run (bad arguments, bad config, unreadable input).
This module knows nothing of the command-line framework.
"""

from __future__ import annotations

from typing import Any, Self

from reportgen.diagnostics import catalog
from reportgen.diagnostics.model import Diagnostic, Location

__all__ = [
    "EXIT_CANNOT_RUN",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "ConfigError",
    "DataError",
    "DocumentCodeError",
    "ErrorList",
    "Location",
    "NumberFormatError",
    "OutputError",
    "ReportgenError",
    "TemplateError",
    "WordsError",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2


class ReportgenError(Exception):
    """Base of every error reportgen reports to a user.

    ``message`` says what is wrong (Vietnamese for clerks), ``hint`` what to do about it, and
    ``location`` where. ``exit_code`` is what the command line exits with.
    """

    exit_code: int = EXIT_CANNOT_RUN
    code: str = "error"
    """The default diagnostic code of this kind of error; an instance may carry a finer one."""

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        code: str | None = None,
        expected: object = None,
        found: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        if code is not None:
            self.code = code
        self.expected = expected
        self.found = found

    @classmethod
    def of(
        cls,
        code: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        expected: object = None,
        found: object = None,
        **params: Any,
    ) -> Self:
        """The error ``code`` worded from the message catalog, its texts filled with ``params``.

        ``hint`` replaces the catalog's hint (e.g. with a did-you-mean)."""
        d = catalog.make(code, hint=hint, **params)
        return cls(
            d.message, location=location, hint=d.hint, code=d.code, expected=expected, found=found
        )

    def diagnostics(self) -> list[Diagnostic]:
        """Return the error as diagnostics (one, or one per collected error)."""
        return [
            Diagnostic(
                code=self.code,
                severity="error",
                message=self.message,
                location=self.location,
                expected=self.expected,
                found=self.found,
                hint=self.hint,
            )
        ]

    def format(self) -> str:
        """Return the full message: location, message, and the suggested fix if any."""
        where = self.location.describe() if self.location else ""
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"\n  → {self.hint}"
        return text

    def __str__(self) -> str:
        return self.format()


class NumberFormatError(ReportgenError, ValueError):
    """A text that should be a number is not one (or could be read two ways)."""

    code = "data.bad-number"


class WordsError(ReportgenError, ValueError):
    """A text that should be a Vietnamese reading of a number is not one."""

    code = "data.bad-words"


class DocumentCodeError(ReportgenError, ValueError):
    """A document number/code such as ``05/BC-UBND`` is malformed."""

    code = "config.bad-document-code"


class DataError(ReportgenError):
    """An input data file cannot be read or has a bad value."""

    code = "data.error"


class TemplateError(ReportgenError):
    """A Word template cannot be read or rendered."""

    code = "template.error"


class OutputError(ReportgenError):
    """An output file cannot be written (or would overwrite a report)."""

    code = "output.error"


class ConfigError(ReportgenError):
    """A report definition (YAML) has a mistake."""

    code = "config.error"


class ErrorList(ReportgenError):
    """Several errors collected and reported at once (e.g. every mistake in a YAML file)."""

    def __init__(self, title: str, errors: list[ReportgenError]) -> None:
        super().__init__(title)
        self.title = title
        self.errors = errors

    def diagnostics(self) -> list[Diagnostic]:
        """Return every collected error as diagnostics, in order."""
        return [d for err in self.errors for d in err.diagnostics()]

    def format(self) -> str:
        """Return a numbered list of every error."""
        lines = [catalog.text("general.error-list", title=self.title, count=len(self.errors))]
        for i, err in enumerate(self.errors, 1):
            lines.append(f"{i}. " + err.format().replace("\n", "\n   "))
        return "\n".join(lines)
