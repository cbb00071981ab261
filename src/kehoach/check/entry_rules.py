"""Rules for progress entries: known task and unit, the unit is assigned, the file name
agrees with the content, dates within the plan's life, corrections point at real entries."""

from __future__ import annotations

import datetime as dt

from kehoach import layout, naming
from kehoach.check.assignment import unassigned_problems
from kehoach.check.locate import at
from kehoach.load import suggest
from kehoach.load.placement import free_name
from kehoach.load.root import DataRoot, LoadedEntry
from kehoach.model.amendment import History
from kehoach.model.entry import Entry
from kehoach.model.plan import Task, implemented
from kehoach.problems import Problem


def expected_stem(entry: Entry) -> str:
    return layout.entry_stem(entry.date, entry.task)


def earliest_date(dr: DataRoot) -> dt.date | None:
    """Entries may not predate the document the plan implements (the resolution, 10/12/2025)."""
    return implemented(dr.plan).date if dr.plan is not None else None


def check_entries(dr: DataRoot, today: dt.date) -> list[Problem]:
    tasks = {t.id: t for t in dr.appendix.tasks()} if dr.appendix else None
    earliest = earliest_date(dr)
    by_rel = {le.rel: le for le in dr.entries}
    corrected_by: dict[str, str] = {}
    taken = set(dr.files)
    history = History(dr.plan.amendments if dr.plan is not None else ())
    unassigned: dict[tuple[str, str], list[LoadedEntry]] = {}
    out: list[Problem] = []
    for le in dr.entries:
        out += _check_one(dr, le, tasks, earliest, today, taken, history, unassigned)
        if le.entry.corrects is not None:
            out += _check_correction(dr, le, by_rel, corrected_by)
    if tasks is not None:
        out += unassigned_problems(dr, tasks, unassigned)
    return out


def _check_one(
    dr: DataRoot,
    le: LoadedEntry,
    tasks: dict[str, Task] | None,
    earliest: dt.date | None,
    today: dt.date,
    taken: set[str],
    history: History,
    unassigned: dict[tuple[str, str], list[LoadedEntry]],
) -> list[Problem]:
    e, rel, out = le.entry, le.rel, []
    task = None
    if tasks is not None:
        task = tasks.get(e.task)
        if task is None:
            mine = [
                t.id for t in tasks.values() if e.unit in dr.units and t.assigned(e.unit, dr.units[e.unit].internal)
            ]
            hint = suggest.did_you_mean(e.task, mine) or suggest.did_you_mean(e.task, tasks)
            out.append(
                at(
                    dr,
                    rel,
                    ("task",),
                    "KH030",
                    f"nhiệm vụ `{e.task}` không có trong Phụ lục; xem danh sách bằng `kehoach plan`.{hint}",
                )
            )
    if e.unit in dr.broken_units:
        pass  # the unit's file has its own problem; checking against it would only echo that
    elif e.unit not in dr.units:
        out.append(
            at(
                dr,
                rel,
                ("unit",),
                "KH031",
                f"đơn vị `{e.unit}` chưa đăng ký trong units/; mã hợp lệ: {', '.join(sorted(dr.units))}."
                + suggest.did_you_mean(e.unit, dr.units),
            )
        )
    elif task is not None and not task.assigned(
        e.unit, dr.units[e.unit].internal, history.on(e.task, e.date, (task.lead, task.coordinating))
    ):
        unassigned.setdefault((e.task, e.unit), []).append(le)
    out += _check_name(dr, le, taken)
    if earliest and dr.plan is not None and e.date < earliest:
        out.append(
            at(
                dr,
                rel,
                ("date",),
                "KH034",
                f"ngày {e.date.isoformat()} trước ngày {earliest.isoformat()} ban hành "
                f"{implemented(dr.plan).kind} {implemented(dr.plan).number}; kiểm tra lại ngày.",
            )
        )
    if e.date > today:
        out.append(
            at(
                dr,
                rel,
                ("date",),
                "KH035",
                f"ngày {e.date.isoformat()} ở tương lai (hôm nay {today.isoformat()}); chỉ báo cáo việc đã làm.",
            )
        )
    for i, o in enumerate(e.outputs):
        if o.date is not None and o.date > today:
            out.append(
                at(
                    dr,
                    rel,
                    ("outputs", i, "date"),
                    "KH035",
                    f"ngày văn bản {o.date.isoformat()} ở tương lai; kiểm tra lại ngày ban hành.",
                )
            )
    return out


def _check_name(dr: DataRoot, le: LoadedEntry, taken: set[str]) -> list[Problem]:
    e, rel = le.entry, le.rel
    parts = rel.split("/")
    m = layout.ENTRY_NAME.match(parts[-1]) if len(parts) == 3 and parts[1] == e.unit else None
    if m is not None and m["date"] == e.date.isoformat() and m["task"] == e.task:
        return []  # the usual case: nothing more to compute
    good = free_name(layout.entry_file(e.unit, e.date, e.task), taken, same_as=rel)
    taken.add(good)  # another misnamed entry is advised another name: all advice can be followed at once
    if len(parts) != 3 or parts[1] != e.unit:
        return [
            at(
                dr,
                rel,
                ("unit",),
                "KH033",
                f"mục của đơn vị `{e.unit}` phải nằm trong thư mục progress/{e.unit}/; hãy đổi tên thành {good}.",
            )
        ]
    m = layout.ENTRY_NAME.match(parts[2])
    if m is None or m["date"] != e.date.isoformat() or m["task"] != e.task:
        key = "date" if m is not None and m["date"] != e.date.isoformat() else "task"
        return [
            at(
                dr,
                rel,
                (key,),
                "KH033",
                f"tên tệp không khớp nội dung (date: {e.date.isoformat()}, task: {e.task}); hãy đổi tên thành {good}.",
            )
        ]
    return []


def _check_correction(
    dr: DataRoot, le: LoadedEntry, by_rel: dict[str, LoadedEntry], corrected_by: dict[str, str]
) -> list[Problem]:
    """A correction replaces one older entry of the same unit and task, and only one correction
    may replace it: entries are ordered by (date, path), so corrections can never form a cycle."""
    target = by_rel.get(le.entry.corrects or "")
    if target is None:
        return [
            at(
                dr,
                le.rel,
                ("corrects",),
                "KH041",
                f"`corrects` trỏ tới {le.entry.corrects}, không phải một mục tiến độ hợp lệ; "
                "hãy ghi đúng đường dẫn, ví dụ progress/QLMT/2026-05-20-I.2.yaml.",
            )
        ]
    t, e = target.entry, le.entry
    if target.rel == le.rel:
        return [
            at(dr, le.rel, ("corrects",), "KH041", "mục không thể tự đính chính chính nó; hãy trỏ tới mục cũ cần sửa.")
        ]
    if (t.task, t.unit) != (e.task, e.unit) or naming.order(t.date, target.rel) > naming.order(e.date, le.rel):
        return [
            at(
                dr,
                le.rel,
                ("corrects",),
                "KH041",
                "mục đính chính phải cùng đơn vị, cùng nhiệm vụ và sau mục được đính chính "
                "(ngày sau, hoặc cùng ngày với hậu tố -2, -3 … lớn hơn).",
            )
        ]
    if target.rel in corrected_by:
        return [
            at(
                dr,
                le.rel,
                ("corrects",),
                "KH041",
                f"{target.rel} đã được đính chính bởi {corrected_by[target.rel]}; "
                f"hãy đính chính mục đó thay vì mục cũ.",
            )
        ]
    corrected_by[target.rel] = le.rel
    return []
