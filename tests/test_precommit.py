"""pre-commit works as README says: on a fresh clone, after `pip install pre-commit &&
pre-commit install` and nothing else on PATH, a bad entry is blocked and a good one passes.

Runs the real pre-commit (a test dependency); the hooks' environment is built from PyPI
once and cached in .venv/pre-commit-cache. Skips when pre-commit or that environment
cannot be installed (no network)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

sys.path.insert(0, str(REPO / ".ci"))
import precommit_deps

ENTRY = "progress/QLMT/2025-12-15-I.2.yaml"
GOOD = (
    "# yaml-language-server: $schema=../../schemas/entry.schema.json\n"
    'task: "I.2"\nunit: "QLMT"\ndate: 2025-12-15\nstatus: "in_progress"\nsummary: "Đã triển khai."\n'
)


def test_hooks_install_the_locked_runtime_dependencies():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for r in config["repos"] for h in r["hooks"]]
    assert [h["id"] for h in hooks] == ["kehoach-fmt", "kehoach-validate"]
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["additional_dependencies"] == precommit_deps.expected(), "run `make lock`"
    assert any(p.startswith("typer==0.29.") for p in precommit_deps.expected())


def _git(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "user.name=Kiểm thử", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh repository with this checkout's files, pre-commit installed, and a PATH with git only."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install pre-commit)")
    if os.name == "nt":
        pytest.skip("run on Linux: the hooks are the same, but a PATH of git alone cannot run Git's own sh on Windows")
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("clone")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for rel in filter(None, listed.split("\0")):
        if (REPO / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, repo / rel)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    assert _git(repo, "commit", "-q", "-m", "bản sao").returncode == 0
    system = [str(Path(git).parent)] + (["/usr/bin", "/bin"] if os.name != "nt" else [])
    path = os.pathsep.join(dict.fromkeys(system))
    assert shutil.which("kehoach", path=path) is None, "kehoach must not be on the hooks' PATH"
    env = {**os.environ, "PATH": path, "PRE_COMMIT_HOME": str(REPO / ".venv" / "pre-commit-cache")}
    env.pop("VIRTUAL_ENV", None)
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    envs = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if envs.returncode != 0:
        pytest.skip("the hooks' environment could not be installed (offline?): " + envs.stdout[-300:])
    return repo, env


def _commit(repo: Path, env: dict[str, str], text: str, rel: str = ENTRY) -> subprocess.CompletedProcess[str]:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    _git(repo, "add", rel)
    return _git(repo, "commit", "-m", "thêm mục", env=env)


def _head(repo: Path) -> str:
    return _git(repo, "rev-parse", "HEAD").stdout.strip()


def test_bad_entry_is_blocked(clone):
    repo, env = clone
    before = _head(repo)
    result = _commit(repo, env, GOOD.replace('"in_progress"', '"xong"'))
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "kehoach validate" in out and "Failed" in out
    assert f"{ENTRY}:5:9: error KH023" in out  # status: what is wrong, where
    assert _head(repo) == before
    _git(repo, "reset", "-q", "--hard")


def test_good_entry_passes(clone):
    repo, env = clone
    before = _head(repo)
    result = _commit(repo, env, GOOD)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "kehoach fmt" in out and "kehoach validate" in out and "Passed" in out
    assert _head(repo) != before


def test_untidy_entry_is_formatted_and_must_be_added_again(clone):
    repo, env = clone
    rel = "progress/QLMT/2025-12-16-I.3.yaml"
    untidy = GOOD.replace("12-15", "12-16").replace('"I.2"', '"I.3"').replace('unit: "QLMT"', "unit:   QLMT")
    result = _commit(repo, env, untidy, rel)
    assert result.returncode != 0
    assert "files were modified by this hook" in result.stdout + result.stderr
    assert 'unit: "QLMT"' in (repo / rel).read_text(encoding="utf-8")
    _git(repo, "add", rel)
    assert _git(repo, "commit", "-m", "thêm mục", env=env).returncode == 0
