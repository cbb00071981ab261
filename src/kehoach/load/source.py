"""Where a data root's files come from: a folder on disk, or git's objects held in memory.

`DiskSource` reads a folder (validate, report and every other command). `BlobSource`
holds a revision's files as bytes read straight from git (`kehoach review`), so a
revision is loaded without writing tens of thousands of files to a temporary folder.
Both list files by the same rules (load/tree.py: regular files only, each data folder's
depth, ignored and temporary names) and hand out the same checked text, so a root loads
to the same models and problems from either.
"""

from __future__ import annotations

import errno
import os
import stat
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path

from kehoach.load import text as textmod
from kehoach.load import tree
from kehoach.problems import Problem, make

# O_NONBLOCK (POSIX): opening a FIFO must not wait for a writer; no effect on regular files.
# O_NOFOLLOW (POSIX): a symlink is never read through (the listing reports it first; this
# closes the race where a file is swapped for a link in between).
# O_BINARY (Windows): no newline translation. Each is 0 where the system has no such flag.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class Source(ABC):
    """The files of one data root, by root-relative POSIX path."""

    @abstractmethod
    def scan(self, top: str) -> tree.Listing:
        """The regular files under `top` (a data folder) and the problems of what is not one."""

    @abstractmethod
    def names(self, top: str, levels: int) -> list[tuple[str, bool]]:
        """Every name below `top`, `levels` deep, as (root-relative path, is a folder), sorted;
        links are listed, never followed."""

    @abstractmethod
    def data(self, rel: str) -> tuple[bytes | None, Problem | None]:
        """The bytes of a regular file (at most MAX_BYTES + 1 of them: enough to tell it is too
        large), or the problem that stops reading it."""

    def read_text(self, rel: str) -> tuple[str | None, Problem | None]:
        """The file's checked text (load/text.py), or the first problem that stops reading it."""
        return checked_text(self.data(rel), rel)

    def small(self, rel: str) -> bytes | None:
        """The bytes of a regular file of at most MAX_BYTES, else None (absent, too large, a link …)."""
        data, problem = self.data(rel)
        return data if problem is None and data is not None and len(data) <= textmod.MAX_BYTES else None

    @abstractmethod
    def size(self, rel: str) -> int | None:
        """The size of a regular file of at most MAX_BYTES, else None; reads no content."""


def checked_text(read: tuple[bytes | None, Problem | None], rel: str) -> tuple[str | None, Problem | None]:
    """A file's bytes as checked text (load/text.py), or the problem that stops it."""
    data, problem = read
    if problem is not None or data is None:
        return None, problem
    text, problem = textmod.decode(data, rel)
    if problem is None and text is not None:
        problem = textmod.check(text, rel)
    return (None, problem) if problem else (text, None)


class DiskSource(Source):
    """A data root on disk; nothing is read through a link."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = str(root)

    def scan(self, top: str) -> tree.Listing:
        return tree.scan(self.root, top)

    def names(self, top: str, levels: int) -> list[tuple[str, bool]]:
        found: list[tuple[str, bool]] = []
        stack = [(top, 0)]
        while stack:
            rel, depth = stack.pop()
            try:
                with os.scandir(os.path.join(self._base, rel)) as it:
                    entries = list(it)
            except OSError:  # missing or unreadable: the listing (scan) reports it
                continue
            for entry in entries:
                here = f"{rel}/{entry.name}"
                is_dir = entry.is_dir(follow_symlinks=False)
                found.append((here, is_dir))
                if is_dir and depth + 1 < levels:
                    stack.append((here, depth + 1))
        return sorted(found)

    def data(self, rel: str) -> tuple[bytes | None, Problem | None]:
        return read_file(os.path.join(self._base, rel), rel)

    def size(self, rel: str) -> int | None:
        try:
            st = os.lstat(os.path.join(self._base, rel))
        except OSError:
            return None
        return st.st_size if stat.S_ISREG(st.st_mode) and st.st_size <= textmod.MAX_BYTES else None


def read_file(path: Path | str, rel: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of the regular file at `path` (at most MAX_BYTES + 1), never through a link;
    or the problem, named by `rel`."""
    try:
        fd = os.open(path, _READ_FLAGS)
        with open(fd, "rb", buffering=0) as f:  # unbuffered: one read of a small file
            code = tree.kind_code(os.fstat(f.fileno()).st_mode)
            if code is not None:
                return None, tree.problem(code, rel)
            return f.read(textmod.MAX_BYTES + 1), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, tree.problem("KH120", rel)
        return None, unreadable(rel, exc)


