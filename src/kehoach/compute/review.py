"""What a change does to the data: tool changes, append-only violations, plan and unit
changes field by field, new entries, each task's status before → after, and the
problems it brings (a ReviewResult).

Pure computation over two loaded data roots and git's list of changes;
`commands/review.py` gets them from git, `render/review_md.py` writes the Markdown.
Every step is linear in the number of files: lookups go through dictionaries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from kehoach import gitio
from kehoach.check import check_root
from kehoach.compute.periods import report_year
from kehoach.compute.status import compute
from kehoach.layout import area, is_tool_path
from kehoach.load.root import DataRoot, clean
from kehoach.model.entry import Entry
from kehoach.model.plan import Appendix, Group
from kehoach.problems import Problem, make, sort_key

BACKDATE_DAYS = 30
"""A new entry dated more than this many days before the review is worth a reviewer's look."""

EMPTY, NEW, GONE = "(trống)", "(chưa có)", "(đã bỏ)"

Change = Literal["added", "modified", "renamed", "deleted"]


@dataclass
class Diff:
    """One changed thing of the plan, a unit or an entry: what, which field, before, after."""

    subject: str
    field: str
    before: str
    after: str


@dataclass
class EntryItem:
    """One new, edited, renamed or deleted entry (a dataclass: there may be tens of thousands)."""

    change: Change
    path: str
    old_path: str | None = None
    unit: str | None = None
    task: str | None = None
    date: dt.date | None = None
    status: str | None = None
    summary: str | None = None
    corrects: str | None = None
    fields: list[Diff] = field(default_factory=list)
    """For an edited or renamed entry: each field whose value changed (base → head)."""
    wanted: dict[str, Any] | None = None
    """For an edited or renamed entry: the head version's values, i.e. what the correction should say."""


@dataclass
class ToolFile:
    change: str  # git's letter: A, M, D, R, C, T
    path: str  # from the repository's top
    old_path: str | None = None


@dataclass
class StatusChange:
    task: str
    before: str | None
    after: str | None
    new_entries: int


@dataclass
class ProblemItem:
    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str
    in_changed_file: bool


class Revisions(BaseModel):
    """What was compared: the merge-base (short and full id, subject) and the head."""

    base: str
    base_full: str
    base_subject: str
    base_label: str
    head: str
    head_label: str


class ReviewResult(BaseModel):
    base: str  # the merge-base: what HEAD is compared with
    base_full: str = ""
    base_subject: str = ""
    base_label: str  # the BASE the user named (or the main branch found)
    head: str
    head_label: str
    prefix: str = ""  # the data root inside the repository ('' at the top)
    today: dt.date
    year: int
    tool_files: list[ToolFile] = []
    plan_files: list[str] = []
    plan_diffs: list[Diff] = []
    plan_unreadable: bool = False
    unit_diffs: list[Diff] = []
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


