"""The plain data (dicts, lists, strings) that report and plan templates read.

A pure function of the data root, the year, the as-of date and an optional unit:
no I/O, no layout. Numbers and dates are already in Vietnamese form.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from kehoach import text_vn as vn
from kehoach.compute import timeliness as tm
from kehoach.compute.periods import Period, annual, label
from kehoach.compute.remind import RemindResult
from kehoach.compute.status import compute, effective_entries
from kehoach.load.root import CleanRoot, DataRoot, LoadedEntry
from kehoach.model.entry import Output
from kehoach.model.plan import Group, Plan, Task, implemented
from kehoach.vocab import ENTRY_STATUS, TASK_STATUS, TASK_STATUS_ORDER, TIMELINESS_CATEGORY

NO_ENTRY = "Chưa có báo cáo trong kỳ"
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese order of the a), b), … sub-headings
PROVINCE_BODY = "UBNDT"


def unit_name(dr: DataRoot, code: str) -> str:
    unit = dr.units.get(code)
    return unit.name if unit else code


def header(
    plan: Plan,
    code: str,
    number: int | str | None,
    when: dt.date | None,
    year: int,
    parent: str | None = None,
    issuer: str | None = None,
) -> dict[str, Any]:
    place = plan.issuer.place
    blank = vn.BLANK_NUMBER
    date_text = vn.ngay_thang(when) if when else f"ngày{blank}tháng{blank}năm {year}"
    return {
        "parent": (parent or plan.issuer.parent).upper(),
        "issuer": (issuer or plan.issuer.name).upper(),
        "number_line": vn.so_line(number, code),
        "place_date": f"{place}, {date_text}",
    }


def plan_facts(dr: CleanRoot) -> dict[str, Any]:
    """What every document says about the plan itself."""
    plan = dr.plan
    d = plan.document
    number = vn.so_ky_hieu(d.number, d.code)
    dated = f" ngày {vn.ngay_ngan(d.date)}" if d.date else ""
    return {
        "demo_notice": plan.demo_notice,
        "issuer_name": plan.issuer.name,
        "plan": {"number": number, "title": d.title, "citation": f"Kế hoạch số {number}{dated} của {plan.issuer.name}"},
        "basis": [f"{b.kind} số {b.number} ngày {vn.ngay_ngan(b.date)} của {b.issuer}" for b in plan.basis],
        "resolution": {
            "number": implemented(plan).number,
            "kind": implemented(plan).kind,
            "issuer": implemented(plan).issuer,
        },
        "focal": {"code": plan.reporting.focal_unit, "name": unit_name(dr, plan.reporting.focal_unit)},
        "deadline_text": plan.reporting.deadline_text,
        "province": unit_name(dr, PROVINCE_BODY),
    }


# Tens of thousands of entries share a few hundred dates: each date is written out once.
_ngay_ngan = functools.lru_cache(maxsize=4096)(vn.ngay_ngan)
_ngay_thang = functools.lru_cache(maxsize=4096)(vn.ngay_thang)


def _output_text(o: Output) -> str:
    text = o.kind
    if o.number:
        text += f" số {o.number}"
    if o.date:
        text += " " + _ngay_thang(o.date)
    return f"{text} ({vn.clean(o.title)})"


def _entry(dr: DataRoot, le: LoadedEntry) -> dict[str, Any]:
    e = le.entry
    return {
        "unit": e.unit,
        "unit_name": unit_name(dr, e.unit),
        "date": _ngay_ngan(e.date),
        "date_long": _ngay_thang(e.date),
        "status": ENTRY_STATUS[e.status],
        "summary": vn.clean(e.summary),
        # most entries have none of these: no work for them (a 50,000-entry report adds up)
        "outputs": [_output_text(o) for o in e.outputs] if e.outputs else [],
        "indicators": [f"{vn.clean(i.name)}: {vn.so_luong(i.value, i.unit)}" for i in e.indicators]
        if e.indicators
        else [],
        "difficulties": (vn.clean(e.difficulties) or None) if e.difficulties else None,
        "proposals": (vn.clean(e.proposals) or None) if e.proposals else None,
    }


def _task(dr: DataRoot, task: Task, status: str | None, entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": task.id,
        "number": task.id.rsplit(".", 1)[-1],
        "content": task.content,
        "clause": task.content.rstrip().rstrip(".;:").rstrip(),  # to be followed by “(chủ trì: …)”
        "leads": ", ".join(unit_name(dr, u) for u in task.lead),
        "coordinating": ", ".join(unit_name(dr, u) for u in task.coordinating),
        "timeline": task.timeline.text,
        "start": task.timeline.start,
        "output": task.output,
        "note": task.note or "",
        "status_code": status,
        "status": TASK_STATUS.get(status or "", ""),
        "entries": entries,
        "result": "\n".join(f"- {e['unit_name']} ({e['date']}): {e['summary']}" for e in entries) or NO_ENTRY,
    }


def _groups(dr: CleanRoot, make: Callable[[Task], dict[str, Any] | None]) -> list[dict[str, Any]]:
    """The appendix groups in order, each with its tasks (make(task) → dict or None to skip)."""
    out: list[dict[str, Any]] = []
    _add_groups(out, dr.appendix.groups, 1, "", make)
    return out


def _add_groups(
    out: list[dict[str, Any]], groups: list[Group], depth: int, prefix: str, make: Callable[[Task], Any]
) -> None:
    # A function, not a closure calling itself: such a closure is a reference cycle, and it
    # would keep `make`, and through it the whole loaded root, alive until the collector ran.
    for i, g in enumerate(groups, 1):
        tasks = [t for t in (make(task) for task in g.tasks) if t is not None]
        out.append(
            {
                "id": g.id,
                "path": prefix + g.id,
                "title": g.title,
                "depth": depth,
                "ordinal": i,
                "letter": g.id.lower(),
                "tasks": tasks,
            }
        )
        _add_groups(out, g.groups, depth + 1, prefix + g.id + ".", make)


def _prune(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop groups with no tasks of their own or below (for a unit's report)."""
    keep = []
    for i, g in enumerate(groups):
        below = [h for h in groups[i:] if h["path"] == g["path"] or h["path"].startswith(g["path"] + ".")]
        if any(h["tasks"] for h in below):
            keep.append(g)
    return _number(keep)


