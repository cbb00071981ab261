"""`kehoach codeowners [--check]`: .github/CODEOWNERS from units/ (who reviews which folder).

Each unit's progress folder is owned by its `reviewers`; plan/ and units/, and
the tool, template, lock-file and CI paths (layout.TOOL_PATTERNS), by the
reviewers of the focal unit (plan.yaml reporting.focal_unit).
Units without reviewers are listed as a comment: owners are never invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.codeowners import render
from kehoach.commands.common import PLAN_ONLY, Said, load_clean
from kehoach.layout import CODEOWNERS
from kehoach.write import atomic_write

DEFAULT = Path(CODEOWNERS)


def run(root: Path, output: Path | None, check: bool, today: dt.date) -> Said:
    said = Said()
    path = output if output is not None else root / DEFAULT
    text = render(load_clean(root, today, scope=PLAN_ONLY))  # reviewers come from valid units only
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current == text:
            said.out(f"{path} khớp với units/.")
            return said
        state = "chưa có" if current is None else "đã cũ, không khớp với units/"
        said.err(f"{path} {state}; hãy chạy `kehoach codeowners` rồi commit tệp này.")
        said.code = 1
        return said
    if current != text:
        atomic_write(path, text.encode("utf-8"))
        said.out(f"Đã ghi {path}")
    else:
        said.out(f"{path} đã đúng, không cần ghi lại.")
    return said
