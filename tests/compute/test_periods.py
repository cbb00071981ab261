"""Reporting periods per Nghị định 09/2019: 15/12 of Y−1 to 14/12 of Y."""

from __future__ import annotations

import datetime as dt

from kehoach.compute.periods import annual, half_year, nine_months, report_year


def test_annual_period_bounds():
    p = annual(2026)
    assert (p.start, p.end) == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))


def test_boundary_14_and_15_december():
    assert report_year(dt.date(2025, 12, 14)) == 2025
    assert report_year(dt.date(2025, 12, 15)) == 2026
    assert report_year(dt.date(2026, 12, 14)) == 2026
    assert report_year(dt.date(2026, 12, 16)) == 2027
    assert dt.date(2025, 12, 14) not in annual(2026) and dt.date(2025, 12, 15) in annual(2026)


def test_half_year_and_nine_months():
    assert half_year(2026).end == dt.date(2026, 6, 14)
    assert nine_months(2026).end == dt.date(2026, 9, 14)
    assert half_year(2026).start == annual(2026).start
