"""The whole import in memory: .docx → appendix, plan and unit dicts plus the notes for a human."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.docximport.body import parse_body
from kehoach.docximport.build import build_appendix, count
from kehoach.docximport.header import parse_basis, parse_header
from kehoach.docximport.notes import Notes
from kehoach.docximport.planfile import build_plan
from kehoach.docximport.read import Para, Table, read_blocks
from kehoach.docximport.table import LABELS, REQUIRED, appendix_title, classify, find_header
from kehoach.docximport.text import clean, convert_encoding, one_line, recase
from kehoach.docximport.units import Registry


@dataclass
class Result:
    appendix: dict[str, Any] | None = None
    plan: dict[str, Any] = field(default_factory=dict)
    plan_missing: list[str] = field(default_factory=list)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)  # new units only: code -> unit dict
    names: dict[str, str] = field(default_factory=dict)  # every code the plan uses -> name
    notes: Notes = field(default_factory=Notes)
    tasks: int = 0
    groups: int = 0


def _convert_encoding(blocks: list[Any], notes: Notes) -> None:
    """Legacy-encoded paragraphs and cells are converted in place before anything reads them."""
    for b in blocks:
        if isinstance(b, Para):
            b.raw = convert_encoding(b.raw, b.fonts, f"đoạn {b.number}", notes)
            continue
        for row in b.rows:
            for c in row.cells:
                if not c.merged_above:
                    where = f"bảng {b.number}, dòng {row.number}, ô {c.col + 1}"
                    c.raw = convert_encoding(c.raw, c.fonts, where, notes)


def _lines(blocks: list[Any], skip: set[int], notes: Notes) -> list[tuple[str, str, int]]:
    """(text, where, block position) outside the appendix tables, one per paragraph, in document order."""
    out: list[tuple[str, str, int]] = []
    for pos, b in enumerate(blocks):
        if isinstance(b, Para):
            text = one_line(clean(b.raw, f"đoạn {b.number}", notes))
            if text:
                out.append((text, f"đoạn {b.number}", pos))
        elif b.number not in skip:
            for row in b.rows:
                for c in (c for c in row.cells if not c.merged_above):
                    where = f"bảng {b.number}, dòng {row.number}, ô {c.col + 1}"
                    out.extend((t, where, pos) for t in clean(c.raw, where, notes).split("\n") if t)
    return out


def adopt(path: Path, known: dict[str, tuple[str, str | None]], today: dt.date) -> Result:
    blocks = read_blocks(path)
    res = Result()
    notes = res.notes
    _convert_encoding(blocks, notes)
    found = [(b, h) for b in blocks if isinstance(b, Table) and (h := find_header(b))]
    skip = {t.number for t, _ in found}
    first = next((pos for pos, b in enumerate(blocks) if isinstance(b, Table) and b.number in skip), len(blocks))
    before = [(t, w) for t, w, pos in _lines(blocks, skip, notes) if pos < first]
    head = parse_header(before, notes)
    body, basis = {}, []
    if "title_at" in head:
        body_lines = [t for t, _ in before[head["title_at"] + 1 :]]
        cut = next((i for i, t in enumerate(body_lines) if t.lower().startswith("phụ lục")), len(body_lines))
        body = parse_body(body_lines[:cut])
        cited = [(head["title"], before[head["title_at"]][1])]
        basis = parse_basis(cited + ([(body["opening"], "đoạn mở đầu")] if "opening" in body else []), notes)
    year = head.get("year") or max((int(b["date"][:4]) for b in basis), default=None)
    if year is None:
        year = today.year
        notes.needs_look(
            "tài liệu", f"không thấy năm của văn bản; các tiến độ không nêu năm bắt đầu được tính từ {year}."
        )
    registry = Registry(known)
    if not found:
        notes.refuse(
            "tài liệu",
            "không tìm thấy bảng Phụ lục: cần một bảng có dòng tiêu đề gồm ít nhất các cột "
            "«Nội dung thực hiện» và «Cơ quan chủ trì» (cùng «Tiến độ», «Kết quả»).",
        )
    else:
        res.appendix = _appendix(blocks, found, registry, year, notes)
    sources = [t for t, _ in before if not t.isupper()]
    if res.appendix is not None and res.appendix["title"].isupper():
        res.appendix["title"] = recase(res.appendix["title"], sources)
    if head.get("title", "").isupper():
        head["title"] = recase(head["title"], sources)
    res.plan, res.plan_missing = build_plan(head, body, basis, registry, notes)
    if res.appendix is not None:
        res.tasks, res.groups = count(res.appendix["groups"])
    registry.report_near_duplicates(notes)
    res.units = registry.new
    res.names = {c: registry.names[c] for c in registry.used}
    return res


def _appendix(
    blocks: list[Any], found: list[Any], registry: Registry, year: int, notes: Notes
) -> dict[str, Any] | None:
    lines = []
    for table, header in found:
        where = f"bảng {table.number}, dòng tiêu đề"
        absent = [LABELS[f] for f in REQUIRED if f not in header.columns]
        if absent:
            notes.refuse(
                where,
                f"bảng thiếu cột {', '.join('«' + a + '»' for a in absent)} nên không nhập được; "
                "hãy thêm cột vào tệp Word rồi chạy lại.",
            )
            continue
        for extra in header.extra:
            notes.needs_look(where, f"cột «{extra}» không thuộc Phụ lục của kehoach nên bị bỏ qua.")
        if "id" not in header.columns:
            notes.needs_look(where, "bảng không có cột TT; nhiệm vụ được đánh số lần lượt trong từng nhóm.")
        lines += classify(table, header, notes)
    groups = build_appendix(lines, registry, year, notes)
    if not groups:
        return None
    title = appendix_title(blocks, found[0][0].number, notes)
    if title is None:
        title = "Phụ lục"
        notes.needs_look(
            "tài liệu",
            "không thấy tiêu đề của Phụ lục (dòng ngay dưới chữ «Phụ lục»); đã ghi "
            '"Phụ lục" — hãy sửa title trong plan/tasks.yaml.',
        )
    return {"title": title, "groups": groups}
