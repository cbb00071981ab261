"""KH042: .github/CODEOWNERS exists but no longer matches units/ (see `kehoach codeowners`)."""

from __future__ import annotations

from kehoach.layout import CODEOWNERS, PLAN_FILE, UNITS_DIR
from kehoach.load.root import DataRoot
from kehoach.problems import Problem, make

PATH = CODEOWNERS


def check_codeowners(dr: DataRoot) -> list[Problem]:
    # only a small regular file, never read through a link (it could point outside the root)
    data = dr.source.small(PATH)
    if data is None or any(p.path.startswith((f"{UNITS_DIR}/", PLAN_FILE)) for p in dr.problems):
        return []  # units/ that do not load are reported on their own
    from kehoach.codeowners import render

    try:
        # line ends read as `kehoach codeowners --check` reads them (a CRLF checkout is current)
        current: str | None = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
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
