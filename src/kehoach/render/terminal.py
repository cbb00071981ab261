"""Rich tables for the terminal. Every cell holding data is made with `cell`: rich never
reads it as markup, and control or invisible characters in it are shown escaped."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from kehoach.chars import for_terminal
from kehoach.load.root import CleanRoot
from kehoach.model.plan import GENERIC_SHORT, is_generic


def short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def cell(text: str, width: int | None = None, style: str = "") -> Text:
    """A table cell of data: shortened to `width`, escaped (kehoach.chars), never markup."""
    return Text(for_terminal(short(text, width) if width else text), style=style)


def plan_table(dr: CleanRoot) -> Table:
    table = Table(title=cell(dr.appendix.title), title_justify="left", show_lines=False, expand=False)
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
                table.add_row(cell(g.id, style="bold"), cell(g.title, style="bold"), end_section=False)
        coord = ", ".join(GENERIC_SHORT if is_generic(c) else c for c in t.coordinating)
        cells = (t.id, short(t.content), ", ".join(t.lead), coord, t.timeline.text, short(t.output, 40))
        table.add_row(*(cell(c) for c in cells))
    return table
