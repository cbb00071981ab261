"""Who may report on a task, over time: entries of units the plan does not assign, and the
plan's amendments (`amendments:` in plan/plan.yaml) checked against plan/tasks.yaml.

When a task's lead changed in plan/tasks.yaml, the entries the old lead wrote are not
N separate mistakes: the problem is reported once, at the task in plan/tasks.yaml,
listing those entries and saying how to record the reassignment as an amendment.
"""

from __future__ import annotations

import json

from kehoach.check.locate import at
from kehoach.check.plan_rules import located
from kehoach.load import suggest
from kehoach.load.root import PLAN_FILE, TASKS_FILE, DataRoot, LoadedEntry
from kehoach.load.yamlsafe import Loc
from kehoach.model.amendment import History
from kehoach.model.plan import GENERIC_RELATED, Task
from kehoach.problems import Problem

LISTED = 8
"""Entries named in one message; the rest are counted."""


def _codes(codes: list[str]) -> str:
    return json.dumps(codes, ensure_ascii=False).replace('","', '", "')


def unassigned_problems(
    dr: DataRoot, tasks: dict[str, Task], unassigned: dict[tuple[str, str], list[LoadedEntry]]
) -> list[Problem]:
    """KH032 for entries whose unit was not assigned the task on the entry's date: once at the
    task in plan/tasks.yaml when a unit has several such entries and no amendment covers the
    task (the plan was changed under them), else at each entry."""
    history = History(dr.plan.amendments if dr.plan is not None else ())
    where = {t.id: loc for loc, _, t in located(dr.appendix.groups)} if dr.appendix is not None else {}
    out: list[Problem] = []
    for (task_id, unit), entries in unassigned.items():
        task = tasks[task_id]
        if len(entries) >= 2 and task_id not in history.changes and task_id in where:
            out.append(_at_plan(dr, task, unit, entries, where[task_id]))
            continue
        for le in entries:
            out.append(_at_entry(dr, task, le, history))
    return out


def _record_hint(task: Task, unit: str, last: str) -> str:
    example = (
        '`amendments: [{kind: "Kế hoạch", number: "<số, ký hiệu>", date: <ngày ban hành>, title: "<trích yếu>", '
        f'changes: [{{task: "{task.id}", lead: {{before: {_codes([unit])}, after: {_codes(task.lead)}}}}}]}}]`'
    )
    return (
        "Nếu Kế hoạch đã được điều chỉnh (giao lại nhiệm vụ), đừng sửa các mục đã có: hãy ghi văn bản điều chỉnh "
        f"vào plan/plan.yaml, ví dụ {example} (ngày ban hành sau {last}; nếu `{unit}` từng phối hợp thì ghi "
        "`coordinating` thay cho `lead`; xem README, mục “Kế hoạch điều chỉnh, bổ sung”)."
    )


def _assigned_text(lead: list[str], coordinating: list[str]) -> str:
    named = ", ".join(lead)
    others = [c for c in coordinating if c != GENERIC_RELATED]
    return f"chủ trì: {named}" + (f"; phối hợp: {', '.join(others)}" if others else "")


def _at_plan(dr: DataRoot, task: Task, unit: str, entries: list[LoadedEntry], loc: Loc) -> Problem:
    names = [le.rel for le in entries]
    shown = ", ".join(names[:LISTED]) + (f" và {len(names) - LISTED} mục khác" if len(names) > LISTED else "")
    last = max(le.entry.date for le in entries).isoformat()
    return at(
        dr,
        TASKS_FILE,
        loc + ("lead",),
        "KH032",
        f"theo plan/tasks.yaml, đơn vị `{unit}` không chủ trì hay phối hợp nhiệm vụ {task.id} "
        f"({_assigned_text(task.lead, task.coordinating)}), nên {len(names)} mục tiến độ đã có của `{unit}` "
        f"không còn hợp lệ: {shown}. " + _record_hint(task, unit, last) + " Nếu không, các mục đó ghi nhầm "
        "nhiệm vụ: hãy thêm mục đính chính (`corrects:`).",
        key=True,
    )


