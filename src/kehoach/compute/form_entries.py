"""A filled form's cells → entry values, with every problem named by sheet, row and column.

Only what is unambiguous is accepted (kehoach.userinput): statuses by label or
code in any case, Excel dates or 20/05/2026, numbers typed as text ("92,5").
Text is cleaned as entries need it (NFC, non-breaking spaces, legacy encodings
converted and listed); control characters are left for the model to refuse, so
the rules stay those of `kehoach validate`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kehoach import formlayout as fl
from kehoach import legacy, userinput
from kehoach.load.form_xlsx import Cell, Form, as_date
from kehoach.problems import Problem, make

_NBSP = re.compile("[\u00a0\u2007\u202f]")
REQUIRED = ("task", "date", "status", "summary")


@dataclass
class Source:
    """Where each value of one entry came from, to name the cell of a problem."""

    report: dict[str, Cell]
    outputs: list[dict[str, Cell]] = field(default_factory=list)
    indicators: list[dict[str, Cell]] = field(default_factory=list)


@dataclass
class Rows:
    entries: list[tuple[dict[str, Any], Source]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    look: list[str] = field(default_factory=list)
    blank: int = 0


def where(cell: Cell) -> str:
    return f"{cell.sheet}, dòng {cell.row}, cột {cell.title}"


def cell_problem(path: str, cell: Cell, code: str, message: str) -> Problem:
    return make(code, path, cell.row, cell.col, f"{where(cell)}: {message}")


class _Reader:
    def __init__(self, path: str, rows: Rows) -> None:
        self.path, self.rows = path, rows

    def fail(self, cell: Cell, code: str, message: str) -> None:
        self.rows.problems.append(cell_problem(self.path, cell, code, message))

    def text(self, cell: Cell) -> str | None:
        value = cell.value
        if value is None:
            return None
        if isinstance(value, (dt.date, dt.datetime)):
            self.fail(cell, "KH166", "ô chữ lại chứa ngày; hãy gõ lại dạng chữ")
            return None
        if isinstance(value, bool):
            self.fail(cell, "KH166", "ô chữ lại chứa giá trị đúng/sai (TRUE/FALSE); hãy gõ lại dạng chữ")
            return None
        text = value if isinstance(value, str) else _number_text(value)
        text = unicodedata.normalize("NFC", _NBSP.sub(" ", text.replace("\r\n", "\n").replace("_x000D_", "")))
        conv = legacy.convert(text, cell.font)
        if conv.changed:
            how = f"phông {cell.font}" if conv.by_font else "chữ trông như mã cũ"
            self.rows.look.append(
                f"{where(cell)}: đã chuyển mã {conv.encoding} → Unicode ({how}): «{_short(conv.text)}»; hãy xem lại."
            )
            text = conv.text
        lines = [line.rstrip() for line in text.strip().split("\n")]
        return "\n".join(lines) or None

    def date(self, cell: Cell, today: dt.date | None) -> str | None:
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return today.isoformat() if today else None
        got = as_date(value)
        if got is not None:
            return got.isoformat()
        if isinstance(value, dt.datetime):
            self.fail(cell, "KH167", f"ô ngày có cả giờ ({value:%d/%m/%Y %H:%M}); hãy chỉ ghi ngày, ví dụ 20/05/2026")
            return None
        if isinstance(value, (int, float)):
            self.fail(
                cell, "KH167", f"ô ngày chứa số {value}, không phải ngày; hãy định dạng ô là ngày và gõ 20/05/2026"
            )
            return None
        try:
            return userinput.parse_date(str(value)).isoformat()
        except ValueError as exc:
            self.fail(cell, "KH167", str(exc))
            return None

    def number(self, cell: Cell) -> float | None:
        value = cell.value
        if isinstance(value, bool):
            self.fail(cell, "KH168", "giá trị phải là một số, không phải TRUE/FALSE")
            return None
        if isinstance(value, (int, float)):
            return userinput.whole(float(value))
        if isinstance(value, str):
            try:
                return userinput.parse_number(value)
            except ValueError as exc:
                self.fail(cell, "KH168", str(exc))
                return None
        self.fail(cell, "KH168", "giá trị phải là một số, ví dụ 92,5")
        return None


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _short(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= 60 else one[:59] + "…"


def _empty(cells: dict[str, Cell], keys: tuple[str, ...]) -> bool:
    return all(cells[k].value is None or (isinstance(cells[k].value, str) and not cells[k].value.strip()) for k in keys)


def _task_of(r: _Reader, cell: Cell, ids: list[str]) -> str | None:
    raw = r.text(cell)
    if raw is None:
        r.fail(cell, "KH170", "thiếu số hiệu nhiệm vụ")
        return None
    found = userinput.task_id(raw, ids)
    if found is None:
        r.fail(cell, "KH170", f"nhiệm vụ «{raw}» không có trong Phụ lục; xem danh sách bằng `kehoach plan`")
    return found


def read_rows(form: Form, path: str, unit: str, ids: list[str], today: dt.date) -> Rows:
    """Entry values (keys in the entry's field order) for every row with something in it."""
    rows = Rows()
    rows.look += [
        f"{c.sheet}, dòng {c.row}, cột {c.title}: ô nằm ngoài các cột của biểu mẫu nên không được nhập; "
        "nếu là nội dung báo cáo, hãy chuyển vào đúng cột rồi nhập lại."
        for c in form.outside
    ]
    r = _Reader(path, rows)
    inputs = tuple(c.key for c in fl.REPORT_COLUMNS if c.input)
    by_task: dict[str, list[tuple[dict[str, Any], Source]]] = {}
    for cells in form.report:
        if _empty(cells, inputs):
            if not _empty(cells, ("task",)):
                rows.blank += 1
            continue
        task = _task_of(r, cells["task"], ids)
        status_cell = cells["status"]
        status_text = r.text(status_cell)
        status = userinput.status_code(status_text) if status_text else None
        if status_text is None:
            r.fail(status_cell, "KH169", f"thiếu Tình trạng; chọn một trong: {userinput.status_help()}")
        elif status is None:
            r.fail(
                status_cell,
                "KH166",
                f"«{status_text}» không phải tình trạng; chọn một trong: {userinput.status_help()}",
            )
        date_cell = cells["date"]
        if date_cell.value is None:
            rows.look.append(f"{where(date_cell)}: để trống, lấy ngày nhập {today:%d/%m/%Y}.")
        data: dict[str, Any] = {"task": task, "unit": unit, "date": r.date(date_cell, today), "status": status}
        data["summary"] = r.text(cells["summary"])
        if data["summary"] is None:
            r.fail(cells["summary"], "KH169", "thiếu Kết quả thực hiện; hãy tóm tắt kết quả trong kỳ")
        for key in ("difficulties", "proposals", "author"):
            data[key] = r.text(cells[key])
        if all(data[k] is not None for k in REQUIRED):  # otherwise the reader has told what is missing
            item = (data, Source(cells))
            rows.entries.append(item)
            by_task.setdefault(data["task"], []).append(item)
    _join(r, form.outputs, by_task, ids, "outputs", _output)
    _join(r, form.indicators, by_task, ids, "indicators", _indicator)
    return rows


def _output(r: _Reader, cells: dict[str, Cell]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": r.text(cells["kind"]), "number": r.text(cells["number"])}
    out["date"] = r.date(cells["date"], None)
    out["title"] = r.text(cells["title"])
    for key in ("kind", "title"):
        if out[key] is None:
            r.fail(cells[key], "KH169", f"thiếu {cells[key].title}")
    return {k: v for k, v in out.items() if v is not None}


def _indicator(r: _Reader, cells: dict[str, Cell]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": r.text(cells["name"])}
    if out["name"] is None:
        r.fail(cells["name"], "KH169", "thiếu tên chỉ tiêu")
    if cells["value"].value is None:
        r.fail(cells["value"], "KH169", "thiếu giá trị")
    else:
        out["value"] = r.number(cells["value"])
    out["unit"] = r.text(cells["unit"])
    return {k: v for k, v in out.items() if v is not None}


def _join(
    r: _Reader,
    sheet: list[dict[str, Cell]],
    by_task: dict[str, list[tuple[dict[str, Any], Source]]],
    ids: list[str],
    key: str,
    read: Callable[[_Reader, dict[str, Cell]], dict[str, Any]],
) -> None:
    """Each output/indicator row goes to the entry of its task (the last row if there are several)."""
    keys = tuple(sheet[0]) if sheet else ()
    for cells in sheet:
        if _empty(cells, keys):
            continue
        errors = len(r.rows.problems)
        task = _task_of(r, cells["task"], ids)
        item = read(r, cells)
        if task is None or len(r.rows.problems) > errors:  # told once, by the reader
            continue
        targets = by_task.get(task)
        if not targets:
            r.fail(
                cells["task"],
                "KH170",
                f"nhiệm vụ {task} chưa có dòng báo cáo (Tình trạng, Kết quả thực hiện) trong sheet «{fl.REPORT}»; "
                "hãy điền dòng đó hoặc xóa dòng này",
            )
            continue
        data, source = targets[-1]
        data.setdefault(key, []).append(item)
        getattr(source, key).append(cells)
