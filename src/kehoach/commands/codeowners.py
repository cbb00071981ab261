"""`kehoach codeowners [--check]`: .github/CODEOWNERS from units/ (who reviews which folder).

Each unit's progress folder is owned by its `reviewers`; plan/, templates/ and
units/ by the reviewers of the focal unit (plan.yaml reporting.focal_unit).
Units without reviewers are listed as a comment: owners are never invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from kehoach.codeowners import render
from kehoach.commands.common import PLAN_ONLY, load_clean
from kehoach.layout import CODEOWNERS
from kehoach.write import atomic_write

DEFAULT = Path(CODEOWNERS)


def run(root: Path, output: Path | None, check: bool, today: dt.date) -> int:
    path = output if output is not None else root / DEFAULT
    text = render(load_clean(root, today, scope=PLAN_ONLY))  # reviewers come from valid units only
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current == text:
            typer.echo(f"{path} khớp với units/.")
            return 0
        state = "chưa có" if current is None else "đã cũ, không khớp với units/"
        typer.echo(f"{path} {state}; hãy chạy `kehoach codeowners` rồi commit tệp này.", err=True)
        return 1
    if current != text:
        atomic_write(path, text.encode("utf-8"))
        typer.echo(f"Đã ghi {path}")
    else:
        typer.echo(f"{path} đã đúng, không cần ghi lại.")
    return 0