def show(value: object) -> str:
    """A value as one line of text for a before/after cell."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return "; ".join(show(v) for v in value) or EMPTY
    if isinstance(value, BaseModel):
        return "; ".join(f"{k}={show(v)}" for k, v in value.model_dump().items() if v not in (None, [], ""))
    if isinstance(value, dict):
        return "; ".join(f"{k}={show(v)}" for k, v in value.items())
    return EMPTY if value is None or value == "" else str(value)


def flatten(model: BaseModel, label: str = "") -> dict[str, str]:
    """Every leaf of a model as 'Title › Sub-title' → text, titles from the model's fields;
    lists of objects are numbered (1, 2 …), lists of text are one value."""
    out: dict[str, str] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = f"{label} › {info.title or name}" if label else (info.title or name)
        if isinstance(value, BaseModel):
            out.update(flatten(value, here))
        elif isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            for i, item in enumerate(value, 1):
                out.update(flatten(item, f"{here} {i}"))
            if len(value) > 1:
                out[f"{here} (số lượng)"] = str(len(value))
        else:
            out[here] = show(value)
    return out


def field_diffs(subject: str, old: BaseModel | None, new: BaseModel | None) -> list[Diff]:
    """Field-by-field differences of two versions of one thing (either may be absent)."""
    before = flatten(old) if old is not None else {}
    after = flatten(new) if new is not None else {}
    keys = [*after, *(k for k in before if k not in after)]
    out = [
        Diff(subject=subject, field=k, before=before.get(k, NEW), after=after.get(k, GONE))
        for k in keys
        if before.get(k) != after.get(k)
    ]
    if not out and old != new:  # nothing a title names, yet the values differ: say so, never "formatting"
        out.append(Diff(subject=subject, field="(giá trị khác)", before=show(old), after=show(new)))
    return out


def _groups(app: Appendix) -> dict[str, Group]:
    """Every group by its chain of ids (I, II.A …)."""
    out: dict[str, Group] = {}
    _collect(app.groups, "", out)
    return out


def _collect(groups: list[Group], chain: str, out: dict[str, Group]) -> None:
    # (a plain function: a closure calling itself is a reference cycle that outlives the call)
    for g in groups:
        key = f"{chain}.{g.id}" if chain else g.id
        out[key] = g
        _collect(g.groups, key, out)


def _where(app: Appendix) -> dict[str, str]:
    """Task id → the ids of its groups (I, II.A …), to see a task moved between groups."""
    return {t.id: ".".join(g.id for g in chain) for chain, t in app.walk()}


def appendix_diffs(old: Appendix, new: Appendix) -> list[Diff]:
    """Tasks added, removed or changed field by field (timeline's start, end, continuing and
    wording included); groups added, removed or renamed; tasks moved or reordered."""
    out: list[Diff] = []
    if old.title != new.title:
        out.append(Diff(subject="Phụ lục", field="Tên Phụ lục", before=old.title, after=new.title))
    og, ng = _groups(old), _groups(new)
    for key in [*ng, *(k for k in og if k not in ng)]:
        a, b = og.get(key), ng.get(key)
        if a is None or b is None or a.title != b.title:
            before, after = (a.title if a else NEW), (b.title if b else GONE)
            out.append(Diff(subject=f"Nhóm {key}", field="Tên nhóm", before=before, after=after))
    ot, nt = {t.id: t for t in old.tasks()}, {t.id: t for t in new.tasks()}
    ow, nw = _where(old), _where(new)
    for tid in [*nt, *(t for t in ot if t not in nt)]:
        a_task, b_task = ot.get(tid), nt.get(tid)
        if a_task is None or b_task is None:
            before = a_task.content if a_task else NEW
            after = b_task.content if b_task else GONE
            out.append(Diff(subject=tid, field="Nhiệm vụ", before=before, after=after))
            continue
        if ow[tid] != nw[tid]:
            out.append(Diff(subject=tid, field="Thuộc nhóm", before=ow[tid], after=nw[tid]))
        out += field_diffs(tid, a_task, b_task)
    common = [t for t in ot if t in nt]
    if [t for t in nt if t in ot] != common:
        out.append(Diff(subject="Phụ lục", field="Thứ tự nhiệm vụ", before=", ".join(common), after="đã đổi thứ tự"))
    return out


def plan_diffs(base: DataRoot, head: DataRoot) -> list[Diff]:
    """The plan's changes field by field: plan.yaml (sections, reporting, signing …) and tasks.yaml."""
    out: list[Diff] = []
    if base.appendix is not None and head.appendix is not None:
        out += appendix_diffs(base.appendix, head.appendix)
    if base.plan is not None and head.plan is not None and base.plan != head.plan:
        out += field_diffs("plan.yaml", base.plan, head.plan)
    return out


def unit_diffs(base: DataRoot, head: DataRoot) -> list[Diff]:
    out: list[Diff] = []
    for code in sorted(set(base.units) | set(head.units)):
        old, new = base.units.get(code), head.units.get(code)
        if old is None or new is None:
            before = old.name if old else NEW
            after = new.name if new else GONE
            out.append(Diff(subject=code, field="Đơn vị", before=before, after=after))
        elif old != new:
            out += field_diffs(code, old, new)
    return out


def _statuses(base: DataRoot, head: DataRoot, year: int, today: dt.date, new: list[EntryItem]) -> list[StatusChange]:
    if None in (base.plan, base.appendix, head.plan, head.appendix):
        return []
    before = {t.id: t.status for t in compute(clean(base), year, today).tasks}
    after = {t.id: t.status for t in compute(clean(head), year, today).tasks}
    touched = Counter(e.task for e in new if e.task)
    ids = [t for t in after if after[t] != before.get(t) or t in touched]
    ids += [t for t in before if t not in after]
    return [StatusChange(task=t, before=before.get(t), after=after.get(t), new_entries=touched.get(t, 0)) for t in ids]


def _problems(base: DataRoot, head: DataRoot, changed: set[str], today: dt.date) -> list[Problem]:
    """Problems of changed files, and problems this change causes in files it did not touch."""
    old = {(p.path, p.code) for p in base.problems + check_root(base, today)}
    return [p for p in head.problems + check_root(head, today) if p.path in changed or (p.path, p.code) not in old]


_DATE_KEY = re.compile(rb"^date[ \t]*:[ \t]*", re.M)


def _date_position(text: bytes) -> tuple[int, int]:
    """Line and column of an entry's top-level `date:` value (entries are flat mappings)."""
    m = _DATE_KEY.search(text)
    if m is None:
        return 1, 1
    return text.count(b"\n", 0, m.start()) + 1, m.end() - m.start() + 1


