"""Round trip: our plan as Word, imported back, gives the same tasks and unit names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.docximport.builders import seed_plan_docx


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _names(root: Path) -> dict[str, str]:
    return {p.stem: _load(p)["name"] for p in (root / "units").glob("*.yaml")}


def _tasks(root: Path) -> list[dict]:
    """Every task with unit codes replaced by unit names (codes may be derived differently)."""
    names = _names(root)
    out: list[dict] = []

    def walk(groups: list[dict]) -> None:
        for g in groups:
            for t in g.get("tasks", []):
                t = dict(
                    t, lead=[names[c] for c in t["lead"]], coordinating=[names.get(c, c) for c in t["coordinating"]]
                )
                out.append(t)
            walk(g.get("groups", []))

    walk(_load(root / "plan/tasks.yaml")["groups"])
    return out


def _used_names(root: Path) -> set[str]:
    names = _names(root)
    return {names[c] for t in _tasks_codes(root) for c in t if c in names}


def _tasks_codes(root: Path) -> list[list[str]]:
    out = []

    def walk(groups):
        for g in groups:
            out.extend(t["lead"] + t["coordinating"] for t in g.get("tasks", []))
            walk(g.get("groups", []))

    walk(_load(root / "plan/tasks.yaml")["groups"])
    return out


def _assert_same_plan(out: Path) -> None:
    assert _tasks(out) == _tasks(REPO)
    assert _load(out / "plan/tasks.yaml")["title"] == _load(REPO / "plan/tasks.yaml")["title"]
    assert set(_names(out).values()) == _used_names(REPO)

    def groups(root):
        return [
            (g["id"], g["title"], [s["id"] for s in g.get("groups", [])])
            for g in _load(root / "plan/tasks.yaml")["groups"]
        ]

    assert groups(out) == groups(REPO)


def test_round_trip_seed_layout(tmp_path, cli):
    source = seed_plan_docx(REPO, tmp_path / "ke-hoach.docx")
    out = tmp_path / "root"
    result = cli(["import-docx", source, "-o", out])
    assert result.exit_code == 0, result.output
    assert "27 nhiệm vụ trong 8 nhóm" in result.output
    assert "Không nhập được" not in result.output and "Cần xem lại" not in result.output
    _assert_same_plan(out)
    plan, ours = _load(out / "plan/plan.yaml"), _load(REPO / "plan/plan.yaml")
    for key in ("issuer", "document", "opening", "sections", "closing", "recipients", "archive"):
        assert plan[key] == ours[key], key
    assert plan["reporting"]["deadline"] == ours["reporting"]["deadline"]
    assert [b["number"] for b in plan["basis"]] == [b["number"] for b in ours["basis"]]


def test_round_trip_through_kehoach_plan(tmp_path, cli):
    pytest.importorskip("kehoach.commands.plan_docx")
    source = tmp_path / "ke-hoach.docx"
    rendered = cli(["plan", "-o", source], root=REPO)
    assert rendered.exit_code == 0, rendered.output
    out = tmp_path / "root"
    result = cli(["import-docx", source, "-o", out])
    assert result.exit_code == 0, result.output
    _assert_same_plan(out)


def test_round_trip_into_existing_units_is_exact(tmp_path, cli):
    """With our units/ already in the target, known names keep their codes: tasks.yaml comes back identical."""
    out = tmp_path / "root"
    shutil.copytree(REPO / "units", out / "units")
    source = seed_plan_docx(REPO, tmp_path / "ke-hoach.docx")
    result = cli(["import-docx", source, "-o", out])
    assert result.exit_code == 0, result.output
    assert "(0 đơn vị mới)" in result.output
    assert _load(out / "plan/tasks.yaml") == _load(REPO / "plan/tasks.yaml")
    assert sorted(p.name for p in (out / "units").iterdir()) == sorted(p.name for p in (REPO / "units").iterdir())
