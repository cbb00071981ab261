"""`kehoach review` on real temporary git repositories (copies of examples/)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kehoach.compute.status import compute, effective_entries
from kehoach.load.root import load_root
from tests.commands.gitrepo import commit, entry, git
from tests.conftest import EXAMPLES, REPO, TODAY, write

ADVICE = "Không sửa/xóa mục đã có; hãy thêm một mục mới có `corrects: <tệp cũ>`"
NEW = "progress/QLMT/2026-11-25-I.2.yaml"
OLD = "progress/QLMT/2026-04-20-I.2.yaml"
VN_OLD = "progress/QLMT/2026-03-02-II.Đ.1.yaml"


def test_add_only_passes_with_a_readable_summary(repo, cli):
    write(repo, NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình UBND tỉnh phương án xử lý bãi rác."))
    write(
        repo,
        "progress/KSBDKH/2026-11-26-II.Đ.1.yaml",
        entry("II.Đ.1", "KSBDKH", "2026-11-26", "in_progress", "Đang tổ chức tuyên truyền."),
    )
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    md = result.output
    assert md.startswith("# Tóm tắt thay đổi dữ liệu Kế hoạch")
    assert "**Kết quả: ✅ ĐẠT** — 2 mục tiến độ mới" in md
    assert "## Mục tiến độ mới (2)" in md
    assert "### QLMT — Phòng Quản lý môi trường" in md and "### KSBDKH — " in md
    assert f"| I.2 | 25/11/2026 | Đã hoàn thành | Đã trình UBND tỉnh phương án xử lý bãi rác. | `{NEW}` |" in md
    assert "`progress/KSBDKH/2026-11-26-II.Đ.1.yaml`" in md  # Vietnamese name, not \304\220
    assert "## Tình trạng nhiệm vụ năm 2026" in md
    assert "[!WARNING]" not in md and "❌" not in md


@pytest.mark.parametrize("change", ["modified", "renamed", "deleted"])
def test_editing_history_fails_with_the_corrects_advice(repo, cli, change):
    path = repo / VN_OLD
    if change == "modified":
        path.write_text(path.read_text(encoding="utf-8").replace('summary: "', 'summary: "Sửa: '), encoding="utf-8")
    elif change == "renamed":
        git(repo, "mv", VN_OLD, "progress/QLMT/2026-03-02-II.Đ.1-2.yaml")
    else:
        git(repo, "rm", "-q", VN_OLD)
    commit(repo)
    result = cli(["review", "main", "HEAD"], root=repo)
    assert result.exit_code == 1
    md = result.output
    assert "**Kết quả: ❌ KHÔNG ĐẠT** — 1 mục đã có bị sửa, đổi tên hoặc xóa" in md
    assert ADVICE in md and "<path>" not in md  # the placeholder a reader meets is Vietnamese
    if change == "renamed":  # the same content under a new name: putting the name back is the fix
        assert f"Nội dung không đổi: hãy trả lại tên cũ {VN_OLD}." in md and "không cần thêm mục đính chính" in md
    else:
        assert f"`corrects: {VN_OLD}`" in md
    assert {"modified": "đã sửa", "renamed": "đã đổi tên", "deleted": "đã xóa"}[change] in md
    assert "Traceback" not in md and "\\304" not in md


def test_a_correction_passes_and_is_used(repo, cli):
    write(
        repo,
        NEW,
        entry("I.2", "QLMT", "2026-11-25", "in_progress", "Đính chính: phương án chưa được phê duyệt.", corrects=OLD),
    )
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    assert f"(đính chính cho `{OLD}`)" in result.output
    status_line = next(line for line in result.output.splitlines() if line.startswith("| I.2 | Điều tra"))
    assert "| Đã hoàn thành | **Đang thực hiện** | 1 |" in status_line
    dr = load_root(repo)
    used = {le.rel for le in effective_entries(dr, TODAY)}
    assert NEW in used and OLD not in used
    state = next(t for t in compute(dr, 2026, TODAY).tasks if t.id == "I.2")
    assert state.status == "in_progress"


def test_a_bad_correction_fails(repo, cli):
    write(repo, NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đính chính.", corrects="progress/QLMT/khong-co.yaml"))
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 1 and "KH041" in result.output


def test_invalid_new_entry_fails(repo, cli):
    write(repo, "progress/QLMT/2026-11-25-IX.9.yaml", 'task: "IX.9"\nunit: "QLMT"\n')
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 1
    assert "## ❌ Lỗi dữ liệu" in result.output and "KH021" in result.output


def test_plan_change_is_called_out_at_the_top(repo, cli):
    tasks = repo / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    text = text.replace(
        "Xây dựng Kế hoạch ứng phó sự cố tràn dầu", "Xây dựng và ban hành Kế hoạch ứng phó sự cố tràn dầu"
    )
    i5 = text.index('id: "I.5"')
    text = text[:i5] + text[i5:].replace('          - "QLMT"\n', '          - "QLMT"\n          - "KSBDKH"\n', 1)
    tasks.write_text(text, encoding="utf-8")
    write(repo, NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình UBND tỉnh."))
    commit(repo)
    result = cli(["review"], root=repo)
    md = result.output
    assert "[!WARNING]" in md and "`plan/tasks.yaml`" in md
    assert md.index("## ⚠️ Thay đổi Kế hoạch") < md.index("## Mục tiến độ mới")
    assert "| I.5 | Nội dung thực hiện | Xây dựng Kế hoạch ứng phó" in md
    assert "| I.5 | Cơ quan chủ trì | QLMT | QLMT; KSBDKH |" in md


def test_timeline_change_is_shown(repo, cli):
    tasks = repo / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    i5 = text.index('id: "I.5"')
    part = text[i5:].replace("end: 2026", "end: 2027", 1).replace('text: "2026"', 'text: "2026 - 2027"', 1)
    tasks.write_text(text[:i5] + part, encoding="utf-8")
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    md = result.output
    assert "| I.5 | Tiến độ › Năm kết thúc | 2026 | 2027 |" in md
    assert "| I.5 | Tiến độ › Lời văn | 2026 | 2026 - 2027 |" in md
    assert "chỉ ở cách viết tệp" not in md


def test_readme_review_command_writes_under_build_which_git_ignores(repo, cli, monkeypatch):
    """README's command, run at the top of a clone: the two files land in build/ (created), and a
    reviewer's next `git add -A` does not commit them with the data."""
    shutil.copy(REPO / ".gitignore", repo / ".gitignore")
    commit(repo)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("kehoach review origin/main HEAD -o "))
    monkeypatch.chdir(repo)
    result = cli(["review", "main", "HEAD", *line.split()[4:]], root=repo)
    assert result.exit_code == 0
    assert (repo / "build" / "review.md").is_file() and (repo / "build" / "review-summary.md").is_file()
    assert git(repo, "status", "--porcelain") == ""


