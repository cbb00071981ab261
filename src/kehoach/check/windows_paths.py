"""KH241: a file or folder in plan/, units/, progress/ or templates/ that Windows cannot create
(a device name such as `progress/CON/` or `units/NUL.txt`, a trailing dot or space, one of
< > : " | ? * \\): Git for Windows refuses to check out the whole repository.

Unit codes are refused where they are written (KH240), and unit files and entries are named
after their content (KH033), so unit files and the files inside unit folders are left to those
rules: this sees the names nothing else judges (folders kept by .gitkeep, stray files, templates).
Names are listed, never followed, and not checked in progress/<UNIT>/ (KH033, KH200 cover them).
"""

from __future__ import annotations

from kehoach import winnames
from kehoach.layout import PROGRESS_DIR, READ_DIRS, SUFFIX, UNITS_DIR
from kehoach.load.root import DataRoot
from kehoach.load.tree import DEPTH
from kehoach.problems import Problem, make


def _levels(top: str) -> int:
    """How many levels of names to look at: as deep as load/tree.py lists (deeper is KH122),
    but only the unit folders of progress/ (the names inside follow their content)."""
    return 1 if top == PROGRESS_DIR else DEPTH[top] + 1


def check_windows_paths(dr: DataRoot) -> list[Problem]:
    out: list[Problem] = []
    for top in READ_DIRS:
        for rel, is_dir in dr.source.names(top, _levels(top)):
            name = rel.rsplit("/", 1)[-1]
            if top == UNITS_DIR and name.endswith(SUFFIX) and not is_dir:
                continue  # a unit file: its name follows its code (KH033, KH240)
            if (why := winnames.refusal(name)) is not None:
                what = "thư mục" if is_dir else "tệp"
                fix = f"đổi tên {what} này (ví dụ thêm một chữ cái)" if winnames.device(name) else f"đổi tên {what} này"
                out.append(
                    make(
                        "KH241",
                        rel + ("/" if is_dir else ""),
                        1,
                        1,
                        f"Windows không tạo được {what} tên «{name}» ({why}), nên kho dữ liệu không mở (clone, "
                        f"checkout) được trên máy Windows; hãy {fix} hoặc xóa.",
                    )
                )
    return out
