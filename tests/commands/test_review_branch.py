"""`kehoach review` from the branch point, reading what git holds (real temporary repositories)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.commands.test_review import NEW, commit, entry, git
from tests.conftest import write

OTHER = "progress/KSBDKH/2026-11-26-II.Đ.1.yaml"


def test_two_branches_both_pass_while_main_moves_on(repo, cli):
    """Ten units report at once: main gets another unit's entry after both branches were made."""
    base_sha = git(repo, "rev-parse", "--short=10", "main").strip()
    write(repo, NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình UBND tỉnh."))
    commit(repo, "QLMT báo cáo I.2")
    git(repo, "checkout", "-q", "-b", "ksbdkh", "main")
    write(repo, OTHER, entry("II.Đ.1", "KSBDKH", "2026-11-26", "in_progress", "Đang tuyên truyền."))
    commit(repo, "KSBDKH báo cáo II.Đ.1")
    git(repo, "checkout", "-q", "main")
    write(repo, "progress/VP/2026-11-27-I.1.yaml", entry("I.1", "VP", "2026-11-27", "done", "Đã tổng hợp."))
    commit(repo, "VP báo cáo trên main")
    for branch, mine, theirs in (("feature", NEW, OTHER), ("ksbdkh", OTHER, NEW)):
        git(repo, "checkout", "-q", branch)
        for args in (["review", "main", "HEAD"], ["review"], ["review", "main"]):
            result = cli(args, root=repo)
            assert result.exit_code == 0, result.output
            md = result.output
            assert "**Kết quả: ✅ ĐẠT** — 1 mục tiến độ mới" in md
            assert f"commit `{base_sha}` “Dữ liệu gốc”" in md  # the branch point, named
            assert mine in md and theirs not in md and "2026-11-27-I.1" not in md
            assert "❌" not in md
    # GitHub checks out the request merged into the base's tip (refs/pull/N/merge): the same verdict
    git(repo, "checkout", "-q", "--detach", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge feature", "feature")
    result = cli(["review", "main", "HEAD"], root=repo)
    assert result.exit_code == 0, result.output
    assert NEW in result.output and OTHER not in result.output and "2026-11-27-I.1" not in result.output


def test_unrelated_history_and_bad_refs_are_usage_errors(repo, cli):
    git(repo, "checkout", "-q", "--orphan", "lone")
    commit(repo, "Lịch sử riêng")
    result = cli(["review", "main", "HEAD"], root=repo)
    assert result.exit_code == 2 and "không có lịch sử chung" in result.output
    for ref in ("khong-co", "HEAD:progress", "--output=x", "main..HEAD", "@{-9}"):
        result = cli(["review", "--", ref, "HEAD"], root=repo)
        assert result.exit_code == 2, (ref, result.output)
        assert "Traceback" not in result.output
    assert not (repo / "x").exists()


def test_export_ignore_and_filters_do_not_hide_a_bad_entry(repo, cli):
    write(repo, ".gitattributes", "progress/** export-ignore\nprogress/** filter=hide\n")
    git(repo, "config", "filter.hide.clean", "cat")
    git(repo, "config", "filter.hide.smudge", "true")
    write(repo, "progress/QLMT/2026-11-25-IX.9.yaml", 'task: "IX.9"\nunit: "QLMT"\n')
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 1
    assert "KH021" in result.output and "2026-11-25-IX.9.yaml" in result.output


def test_symlinks_and_submodules_under_data_folders_are_refused(repo, cli, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(entry("I.2", "QLMT", "2026-11-25", "done", "Bí mật của máy CI."), encoding="utf-8")
    (repo / "progress/QLMT/2026-11-25-I.2.yaml").symlink_to(outside)
    (repo / "templates").mkdir()
    (repo / "templates/bao-cao.docx.j2").symlink_to("/etc/hostname")
    sha = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "add", "-A")
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{sha},progress/VP/kho-con")
    git(repo, "commit", "-q", "-m", "Liên kết và kho con")
    result = cli(["review"], root=repo)
    assert result.exit_code == 1, result.output
    md = result.output
    assert md.count("**KH100**") == 3
    for path, kind in (
        ("progress/QLMT/2026-11-25-I.2.yaml", "symlink"),
        ("templates/bao-cao.docx.j2", "symlink"),
        ("progress/VP/kho-con", "submodule"),
    ):
        line = next(li for li in md.splitlines() if f"`{path}:1:1` **KH100**" in li)
        assert kind in line
    assert "Bí mật của máy CI" not in md


def test_a_branch_that_deletes_the_data_fails_clearly(repo, cli):
    count = len(list((repo / "progress").rglob("*.yaml")))
    git(repo, "rm", "-q", "-r", "progress", "plan")
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 1
    assert f"— {count} mục đã có bị sửa, đổi tên hoặc xóa" in result.output
    assert "KH039" in result.output and "Traceback" not in result.output


def test_shell_quoting_survives_a_real_shell(repo, tmp_path):
    """The advice's quoting, run by a real shell, names the file and runs nothing else."""
    from kehoach.render.markdown import command

    name = "progress/QLMT/$(touch pwned)`touch pwned2`;'x\" |.yaml"
    out = subprocess.run(["sh", "-c", command("printf", "%s", name)], cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout == name
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()
    tricky = "a\nb\x1b[2J\u202e.yaml"
    out = subprocess.run(["bash", "-c", command("printf", "%s", tricky)], capture_output=True, text=True)
    assert out.stdout == tricky and "\n" not in command("x", tricky)


def test_data_root_paths_are_relative_inside_a_subfolder(tmp_path, cli):
    import shutil

    from tests.conftest import EXAMPLES

    top = tmp_path / "kho"
    shutil.copytree(EXAMPLES, top / "du-lieu")
    git(top, "init", "-q", "-b", "main")
    commit(top)
    git(top, "checkout", "-q", "-b", "f")
    (top / "du-lieu/progress/VP/lien-ket.yaml").symlink_to("../QLMT/2026-04-20-I.2.yaml")
    commit(top)
    result = cli(["review"], root=top / "du-lieu")
    assert result.exit_code == 1
    assert "`progress/VP/lien-ket.yaml:1:1` **KH100**" in result.output
    assert isinstance(Path(top), Path)


def _tree(repo: Path, entries: list[tuple[bytes, bytes, str]]) -> str:
    """A tree object written as given (git mktree would refuse these names)."""
    body = b"".join(mode + b" " + name + b"\0" + bytes.fromhex(sha) for mode, name, sha in entries)
    args = ["git", "hash-object", "-t", "tree", "-w", "--literally", "--stdin"]
    return subprocess.run(args, cwd=repo, input=body, capture_output=True, check=True).stdout.decode().strip()


def test_crafted_trees_are_refused_without_escaping(repo, cli, tmp_path):
    """Names git itself never writes (`..`, `.git`, the same name twice) are KH100, never files
    outside the scratch folder."""
    blob = (
        subprocess.run(
            ["git", "hash-object", "-w", "--stdin"], cwd=repo, input=b"x: 1\n", capture_output=True, check=True
        )
        .stdout.decode()
        .strip()
    )
    bad = _tree(repo, [(b"100644", b"..", blob), (b"100644", b".git", blob), (b"100644", b"a.yaml", blob)])
    dup = _tree(repo, [(b"100644", b"a.yaml", blob), (b"100644", b"a.yaml", blob)])

    def replace(tree: str, name: str, sha: str | None, add: list[tuple[bytes, bytes, str]] = ()) -> str:
        out = []
        for line in git(repo, "ls-tree", tree).splitlines():
            meta, path = line.split("\t")
            mode, _, old = meta.split()
            out.append((mode.lstrip("0").encode(), path.encode(), sha if path == name and sha else old))
        return _tree(repo, sorted([*out, *add], key=lambda e: e[1] + (b"/" if e[0] == b"40000" else b"")))

    progress = git(repo, "rev-parse", "HEAD:progress").strip()
    new_progress = replace(progress, "", None, [(b"40000", b"ZZ", bad), (b"40000", b"ZY", dup)])
    top = replace(git(repo, "rev-parse", "HEAD^{tree}").strip(), "progress", new_progress)
    head = git(repo, "commit-tree", top, "-p", "HEAD", "-m", "cây lạ").strip()
    result = cli(["review", "main", head], root=repo)
    assert result.exit_code == 1
    for path in ("progress/ZZ/..", "progress/ZZ/.git", "progress/ZY/a.yaml"):
        assert f"`{path}:1:1` **KH100**" in result.output
    assert "Traceback" not in result.output
