"""One direction: load → check → compute → render; neutral modules (text_vn, layout,
codeowners) serve all of them; only the command layer (cli.py, commands/) speaks to the user
about usage."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "kehoach"
LATER = {  # a stage may not import these
    "load": ("kehoach.check", "kehoach.compute", "kehoach.render", "kehoach.commands", "kehoach.cli"),
    "model": ("kehoach.load", "kehoach.check", "kehoach.compute", "kehoach.render", "kehoach.commands", "kehoach.cli"),
    "check": ("kehoach.compute", "kehoach.render", "kehoach.commands", "kehoach.cli"),
    "compute": ("kehoach.render", "kehoach.commands", "kehoach.cli"),
    "render": ("kehoach.commands", "kehoach.cli"),
}


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


@pytest.mark.parametrize("stage", sorted(LATER))
def test_no_stage_imports_a_later_one(stage):
    bad = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / stage).rglob("*.py"))
        for name in _imports(path)
        if name.startswith(LATER[stage])
    ]
    assert bad == []


@pytest.mark.parametrize("stage", sorted(LATER))
def test_usage_errors_come_from_the_command_layer_only(stage):
    bad = [
        f"{path.relative_to(SRC)} uses UsageError"
        for path in sorted((SRC / stage).rglob("*.py"))
        if "UsageError" in path.read_text(encoding="utf-8")
    ]
    assert bad == []


def test_commands_return_what_they_say_and_cli_prints_it():
    """One printing convention: only the CLI layer prints (cli.py, its error handler); `add` asks questions."""
    talkers = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if path.name not in ("cli.py", "cli_vi.py", "error_handler.py", "add_prompt.py")
        and re.search(r"typer\.(echo|secho)|\bprint\(|Console\(", path.read_text(encoding="utf-8"))
    ]
    assert talkers == []
