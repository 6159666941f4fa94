"""Domain errors and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes of the qmonth command (documented in the README and in --help)."""

    OK = 0
    NOT_FOUND = 1  # unknown year, no search hit
    USAGE = 2  # bad arguments (Typer's own code)
    INVALID_DATA = 3  # a data file breaks the format


class QmonthError(Exception):
    """Base of every error qmonth reports to the user as one line."""

    exit_status = ExitStatus.NOT_FOUND

    def __init__(self, message: str, notes: list[str] | None = None):
        super().__init__(message)
        self.notes = notes or []


class NotFound(QmonthError):
    """The question has no answer in the dataset (unknown year, no hit)."""

    exit_status = ExitStatus.NOT_FOUND


class UsageError(QmonthError):
    """The arguments cannot be understood (an empty search term, a year like 17)."""

    exit_status = ExitStatus.USAGE


class InvalidData(QmonthError):
    """A data file breaks the format; the message names file, line and field."""

    exit_status = ExitStatus.INVALID_DATA

    def __init__(self, file: str, message: str, line: int | None = None, field: str | None = None):
        self.file, self.line, self.field, self.message = file, line, field, message
        where = file if line is None else f"{file}:{line}"
        QmonthError.__init__(self, f"{where}: {field}: {message}" if field else f"{where}: {message}")
