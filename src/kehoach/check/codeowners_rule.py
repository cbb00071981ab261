"""KH042: .github/CODEOWNERS exists but no longer matches units/ (see `kehoach codeowners`)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kehoach.layout import CODEOWNERS, PLAN_FILE, UNITS_DIR
from kehoach.load.root import DataRoot
from kehoach.problems import Problem, make

PATH = CODEOWNERS


def _small_regular(path: Path) -> bool:
    """Read only a small regular file, never through a link (it could point outside the root)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size <= 1024 * 1024


def check_codeowners(dr: DataRoot) -> list[Problem]:
    path = dr.root / PATH
    if not _small_regular(path) or any(p.path.startswith((f"{UNITS_DIR}/", PLAN_FILE)) for p in dr.problems):
        return []  # units/ that do not load are reported on their own
    from kehoach.codeowners import render

    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current == render(dr):
        return []
    return [
        make(
            "KH042",
            PATH,
            1,
            1,
            "CODEOWNERS không còn khớp với người duyệt (`reviewers:`) trong units/; "
            "hãy chạy `kehoach codeowners` rồi commit tệp này.",
        )
    ]
