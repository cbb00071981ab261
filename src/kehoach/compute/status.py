"""Each task's status for year Y as of a date, and the units late with their reports.

Rules (also in README, in Vietnamese):
- not_due: the task starts after Y.
- done: every lead unit's latest entry up to the as-of date says done. A one-off
  task (one year, not continuing) that was done stays done in later years; a
  recurring task is judged on the entries of Y's period only.
- overdue: the as-of date is past 31/12 of the task's end year and it is not done.
- unreported: no lead unit has an entry in Y's period.
- otherwise in_progress if any lead's latest entry is in_progress or done, else not_started.
Entries replaced by a correction (`corrects:`) dated up to the as-of date are ignored.
Each task is also judged on time or late (compute/timeliness.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel

from kehoach import naming
from kehoach.compute import timeliness as tm
from kehoach.compute.periods import Period, PeriodKind, annual, unit_deadline
from kehoach.load.root import CleanRoot, DataRoot, LoadedEntry
from kehoach.model.amendment import History
from kehoach.model.plan import Task, in_force

TaskStatus = Literal["not_due", "unreported", "not_started", "in_progress", "done", "overdue"]


class TaskState(BaseModel):
    id: str
    status: TaskStatus
    leads: dict[str, str]
    entries: int
    last_date: dt.date | None = None
    timeliness: tm.Timeliness | None = None
    deadline: dt.date | None = None
    completed: dt.date | None = None


class StatusResult(BaseModel):
    year: int
    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    deadline: dt.date
    tasks: list[TaskState]
    late_units: list[str]
    late: dict[str, list[str]]
    counts: dict[str, int]
    timeliness_counts: dict[str, int]
    period: PeriodKind = "year"

    def public(self) -> dict[str, Any]:
        """The JSON contract of `kehoach status --format json`."""
        return {
            "year": self.year,
            "period": self.period,
            "from": self.period_start.isoformat(),
            "to": self.period_end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "tasks": [
                {"id": t.id, "status": t.status, "timeliness": t.timeliness, "leads": t.leads, "entries": t.entries}
                for t in self.tasks
            ],
            "late_units": self.late_units,
        }


def effective_entries(dr: DataRoot, as_of: dt.date) -> list[LoadedEntry]:
    """Entries up to `as_of`, oldest first, each corrected entry replaced by its correction.

    A correction takes the place of what it corrects: it carries the original's date
    (the first of a chain), so a late correction neither makes its unit late nor moves
    the data to another reporting period."""
    visible = {le.rel: le for le in dr.entries if le.entry.date <= as_of}
    replaced = {le.entry.corrects for le in visible.values() if le.entry.corrects in visible}
    out: list[LoadedEntry] = []
    for le in visible.values():
        if le.rel in replaced:
            continue
        if le.entry.corrects in visible:  # a correction: it takes the date of what it corrects
            original = _original_date(le, visible)
            if original != le.entry.date:
                le = LoadedEntry(le.rel, le.entry.model_copy(update={"date": original}))
        out.append(le)
    return sorted(out, key=lambda le: naming.order(le.entry.date, le.rel))


def _original_date(le: LoadedEntry, visible: dict[str, LoadedEntry]) -> dt.date:
    seen = {le.rel}
    while le.entry.corrects in visible and le.entry.corrects not in seen:  # `seen`: unvalidated data may loop
        le = visible[le.entry.corrects]
        seen.add(le.rel)
    return le.entry.date


def _latest(entries: list[LoadedEntry]) -> dict[str, LoadedEntry]:
    latest: dict[str, LoadedEntry] = {}
    for le in entries:  # oldest first: later ones win
        latest[le.entry.unit] = le
    return latest


def task_status(task: Task, year: int, as_of: dt.date, period: Period, history: list[LoadedEntry]) -> TaskState:
    """`history`: this task's effective entries up to the as-of date, oldest first."""
    state = _status(task, year, as_of, period, history)
    due = tm.deadline(task, year)
    completed: dt.date | None = None
    if state.status == "done":
        end = min(period.end, as_of)
        scope = [le for le in history if le.entry.date <= end and le.entry.unit in task.lead]
        if task.timeline.recurring:
            scope = [le for le in scope if le.entry.date >= period.start]
        completed = tm.completed_on(scope, task.lead)
    timeliness = tm.judge(state.status, due, min(as_of, period.end), completed)
    return state.model_copy(update={"timeliness": timeliness, "deadline": due, "completed": completed})


