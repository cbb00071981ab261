"""`kehoach status --year Y [--period …]`: each task's status and the units late with their reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean, require_unit
from kehoach.compute.periods import Period
from kehoach.compute.status import StatusResult, compute
from kehoach.load.root import CleanRoot


def run(root: Path, period: Period, as_of: dt.date, unit: str | None, today: dt.date) -> tuple[StatusResult, CleanRoot]:
    dr = load_clean(root, today)
    unit = require_unit(dr, unit)
    return compute(dr, period.year, as_of, unit, period=period), dr
