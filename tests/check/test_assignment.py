"""A task's lead changed in plan/tasks.yaml: reported once at the plan, with the entries it would
invalidate and how to record the change; an amendment keeps earlier entries valid."""

from __future__ import annotations

import json
import re

import pytest

from tests.advice import apply
from tests.conftest import write

OLD = ["progress/QLMT/2025-12-14-I.5.yaml", "progress/QLMT/2026-05-12-I.5.yaml"]
AMENDMENT = """amendments:
  - kind: "Kế hoạch"
    number: "15/KH-SNNMT"
    date: 2026-06-01
    title: "Điều chỉnh, bổ sung Kế hoạch (dữ liệu minh họa)"
    changes:
      - task: "I.5"
        lead: {before: ["QLMT"], after: ["KSBDKH"]}
"""


@pytest.fixture
def reassigned(example_root):
    """I.5's lead changed from QLMT to KSBDKH in plan/tasks.yaml; QLMT has two entries on I.5."""
    tasks = example_root / "plan/tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    head, tail = text.split('- id: "I.5"', 1)
    tasks.write_text(head + '- id: "I.5"' + tail.replace('- "QLMT"', '- "KSBDKH"', 1), encoding="utf-8")
    for rel in OLD:
        assert (example_root / rel).is_file()
    return example_root


def _json(cli, root):
    return json.loads(cli(["validate", "--format", "json"], root).stdout)


def test_lead_change_is_reported_once_at_the_plan(cli, reassigned):
    problems = _json(cli, reassigned)
    assert [p["path"] for p in problems] == ["plan/tasks.yaml"]
    (p,) = problems
    assert p["code"] == "KH032" and p["severity"] == "error"
    for rel in OLD:
        assert rel in p["message"]
    assert 'lead: {before: ["QLMT"], after: ["KSBDKH"]}' in p["message"]
    assert "Kế hoạch điều chỉnh, bổ sung" in p["message"]


def test_recording_the_amendment_as_advised_keeps_history_valid(cli, reassigned):
    (p,) = _json(cli, reassigned)
    example = re.search(r"ví dụ `(amendments: .+?)` \(", p["message"])[1]
    filled = (
        example.replace("<số, ký hiệu>", "15/KH-SNNMT")
        .replace("<ngày ban hành>", "2026-06-01")
        .replace("<trích yếu>", "Điều chỉnh")
    )
    with (reassigned / "plan/plan.yaml").open("a", encoding="utf-8") as f:
        f.write(filled + "\n")
    result = cli(["validate"], reassigned)
    assert result.exit_code == 0, result.stdout
    assert cli(["fmt", "--check"], reassigned).exit_code in (0, 1)  # fmt understands the new key


def test_entry_after_the_amendment_is_judged_by_the_new_assignment(cli, reassigned):
    with (reassigned / "plan/plan.yaml").open("a", encoding="utf-8") as f:
        f.write(AMENDMENT)
    late = "progress/QLMT/2026-07-01-I.5.yaml"
    write(reassigned, late, (reassigned / OLD[1]).read_text(encoding="utf-8").replace("2026-05-12", "2026-07-01"))
    problems = _json(cli, reassigned)
    assert [(p["path"], p["code"]) for p in problems] == [(late, "KH032")]
    assert "15/KH-SNNMT" in problems[0]["message"] and "2026-06-01" in problems[0]["message"]
    # the new lead may report from the amendment on
    write(
        reassigned,
        "progress/KSBDKH/2026-07-01-I.5.yaml",
        (reassigned / late).read_text(encoding="utf-8").replace('"QLMT"', '"KSBDKH"'),
    )
    (reassigned / late).unlink()
    assert cli(["validate"], reassigned).exit_code == 0


def test_single_wrong_entry_is_reported_at_the_entry(cli, example_root):
    rel = "progress/TSKN/2026-05-20-I.5.yaml"
    write(
        example_root,
        rel,
        'task: "I.5"\nunit: "TSKN"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã xong."\n',
    )
    problems = _json(cli, example_root)
    assert [(p["path"], p["code"]) for p in problems] == [(rel, "KH032")]


@pytest.mark.parametrize(
    "edit,code,fix",
    [
        ('after: ["KSBDKH"]', "KH203", 'after: ["KSBDKH"]'),  # amendment disagrees with tasks.yaml
        ('before: ["QLMT"], after: ["KSBDK"]', "KH202", "Ý bạn là `KSBDKH`?"),
    ],
)
def test_amendment_mistakes(cli, reassigned, edit, code, fix):
    text = AMENDMENT.replace('after: ["KSBDKH"]', 'after: ["QLMT"]') if code == "KH203" else AMENDMENT
    text = text.replace('before: ["QLMT"], after: ["KSBDKH"]', edit) if code == "KH202" else text
    with (reassigned / "plan/plan.yaml").open("a", encoding="utf-8") as f:
        f.write(text)
    problems = [p for p in _json(cli, reassigned) if p["code"] == code]
    assert problems and fix in problems[0]["message"], problems
    if code == "KH203":
        apply(reassigned, problems[0])
        assert cli(["validate"], reassigned).exit_code == 0


def test_chained_amendments_must_agree(cli, reassigned):
    second = AMENDMENT.split("\n", 1)[1].replace("15/KH-SNNMT", "20/KH-SNNMT").replace("2026-06-01", "2026-08-01")
    second = second.replace('before: ["QLMT"], after: ["KSBDKH"]', 'before: ["VP"], after: ["KSBDKH"]')
    with (reassigned / "plan/plan.yaml").open("a", encoding="utf-8") as f:
        f.write(AMENDMENT.replace('after: ["KSBDKH"]', 'after: ["QLMT"]') + second)
    problems = [p for p in _json(cli, reassigned) if p["code"] == "KH203"]
    assert any('before: ["QLMT"]' in p["message"] for p in problems), problems


def test_status_of_a_year_uses_the_leads_of_that_year(cli, reassigned):
    """Reassigned from 2027: the 2026 status still follows QLMT's entries (the lead then)."""
    with (reassigned / "plan/plan.yaml").open("a", encoding="utf-8") as f:
        f.write(AMENDMENT.replace("2026-06-01", "2027-01-01"))
    assert cli(["validate"], reassigned).exit_code == 0
    out = json.loads(cli(["status", "--year", "2026", "--as-of", "2026-11-20", "--format", "json"], reassigned).stdout)
    (i5,) = [t for t in out["tasks"] if t["id"] == "I.5"]
    assert list(i5["leads"]) == ["QLMT"] and i5["status"] != "unreported"
