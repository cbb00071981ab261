"""Write stage: atomic file writes. A reader sees the old file or the new one, never half.

A temporary file in the same folder is written, flushed, fsynced, then renamed
over the target. On any failure the temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kehoach.errors import KehoachError



def atomic_write(path: Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write `data` to `path` atomically. With overwrite=False an existing file raises FileExistsError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # raises FileExistsError if taken: no race with another writer
            os.unlink(tmp)
    except FileExistsError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise KehoachError(f"không ghi được tệp {path} ({exc.strerror}); kiểm tra quyền ghi và dung lượng đĩa, "
                           "rồi chạy lại. Không có tệp nào bị ghi dở.") from None
    except BaseException:
        _remove(tmp)
        raise
    return path


def _remove(tmp: str) -> None:
    if os.path.exists(tmp):
        os.unlink(tmp)
