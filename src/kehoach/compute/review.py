"""What a change does to the data: new entries, append-only violations, plan and unit
changes, each task's status before → after, and the problems it brings (a ReviewResult).

Pure computation over two loaded data roots and git's list of changes;
`commands/review.py` gets them from git, `render/review_md.py` writes the Markdown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel

from kehoach import gitio
from kehoach.check import check_root
from kehoach.compute.periods import report_year
from kehoach.compute.status import compute
from kehoach.layout import area
from kehoach.load.root import DataRoot, clean
from kehoach.model.plan import Plan
from kehoach.problems import sort_key

_TASK_FIELDS = {
    "content": "Nội dung",
    "lead": "Chủ trì",
    "coordinating": "Phối hợp",
    "timeline": "Tiến độ",
    "output": "Sản phẩm",
    "note": "Ghi chú",
}


Change = Literal["added", "modified", "renamed", "deleted"]


class EntryItem(BaseModel):
    change: Change
    path: str
    old_path: str | None = None
    unit: str | None = None
    task: str | None = None
    date: dt.date | None = None
    status: str | None = None
    summary: str | None = None
    corrects: str | None = None


class Diff(BaseModel):
    """One changed thing of the plan or a unit: what, which field, before, after."""

    subject: str
    field: str
    before: str
    after: str


class StatusChange(BaseModel):
    task: str
    before: str | None
    after: str | None
    new_entries: int


class ProblemItem(BaseModel):
    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str
    in_changed_file: bool


class ReviewResult(BaseModel):
    base: str
    head: str
    base_label: str
    head_label: str
    today: dt.date
    year: int
    plan_files: list[str] = []
    plan_diffs: list[Diff] = []
    unit_diffs: list[Diff] = []
    template_files: list[str] = []
    new_entries: list[EntryItem] = []
    violations: list[EntryItem] = []
    status_changes: list[StatusChange] = []
    problems: list[ProblemItem] = []
    other_files: list[str] = []
    unit_names: dict[str, str] = {}
    task_titles: dict[str, str] = {}

    @property
    def errors(self) -> list[ProblemItem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.errors)


def _entry_item(change: Change, path: str, dr: DataRoot, old_path: str | None = None) -> EntryItem:
    found = next((le.entry for le in dr.entries if le.rel == path), None)
    if found is None:
        return EntryItem(change=change, path=path, old_path=old_path)
    return EntryItem(
        change=change,
        path=path,
        old_path=old_path,
        unit=found.unit,
        task=found.task,
        date=found.date,
        status=found.status,
        summary=found.summary,
        corrects=found.corrects,
    )


def _show(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(trống)"
    if isinstance(value, dict):
        return value.get("text") or ", ".join(f"{k}={v}" for k, v in value.items())
    return "(trống)" if value is None else str(value)


def plan_diffs(base: DataRoot, head: DataRoot) -> list[Diff]:
    """Tasks added, removed or changed (text, leads, timeline …); changed sections of plan.yaml."""
    out: list[Diff] = []
    if base.appendix is not None and head.appendix is not None:
        old = {t.id: t.model_dump(mode="json") for t in base.appendix.tasks()}
        new = {t.id: t.model_dump(mode="json") for t in head.appendix.tasks()}
        for tid in [*new, *(t for t in old if t not in new)]:
            if tid not in old:
                out.append(Diff(subject=tid, field="Nhiệm vụ", before="(chưa có)", after=new[tid]["content"]))
            elif tid not in new:
                out.append(Diff(subject=tid, field="Nhiệm vụ", before=old[tid]["content"], after="(đã bỏ)"))
            else:
                for key, label in _TASK_FIELDS.items():
                    if old[tid][key] != new[tid][key]:
                        before, after = _show(old[tid][key]), _show(new[tid][key])
                        if before == after:  # same wording, different numbers (timeline)
                            before, after = _show(dict(old[tid][key])), _show(dict(new[tid][key]))
                        out.append(Diff(subject=tid, field=label, before=before, after=after))
    if base.plan is not None and head.plan is not None:
        old_p, new_p = base.plan.model_dump(mode="json"), head.plan.model_dump(mode="json")
        for key, info in Plan.model_fields.items():
            if old_p[key] != new_p[key]:
                out.append(Diff(subject="plan.yaml", field=info.title or key, before="…", after="đã thay đổi"))
    return out


def unit_diffs(base: DataRoot, head: DataRoot) -> list[Diff]:
    out: list[Diff] = []
    for code in sorted(set(base.units) | set(head.units)):
        old, new = base.units.get(code), head.units.get(code)
        if old is None or new is None:
            out.append(
                Diff(
                    subject=code,
                    field="Đơn vị",
                    before=old.name if old else "(chưa có)",
                    after=new.name if new else "(đã bỏ)",
                )
            )
            continue
        for key, info in type(new).model_fields.items():
            if getattr(old, key) != getattr(new, key):
                out.append(
                    Diff(
                        subject=code,
                        field=info.title or key,
                        before=_show(getattr(old, key)),
                        after=_show(getattr(new, key)),
                    )
                )
    return out


def _statuses(base: DataRoot, head: DataRoot, year: int, today: dt.date, new: list[EntryItem]) -> list[StatusChange]:
    if None in (base.plan, base.appendix, head.plan, head.appendix):
        return []
    before = {t.id: t.status for t in compute(clean(base), year, today).tasks}
    after = {t.id: t.status for t in compute(clean(head), year, today).tasks}
    touched = {e.task: sum(x.task == e.task for x in new) for e in new if e.task}
    ids = [t for t in after if after[t] != before.get(t) or t in touched]
    ids += [t for t in before if t not in after]
    return [StatusChange(task=t, before=before.get(t), after=after.get(t), new_entries=touched.get(t, 0)) for t in ids]


def _problems(base: DataRoot, head: DataRoot, changed: set[str], today: dt.date) -> list[ProblemItem]:
    """Problems of changed files, and problems this change causes in files it did not touch."""
    old = {(p.path, p.code) for p in base.problems + check_root(base, today)}
    out = []
    for p in sorted(head.problems + check_root(head, today), key=sort_key):
        if p.path in changed or (p.path, p.code) not in old:
            out.append(ProblemItem(**p.as_dict(), in_changed_file=p.path in changed))
    return out


def build(
    changes: list[gitio.Change], base: DataRoot, head: DataRoot, today: dt.date, labels: dict[str, Any]
) -> ReviewResult:
    res = ReviewResult(today=today, year=report_year(today), **labels)
    for c in changes:
        new_kind, old_kind = area(c.path), area(c.old_path)
        if c.status == "D" and new_kind == "entry":
            res.violations.append(_entry_item("deleted", c.path, base))
        elif c.status in "MT" and new_kind == "entry":
            res.violations.append(_entry_item("modified", c.path, base))
        elif c.status == "R" and old_kind == "entry":
            res.violations.append(
                EntryItem(
                    **{
                        **_entry_item("renamed", c.old_path or c.path, base).model_dump(),
                        "path": c.path,
                        "old_path": c.old_path,
                    }
                )
            )
        elif new_kind == "entry":
            res.new_entries.append(_entry_item("added", c.path, head))
        elif new_kind == "plan":
            res.plan_files.append(c.path)
        elif new_kind == "template":
            res.template_files.append(c.path)
        elif new_kind != "unit":
            res.other_files.append(c.path)
    if res.plan_files:
        res.plan_diffs = plan_diffs(base, head)
    if any(area(c.path) == "unit" or area(c.old_path) == "unit" for c in changes):
        res.unit_diffs = unit_diffs(base, head)
    res.status_changes = _statuses(base, head, res.year, today, res.new_entries)
    changed = {c.path for c in changes if c.status != "D"}
    res.problems = _problems(base, head, changed, today)
    res.unit_names = {code: u.name for code, u in {**base.units, **head.units}.items()}
    tasks = [*(base.appendix.tasks() if base.appendix else []), *(head.appendix.tasks() if head.appendix else [])]
    res.task_titles = {t.id: t.content for t in tasks}
    return res
