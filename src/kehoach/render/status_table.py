"""`kehoach status` for people: a coloured table, counts per status and the late units."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from kehoach.compute.status import StatusResult
from kehoach.load.root import CleanRoot
from kehoach.render.terminal import short
from kehoach.text_vn import ngay_ngan
from kehoach.vocab import LEAD_SHORT, STATUS_STYLE, TASK_STATUS, TASK_STATUS_ORDER


def _vn_date(d: dt.date | None) -> str:
    return ngay_ngan(d) if d else "—"


def render(result: StatusResult, dr: CleanRoot) -> Group:
    tasks = {t.id: t for t in dr.appendix.tasks()}
    table = Table(
        title=f"Tình trạng nhiệm vụ năm {result.year} — tính đến {_vn_date(result.as_of)} "
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
        ("Tình trạng", {"width": 14}),
        ("Báo cáo\ngần nhất", {"width": 10, "no_wrap": True}),
    )
    for name, kw in columns:
        table.add_column(name, **kw)
    for state in result.tasks:
        t = tasks[state.id]
        lead = "\n".join(u if len(t.lead) == 1 else f"{u}: {LEAD_SHORT[s]}" for u, s in state.leads.items())
        table.add_row(
            Text(state.id),
            Text(short(t.content, 60)),
            Text(lead),
            Text(t.timeline.text),
            Text(TASK_STATUS[state.status], style=STATUS_STYLE[state.status]),
            _vn_date(state.last_date),
        )
    counts = Text("Tổng hợp: ")
    parts = [(TASK_STATUS[s], result.counts[s], STATUS_STYLE[s]) for s in TASK_STATUS_ORDER if result.counts.get(s)]
    for i, (label, n, style) in enumerate(parts):
        counts.append(f"{label} {n}", style=style)
        if i < len(parts) - 1:
            counts.append(" · ")
    if result.as_of < result.deadline:
        late = Text(f"Hạn báo cáo của các đơn vị: trước {_vn_date(result.deadline)} (chưa đến hạn).", style="dim")
    elif not result.late_units:
        late = Text("Tất cả đơn vị chủ trì đã báo cáo đúng hạn.", style="green")
    else:
        late = Text(f"Đơn vị chưa báo cáo trước {_vn_date(result.deadline)}:\n", style="bold red")
        for code, ids in result.late.items():
            name = dr.units[code].name if code in dr.units else code
            late.append(f"  • {code} — {name}: {', '.join(ids)}\n", style="red")
    return Group(table, counts, late)
