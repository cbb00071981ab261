"""`kehoach plan -o FILE.docx|FILE.pdf`: the plan itself as issued (KẾ HOẠCH, sections I–V, Phụ lục)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.output import Target
from kehoach.compute.report_data import plan_document
from kehoach.load.root import DataRoot
from kehoach.render import docx_build, docx_layout, templates

TEMPLATE = "ke-hoach.md.j2"
FIXED_DATE = dt.date(2026, 1, 1)  # core-property date when the plan has no date of its own


def render(dr: DataRoot, template: Path | None) -> bytes:
    assert dr.plan is not None  # load_clean refuses a root without it
    path = templates.template_path(dr.root, TEMPLATE, template)
    shown = templates.display(path, dr.root)
    markup = templates.render(path, plan_document(dr), shown)
    doc = docx_build.build(markup, shown)
    return docx_layout.to_bytes(doc, dr.plan.document.date or FIXED_DATE, dr.plan.document.kind)


def run(dr: DataRoot, output: Target, template: Path | None) -> Path:
    return output.write(render(dr, template))
