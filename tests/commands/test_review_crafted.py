"""Trees a hostile contributor builds with git's plumbing (no checkout involved): review's
verdict must be what validate would say on a checkout, or a refusal where none is possible."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.commands.gitrepo import entry, git


def _blob(repo: Path, data: bytes) -> str:
    args = ["git", "hash-object", "-w", "--stdin"]
    return subprocess.run(args, cwd=repo, input=data, capture_output=True, check=True).stdout.decode().strip()


def _commit_with(repo: Path, files: dict[str, bytes]) -> str:
    """A commit on top of HEAD with `files` added through the index only (names no file
    system takes are fine there), leaving the work tree alone."""
    for path, data in files.items():
        git(repo, "update-index", "--add", "--cacheinfo", f"100644,{_blob(repo, data)},{path}")
    tree = git(repo, "write-tree").strip()
    git(repo, "read-tree", "HEAD")  # the index as it was
    return git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "cây lạ").strip()


@pytest.mark.parametrize(
    "path",
    [
        "templates/" + "t" * 300 + ".docx.j2",  # no content check: it would pass
        "units/" + "ế" * 90 + ".yaml",  # 90 characters, 270 bytes
        "progress/" + "Q" * 256 + "/2026-11-25-I.2.yaml",
    ],
)
def test_a_name_no_file_system_takes_is_refused(repo, cli, path):
    """A name longer than 255 bytes cannot be checked out anywhere ("File name too long"):
    merged, it would break every clone, so review refuses it (as it did when it wrote files)."""
    head = _commit_with(repo, {path: entry("I.2", "QLMT", "2026-11-25", "done", "x").encode()})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1
    assert "**KH100**" in result.output and "255 byte" in result.output
    assert "Traceback" not in result.output


def test_a_long_name_that_fits_is_read(repo, cli):
    """255 bytes is still a name (the limit is not off by one)."""
    head = _commit_with(repo, {"templates/" + "t" * 251 + ".j2": b"x"})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 0, result.output