def _number(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Number the headings as they appear: 1., 2. … at the first level, a), b) … below each,
    so a report that leaves groups out still counts from “1.” and “a)”."""
    counters: dict[str, int] = {}
    for g in groups:
        parent = g["path"].rpartition(".")[0]
        counters[parent] = counters.get(parent, 0) + 1
        n = counters[parent]
        g["ordinal"] = n
        g["letter"] = LETTERS[n - 1] if n <= len(LETTERS) else str(n)
    return groups


def report(
    dr: CleanRoot,
    year: int,
    as_of: dt.date,
    unit: str | None = None,
    number: int | None = None,
    signer: str | None = None,
    period: Period | None = None,
) -> dict[str, Any]:
    """Everything a report (of the Department, or of one unit) for `period` says
    (default: the year's)."""
    period = period or annual(year)
    year = period.year
    end = min(period.end, as_of)
    effective = effective_entries(dr, as_of)
    status = compute(dr, year, as_of, unit, effective, period)
    states = {s.id: s.status for s in status.tasks}
    entries: dict[str, list[dict[str, Any]]] = {}
    for le in effective:
        if period.start <= le.entry.date <= end and (unit is None or le.entry.unit == unit):
            entries.setdefault(le.entry.task, []).append(_entry(dr, le))

    def make(task: Task) -> dict[str, Any] | None:
        if task.id not in states:
            return None
        return _task(dr, task, states[task.id], entries.get(task.id, []))

    groups = _prune(_groups(dr, make)) if unit else _number(_groups(dr, make))
    tasks = [t for g in groups for t in g["tasks"]]
    all_entries = [(t, e) for t in tasks for e in t["entries"]]
    u = dr.units[unit] if unit else None
    issuer_code = f"BC-{unit}" if unit else "BC-SNNMT"
    facts = plan_facts(dr)
    judged = sum(status.timeliness_counts.values())
    return {
        **facts,
        "year": year,
        "next_year": year + 1,
        "as_of": vn.ngay_thang(as_of),
        "as_of_short": vn.ngay_ngan(as_of),
        "period": {
            "kind": period.kind,
            "label": label(period),
            "start": vn.ngay_ngan(period.start),
            "end": vn.ngay_ngan(period.end),
            "data_end": vn.ngay_ngan(end),
            "data_end_long": vn.ngay_thang(end),
            "complete": end == period.end,
        },
        "header": header(
            dr.plan,
            issuer_code,
            number,
            as_of,
            year,
            parent=dr.plan.issuer.name if u else None,
            issuer=u.name if u else None,
        ),
        "number": vn.so_ky_hieu(number, issuer_code),
        "date": vn.ngay_thang(as_of),
        "unit": {"code": u.code, "name": u.name, "kind": u.kind, "focal": u.code == facts["focal"]["code"]}
        if u
        else None,
        "groups": groups,
        "tasks": tasks,
        "entry_count": len(all_entries),
        "counts": [
            {"status": TASK_STATUS[s], "count": status.counts[s]} for s in TASK_STATUS_ORDER if status.counts.get(s)
        ],
        "timeliness": [
            {"label": TIMELINESS_CATEGORY[c], "count": status.timeliness_counts[c]} for c in tm.CATEGORY_ORDER
        ],
        "unjudged": len(status.tasks) - judged,
        "total": len(tasks),
        "difficulties": _notes(all_entries, "difficulties"),
        "proposals": _notes(all_entries, "proposals"),
        "unfinished": [t for t in tasks if t["status_code"] not in ("done", "not_due")],
        "upcoming": [t for t in tasks if t["start"] == year + 1],
        "signing": _signing(dr.plan, signer)
        if not unit
        # the plan's signer signs for the Department only
        else {"authority": None, "title": None, "signer": vn.clean(signer)},
    }


def _notes(pairs: list[tuple[dict[str, Any], dict[str, Any]]], key: str) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for t, e in pairs:
        text = e[key]
        if text and (e["unit"], text) not in seen:
            seen.add((e["unit"], text))
            out.append({"unit_name": e["unit_name"], "task": t["id"], "text": text})
    return out


def _signing(plan: Plan, signer: str | None) -> dict[str, Any]:
    s = plan.signing
    name = vn.clean(signer) if signer and signer.strip() else (s.signer or "")
    return {"authority": s.authority, "title": s.title, "signer": name}


def plan_document(dr: CleanRoot) -> dict[str, Any]:
    """Everything the plan as issued says (templates/ke-hoach.md.j2)."""
    plan = dr.plan
    d = plan.document
    year = d.date.year if d.date else max(b.date.year for b in plan.basis)
    recipients = [f"{r};" for r in plan.recipients] + [f"Lưu: {plan.archive}."]
    return {
        **plan_facts(dr),
        "header": header(plan, d.code, d.number, d.date, year),
        "year": year,
        "kind": d.kind,
        "title": d.title,
        "opening": plan.opening,
        "sections": [s.model_dump() for s in plan.sections],
        "closing": plan.closing,
        "recipients": recipients,
        "signing": _signing(plan, None),
        "appendix_title": dr.appendix.title,
        "date": vn.ngay_thang(d.date) if d.date else f"ngày … tháng … năm {year}",
        "groups": _groups(dr, lambda task: _task(dr, task, None, [])),
    }


LETTER_CODE = "SNNMT"  # the Department's code in a Công văn number: …/SNNMT-QLMT


def reminder_letter(
    dr: CleanRoot, result: RemindResult, number: int | None, signer: str | None, by: dt.date
) -> dict[str, Any]:
    """Everything the reminder (Công văn đôn đốc, templates/cong-van-don-doc.md.j2) says."""
    tasks = {t.id: t for t in dr.appendix.tasks()}
    focal = dr.plan.reporting.focal_unit
    code = f"{LETTER_CODE}-{focal}"
    units: list[dict[str, Any]] = [
        {
            "code": u.code,
            "name": u.name,
            "tasks": [_task(dr, tasks[i], None, []) for i in u.tasks],
        }
        for u in result.units
    ]
    return {
        **plan_facts(dr),
        "year": result.year,
        "header": header(dr.plan, code, number, result.as_of, result.year),
        "period": {"label": label(annual(result.year)), "start": vn.ngay_ngan(result.period_start)},
        "as_of": vn.ngay_thang(result.as_of),
        "as_of_short": vn.ngay_ngan(result.as_of),
        "deadline": vn.ngay_ngan(result.deadline),
        "days_left": result.days_left,
        "by": vn.ngay_ngan(by),
        "by_is_deadline": by == result.deadline,
        "units": units,
        "task_count": sum(len(u["tasks"]) for u in units),
        "signing": _signing(dr.plan, signer),
    }
