"""Which files may live where, and the name a misplaced file should have.

Under progress/ only entries may live: `progress/<MÃ>/<YYYY-MM-DD>-<NHIỆM VỤ>[-N].yaml`.
Anything else there is an error naming the file's expected name (an entry saved as
`.yml`, `.YAML` or `.txt` would otherwise never reach the report). Under units/ a
YAML file with the wrong extension is an error; other files there are only warned
about. `classify` is the one place that decides what a name under progress/ is.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from kehoach.layout import ENTRY_NAME, IGNORED_NAMES, PROGRESS_DIR, SUFFIX, UNITS_DIR, entry_file
from kehoach.problems import Problem, make

if TYPE_CHECKING:
    from kehoach.load.source import Source

Kind = Literal["entry", "ignored", "stray"]

_YAMLISH = re.compile(r"^(?P<stem>.+?)(?:\.ya?ml)?(?:\.txt)?$", re.I)
_LOOKS_YAML = re.compile(r"\.ya?ml(\.txt)?$|\.txt$", re.I)
_ENTRY_STEM = re.compile(r"^\d{4}-\d{2}-\d{2}-[^/\s]+$")


def classify(name: str) -> Kind:
    """What a file name under progress/ is: an entry to read, a file to ignore, or a stray."""
    if name in IGNORED_NAMES:
        return "ignored"
    if name.endswith(SUFFIX) and name != SUFFIX:
        return "entry"
    return "stray"


def free_name(wanted: str, taken: Collection[str], same_as: str | None = None) -> str:
    """`wanted` (a root-relative …/<stem>.yaml path), or the first `-2`, `-3` … variant not in `taken`.
    `same_as` is the path being renamed: it does not block its own name."""
    base = wanted.removesuffix(SUFFIX)
    candidate, n = wanted, 1
    while candidate in taken and candidate != same_as:
        n += 1
        candidate = f"{base}-{n}{SUFFIX}"
    return candidate


def stray_problems(source: Source, rels: list[str], taken: Collection[str], units: Collection[str]) -> list[Problem]:
    """KH200 for each file under progress/ that is not an entry, naming what to do with it.
    Called only for such files (the error path), so it may read them; each is read at most
    once and compared only with entries of its folder that have its very size."""
    sizes: dict[str, dict[int, list[str]]] = {}  # folder -> size -> entries
    reserved = set(taken)  # names already advised, so that following every message at once works
    return [_stray(source, rel, reserved, units, sizes) for rel in rels]


def _stray(
    source: Source, rel: str, taken: set[str], units: Collection[str], sizes: dict[str, dict[int, list[str]]]
) -> Problem:
    parts = rel.split("/")
    name = parts[-1]
    copy_of = _identical_entry(source, rel, taken, sizes)
    if copy_of is not None:
        return make("KH200", rel, 1, 1, f"tệp này là bản sao của {copy_of}; hãy xóa tệp này.")
    wanted = _wanted(source, rel, units)
    if wanted is not None:
        target = free_name(wanted, taken)
        taken.add(target)
        return make(
            "KH200",
            rel,
            1,
            1,
            f"trong progress/ mỗi tệp phải là một mục tiến độ tên `<NĂM-THÁNG-NGÀY>-<NHIỆM VỤ>.yaml` "
            f"(đuôi .yaml viết thường) nên tệp này không được đọc; hãy đổi tên thành {target}.",
        )
    hint = "hãy chuyển tệp này ra khỏi progress/ hoặc xóa nó"
    if _LOOKS_YAML.search(name) or len(parts) == 3:
        hint = (
            "nếu đây là một mục tiến độ, hãy đặt tên theo dạng "
            "progress/<MÃ ĐƠN VỊ>/<NĂM-THÁNG-NGÀY>-<NHIỆM VỤ>.yaml (ví dụ progress/QLMT/2026-05-20-I.2.yaml); "
            "nếu không, " + hint
        )
    return make("KH200", rel, 1, 1, f"progress/ chỉ chứa các mục tiến độ; tệp `{name}` không được đọc — {hint}.")


def _wanted(source: Source, rel: str, units: Collection[str]) -> str | None:
    """The entry name the file should have: its own name with the extension (and the folder's
    case) fixed when that agrees with its content, else the name its content gives."""
    from kehoach.load.files import load_from  # the error path only
    from kehoach.model.entry import Entry

    parts = rel.split("/")
    m = _YAMLISH.match(parts[-1])
    own = None
    if len(parts) == 3 and m is not None and _ENTRY_STEM.match(m["stem"]) and _LOOKS_YAML.search(parts[-1]):
        folder = parts[1].upper() if parts[1].upper() in units else parts[1]
        own = f"{PROGRESS_DIR}/{folder}/{m['stem']}{SUFFIX}"
    entry, _, _ = load_from(source, rel, Entry)
    if entry is None:
        return own
    by_content = entry_file(entry.unit, entry.date, entry.task)
    name = ENTRY_NAME.match(own.rsplit("/", 1)[-1]) if own is not None else None
    agrees = name is not None and (name["date"], name["task"]) == (entry.date.isoformat(), entry.task)
    return own if own is not None and agrees and own.startswith(f"{PROGRESS_DIR}/{entry.unit}/") else by_content


def _identical_entry(
    source: Source, rel: str, taken: Collection[str], sizes: dict[str, dict[int, list[str]]]
) -> str | None:
    """An entry beside the file with the very same bytes (an editor's backup, a copy)."""
    folder = rel.rsplit("/", 1)[0] + "/"
    size = source.size(rel)
    if size is None:
        return None
    if folder not in sizes:
        index: dict[int, list[str]] = {}
        for other in sorted(t for t in taken if t.startswith(folder) and "/" not in t[len(folder) :]):
            if (n := source.size(other)) is not None:
                index.setdefault(n, []).append(other)
        sizes[folder] = index
    candidates = sizes[folder].get(size, [])
    if not candidates:
        return None
    data = source.small(rel)
    return next((other for other in candidates if data is not None and source.small(other) == data), None)


def unit_file_problem(rel: str) -> Problem:
    """A file under units/ that is not read: an error when it looks like YAML, else a warning."""
    name = rel.rsplit("/", 1)[-1]
    m = _YAMLISH.match(name)
    if m is not None and re.search(r"\.ya?ml(\.txt)?$", name, re.I):
        return make(
            "KH201",
            rel,
            1,
            1,
            f"tệp đơn vị phải có đuôi .yaml (viết thường) nên tệp này không được đọc; "
            f"hãy đổi tên thành {UNITS_DIR}/{m['stem']}{SUFFIX}.",
        )
    return make("KH040", rel, 1, 1, "tệp không có đuôi .yaml nên bị bỏ qua; hãy đổi tên nếu đây là dữ liệu.")