def test_output_file_and_no_changes(repo, cli, tmp_path):
    out, summary = tmp_path / "review.md", tmp_path / "review-summary.md"
    result = cli(["review", "main", "HEAD", "-o", out, "--summary", summary], root=repo)
    assert result.exit_code == 0
    assert "Không có thay đổi nào" in out.read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")  # small: the same text


def test_shallow_clone_without_base_says_how_to_fetch(repo, cli, tmp_path):
    write(repo, NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình UBND tỉnh."))
    commit(repo)
    clone = tmp_path / "nong"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "feature", repo.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    for args in (["review"], ["review", "origin/main", "HEAD"]):
        result = cli(args, root=clone)
        assert result.exit_code == 2
        assert "git fetch --unshallow" in result.output and "fetch-depth: 0" in result.output
        assert "Traceback" not in result.output


def test_not_a_git_repository(cli, example_root):
    result = cli(["review"], root=example_root)
    assert result.exit_code == 2 and "không nằm trong một kho git" in result.output


def test_data_root_inside_a_bigger_repository(tmp_path, cli):
    top = tmp_path / "kho"
    shutil.copytree(EXAMPLES, top / "examples")
    write(top, "README.md", "# kho\n")
    git(top, "init", "-q", "-b", "main")
    commit(top)
    write(top / "examples", NEW, entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình UBND tỉnh."))
    write(top, "src/x.py", "x = 1\n")
    commit(top)
    result = cli(["review", "HEAD~1", "HEAD"], root=top / "examples")
    assert result.exit_code == 0, result.output
    md = result.output
    assert f"`{NEW}`" in md
    tools = md.index("## ⚠️ Thay đổi công cụ, mẫu hoặc CI — cần người quản trị duyệt")
    assert tools < md.index("| `src/x.py` | thêm |") < md.index("## Mục tiến độ mới")
