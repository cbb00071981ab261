"""Plan amendments (“Kế hoạch điều chỉnh, bổ sung”): who leads or coordinates a task, from when.

plan/tasks.yaml always holds the assignment in force now. Each amendment, listed
under `amendments:` in plan/plan.yaml, names the amending document and, per task,
the assignment before and after it. An entry is judged against the assignment in
force on its own date, so entries written before a reassignment stay valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import ConfigDict, Field, model_validator

from kehoach.model.common import Coordinator, IsoDate, Strict, TaskId, Text, UnitCode


class LeadChange(Strict):
    """Cơ quan chủ trì trước và sau khi điều chỉnh."""

    model_config = ConfigDict(title="Đổi cơ quan chủ trì")

    before: list[UnitCode] = Field(min_length=1, title="Trước khi điều chỉnh")
    after: list[UnitCode] = Field(min_length=1, title="Sau khi điều chỉnh")


class CoordinationChange(Strict):
    """Cơ quan phối hợp trước và sau khi điều chỉnh."""

    model_config = ConfigDict(title="Đổi cơ quan phối hợp")

    before: list[Coordinator] = Field(title="Trước khi điều chỉnh")
    after: list[Coordinator] = Field(title="Sau khi điều chỉnh")


class TaskChange(Strict):
    """Điều chỉnh phân công một nhiệm vụ."""

    model_config = ConfigDict(
        title="Điều chỉnh nhiệm vụ",
        json_schema_extra={"anyOf": [{"required": ["lead"]}, {"required": ["coordinating"]}]},
    )

    task: TaskId = Field(title="Nhiệm vụ", description="Số hiệu trong Phụ lục, ví dụ I.2.")
    lead: LeadChange | None = Field(default=None, title="Cơ quan chủ trì")
    coordinating: CoordinationChange | None = Field(default=None, title="Cơ quan phối hợp")

    @model_validator(mode="after")
    def _something(self) -> TaskChange:
        if self.lead is None and self.coordinating is None:
            raise ValueError("hãy ghi `lead` hoặc `coordinating` (trước và sau khi điều chỉnh)")
        return self


class Amendment(Strict):
    """Một văn bản điều chỉnh, bổ sung Kế hoạch."""

    model_config = ConfigDict(title="Văn bản điều chỉnh, bổ sung")

    kind: Text = Field(title="Loại văn bản", description="Ví dụ Kế hoạch, Quyết định.")
    number: Text = Field(title="Số, ký hiệu", description="Ví dụ 15/KH-SNNMT.")
    date: IsoDate = Field(title="Ngày ban hành")
    title: Text = Field(title="Trích yếu")
    effective: IsoDate | None = Field(
        default=None, title="Áp dụng từ ngày", description="Để trống nếu áp dụng từ ngày ban hành."
    )
    changes: list[TaskChange] = Field(min_length=1, title="Các điều chỉnh")

    @property
    def since(self) -> dt.date:
        return self.effective or self.date


Assignment = tuple[list[str], list[str]]
"""(lead, coordinating) of a task."""


class History:
    """Each task's assignment over time, from the amendments (oldest first)."""

    def __init__(self, amendments: Iterable[Amendment]) -> None:
        self.changes: dict[str, list[tuple[Amendment, TaskChange]]] = {}
        for a in sorted(amendments, key=lambda a: a.since):
            for c in a.changes:
                self.changes.setdefault(c.task, []).append((a, c))

    def on(self, task: str, date: dt.date, current: Assignment) -> Assignment:
        """The (lead, coordinating) in force on `date`: the `before` of the first later change
        of each, else the current one."""
        changes = self.changes.get(task)
        if not changes:
            return current
        lead, coordinating = current
        lead_set = coord_set = False
        for a, c in changes:
            if a.since <= date:
                continue
            if c.lead is not None and not lead_set:
                lead, lead_set = c.lead.before, True
            if c.coordinating is not None and not coord_set:
                coordinating, coord_set = c.coordinating.before, True
        return lead, coordinating
