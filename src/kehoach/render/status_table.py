"""`kehoach status` for people: a coloured table, counts per status and the late units."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from kehoach.chars import for_terminal
from kehoach.compute import timeliness as tm
from kehoach.compute.periods import Period, label
from kehoach.compute.status import StatusResult
from kehoach.load.root import CleanRoot
from kehoach.render.terminal import cell
from kehoach.text_vn import ngay_ngan
from kehoach.vocab import (
    LEAD_SHORT,
    STATUS_STYLE,
    TASK_STATUS,
    TASK_STATUS_ORDER,
    TIMELINESS_CATEGORY,
    TIMELINESS_SHORT,
    TIMELINESS_STYLE,
)


def _vn_date(d: dt.date | None) -> str:
    return ngay_ngan(d) if d else "—"


def render(result: StatusResult, dr: CleanRoot) -> Group:
    tasks = {t.id: t for t in dr.appendix.tasks()}
    period = Period(result.year, result.period_start, result.period_end, result.period)
    table = Table(
        title=f"Tình trạng nhiệm vụ {label(period)} — tính đến {_vn_date(result.as_of)} "
        f"(kỳ {_vn_date(result.period_start)}–{_vn_date(result.period_end)})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        expand=True,
    )
    columns: tuple[tuple[str, dict[str, Any]], ...] = (
        ("TT", {"width": 6, "no_wrap": True}),
        ("Nội dung", {"ratio": 1}),
        ("Chủ trì", {"width": 14}),
        ("Tiến độ", {"width": 11}),
        ("Tình trạng\n(thời hạn)", {"width": 14}),
        ("Báo cáo\ngần nhất", {"width": 10, "no_wrap": True}),
    )
    for name, kw in columns:
        table.add_column(name, **kw)
    for state in result.tasks:
        t = tasks[state.id]
        lead = "\n".join(u if len(t.lead) == 1 else f"{u}: {LEAD_SHORT[s]}" for u, s in state.leads.items())
        table.add_row(
            cell(state.id),
            cell(t.content, 60),
            cell(lead),
            cell(t.timeline.text),
            _status_cell(state.status, state.timeliness),
            _vn_date(state.last_date),
        )
    counts = Text("Tổng hợp: ")
    parts = [(TASK_STATUS[s], result.counts[s], STATUS_STYLE[s]) for s in TASK_STATUS_ORDER if result.counts.get(s)]
    for i, (name, n, style) in enumerate(parts):
        counts.append(f"{name} {n}", style=style)
        if i < len(parts) - 1:
            counts.append(" · ")
    timely = Text("Thời hạn: ")
    cats = [c for c in tm.CATEGORY_ORDER if result.timeliness_counts.get(c)]
    for i, c in enumerate(cats):
        timely.append(f"{TIMELINESS_CATEGORY[c]} {result.timeliness_counts[c]}", style=TIMELINESS_STYLE[c])
        if i < len(cats) - 1:
            timely.append(" · ")
    if not cats:
        timely.append("chưa đủ căn cứ đánh giá", style="dim")
    if result.period_end < result.deadline:
        late = Text(
            f"Hạn báo cáo năm của các đơn vị (trước {_vn_date(result.deadline)}) không thuộc kỳ này.", style="dim"
        )
    elif result.as_of < result.deadline:
        late = Text(f"Hạn báo cáo của các đơn vị: trước {_vn_date(result.deadline)} (chưa đến hạn).", style="dim")
    elif not result.late_units:
        late = Text("Tất cả đơn vị chủ trì đã báo cáo đúng hạn.", style="green")
    else:
        late = Text(f"Đơn vị chưa báo cáo trước {_vn_date(result.deadline)}:\n", style="bold red")
        for code, ids in result.late.items():
            name = dr.units[code].name if code in dr.units else code
            late.append(for_terminal(f"  • {code} — {name}: {', '.join(ids)}", line=True) + "\n", style="red")
    return Group(table, counts, timely, late)


def _status_cell(status: str, timeliness: tm.Timeliness | None) -> Text:
    """The status, and under it (when something can be said) whether it is on time."""
    shown = Text(TASK_STATUS[status], style=STATUS_STYLE[status])
    cat = tm.category(status, timeliness)
    if cat is not None:
        shown.append(f"\n({TIMELINESS_SHORT[cat].lower()})", style=TIMELINESS_STYLE[cat])
    return shown
