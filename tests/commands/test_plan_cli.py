"""`kehoach plan`: the appendix in the terminal and as JSON."""

from __future__ import annotations

import json

from tests.conftest import REPO


def test_plan_json_contract(cli):
    result = cli(["plan", "--format", "json"], REPO)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"code", "name"} <= set(data["units"][0])
    assert len(data["tasks"]) == 27
    t = next(t for t in data["tasks"] if t["id"] == "II.B.2")
    assert t["group"] == "II.B" and t["lead"] == ["QLMT"]
    assert t["timeline"] == {"start": 2026, "end": None, "continuing": True, "text": "2026 và các năm tiếp theo"}
    assert t["coordinating"] == ["Các cơ quan, đơn vị, địa phương có liên quan"]
    assert set(t) == {"id", "group", "content", "lead", "coordinating", "timeline", "output", "note"}


def test_plan_table(cli):
    result = cli(["plan"], REPO)
    assert result.exit_code == 0
    for task_id in ("I.1", "II.A.3", "II.Đ.1", "II.E.3"):
        assert task_id in result.stdout
