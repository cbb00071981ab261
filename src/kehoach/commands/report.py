"""`kehoach report`: the report (.docx or .pdf) of the Department, or of one unit (--unit),
for a year, half-year, nine months, a quarter or an ad hoc period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean, require_unit
from kehoach.commands.output import target
from kehoach.compute.periods import Period, label, slug
from kehoach.compute.report_data import report
from kehoach.errors import UsageError
from kehoach.gcpause import frozen_heap, no_gc
from kehoach.load.root import CleanRoot
from kehoach.render import docx_build, templates

DEPARTMENT_TEMPLATE = "bao-cao-nam.md.j2"
UNIT_TEMPLATE = "bao-cao-don-vi.md.j2"


def parse_number(text: str | None) -> int | None:
    """The `--number` option: digits only, 1–9999; anything else is a usage error."""
    if text is None:
        return None
    t = text.strip()
    if not t.isdigit() or not t.isascii() or not 0 < int(t) < 10000:
        raise UsageError(f"--number phải là số văn bản dạng chữ số (ví dụ 5 hoặc 05), không phải `{text}`.")
    return int(t)


def default_output(period: Period, unit: str | None) -> Path:
    """build/bao-cao-2026.docx, build/bao-cao-2026-q1-QLMT.docx, build/bao-cao-2026-03-01-den-2026-03-31.docx."""
    return Path("build") / (f"bao-cao-{slug(period)}" + (f"-{unit}" if unit else "") + ".docx")


def render(
    root: Path,
    dr: CleanRoot,
    *,
    period: Period,
    as_of: dt.date,
    unit: str | None,
    number: str | None,
    signer: str | None,
    template: Path | None,
) -> bytes:
    """The report's bytes (nothing written)."""
    n = parse_number(number)
    unit = require_unit(dr, unit)
    # The loaded root and the report's data are not garbage (nor do they hold cycles): the
    # collector leaves them alone, while a template's own objects are still collected.
    with frozen_heap():
        with no_gc(freeze=True):
            data = report(dr, period.year, as_of, unit, n, signer, period)
        title = f"Báo cáo kết quả thực hiện Kế hoạch {label(period)}" + (f" – {dr.units[unit].name}" if unit else "")
        del dr  # a large root is not needed any more: free it before the document is built
        path = templates.template_path(root, UNIT_TEMPLATE if unit else DEPARTMENT_TEMPLATE, template)
        shown = templates.display(path, root)
        markup = templates.render(path, data, shown)
        del data
        doc = docx_build.build(markup, shown)
        del markup
        return doc.to_bytes(as_of, title)


def run(
    root: Path,
    *,
    period: Period,
    as_of: dt.date,
    unit: str | None,
    number: str | None,
    signer: str | None,
    output: Path | None,
    template: Path | None,
    today: dt.date,
) -> Path:
    parse_number(number)  # a bad --number is a usage error before any loading
    out = target(output or default_output(period, unit))  # so is a bad -o, or a PDF without LibreOffice
    data = render(
        root,
        load_clean(root, today),
        period=period,
        as_of=as_of,
        unit=unit,
        number=number,
        signer=signer,
        template=template,
    )
    return out.write(data)
