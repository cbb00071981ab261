"""A task's timeline: structured years plus the plan's own wording.

`parse_wording` reads the usual wordings of Vietnamese plans; it is used to
check that plan/ agrees with itself and by `import-docx`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pydantic import ConfigDict, Field, model_validator

from kehoach.model.common import Strict, Text

_CONTINUING = re.compile(r"\s*và\s+các\s+năm\s+tiếp\s+theo\s*(?:\.{1,3}|…)?\s*$", re.I)
_RANGE = re.compile(r"^\s*(?:năm\s+)?(\d{4})\s*(?:[-–—]|đến)\s*(?:năm\s+)?(\d{4})\s*$", re.I)
_YEAR = re.compile(r"^\s*(?:năm\s+)?(\d{4})\s*$", re.I)
_QUARTER = re.compile(r"^\s*(?:quý|Quý)\s+([IV]{1,3}|[1-4])\s*/\s*(\d{4})\s*$", re.I)
_MONTH = re.compile(r"^\s*tháng\s+(\d{1,2})\s*/\s*(\d{4})\s*$", re.I)
_EVERY_YEAR = re.compile(r"^\s*(hằng|hàng)\s+năm\s*$|^\s*thường\s+xuyên\s*$", re.I)


class Years(NamedTuple):
    start: int | None
    end: int | None
    continuing: bool


def parse_wording(text: str) -> Years | None:
    """Years of a wording such as `2026 - 2030 và các năm tiếp theo`; None if unknown."""
    text = " ".join(text.split())
    continuing = bool(_CONTINUING.search(text))
    core = _CONTINUING.sub("", text) if continuing else text
    if m := _RANGE.match(core):
        return Years(int(m[1]), int(m[2]), continuing)
    if m := _YEAR.match(core):
        year = int(m[1])
        return Years(year, None, True) if continuing else Years(year, year, False)
    if not continuing and ((m := _QUARTER.match(core)) or (m := _MONTH.match(core))):
        return Years(int(m[2]), int(m[2]), False)
    if not continuing and _EVERY_YEAR.match(core):
        return Years(None, None, True)
    return None


class Timeline(Strict):
    """Tiến độ thực hiện của một nhiệm vụ."""

    model_config = ConfigDict(title="Tiến độ")

    start: int = Field(ge=2000, le=2100, title="Năm bắt đầu")
    end: int | None = Field(
        ge=2000,
        le=2100,
        title="Năm kết thúc",
        description="Bằng năm bắt đầu nếu làm trong một năm; để trống (null) nếu không có năm kết thúc.",
    )
    continuing: bool = Field(title="Tiếp tục các năm sau", description="true nếu lời văn có “và các năm tiếp theo”.")
    text: Text = Field(
        title="Lời văn", description="Tiến độ đúng như ghi trong Kế hoạch, ví dụ “2026 - 2030 và các năm tiếp theo”."
    )

    @model_validator(mode="after")
    def _order(self) -> Timeline:
        if self.end is not None and self.end < self.start:
            raise ValueError("năm kết thúc trước năm bắt đầu")
        return self

    @property
    def recurring(self) -> bool:
        """Judged year by year: runs over several years or continues."""
        return self.continuing or self.end is None or self.end > self.start

    def active_in(self, year: int) -> bool:
        return year >= self.start and (self.continuing or self.end is None or year <= self.end)
