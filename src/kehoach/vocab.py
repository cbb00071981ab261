"""Vietnamese words for statuses, shared by every renderer."""

from __future__ import annotations

ENTRY_STATUS = {
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
}

TASK_STATUS = {
    "not_due": "Chưa đến kỳ thực hiện",
    "unreported": "Chưa báo cáo",
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "overdue": "Quá hạn",
}

TASK_STATUS_ORDER = ["done", "in_progress", "not_started", "unreported", "overdue", "not_due"]

STATUS_STYLE = {
    "not_due": "dim",
    "unreported": "yellow",
    "not_started": "magenta",
    "in_progress": "cyan",
    "done": "green",
    "overdue": "bold red",
}

LEAD_SHORT = {  # one lead unit's state, in a narrow table cell
    "done": "xong",
    "in_progress": "đang làm",
    "not_started": "chưa làm",
    "unreported": "chưa báo cáo",
}

TIMELINESS_CATEGORY = {  # the report's four counts (compute/timeliness.py)
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "in_time": "đang thực hiện trong hạn",
    "overdue": "quá hạn",
}

TIMELINESS_SHORT = {  # the status table's column, by category
    "done_on_time": "Đúng hạn",
    "done_late": "Quá hạn",
    "in_time": "Trong hạn",
    "overdue": "Quá hạn",
}

TIMELINESS_STYLE = {"done_on_time": "green", "done_late": "red", "in_time": "cyan", "overdue": "bold red"}
