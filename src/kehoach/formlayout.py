"""The Excel reporting form ("biểu mẫu"): sheet names, columns and the plan fingerprint.

One definition shared by the writer (`kehoach form`, render/form_xlsx.py) and the
reader (`kehoach import-xlsx`, load/form_xlsx.py), so the two cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from kehoach.load.root import DataRoot

REPORT = "Báo cáo"
OUTPUTS = "Văn bản"
INDICATORS = "Số liệu"
GUIDE = "Hướng dẫn"
META = "kehoach"
FORMAT_VERSION = "1"


class Column(NamedTuple):
    key: str
    title: str
    width: float
    input: bool  # staff fill it in; plan columns are locked


REPORT_COLUMNS = (
    Column("task", "Số hiệu", 9, False),
    Column("content", "Nội dung nhiệm vụ", 48, False),
    Column("role", "Vai trò", 13, False),
    Column("timeline", "Tiến độ", 15, False),
    Column("status", "Tình trạng", 17, True),
    Column("date", "Ngày báo cáo", 13, True),
    Column("summary", "Kết quả thực hiện", 50, True),
    Column("difficulties", "Khó khăn, vướng mắc", 32, True),
    Column("proposals", "Đề xuất, kiến nghị", 32, True),
    Column("author", "Người lập", 18, True),
)
OUTPUT_COLUMNS = (
    Column("task", "Số hiệu nhiệm vụ", 12, True),
    Column("kind", "Loại", 16, True),
    Column("number", "Số ký hiệu", 20, True),
    Column("date", "Ngày", 13, True),
    Column("title", "Trích yếu", 70, True),
)
INDICATOR_COLUMNS = (
    Column("task", "Số hiệu nhiệm vụ", 12, True),
    Column("name", "Chỉ tiêu", 60, True),
    Column("value", "Giá trị", 14, True),
    Column("unit", "Đơn vị tính", 14, True),
)
REPORT_HEADER_ROW = 6
"""Rows 1–5 of "Báo cáo" say what the form is for; the header is row 6, tasks from row 7."""
LIST_HEADER_ROW = 1
LIST_ROWS = 300
"""Rows prepared (unlocked, with their rules) on "Văn bản" and "Số liệu"."""

META_KEYS = ("unit", "year", "fingerprint", "version")


def fingerprint(dr: DataRoot) -> str:
    """What decides who reports on what and when: each task's id, leads, coordinators and
    timeline, and each unit's code and whether it belongs to the Department. Wording and
    everything else may change without making filled forms obsolete."""
    tasks = [
        [t.id, t.lead, t.coordinating, t.timeline.start, t.timeline.end, t.timeline.continuing]
        for t in (dr.appendix.tasks() if dr.appendix else [])
    ]
    units = sorted([u.code, u.internal] for u in dr.units.values())
    blob = json.dumps([tasks, units], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
