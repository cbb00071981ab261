"""Reporting periods (Nghị định 09/2019/NĐ-CP, Điều 12) and their wording, in one place.

The report for year Y counts data from 15/12 of Y−1 to 14/12 of Y; the half-year,
nine-month and quarterly periods end on the 14th of their last month (15/12 → 14/6,
15/12 → 14/9; quarters 15/12 → 14/3, 15/3 → 14/6, 15/6 → 14/9, 15/9 → 14/12). An
ad hoc period (“đột xuất”, on request of UBND tỉnh) runs between two given dates.
The units' own deadline comes from plan/.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from kehoach.text_vn import ngay_ngan

CUTOFF_MONTH, CUTOFF_DAY = 12, 15  # first day of the next period

PeriodKind = Literal["year", "h1", "9m", "q1", "q2", "q3", "q4", "adhoc"]
KINDS: tuple[PeriodKind, ...] = ("year", "h1", "9m", "q1", "q2", "q3", "q4")
"""The periods chosen with `--period` (ad hoc periods are given with --from/--to)."""

_LAST_MONTH = {"year": 12, "h1": 6, "9m": 9, "q1": 3, "q2": 6, "q3": 9, "q4": 12}
_ROMAN = {"q1": "I", "q2": "II", "q3": "III", "q4": "IV"}


class Period(NamedTuple):
    year: int
    start: dt.date
    end: dt.date
    kind: PeriodKind = "year"

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.start <= d <= self.end


def of_kind(year: int, kind: PeriodKind) -> Period:
    """The period `kind` of report year `year` (not "adhoc": use `ad_hoc`)."""
    if kind not in _LAST_MONTH:
        raise ValueError(kind)
    end = dt.date(year, _LAST_MONTH[kind], CUTOFF_DAY - 1)
    if kind in ("q2", "q3", "q4"):
        start = dt.date(year, _LAST_MONTH[kind] - 3, CUTOFF_DAY)
    else:
        start = dt.date(year - 1, CUTOFF_MONTH, CUTOFF_DAY)
    return Period(year, start, end, kind)


def annual(year: int) -> Period:
    return of_kind(year, "year")


def half_year(year: int) -> Period:
    return of_kind(year, "h1")


def nine_months(year: int) -> Period:
    return of_kind(year, "9m")


def ad_hoc(start: dt.date, end: dt.date) -> Period:
    """From `start` to `end` inclusive; judged in the report year `end` belongs to."""
    if start > end:
        raise ValueError("start after end")
    return Period(report_year(end), start, end, "adhoc")


def report_year(d: dt.date) -> int:
    """The annual report an entry dated `d` belongs to."""
    return d.year + 1 if (d.month, d.day) >= (CUTOFF_MONTH, CUTOFF_DAY) else d.year


def unit_deadline(year: int, month: int, day: int) -> dt.date:
    """Units report *before* this date of year Y (the plan: “trước ngày 15/11 hằng năm”)."""
    return dt.date(year, month, day)


def label(p: Period) -> str:
    """The Department's words for a period: “năm 2026”, “6 tháng đầu năm 2026”,
    “9 tháng năm 2026”, “quý I năm 2026”, “từ ngày 01/3/2026 đến ngày 31/3/2026”."""
    if p.kind == "adhoc":
        return f"từ ngày {ngay_ngan(p.start)} đến ngày {ngay_ngan(p.end)}"
    if p.kind == "h1":
        return f"6 tháng đầu năm {p.year}"
    if p.kind == "9m":
        return f"9 tháng năm {p.year}"
    if p.kind in _ROMAN:
        return f"quý {_ROMAN[p.kind]} năm {p.year}"
    return f"năm {p.year}"


def slug(p: Period) -> str:
    """The period in a default file name: `2026`, `2026-h1`, `2026-q3`, `2026-03-01-den-2026-03-31`."""
    if p.kind == "adhoc":
        return f"{p.start.isoformat()}-den-{p.end.isoformat()}"
    return str(p.year) if p.kind == "year" else f"{p.year}-{p.kind}"
