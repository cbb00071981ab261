"""On time and late (compute/timeliness.py) through the status computation, on the example data."""

from __future__ import annotations

import datetime as dt

from kehoach.commands.common import load_clean
from kehoach.compute.status import compute
from tests.conftest import write

D = dt.date


def _entry(root, unit, date, task, status):
    rel = f"progress/{unit}/{date}-{task}.yaml"
    write(root, rel, f'task: "{task}"\nunit: "{unit}"\ndate: {date}\nstatus: "{status}"\nsummary: "Thử."\n')


def _judge(root, year, as_of):
    result = compute(load_clean(root, as_of), year, as_of)
    return {t.id: t for t in result.tasks}, result


def test_each_kind_on_the_example_data(example_root):
    tasks, result = _judge(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.2"].status == "done" and tasks["I.2"].timeliness == "on_time"
    assert tasks["I.7"].status == "not_started" and tasks["I.7"].timeliness == "on_time"
    assert tasks["II.B.2"].timeliness == "on_time"  # open-ended: judged against 31/12/2026
    assert tasks["I.8"].status == "unreported" and tasks["I.8"].timeliness is None
    assert tasks["II.A.3"].status == "not_due" and tasks["II.A.3"].timeliness is None
    assert result.timeliness_counts == {"done_on_time": 4, "done_late": 0, "in_time": 16, "overdue": 0}


def test_overdue_is_late_and_an_unreported_task_past_its_deadline_too(example_root):
    tasks, result = _judge(example_root, 2026, D(2027, 1, 5))
    assert tasks["I.1"].status == "overdue" and tasks["I.1"].timeliness == "late"
    assert tasks["I.8"].timeliness == "late"  # never reported, past 31/12/2026
    assert tasks["II.B.1"].timeliness is None  # open-ended, no entry: nothing to say for 2026
    assert result.timeliness_counts["overdue"] == 5


def test_done_after_the_deadline_is_done_and_late(example_root):
    _entry(example_root, "QLMT", "2027-02-10", "I.8", "done")
    tasks, result = _judge(example_root, 2027, D(2027, 3, 1))
    assert tasks["I.8"].status == "done" and tasks["I.8"].timeliness == "late"
    assert tasks["I.8"].completed == D(2027, 2, 10) and tasks["I.8"].deadline == D(2026, 12, 31)
    assert result.timeliness_counts["done_late"] == 1


def test_completion_is_when_the_last_lead_reported_done(example_root):
    # I.1 (2026): QLMT reported done on 15/6/2026; KSBDKH finishes only in 2027
    _entry(example_root, "KSBDKH", "2027-01-20", "I.1", "done")
    tasks, _ = _judge(example_root, 2027, D(2027, 2, 1))
    assert tasks["I.1"].completed == D(2027, 1, 20) and tasks["I.1"].timeliness == "late"


def test_repeating_done_does_not_move_the_completion_date(example_root):
    _entry(example_root, "QLMT", "2026-10-01", "I.8", "done")
    _entry(example_root, "QLMT", "2027-01-15", "I.8", "done")
    tasks, _ = _judge(example_root, 2027, D(2027, 2, 1))
    assert tasks["I.8"].completed == D(2026, 10, 1) and tasks["I.8"].timeliness == "on_time"


def test_reopened_then_done_again_counts_from_the_last_done(example_root):
    _entry(example_root, "QLMT", "2026-10-01", "I.8", "done")
    _entry(example_root, "QLMT", "2026-10-20", "I.8", "in_progress")
    _entry(example_root, "QLMT", "2027-01-15", "I.8", "done")
    tasks, _ = _judge(example_root, 2027, D(2027, 2, 1))
    assert tasks["I.8"].completed == D(2027, 1, 15) and tasks["I.8"].timeliness == "late"