def _status(task: Task, year: int, as_of: dt.date, period: Period, history: list[LoadedEntry]) -> TaskState:
    start, end = period.start, min(period.end, as_of)
    in_period = [le for le in history if start <= le.entry.date <= end]
    period_latest = _latest([le for le in in_period if le.entry.unit in task.lead])
    leads = {u: (period_latest[u].entry.status if u in period_latest else "unreported") for u in task.lead}
    last = max((le.entry.date for le in in_period), default=None)

    def state(status: TaskStatus, lead_states: dict[str, str] = leads) -> TaskState:
        return TaskState(id=task.id, status=status, leads=lead_states, entries=len(in_period), last_date=last)

    tl = task.timeline
    if tl.start > year:
        return state("not_due")
    if not tl.recurring:
        ever = _latest([le for le in history if le.entry.date <= end and le.entry.unit in task.lead])
        if all(u in ever and ever[u].entry.status == "done" for u in task.lead):
            return state("done", {u: "done" for u in task.lead})
    elif period_latest and all(s == "done" for s in leads.values()):
        return state("done")
    if tl.end is not None and not tl.continuing and as_of > dt.date(tl.end, 12, 31):
        return state("overdue")
    if not period_latest:
        return state("unreported")
    if any(s in ("in_progress", "done") for s in leads.values()):
        return state("in_progress")
    return state("not_started")


def compute(
    dr: CleanRoot,
    year: int,
    as_of: dt.date,
    unit: str | None = None,
    entries: list[LoadedEntry] | None = None,
    period: Period | None = None,
) -> StatusResult:
    """`entries`: `effective_entries(dr, as_of)` when the caller already has them.
    `period`: the reporting period judged (default: the year's); the units' deadline
    belongs to the annual report, so late units are listed only for a period that
    reaches it."""
    period = period or annual(year)
    year_period = annual(year)
    dl = dr.plan.reporting.deadline
    deadline = unit_deadline(year, dl.month, dl.day)
    by_task: dict[str, list[LoadedEntry]] = defaultdict(list)
    for le in effective_entries(dr, as_of) if entries is None else entries:
        by_task[le.entry.task].append(le)
    states: list[TaskState] = []
    late: defaultdict[str, list[str]] = defaultdict(list)
    assignments = History(dr.plan.amendments)
    for task in dr.appendix.tasks():
        task = in_force(task, assignments, min(period.end, as_of))  # who led the task in that year
        history = by_task.get(task.id, [])
        state = task_status(task, year, as_of, period, history)
        if unit is None or _concerns(task, unit, history):
            states.append(state)
        reaches = as_of >= deadline and period.end >= deadline
        if reaches and task.timeline.active_in(year) and not done_before(task, year_period, history):
            on_time = {le.entry.unit for le in history if year_period.start <= le.entry.date < deadline}
            for u in task.lead:
                if u not in on_time and (unit is None or u == unit):
                    late[u].append(task.id)
    counts = {s: 0 for s in ("done", "in_progress", "not_started", "unreported", "overdue", "not_due")}
    by_timeliness: dict[str, int] = {c: 0 for c in tm.CATEGORY_ORDER}
    for s in states:
        counts[s.status] += 1
        cat = tm.category(s.status, s.timeliness)
        if cat is not None:
            by_timeliness[cat] += 1
    return StatusResult(
        year=year,
        as_of=as_of,
        period_start=period.start,
        period_end=period.end,
        deadline=deadline,
        tasks=states,
        late_units=sorted(late),
        late=dict(sorted(late.items())),
        counts=counts,
        timeliness_counts=by_timeliness,
        period=period.kind,
    )


def _concerns(task: Task, unit: str, history: list[LoadedEntry]) -> bool:
    return unit in task.lead or unit in task.coordinating or any(le.entry.unit == unit for le in history)


def done_before(task: Task, period: Period, history: list[LoadedEntry]) -> bool:
    """A one-off task finished before this period needs no further report."""
    if task.timeline.recurring:
        return False
    before = _latest([le for le in history if le.entry.date < period.start and le.entry.unit in task.lead])
    return all(u in before and before[u].entry.status == "done" for u in task.lead)
