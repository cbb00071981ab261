"""Vietnamese for everything Typer itself writes: help pages and usage errors.

Typer (and the Click it vendors) print "Usage:", "Options", "Show this message
and exit." and usage errors in English, and draw help with rich. Staff read
Vietnamese only, and `kehoach --help` must be quick, so help pages and usage
errors are written here as plain text, in Vietnamese, without rich (rich is
loaded only by the commands that draw tables):

    Cách dùng: kehoach status [TÙY CHỌN]

      Xem tình trạng từng nhiệm vụ trong năm và các đơn vị chậm báo cáo.

    Tùy chọn:
      -y, --year NĂM     Năm báo cáo (…).  [từ 2000 đến 2100; bắt buộc]
      …

A usage error is the usage line, a hint and "Lỗi: …" on stderr, exit code 2.
Output never fails on a terminal that cannot encode Vietnamese: see
`utf8_streams`.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
from typing import IO, TYPE_CHECKING, Any

import typer
from typer import _click
from typer._click.exceptions import (
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperCommand, TyperGroup

from kehoach import lazy
from kehoach.cli_help import help_page

OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
MAX_WIDTH = 100  # help lines never wider than this, even on a wide terminal

# --- messages --------------------------------------------------------------------------------

# (pattern, flags, replacement): compiled on first use (re caches them), not at import
_NO_SUCH_COMMAND = r"^No such command '(.+?)'\.(?: Did you mean (.+)\?)?$"
_ERRORS = [
    (r"^Option '(.+)' requires an argument\.$", 0, r"Tùy chọn '\1' cần một giá trị."),
    (r"^Option '(.+)' does not take a value\.$", 0, r"Tùy chọn '\1' không nhận giá trị."),
    (r"^Got unexpected extra arguments?(?:\(s\))? \((.+)\)$", 0, r"Thừa tham số: \1."),
    (r"^Value error, ", 0, ""),
    (r"^'(.+?)' is not one of (.+)\.$", 0, r"'\1' không thuộc các giá trị \2."),
    (r"^Input should be a valid integer.*$", re.S, "phải là số nguyên."),
    (r"^Input should be a valid number.*$", re.S, "phải là số."),
    (r"^Input should be greater than or equal to (\S+)$", 0, r"phải từ \1 trở lên."),
    (r"^Input should be greater than (\S+)$", 0, r"phải lớn hơn \1."),
    (r"^Input should be less than or equal to (\S+)$", 0, r"phải từ \1 trở xuống."),
    (r"^Input should be less than (\S+)$", 0, r"phải nhỏ hơn \1."),
    (r"^Input should be a valid (?:date|datetime).*$", re.S, "phải là ngày dạng YYYY-MM-DD."),
    (r"^(?:Value )?'?(.+?)'? is not a valid (?:integer|int)(?: range)?\.?$", 0, r"'\1' không phải số nguyên."),
    (r"^(?:Directory|File|Path|dir|file|path) '(.+)' does not exist\.$", re.I, r"không có thư mục hoặc tệp '\1'."),
    (r"^(?:Directory|dir|Path|path) '(.+)' is a file\.$", re.I, r"'\1' là một tệp, cần một thư mục."),
    (r"^(?:File|file|Path|path) '(.+)' is a directory\.$", re.I, r"'\1' là một thư mục, cần một tệp."),
    (r"^(?:\w+) '(.+)' is not readable\.$", 0, r"không đọc được '\1' (không có quyền)."),
    (r"^(?:\w+) '(.+)' is not writable\.$", 0, r"không ghi được vào '\1' (không có quyền)."),
    (r"^Could not open file '(.+)': (.+)$", re.S, r"không mở được tệp '\1': \2"),
]


def translate(message: str) -> str:
    """Vietnamese for one English message of Typer/Click/pydantic; unknown ones pass through."""
    message = message.strip()
    for pattern, flags, repl in _ERRORS:
        message = re.sub(pattern, repl, message, flags=flags)
    return message


def _hint(param: Any) -> str:
    if param.param_type_name == "argument":
        return f"'{param.metavar or param.human_readable_name}'"
    return " / ".join(f"'{o}'" for o in param.opts)


def _commands(ctx: Any) -> str:
    names = ctx.command.list_commands(ctx) if ctx is not None and hasattr(ctx.command, "list_commands") else []
    return f" Các lệnh: {', '.join(names)}." if names else ""


def _message(exc: UsageError) -> str:
    """The whole Vietnamese message of a usage error (structure from the exception, text translated)."""
    if isinstance(exc, MissingParameter):
        kind = "tùy chọn" if (exc.param is not None and exc.param.param_type_name == "option") else "tham số"
        what = _hint(exc.param) if exc.param is not None else ""
        return f"Thiếu {kind} {what} (bắt buộc).".replace("  ", " ")
    if isinstance(exc, NoSuchOption):
        text = f"Không có tùy chọn {exc.option_name}."
        if exc.possibilities:
            text += " Có phải ý bạn là: " + ", ".join(sorted(exc.possibilities)) + "?"
        return text
    if isinstance(exc, BadParameter):
        text = translate(exc.message)
        if exc.param is not None:
            return f"Giá trị không hợp lệ cho {_hint(exc.param)}: {text}"
        return f"Giá trị không hợp lệ: {text}"
    if exc.message == "Missing command.":
        return "Thiếu lệnh." + _commands(exc.ctx)
    found = re.match(_NO_SUCH_COMMAND, exc.message)
    if found:  # unknown command, maybe with close matches
        name, close = found.groups()
        text = f"Không có lệnh '{name}'."
        return text + (f" Các lệnh gần giống: {close}." if close else _commands(exc.ctx))
    return translate(exc.message)


def _show(exc: UsageError, file: IO[str] | None = None) -> None:
    """Print a usage error plainly: usage line, where to find help, then "Lỗi: …"."""
    err = file or sys.stderr
    ctx = exc.ctx
    if ctx is not None:
        typer.echo(ctx.get_usage(), file=err)
        if ctx.command.get_help_option(ctx) is not None:
            typer.echo(f"Gõ '{ctx.command_path} {ctx.help_option_names[0]}' để xem hướng dẫn.", file=err)
        typer.echo("", file=err)
    from kehoach.chars import for_terminal  # only on this error path: --help stays quick

    typer.echo(f"Lỗi: {for_terminal(_message(exc), line=True)}", file=err)


def _vietnamese_error(exc: Exception) -> None:
    """Make `exc.show()` (called by Typer's main loop) print in Vietnamese."""
    if isinstance(exc, NoArgsIsHelpError):  # its message is the help page, already Vietnamese
        return
    if isinstance(exc, UsageError):
        exc.show = lambda file=None: _show(exc, file)  # type: ignore[method-assign]
        exc.format_message = lambda: _message(exc)  # type: ignore[method-assign]
    elif isinstance(exc, _click.ClickException):
        original = exc.format_message
        exc.show = lambda file=None: typer.echo(f"Lỗi: {translate(original())}", file=file or sys.stderr)  # type: ignore[method-assign]


def utf8_streams() -> None:
    """Let stdout/stderr write Vietnamese whatever their encoding (PYTHONIOENCODING=ascii, LANG=C …).

    A stream that is not UTF-8 is switched to UTF-8 with errors="replace", so writing
    never raises UnicodeEncodeError; a stream that cannot be reconfigured is left alone."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError, TypeError):  # e.g. a detached or closed stream
                stream.reconfigure(encoding="utf-8", errors="replace")


# For the type checker the mixin is a Typer command (it is only ever mixed into one).
if TYPE_CHECKING:
    _Base = TyperCommand
else:
    _Base = object


class _Vietnamese(_Base):
    """Mixin: Vietnamese usage line, help option and help page (plain text, no rich); Vietnamese usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lazy.defer_coercion(self.params)  # no pydantic for options left out (e.g. `kehoach status --help`)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Cách dùng: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        help_page(self, ctx, formatter)

    def get_help(self, ctx: Any) -> str:
        width = min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH) - 2
        formatter = _click.HelpFormatter(width=max(width, 40))
        self.format_help(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
            lazy.defer_coercion([option])
        return option

    def main(self, *args: Any, **kwargs: Any) -> Any:
        utf8_streams()  # every way in (the script, python -m, CliRunner) starts here
        return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except typer.TyperException as exc:
            _vietnamese_error(exc)
            raise


class Command(_Vietnamese, TyperCommand):
    pass


class Group(_Vietnamese, TyperGroup):
    def invoke(self, ctx: Any) -> Any:  # every command runs inside the one error handler
        from kehoach.error_handler import error_handler  # not needed for --help

        try:
            with error_handler():
                return super().invoke(ctx)
        except typer.Abort:
            typer.echo("Đã hủy.", err=True)
            raise typer.Exit(1) from None
        except typer.TyperException as exc:
            _vietnamese_error(exc)
            raise
