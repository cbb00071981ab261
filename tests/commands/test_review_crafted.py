"""Trees a hostile contributor builds with git's plumbing (no checkout involved): review's
verdict must be what validate would say on a checkout, or a refusal where none is possible."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kehoach import gitio
from tests.commands.gitrepo import entry, git


def _blob(repo: Path, data: bytes) -> str:
    args = ["git", "hash-object", "-w", "--stdin"]
    return subprocess.run(args, cwd=repo, input=data, capture_output=True, check=True).stdout.decode().strip()


def _commit_with(repo: Path, files: dict[str, bytes]) -> str:
    """A commit on top of HEAD with `files` added through the index only (names no file
    system takes are fine there), leaving the work tree alone."""
    for path, data in files.items():
        info = f"100644,{_blob(repo, data)},{path}"
        git(
            repo,
            "-c",
            "core.protectNTFS=false",
            "-c",
            "core.protectHFS=false",
            "update-index",
            "--add",
            "--cacheinfo",
            info,
        )
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


def _tree(repo: Path, entries: list[tuple[bytes, bytes, str]]) -> str:
    """A tree object written as given, in the given order (git mktree would refuse it)."""
    body = b"".join(mode + b" " + name + b"\0" + bytes.fromhex(sha) for mode, name, sha in entries)
    args = ["git", "hash-object", "-t", "tree", "-w", "--literally", "--stdin"]
    return subprocess.run(args, cwd=repo, input=body, capture_output=True, check=True).stdout.decode().strip()


def _entries(repo: Path, tree: str) -> list[tuple[bytes, bytes, str]]:
    out = []
    for line in git(repo, "ls-tree", tree).splitlines():
        meta, name = line.split("\t")
        mode, _, sha = meta.split()
        out.append((mode.lstrip("0").encode(), name.encode(), sha))
    return out


def test_a_folder_listed_twice_is_refused(repo, cli):
    """A crafted tree may name the same folder twice (`git fsck`: duplicateEntries); git lists
    both folders' files as one, so each file looks ordinary. Review refuses it like a file
    listed twice, rather than passing a tree git itself calls broken."""
    new = _tree(
        repo,
        [(b"100644", b"2026-11-26-I.2.yaml", _blob(repo, entry("I.2", "QLMT", "2026-11-26", "done", "x").encode()))],
    )
    progress = git(repo, "rev-parse", "HEAD:progress").strip()
    twice = _tree(repo, sorted([*_entries(repo, progress), (b"40000", b"QLMT", new)], key=lambda e: e[1]))
    top = _entries(repo, git(repo, "rev-parse", "HEAD^{tree}").strip())
    tree = _tree(repo, [(m, n, twice if n == b"progress" else s) for m, n, s in top])
    head = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "cây lạ").strip()
    assert "duplicateEntries" in subprocess.run(["git", "fsck"], cwd=repo, capture_output=True, text=True).stderr
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1
    assert "`progress/QLMT:1:1` **KH100**" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", [".git.", ".GIT ", "git~1", ".git::$INDEX_ALLOCATION", "\u200c.git"])
def test_names_windows_or_macos_read_as_dot_git_are_refused(repo, cli, name):
    """Windows reads `.git.`, `git~1` … as `.git` and macOS leaves `\\u200c` out of a name, so
    git refuses to check such a path out (on every system for the Windows ones): merged, every
    checkout of the commit would fail, and on those systems it would write into `.git`."""
    head = _commit_with(repo, {f"templates/{name}/config": b"x", f"templates/x/{name}": b"x"})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1
    assert result.output.count("**KH100**") >= 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", [".gitkeep", ".gitmodules.j2", ".git.j2", "git~12.j2", "x.git"])
def test_names_that_only_start_like_dot_git_are_read(repo, cli, name):
    head = _commit_with(repo, {f"templates/{name}": b"x"})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 0, result.output


def _nested(repo: Path, levels: int, width: int) -> str:
    """A tree of `width ** levels` files from `levels` small objects: each folder holds the
    one below it `width` times over (a few bytes in git, any number of paths once listed)."""
    tree = _tree(repo, [(b"100644", f"f{i}".encode(), _blob(repo, b"x")) for i in range(width)])
    for _ in range(levels - 1):
        tree = _tree(repo, [(b"40000", f"d{i}".encode(), tree) for i in range(width)])
    return tree


@pytest.mark.parametrize("merged", [False, True], ids=["in-the-change", "already-in-the-base"])
def test_a_tree_that_lists_too_many_paths_stops_with_kh102(repo, cli, monkeypatch, merged):
    """Git lists every path of such a tree; review reads the listing as it comes and stops
    past gitio.PATHS_MAX (KH102, exit 1), in git's list of changes or in a revision's files."""
    monkeypatch.setattr(gitio, "PATHS_MAX", 500)
    top = _entries(repo, git(repo, "rev-parse", "HEAD^{tree}").strip())
    templates = _tree(repo, [(b"40000", b"mau", _nested(repo, 3, 12))])  # 1,728 files
    tree = _tree(repo, sorted([*top, (b"40000", b"templates", templates)], key=lambda e: e[1]))
    head = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "cây lồng").strip()
    if merged:  # the base has it: the change itself is one ordinary entry
        git(repo, "update-ref", "refs/heads/main", head)
        git(repo, "reset", "-q", "--hard", head)
        (repo / "progress/QLMT/2026-11-25-I.2.yaml").write_text(
            entry("I.2", "QLMT", "2026-11-25", "done", "x"), encoding="utf-8"
        )
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "mục mới")
        head = "HEAD"
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1, result.output
    assert "KH102" in result.output and "1.000.000" not in result.output and "500" in result.output
    assert "Traceback" not in result.output
    monkeypatch.setattr(gitio, "PATHS_MAX", 5000)  # the same review within the limit
    assert cli(["review", "main", head], root=repo).exit_code == 0


def test_what_lies_outside_the_data_folders_is_never_listed(repo, cli, monkeypatch):
    """A huge tree beside the data (docs/, already merged) costs a review nothing: only the
    data folders are listed, so neither its paths nor its objects are ever touched."""
    monkeypatch.setattr(gitio, "PATHS_MAX", 500)
    missing = "3" * 40  # an object this clone lacks (a partial clone's big file, say)
    docs = _tree(repo, [(b"40000", b"bom", _nested(repo, 3, 12)), (b"100644", b"lon.bin", missing)])
    top = _entries(repo, git(repo, "rev-parse", "HEAD^{tree}").strip())
    tree = _tree(repo, sorted([*top, (b"40000", b"docs", docs)], key=lambda e: e[1]))
    base = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "tài liệu").strip()
    git(repo, "update-ref", "refs/heads/main", base)
    git(repo, "update-ref", "refs/heads/feature", base)
    add = entry("I.2", "QLMT", "2026-11-25", "done", "x").encode()
    git(repo, "read-tree", base)
    head = _commit_with(repo, {"progress/QLMT/2026-11-25-I.2.yaml": add})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 0, result.output
    assert "Mục tiến độ mới (1)" in result.output


@pytest.mark.parametrize("folder", ["Progress/QLMT", "PROGRESS/QLMT", "Units", "pLan", "Templates"])
def test_a_data_folder_spelt_in_another_case_is_refused(repo, cli, folder):
    """Windows and macOS take `Progress/` for `progress/`: on a reviewer's checkout there its
    files are data (in reports), yet review on Linux saw an "other file" and passed it."""
    bad = entry("I.2", "QLMT", "2026-11-25", "done", "Không ai kiểm tra.").encode()
    head = _commit_with(repo, {f"{folder}/2026-11-25-I.2.yaml": bad})
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1, result.output
    assert f"`{folder}/2026-11-25-I.2.yaml:1:1` **KH103**" in result.output
    assert "Traceback" not in result.output


def test_the_data_root_spelt_in_another_case_is_refused(tmp_path, cli):
    """The same for a data root inside the repository: `Du-Lieu/progress/` is `du-lieu/progress/`
    on Windows and macOS."""
    import shutil

    from tests.commands.gitrepo import commit
    from tests.conftest import EXAMPLES, write

    top = tmp_path / "kho"
    shutil.copytree(EXAMPLES, top / "du-lieu")
    git(top, "init", "-q", "-b", "main")
    commit(top)
    git(top, "checkout", "-q", "-b", "f")
    write(top, "Du-Lieu/progress/QLMT/2026-11-25-I.2.yaml", entry("I.2", "QLMT", "2026-11-25", "done", "x"))
    commit(top)
    result = cli(["review"], root=top / "du-lieu")
    assert result.exit_code == 1, result.output
    assert "`Du-Lieu/progress/QLMT/2026-11-25-I.2.yaml:1:1` **KH103**" in result.output
    write(top, "du-lieu/docs/Progress/ghi-chu.md", "x")  # deeper: not a data folder anywhere
    commit(top)
    again = cli(["review"], root=top / "du-lieu").output
    assert "Du-Lieu/progress/QLMT/2026-11-25-I.2.yaml:1:1` **KH103**" in again
    assert "Progress/ghi-chu.md:1:1` **KH103**" not in again
