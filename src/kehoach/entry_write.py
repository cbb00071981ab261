"""New progress entries (`add`, `import-xlsx`): canonical text, checked exactly as validate, atomic writes.

Each new entry is rendered by the formatter (yamlfmt), re-read through the same
strict loader, model and rules as `kehoach validate` (together with the entries
already on disk, so corrections and duplicates are judged as validate would),
and only then written atomically under a free name (`-2`, `-3` … when taken).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kehoach import layout
from kehoach.check.entry_rules import check_entries
from kehoach.errors import KehoachError
from kehoach.load.files import parse_mapping
from kehoach.load.root import DataRoot, LoadedEntry
from kehoach.load.schema_errors import problems_from
from kehoach.load.text import check as text_check
from kehoach.model.entry import Entry
from kehoach.problems import Problem
from kehoach.write import atomic_write, atomic_write_new

MAX_SUFFIX = 99


@dataclass(frozen=True)
class NewEntry:
    rel: str
    path: Path
    text: str


def unit_folder(dr: DataRoot, unit: str) -> Path:
    folder = dr.root / layout.PROGRESS_DIR / unit
    if folder.is_symlink() or folder.parent.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise KehoachError(f"{folder} không phải là một thư mục thường; hãy xóa hoặc đổi tên nó rồi chạy lại.")
    return folder


def render(dr: DataRoot, data: dict[str, Any], taken: set[str] | frozenset[str] = frozenset()) -> NewEntry:
    """`data` as a canonical entry file under the first name free on disk and not in `taken`."""
    from kehoach.yamlfmt import dump_new

    folder = unit_folder(dr, str(data.get("unit", "")))
    date = str(data["date"])
    for n in range(1, MAX_SUFFIX + 1):
        path = folder / f"{layout.entry_stem(date, str(data.get('task', '')), n)}{layout.SUFFIX}"
        rel = path.relative_to(dr.root).as_posix()
        if rel in taken or os.path.lexists(path):  # a dangling symlink counts as taken: never write through it
            continue
        return NewEntry(rel, path, dump_new(data, "entry", path, dr.root))
    raise KehoachError(f"đã có quá nhiều mục cùng ngày cho nhiệm vụ này trong {folder}.")


def parse(new: NewEntry) -> tuple[Entry | None, list[Problem]]:
    """The entry as validate would read it from disk, or the problems that stop it."""
    problem = text_check(new.text, new.rel)
    data, problem = (None, problem) if problem else parse_mapping(new.text, new.rel)
    if problem:
        return None, [problem]
    try:
        return Entry.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from(exc, new.text, new.rel, Entry)


def check(dr: DataRoot, new: list[NewEntry], today: dt.date) -> tuple[list[Entry], list[Problem]]:
    """(entries, errors of the new files): every rule of validate, judged with what is on disk."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    loaded: list[LoadedEntry] = []
    for ne in new:
        entry, found = parse(ne)
        problems += found
        if entry is not None:
            entries.append(entry)
            loaded.append(LoadedEntry(ne.rel, entry))
    if loaded:
        every = sorted(dr.entries + loaded, key=lambda le: tuple(le.rel.split("/")))  # validate's order
        trial = DataRoot(
            root=dr.root,
            source=dr.source,
            plan=dr.plan,
            appendix=dr.appendix,
            units=dr.units,
            broken_units=dr.broken_units,
            entries=every,
            pending={ne.rel: ne.text for ne in new},
        )
        mine = {ne.rel for ne in new}
        problems += [p for p in check_entries(trial, today) if p.severity == "error" and p.path in mine]
    return entries, problems


_KEY = re.compile(r"^(\w+):")
_ITEM_KEY = re.compile(r"^\s+(?:- )?(\w+):")


def key_at(text: str, line: int) -> tuple[str | None, int, str | None]:
    """(top-level key, item index or -1, key inside the item) of a line of a rendered entry,
    to tell a problem by the value it is about rather than by a file not yet written."""
    lines = text.split("\n")
    line = max(1, min(line, len(lines)))
    top = next((i for i in range(line - 1, -1, -1) if _KEY.match(lines[i])), None)
    if top is None:
        return None, -1, None
    key = lines[top].split(":", 1)[0]
    if key not in ("outputs", "indicators") or line - 1 == top:
        return key, -1, None
    index = sum(1 for i in range(top + 1, line) if lines[i].lstrip().startswith("- ")) - 1
    sub = _ITEM_KEY.match(lines[line - 1])
    return key, index, sub[1] if sub else None


def write_all(new: list[NewEntry]) -> list[Path]:
    """Write every file or none (write.atomic_write_new)."""
    if len(new) == 1:
        return [atomic_write(new[0].path, new[0].text.encode("utf-8"), overwrite=False)]
    return atomic_write_new([(ne.path, ne.text.encode("utf-8")) for ne in new])
