"""Errors that reportgen raises, each knowing where it happened and which exit code it maps to.

Exit codes follow the user's contract: 0 done and clean, 1 the figures failed a check (or the
template failed lint), 2 the command could not run (bad arguments, bad config, unreadable input).
This module knows nothing of the command-line framework.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a line, a sheet, a row, a column, a key path
    or a template paragraph. Rendered in Vietnamese for clerks by :meth:`describe`."""

    file: str | None = None
    line: int | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    key: str | None = None
    part: str | None = None
    paragraph: int | None = None

    def describe(self) -> str:
        """Return the location as a short Vietnamese phrase (``inputs/x.csv, dòng 7, cột ho``)."""
        bits: list[str] = []
        if self.file:
            bits.append(self.file)
        if self.sheet:
            bits.append(f"trang tính {self.sheet}")
        if self.line is not None:
            bits.append(f"dòng {self.line}")
        if self.row is not None:
            bits.append(f"dòng {self.row}")
        if self.column:
            bits.append(f"cột {self.column}")
        if self.key:
            bits.append(self.key)
        if self.part:
            bits.append(self.part)
        if self.paragraph is not None:
            bits.append(f"đoạn {self.paragraph}")
        return ", ".join(bits)

    def as_dict(self) -> dict[str, object]:
        """Return the non-empty fields as a plain dict (for JSON output)."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


class ReportgenError(Exception):
    """Base of every error reportgen reports to a user.

    ``message`` says what is wrong (Vietnamese for clerks), ``hint`` what to do about it, and
    ``location`` where. ``exit_code`` is what the command line exits with.
    """

    exit_code: int = EXIT_CANNOT_RUN

    def __init__(
        self, message: str, *, location: Location | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

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


class WordsError(ReportgenError, ValueError):
    """A text that should be a Vietnamese reading of a number is not one."""


class DocumentCodeError(ReportgenError, ValueError):
    """A document number/code such as ``05/BC-UBND`` is malformed."""


class DataError(ReportgenError):
    """An input data file cannot be read or has a bad value."""


class TemplateError(ReportgenError):
    """A Word template cannot be read or rendered."""


class OutputError(ReportgenError):
    """An output file cannot be written (or would overwrite a report)."""


class ConfigError(ReportgenError):
    """A report definition (YAML) has a mistake."""


class ErrorList(ReportgenError):
    """Several errors collected and reported at once (e.g. every mistake in a YAML file)."""

    def __init__(self, title: str, errors: list[ReportgenError]) -> None:
        super().__init__(title)
        self.title = title
        self.errors = errors

    def format(self) -> str:
        """Return a numbered list of every error."""
        lines = [f"{self.title} ({len(self.errors)} lỗi):"]
        for i, err in enumerate(self.errors, 1):
            lines.append(f"{i}. " + err.format().replace("\n", "\n   "))
        return "\n".join(lines)
