"""The only module that runs git: revisions, changed files, file contents, trees.

Every call goes through `_git` with `core.quotepath=false`, and name lists use
`-z`, so Vietnamese file names arrive as UTF-8 text, never as octal escapes.
A shallow clone that lacks the base revision is reported with the command
that fetches it, never as an obscure git error.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from kehoach import layout
from kehoach.errors import UsageError

MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")

FETCH_HINT = (
    "Bản sao kho đang là bản nông (shallow clone) nên thiếu lịch sử cần so sánh. Hãy tải thêm lịch sử: "
    "`git fetch --unshallow origin main:refs/remotes/origin/main` (hoặc `git fetch --unshallow` nếu đã có "
    "origin/main; kho lớn thì `git fetch origin main:refs/remotes/origin/main --depth=200`), rồi chạy lại. "
    "Trên GitHub Actions, đặt `fetch-depth: 0` cho bước `actions/checkout`; "
    "trên GitLab CI, đặt biến `GIT_DEPTH: 0`."
)


@dataclass(frozen=True)
class Change:
    """One changed file: status A, M, D, R (renamed), C (copied) or T (type changed)."""

    status: str
    path: str
    old_path: str | None = None


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=false", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise UsageError("không tìm thấy chương trình git; hãy cài git rồi chạy lại.") from None


def _out(cwd: Path, *args: str) -> bytes:
    proc = _git(cwd, *args)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(
            f"lệnh `git {' '.join(args)}` thất bại ({detail[-1] if detail else proc.returncode}); "
            "hãy kiểm tra kho git và tên phiên bản."
        )
    return proc.stdout


def toplevel(cwd: Path) -> Path:
    """The repository's top folder; not a git repository is a usage error (exit 2)."""
    proc = _git(cwd, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise UsageError(
            f"thư mục {cwd} không nằm trong một kho git; `kehoach review` so sánh hai phiên bản git — "
            "hãy chạy lệnh trong kho dữ liệu đã `git clone`."
        )
    return Path(proc.stdout.decode("utf-8").strip()).resolve()


def is_shallow(cwd: Path) -> bool:
    return _git(cwd, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"


def commit_of(cwd: Path, rev: str) -> str | None:
    """The full commit id of `rev`, or None when it does not exist here."""
    proc = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    return proc.stdout.decode().strip() if proc.returncode == 0 else None


def resolve(cwd: Path, rev: str) -> str:
    sha = commit_of(cwd, rev)
    if sha is not None:
        return sha
    if is_shallow(cwd):
        raise UsageError(f"không tìm thấy phiên bản `{rev}`. {FETCH_HINT}")
    raise UsageError(
        f"không tìm thấy phiên bản `{rev}` trong kho; hãy kiểm tra tên nhánh/commit "
        "(ví dụ `origin/main`) hoặc chạy `git fetch` trước."
    )


def default_base(cwd: Path, head: str) -> str:
    """`git merge-base <main branch> <head>`: where the branch under review left the main one."""
    branch = next((b for b in MAIN_BRANCHES if commit_of(cwd, b) is not None), None)
    if branch is None:
        extra = f" {FETCH_HINT}" if is_shallow(cwd) else ""
        raise UsageError(
            "không tìm thấy nhánh chính (origin/main, main, origin/master, master) để so sánh; "
            f"hãy ghi rõ phiên bản gốc: `kehoach review <GỐC> <MỚI>`.{extra}"
        )
    proc = _git(cwd, "merge-base", branch, resolve(cwd, head))
    if proc.returncode != 0:
        if is_shallow(cwd):
            raise UsageError(f"không tìm thấy điểm tách giữa `{branch}` và `{head}`. {FETCH_HINT}")
        raise UsageError(
            f"`{head}` và `{branch}` không có lịch sử chung; hãy ghi rõ phiên bản gốc: `kehoach review <GỐC> <MỚI>`."
        )
    return proc.stdout.decode().strip()


def changes(cwd: Path, base: str, head: str, prefix: str = "") -> list[Change]:
    """Files changed from `base` to `head` under `prefix` (paths relative to it), renames detected."""
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base, head, "--"]
    raw = _out(cwd, *args, *([prefix] if prefix else [])).decode("utf-8").split("\0")
    out: list[Change] = []
    i = 0
    while i < len(raw) and raw[i]:
        status = raw[i][0]
        if status in "RC":
            old, new = raw[i + 1], raw[i + 2]
            i += 3
        else:
            old, new = None, raw[i + 1]
            i += 2
        out.append(Change(status, _strip(new, prefix), _strip(old, prefix) if old else None))
    return out


def _strip(path: str, prefix: str) -> str:
    return path[len(prefix) + 1 :] if prefix and path.startswith(prefix + "/") else path


def export_tree(cwd: Path, rev: str, prefix: str, dest: Path) -> Path:
    """Write the data folders of `prefix` at `rev` into `dest` (no worktree, no checkout)."""
    tree = f"{rev}:{prefix}" if prefix else f"{rev}:"
    names = _out(cwd, "ls-tree", "-z", "--name-only", tree).decode("utf-8").split("\0")
    wanted = [n for n in names if n in layout.REVISION_DIRS]
    dest.mkdir(parents=True, exist_ok=True)
    if not wanted:
        return dest
    data = _out(cwd, "archive", "--format=tar", tree, "--", *wanted)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:", encoding="utf-8") as tar:
        tar.extractall(dest, filter="data")
    return dest


def prefix_of(top: Path, root: Path) -> str:
    """The data root's path inside the repository ('' at the top)."""
    rel = root.resolve().relative_to(top).as_posix()
    return "" if rel == "." else rel
