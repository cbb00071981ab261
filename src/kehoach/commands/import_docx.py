"""`kehoach import-docx FILE.docx [-o DIR] [--force]`: adopt a plan from Word.

Reads the document (kehoach.docximport), refuses to overwrite YAML that is
already there unless --force, writes plan/ and units/ atomically, validates
what it wrote and prints a Vietnamese summary: imported, needs a look, refused.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from kehoach import layout
from kehoach.chars import for_terminal
from kehoach.commands.common import Said, load_checked
from kehoach.docximport.adopt import Result, adopt
from kehoach.docximport.notes import Note
from kehoach.docximport.yamlout import dump
from kehoach.errors import UsageError
from kehoach.load.files import load_model
from kehoach.model.unit import Unit
from kehoach.write import atomic_write


def _known_units(output: Path) -> dict[str, tuple[str, str | None]]:
    known: dict[str, tuple[str, str | None]] = {}
    for path in sorted((output / layout.UNITS_DIR).glob(f"*{layout.SUFFIX}")):
        unit, _, _ = load_model(path, layout.unit_file(path.stem), Unit)
        if unit is not None:
            known[unit.code] = (unit.name, unit.short_name)
    return known


def _files(res: Result, source: Path, output: Path) -> dict[str, str]:
    """Each file's text, written through yamlfmt (the form `kehoach fmt` gives)."""
    plan_header = f"Kế hoạch — phần văn bản, nhập từ {source.name} bằng `kehoach import-docx`."
    if res.plan_missing:
        plan_header += (
            "\nDòng «CẦN BỔ SUNG» là thông tin không tìm thấy trong tệp Word: hãy điền rồi chạy `kehoach validate`."
        )
    specs: list[tuple[str, str, dict[str, Any], str]] = [
        (
            layout.TASKS_FILE,
            "tasks",
            res.appendix or {},  # run() stops before when there is none
            f"Phụ lục: nhiệm vụ cụ thể ({res.tasks} nhiệm vụ), nhập từ {source.name} bằng `kehoach import-docx`.",
        ),
        (layout.PLAN_FILE, "plan", res.plan, plan_header),
    ]
    specs += [(layout.unit_file(code), "unit", unit, f"{unit['name']}.") for code, unit in res.units.items()]
    return {rel: dump(data, kind, output / rel, output, header) for rel, kind, data, header in specs}


def _out(said: Said, text: str = "") -> None:
    """One line for the user; text from the document in it is shown escaped."""
    said.out(for_terminal(text))


def _list(said: Said, title: str, notes: list[Note]) -> None:
    if notes:
        _out(said, f"{title} ({len(notes)}):")
        for n in notes:
            _out(said, f"  - {n.where}: {n.message}")


def run(source: Path, output: Path, force: bool, today: dt.date) -> Said:
    if os.path.lexists(output) and not output.is_dir():
        raise UsageError(f"{for_terminal(output)} là một tệp, không phải thư mục; -o phải là thư mục dữ liệu sẽ ghi.")
    said = Said()
    res = adopt(source, _known_units(output), today)
    if res.appendix is None:
        _out(said, f"Không nhập được {source.name}: không tìm thấy nhiệm vụ nào dùng được; không ghi tệp nào.")
        _list(said, "Cần xem lại", res.notes.look)
        _list(said, "Không nhập được", res.notes.refused)
        said.code = 1
        return said
    files = _files(res, source, output)
    existing = [rel for rel in files if (output / rel).exists()]
    if existing and not force:
        raise UsageError(
            f"trong {output} đã có {', '.join(existing)}; không ghi đè. Hãy chọn thư mục khác bằng -o, "
            "hoặc thêm --force nếu muốn thay các tệp này."
        )
    for rel, text in files.items():
        atomic_write(output / rel, text.encode("utf-8"))
    checked = load_checked(output, today)
    expected = [p for p in checked.errors if p.path == layout.PLAN_FILE and p.code == "KH021" and res.plan_missing]
    errors = [p for p in checked.errors if p not in expected]
    warnings = [p for p in checked.problems if p.severity == "warning"]
    _out(
        said,
        f"Đã nhập {source.name} vào {output}: {res.tasks} nhiệm vụ trong {res.groups} nhóm, "
        f"{len(res.names)} đơn vị ({len(res.units)} đơn vị mới).",
    )
    _out(said, "Đã ghi: " + ", ".join(files))
    if res.plan_missing:
        _out(
            said,
            f"plan/plan.yaml còn thiếu {', '.join(res.plan_missing)} (đánh dấu «# CẦN BỔ SUNG» trong tệp); "
            "`kehoach validate` sẽ báo lỗi cho tới khi bổ sung.",
        )
    _list(said, "Cần xem lại", res.notes.look + [Note(f"{p.path}:{p.line}", p.message) for p in warnings])
    _list(said, "Không nhập được", res.notes.refused)
    if errors:
        _out(
            said,
            f"Dữ liệu vừa ghi chưa hợp lệ ({len(errors)} lỗi); hãy sửa theo các dòng dưới rồi chạy `kehoach validate`:",
        )
        for p in errors:
            _out(said, "  " + p.render())
        said.code = 1
        return said
    _out(
        said,
        "Kiểm tra dữ liệu vừa ghi: không có lỗi."
        if not expected
        else "Kiểm tra dữ liệu vừa ghi: Phụ lục và đơn vị không có lỗi; chỉ còn các mục thiếu của plan/plan.yaml nêu trên.",
    )
    return said
