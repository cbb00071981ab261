"""`kehoach add`: one new progress entry, checked before it is written, never overwriting.

Missing values are asked for when stdin is a terminal (add_prompt: each answer
checked as it is typed, the entry shown before it is written); otherwise the
command stops with exit 2 naming the missing options. The entry is rendered,
re-read through the same strict loader and rules as `kehoach validate`
(entry_write), and only then written atomically under a free name.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from kehoach import entry_write, userinput
from kehoach.chars import find_refused
from kehoach.commands.common import PLAN_ONLY, load_clean
from kehoach.errors import DataError, UsageError
from kehoach.load.root import DataRoot
from kehoach.model.entry import Entry
from kehoach.problems import Problem

REQUIRED = ("unit", "task", "status", "summary")
OPTION_NAMES = {"unit": "--unit", "task": "--task", "status": "--status", "summary": "--summary"}


def interactive() -> bool:
    return sys.stdin.isatty()


def _clean(value: Any) -> Any:
    """Terminal text: NFC (macOS terminals send NFD), CRLF → LF, surrounding blanks trimmed."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip() or None


def run(root: Path, values: dict[str, Any], today: dt.date, confirm: bool = True) -> Path | None:
    """The path written, or None when the user declined at the preview."""
    dr = load_clean(root, today, scope=PLAN_ONLY)
    values = _normalise(dr, {k: _clean(v) for k, v in values.items()})
    missing = [k for k in REQUIRED if not values.get(k)]
    asked = False  # questions asked: the preview follows; on a terminal it follows anyway unless --yes
    if missing:
        if not interactive():
            names = ", ".join(OPTION_NAMES[k] for k in missing)
            raise UsageError(
                f"thiếu {names}. Hãy thêm các tùy chọn này, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi lần lượt."
            )
        from kehoach.commands.add_prompt import ask_missing

        values = {k: _clean(v) for k, v in ask_missing(dr, values, today).items()}
        asked = True
    values["date"] = values.get("date") or today
    data = {k: v for k, v in values.items() if v not in (None, [])}
    data["date"] = data["date"].isoformat()
    if confirm and (asked or interactive()):
        from kehoach.commands.add_prompt import confirm_entry

        new = entry_write.render(dr, data)
        _raise_problems(dr, new, today)
        if not confirm_entry(new):
            return None
    return write_entry(dr, data, today)


def _normalise(dr: DataRoot, values: dict[str, Any]) -> dict[str, Any]:
    """What is unambiguous: a status by its label or code in any case, a task id in any case,
    a correction given as a path on disk (made relative to the data root)."""
    if values.get("status"):
        values["status"] = userinput.status_code(values["status"]) or values["status"]
    if values.get("task") and dr.appendix is not None:
        values["task"] = userinput.task_id(values["task"], [t.id for t in dr.appendix.tasks()]) or values["task"]
    if values.get("unit") and values["unit"].upper() in dr.units:
        values["unit"] = values["unit"].upper()
    corrects = values.get("corrects")
    if corrects:
        path = Path(corrects)
        if path.is_absolute() or (Path.cwd() / path).exists():
            try:
                values["corrects"] = (Path.cwd() / path).resolve().relative_to(dr.root.resolve()).as_posix()
            except ValueError:
                raise UsageError(f"--corrects {corrects}: tệp không nằm trong thư mục dữ liệu {dr.root}.") from None
    return values


OPTION_OF = {**{k: f"--{k}" for k in Entry.model_fields}, "outputs": "--output", "indicators": "--indicator"}


def _raise_problems(dr: DataRoot, new: entry_write.NewEntry, today: dt.date) -> None:
    """Problems told by the option (or answer) they are about, not by the file not yet written."""
    _, problems = entry_write.check(dr, [new], today)
    if problems:
        lines: list[str] = []
        for p in problems:
            key, index, _ = entry_write.key_at(new.text, p.line)
            where = OPTION_OF.get(key or "", "mục mới") + (f" thứ {index + 1}" if index >= 0 else "")
            message = _as_option(p.message) if index < 0 else p.message
            lines.append(f"  {where}: {p.severity} {p.code}: {message}{_unseen_at(new.text, p)}")
        raise DataError("mục mới không hợp lệ; chưa ghi tệp nào:", details=tuple(lines))


_FILE_FIX = re.compile(r'Hãy sửa thành `(\w+): "?([^`"]*)"?`')


def _as_option(message: str) -> str:
    """A fix worded for a file (`status: "in_progress"`) said as the option to type instead."""

    def option(m: re.Match[str]) -> str:
        if m[1] not in OPTION_OF or not m[2]:
            return m[0]
        value = m[2] if re.fullmatch(r"[\w.\-]+", m[2]) else f'"{m[2]}"'
        return f"Hãy gõ `{OPTION_OF[m[1]]} {value}`"

    return _FILE_FIX.sub(option, message)


_VALUE_START = re.compile(r'^\s*(?:- )?(?:\w+: "?)?')


def _unseen_at(text: str, p: Problem) -> str:
    """Where an invisible character pasted into an option sits: the words just before it, since
    the typed value has no line or column a user could go to."""
    lines = text.split("\n")
    line = lines[p.line - 1] if p.code == "KH003" and 0 < p.line <= len(lines) else ""
    if not find_refused(line[p.col - 1 : p.col]):  # written escaped: the value's own message says where
        return ""
    from kehoach.commands.add_prompt import unseen_place

    before = _VALUE_START.sub("", line[: p.col - 1], count=1).replace('\\"', '"')
    return f" {unseen_place(before, 'giá trị')}."


def write_entry(dr: DataRoot, data: dict[str, Any], today: dt.date) -> Path:
    """Render, check exactly as validate would, then write under the first free name."""
    taken: set[str] = set()
    while True:
        new = entry_write.render(dr, data, taken)
        _raise_problems(dr, new, today)
        try:
            return entry_write.write_all([new])[0]
        except FileExistsError:
            taken.add(new.rel)  # taken between our check and the write: try the next suffix


def parse_items(texts: list[str], option: str) -> list[dict[str, object]]:
    """--output / --indicator values → entry items; a malformed one is a usage error naming it."""
    parse = userinput.parse_output if option == "--output" else userinput.parse_indicator
    out: list[dict[str, object]] = []
    for text in texts:
        try:
            out.append(parse(unicodedata.normalize("NFC", text)))
        except ValueError as exc:
            raise UsageError(f"{option} «{text}»: {exc}.") from None
    return out
