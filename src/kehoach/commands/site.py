"""`kehoach site --year Y`: the static dashboard (HTML and CSS) of the plan's progress."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.commands.common import load_clean
from kehoach.compute.site_data import build
from kehoach.gcpause import frozen_heap
from kehoach.render import site
from kehoach.write_tree import check_target, replace_dir

DEFAULT_OUTPUT = Path("build") / "site"
DATA_FOLDERS = ("plan", "units", "progress", "templates")


def run(root: Path, *, year: int, as_of: dt.date, output: Path | None, today: dt.date) -> Path:
    target = output or DEFAULT_OUTPUT
    protected = [root / name for name in DATA_FOLDERS]
    check_target(target, protected)  # refuse a bad -o before the (possibly long) loading
    dr = load_clean(root, today)
    with frozen_heap():  # the loaded root is not garbage: keep the collector from rescanning it
        data = build(dr, year, as_of)
        return replace_dir(target, site.render(root, data), protected)
