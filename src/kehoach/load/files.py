"""One file → one model instance, or the problems that stop it. Also finds the data root."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach import layout
from kehoach.load import text as textmod
from kehoach.load import tree, yamlsafe
from kehoach.load.schema_errors import problems_from
from kehoach.problems import Problem, make

M = TypeVar("M", bound=BaseModel)
# O_NONBLOCK (POSIX): opening a FIFO must not wait for a writer; no effect on regular files.
# O_NOFOLLOW (POSIX): a symlink is never read through (the listing reports it first; this
# closes the race where a file is swapped for a link in between).
# O_BINARY (Windows): no newline translation. Each is 0 where the system has no such flag.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def read_text(path: Path | str, rel: str) -> tuple[str | None, Problem | None]:
    """The file's checked text, or the first problem that stops reading it."""
    try:
        fd = os.open(path, _READ_FLAGS)
        with open(fd, "rb", buffering=0) as f:  # unbuffered: one read of a small file
            code = tree.kind_code(os.fstat(f.fileno()).st_mode)
            if code is not None:
                return None, tree.problem(code, rel)
            data = f.read(textmod.MAX_BYTES + 1)  # enough to tell a file is too large
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, tree.problem("KH120", rel)
        return None, make("KH001", rel, 1, 1, f"không đọc được tệp ({_os_reason(exc)}).")
    text, problem = textmod.decode(data, rel)
    if problem is None and text is not None:
        problem = textmod.check(text, rel)
    return (None, problem) if problem else (text, None)


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.EACCES: "không có quyền đọc; hãy kiểm tra quyền truy cập",
        errno.ENOENT: "tệp không còn tồn tại hoặc là liên kết hỏng; hãy xóa liên kết",
        errno.ENXIO: "đây là socket hoặc thiết bị, không phải tệp; hãy xóa nó",
        errno.EISDIR: "đây là một thư mục, không phải tệp",
    }
    return reasons.get(exc.errno or 0, f"lỗi hệ thống {exc.errno}; hãy kiểm tra tệp")


def parse_mapping(text: str, rel: str) -> tuple[dict[str, Any] | None, Problem | None]:
    data, problem = yamlsafe.load(text, rel)
    if problem:
        return None, problem
    if not isinstance(data, dict):
        kind = "một danh sách" if isinstance(data, list) else "một giá trị đơn"
        return None, make(
            "KH013", rel, 1, 1, f"tệp phải là các dòng `khóa: giá trị`, nhưng đang là {kind}; xem mẫu trong README."
        )
    return data, None


def load_model(path: Path, rel: str, model: type[M]) -> tuple[M | None, str | None, list[Problem]]:
    """(instance, text, problems): text is kept so later rules can point at lines."""
    text, problem = read_text(path, rel)
    if problem or text is None:
        return None, None, [problem] if problem else []
    data, problem = parse_mapping(text, rel)
    if problem:
        return None, text, yamlsafe.every_problem(text, rel, problem)
    try:
        return model.model_validate(data), text, []
    except ValidationError as exc:
        return None, text, problems_from(exc, text, rel, model)


def find_root(start: Path) -> Path | None:
    """The nearest directory upwards from `start` that has plan/."""
    start = start.resolve()
    for d in (start, *start.parents):
        if layout.is_root(d):
            return d
    return None
