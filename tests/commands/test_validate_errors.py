"""Every kind of bad input gets its stable code and the right line, through the CLI, exit 1."""

from __future__ import annotations

import json
import unicodedata

import pytest

from tests.conftest import posix_only, write

REL = "progress/QLMT/2026-05-20-I.2.yaml"
GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã hoàn thành báo cáo điều tra."\n'


def _swap(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


CASES = [
    # name, file content, expected code, line, col
    ("duplicate key", GOOD + 'status: "in_progress"\n', "KH011", 6, 1),
    ("wrong type", _swap('summary: "Đã hoàn thành báo cáo điều tra."', "summary: 12"), "KH022", 5, 10),
    ("true where text", _swap('summary: "Đã hoàn thành báo cáo điều tra."', "summary: true"), "KH022", 5, 10),
    ("1.10 where text", _swap('summary: "Đã hoàn thành báo cáo điều tra."', "summary: 1.10"), "KH022", 5, 10),
    ("yes where text", _swap('summary: "Đã hoàn thành báo cáo điều tra."', "summary: yes"), "KH012", 5, 10),
    ("010 where code", _swap('unit: "QLMT"', "unit: 010"), "KH012", 2, 7),
    ("unknown key", GOOD + 'ghichu: "x"\n', "KH020", 6, 1),
    ("missing key", GOOD.replace('status: "done"\n', ""), "KH021", 1, 1),
    ("unknown task", _swap('task: "I.2"', 'task: "I.9"'), "KH030", 1, 7),
    ("unknown unit", GOOD, "KH031", None, None),  # handled below with its own folder
    ("impossible date", _swap("date: 2026-05-20", "date: 2026-02-30"), "KH025", 3, 7),
    ("non-ISO date", _swap("date: 2026-05-20", "date: 10/11/2026"), "KH024", 3, 7),
    ("tab indentation", GOOD + "outputs:\n\t- kind: x\n", "KH006", 7, 1),
    ("empty file", "", "KH008", 1, 1),
    ("comments only", "# chỉ có chú thích\n", "KH008", 1, 1),
    ("list instead of mapping", "- task: I.2\n", "KH013", 1, 1),
    ("several documents", GOOD + "---\n" + GOOD, "KH009", 6, 1),
    ("NFD text", _swap("Đã hoàn thành", "Đã hoàn thành".replace("à", "a\u0300")), "KH004", 5, 16),
    ("NUL byte", _swap("điều tra", "điều\x00tra"), "KH003", 5, 37),
    ("vertical tab from Word", _swap("điều tra", "điều\x0btra"), "KH003", 5, 37),
    ("anchor and alias", GOOD + 'difficulties: &a "x"\nproposals: *a\n', "KH010", 6, 15),
    ("merge conflict markers", "<<<<<<< HEAD\n" + GOOD + "=======\n" + GOOD + ">>>>>>> nhanh\n", "KH005", 1, 1),
    ("syntax error", GOOD + 'author: "chưa đóng\n', "KH007", 7, 1),
    ("explicit tag", _swap('summary: "Đã hoàn thành báo cáo điều tra."', "summary: !!binary YWJj"), "KH014", 5, 10),
    ("date before the resolution", _swap("date: 2026-05-20", "date: 2025-12-01"), "KH034", 3, 7),
    ("date in the future", _swap("date: 2026-05-20", "date: 2026-11-29"), "KH035", 3, 7),
    ("unit not assigned", _swap('unit: "QLMT"', 'unit: "TSKN"'), "KH032", 2, 7),
    ("status not allowed", _swap('status: "done"', 'status: "xong"'), "KH023", 4, 9),
]


@pytest.mark.parametrize(
    "name,content,code,line,col", [c for c in CASES if c[3] is not None], ids=[c[0] for c in CASES if c[3] is not None]
)
def test_bad_entry_reports_code_and_position(cli, example_root, name, content, code, line, col):
    rel = REL
    if code == "KH032":
        rel = "progress/TSKN/2026-05-20-I.2.yaml"
    if code in ("KH034", "KH035"):
        rel = rel.replace("2026-05-20", content.split("date: ")[1][:10])
    write(example_root, rel, content)
    result = cli(["validate", "--format", "json"], example_root)
    assert result.exit_code == 1, result.output
    problems = [p for p in json.loads(result.stdout) if p["path"] == rel]
    assert problems, result.stdout
    first = problems[0]
    assert (first["code"], first["line"], first["col"]) == (code, line, col), problems
    assert first["severity"] == "error"


def test_unknown_unit(cli, example_root):
    write(example_root, "progress/XYZ/2026-05-20-I.2.yaml", _swap('unit: "QLMT"', 'unit: "XYZ"'))
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "progress/XYZ/2026-05-20-I.2.yaml:2:7: error KH031:" in result.stdout


def test_file_name_must_match_content(cli, example_root):
    write(example_root, "progress/QLMT/2026-05-21-I.2.yaml", GOOD)
    result = cli(["validate"], example_root)
    assert "progress/QLMT/2026-05-21-I.2.yaml:3:7: error KH033:" in result.stdout
    assert "2026-05-20-I.2.yaml" in result.stdout  # says what the name should be


def test_not_utf8_cp1258(cli, example_root):
    legacy = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Hoàn thành"\n'
    write(example_root, REL, legacy.encode("cp1258"))
    result = cli(["validate"], example_root)
    assert f"{REL}:5:" in result.stdout and "KH002" in result.stdout


def test_utf16_without_bom(cli, example_root):
    write(example_root, REL, GOOD.encode("utf-16-le"))
    result = cli(["validate"], example_root)
    assert f"{REL}:1:1: error KH002:" in result.stdout
    assert "UTF-16" in result.stdout


def test_file_over_size_cap(cli, example_root):
    write(example_root, REL, GOOD + "# " + "x" * (1024 * 1024) + "\n")
    result = cli(["validate"], example_root)
    assert f"{REL}:1:1: error KH001:" in result.stdout


def test_alias_bomb_is_refused_quickly(cli, example_root):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    write(example_root, REL, bomb)
    result = cli(["validate"], example_root)
    assert f"{REL}:1:4: error KH010:" in result.stdout


def test_messages_are_vietnamese_nfc_and_say_what_to_do(cli, example_root):
    import unicodedata

    write(example_root, REL, _swap("date: 2026-05-20", "date: 10/11/2026"))
    out = cli(["validate"], example_root).stdout
    assert unicodedata.is_normalized("NFC", out)
    assert "YYYY-MM-DD" in out and "ví dụ" in out


def test_no_traceback_on_any_case(cli, example_root):
    for _, content, *_ in CASES:
        if content == GOOD:
            continue
        write(example_root, REL, content)
        result = cli(["validate"], example_root)
        assert "Traceback" not in result.output
        assert result.exit_code == 1


@posix_only
def test_special_files_do_not_hang(cli, example_root):
    import os

    fifo = example_root / "progress" / "QLMT" / "2026-05-13-I.5.yaml"
    os.mkfifo(fifo)
    (example_root / "progress" / "QLMT" / "2026-05-14-I.5.yaml").symlink_to("/dev/zero")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "progress/QLMT/2026-05-13-I.5.yaml:1:1: error KH121: đây không phải tệp thường" in result.stdout
    assert "progress/QLMT/2026-05-14-I.5.yaml:1:1: error KH120: đây là liên kết tượng trưng" in result.stdout


def test_deep_nesting_is_a_syntax_error_not_a_crash(cli, example_root):
    write(example_root, REL, GOOD + "difficulties: " + "[" * 700 + "]" * 700 + "\n")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and f"{REL}:6:" in result.stdout and "KH007" in result.stdout
    assert "lồng quá sâu" in result.stdout


def test_unicode_line_separator_is_refused(cli, example_root):
    write(example_root, REL, _swap("điều tra", "điều\u2028tra"))
    result = cli(["validate"], example_root)
    assert f"{REL}:5:37: error KH003" in result.stdout


def test_syntax_errors_are_explained_in_vietnamese(cli, example_root):
    write(example_root, REL, GOOD + "outputs:\n  - kind: x\n   title: y\n")
    out = cli(["validate"], example_root).stdout
    assert "KH007" in out and "did not" not in out and "thụt lề" in out


def test_every_readable_yaml_problem_of_a_file_is_reported(cli, example_root):
    write(example_root, REL, GOOD + 'difficulties: no\nproposals: 010\nauthor: yes\nauthor: "x"\n')
    problems = [p for p in json.loads(cli(["validate", "--format", "json"], example_root).stdout) if p["path"] == REL]
    assert [(p["code"], p["line"]) for p in problems] == [("KH012", 6), ("KH012", 7), ("KH012", 8), ("KH011", 9)]


def test_a_file_not_in_utf8_says_how_to_save_it_as_utf8(cli, example_root):
    """Staff edit in Notepad: the message names the menu and the setting, not just 'UTF-8'."""
    path = example_root / "progress" / "QLMT" / "2026-05-20-I.2.yaml"
    path.write_bytes(unicodedata.normalize("NFD", 'task: "I.2"\nsummary: "Đã xong"\n').encode("cp1258"))
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "KH002" in result.stdout and "File › Save As" in result.stdout and "Encoding chọn UTF-8" in result.stdout
