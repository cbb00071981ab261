"""`kehoach plan -o FILE.docx|FILE.pdf`: the plan itself as issued (KẾ HOẠCH, sections I–V, Phụ lục)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.output import Target
from kehoach.compute.report_data import plan_document
from kehoach.load.root import CleanRoot
from kehoach.render import docx_build, templates

TEMPLATE = "ke-hoach.md.j2"
FIXED_DATE = dt.date(2026, 1, 1)  # core-property date when the plan has no date of its own


def render(dr: CleanRoot, template: Path | None) -> bytes:
    path = templates.template_path(dr.root, TEMPLATE, template)
    shown = templates.display(path, dr.root)
    markup = templates.render(path, plan_document(dr), shown)
    doc = docx_build.build(markup, shown)
    return doc.to_bytes(dr.plan.document.date or FIXED_DATE, dr.plan.document.kind)


def run(dr: CleanRoot, output: Target, template: Path | None) -> Path:
    return output.write(render(dr, template))
