"""`kehoach remind`: who still has to report — on the terminal, as JSON, or as a Công văn
đôn đốc (.docx or .pdf, templates/cong-van-don-doc.md.j2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean, require_unit
from kehoach.commands.output import Target
from kehoach.commands.report import parse_number
from kehoach.compute.remind import RemindResult, compute
from kehoach.compute.report_data import reminder_letter
from kehoach.errors import UsageError
from kehoach.load.root import CleanRoot
from kehoach.render import docx_build, templates

TEMPLATE = "cong-van-don-doc.md.j2"
GRACE_DAYS = 7
"""Once the plan's deadline has passed, the letter asks for the reports within this many days
(unless --by says otherwise)."""


def run(root: Path, year: int, as_of: dt.date, unit: str | None, today: dt.date) -> tuple[RemindResult, CleanRoot]:
    dr = load_clean(root, today)
    unit = require_unit(dr, unit)
    return compute(dr, year, as_of, unit), dr


def send_by(result: RemindResult, by: dt.date | None) -> dt.date:
    """The date the letter asks for: --by, else the plan's deadline, else a week from the as-of date."""
    if by is not None:
        if by < result.as_of:
            raise UsageError(
                f"--by ({by.isoformat()}) trước ngày lập công văn ({result.as_of.isoformat()}); "
                "hãy chọn một ngày từ hôm đó trở đi.",
                code="KH151",
            )
        return by
    if result.as_of < result.deadline:
        return result.deadline
    return result.as_of + dt.timedelta(days=GRACE_DAYS)


def letter(
    dr: CleanRoot,
    result: RemindResult,
    *,
    number: str | None,
    signer: str | None,
    by: dt.date | None,
    template: Path | None,
) -> bytes:
    """The Công văn's .docx bytes (nothing written)."""
    data = reminder_letter(dr, result, parse_number(number), signer, send_by(result, by))
    path = templates.template_path(dr.root, TEMPLATE, template)
    shown = templates.display(path, dr.root)
    doc = docx_build.build(templates.render(path, data, shown), shown)
    return doc.to_bytes(result.as_of, f"Đôn đốc báo cáo kết quả thực hiện Kế hoạch năm {result.year}")


def write_letter(
    dr: CleanRoot,
    result: RemindResult,
    out: Target,
    *,
    number: str | None,
    signer: str | None,
    by: dt.date | None,
    template: Path | None,
) -> Path:
    return out.write(letter(dr, result, number=number, signer=signer, by=by, template=template))
