"""`kehoach validate [PATH…]`: check every file of the data root; report problems."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from kehoach.commands.common import load_checked
from kehoach.errors import UsageError
from kehoach.problems import Problem


def _within(rel: str, filters: list[str]) -> bool:
    return any(rel == f or rel.startswith(f.rstrip("/") + "/") or f in ("", ".") for f in filters)


def run(root: Path, paths: list[Path], today: dt.date) -> tuple[list[Problem], int]:
    """(problems to report, number of files checked). PATHs narrow what is reported,
    not what is loaded: cross-file rules always see the whole root."""
    checked = load_checked(root, today)
    problems, files = checked.problems, checked.data.files
    if paths:
        filters = [_rel(root, p) for p in paths]
        problems = [p for p in problems if _within(p.path, filters)]
        files = [f for f in files if _within(f, filters)]
    return problems, len(files)


def _rel(root: Path, p: Path) -> str:
    if not os.path.lexists(p):
        raise UsageError(f"không có tệp hoặc thư mục {p}.")
    try:  # a link is named where it lies, not where it points: validate reports it (KH120)
        a = Path(os.path.abspath(p))
        return (a.parent.resolve() / a.name).relative_to(root).as_posix() if a != a.parent else "/"
    except ValueError:
        raise UsageError(f"{p} nằm ngoài thư mục dữ liệu {root}.") from None


def exit_code(problems: list[Problem], strict: bool) -> int:
    if any(p.severity == "error" for p in problems):
        return 1
    return 1 if strict and problems else 0
