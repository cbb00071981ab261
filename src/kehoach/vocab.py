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
