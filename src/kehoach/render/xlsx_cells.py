"""Cells of the Excel files kehoach writes (the form, the tracking sheet).

- Data is always text or a number, never a formula: a task text or a unit name that
  starts with `=` is written as text, so opening the file runs nothing.
- Rows are tall enough for their wrapped text. Excel and LibreOffice do not size rows
  of a generated file by themselves, so long task texts would otherwise print over
  the rows below them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

CHARS_PER_WIDTH = 1.0
"""Characters of 12 pt Times New Roman that fit in one unit of column width (a little fewer
than in fact fit, so that an estimate errs on the tall side)."""


def put(ws: Worksheet, row: int, column: int, value: str | float | dt.date | None) -> Cell:
    """Write `value` into a cell as data: text stays text even when it looks like a formula."""
    cell: Cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def lines_needed(value: object, width: float) -> int:
    """How many lines `value` takes when wrapped in a column `width` wide."""
    if value is None:
        return 0
    per_line = max(1, math.floor(width * CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(value).split("\n"))


def fit_rows(
    ws: Worksheet, first: int, last: int, widths: Sequence[float], *, points: float = 12, least: int = 1
) -> None:
    """Set the height of rows first..last to their tallest wrapped cell (at least `least` lines)."""
    for row in range(first, last + 1):
        lines = max([least, *(lines_needed(ws.cell(row=row, column=i).value, w) for i, w in enumerate(widths, 1))])
        ws.row_dimensions[row].height = round(lines * points * 1.25 + 4, 1)
