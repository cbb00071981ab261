"""Rules of the plan itself: unique ids in group order, known and sensible units,
timelines that match their wording."""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.locate import at
from kehoach.layout import PLAN_FILE, TASKS_FILE, unit_file
from kehoach.load.root import DataRoot
from kehoach.load.yamlsafe import Loc
from kehoach.model.plan import GENERIC_RELATED, Group, Task, is_generic
from kehoach.model.timeline import parse_wording
from kehoach.problems import Problem


def located(
    groups: list[Group], loc: Loc = (), chain: tuple[Group, ...] = ()
) -> Iterator[tuple[Loc, tuple[Group, ...], Task]]:
    """(YAML path inside tasks.yaml, groups above, task) for every task, in document order."""
    for gi, g in enumerate(groups):
        here, gloc = chain + (g,), loc + ("groups", gi)
        for ti, t in enumerate(g.tasks):
            yield gloc + ("tasks", ti), here, t
        yield from located(g.groups, gloc, here)


def check_plan(dr: DataRoot) -> list[Problem]:
    out: list[Problem] = []
    focal = dr.plan.reporting.focal_unit if dr.plan is not None else None
    if focal is not None and focal not in dr.units and focal not in dr.broken_units:
        out.append(
            at(
                dr,
                PLAN_FILE,
                ("reporting", "focal_unit"),
                "KH037",
                f"đơn vị đầu mối `{focal}` chưa có trong units/; hãy thêm tệp units/<MÃ>.yaml.",
            )
        )
    if dr.appendix is None:
        return out
    first: dict[str, Loc] = {}
    for loc, chain, task in located(dr.appendix.groups):
        expected = ".".join(g.id for g in chain) + "."
        if task.id in first:
            line = at(dr, TASKS_FILE, first[task.id] + ("id",), "KH036", "").line
            out.append(
                at(
                    dr,
                    TASKS_FILE,
                    loc + ("id",),
                    "KH036",
                    f"số hiệu nhiệm vụ `{task.id}` bị trùng với nhiệm vụ ở dòng {line}; hãy đánh số lại.",
                )
            )
        elif not task.id.startswith(expected):
            out.append(
                at(
                    dr,
                    TASKS_FILE,
                    loc + ("id",),
                    "KH036",
                    f"nhiệm vụ `{task.id}` nằm trong nhóm {expected[:-1]} nên số hiệu phải bắt đầu bằng `{expected}`.",
                )
            )
        first.setdefault(task.id, loc)
        out += _units_of(dr, loc, task)
        out += _timeline(dr, loc, task)
    return out


def _units_of(dr: DataRoot, loc: Loc, task: Task) -> list[Problem]:
    out: list[Problem] = []
    for field in ("lead", "coordinating"):
        seen: set[str] = set()
        for i, code in enumerate(getattr(task, field)):
            where = loc + (field, i)
            if code in seen:
                out.append(
                    at(dr, TASKS_FILE, where, "KH036", f"đơn vị `{code}` ghi hai lần trong `{field}` của {task.id}.")
                )
            elif code in dr.broken_units:
                pass  # units/<code>.yaml has its own problem
            elif not is_generic(code) and code not in dr.units:
                out.append(
                    at(
                        dr,
                        TASKS_FILE,
                        where,
                        "KH037",
                        f"nhiệm vụ {task.id} nhắc tới đơn vị `{code}` chưa có trong units/; "
                        f"hãy thêm tệp {unit_file(code)} hoặc sửa mã (cụm chung hợp lệ: “{GENERIC_RELATED}”).",
                    )
                )
            elif field == "lead" and not dr.units[code].internal:
                out.append(
                    at(
                        dr,
                        TASKS_FILE,
                        where,
                        "KH037",
                        f"`{code}` là cơ quan ngoài Sở nên không thể chủ trì nhiệm vụ {task.id}.",
                    )
                )
            elif field == "coordinating" and code in task.lead:
                out.append(
                    at(
                        dr,
                        TASKS_FILE,
                        where,
                        "KH036",
                        f"`{code}` đã chủ trì {task.id}, không ghi thêm ở cơ quan phối hợp.",
                    )
                )
            seen.add(code)
    return out


def _timeline(dr: DataRoot, loc: Loc, task: Task) -> list[Problem]:
    tl = task.timeline
    parsed = parse_wording(tl.text)
    if parsed is None:
        return []
    start = tl.start if parsed.start is None else parsed.start  # “Hằng năm” names no start year
    if (start, parsed.end, parsed.continuing) == (tl.start, tl.end, tl.continuing):
        return []
    return [
        at(
            dr,
            TASKS_FILE,
            loc + ("timeline",),
            "KH038",
            f"tiến độ của {task.id} ghi “{tl.text}” nhưng số liệu là start={tl.start}, end={tl.end}, "
            f"continuing={str(tl.continuing).lower()}; hãy sửa cho khớp.",
        )
    ]
