"""Check stage: rules that span files. Each rule returns Problems; nothing is raised."""

from __future__ import annotations

import datetime as dt

from kehoach.check.assignment import check_amendments
from kehoach.check.codeowners_rule import check_codeowners
from kehoach.check.entry_rules import check_entries
from kehoach.check.plan_rules import check_plan
from kehoach.check.unit_rules import check_units
from kehoach.check.windows_paths import check_windows_paths
from kehoach.load.root import DataRoot
from kehoach.problems import Problem


def check_root(dr: DataRoot, today: dt.date) -> list[Problem]:
    problems = check_plan(dr)
    problems += check_amendments(dr)
    problems += check_units(dr)
    problems += check_entries(dr, today)
    problems += check_codeowners(dr)
    problems += check_windows_paths(dr)
    return problems
