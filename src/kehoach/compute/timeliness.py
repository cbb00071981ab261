"""On time or late: each task judged against its deadline (the rules are also in README).

- A task's deadline is 31/12 of its end year; an open-ended task (no end year, or
  “và các năm tiếp theo”) is judged against 31/12 of the year being reported.
- done on or before the deadline: on_time; done after it: late (the status stays done).
  The completion date is the day the last lead unit reported done (the first entry of
  each lead's final run of `done` entries).
- overdue: late.
- in progress or not started (a lead has an entry) on or before the deadline: on_time.
- None where nothing can be said yet: not due, or no entry and the deadline not passed.
Apart from `overdue` (the status's own judgement, as of the as-of date), a task is
judged as it stood at the end of the period (or the as-of date, if earlier): an
open-ended task is never late within its own year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from kehoach.load.root import LoadedEntry
from kehoach.model.plan import Task

Timeliness = Literal["on_time", "late"]
Category = Literal["done_on_time", "done_late", "in_time", "overdue"]
CATEGORY_ORDER: tuple[Category, ...] = ("done_on_time", "done_late", "in_time", "overdue")


def deadline(task: Task, year: int) -> dt.date:
    """31/12 of the task's end year; of `year` for an open-ended task."""
    tl = task.timeline
    end = tl.end if tl.end is not None and not tl.continuing else year
    return dt.date(end, 12, 31)


def completed_on(entries: Iterable[LoadedEntry], leads: Iterable[str]) -> dt.date | None:
    """When the last lead reported done: for each lead, the first entry of its final run of
    `done` entries (a later `done` repeating the news does not move the date). `entries`
    oldest first; None unless every lead's latest entry is done."""
    since: dict[str, dt.date | None] = {}
    for le in entries:
        e = le.entry
        if e.status == "done":
            if since.get(e.unit) is None:
                since[e.unit] = e.date
        else:
            since[e.unit] = None
    dates = [since.get(u) for u in leads]
    if not dates or any(d is None for d in dates):
        return None
    return max(d for d in dates if d is not None)


def judge(status: str, due: dt.date, as_of: dt.date, completed: dt.date | None) -> Timeliness | None:
    """The timeliness of a task whose status is `status`, judged on `as_of`."""
    if status == "done":
        if completed is None:  # cannot happen for a done task; say nothing rather than guess
            return None
        return "on_time" if completed <= due else "late"
    if status == "overdue":
        return "late"
    if status in ("in_progress", "not_started"):
        return "on_time" if as_of <= due else "late"
    if status == "unreported" and as_of > due:
        return "late"
    return None  # not_due, or unreported before the deadline


def category(status: str, timeliness: Timeliness | None) -> Category | None:
    """The report's four counts: hoàn thành đúng hạn / quá hạn, đang thực hiện trong hạn, quá hạn."""
    if timeliness is None:
        return None
    if status == "done":
        return "done_on_time" if timeliness == "on_time" else "done_late"
    return "in_time" if timeliness == "on_time" else "overdue"
