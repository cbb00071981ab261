"""`kehoach status` through the CLI: both formats on the example data."""

from __future__ import annotations

import json


def test_status_json_contract(cli, example_root):
    result = cli(["status", "--year", "2026", "--as-of", "2026-11-20", "--format", "json"], example_root)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"year", "period", "from", "to", "as_of", "tasks", "late_units"}
    assert data["year"] == 2026 and data["as_of"] == "2026-11-20"
    assert (data["period"], data["from"], data["to"]) == ("year", "2025-12-15", "2026-12-14")
    assert len(data["tasks"]) == 27
    first = data["tasks"][0]
    assert set(first) == {"id", "status", "timeliness", "leads", "entries"}
    assert first == {
        "id": "I.1",
        "status": "in_progress",
        "timeliness": "on_time",
        "leads": {"QLMT": "done", "KSBDKH": "in_progress"},
        "entries": 3,
    }
    assert data["late_units"] == ["CNTY", "QLMT", "TCCB", "TSKN"]


def test_status_table_in_vietnamese(cli, example_root):
    result = cli(["status", "--year", "2026", "--as-of", "2026-11-20"], example_root)
    assert result.exit_code == 0
    out = result.stdout
    for words in (
        "Đã hoàn thành",
        "Đang thực hiện",
        "Chưa báo cáo",
        "Chưa đến kỳ thực hiện",
        "Đơn vị chưa báo cáo trước 15/11/2026",
        "TSKN — Chi cục Thủy sản và Kiểm ngư",
        "Thời hạn",
        "(trong hạn)",
        "hoàn thành đúng hạn 4",
    ):
        assert words in out, words


def test_status_before_deadline_lists_no_late_units(cli, example_root):
    result = cli(["status", "--year", "2026", "--as-of", "2026-11-10", "--format", "json"], example_root)
    assert json.loads(result.stdout)["late_units"] == []
    text = cli(["status", "--year", "2026", "--as-of", "2026-11-10"], example_root).stdout
    assert "chưa đến hạn" in text


def test_status_bad_date_is_usage_error(cli, example_root):
    result = cli(["status", "--year", "2026", "--as-of", "20/11/2026"], example_root)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_status_unknown_unit(cli, example_root):
    result = cli(["status", "--year", "2026", "--unit", "ABC"], example_root)
    assert result.exit_code == 2 and "ABC" in result.output


def test_status_refuses_invalid_data(cli, example_root):
    (example_root / "progress" / "QLMT" / "2026-04-20-I.2.yaml").write_text("- x\n", encoding="utf-8")
    result = cli(["status", "--year", "2026"], example_root)
    assert result.exit_code == 1 and "KH013" in result.output


def test_task_text_with_brackets_is_shown_not_parsed(cli, example_root):
    tasks = example_root / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").replace(
        'content: "Xây dựng kế hoạch quản lý chất lượng nước mặt',
        'content: "[/x] [link] Xây dựng kế hoạch quản lý chất lượng nước mặt',
        1,
    )
    tasks.write_text(text, encoding="utf-8")
    for args in (["plan"], ["status", "--year", "2026", "--as-of", "2026-11-20"]):
        result = cli(args, example_root)
        assert result.exit_code == 0, result.output
        assert "[/x] [link]" in result.stdout


def test_unit_option_takes_any_case_and_suggests_a_near_miss(cli, example_root):
    lower = cli(
        ["status", "--year", "2026", "--as-of", "2026-11-20", "--unit", " qlmt", "--format", "json"], example_root
    )
    upper = cli(
        ["status", "--year", "2026", "--as-of", "2026-11-20", "--unit", "QLMT", "--format", "json"], example_root
    )
    assert lower.exit_code == 0 and lower.output == upper.output
    near = cli(["status", "--year", "2026", "--unit", "QLMX"], example_root)
    assert near.exit_code == 2 and "KH230" in near.output and "Ý bạn là `QLMT`?" in near.output
