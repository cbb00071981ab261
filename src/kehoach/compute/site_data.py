"""The plain data of the static site (`kehoach site`): overview, one record per task and per unit.

A pure function of the data root, the year and the as-of date; no I/O, no HTML. Statuses
come from compute/status.py (the same rules as `kehoach status` and the reports), texts
and dates from compute/report_data.py, so the site says what the documents say.
Everything is in a fixed order (the appendix's, then dates and file names), so the same
data gives the same site byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kehoach import text_vn as vn
from kehoach.compute import timeliness as tm
from kehoach.compute.periods import annual
from kehoach.compute.report_data import _entry, plan_facts, unit_name
from kehoach.compute.status import StatusResult, compute, effective_entries
from kehoach.load.root import CleanRoot, LoadedEntry
from kehoach.model.plan import Task
from kehoach.vocab import TASK_STATUS, TASK_STATUS_ORDER, TIMELINESS_CATEGORY

LATEST = 15  # entries on the overview
MAX_SERIES = 6  # indicator charts on a task page

EntryView = dict[str, Any]
"""One entry as the templates read it (see report_data._entry, plus links and the file name)."""


@dataclass
class Series:
    """One indicator of one unit over time: (name, measure unit, reporting unit)."""

    name: str
    unit: str | None
    reporter: str
    points: list[tuple[dt.date, float]]


@dataclass
class TaskPage:
    task: Task
    slug: str
    status: str
    state_leads: dict[str, str]
    last_date: dt.date | None
    period_entries: int
    years: list[tuple[int, str | None]]  # (year, status or None when its period has not begun)
    timeliness: str | None  # tm.Category: done_on_time, done_late, in_time, overdue; None: nothing to say yet
    deadline: dt.date | None
    completed: dt.date | None
    entries: list[EntryView] = field(default_factory=list)  # newest first
    series: list[Series] = field(default_factory=list)
    more_series: int = 0


@dataclass
class UnitPage:
    code: str
    name: str
    kind: str
    tasks: list[tuple[TaskPage, str]]  # (task, role: "lead" | "coordinating" | "reporting")
    late: list[str]  # tasks with no report before the deadline (year Y)
    entries: list[EntryView] = field(default_factory=list)  # newest first
    period_entries: int = 0
    leads_active: int = 0  # tasks it leads that run in year Y (those it must report on)


@dataclass
class SiteData:
    facts: dict[str, Any]
    year: int
    as_of: dt.date
    status: StatusResult
    tasks: list[TaskPage]
    units: list[UnitPage]
    latest: list[EntryView]
    years: list[int]
    days_left: int  # to the units' deadline; negative once passed

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(s, TASK_STATUS[s], self.status.counts[s]) for s in TASK_STATUS_ORDER]

    @property
    def timeliness_counts(self) -> list[tuple[str, str, int]]:
        """(category, its words, number of tasks): hoàn thành đúng hạn, … quá hạn."""
        return [(c, TIMELINESS_CATEGORY[c], self.status.timeliness_counts.get(c, 0)) for c in tm.CATEGORY_ORDER]


def slug(task_id: str) -> str:
    """`II.Đ.1` → `II-DD-1`: an ASCII file name, distinct for every valid task id (Đ ≠ D)."""
    return task_id.replace("Đ", "DD").replace("đ", "dd").replace(".", "-")


def plan_years(dr: CleanRoot, year: int) -> list[int]:
    """The plan's years, from the first task's start to the last task's end (or start), and `year`."""
    assert dr.appendix is not None  # a loaded, checked root has its appendix
    tasks = dr.appendix.tasks()
    first = min(t.timeline.start for t in tasks)
    last = max(t.timeline.end or t.timeline.start for t in tasks)
    return sorted(set(range(first, last + 1)) | {year})


def _site_entry(dr: CleanRoot, le: LoadedEntry, task_slugs: dict[str, str]) -> EntryView:
    e = le.entry
    return {
        **_entry(dr, le),
        "when": e.date,
        "iso": e.date.isoformat(),
        "task": e.task,
        "task_slug": task_slugs[e.task],
        "status_code": e.status,
        "file": le.rel,
        "author": vn.clean(e.author) or None,
        "corrects": e.corrects,
    }


