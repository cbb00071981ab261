"""`kehoach validate` as a user runs it: formats, exit codes, PATH filters, never writing."""

from __future__ import annotations

import datetime as dt
import json
import os

from kehoach import clock
from tests.conftest import REPO, write

BAD = "progress/QLMT/2026-05-20-I.9.yaml"


def _break(root):
    write(root, BAD, 'task: "I.9"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "x"\n')


def test_repo_data_is_clean(cli, monkeypatch):
    monkeypatch.setattr(clock, "today", dt.date.today)  # the units' real entries are judged on the real date
    result = cli(["validate"], REPO)
    assert result.exit_code == 0, result.output
    assert "không có lỗi" in result.stdout


def test_examples_are_clean(cli, example_root):
    result = cli(["validate"], example_root)
    assert result.exit_code == 0, result.output


def test_text_format_and_summary(cli, example_root):
    _break(example_root)
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{BAD}:1:7: error KH030: nhiệm vụ `I.9` không có trong Phụ lục")
    assert lines[-1].startswith("Đã kiểm tra") and "1 lỗi" in lines[-1]


def test_json_format(cli, example_root):
    _break(example_root)
    result = cli(["validate", "--format", "json"], example_root)
    data = json.loads(result.stdout)
    assert data == [
        {"path": BAD, "line": 1, "col": 7, "severity": "error", "code": "KH030", "message": data[0]["message"]}
    ]


def test_github_format(cli, example_root, monkeypatch):
    _break(example_root)
    monkeypatch.chdir(example_root)
    result = cli(["validate", "--format", "github"], example_root)
    assert result.stdout.startswith(f"::error file={BAD},line=1,col=7,title=KH030::")


def test_gitlab_format(cli, example_root):
    _break(example_root)
    data = json.loads(cli(["validate", "--format", "gitlab"], example_root).stdout)
    assert data[0]["check_name"] == "KH030" and data[0]["location"]["lines"]["begin"] == 1


def test_paths_narrow_the_report(cli, example_root):
    _break(example_root)
    other = cli(["validate", str(example_root / "progress" / "TTBVTV")], example_root)
    assert other.exit_code == 0
    mine = cli(["validate", str(example_root / BAD)], example_root)
    assert mine.exit_code == 1 and "KH030" in mine.stdout


def test_warnings_pass_unless_strict(cli, example_root):
    write(example_root, "units/ghi-chu.txt", "không phải YAML")  # outside progress/: a warning
    assert cli(["validate"], example_root).exit_code == 0
    strict = cli(["validate", "--strict"], example_root)
    assert strict.exit_code == 1 and "warning KH040" in strict.stdout


def test_usage_error_exits_2(cli, example_root):
    assert cli(["validate", "--format", "xml"], example_root).exit_code == 2


def test_no_root_found_exits_2(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(["validate"])
    assert result.exit_code == 2 and "--root" in result.output


def test_root_found_from_a_subfolder(cli, example_root, monkeypatch):
    monkeypatch.chdir(example_root / "progress" / "QLMT")
    assert cli(["validate"]).exit_code == 0


def test_validate_never_writes(cli, example_root):
    _break(example_root)
    before = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in example_root.rglob("*")}
    cli(["validate"], example_root)
    after = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in example_root.rglob("*")}
    assert before == after


def test_plan_is_checked_too(cli, example_root):
    tasks = example_root / "plan" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace('- "TTQT"', '- "TTQTX"', 1), encoding="utf-8")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "KH037" in result.stdout and "plan/tasks.yaml:" in result.stdout


def test_missing_plan_file(cli, example_root):
    os.remove(example_root / "plan" / "tasks.yaml")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "plan/tasks.yaml:1:1: error KH039" in result.stdout


def test_paths_that_do_not_exist_or_lie_outside_are_usage_errors(cli, example_root, tmp_path):
    assert cli(["validate", str(example_root / "khong-co")], example_root).exit_code == 2
    outside = tmp_path / "x.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    assert cli(["validate", str(outside)], example_root).exit_code == 2


def test_missing_nested_key_points_at_its_parent_key(cli, example_root):
    plan = example_root / "plan" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  deadline:\n")
    end = text.index("  deadline_text:")
    plan.write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[: text.index("reporting:")].count("\n") + 1
    result = cli(["validate"], example_root)
    assert f"plan/plan.yaml:{line}:1: error KH021: thiếu khóa bắt buộc `deadline`" in result.stdout


def test_duplicate_unit_code_points_at_code(cli, example_root):
    src = (example_root / "units" / "QLMT.yaml").read_text(encoding="utf-8")
    (example_root / "units" / "QLMT2.yaml").write_text(src, encoding="utf-8")
    line = src[: src.index("code:")].count("\n") + 1
    out = cli(["validate"], example_root).stdout
    assert f"units/QLMT2.yaml:{line}:7: error KH036" in out