def backdated(head: DataRoot, new: Iterable[EntryItem], today: dt.date) -> list[Problem]:
    """KH101 (warning): a new entry dated more than BACKDATE_DAYS before the review. A late
    report written with an old date would quietly take its unit off the late list."""
    limit = today - dt.timedelta(days=BACKDATE_DAYS)
    return [
        make(
            "KH101",
            e.path,
            *_date_position(head.source.small(e.path) or b""),
            f"mục mới ghi ngày {e.date.isoformat()}, sớm hơn ngày xem xét ({today.isoformat()}) hơn "
            f"{BACKDATE_DAYS} ngày. Nếu báo cáo được lập muộn, hãy ghi ngày lập thực tế (tên tệp đổi theo); "
            "nếu ngày này đúng, người duyệt cần xác nhận với đơn vị trước khi chấp thuận.",
        )
        for e in new
        if e.date is not None and e.date < limit
    ]


def _item(change: Change, path: str, entry: Entry | None) -> EntryItem:
    if entry is None:
        return EntryItem(change=change, path=path)
    return EntryItem(
        change=change,
        path=path,
        unit=entry.unit,
        task=entry.task,
        date=entry.date,
        status=entry.status,
        summary=entry.summary,
        corrects=entry.corrects,
    )


def _edited(
    change: Literal["modified", "renamed", "deleted"],
    old_rel: str,
    new_rel: str | None,
    old: dict[str, Entry],
    new: dict[str, Entry],
) -> EntryItem:
    """A violation: the base version's identity, plus (when it still exists) what the head made of it."""
    item = _item(change, new_rel or old_rel, old.get(old_rel))
    item.old_path = old_rel if change == "renamed" else None
    after = new.get(new_rel) if new_rel else None
    if after is not None:
        item.fields = field_diffs(old_rel, old.get(old_rel), after)
        item.wanted = after.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return item


def build(
    changes: list[gitio.Change],
    base: DataRoot,
    head: DataRoot,
    today: dt.date,
    revisions: Revisions,
    prefix: str = "",
    refused: Iterable[Problem] = (),
) -> ReviewResult:
    """The review of `changes` (paths from the repository's top; the data root is at `prefix`).
    `refused`: problems found while reading git's trees (non-regular entries)."""
    res = ReviewResult(today=today, year=report_year(today), prefix=prefix, **revisions.model_dump())
    old = {le.rel: le.entry for le in base.entries}
    new = {le.rel: le.entry for le in head.entries}
    touched_units = False
    for c in changes:
        if is_tool_path(c.path, prefix) or (c.old_path is not None and is_tool_path(c.old_path, prefix)):
            res.tool_files.append(ToolFile(change=c.status, path=c.path, old_path=c.old_path))
        rel, old_rel = gitio.under(c.path, prefix), (gitio.under(c.old_path, prefix) if c.old_path else None)
        new_kind, old_kind = area(rel), area(old_rel)
        touched_units = touched_units or "unit" in (new_kind, old_kind)
        if rel is None and old_rel is None:
            continue
        if c.status == "D" and new_kind == "entry" and rel is not None:
            res.violations.append(_edited("deleted", rel, None, old, new))
        elif c.status in "MT" and new_kind == "entry" and rel is not None:
            res.violations.append(_edited("modified", rel, rel, old, new))
        elif c.status == "R" and old_kind == "entry" and old_rel is not None:
            res.violations.append(_edited("renamed", old_rel, rel or c.path, old, new))
        elif new_kind == "entry" and rel is not None:
            res.new_entries.append(_item("added", rel, new.get(rel)))
        elif new_kind == "plan" and rel is not None:
            res.plan_files.append(rel)
        elif new_kind not in ("unit", "template") and rel is not None and not is_tool_path(c.path, prefix):
            res.other_files.append(rel)
    if res.plan_files:
        res.plan_diffs = plan_diffs(base, head)
        res.plan_unreadable = None in (base.plan, base.appendix, head.plan, head.appendix)
    if touched_units:
        res.unit_diffs = unit_diffs(base, head)
    res.status_changes = _statuses(base, head, res.year, today, res.new_entries)
    changed = {r for c in changes if c.status != "D" and (r := gitio.under(c.path, prefix)) is not None}
    found = [
        *refused,
        *_problems(base, head, changed, today),
        *backdated(head, res.new_entries, today),
    ]
    res.problems = [ProblemItem(**p.as_dict(), in_changed_file=p.path in changed) for p in sorted(found, key=sort_key)]
    res.unit_names = {code: u.name for code, u in {**base.units, **head.units}.items()}
    tasks = [*(base.appendix.tasks() if base.appendix else []), *(head.appendix.tasks() if head.appendix else [])]
    res.task_titles = {t.id: t.content for t in tasks}
    return res
