"""Excel forms in `make bench` (issue 12): import-xlsx of a 1,000-row form, forms for every unit.

Prepares bench/out/xlsx-root (the real plan/ and units/, no entries) and a filled
form of 1,000 rows (the QLMT form, protection lifted, rows added as staff would
paste them, every task on several days). Each import run starts from a root
without those entries: a small wrapper removes them, then execs kehoach (the
time includes that wrapper's start, about 30 ms).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROWS = 1000
UNIT = "QLMT"

RESET_AND_IMPORT = """
import os, shutil, sys
shutil.rmtree(os.path.join(sys.argv[1], "progress", sys.argv[2]), ignore_errors=True)
os.execv(sys.argv[3], sys.argv[3:])
"""


def prepare(out: Path, kehoach: str) -> tuple[Path, Path]:
    """(data root, filled form); made once, reused afterwards."""
    root, form = out / "xlsx-root", out / f"bieu-mau-{ROWS}-dong.xlsx"
    if root.is_dir() and form.is_file():
        return root, form
    shutil.rmtree(root, ignore_errors=True)
    for name in ("plan", "units", "schemas"):
        shutil.copytree(REPO / name, root / name)
    (root / "progress").mkdir()
    blank = out / "bieu-mau-trong.xlsx"
    subprocess.run(
        [kehoach, "--root", str(root), "form", "--unit", UNIT, "--year", "2026", "-o", str(blank)], check=True
    )
    _fill(blank, form)
    return root, form


def _fill(blank: Path, form: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(blank)
    ws = wb["Báo cáo"]
    ws.protection.sheet = False
    first = 7
    ids = [ws.cell(row=r, column=1).value for r in range(first, ws.max_row + 1)]
    labels = ["Chưa triển khai", "Đang thực hiện", "Đã hoàn thành"]
    day, row = dt.date(2026, 1, 5), first
    while row < first + ROWS:
        for task in ids:
            if row >= first + ROWS:
                break
            n = row - first
            ws.cell(row=row, column=1, value=task)
            ws.cell(row=row, column=5, value=labels[n % 3])
            ws.cell(row=row, column=6, value=dt.datetime.combine(day, dt.time()))
            ws.cell(row=row, column=7, value=f"Kết quả thực hiện lần {n}: đã triển khai các nội dung theo Kế hoạch.")
            if n % 4 == 0:
                ws.cell(row=row, column=8, value="Thiếu kinh phí và nhân lực chuyên môn.")
            row += 1
        day += dt.timedelta(days=1)
    wb.save(form)


def argvs(out: Path, kehoach: str) -> dict[str, tuple[str, list[str]]]:
    """The measurements: key -> (name, argv)."""
    root, form = prepare(out, kehoach)
    reset = [sys.executable, "-c", RESET_AND_IMPORT, str(root), UNIT]
    return {
        "xlsx_import": (
            f"import-xlsx, {ROWS:,}-row form",
            reset + [kehoach, "--root", str(root), "import-xlsx", str(form)],
        ),
        "xlsx_forms": (
            "form, every unit",
            [kehoach, "--root", str(root), "form", "--year", "2026", "-o", str(out / "bieu-mau")],
        ),
    }
