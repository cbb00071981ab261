"""Rich tables for the terminal."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from kehoach.load.root import CleanRoot
from kehoach.model.plan import GENERIC_SHORT, is_generic


def short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plan_table(dr: CleanRoot) -> Table:
    table = Table(title=Text(dr.appendix.title), title_justify="left", show_lines=False, expand=False)
    table.add_column("TT", no_wrap=True)
    table.add_column("Nội dung thực hiện", ratio=4)
    table.add_column("Chủ trì", ratio=1)
    table.add_column("Phối hợp", ratio=1)
    table.add_column("Tiến độ", ratio=1)
    table.add_column("Kết quả", ratio=2)
    shown: set[str] = set()
    for chain, t in dr.appendix.walk():
        for depth, g in enumerate(chain):
            key = ".".join(x.id for x in chain[: depth + 1])
            if key not in shown:
                shown.add(key)
                table.add_row(Text(g.id, style="bold"), Text(g.title, style="bold"), end_section=False)
        coord = ", ".join(GENERIC_SHORT if is_generic(c) else c for c in t.coordinating)
        cells = (t.id, short(t.content), ", ".join(t.lead), coord, t.timeline.text, short(t.output, 40))
        table.add_row(*(Text(c) for c in cells))  # Text: data is never read as rich markup
    return table