def unreadable(rel: str, exc: OSError) -> Problem:
    return make("KH001", rel, 1, 1, f"không đọc được tệp ({os_reason(exc)}).")


def os_reason(exc: OSError) -> str:
    reasons = {
        errno.EACCES: "không có quyền đọc; hãy kiểm tra quyền truy cập",
        errno.ENOENT: "tệp không còn tồn tại hoặc là liên kết hỏng; hãy xóa liên kết",
        errno.ENXIO: "đây là socket hoặc thiết bị, không phải tệp; hãy xóa nó",
        errno.EISDIR: "đây là một thư mục, không phải tệp",
    }
    return reasons.get(exc.errno or 0, f"lỗi hệ thống {exc.errno}; hãy kiểm tra tệp")


class BlobSource(Source):
    """A revision's regular files held in memory: `files` maps each path to its bytes, or to
    its size when it is too large to be read (it is reported as too large, as on disk);
    `ids`, when given, each path's git object id (the same id: the same content)."""

    def __init__(self, files: Mapping[str, bytes | int], ids: Mapping[str, str] | None = None) -> None:
        self.files = files
        self.ids = ids or {}

    def by_id(self) -> dict[str, bytes]:
        """The contents read, by git object id."""
        return {self.ids[rel]: data for rel, data in self.files.items() if isinstance(data, bytes) and rel in self.ids}

    def same(self, other: BlobSource, rel: str) -> bool:
        """Whether `rel` has the very same content here and in `other` (by git object id)."""
        mine = self.ids.get(rel)
        return mine is not None and mine == other.ids.get(rel)

    def scan(self, top: str) -> tree.Listing:
        """load/tree.py's listing of the same files written to disk: sorted component by
        component; a folder deeper than the data folder allows (KH122) and a `.git` inside
        it (KH123) reported once; ignored and temporary names left out."""
        out = tree.Listing()
        if top in self.files:  # a file where the data folder should be
            out.problems.append(tree.problem("KH122", top))
            return out
        found: list[tuple[str, ...]] = []
        reported: set[str] = set()
        start = top + "/"
        depth = tree.DEPTH[top]
        for path in self.files:
            if not path.startswith(start):
                continue
            parts = tuple(path.split("/"))
            problem = _deep_problem(parts, depth)
            if problem is None:
                if tree.listed(parts[-1]):
                    found.append(parts)
            elif problem.path not in reported:
                reported.add(problem.path)
                out.problems.append(problem)
        found.sort()
        out.files = ["/".join(parts) for parts in found]
        out.problems.sort(key=lambda p: p.path)
        return out

    def names(self, top: str, levels: int) -> list[tuple[str, bool]]:
        found: dict[str, bool] = {}
        start = top + "/"
        for path in self.files:
            if path.startswith(start):
                parts = path.split("/")
                for i in range(2, min(levels + 1, len(parts)) + 1):  # top/a, top/a/b … (levels names deep)
                    found["/".join(parts[:i])] = i < len(parts)
        return sorted(found.items())

    def data(self, rel: str) -> tuple[bytes | None, Problem | None]:
        value = self.files.get(rel)
        if value is None:
            return None, unreadable(rel, FileNotFoundError(errno.ENOENT, rel))
        if isinstance(value, int):
            return None, textmod.too_large(rel)
        return value, None

    def size(self, rel: str) -> int | None:
        value = self.files.get(rel)
        if value is None or isinstance(value, int):
            return None
        return len(value)


def _deep_problem(parts: tuple[str, ...], depth: int) -> Problem | None:
    """What the on-disk walk reports for this file's path, if anything: the first `.git`
    component (KH123), else the first folder below the allowed depth (KH122)."""
    for i, name in enumerate(parts[1:-1], start=1):
        if name == ".git":
            return tree.problem("KH123", "/".join(parts[: i + 1]))
        if i > depth:
            return tree.problem("KH122", "/".join(parts[: i + 1]))
    if parts[-1] == ".git":
        return tree.problem("KH123", "/".join(parts))
    return None
