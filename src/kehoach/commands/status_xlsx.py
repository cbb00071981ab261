"""`kehoach status -o FILE.xlsx`: write the tracking sheet (render/status_xlsx.py) atomically."""

from __future__ import annotations

from pathlib import Path

from kehoach.compute.status import StatusResult
from kehoach.errors import UsageError
from kehoach.load.root import DataRoot
from kehoach.write import atomic_write


def write(result: StatusResult, dr: DataRoot, output: Path) -> Path:
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"-o {output}: bảng theo dõi ghi ra tệp Excel; hãy đặt tên tệp kết thúc bằng .xlsx.")
    from kehoach.render.status_xlsx import build

    return atomic_write(output, build(result, dr))