def _at_entry(dr: DataRoot, task: Task, le: LoadedEntry, history: History) -> Problem:
    e = le.entry
    lead, coordinating = history.on(task.id, e.date, (task.lead, task.coordinating))
    mine = [
        t.id
        for t in (dr.appendix.tasks() if dr.appendix is not None else [])
        if t.assigned(e.unit, dr.units[e.unit].internal)
    ]
    if task.id in history.changes:
        earlier = [a for a, _ in history.changes[task.id] if a.since <= e.date]
        said = f"theo văn bản {earlier[-1].number} áp dụng từ ngày {earlier[-1].since.isoformat()}" if earlier else ""
        advice = "Nếu mục ghi nhầm nhiệm vụ hay đơn vị, hãy thêm mục đính chính (`corrects:`)."
        when = f" vào ngày {e.date.isoformat()}" + (f" ({said})" if said else "")
    else:
        advice, when = _record_hint(task, e.unit, e.date.isoformat()), ""
    return at(
        dr,
        le.rel,
        ("unit",),
        "KH032",
        f"đơn vị `{e.unit}` không chủ trì hay phối hợp nhiệm vụ {task.id}{when} "
        f"({_assigned_text(lead, coordinating)}); kiểm tra lại số hiệu nhiệm vụ."
        + suggest.did_you_mean(task.id, mine)
        + " "
        + advice,
    )


def check_amendments(dr: DataRoot) -> list[Problem]:
    """Each amendment names real tasks and units, and the amendments chain from one to the
    next and end at what plan/tasks.yaml says now."""
    if dr.plan is None or not dr.plan.amendments or dr.appendix is None:
        return []
    tasks = {t.id: t for t in dr.appendix.tasks()}
    out: list[Problem] = []
    latest: dict[tuple[str, str], tuple[list[str], str]] = {}  # (task, field) -> (after, where)
    order = sorted(range(len(dr.plan.amendments)), key=lambda i: dr.plan.amendments[i].since)  # type: ignore[union-attr]
    for i in order:
        a = dr.plan.amendments[i]
        for j, c in enumerate(a.changes):
            base = ("amendments", i, "changes", j)
            if c.task not in tasks:
                out.append(
                    at(
                        dr,
                        PLAN_FILE,
                        base + ("task",),
                        "KH202",
                        f"văn bản điều chỉnh {a.number} nhắc tới nhiệm vụ `{c.task}` không có trong Phụ lục."
                        + suggest.did_you_mean(c.task, tasks),
                    )
                )
                continue
            for field in ("lead", "coordinating"):
                change = getattr(c, field)
                if change is None:
                    continue
                out += _unknown_units(dr, base + (field,), change.before + change.after)
                key = (c.task, field)
                if key in latest and latest[key][0] != change.before:
                    out.append(
                        at(
                            dr,
                            PLAN_FILE,
                            base + (field, "before"),
                            "KH203",
                            f"trước văn bản {a.number}, theo {latest[key][1]}, `{field}` của {c.task} là "
                            f"{_codes(latest[key][0])}; hãy sửa thành `before: {_codes(latest[key][0])}`.",
                        )
                    )
                latest[key] = (change.after, f"văn bản {a.number}")
    for (task_id, field), (after, said) in latest.items():
        now = getattr(tasks[task_id], field)
        if now != after:
            i, j = next(
                (i, j)
                for i in reversed(order)
                for j, c in enumerate(dr.plan.amendments[i].changes)
                if c.task == task_id and getattr(c, field) is not None
            )
            out.append(
                at(
                    dr,
                    PLAN_FILE,
                    ("amendments", i, "changes", j, field, "after"),
                    "KH203",
                    f"plan/tasks.yaml ghi `{field}` của {task_id} là {_codes(now)}, khác với {said} "
                    f"(`after`); plan/tasks.yaml phải ghi phân công đang có hiệu lực: hãy sửa thành "
                    f"`after: {_codes(now)}` (hoặc sửa plan/tasks.yaml cho khớp văn bản).",
                )
            )
    return out


def _unknown_units(dr: DataRoot, loc: Loc, codes: list[str]) -> list[Problem]:
    return [
        at(
            dr,
            PLAN_FILE,
            loc,
            "KH202",
            f"văn bản điều chỉnh nhắc tới đơn vị `{code}` chưa có trong units/." + suggest.did_you_mean(code, dr.units),
        )
        for code in dict.fromkeys(codes)
        if code != GENERIC_RELATED and code not in dr.units and code not in dr.broken_units
    ]
