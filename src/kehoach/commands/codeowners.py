"""`kehoach codeowners [--check]`: .github/CODEOWNERS from units/ (who reviews which folder).

Each unit's progress folder is owned by its `reviewers`; plan/, templates/ and
units/ by the reviewers of the focal unit (plan.yaml reporting.focal_unit).
Units without reviewers are listed as a comment: owners are never invented.
"""

from __future__ import annotations

from pathlib import Path

import typer

from kehoach.load.root import DataRoot, load_root
from kehoach.write import atomic_write

DEFAULT = Path(".github") / "CODEOWNERS"


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
        lines += [f"# Kế hoạch, mẫu văn bản, danh sách đơn vị: đơn vị đầu mối {focal}."]
        lines += [f"/{d}/ {owners}" for d in ("plan", "templates", "units")]
    else:
        lines += [f"# plan/, templates/, units/: đơn vị đầu mối {focal or '(chưa khai báo)'} chưa có người duyệt "
                  "(`reviewers:`)."]
    lines.append("")
    lines.append("# Mục tiến độ của từng đơn vị.")
    missing = []
    for code in sorted(dr.units):
        unit = dr.units[code]
        if unit.reviewers:
            lines.append(f"/progress/{code}/ {' '.join(_owner(r) for r in unit.reviewers)}")
        else:
            missing.append(code)
    if missing:
        lines.append(f"# Chưa có người duyệt (`reviewers:` trống): {', '.join(missing)}.")
    return "\n".join(lines) + "\n"


def run(root: Path, output: Path | None, check: bool) -> int:
    path = output if output is not None else root / DEFAULT
    text = render(load_root(root))
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
