"""Both CI templates install the checker from the base commit, never from the request's tree.

The install step is taken from each template and run by a real shell in a
temporary repository whose request changes the tool; `python` and `pip` are
stand-ins that record which tree would be installed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from tests.commands.gitrepo import git
from tests.conftest import REPO, write

STUB_PYTHON = """#!/bin/sh
# python -m venv DIR: make DIR/bin/pip, which records what it is asked to install
[ "$1" = "-m" ] && [ "$2" = "venv" ] || exit 9
mkdir -p "$3/bin"
cat > "$3/bin/pip" <<'PIP'
#!/bin/sh
for last; do :; done
cat "$last/src/marker" > "$INSTALLED"
PIP
chmod +x "$3/bin/pip"
"""


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    """origin: main (marker `base`), then main moves on (`main2`); clone on branch `pr` from the
    first commit, whose request rewrites the tool (`pr`). Returns (clone, bin folder with stubs)."""
    origin = tmp_path / "origin"
    write(origin, "src/marker", "base\n")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "gốc")
    git(origin, "checkout", "-q", "-b", "pr")
    write(origin, "src/marker", "pr\n")
    git(origin, "commit", "-q", "-am", "yêu cầu sửa công cụ")
    git(origin, "checkout", "-q", "main")
    write(origin, "src/marker", "main2\n")
    git(origin, "commit", "-q", "-am", "main đi tiếp")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--branch", "pr", str(origin), str(clone)], check=True)
    stubs = tmp_path / "stubs"
    write(stubs, "python", STUB_PYTHON)
    (stubs / "python").chmod(0o755)
    return clone, stubs


def _run(script: str, cwd: Path, stubs: Path, env: dict[str, str]) -> str:
    installed = cwd.parent / "installed"
    full = {**os.environ, **env, "PATH": f"{stubs}:{os.environ['PATH']}", "INSTALLED": str(installed)}
    subprocess.run(["sh", "-ec", script], cwd=cwd, env=full, check=True, capture_output=True)
    return installed.read_text().strip()


def test_github_installs_the_merge_base_tool(tmp_path):
    workflow = yaml.safe_load((REPO / ".github/workflows/kehoach.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    install = [s for s in steps if "pip" in s.get("run", "")]
    assert len(install) == 1 and "worktree add" in install[0]["run"]  # one install step, from a worktree
    after = steps[steps.index(install[0]) + 1 :]
    assert all("kehoach" not in s.get("run", "") for s in steps[: steps.index(install[0])])
    assert any("review" in s.get("run", "") and "--summary" in s["run"] for s in after)
    assert workflow["permissions"] == {"contents": "read"}
    clone, stubs = _repo(tmp_path)
    base = git(clone, "rev-parse", "origin/main").strip()
    files = {k: str(tmp_path / k) for k in ("GITHUB_PATH", "GITHUB_ENV")}
    env = {"EVENT": "pull_request", "BASE_SHA": base, "RUNNER_TEMP": str(tmp_path / "t1"), **files}
    assert _run(install[0]["run"], clone, stubs, env) == "base"  # the branch point, not the request
    git(clone, "checkout", "-q", "-b", "main", "origin/main")
    env = {**env, "EVENT": "push", "RUNNER_TEMP": str(tmp_path / "t2")}
    assert _run(install[0]["run"], clone, stubs, env) == "main2"  # a push to main uses main


def test_gitlab_installs_the_merge_base_tool(tmp_path):
    ci = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    before = ci["default"]["before_script"]
    install = [s for s in before if "pip" in s]
    assert len(install) == 1 and "worktree add" in install[0]
    jobs = [v for v in ci.values() if isinstance(v, dict) and "script" in v]
    assert all("pip" not in line for job in jobs for line in job["script"])
    assert "--summary" in " ".join(ci["review"]["script"])
    clone, stubs = _repo(tmp_path)
    script = install[0].replace("/tmp/", f"{tmp_path}/")
    env = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    assert _run(script, clone, stubs, env) == "base"
