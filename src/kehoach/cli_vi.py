"""Vietnamese for the parts of the help and error screens that Typer writes itself.

Typer (and the Click it vendors) print "Usage:", "Options", "Show this message
and exit." and usage errors in English. Staff read Vietnamese only, so the
panel titles are replaced, the help option is described in Vietnamese and
usage errors are translated before they are shown.
"""

from __future__ import annotations

import re

import typer
from typer import rich_utils
from typer.core import TyperCommand, TyperGroup

from kehoach.error_handler import error_handler

OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."

for _name, _text in {
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã hủy.",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không dùng nữa) ",
    "RICH_HELP": "Gõ [blue]'{command_path} {help_option}'[/] để xem hướng dẫn.",
}.items():
    setattr(rich_utils, _name, _text)

_ERRORS = [
    (re.compile(r"^Missing (?:option|parameter|argument) (.+?)\.(.*)$", re.S), r"Thiếu \1 (bắt buộc).\2"),
    (re.compile(r"^No such option: (\S+)(?: Did you mean (.+)\?)?$"), r"Không có tùy chọn \1."),
    (re.compile(r"^No such command '(.+?)'\.(?: Did you mean (.+)\?)?$"), r"Không có lệnh '\1'. Các lệnh gần giống: \2"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), r"Tùy chọn '\1' cần một giá trị."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"Thừa tham số: \1."),
    (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), r"Giá trị không hợp lệ cho \1: \2"),
    (re.compile(r"'(.+?)' is not one of (.+)\.$"), r"'\1' không thuộc các giá trị \2."),
    (re.compile(r"'?(.+?)'? is not a valid integer(?: range)?\.?"), r"'\1' không phải số nguyên."),
    (re.compile(r"(\S+) is not in the range (.+)\."), r"\1 nằm ngoài khoảng \2."),
    (re.compile(r"(?:Directory|File|Path|dir|file|path) '(.+)' does not exist\.", re.I), r"không có thư mục hoặc tệp '\1'."),
    (re.compile(r"Value error, "), ""),
    (re.compile(r"Input should be a valid integer.*$"), "phải là số nguyên."),
    (re.compile(r"(?:Directory|File) '(.+)' is a (?:file|directory)\."), r"'\1' không đúng loại (tệp/thư mục)."),
]


def translate(message: str) -> str:
    for pattern, repl in _ERRORS:
        message = pattern.sub(repl, message)
    return message.replace(" or ", " hoặc ")


def _vietnamese_error(exc: Exception) -> None:
    original = exc.format_message
    exc.format_message = lambda: translate(original())  # type: ignore[method-assign]


class _Vietnamese:
    """Mixin: Vietnamese usage line and help option."""

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Cách dùng: ")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except typer.TyperException as exc:
            _vietnamese_error(exc)
            raise


class Command(_Vietnamese, TyperCommand):
    pass


class Group(_Vietnamese, TyperGroup):
    def invoke(self, ctx):  # every command runs inside the one error handler
        try:
            with error_handler():
                return super().invoke(ctx)
        except typer.TyperException as exc:
            _vietnamese_error(exc)
            raise
