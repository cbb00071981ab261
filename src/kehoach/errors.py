"""The one exception root. Every error a user may cause derives from KehoachError.

The CLI maps these to exit codes in one place (`error_handler.py`): a data
problem exits 1, a usage error exits 2. Messages are Vietnamese and say what
to do; nothing here prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kehoach.problems import Problem


class KehoachError(Exception):
    """An error the user can act on. `exit_code` is what the CLI returns."""

    exit_code = 1

    def __init__(
        self, message: str, *, code: str | None = None, hint: str | None = None, details: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.hint = hint
        self.details = details  # lines printed under the message, each on its own line


class UsageError(KehoachError):
    """The command was called wrongly (missing option, bad value of an option)."""

    exit_code = 2


class SetupError(KehoachError):
    """What the command needs around the data is not usable: a program that is not
    installed (LibreOffice for PDF), an environment setting out of range, a `--template`
    that names a file kehoach must not read. Exit 2, like a usage error, but raised
    where the need is found rather than by the command line's parser."""

    exit_code = 2


class DataError(KehoachError):
    """The data root has problems that stop the command (see `kehoach validate`)."""

    def __init__(self, message: str, problems: list[Problem] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.problems = problems or []


class TemplateError(KehoachError):
    """A document template is broken: names the template and its line."""
