"""`kehoach fmt [--check] [PATH…]`: rewrite data files in the canonical form (see yamlfmt).

A file that does not read (bad encoding, YAML syntax, …) is reported with the
validator's problem line and left untouched. `--check` writes nothing and
exits 1 listing the files that would change, each with what differs (render/textdiff).
The editor modeline is added by `fmt` but not required by `--check`: a tidy file
written by hand without it passes.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import typer

from kehoach import layout
from kehoach.chars import for_terminal
from kehoach.commands.common import Said
from kehoach.errors import UsageError
from kehoach.load import text as textmod
from kehoach.load import tree
from kehoach.load.files import find_root, parse_mapping
from kehoach.problems import make
from kehoach.render import textdiff
from kehoach.write import atomic_write
from kehoach.yamlfmt import MODELINE, CannotFormat, format_text


def kind_of(root: Path, path: Path) -> str | None:
    """plan, tasks, unit or entry by the file's place in its data root (layout.py); None for other files."""
    try:
        # the folder is resolved, the file itself is not: a link is judged where it lies (and refused)
        rel = (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    return layout.file_kind(rel)


def targets(root: Path, paths: list[Path]) -> list[Path]:
    """The YAML files named or found under the named folders (default: plan/, units/, progress/)."""
    if not paths:
        paths = [root / d for d in layout.DATA_DIRS if (root / d).is_dir()]
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.yaml") if f.is_file() and not f.name.startswith("."))
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"không tìm thấy {p}; hãy kiểm tra đường dẫn.")
    return list(dict.fromkeys(out))


def _show(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # Windows: on another drive than the working directory
        return path.as_posix()
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


# O_NONBLOCK (POSIX): a FIFO never blocks; O_NOFOLLOW (POSIX): a link is never read through;
# O_BINARY (Windows): no newline translation. Each is 0 where the system has no such flag.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _read(path: Path) -> bytes:
    """The file's bytes, never through a link and never more than enough to tell it is too large."""
    with open(os.open(path, _READ_FLAGS), "rb") as fh:
        return fh.read(textmod.MAX_BYTES + 1)  # decode refuses a file that large


def format_file(path: Path, root: Path) -> tuple[str | None, str | None, str | None]:
    """(current text, canonical text, problem line). Canonical is None when the file cannot be formatted."""
    code = tree.kind_code(os.lstat(path).st_mode)
    if code is not None:  # a link is never read or written through (it may point outside the data root)
        return None, None, tree.problem(code, _show(path)).render()
    kind = kind_of(root, path)
    try:
        data = _read(path)
    except OSError as exc:
        return None, None, make("KH001", _show(path), 1, 1, f"không đọc được tệp ({exc.strerror}).").render()
    text, problem = textmod.decode(data, _show(path))
    if problem is not None or text is None:
        return None, None, problem.render() if problem else None
    if kind is None:
        return text, None, f"{_show(path)}: không phải tệp dữ liệu (plan/, units/, progress/); tệp được giữ nguyên."
    fixed = unicodedata.normalize("NFC", text)
    problem = textmod.check(fixed, _show(path))
    if problem is None:
        _, problem = parse_mapping(fixed, _show(path))
    if problem is not None:
        return text, None, problem.render()
    try:
        return text, format_text(fixed, kind, path, root), None
    except CannotFormat as exc:
        return (
            text,
            None,
            f"{for_terminal(_show(path), line=True)}: không định dạng được an toàn: {exc}; tệp được giữ nguyên.",
        )


def run(root: Path, paths: list[Path], check: bool) -> Said:
    said = Said()
    changed: list[Path] = []
    failed, skipped, total = 0, 0, 0
    for path in targets(root, paths):
        data_root = find_root(path.parent)
        if data_root is None or kind_of(data_root, path) is None:
            skipped += 1
            continue
        total += 1
        old, new, problem = format_file(path, data_root)
        if problem is not None:
            said.err(problem)
            failed += 1
            continue
        if new is None or old is None:
            continue
        try:
            raw = _read(path)
        except OSError as exc:  # replaced since it was read: judged again on the next run
            said.err(make("KH001", _show(path), 1, 1, f"không đọc được tệp ({exc.strerror}).").render())
            failed += 1
            continue
        if check:
            expected = new if old.startswith(MODELINE) else new.partition("\n")[2]  # the modeline is optional
            if expected == old and not raw.startswith(textdiff.BOM):
                continue
            changed.append(path)
            _report(said, path, raw, old, expected)
        elif new != old or raw.startswith(textdiff.BOM):
            changed.append(path)
            atomic_write(path, new.encode("utf-8"))
            said.out(f"Đã định dạng lại: {for_terminal(_show(path), line=True)}")
    said.code = _summary(said, total, changed, failed, skipped, check)
    return said


def _report(said: Said, path: Path, raw: bytes, old: str, expected: str) -> None:
    """What differs from the canonical form: named in words, then a unified diff (coloured on a terminal)."""
    shown = for_terminal(_show(path), line=True)
    said.out(f"Chưa đúng dạng chuẩn: {shown}")
    for note in textdiff.explain(raw, old, expected):
        said.out(f"  - {note}")
    plain = bool(os.environ.get("NO_COLOR"))
    for diff_line, colour in map(textdiff.colour, textdiff.unified(old, expected, shown)):
        line = for_terminal(diff_line)  # data never drives the terminal
        said.out(typer.style(line, fg=colour) if colour and not plain else line)  # stripped when not a terminal


def _summary(said: Said, total: int, changed: list[Path], failed: int, skipped: int, check: bool) -> int:
    if skipped:
        said.err(f"Bỏ qua {skipped} tệp không thuộc plan/, units/, progress/ của một thư mục dữ liệu.")
    if failed:
        said.err(
            f"{failed} tệp có lỗi nên được giữ nguyên; hãy sửa theo các dòng trên "
            "(xem thêm `kehoach validate`) rồi chạy lại `kehoach fmt`."
        )
    if check and changed:
        said.out(f"{len(changed)}/{total} tệp chưa đúng dạng chuẩn; hãy chạy `kehoach fmt` rồi commit lại.")
    elif changed:
        said.out(f"Đã định dạng lại {len(changed)}/{total} tệp.")
    elif not failed and total:
        said.out(f"Cả {total} tệp đã đúng dạng chuẩn.")
    return 1 if failed or (check and changed) else 0
