"""`kehoach form [--unit CODE] --year Y [-o FILE]`: the Excel form a unit fills in (render/form_xlsx.py).

Without --unit, one form for every unit that has tasks in the year, in one run
(`-o` is then a folder). Files are written atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import PLAN_ONLY, load_clean, require_unit
from kehoach.errors import UsageError
from kehoach.write import atomic_write


def run(root: Path, year: int, unit: str | None, output: Path | None, today: dt.date) -> list[Path]:
    from kehoach.render.form_xlsx import build, tasks_for

    dr = load_clean(root, today, scope=PLAN_ONLY)
    if unit is not None:
        unit = require_unit(dr, unit)
        assert unit is not None
        if not tasks_for(dr, unit, year):
            raise UsageError(f"đơn vị {unit} không chủ trì hay phối hợp nhiệm vụ nào đang thực hiện trong năm {year}.")
        units = [unit]
    else:
        units = [code for code in sorted(dr.units) if tasks_for(dr, code, year)]
    written = []
    for code in units:
        name = f"bieu-mau-{year}-{code}.xlsx"
        if unit is not None:
            path = output if output is not None else root / "build" / name
        else:
            path = (output if output is not None else root / "build") / name
        if path.suffix.lower() != ".xlsx":
            raise UsageError(f"{path}: biểu mẫu phải ghi ra tệp .xlsx; hãy đặt tên tệp kết thúc bằng .xlsx.")
        written.append(atomic_write(path, build(dr, code, year, today)))
    return written
