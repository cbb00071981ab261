"""The report's data holds no reference cycle back to the loaded root: once the report
command lets go of a 50,000-entry root, it is freed at once, not at exit (where freeing
it cost as much as building the report's data)."""

from __future__ import annotations

import datetime as dt
import weakref

from kehoach.commands.common import load_clean
from kehoach.compute.periods import annual
from kehoach.compute.report_data import plan_document, report
from kehoach.gcpause import no_gc
from tests.conftest import EXAMPLES


def test_the_root_is_freed_as_soon_as_it_is_dropped():
    with no_gc():  # only reference counting: a cycle would keep the root alive
        dr = load_clean(EXAMPLES, dt.date(2026, 11, 20))
        gone = weakref.ref(dr)
        data = report(dr, 2026, dt.date(2026, 11, 20), None, None, None, annual(2026))
        plan = plan_document(dr)
        unit = report(dr, 2026, dt.date(2026, 11, 20), "QLMT", None, None, annual(2026))
        del dr
        assert gone() is None
    assert data["entry_count"] > 30 and plan["groups"] and unit["tasks"]
