"""`kehoach fmt --check` explains: what differs in words (BOM, CRLF, Tab, blanks), then a
unified diff, coloured on a terminal; a tidy hand-written file without the modeline passes."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from tests.conftest import REPO, write

ENTRY = "progress/TTBVTV/2026-05-20-II.C.6.yaml"
TIDY = 'task: "II.C.6"\nunit: "TTBVTV"\ndate: 2026-05-20\nstatus: "in_progress"\nsummary: "Đã thu gom."\n'


@pytest.fixture(autouse=True)
def _in_root(example_root, monkeypatch):
    monkeypatch.chdir(example_root)  # paths are shown relative to the working directory


def _readme_entry() -> str:
    """The example entry exactly as README shows it (its first ```yaml block after the heading)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Một mục báo cáo tiến độ") :]
    return re.search(r"```yaml\n(.*?)```", section, re.S)[1]


def test_readme_example_entry_passes_check_and_fmt_adds_the_modeline(example_root, cli):
    text = _readme_entry()
    assert text.startswith('task: "II.C.6"') and "# yaml-language-server" not in text
    path = write(example_root, ENTRY, text)
    check = cli(["fmt", "--check", path], root=example_root)
    assert check.exit_code == 0, check.output
    assert "Cả 1 tệp đã đúng dạng chuẩn." in check.output
    assert cli(["fmt", path], root=example_root).exit_code == 0
    written = path.read_text(encoding="utf-8")
    assert written == "# yaml-language-server: $schema=../../schemas/entry.schema.json\n" + text
    assert cli(["fmt", "--check", path], root=example_root).exit_code == 0


def test_untidy_entry_shows_a_unified_diff(example_root, cli):
    path = write(example_root, ENTRY, TIDY.replace('unit: "TTBVTV"', "unit:    TTBVTV"))
    result = cli(["fmt", "--check", path], root=example_root)
    assert result.exit_code == 1
    out = result.output
    assert f"Chưa đúng dạng chuẩn: {ENTRY}" in out
    assert f"--- {ENTRY} (hiện tại)" in out and f"+++ {ENTRY} (dạng chuẩn)" in out
    assert '\n-unit:    TTBVTV\n+unit: "TTBVTV"\n' in out
    assert "yaml-language-server" not in out  # the modeline is not asked for
    assert path.read_text(encoding="utf-8") == TIDY.replace('unit: "TTBVTV"', "unit:    TTBVTV")  # nothing written


def test_bom_crlf_tab_and_trailing_blanks_are_named_in_words(example_root, cli):
    text = TIDY.replace('summary: "Đã thu gom."', 'summary: "Đã\tthu gom."').replace(
        'task: "II.C.6"', 'task: "II.C.6"  '
    )
    path = write(example_root, ENTRY, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    out = cli(["fmt", "--check", path], root=example_root).output
    assert "dấu BOM" in out
    assert "xuống dòng kiểu Windows (CRLF)" in out
    assert "dòng 5 có ký tự Tab" in out
    assert "dòng 1 có dấu cách hoặc Tab thừa ở cuối dòng" in out
    assert "\r" not in out  # the diff itself compares lines, not their endings


def test_bom_alone_is_reported_and_removed(example_root, cli):
    path = write(example_root, ENTRY, b"\xef\xbb\xbf" + TIDY.encode("utf-8"))
    check = cli(["fmt", "--check", path], root=example_root)
    assert check.exit_code == 1 and "dấu BOM" in check.output
    assert cli(["fmt", path], root=example_root).exit_code == 0
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert cli(["fmt", "--check", path], root=example_root).exit_code == 0


def test_a_wrong_modeline_is_reported(example_root, cli):
    path = write(example_root, ENTRY, "# yaml-language-server: $schema=../schemas/entry.schema.json\n" + TIDY)
    result = cli(["fmt", "--check", path], root=example_root)
    assert result.exit_code == 1
    assert "+# yaml-language-server: $schema=../../schemas/entry.schema.json" in result.output


def test_diff_is_coloured_on_a_terminal_only(example_root, monkeypatch):
    path = write(example_root, ENTRY, TIDY.replace('unit: "TTBVTV"', "unit: TTBVTV"))
    args = ["--root", str(example_root), "fmt", "--check", str(path)]
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = CliRunner().invoke(app, args, color=True).output
    assert "\x1b[31m-unit: TTBVTV" in coloured and '\x1b[32m+unit: "TTBVTV"' in coloured
    assert "\x1b[" not in CliRunner().invoke(app, args).output  # not a terminal: plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in CliRunner().invoke(app, args, color=True).output


def test_tab_after_a_value_is_reported_not_a_crash(example_root, cli):
    path = write(example_root, ENTRY, TIDY.replace('task: "II.C.6"', 'task: "II.C.6"\t'))
    result = cli(["fmt", "--check", path], root=example_root)
    assert result.exit_code == 1
    assert "dòng 1, cột 15: có ký tự Tab; hãy thay bằng dấu cách" in result.output


def test_web_editor_habits_are_named(example_root, cli):
    """No final newline (web editors) and NFD text (macOS copies) are said in words."""
    import unicodedata

    path = write(example_root, ENTRY, unicodedata.normalize("NFD", TIDY).rstrip("\n"))
    out = cli(["fmt", "--check", path], root=example_root).output
    assert "dòng cuối chưa kết thúc bằng ký tự xuống dòng" in out
    assert "dạng tổ hợp (NFD" in out
