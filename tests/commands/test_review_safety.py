"""What a hostile contributor can put in file names and values cannot reshape the review,
tool changes are called out, backdating is flagged, and the fix advice works when followed."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from kehoach import gitio
from tests.commands.gitrepo import commit, entry, git
from tests.conftest import write

OUR_HEADINGS = re.compile(
    r"^(Tóm tắt thay đổi dữ liệu Kế hoạch|⚠️ Thay đổi công cụ, mẫu hoặc CI — cần người quản trị duyệt|"
    r"⚠️ Thay đổi Kế hoạch|❌ Mục đã có bị sửa, đổi tên hoặc xóa|❌ Lỗi dữ liệu|Cảnh báo|"
    r"Mục tiến độ mới \(\d+\)|Tình trạng nhiệm vụ năm \d+|Thay đổi danh sách đơn vị|Tệp khác thay đổi|"
    r"(đã sửa|đã đổi tên|đã xóa): .*|Sau cùng: commit|[A-Z]+ — .*)$"
)
HOSTILE = "</details><img src=x onerror=alert(1)> @admin | [bấm](https://x.invalid) `code` $x$ ~~gạch~~ *nghiêng*"
NAMES = [
    "progress/QLMT/a`b``c|d<script>.yaml",
    "progress/QLMT/x\n## Kết quả: ✅ ĐẠT\n.yaml",
    "progress/QLMT/$(touch pwned) @admin [x](y).yaml",
    "progress/QLMT/\x1b[2J\u202egnp.yaml",
]


def assert_inert(md: str) -> None:
    """Parsed as GitHub would: no HTML, no links, no headings but ours, every table row whole."""
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "s_open"}, kinds
    inline = [c for t in tokens for c in (t.children or [])]
    for i, c in enumerate(inline):
        if c.type == "em_open":  # only ours: "_… và N mục nữa …_", "_(tệp không đổi …)_"
            assert inline[i + 1].content.startswith(("… và ", "(tệp không đổi")), inline[i + 1].content
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            assert OUR_HEADINGS.match(tokens[i + 1].content), tokens[i + 1].content
    table_rows: list[int] = []
    for t in tokens:
        if t.type == "tr_open":
            table_rows.append(0)
        elif t.type in ("th_open", "td_open"):
            table_rows[-1] += 1
        elif t.type == "table_close":
            assert len(set(table_rows)) == 1, table_rows
            table_rows = []
    text = "".join(c.content for t in tokens for c in (t.children or []) if c.type == "text")
    assert "@admin" not in text.replace("@\u200badmin", "")  # the mention is broken


def test_hostile_names_and_values_stay_inert(repo, cli, tmp_path):
    summary = HOSTILE + "\n\n## Kết quả: ✅ ĐẠT\n> trích dẫn\n| a | b |"
    text = entry("I.2", "QLMT", "2026-11-25", "done", "x").replace('summary: "x"', "summary: |\n")
    text += "".join(f"  {line}\n" if line else "\n" for line in summary.splitlines())
    write(repo, "progress/QLMT/2026-11-25-I.2.yaml", text)
    for name in NAMES:
        write(repo, name, entry("I.2", "QLMT", "2026-11-25", "done", "Tên tệp lạ."))
    git(repo, "mv", "progress/QLMT/2026-04-20-I.2.yaml", "progress/QLMT/$(touch pwned)'; echo `id`.yaml")
    git(repo, "-c", "user.name=x", "-c", "user.email=x@x", "-c", "core.quotepath=false", "add", "-A")
    git(repo, "commit", "-q", "-m", "<b>tiêu đề</b> @admin `x` | y")
    git(repo, "checkout", "-q", "-b", "tiep")  # the merge-base's subject is shown: make it hostile
    write(repo, "progress/VP/2026-11-27-I.1.yaml", entry("I.1", "VP", "2026-11-27", "done", "Đã tổng hợp."))
    commit(repo)
    for base in ("main", "feature"):
        result = cli(["review", base, "HEAD", "-o", tmp_path / "r.md"], root=repo)
        md = (tmp_path / "r.md").read_text(encoding="utf-8")
        assert_inert(md)
        assert "Traceback" not in result.output
    result = cli(["review", "main", "HEAD", "-o", tmp_path / "r.md"], root=repo)
    assert result.exit_code == 1
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "`progress/QLMT/x\\x0a## Kết quả: ✅ ĐẠT\\x0a.yaml" in md
    assert "\\x1b\\[2JU+202Egnp.yaml" in md or "\\x1b[2JU+202Egnp.yaml" in md
    assert "\x1b" not in md and "\u202e" not in md and "\x1b" not in result.output
    assert "- ```progress/QLMT/a`b``c\\|d<script>.yaml:1:7``` **KH033**" not in md  # `|` is escaped in tables only
    assert "- ```progress/QLMT/a`b``c|d<script>.yaml:1:7``` **KH033**" in md  # fenced longer than any run
    block = re.search(r"```sh\n(.*?)\n```", md, re.S)
    assert block is not None
    assert "'progress/QLMT/$(touch pwned)'\"'\"'; echo `id`.yaml'" in block.group(1)
    assert not (repo / "pwned").exists()


def test_tool_changes_come_first_and_need_a_maintainer(repo, cli):
    tools = [
        "pyproject.toml",
        "uv.lock",
        "requirements-dev.txt",
        "Makefile",
        ".ci/install.sh",
        ".github/workflows/kehoach.yml",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        "src/kehoach/check/__init__.py",
        "templates/bao-cao.docx.j2",
        ".gitattributes",
    ]
    for path in tools:
        write(repo, path, "# thay đổi\n")
    write(repo, "docs/ghi-chu.md", "# ghi chú\n")
    write(repo, "progress/QLMT/2026-11-25-I.2.yaml", entry("I.2", "QLMT", "2026-11-25", "done", "Đã trình."))
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    md = result.output
    assert "Có thay đổi công cụ/mẫu/CI: cần người quản trị duyệt." in md.splitlines()[2]
    section = md.index("## ⚠️ Thay đổi công cụ, mẫu hoặc CI — cần người quản trị duyệt")
    assert section < md.index("## Mục tiến độ mới") < md.index("## Tệp khác thay đổi")
    for path in tools:
        assert section < md.index(f"| `{path}` | thêm |")
    assert "`docs/ghi-chu.md`" in md[md.index("## Tệp khác thay đổi") :]


@pytest.mark.parametrize(("day", "warned"), [("2026-10-28", True), ("2026-10-29", False), ("2026-11-28", False)])
def test_backdated_new_entry_is_a_warning(repo, cli, day, warned):
    write(repo, f"progress/QLMT/{day}-I.2.yaml", entry("I.2", "QLMT", day, "done", "Báo cáo muộn."))
    commit(repo)
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    assert ("**KH101** (cảnh báo)" in result.output) is warned
    if warned:
        assert f"`progress/QLMT/{day}-I.2.yaml:3:7` **KH101**" in result.output


def _follow(repo: Path, md: str, cli) -> list[str]:
    """Run every command of the advice literally, as a user pasting it would."""
    ran = []
    env = {**os.environ, "GIT_AUTHOR_NAME": "Thử", "GIT_AUTHOR_EMAIL": "t@x.invalid"}
    env |= {"GIT_COMMITTER_NAME": "Thử", "GIT_COMMITTER_EMAIL": "t@x.invalid"}
    for block in re.findall(r"```sh\n(.*?)\n```", md, re.S):  # in the order shown: restore, corrections, commit
        for line in block.splitlines():
            words = shlex.split(line)
            if words[0] == "kehoach":
                result = cli(words[1:], root=None if "--root" in words else repo)
                assert result.exit_code == 0, result.output
            else:
                subprocess.run(words, cwd=repo, env=env, check=True, capture_output=True)
            ran.append(words[0])
    return ran


VN_OLD = "progress/QLMT/2026-03-02-II.Đ.1.yaml"


@pytest.mark.parametrize("change", ["modified", "renamed", "renamed-and-edited", "deleted", "renamed-to-a-glob"])
def test_fix_advice_followed_literally_passes(repo, cli, change, monkeypatch):
    path = repo / VN_OLD
    before = [p.name for p in (repo / "progress/QLMT").iterdir()]
    if change == "renamed-to-a-glob":  # `git rm 'progress/QLMT/*.yaml'` would remove every entry
        git(repo, "mv", VN_OLD, "progress/QLMT/*.yaml")
    if change in ("modified", "renamed-and-edited"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('summary: "', 'summary: "Sửa lại: '), encoding="utf-8")
    if change in ("renamed", "renamed-and-edited"):
        git(repo, "mv", VN_OLD, "progress/QLMT/2026-03-02-II.Đ.1-2.yaml")
    if change == "deleted":
        git(repo, "rm", "-q", VN_OLD)
    commit(repo)
    first = cli(["review"], root=repo)
    assert first.exit_code == 1
    md = first.output
    if change in ("modified", "renamed-and-edited"):
        assert "| Kết quả thực hiện | " in md and "| Sửa lại: " in md  # old and new text, side by side
    monkeypatch.chdir(repo)
    ran = _follow(repo, md, cli)
    assert ran[0] == "git" and ran[-1] == "git"
    if change in ("modified", "renamed-and-edited"):
        assert "kehoach" in ran  # the correction itself was added
    else:  # deleted, or renamed with the same content: restoring is the whole fix
        assert "kehoach" not in ran
    if change in ("renamed", "renamed-to-a-glob"):  # no copy of the entry re-dated to today
        assert "khôi phục là đủ, không cần thêm mục đính chính" in md
    again = cli(["review"], root=repo)
    assert again.exit_code == 0, again.output
    after = {p.name for p in (repo / "progress/QLMT").iterdir()}
    assert set(before) <= after  # nothing else removed
    assert after == set(before) or change in ("modified", "renamed-and-edited")
    assert (repo / VN_OLD).read_bytes() == subprocess.run(
        ["git", "show", f"main:{VN_OLD}"], cwd=repo, capture_output=True, check=True
    ).stdout


def test_group_title_and_timeline_changes_are_shown_word_for_word(repo, cli):
    tasks = repo / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    first_title = re.search(r'\n  - id: "I"\n    title: "([^"]+)"', text)
    assert first_title is not None
    text = text.replace(first_title.group(1), first_title.group(1) + " (sửa)", 1)
    i5 = text.index('id: "I.5"')
    text = text[:i5] + text[i5:].replace("continuing: false", "continuing: true", 1)
    tasks.write_text(text, encoding="utf-8")
    commit(repo)
    md = cli(["review"], root=repo).output
    assert f"| Nhóm I | Tên nhóm | {first_title.group(1)} | {first_title.group(1)} (sửa) |" in md
    assert "| I.5 | Tiến độ › Tiếp tục các năm sau | không | có |" in md
    assert "cách viết tệp" not in md


def test_reformatting_only_says_so(repo, cli):
    tasks = repo / "plan" / "tasks.yaml"
    tasks.write_text("# chú thích mới\n" + tasks.read_text(encoding="utf-8"), encoding="utf-8")
    commit(repo)
    md = cli(["review"], root=repo).output
    assert "thay đổi chỉ ở cách viết tệp" in md


def test_a_revision_too_large_to_hold_is_refused_before_it_is_read(repo, cli, monkeypatch):
    """Review holds a revision's data in memory: a change that would make it huge (many big
    files) stops with KH102 and exit 1 before anything is read, rather than exhausting CI."""
    write(repo, "progress/QLMT/2026-11-20-I.2.yaml", entry("I.2", "QLMT", "2026-11-20", "done", "X" * 5000))
    commit(repo)
    read: list[int] = []
    real = gitio.blobs
    monkeypatch.setattr(gitio, "blobs", lambda top, shas: read.append(len(shas)) or real(top, shas))
    assert cli(["review"], root=repo).exit_code == 0  # the repository as it stands fits
    size = sum(p.stat().st_size for d in ("plan", "units", "progress") for p in (repo / d).rglob("*") if p.is_file())
    monkeypatch.setattr("kehoach.commands.review.HELD_MAX", size - 1000)
    read.clear()
    result = cli(["review"], root=repo)
    assert result.exit_code == 1
    assert "Lỗi KH102" in result.output and "quá giới hạn" in result.output
    assert "Traceback" not in result.output
    assert len(read) <= 1  # the base fits and is read; the head is refused before reading


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot create these names — which is the very point of KH241")
def test_review_judges_the_names_committed_not_those_on_disk(repo, cli):
    """review reads the revision from git: a folder Windows cannot create that is committed is
    KH241 even when it is gone from the working tree, and one only on disk is not the change's."""
    write(repo, "progress/CON/.gitkeep", "")
    commit(repo, "Thêm thư mục")
    (repo / "progress" / "CON" / ".gitkeep").unlink()
    (repo / "progress" / "CON").rmdir()
    write(repo, "templates/lpt1.css", "")  # on disk only, never committed
    result = cli(["review"], root=repo)
    assert result.exit_code == 1, result.output
    assert "`progress/CON/:1:1` **KH241**" in result.output
    assert "lpt1" not in result.output


def test_the_head_reads_only_what_the_base_does_not_hold(repo, cli, monkeypatch):
    """An everyday change on a full tree: the head's files that are the base's (same object)
    are taken from what was read for the base; only the new or edited ones are read."""
    write(repo, "progress/QLMT/2026-11-20-I.2.yaml", entry("I.2", "QLMT", "2026-11-20", "done", "Mới."))
    commit(repo)
    asked: list[list[str]] = []
    real = gitio.blobs
    monkeypatch.setattr(gitio, "blobs", lambda top, shas: asked.append(list(shas)) or real(top, shas))
    result = cli(["review"], root=repo)
    assert result.exit_code == 0, result.output
    assert "1 mục tiến độ mới" in result.output
    base, head = asked
    assert len(base) > 10 and len(head) == 1
    assert head[0] == git(repo, "rev-parse", "HEAD:progress/QLMT/2026-11-20-I.2.yaml").strip()
