"""Write one value into a generated .xlsx cell as data, never as a formula.

openpyxl turns any string that starts with "=" into a formula, so a task content
or a timeline text such as `=HYPERLINK("http://…","Bấm")` in plan/tasks.yaml would
run in the reader's Excel. Every cell `kehoach form` and `status -o FILE.xlsx` fill
from the data goes through `put`: the text is stored as text, exactly as written.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """ws.cell(row, column, value), with a string always kept as a string."""
    cell: Cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell
