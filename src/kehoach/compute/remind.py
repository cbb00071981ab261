"""Who still has to report (`kehoach remind`): the days left to the plan's deadline and,
per unit, the tasks it leads that are active in the year and have no entry of its own in
the year's period yet (up to the as-of date). A one-off task finished before the period
needs no report. The plan gives Phòng Quản lý môi trường the duty to “đôn đốc”.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from pydantic import BaseModel

from kehoach.compute.periods import annual, unit_deadline
from kehoach.compute.status import done_before, effective_entries
from kehoach.load.root import DataRoot, LoadedEntry


class UnitReminder(BaseModel):
    code: str
    name: str
    tasks: list[str]


class RemindResult(BaseModel):
    year: int
    as_of: dt.date
    period_start: dt.date
    deadline: dt.date
    days_left: int
    units: list[UnitReminder]

    def public(self) -> dict[str, Any]:
        """The JSON contract of `kehoach remind --format json`."""
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "deadline": self.deadline.isoformat(),
            "days_left": self.days_left,
            "units": [u.model_dump() for u in self.units],
        }


def compute(dr: DataRoot, year: int, as_of: dt.date, unit: str | None = None) -> RemindResult:
    assert dr.plan is not None and dr.appendix is not None  # load_clean refuses a root without them
    period = annual(year)
    dl = dr.plan.reporting.deadline
    deadline = unit_deadline(year, dl.month, dl.day)
    by_task: dict[str, list[LoadedEntry]] = defaultdict(list)
    for le in effective_entries(dr, as_of):
        by_task[le.entry.task].append(le)
    missing: dict[str, list[str]] = defaultdict(list)
    for task in dr.appendix.tasks():
        history = by_task.get(task.id, [])
        if not task.timeline.active_in(year) or done_before(task, period, history):
            continue
        reported = {le.entry.unit for le in history if period.start <= le.entry.date <= min(period.end, as_of)}
        for code in task.lead:
            if code not in reported and (unit is None or code == unit):
                missing[code].append(task.id)
    units = [
        UnitReminder(code=code, name=dr.units[code].name if code in dr.units else code, tasks=ids)
        for code, ids in sorted(missing.items())
    ]
    return RemindResult(
        year=year,
        as_of=as_of,
        period_start=period.start,
        deadline=deadline,
        days_left=(deadline - as_of).days,
        units=units,
    )
