"""The period a command reports on, from --year/--period or --from/--to (ad hoc).

Light on imports (called before any data is loaded); a contradiction is a usage error (exit 2).
"""

from __future__ import annotations

import datetime as dt

from kehoach.compute.periods import KINDS, Period, ad_hoc, of_kind
from kehoach.errors import UsageError

FIRST_YEAR, LAST_YEAR = 2000, 2100  # as --year


def resolve(year: int | None, kind: str | None, start: dt.date | None, end: dt.date | None) -> Period:
    """The period of `--year/--period` or of `--from/--to` (ad hoc); a contradiction is exit 2."""
    if start is not None or end is not None:
        if kind is not None:
            raise UsageError(
                "--period không dùng cùng --from/--to: kỳ đột xuất đã do --from và --to xác định; hãy bỏ một trong hai.",
                code="KH141",
            )
        if start is None or end is None:
            raise UsageError(
                "kỳ đột xuất cần cả --from và --to (ví dụ --from 2026-03-01 --to 2026-03-31).", code="KH142"
            )
        if not (start.year >= FIRST_YEAR and end.year < LAST_YEAR):
            raise UsageError(
                f"kỳ đột xuất phải nằm trong các năm {FIRST_YEAR}–{LAST_YEAR - 1} "
                f"(--from {start.isoformat()}, --to {end.isoformat()}).",
                code="KH152",
            )
        if start > end:
            raise UsageError(
                f"--from ({start.isoformat()}) sau --to ({end.isoformat()}); hãy đổi lại cho đúng thứ tự.", code="KH140"
            )
        period = ad_hoc(start, end)
        if year is not None and year != period.year:
            raise UsageError(
                f"kỳ từ {start.isoformat()} đến {end.isoformat()} thuộc báo cáo năm {period.year}, không phải "
                f"--year {year}; hãy bỏ --year hoặc sửa cho khớp.",
                code="KH143",
            )
        return period
    if year is None:
        raise UsageError("thiếu --year NĂM (ví dụ --year 2026), hoặc --from/--to cho kỳ đột xuất.", code="KH144")
    chosen = kind or "year"
    if chosen not in KINDS:
        raise UsageError(f"--period phải là một trong {', '.join(KINDS)}, không phải `{kind}`.", code="KH145")
    return of_kind(year, chosen)
