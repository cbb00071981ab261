"""`kehoach report`: the annual report (.docx) of the Department, or of one unit (--unit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean, require_unit
from kehoach.compute.report_data import report
from kehoach.errors import UsageError
from kehoach.gcpause import frozen_heap
from kehoach.load.root import CleanRoot
from kehoach.render import docx_build, templates
from kehoach.write import atomic_write

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


def default_output(year: int, unit: str | None) -> Path:
    return Path("build") / (f"bao-cao-{year}-{unit}.docx" if unit else f"bao-cao-{year}.docx")


def render(
    root: Path,
    dr: CleanRoot,
    *,
    year: int,
    as_of: dt.date,
    unit: str | None,
    number: str | None,
    signer: str | None,
    template: Path | None,
) -> bytes:
    """The report's bytes (nothing written)."""
    n = parse_number(number)
    require_unit(dr, unit)
    with frozen_heap():  # the loaded root is not garbage: keep the collector from rescanning it
        data = report(dr, year, as_of, unit, n, signer)
    title = f"Báo cáo kết quả thực hiện Kế hoạch năm {year}" + (f" – {dr.units[unit].name}" if unit else "")
    del dr  # a large root is not needed any more: free it before the document is built
    path = templates.template_path(root, UNIT_TEMPLATE if unit else DEPARTMENT_TEMPLATE, template)
    shown = templates.display(path, root)
    with frozen_heap():
        markup = templates.render(path, data, shown)
        del data
        doc = docx_build.build(markup, shown)
        del markup
        return doc.to_bytes(as_of, title)


def run(
    root: Path,
    *,
    year: int,
    as_of: dt.date,
    unit: str | None,
    number: str | None,
    signer: str | None,
    output: Path | None,
    template: Path | None,
    today: dt.date,
) -> Path:
    parse_number(number)  # a bad --number is a usage error before any loading
    data = render(
        root,
        load_clean(root, today),
        year=year,
        as_of=as_of,
        unit=unit,
        number=number,
        signer=signer,
        template=template,
    )
    return atomic_write(output or default_output(year, unit), data)
