"""Plan consistency: timelines agree with their wording; wordings without a start year are fine."""

from __future__ import annotations

import json


def _set_timeline(root, old: str, new: str):
    tasks = root / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    assert old in text
    tasks.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_timeline_disagreeing_with_its_wording_warns(cli, example_root):
    _set_timeline(example_root, 'text: "2027-2028"', 'text: "2027-2029"')
    result = cli(["validate", "--format", "json"], example_root)
    codes = [p["code"] for p in json.loads(result.stdout)]
    assert codes == ["KH038"] and result.exit_code == 0


def test_every_year_wording_has_no_start_year_to_compare(cli, example_root):
    _set_timeline(example_root, 'text: "2027-2028"', 'text: "Hằng năm"')
    tasks = example_root / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    # make the structured years say "every year from 2027": no end year, continuing
    i = text.index('text: "Hằng năm"')
    head, tail = text[:i], text[i:]
    j = head.rindex("end: 2028")
    head = head[:j] + "end: null" + head[j + len("end: 2028") :]
    k = head.rindex("continuing: false")
    head = head[:k] + "continuing: true" + head[k + len("continuing: false") :]
    tasks.write_text(head + tail, encoding="utf-8")
    result = cli(["validate", "--format", "json"], example_root)
    assert json.loads(result.stdout) == [] and result.exit_code == 0


def _edit(root, rel, old, new):
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_duplicate_task_id_points_at_the_duplicate(cli, example_root):
    _edit(example_root, "plan/tasks.yaml", 'id: "I.2"', 'id: "I.1"')
    problems = json.loads(cli(["validate", "--format", "json"], example_root).stdout)
    dup = [p for p in problems if p["code"] == "KH036"]
    assert len(dup) == 1 and dup[0]["line"] > 10 and "dòng" in dup[0]["message"]


def test_units_that_make_no_sense_in_a_task(cli, example_root):
    _edit(
        example_root,
        "plan/tasks.yaml",
        'lead:\n          - "QLMT"\n          - "KSBDKH"',
        'lead:\n          - "QLMT"\n          - "QLMT"',
    )
    _edit(example_root, "plan/tasks.yaml", '- "VP"\n          - "KHTH"', '- "VP"\n          - "QLMT"')
    _edit(example_root, "plan/tasks.yaml", '- "CNTY"', '- "UBNDT"')
    problems = json.loads(cli(["validate", "--format", "json"], example_root).stdout)
    messages = " ".join(p["message"] for p in problems if p["path"] == "plan/tasks.yaml")
    assert "ghi hai lần" in messages and "không ghi thêm ở cơ quan phối hợp" in messages
    assert "cơ quan ngoài Sở" in messages


def test_unit_file_named_after_its_code(cli, example_root):
    (example_root / "units" / "BNNMT.yaml").rename(example_root / "units" / "BO.yaml")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "units/BO.yaml:" in result.stdout and "KH033" in result.stdout


def test_reviewer_names_cannot_inject_codeowners_lines(cli, example_root):
    _edit(example_root, "units/QLMT.yaml", "reviewers: []", 'reviewers: ["a\\nb * @attacker"]')
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "units/QLMT.yaml:" in result.stdout and "KH023" in result.stdout


def test_a_broken_unit_file_is_reported_once_not_everywhere(cli, example_root):
    _edit(example_root, "units/QLMT.yaml", 'kind: "phong"', 'kind: "phòng"')
    problems = json.loads(cli(["validate", "--format", "json"], example_root).stdout)
    assert [(p["path"], p["code"]) for p in problems] == [("units/QLMT.yaml", "KH023")]
