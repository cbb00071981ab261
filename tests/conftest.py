"""Shared fixtures: the repo's data, a writable copy of the example root, the CLI runner."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach import clock
from kehoach.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TODAY = dt.date(2026, 11, 28)

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX only: FIFOs, Unix permissions, symlinks")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Every test runs on 2026-11-28 so 'not in the future' rules are stable."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def example_root(tmp_path: Path) -> Path:
    """A writable copy of examples/ (fictional data)."""
    dest = tmp_path / "root"
    shutil.copytree(EXAMPLES, dest)
    return dest


@pytest.fixture
def real_root(tmp_path: Path) -> Path:
    """The real plan, units and templates with no progress entry: what the tests assert must not
    change when units add their entries to the repo's progress/ (dated after TODAY, too)."""
    dest = tmp_path / "real"
    for name in ("plan", "units", "templates"):
        shutil.copytree(REPO / name, dest / name)
    (dest / "progress").mkdir()
    return dest


@pytest.fixture
def cli():
    """cli(args, root=None) -> Result, through Typer's runner."""
    runner = CliRunner()

    def invoke(args: list[str], root: Path | None = None, input: str | None = None):
        full = (["--root", str(root)] if root is not None else []) + [str(a) for a in args]
        return runner.invoke(app, full, input=input, catch_exceptions=False)

    return invoke


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
