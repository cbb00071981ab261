"""bench/run.py's git repository: the two review scenarios it times are what they claim."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
run = importlib.util.module_from_spec(_spec)
sys.modules["bench_run"] = run  # (its dataclasses look their module up)
_spec.loader.exec_module(run)


def _git(root, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotepath=false", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout


def test_review_scenarios_add_all_entries_then_one(tmp_path, cli):
    root = run.ensure_root(tmp_path, 60, seed=3)
    run.ensure_repo(root)
    all_new = _git(root, "diff", "--name-status", "bench-base", "main").splitlines()
    assert len(all_new) == 60 and all(line.startswith("A\tprogress/") for line in all_new)
    one = _git(root, "diff", "--name-status", "main", "bench-one").splitlines()
    assert len(one) == 1 and one[0].startswith("A\tprogress/")
    assert _git(root, "branch", "--show-current") == "main\n"
    assert _git(root, "status", "--porcelain", "--untracked-files=no") == ""  # left clean on main
    result = cli(["review", "main", "bench-one"], root)
    assert result.exit_code == 0, result.output
    assert "1 mục tiến độ mới, không có lỗi" in result.output
