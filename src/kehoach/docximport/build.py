"""Classified appendix rows → the appendix dict (groups, tasks), shaped like plan/tasks.yaml.

Group ids follow the document: Roman numerals at the top, letters inside
("II.A.3"). Timelines are read with `parse_wording`; a wording without a
start year ("Hằng năm") starts in the document's year; a wording it cannot
read is kept verbatim and listed for a human look.
"""

from __future__ import annotations

from typing import Any

from kehoach.docximport.notes import Notes
from kehoach.docximport.table import LABELS, NUMBER, Line
from kehoach.docximport.text import one_line
from kehoach.docximport.units import Registry
from kehoach.model.timeline import parse_wording

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
LETTERS = list("ABCDĐEGHIKLMNOPQRSTUVXY")


def timeline(text: str, year: int, where: str, notes: Notes) -> dict[str, Any]:
    text = one_line(text)
    years = parse_wording(text)
    if years is None:
        notes.needs_look(
            where,
            f"tiến độ «{text}» không đọc được thành năm; đã giữ nguyên lời văn và tạm ghi "
            f"start: {year}, end: null — hãy sửa start/end/continuing trong plan/tasks.yaml.",
        )
        return {"start": year, "end": None, "continuing": False, "text": text}
    start = years.start
    if start is None:
        start = year
        notes.needs_look(where, f"tiến độ «{text}» không nêu năm bắt đầu; đã lấy năm của văn bản ({year}).")
    return {"start": start, "end": years.end, "continuing": years.continuing, "text": text}


class _Groups:
    def __init__(self, notes: Notes) -> None:
        self.top: list[dict[str, Any]] = []
        self.sub: dict[str, Any] | None = None
        self.notes = notes

    def _synthetic_top(self, where: str) -> dict[str, Any]:
        self.notes.needs_look(
            where,
            "bảng không có dòng nhóm I., II. ở cấp ngoài cùng; đã đặt các nhiệm vụ vào "
            "nhóm I «Các nhiệm vụ» — hãy sửa tiêu đề nhóm trong plan/tasks.yaml.",
        )
        group = {"id": "I", "title": "Các nhiệm vụ", "tasks": [], "groups": []}
        self.top.append(group)
        return group

    def open(self, mark: str, title: str, where: str) -> None:
        top = self.top[-1] if self.top else None
        next_roman = ROMANS[ROMANS.index(top["id"]) + 1] if top and top["id"] in ROMANS[:-1] else "I"
        next_letter = LETTERS[LETTERS.index(self.sub["id"]) + 1] if self.sub and self.sub["id"] in LETTERS[:-1] else "A"
        roman = mark in ROMANS and (mark == next_roman or len(mark) > 1 or mark != next_letter)
        if roman:
            self.top.append({"id": mark, "title": title, "tasks": [], "groups": []})
            self.sub = None
            return
        parent = top or self._synthetic_top(where)
        self.sub = {"id": mark, "title": title, "tasks": [], "groups": []}
        parent["groups"].append(self.sub)

    def current(self, where: str) -> tuple[dict[str, Any], str]:
        group = self.sub or (self.top[-1] if self.top else self._synthetic_top(where))
        prefix = ".".join(g["id"] for g in ([self.top[-1]] if self.sub else []) + [group])
        return group, prefix


MAX_TASKS = 99
"""A task number has at most two digits (I.1 … II.C.99), as in the plan's numbering."""


def build_appendix(lines: list[Line], registry: Registry, year: int, notes: Notes) -> list[dict[str, Any]]:
    groups = _Groups(notes)
    last: dict[str, Any] | None = None
    for line in lines:
        if line.kind == "group":
            groups.open(line.values["mark"], line.values["title"], line.where)
            last = None
            continue
        v = line.values
        number = NUMBER.match(v.get("id", ""))
        if not number and not v.get("lead") and not v.get("timeline") and last is not None and v.get("content"):
            last["content"] += " " + one_line(v["content"])
            notes.needs_look(
                f"nhiệm vụ {last['id']} ({line.where})",
                "dòng chỉ có nội dung, không có số thứ tự và "
                "cơ quan chủ trì; đã nối vào nội dung nhiệm vụ ở trên — hãy kiểm tra.",
            )
            continue
        group, prefix = groups.current(line.where)
        taken = {t["id"] for t in group["tasks"]}
        n = int(number[1]) if number else len(group["tasks"]) + 1
        if not number or f"{prefix}.{n}" in taken or not 0 < n <= MAX_TASKS:
            free = next((k for k in range(1, MAX_TASKS + 1) if f"{prefix}.{k}" not in taken), None)
            if free is None:
                notes.refuse(
                    line.where,
                    f"nhóm {prefix} đã có {MAX_TASKS} nhiệm vụ — số hiệu nhiệm vụ chỉ có tối đa hai chữ số; "
                    "nhiệm vụ này không được nhập — hãy tách nhóm trong tệp Word.",
                )
                continue
            n = free
            notes.needs_look(line.where, f"ô TT ghi «{v.get('id', '')}»; đã đánh số nhiệm vụ là {prefix}.{n}.")
        tid = f"{prefix}.{n}"
        task = _task(tid, v, registry, year, f"nhiệm vụ {tid} ({line.where})", notes)
        if task is not None:
            group["tasks"].append(task)
            last = task
    return [_tidy(g) for g in groups.top]


def _task(
    tid: str, v: dict[str, Any], registry: Registry, year: int, where: str, notes: Notes
) -> dict[str, Any] | None:
    missing = [LABELS[f] for f in ("content", "lead", "timeline", "output") if not v.get(f)]
    if missing:
        notes.refuse(
            where,
            f"thiếu {', '.join(missing)}; nhiệm vụ này không được nhập — hãy bổ sung trong tệp Word "
            "rồi nhập lại, hoặc thêm tay vào plan/tasks.yaml.",
        )
        return None
    lead = registry.resolve(v["lead"], f"{where}, cột «{LABELS['lead']}»", notes, allow_generic=False)
    if not lead:
        notes.refuse(where, "không có cơ quan chủ trì nào là đơn vị cụ thể; nhiệm vụ này không được nhập.")
        return None
    coordinating = registry.resolve(
        v.get("coordinating", ""), f"{where}, cột «{LABELS['coordinating']}»", notes, allow_generic=True
    )
    return {
        "id": tid,
        "content": one_line(v["content"]),
        "lead": lead,
        "coordinating": coordinating,
        "timeline": timeline(v["timeline"], year, f"{where}, cột «{LABELS['timeline']}»", notes),
        "output": one_line(v["output"]),
        "note": one_line(v.get("note", "")) or None,
    }


def _tidy(group: dict[str, Any]) -> dict[str, Any]:
    out = {"id": group["id"], "title": group["title"]}
    if group["tasks"]:
        out["tasks"] = group["tasks"]
    if group["groups"]:
        out["groups"] = [_tidy(g) for g in group["groups"]]
    return out


def count(groups: list[dict[str, Any]]) -> tuple[int, int]:
    """(tasks, groups) in the appendix, at every level."""
    tasks = total = 0
    for g in groups:
        sub_tasks, sub_groups = count(g.get("groups", []))
        tasks += len(g.get("tasks", [])) + sub_tasks
        total += 1 + sub_groups
    return tasks, total
