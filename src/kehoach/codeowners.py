"""What .github/CODEOWNERS should say for a data root: who reviews which folder.

Neutral: the check (KH042) compares the file with it and `kehoach codeowners` writes it;
nothing here reads or writes files."""

from __future__ import annotations

from kehoach.layout import PLAN_DIR, PROGRESS_DIR, TOOL_PATTERNS, UNITS_DIR
from kehoach.load.root import DataRoot


def _owner(name: str) -> str:
    return name if name.startswith("@") or "@" in name else f"@{name}"


def render(dr: DataRoot) -> str:
    """The CODEOWNERS text for a loaded data root."""
    lines = [
        "# Tệp này do `kehoach codeowners` tạo từ units/ — đừng sửa tay.",
        "# Muốn đổi người duyệt: sửa khóa `reviewers:` trong units/<MÃ>.yaml rồi chạy `kehoach codeowners`.",
        "",
    ]
    focal = dr.plan.reporting.focal_unit if dr.plan is not None else None
    focal_unit = dr.units.get(focal) if focal else None
    if focal_unit is not None and focal_unit.reviewers:
        owners = " ".join(_owner(r) for r in focal_unit.reviewers)
        lines += [f"# Kế hoạch, danh sách đơn vị: đơn vị đầu mối {focal}."]
        lines += [f"/{d}/ {owners}" for d in (PLAN_DIR, UNITS_DIR)]
        lines += [f"# Công cụ, mẫu văn bản, khóa phiên bản và CI (cần người quản trị duyệt): đơn vị đầu mối {focal}."]
        lines += [f"{pattern} {owners}" for pattern in TOOL_PATTERNS]
    else:
        lines += [
            f"# plan/, units/, công cụ, mẫu văn bản và CI: đơn vị đầu mối {focal or '(chưa khai báo)'} "
            "chưa có người duyệt (`reviewers:`)."
        ]
    lines.append("")
    lines.append("# Mục tiến độ của từng đơn vị.")
    missing = []
    for code in sorted(dr.units):
        unit = dr.units[code]
        if unit.reviewers:
            lines.append(f"/{PROGRESS_DIR}/{code}/ {' '.join(_owner(r) for r in unit.reviewers)}")
        else:
            missing.append(code)
    if missing:
        lines.append(f"# Chưa có người duyệt (`reviewers:` trống): {', '.join(missing)}.")
    return "\n".join(lines) + "\n"
