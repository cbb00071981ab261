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
    head = head[:j] + "end: null" + head[j + len("end: 2028"):]
    k = head.rindex("continuing: false")
    head = head[:k] + "continuing: true" + head[k + len("continuing: false"):]
    tasks.write_text(head + tail, encoding="utf-8")
    result = cli(["validate", "--format", "json"], example_root)
    assert json.loads(result.stdout) == [] and result.exit_code == 0
