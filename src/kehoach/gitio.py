"""The only module that runs git: revisions, changed files, file contents, trees.

Every call goes through `_git` with `core.quotepath=false`, and name lists use
`-z`, so Vietnamese file names arrive as UTF-8 text, never as octal escapes.
A shallow clone that lacks the base revision is reported with the command
that fetches it, never as an obscure git error.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from kehoach.errors import DataError, UsageError

MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")

PATHS_MAX = 1_000_000
"""The most paths a review lists (a change's files, a revision's tree): twenty years of 50,000
entries. A crafted tree names far more with a few small objects (one folder nested in itself
many times over), so git's listing is read as it comes and stopped past this many."""

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
        _failed(args, proc.stderr, proc.returncode)
    return proc.stdout


def _failed(args: tuple[str, ...], stderr: bytes, code: int) -> NoReturn:
    detail = stderr.decode("utf-8", "replace").strip().splitlines()
    raise UsageError(
        f"lệnh `git {' '.join(args)}` thất bại ({detail[-1] if detail else code}); "
        "hãy kiểm tra kho git và tên phiên bản."
    )


def _records(cwd: Path, *args: str, most: int) -> list[str]:
    """The NUL-separated records git prints for `args` (`-z`), read as they come; more than
    `most` of them stops git: KH102 (exit 1), never a listing that exhausts the machine."""
    with tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(
                ["git", "-c", "core.quotepath=false", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=err
            )
        except FileNotFoundError:
            raise UsageError("không tìm thấy chương trình git; hãy cài git rồi chạy lại.") from None
        assert proc.stdout is not None  # (stdout=PIPE)
        chunks: list[bytes] = []
        count = 0
        with proc:
            while chunk := proc.stdout.read(1 << 20):
                chunks.append(chunk)
                count += chunk.count(b"\0")
                if count > most:
                    proc.kill()
                    raise DataError(
                        f"git liệt kê hơn {PATHS_MAX:,} tệp (lệnh `git {args[0]}`); ".replace(",", ".")
                        + "kehoach review không liệt kê hết — có thể một cây git được tạo để lồng một thư mục "
                        "vào chính nó nhiều lần; hãy xem lại commit này.",
                        code="KH102",
                    )
        if proc.returncode != 0:
            err.seek(0)
            _failed(args, err.read(), proc.returncode)
    return b"".join(chunks).decode("utf-8", "surrogateescape").split("\0")


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


def main_branch(cwd: Path) -> str:
    """The first of MAIN_BRANCHES that exists here: what the default review compares with."""
    branch = next((b for b in MAIN_BRANCHES if commit_of(cwd, b) is not None), None)
    if branch is None:
        extra = f" {FETCH_HINT}" if is_shallow(cwd) else ""
        raise UsageError(
            "không tìm thấy nhánh chính (origin/main, main, origin/master, master) để so sánh; "
            f"hãy ghi rõ phiên bản gốc: `kehoach review <GỐC> <MỚI>`.{extra}"
        )
    return branch


def merge_base(cwd: Path, base: str, head: str, base_label: str, head_label: str) -> str:
    """`git merge-base BASE HEAD`: where the branch under review left BASE (like `git diff BASE...HEAD`)."""
    proc = _git(cwd, "merge-base", base, head)
    if proc.returncode != 0 or not proc.stdout.strip():
        if is_shallow(cwd):
            raise UsageError(f"không tìm thấy điểm tách giữa `{base_label}` và `{head_label}`. {FETCH_HINT}")
        raise UsageError(
            f"`{head_label}` và `{base_label}` không có lịch sử chung nên không có điểm tách để so sánh; "
            "hãy ghi rõ phiên bản gốc là một commit tổ tiên của phiên bản cần duyệt."
        )
    return proc.stdout.decode().split()[0]


def subject(cwd: Path, sha: str) -> str:
    """The first line of a commit's message (as written: data, to be escaped by whoever shows it)."""
    return (
        _out(cwd, "-c", "log.showSignature=false", "show", "-s", "--format=%s", sha).decode("utf-8", "replace").strip()
    )


def changes(cwd: Path, base: str, head: str) -> list[Change]:
    """Files changed from `base` to `head` in the whole repository (paths from its top), renames detected.

    No external diff, no textconv and no relative paths, whatever the user's configuration says."""
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", "--no-relative", base, head]
    raw = _records(cwd, *args, "--", most=3 * PATHS_MAX)  # (a change is 2 or 3 records)
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
        out.append(Change(status, new, old))
    return out


def under(path: str, prefix: str) -> str | None:
    """`path` relative to the folder `prefix` ('' = the top), or None when it lies outside."""
    if not prefix:
        return path
    return path[len(prefix) + 1 :] if path.startswith(prefix + "/") else None


@dataclass(frozen=True)
class TreeItem:
    """One entry of a committed tree: git mode (100644 file, 120000 symlink, 160000 submodule …)."""

    mode: str
    sha: str
    size: int
    path: str

    @property
    def regular(self) -> bool:
        return self.mode in ("100644", "100755")

    @property
    def folder(self) -> bool:
        return self.mode == "040000"


def tree(cwd: Path, rev: str, prefix: str, under: tuple[str, ...]) -> list[TreeItem]:
    """Every entry of the folders `under` below `prefix` at `rev` (paths relative to `prefix`),
    each folder before what it holds, read from git's objects: no checkout, no `.gitattributes`
    (export-ignore, filters), no hooks; nothing else is listed or sized (a partial clone fetches
    nothing else). Empty when absent."""
    spec = f"{rev}:{prefix}" if prefix else f"{rev}^{{tree}}"
    if _git(cwd, "cat-file", "-e", spec).returncode != 0:
        return []
    raw = _records(cwd, "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", spec, "--", *under, most=PATHS_MAX)
    out: list[TreeItem] = []
    for rec in raw:
        if not rec:
            continue
        meta, _, path = rec.partition("\t")
        mode, _kind, sha, size = meta.split()
        out.append(TreeItem(mode, sha, int(size) if size.isdigit() else 0, path))
    return out


def blobs(cwd: Path, shas: list[str]) -> dict[str, bytes]:
    """The contents of the given blobs, in one `git cat-file --batch` (no filters applied)."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    proc = _git(cwd, "cat-file", "--batch", "--buffer", stdin="".join(f"{s}\n" for s in wanted).encode())
    if proc.returncode != 0:
        raise UsageError("lệnh `git cat-file --batch` thất bại; hãy kiểm tra kho git (`git fsck`).")
    data, pos = proc.stdout, 0
    out: dict[str, bytes] = {}
    for sha in wanted:
        eol = data.index(b"\n", pos)
        header = data[pos:eol].split()
        if len(header) != 3 or header[1] != b"blob":
            raise UsageError(f"không đọc được đối tượng git {sha}; hãy kiểm tra kho git (`git fsck`).")
        size = int(header[2])
        out[sha] = data[eol + 1 : eol + 1 + size]
        pos = eol + 1 + size + 1
    return out


def prefix_of(top: Path, root: Path) -> str:
    """The data root's path inside the repository ('' at the top)."""
    rel = root.resolve().relative_to(top).as_posix()
    return "" if rel == "." else rel
