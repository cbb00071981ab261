"""Each task's status for a year, as of a date, on the fictional example data."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.commands.common import load_clean
from kehoach.compute.status import compute
from tests.conftest import TODAY, write

D = dt.date


def _entry(root, unit, date, task, status, n=""):
    rel = f"progress/{unit}/{date}-{task}{n}.yaml"
    write(root, rel, f'task: "{task}"\nunit: "{unit}"\ndate: {date}\nstatus: "{status}"\nsummary: "Thử."\n')
    return rel


def _status(root, year, as_of, unit=None):
    result = compute(load_clean(root, max(TODAY, as_of)), year, as_of, unit)
    return {t.id: t for t in result.tasks}, result


@pytest.fixture
def s2026(example_root):
    return _status(example_root, 2026, D(2026, 11, 20))


def test_each_status_on_example_data(s2026):
    tasks, result = s2026
    assert tasks["I.2"].status == "done"
    assert tasks["I.7"].status == "not_started"
    assert tasks["I.8"].status == "unreported"
    assert tasks["II.A.3"].status == "not_due" and tasks["II.A.4"].status == "not_due"
    assert tasks["II.B.2"].status == "in_progress"
    assert result.counts["not_due"] == 2 and sum(result.counts.values()) == 27


def test_later_entry_wins(example_root):
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.3"].status == "done"  # in_progress in March, done in October
    early, _ = _status(example_root, 2026, D(2026, 9, 1))
    assert early["I.3"].status == "in_progress"


def test_multi_lead_needs_every_lead_done(s2026):
    tasks, _ = s2026
    assert tasks["I.1"].leads == {"QLMT": "done", "KSBDKH": "in_progress"}
    assert tasks["I.1"].status == "in_progress"
    assert tasks["II.E.1"].leads == {"QLMT": "in_progress", "KSBDKH": "in_progress", "TCCB": "unreported"}
    assert tasks["II.E.1"].status == "in_progress"


def test_multi_lead_done_when_all_done(example_root):
    _entry(example_root, "KSBDKH", "2026-11-01", "I.1", "done")
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.1"].status == "done"


def test_period_boundary_14_15_december(example_root):
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    # I.5: the 2025-12-14 entry belongs to 2025; only the 2026-05-12 one counts
    assert tasks["I.5"].entries == 1 and tasks["I.5"].last_date == D(2026, 5, 12)
    # I.6: the 2025-12-15 entry is the first day of the 2026 period
    assert tasks["I.6"].entries == 3
    old, _ = _status(example_root, 2025, D(2025, 12, 14))
    assert old["I.5"].entries == 1 and old["I.6"].entries == 0


def test_coordinator_entries_count_but_do_not_decide(example_root):
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.2"].entries == 2  # QLMT (lead) and VP (coordinator)
    assert tasks["I.2"].leads == {"QLMT": "done"}


def test_one_off_done_stays_done_next_year(example_root):
    tasks, _ = _status(example_root, 2027, D(2027, 3, 1))
    assert tasks["I.2"].status == "done"
    assert tasks["I.2"].entries == 0


def test_recurring_task_is_judged_year_by_year(example_root):
    tasks, _ = _status(example_root, 2027, D(2027, 3, 1))
    assert tasks["II.C.6"].status == "unreported"  # done in 2026, nothing yet in 2027
    assert tasks["II.A.3"].status == "unreported"  # starts 2027: now due


def test_overdue_after_end_year(example_root):
    tasks, _ = _status(example_root, 2026, D(2027, 1, 5))
    assert tasks["I.1"].status == "overdue"
    assert tasks["I.8"].status == "overdue"  # never reported and past 31/12/2026
    assert tasks["I.2"].status == "done"
    assert tasks["II.B.2"].status == "in_progress"  # continuing: never overdue


def test_not_started_when_every_lead_says_so(s2026):
    tasks, _ = s2026
    assert tasks["I.7"].leads == {"QLMT": "not_started"}


def test_late_units_only_after_deadline(example_root):
    _, before = _status(example_root, 2026, D(2026, 11, 14))
    assert before.late_units == []
    _, after = _status(example_root, 2026, D(2026, 11, 15))
    assert {"TSKN", "TCCB", "CNTY"} <= set(after.late_units)
    assert after.late["CNTY"] == ["II.C.4"]  # reported on 20/11, after the deadline
    assert "KHCNCDS" not in after.late_units and "KSBDKH" not in after.late_units
    assert "TTBVTV" not in after.late_units


def test_deadline_is_read_from_the_plan(example_root):
    plan = example_root / "plan" / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("month: 11", "month: 10")
    plan.write_text(text, encoding="utf-8")
    _, result = _status(example_root, 2026, D(2026, 10, 20))
    assert result.deadline == D(2026, 10, 15)
    assert result.late["KSBDKH"] == ["II.Đ.1", "II.E.1"]  # reported 10/11 and 20/10: late for 15/10


def test_unit_filter(example_root):
    tasks, result = _status(example_root, 2026, D(2026, 11, 20), unit="TTBVTV")
    assert set(tasks) >= {"II.C.6", "II.C.7"} and "I.1" not in tasks
    assert result.late_units == []


def test_correction_replaces_the_corrected_entry(example_root):
    old = _entry(example_root, "QLMT", "2026-07-01", "I.8", "done")
    fixed = "progress/QLMT/2026-07-02-I.8.yaml"
    write(
        example_root,
        fixed,
        f'task: "I.8"\nunit: "QLMT"\ndate: 2026-07-02\nstatus: "in_progress"\n'
        f'summary: "Đính chính."\ncorrects: "{old}"\n',
    )
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.8"].status == "in_progress" and tasks["I.8"].entries == 1


def test_same_day_suffix_decides_which_entry_is_later(example_root):
    _entry(example_root, "QLMT", "2026-07-01", "I.8", "done")
    _entry(example_root, "QLMT", "2026-07-01", "I.8", "in_progress", n="-2")
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.8"].leads == {"QLMT": "in_progress"}  # -2 was written after the first one
    for n in range(3, 11):
        _entry(example_root, "QLMT", "2026-07-01", "I.8", "done" if n == 10 else "in_progress", n=f"-{n}")
    tasks, _ = _status(example_root, 2026, D(2026, 11, 20))
    assert tasks["I.8"].leads == {"QLMT": "done"}  # -10 comes after -9, not after -1


def test_correction_cycles_are_refused(cli, example_root):
    a, b = "progress/QLMT/2026-07-01-I.8.yaml", "progress/QLMT/2026-07-01-I.8-2.yaml"
    write(
        example_root,
        a,
        f'task: "I.8"\nunit: "QLMT"\ndate: 2026-07-01\nstatus: "done"\nsummary: "A."\ncorrects: "{b}"\n',
    )
    write(
        example_root,
        b,
        f'task: "I.8"\nunit: "QLMT"\ndate: 2026-07-01\nstatus: "done"\nsummary: "B."\ncorrects: "{a}"\n',
    )
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and f"{a}:6:11: error KH041" in result.stdout


def test_two_corrections_of_one_entry_are_refused(cli, example_root):
    old = _entry(example_root, "QLMT", "2026-07-01", "I.8", "done")
    for day in ("02", "03"):
        write(
            example_root,
            f"progress/QLMT/2026-07-{day}-I.8.yaml",
            f'task: "I.8"\nunit: "QLMT"\ndate: 2026-07-{day}\nstatus: "done"\nsummary: "x"\ncorrects: "{old}"\n',
        )
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "progress/QLMT/2026-07-03-I.8.yaml:6:11: error KH041" in result.stdout
    assert "đã được đính chính bởi progress/QLMT/2026-07-02-I.8.yaml" in result.stdout


def test_a_late_correction_keeps_the_original_date(example_root):
    old = "progress/KHCNCDS/2026-10-05-II.E.3.yaml"
    write(
        example_root,
        "progress/KHCNCDS/2026-11-26-II.E.3.yaml",
        f'task: "II.E.3"\nunit: "KHCNCDS"\ndate: 2026-11-26\nstatus: "done"\nsummary: "Đính chính."\ncorrects: "{old}"\n',
    )
    tasks, result = _status(example_root, 2026, D(2026, 11, 27))
    assert "KHCNCDS" not in result.late_units  # it did report on time; the correction does not change that
    assert tasks["II.E.3"].status == "done" and tasks["II.E.3"].entries == 1


def test_a_correction_stays_in_the_period_of_what_it_corrects(example_root, monkeypatch):
    from kehoach import clock

    monkeypatch.setattr(clock, "today", lambda: D(2026, 12, 20))
    write(
        example_root,
        "progress/KHCNCDS/2026-12-10-II.E.3.yaml",
        'task: "II.E.3"\nunit: "KHCNCDS"\ndate: 2026-12-10\nstatus: "done"\nsummary: "Xong."\n',
    )
    write(
        example_root,
        "progress/KHCNCDS/2026-12-16-II.E.3.yaml",
        'task: "II.E.3"\nunit: "KHCNCDS"\ndate: 2026-12-16\nstatus: "done"\nsummary: "Xong (sửa số liệu)."\n'
        'corrects: "progress/KHCNCDS/2026-12-10-II.E.3.yaml"\n',
    )
    dr = load_clean(example_root, D(2026, 12, 20))
    y2026 = {t.id: t for t in compute(dr, 2026, D(2026, 12, 20)).tasks}
    y2027 = {t.id: t for t in compute(dr, 2027, D(2026, 12, 20)).tasks}
    assert y2026["II.E.3"].status == "done" and y2027["II.E.3"].entries == 0


def test_tasks_that_ended_earlier_make_no_one_late(example_root):
    _, result = _status(example_root, 2027, D(2027, 11, 20))
    ended = {"I.1", "I.4", "I.5", "I.7", "I.8"}  # one-off 2026 tasks, overdue in 2027
    assert not any(ended & set(ids) for ids in result.late.values())
