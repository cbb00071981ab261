"""Helpers every command shares: find the data root, load and check it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kehoach import layout
from kehoach.check import check_root
from kehoach.errors import DataError, UsageError
from kehoach.load.files import find_root
from kehoach.load.root import CleanRoot, DataRoot, clean, load_root
from kehoach.problems import Problem, sort_key


@dataclass
class Said:
    """What a command tells the user, in order, and its exit code.

    The printing convention: commands return their results (a value, or a Said for commands
    that report as they go), and cli.py alone prints them. Only `add`'s questions talk to the
    terminal directly, being a dialogue."""

    lines: list[tuple[str, bool, bool]] = field(default_factory=list)  # (text, on stderr, newline)
    code: int = 0

    def out(self, text: str = "", *, nl: bool = True) -> None:
        self.lines.append((text, False, nl))

    def err(self, text: str) -> None:
        self.lines.append((text, True, True))


def resolve_root(root: Path | None) -> Path:
    if root is not None:
        if not layout.is_root(root):
            raise UsageError(f"thư mục {root} không có thư mục plan/; hãy chỉ đúng thư mục dữ liệu bằng --root.")
        return root.resolve()
    found = find_root(Path.cwd())
    if found is None:
        raise UsageError(
            "không tìm thấy thư mục dữ liệu (có thư mục plan/) ở đây hay các thư mục cha; "
            "hãy chạy lệnh trong kho dữ liệu hoặc dùng --root."
        )
    return found


@dataclass
class Checked:
    data: DataRoot
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_checked(root: Path, today: dt.date) -> Checked:
    dr = load_root(root)
    problems = dr.problems + check_root(dr, today)
    problems.sort(key=sort_key)
    return Checked(dr, problems)


PLAN_ONLY = layout.PLAN_SCOPE
"""For commands that need only the plan and units to be sound (`plan`, `add`): a broken
entry of another unit must not stop someone from reading the plan or adding their own."""


def load_clean(root: Path, today: dt.date, scope: tuple[str, ...] | None = None) -> CleanRoot:
    """The data root, or DataError listing what `kehoach validate` would refuse (within `scope`)."""
    checked = load_checked(root, today)
    errors = [p for p in checked.errors if scope is None or p.path.startswith(scope)]
    if errors:
        raise DataError(
            f"dữ liệu có {len(errors)} lỗi; hãy sửa theo các dòng trên (hoặc chạy `kehoach validate`) rồi chạy lại.",
            errors,
        )
    return clean(checked.data)


def require_unit(dr: DataRoot, unit: str | None) -> str | None:
    """The Department unit that --unit names (any case, stray blanks allowed), or None without
    --unit. An unknown code or a body outside the Department (UBND tỉnh, the Ministry: they
    receive reports, they do not send them) is a usage error (exit 2)."""
    if unit is None:
        return None
    code = unit.strip().upper()
    if code in dr.units and dr.units[code].internal:
        return code
    codes = ", ".join(sorted(c for c, u in dr.units.items() if u.internal))
    if code in dr.units:
        raise UsageError(
            f"`{code}` ({dr.units[code].name}) là cơ quan ngoài Sở, nơi nhận báo cáo, không phải đơn vị "
            f"báo cáo; --unit cần mã đơn vị thuộc Sở: {codes}.",
            code="KH231",
        )
    from kehoach.load.suggest import did_you_mean

    internal = [c for c, u in dr.units.items() if u.internal]
    raise UsageError(
        f"không có đơn vị `{unit}`.{did_you_mean(code, internal)} Các mã đơn vị thuộc Sở: {codes}.", code="KH230"
    )
