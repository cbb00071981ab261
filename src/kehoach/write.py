"""Write stage: atomic file writes. A reader sees the old file or the new one, never half.

A temporary file in the same folder is written, flushed, fsynced, then renamed
over the target. On any failure the temporary file is removed. A symlink is
written through (its target is replaced); a target that is not a regular file
(a device, a FIFO, a folder) is refused. New files get the usual permissions
(0666 less the umask), an existing file keeps its own.

kehoach's temporary files are named `.<file name>.<8 random characters>.kehoach-tmp`
(for example `.2026-05-20-II.C.6.yaml.k3x9_a0q.kehoach-tmp`). One left behind by a
killed write is not data: `validate` does not list it, and the next write in that
folder removes it once it is older than STALE_SECONDS.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from kehoach.errors import KehoachError, UsageError
from kehoach.tempnames import STALE_SECONDS, TEMP_SUFFIX, is_temp_name

_swept: set[Path] = set()


def remove_stale_temps(folder: Path, now: float | None = None) -> None:
    """Remove kehoach's temporary files in `folder` older than STALE_SECONDS (regular files
    only: a link or anything else of that name is left alone, and validate reports it)."""
    limit = (time.time() if now is None else now) - STALE_SECONDS
    try:
        with os.scandir(folder) as it:
            stale = [
                e.path
                for e in it
                if is_temp_name(e.name)
                and e.is_file(follow_symlinks=False)
                and e.stat(follow_symlinks=False).st_mtime < limit
            ]
    except OSError:
        return
    for path in stale:
        with contextlib.suppress(OSError):  # gone already, or not ours to remove: the write goes on
            os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: Path) -> tuple[Path, int]:
    """The real file to replace (through symlinks) and the mode it should end with."""
    real = Path(os.path.realpath(path))
    try:
        st = real.stat()
    except FileNotFoundError:
        return real, 0o666 & ~_umask()
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(
            f"{path} không phải là một tệp thường (thiết bị, thư mục hoặc ống dẫn); "
            "hãy chọn một đường dẫn tệp khác để ghi."
        )
    return real, stat.S_IMODE(st.st_mode)


def atomic_write(path: Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write `data` to `path` atomically. With overwrite=False anything already at `path`
    (a file, or a symlink even if dangling) raises FileExistsError, and nothing is followed."""
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(path)
    real, mode = _target(path) if overwrite else (path, 0o666 & ~_umask())
    if real.parent.exists() and not real.parent.is_dir():
        raise UsageError(f"{real.parent} là một tệp, không phải thư mục; không ghi được {path}.")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        if real.parent not in _swept:  # once per folder and run: many writes in one folder stay linear
            _swept.add(real.parent)
            remove_stale_temps(real.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=TEMP_SUFFIX, dir=real.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        if not hasattr(os, "fchmod"):  # Windows: only the read-only flag exists
            os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, real)
        else:
            _place_new(tmp, real)
    except FileExistsError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise _write_error(path, exc) from None
    except BaseException:
        _remove(tmp)
        raise
    return path


def _place_new(tmp: str, real: Path) -> None:
    """Move `tmp` to `real` only if nothing is there (FileExistsError otherwise), atomically."""
    if os.name == "nt":
        os.rename(tmp, real)  # Windows refuses an existing target: the same guarantee as link
        return
    try:
        os.link(tmp, real)  # raises FileExistsError if taken: no race with another writer
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network shares, FAT): claim the name, then replace
        os.close(os.open(real, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, real)
        return
    os.unlink(tmp)


def _write_error(path: Path, exc: OSError) -> KehoachError:
    return KehoachError(
        f"không ghi được tệp {path} ({exc.strerror}); kiểm tra quyền ghi và dung lượng đĩa, "
        "rồi chạy lại. Không có tệp nào bị ghi dở."
    )


def _remove(tmp: str) -> None:
    if os.path.exists(tmp):
        os.unlink(tmp)


def atomic_write_new(files: list[tuple[Path, bytes]]) -> list[Path]:
    """Write several new files, all or none (`import-xlsx`). Every file is first written to a
    temporary file beside it; their data is made durable by one `os.sync()` instead of one
    fsync per file (a thousand fsyncs take seconds on a busy disk); only then is each linked
    under its name. Anything already at a name raises FileExistsError; on any failure the
    temporary files and the files already linked by this call are removed."""
    temps: list[tuple[str, Path]] = []
    linked: list[Path] = []
    mode = 0o666 & ~_umask()
    try:
        for path, data in files:
            if os.path.lexists(path):
                raise FileExistsError(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            except OSError as exc:
                raise _write_error(path, exc) from None
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                os.fchmod(fh.fileno(), mode)
        os.sync()
        for tmp, path in temps:
            os.link(tmp, path)  # raises FileExistsError if taken meanwhile
            linked.append(path)
    except OSError as exc:
        for path in linked:
            path.unlink(missing_ok=True)
        if isinstance(exc, FileExistsError) or not exc.filename:
            raise
        raise _write_error(Path(exc.filename), exc) from None
    except BaseException:
        for path in linked:
            path.unlink(missing_ok=True)
        raise
    finally:
        for tmp, _ in temps:
            _remove(tmp)
    return [path for _, path in temps]
