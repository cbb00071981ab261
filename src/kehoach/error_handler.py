"""The one place that turns errors into messages and exit codes.

KehoachError → its Vietnamese message on stderr, exit 1 (data) or 2 (usage).
Anything else is a bug in kehoach: the user sees a short Vietnamese note and
where the details were logged, never a Python traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator

import typer

from kehoach.chars import for_terminal
from kehoach.errors import DataError, KehoachError

LOG_PREFIX = "kehoach-loi-"


def _say(text: str) -> None:
    """One line on stderr; data quoted in it (keys, file names) is shown escaped."""
    typer.echo(for_terminal(text, line=True), err=True)


@contextlib.contextmanager
def error_handler() -> Iterator[None]:
    try:
        yield
    except KehoachError as exc:
        if isinstance(exc, DataError):
            for p in exc.problems:
                _say(p.render())
        prefix = f"Lỗi {exc.code}: " if exc.code else "Lỗi: "
        _say(prefix + exc.message)
        for detail in exc.details:
            _say(detail)
        if exc.hint:
            _say(exc.hint)
        sys.exit(exc.exit_code)
    except (typer.Exit, typer.Abort, typer.TyperException, SystemExit):
        raise
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early: nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        _say("Đã dừng theo yêu cầu (Ctrl+C); không có tệp nào bị ghi dở.")
        sys.exit(130)
    except Exception as exc:
        _say(f"Lỗi nội bộ của kehoach ({type(exc).__name__}) — không phải do dữ liệu của bạn.")
        log = _write_log("".join(traceback.format_exception(exc)))
        if log is not None:
            _say(f"Chi tiết đã ghi vào {log}; hãy gửi tệp này cho nhóm phát triển.")
        sys.exit(3)


def _write_log(details: str) -> str | None:
    """A new file of its own for each crash (never another user's, never through a link)."""
    try:
        fd, path = tempfile.mkstemp(prefix=LOG_PREFIX, suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(details)
        return path
    except OSError:
        return None
