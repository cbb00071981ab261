"""Find the appendix table by its header row and classify its rows.

A header is recognised by its column names, in any order and with the usual
synonyms ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện",
"Sản phẩm"…); a two-row header ("Cơ quan thực hiện" over "Chủ trì" |
"Phối hợp") is read too. Columns it does not know are ignored and reported.
Rows become group rows ("I. …", "A. …": merged across, or only the first
cells filled) or task rows ("1."); anything else is refused with where.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from kehoach.docximport.notes import Notes
from kehoach.docximport.read import Cell, Para, Row, Table
from kehoach.docximport.text import clean

LABELS = {
    "id": "TT",
    "content": "Nội dung thực hiện",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "timeline": "Tiến độ",
    "output": "Kết quả",
    "note": "Ghi chú",
}
REQUIRED = ("content", "lead", "timeline", "output")
_EXACT = {"tt": "id", "stt": "id", "số tt": "id", "số thứ tự": "id", "thứ tự": "id"}
_KEYWORDS = [
    ("chủ trì", "lead"),
    ("phối hợp", "coordinating"),
    ("ghi chú", "note"),
    ("tiến độ", "timeline"),
    ("thời gian", "timeline"),
    ("thời hạn", "timeline"),
    ("sản phẩm", "output"),
    ("kết quả", "output"),
    ("nội dung", "content"),
    ("nhiệm vụ", "content"),
    ("công việc", "content"),
]
_GROUP = re.compile(r"^(?P<mark>[IVX]{1,4}|[A-ZĐ])\s*[.)]\s*(?P<title>\S.*)$", re.S)
_MARK_ONLY = re.compile(r"^(?P<mark>[IVX]{1,4}|[A-ZĐ])\s*[.)]?$")
NUMBER = re.compile(r"^(\d{1,2})\s*[.)]?$")
_COLUMN_NO = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class Header:
    table: int
    rows: int  # how many rows the header takes
    columns: dict[str, int]  # field -> grid column
    extra: list[str] = field(default_factory=list)


@dataclass
class Line:
    kind: str  # "group" | "task"
    where: str
    values: dict[str, str] = field(default_factory=dict)  # task: field -> text; group: mark, title


def _norm(label: str) -> str:
    label = unicodedata.normalize("NFC", label).lower()
    label = re.sub(r"\(\d+\)", " ", label)
    return " ".join(re.sub(r"[:.*]", " ", label).split())


def column_of(label: str) -> str | None:
    norm = _norm(label)
    if not norm:
        return None
    if norm in _EXACT:
        return _EXACT[norm]
    return next((f for word, f in _KEYWORDS if word in norm), None)


def _labels(row: Row, below: Row | None) -> dict[int, str]:
    labels = {c.col: c.raw for c in row.cells}
    if below is not None:
        for c in below.cells:
            if c.raw.strip() and not c.merged_above:
                labels[c.col] = c.raw
    return labels


def _mapping(labels: dict[int, str]) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    extra: list[str] = []
    for col in sorted(labels):
        f = column_of(labels[col])
        if f is None or f in columns:
            if labels[col].strip():
                extra.append(" ".join(labels[col].split()))
            continue
        columns[f] = col
    return columns, extra


def find_header(table: Table) -> Header | None:
    for i, row in enumerate(table.rows[:4]):
        for below in (None, table.rows[i + 1] if i + 1 < len(table.rows) else None):
            columns, extra = _mapping(_labels(row, below))
            if "content" in columns and "lead" in columns:
                return Header(table.number, i + 1 + (below is not None), columns, extra)
    return None


def _where(table: int, row: int, col: str | None = None) -> str:
    return f"bảng {table}, dòng {row}" + (f", cột «{LABELS[col]}»" if col else "")


def classify(table: Table, header: Header, notes: Notes) -> list[Line]:
    lines: list[Line] = []
    for row in table.rows[header.rows :]:
        where = _where(table.number, row.number)
        values, seen = {}, set()
        for f, col in sorted(header.columns.items(), key=lambda kv: kv[1]):
            cell = row.covering(col)
            values[f] = (
                clean(cell.raw, _where(table.number, row.number, f), notes) if cell and id(cell) not in seen else ""
            )
            seen.add(id(cell))
        filled = [c for c in row.cells if c.raw.strip() and not c.merged_above]
        texts = [v for v in values.values() if v]
        if not filled or all(_COLUMN_NO.match(t) for t in texts) or _mapping(_labels(row, None))[0] == header.columns:
            continue
        line = _group(values, filled, table, row, notes) or _task(values, where)
        if line is None:
            notes.refuse(
                where,
                f"dòng «{' | '.join(texts)[:80]}» không phải dòng nhóm (I., A.) cũng không phải "
                "nhiệm vụ (có nội dung và cơ quan chủ trì); hãy thêm vào tệp YAML bằng tay nếu cần.",
            )
            continue
        lines.append(line)
    return lines


def _group(values: dict[str, str], filled: list[Cell], table: Table, row: Row, notes: Notes) -> Line | None:
    where = _where(table.number, row.number)
    if len(filled) == 1:
        text = clean(filled[0].raw, where, Notes())
    elif not any(values.get(f) for f in ("lead", "timeline", "output")):
        text = " ".join(v for v in (values.get("id", ""), values.get("content", "")) if v)
    else:
        return None
    text = " ".join(text.split())
    m = _GROUP.match(text)
    if m is None and (mo := _MARK_ONLY.match(values.get("id", ""))) and values.get("content"):
        return Line("group", where, {"mark": mo["mark"], "title": " ".join(values["content"].split())})
    if m is None:
        return None
    return Line("group", where, {"mark": m["mark"], "title": m["title"].strip()})


def _task(values: dict[str, str], where: str) -> Line | None:
    if not values.get("content") and not values.get("lead"):
        return None
    return Line("task", where, dict(values))


def appendix_title(blocks: list[Any], table_number: int, notes: Notes) -> str | None:
    """The paragraph(s) just before the table, after "Phụ lục", not the "(Kèm theo …)" line."""
    before: list[str] = []
    for block in blocks:
        if not isinstance(block, Para):
            if block.number == table_number:
                break
            before = []
            continue
        text = clean(block.raw, f"đoạn {block.number}", notes)
        if re.match(r"^phụ\s*lục\b", text, re.I):
            before = [text]
        elif before:
            before.append(text)
    lines = [t for t in before[1:] if t and not t.startswith("(")]
    return " ".join(lines) if lines else None
