"""`kehoach add`: one new progress entry, checked before it is written, never overwriting.

Missing values are asked for when stdin is a terminal (only the tasks the unit
leads or coordinates are offered); otherwise the command stops with exit 2
naming the missing options. The entry is rendered, re-read through the same
strict loader and rules as `kehoach validate`, and only then written
atomically under a free name (`-2`, `-3` … when the name is taken).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kehoach import layout
from kehoach.check.entry_rules import check_entries
from kehoach.commands.common import PLAN_ONLY, load_clean
from kehoach.errors import DataError, KehoachError, UsageError
from kehoach.load.files import parse_mapping
from kehoach.load.root import DataRoot, LoadedEntry
from kehoach.load.schema_errors import problems_from
from kehoach.load.text import check as text_check
from kehoach.model.entry import Entry
from kehoach.write import atomic_write

REQUIRED = ("unit", "task", "status", "summary")
OPTION_NAMES = {"unit": "--unit", "task": "--task", "status": "--status", "summary": "--summary"}
MAX_SUFFIX = 99


def interactive() -> bool:
    return sys.stdin.isatty()


def _clean(value: Any) -> Any:
    """Terminal text: NFC (macOS terminals send NFD), CRLF → LF, surrounding blanks trimmed."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip() or None


def run(root: Path, values: dict[str, Any], today: dt.date) -> Path:
    dr = load_clean(root, today, scope=PLAN_ONLY)
    values = {k: _clean(v) for k, v in values.items()}
    missing = [k for k in REQUIRED if not values.get(k)]
    if missing:
        if not interactive():
            names = ", ".join(OPTION_NAMES[k] for k in missing)
            raise UsageError(
                f"thiếu {names}. Hãy thêm các tùy chọn này, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi lần lượt."
            )
        from kehoach.commands.add_prompt import ask_missing

        values = {k: _clean(v) for k, v in ask_missing(dr, values).items()}
    values["date"] = values.get("date") or today
    data = {k: v for k, v in values.items() if v is not None}
    data["date"] = data["date"].isoformat()
    return write_entry(dr, data, today)


def write_entry(dr: DataRoot, data: dict[str, Any], today: dt.date) -> Path:
    """Render, check exactly as validate would, then write under the first free name."""
    from kehoach.yamlfmt import dump_new

    folder = dr.root / layout.PROGRESS_DIR / str(data.get("unit", ""))
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise KehoachError(f"{folder} không phải là một thư mục thường; hãy xóa hoặc đổi tên nó rồi chạy lại.")
    for n in range(1, MAX_SUFFIX + 1):
        path = folder / f"{layout.entry_stem(data['date'], str(data.get('task', '')), n)}{layout.SUFFIX}"
        if os.path.lexists(path):  # a dangling symlink counts as taken: never write through it
            continue
        rel = path.relative_to(dr.root).as_posix()
        text = dump_new(data, "entry", path, dr.root)
        _check(dr, rel, text, today)
        try:
            return atomic_write(path, text.encode("utf-8"), overwrite=False)
        except FileExistsError:
            continue  # taken between our check and the write: try the next suffix
    raise KehoachError(f"đã có quá nhiều mục cùng ngày cho nhiệm vụ này trong {folder}.")


def _check(dr: DataRoot, rel: str, text: str, today: dt.date) -> Entry:
    problem = text_check(text, rel)
    data, problem = (None, problem) if problem else parse_mapping(text, rel)
    if problem:
        raise DataError("mục mới không hợp lệ; chưa ghi tệp nào.", [problem])
    try:
        entry = Entry.model_validate(data)
    except ValidationError as exc:
        raise DataError("mục mới không hợp lệ; chưa ghi tệp nào.", problems_from(exc, text, rel)) from None
    trial = DataRoot(
        root=dr.root,
        plan=dr.plan,
        appendix=dr.appendix,
        units=dr.units,
        entries=[LoadedEntry(rel, entry)],
        pending={rel: text},
    )
    problems = [p for p in check_entries(trial, today) if p.severity == "error"]
    if problems:
        raise DataError("mục mới không hợp lệ; chưa ghi tệp nào.", problems)
    return entry
