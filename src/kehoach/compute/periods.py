"""Reporting periods (Nghị định 09/2019/NĐ-CP, Điều 12): the report for year Y counts
data from 15/12 of Y−1 to 14/12 of Y. The units' own deadline comes from plan/."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

CUTOFF_MONTH, CUTOFF_DAY = 12, 15  # first day of the next period


class Period(NamedTuple):
    year: int
    start: dt.date
    end: dt.date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.start <= d <= self.end


def annual(year: int) -> Period:
    return Period(year, dt.date(year - 1, CUTOFF_MONTH, CUTOFF_DAY), dt.date(year, CUTOFF_MONTH, CUTOFF_DAY - 1))


def half_year(year: int) -> Period:
    return Period(year, dt.date(year - 1, CUTOFF_MONTH, CUTOFF_DAY), dt.date(year, 6, 14))


def nine_months(year: int) -> Period:
    return Period(year, dt.date(year - 1, CUTOFF_MONTH, CUTOFF_DAY), dt.date(year, 9, 14))


def report_year(d: dt.date) -> int:
    """The annual report an entry dated `d` belongs to."""
    return d.year + 1 if (d.month, d.day) >= (CUTOFF_MONTH, CUTOFF_DAY) else d.year


def unit_deadline(year: int, month: int, day: int) -> dt.date:
    """Units report *before* this date of year Y (the plan: “trước ngày 15/11 hằng năm”)."""
    return dt.date(year, month, day)
