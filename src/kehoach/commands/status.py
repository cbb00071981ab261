"""`kehoach status --year Y`: each task's status and the units late with their reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean
from kehoach.compute.status import StatusResult, compute
from kehoach.errors import UsageError
from kehoach.load.root import DataRoot


def run(root: Path, year: int, as_of: dt.date, unit: str | None, today: dt.date) -> tuple[StatusResult, DataRoot]:
    dr = load_clean(root, today)
    if unit is not None and unit not in dr.units:
        raise UsageError(f"không có đơn vị `{unit}`; mã hợp lệ: {', '.join(sorted(dr.units))}.")
    return compute(dr, year, as_of, unit), dr
