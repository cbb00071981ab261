"""Real temporary git repositories for the review tests: a `repo` fixture and small helpers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Thử nghiệm",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "core.quotepath=false",
            *args,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repo on branch `feature`, forked from `main` whose only commit is examples/."""
    root = tmp_path / "kho"
    shutil.copytree(EXAMPLES, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Dữ liệu gốc")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def commit(repo: Path, message: str = "Thay đổi") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def entry(task: str, unit: str, date: str, status: str, summary: str, corrects: str | None = None) -> str:
    text = f'task: "{task}"\nunit: "{unit}"\ndate: {date}\nstatus: "{status}"\nsummary: "{summary}"\n'
    return text + (f'corrects: "{corrects}"\n' if corrects else "")
