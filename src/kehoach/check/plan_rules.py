"""Rules of the plan itself: unique ids in group order, known units, timelines that match their wording."""

from __future__ import annotations

from kehoach.check.locate import at
from kehoach.load.root import PLAN_FILE, TASKS_FILE, DataRoot
from kehoach.model.plan import GENERIC_RELATED
from kehoach.model.timeline import parse_wording
from kehoach.problems import Problem


def _task_loc(dr: DataRoot, task_id: str) -> tuple:
    """The YAML path of a task inside tasks.yaml (groups[i]...tasks[j])."""
    def rec(groups, prefix):
        for gi, g in enumerate(groups):
            for ti, t in enumerate(g.tasks):
                if t.id == task_id:
                    return prefix + ("groups", gi, "tasks", ti)
            found = rec(g.groups, prefix + ("groups", gi))
            if found:
                return found
        return None

    return rec(dr.appendix.groups, ()) or ()


def check_plan(dr: DataRoot) -> list[Problem]:
    out: list[Problem] = []
    if dr.plan is not None and dr.plan.reporting.focal_unit not in dr.units:
        out.append(at(dr, PLAN_FILE, ("reporting", "focal_unit"), "KH037",
                      f"đơn vị đầu mối `{dr.plan.reporting.focal_unit}` chưa có trong units/; hãy thêm tệp units/<MÃ>.yaml."))
    if dr.appendix is None:
        return out
    seen: set[str] = set()
    for chain, task in dr.appendix.walk():
        loc = _task_loc(dr, task.id)
        expected = ".".join(g.id for g in chain) + "."
        if task.id in seen:
            out.append(at(dr, TASKS_FILE, loc + ("id",), "KH036", f"số hiệu nhiệm vụ `{task.id}` bị trùng."))
        elif not task.id.startswith(expected):
            out.append(at(dr, TASKS_FILE, loc + ("id",), "KH036",
                          f"nhiệm vụ `{task.id}` nằm trong nhóm {expected[:-1]} nên số hiệu phải bắt đầu bằng `{expected}`."))
        seen.add(task.id)
        for field in ("lead", "coordinating"):
            for i, code in enumerate(getattr(task, field)):
                if code != GENERIC_RELATED and code not in dr.units:
                    out.append(at(dr, TASKS_FILE, loc + (field, i), "KH037",
                                  f"nhiệm vụ {task.id} nhắc tới đơn vị `{code}` chưa có trong units/; "
                                  f"hãy thêm tệp units/{code}.yaml hoặc sửa mã (cụm chung hợp lệ: “{GENERIC_RELATED}”)."))
        tl = task.timeline
        parsed = parse_wording(tl.text)
        start = tl.start if parsed is not None and parsed.start is None else getattr(parsed, "start", None)
        if parsed is not None and (start, parsed.end, parsed.continuing) != (tl.start, tl.end, tl.continuing):
            out.append(at(dr, TASKS_FILE, loc + ("timeline",), "KH038",
                          f"tiến độ của {task.id} ghi “{tl.text}” nhưng số liệu là start={tl.start}, end={tl.end}, "
                          f"continuing={str(tl.continuing).lower()}; hãy sửa cho khớp."))
    return out