def _series(history: list[LoadedEntry]) -> tuple[list[Series], int]:
    """Indicator series with at least two dates; on one date the latest entry's value counts."""
    by_key: dict[tuple[str, str | None, str], dict[dt.date, float]] = defaultdict(dict)
    for le in history:  # oldest first: later values on the same date win
        for ind in le.entry.indicators:
            by_key[(vn.clean(ind.name), ind.unit, le.entry.unit)][le.entry.date] = ind.value
    series = [
        Series(name, unit, reporter, sorted(points.items()))
        for (name, unit, reporter), points in sorted(
            by_key.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1] or "")
        )
        if len(points) >= 2
    ]
    return series[:MAX_SERIES], max(0, len(series) - MAX_SERIES)


def build(dr: CleanRoot, year: int, as_of: dt.date) -> SiteData:
    """Everything the site shows for year `year` as of `as_of`."""
    effective = effective_entries(dr, as_of)
    status = compute(dr, year, as_of, None, effective)
    years = plan_years(dr, year)
    by_year = {
        y: {s.id: s.status for s in (status if y == year else compute(dr, y, as_of, None, effective)).tasks}
        for y in years
        if annual(y).start <= as_of
    }
    period = annual(year)
    end = min(period.end, as_of)
    assert dr.appendix is not None
    tasks = dr.appendix.tasks()
    slugs = {t.id: slug(t.id) for t in tasks}
    states = {s.id: s for s in status.tasks}
    history: dict[str, list[LoadedEntry]] = defaultdict(list)
    for le in effective:
        history[le.entry.task].append(le)

    pages: dict[str, TaskPage] = {}
    all_entries: list[EntryView] = []  # oldest first
    by_unit: dict[str, list[EntryView]] = defaultdict(list)
    in_period: dict[str, int] = defaultdict(int)
    for le in effective:
        d = _site_entry(dr, le, slugs)
        all_entries.append(d)
        by_unit[le.entry.unit].append(d)
        if period.start <= le.entry.date <= end:
            in_period[le.entry.unit] += 1
    entries_of: dict[str, list[EntryView]] = defaultdict(list)
    for d in all_entries:
        entries_of[d["task"]].append(d)
    for t in tasks:
        st = states[t.id]
        series, more = _series(history[t.id])
        pages[t.id] = TaskPage(
            task=t,
            slug=slugs[t.id],
            status=st.status,
            state_leads=st.leads,
            last_date=st.last_date,
            period_entries=st.entries,
            years=[(y, by_year[y][t.id] if y in by_year else None) for y in years],
            timeliness=tm.category(st.status, st.timeliness),
            deadline=st.deadline,
            completed=st.completed,
            entries=entries_of[t.id][::-1],
            series=series,
            more_series=more,
        )

    units = []
    for code in sorted(dr.units):
        u = dr.units[code]
        mine = []
        reported = {d["task"] for d in by_unit[code]}
        for t in tasks:
            if code in t.lead:
                mine.append((pages[t.id], "lead"))
            elif code in t.coordinating:
                mine.append((pages[t.id], "coordinating"))
            elif t.id in reported:
                mine.append((pages[t.id], "reporting"))
        units.append(
            UnitPage(
                code=code,
                name=u.name,
                kind=u.kind,
                tasks=mine,
                late=status.late.get(code, []),
                entries=by_unit[code][::-1],
                period_entries=in_period[code],
                leads_active=sum(1 for t in tasks if code in t.lead and t.timeline.active_in(year)),
            )
        )
    latest = [d for d in all_entries if period.start <= d["when"] <= end][-LATEST:][::-1]
    return SiteData(
        facts={**plan_facts(dr), "unit_names": {c: unit_name(dr, c) for c in dr.units}},
        year=year,
        as_of=as_of,
        status=status,
        tasks=[pages[t.id] for t in tasks],
        units=units,
        latest=latest,
        years=years,
        days_left=(status.deadline - as_of).days,
    )
