"""Only regular files: list the data folders without ever following a link.

Under plan/, units/, progress/ and templates/ kehoach reads regular files only.
A symlink (KH120), a FIFO, device or socket (KH121), a folder where only files
belong (KH122), a nested git repository or submodule (KH123), or a data folder
that lies outside the data root (KH124) is reported with its path and never
read, so nothing outside the data root can reach a check, a report or a review.
kehoach's own temporary files (see write.py) are not data and are not listed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.layout import IGNORED_NAMES, PLAN_DIR, PROGRESS_DIR, READ_DIRS, TEMPLATES_DIR, UNITS_DIR
from kehoach.problems import Problem, make
from kehoach.tempnames import is_temp_name

__all__ = ["DEPTH", "IGNORED_NAMES", "READ_DIRS", "Listing", "kind_code", "listed", "problem", "scan"]

# How many folder levels each data folder may hold below itself; deeper is KH122.
DEPTH = {PLAN_DIR: 0, UNITS_DIR: 0, PROGRESS_DIR: 1, TEMPLATES_DIR: 8}

_WHY = {
    "KH120": "đây là liên kết tượng trưng (symlink); kehoach chỉ đọc tệp thường nằm trong thư mục dữ liệu, "
    "vì nội dung của liên kết có thể đổi mà không ai duyệt — hãy thay liên kết bằng chính tệp đó",
    "KH121": "đây không phải tệp thường (ống dẫn, thiết bị hoặc socket); hãy xóa nó",
    "KH122": "đây là một thư mục ở chỗ chỉ được có tệp; hãy chuyển các tệp bên trong ra đúng chỗ rồi xóa thư mục",
    "KH123": "đây là kho git lồng nhau hoặc submodule; dữ liệu phải nằm ngay trong kho này — hãy xóa nó",
    "KH124": "thư mục này nằm ngoài thư mục dữ liệu (qua liên kết hoặc điểm gắn); hãy để thư mục này ngay trong thư mục dữ liệu",
}


def problem(code: str, rel: str) -> Problem:
    return make(code, rel, 1, 1, _WHY[code] + ".")


def listed(name: str) -> bool:
    """Whether a regular file of this name is listed: not README.md and the like, not kehoach's temp files."""
    return name not in IGNORED_NAMES and not is_temp_name(name)


def kind_code(mode: int) -> str | None:
    """The problem code of a file mode that is not a regular file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "KH120"
    return "KH122" if stat.S_ISDIR(mode) else "KH121"


@dataclass
class Listing:
    files: list[str] = field(default_factory=list)  # regular files, root-relative POSIX paths
    problems: list[Problem] = field(default_factory=list)


def scan(root: Path, top: str) -> Listing:
    """The regular files under root/top, in `sorted(Path.rglob('*'))` order, and the
    problems of every entry that is not one. Nothing is followed or read."""
    out = Listing()
    base = os.path.join(root, top)
    try:
        st = os.lstat(base)
    except OSError:
        return out  # absent: the callers say what is missing
    code = kind_code(st.st_mode)
    if code != "KH122":  # not a folder (a link to one, a file …)
        out.problems.append(problem(code or "KH122", top))
        return out
    real_root = os.path.realpath(root)
    if os.path.realpath(base) != os.path.join(real_root, top):
        out.problems.append(problem("KH124", top))
        return out
    found: list[tuple[str, ...]] = []
    _walk(base, (top,), DEPTH[top], found, out.problems)
    found.sort()
    out.files = ["/".join(parts) for parts in found]
    out.problems.sort(key=lambda p: p.path)
    return out


def _walk(path: str, parts: tuple[str, ...], depth: int, found: list[tuple[str, ...]], problems: list[Problem]) -> None:
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except PermissionError:
        return
    for entry in entries:
        name = entry.name
        rel = parts + (name,)
        try:  # d_type from the directory listing: no extra system call in the common case
            if entry.is_symlink():
                code: str | None = "KH120"
            elif entry.is_dir(follow_symlinks=False):
                code = "KH122"
            elif entry.is_file(follow_symlinks=False):
                code = None
            else:
                code = "KH121"
        except OSError:
            code = "KH121"
        if name == ".git":
            problems.append(problem("KH123", "/".join(rel)))
        elif code == "KH122" and depth > 0:
            _walk(entry.path, rel, depth - 1, found, problems)
        elif code is not None:
            problems.append(problem(code, "/".join(rel)))
        elif listed(name):
            found.append(rel)
