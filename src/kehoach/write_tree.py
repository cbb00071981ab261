"""Write stage for a whole folder (the site): built aside, then swapped in; never half-written.

The files are written into a new hidden folder next to the target; only when every file
is there does it take the target's name (the old folder is renamed aside first and
removed afterwards, so the target is missing only between two renames). On any failure
the new folder is removed and the old site stays as it was.

A folder is only ever replaced if kehoach made it: it holds the marker file MARKER.
An -o that is a file, or a non-empty folder without the marker (someone's documents,
the repository itself), is refused — nothing of the user's is deleted by accident.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import KehoachError, UsageError

MARKER = ".kehoach-site"
MARKER_TEXT = "Thư mục này do `kehoach site` tạo ra; chạy lại lệnh sẽ dựng lại toàn bộ thư mục.\n".encode()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(target: Path, protected: Iterable[Path] = ()) -> Path:
    """The real folder to (re)place; UsageError if writing there could destroy something."""
    real = Path(os.path.realpath(target))
    for p in protected:
        p = Path(os.path.realpath(p))
        if real == p or p in real.parents or real in p.parents:
            raise UsageError(
                f"không ghi trang vào {target}: thư mục này trùng, nằm trong hoặc chứa thư mục dữ liệu {p}; "
                "hãy chọn thư mục khác, ví dụ build/site.",
                code="KH182",
            )
    try:
        st = real.stat()
    except (FileNotFoundError, NotADirectoryError):
        for above in real.parents:
            if above.exists():
                if not above.is_dir():
                    raise UsageError(
                        f"{above} là một tệp, không phải thư mục; không ghi được {target}.", code="KH180"
                    ) from None
                break
        return real
    except OSError as exc:
        raise _write_error(target, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise UsageError(
            f"{target} đã có và không phải là thư mục; `-o` phải là một thư mục (mới, rỗng, hoặc do "
            "`kehoach site` tạo trước đó).",
            code="KH180",
        )
    try:
        names = os.listdir(real)
    except OSError as exc:
        raise _write_error(target, exc) from None
    if names and MARKER not in names:
        raise UsageError(
            f"thư mục {target} đã có nội dung và không phải do `kehoach site` tạo (thiếu tệp {MARKER}); "
            "lệnh sẽ không xóa nó. Hãy chọn một thư mục mới hoặc rỗng, ví dụ build/site.",
            code="KH181",
        )
    return real


def replace_dir(target: Path, files: Iterable[tuple[str, bytes]], protected: Iterable[Path] = ()) -> Path:
    """Write `files` (relative POSIX path, bytes) as the folder `target`, replacing a previous site."""
    protected = list(protected)
    real = check_target(target, protected)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent))
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; a site is read by a web server
        made: set[Path] = {tmp}
        for rel, data in files:
            path = tmp / rel
            if ".." in Path(rel).parts or Path(rel).is_absolute():
                raise ValueError(f"unsafe site path {rel!r}")
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(data)
        (tmp / MARKER).write_bytes(MARKER_TEXT)
        _swap(tmp, real, target, protected)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _write_error(target, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _swap(tmp: Path, real: Path, target: Path, protected: list[Path]) -> None:
    if not os.path.lexists(real):
        os.rename(tmp, real)
        return
    check_target(target, protected)  # the folder may have changed while the site was built
    old = Path(tempfile.mkdtemp(prefix=f".{real.name}.", suffix=".old", dir=real.parent))
    os.rename(real, old / "site")
    try:
        os.rename(tmp, real)
    except OSError:
        os.rename(old / "site", real)  # put the previous site back
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_error(path: Path, exc: OSError) -> KehoachError:
    return KehoachError(
        f"không ghi được thư mục {path} ({exc.strerror or exc}); kiểm tra quyền ghi và dung lượng đĩa, "
        "rồi chạy lại. Trang cũ (nếu có) vẫn giữ nguyên.",
        code="KH183",
    )
