"""`kehoach add`: options or questions, checked before writing, atomic, never overwriting."""

from __future__ import annotations

import os
import re

import pytest

from kehoach.commands import add as add_cmd
from tests.conftest import posix_only

OPTS = ["add", "--task", "I.8", "--unit", "QLMT", "--status", "in_progress", "--summary", "Đã khảo sát hiện trạng."]


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in (root / "progress").rglob("*") if p.is_file())


def test_add_with_options_writes_a_valid_entry(cli, example_root):
    result = cli(OPTS + ["--date", "2026-11-02", "--difficulties", "Thiếu kinh phí."], example_root)
    assert result.exit_code == 0, result.output
    path = example_root / "progress" / "QLMT" / "2026-11-02-I.8.yaml"
    assert str(path) in result.stdout
    text = path.read_text(encoding="utf-8")
    assert 'summary: "Đã khảo sát hiện trạng."' in text and 'difficulties: "Thiếu kinh phí."' in text
    assert text.startswith("# yaml-language-server: $schema=")
    assert cli(["validate"], example_root).exit_code == 0


def test_add_defaults_to_today(cli, example_root):
    cli(OPTS, example_root)
    assert (example_root / "progress" / "QLMT" / "2026-11-28-I.8.yaml").is_file()


def test_add_never_overwrites(cli, example_root):
    for _ in range(3):
        assert cli(OPTS, example_root).exit_code == 0
    names = [f for f in _files(example_root) if "2026-11-28-I.8" in f]
    assert names == [
        "progress/QLMT/2026-11-28-I.8-2.yaml",
        "progress/QLMT/2026-11-28-I.8-3.yaml",
        "progress/QLMT/2026-11-28-I.8.yaml",
    ]
    assert cli(["validate"], example_root).exit_code == 0


@pytest.mark.parametrize(
    "change,code",
    [
        (("--task", "I.9"), "KH030"),
        (("--unit", "TSKN"), "KH032"),
        (("--unit", "XYZ"), "KH031"),
        (("--status", "xong"), "KH023"),
        (("--date", "2026-12-01"), "KH035"),
        (("--date", "2025-11-01"), "KH034"),
        (("--summary", "có\x0bký tự lạ"), "KH003"),
    ],
)
def test_add_refuses_bad_values_and_writes_nothing(cli, example_root, change, code):
    before = _files(example_root)
    args = list(OPTS)
    i = args.index(change[0]) if change[0] in args else None
    if i is None:
        args += list(change)
    else:
        args[i + 1] = change[1]
    result = cli(args, example_root)
    assert result.exit_code == 1, result.output
    assert code in result.output and "chưa ghi tệp nào" in result.output
    lines = result.output.splitlines()
    assert "Lỗi: mục mới không hợp lệ; chưa ghi tệp nào:" in lines and "\\x0a" not in result.output
    assert any(line.startswith(f"  {change[0]}: error {code}") for line in lines)  # by the option, not the file
    assert "progress/" not in result.output
    assert _files(example_root) == before  # neither the entry nor a temporary file


def test_add_bad_date_format_is_usage_error(cli, example_root):
    result = cli(OPTS + ["--date", "28/11/2026"], example_root)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_add_date_typed_day_first_names_the_option_to_type_and_it_works(cli, example_root):
    """A staff member types the date the Vietnamese way; the message gives the exact option to type."""
    before = _files(example_root)
    result = cli(OPTS + ["--date", "05/03/2026"], example_root)
    assert result.exit_code == 2 and _files(example_root) == before
    assert "ngày 5 tháng 3 năm 2026" in result.output and "`--date 2026-03-05`" in result.output
    again = cli(OPTS + ["--date", "2026-03-05", "--yes"], example_root)
    assert again.exit_code == 0 and "progress/QLMT/2026-03-05-I.8.yaml" in _files(example_root)
    assert "hãy gõ" not in cli(OPTS + ["--date", "31/02/2026"], example_root).output  # no real date: no guess


def test_add_without_terminal_names_missing_options(cli, example_root):
    result = cli(["add", "--task", "I.8"], example_root)
    assert result.exit_code == 2
    assert "--unit" in result.output and "--status" in result.output and "--summary" in result.output


def test_add_normalises_terminal_text_to_nfc(cli, example_root):
    nfd = "Đã khảo sát".replace("ả", "a\u0309")
    args = list(OPTS)
    args[args.index("--summary") + 1] = nfd
    assert cli(args, example_root).exit_code == 0
    text = (example_root / "progress" / "QLMT" / "2026-11-28-I.8.yaml").read_text(encoding="utf-8")
    assert "Đã khảo sát" in text


def test_add_interactive_offers_only_the_units_tasks(cli, example_root, monkeypatch):
    monkeypatch.setattr(add_cmd, "interactive", lambda: True)
    # unit: typed code; task: number 1 of TTBVTV's tasks; status: 2; date: today; summary; skip the rest; confirm
    answers = "TTBVTV\n1\n2\n\nĐã tập huấn cho nông dân.\n\n\n\n\n\n\n"
    result = cli(["add"], example_root, input=answers)
    assert result.exit_code == 0, result.output
    assert "II.C.6" in result.output and "II.C.7" in result.output
    assert "I.1 —" not in result.output  # not a TTBVTV task
    path = example_root / "progress" / "TTBVTV" / "2026-11-28-II.C.6.yaml"
    assert 'status: "in_progress"' in path.read_text(encoding="utf-8")


def test_add_interactive_reasks_on_a_bad_choice(cli, example_root, monkeypatch):
    monkeypatch.setattr(add_cmd, "interactive", lambda: True)
    result = cli(["add", "--unit", "TTBVTV", "--summary", "x"], example_root, input="99\n2\n3\n\n\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "không có số 99" in result.output
    assert (example_root / "progress" / "TTBVTV" / "2026-11-28-II.C.7.yaml").is_file()


def test_interrupted_write_leaves_nothing(cli, example_root, monkeypatch):
    before = _files(example_root)

    def power_cut(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", power_cut)
    result = cli(OPTS, example_root)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "không ghi được tệp" in result.output
    assert _files(example_root) == before


def test_add_interactive_asks_again_for_a_blank_summary(cli, example_root, monkeypatch):
    monkeypatch.setattr(add_cmd, "interactive", lambda: True)
    result = cli(
        ["add", "--unit", "TTBVTV", "--task", "II.C.6", "--status", "done"],
        example_root,
        input="\n   \nĐã xong.\n\n\n\n\n\n\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("Kết quả thực hiện (") == 2 and "không được để trống" in result.output


def test_add_refuses_a_unit_folder_that_is_a_file(cli, example_root):
    (example_root / "progress" / "TCCB").write_text("x", encoding="utf-8")
    result = cli(["add", "--task", "II.E.1", "--unit", "TCCB", "--status", "done", "--summary", "x"], example_root)
    assert result.exit_code == 1 and "không phải là một thư mục" in result.output


def test_a_broken_entry_of_another_unit_does_not_stop_add_or_plan(cli, example_root):
    (example_root / "progress" / "QLMT" / "2026-04-20-I.2.yaml").write_text("- x\n", encoding="utf-8")
    assert (
        cli(OPTS[:2] + ["II.C.6", "--unit", "TTBVTV", "--status", "done", "--summary", "x"], example_root).exit_code
        == 0
    )
    assert cli(["plan"], example_root).exit_code == 0
    assert cli(["validate"], example_root).exit_code == 1  # validate still reports it


@posix_only
def test_add_does_not_write_through_a_dangling_symlink(cli, example_root, tmp_path):
    outside = tmp_path / "outside.yaml"
    (example_root / "progress" / "QLMT" / "2026-11-28-I.8.yaml").symlink_to(outside)
    result = cli(OPTS, example_root)
    assert result.exit_code == 0 and not outside.exists()
    assert (example_root / "progress" / "QLMT" / "2026-11-28-I.8-2.yaml").is_file()


def test_add_records_outputs_indicators_and_labels(cli, example_root):
    args = ["add", "--task", "i.8", "--unit", "qlmt", "--status", "Đang thực hiện", "--summary", "Đã khảo sát."]
    args += ["--output", "Báo cáo|45/BC-QLMT|2026-05-18|Kết quả khảo sát", "--output", "Kế hoạch||20/05/2026|Ứng phó"]
    args += ["--indicator", "Tỷ lệ thu gom|92,5|%", "--indicator", "Số lớp tập huấn|3|", "--date", "2026-05-20"]
    result = cli(args, example_root)
    assert result.exit_code == 0, result.output
    text = (example_root / "progress" / "QLMT" / "2026-05-20-I.8.yaml").read_text(encoding="utf-8")
    assert 'status: "in_progress"' in text and 'task: "I.8"' in text
    assert 'number: "45/BC-QLMT"' in text and 'date: 2026-05-20\n    title: "Ứng phó"' in text
    assert "value: 92.5" in text and 'name: "Số lớp tập huấn"\n    value: 3\n' in text
    assert cli(["validate"], example_root).exit_code == 0


@pytest.mark.parametrize(
    "option,value,reason",
    [
        ("--output", "Báo cáo|45/BC", "đúng 4 phần"),
        ("--output", "Báo cáo|1|2026-02-30|x", "không có trong lịch"),
        ("--indicator", "Tỷ lệ|1,500|%", "không rõ"),
        ("--indicator", "Tỷ lệ|nhiều|%", "không phải là một số"),
    ],
)
def test_add_refuses_malformed_items_as_usage_errors(cli, example_root, option, value, reason):
    result = cli(OPTS + [option, value], example_root)
    assert result.exit_code == 2 and option in result.output and reason in result.output


def test_add_corrects_an_entry(cli, example_root):
    assert cli(OPTS + ["--date", "2026-05-20"], example_root).exit_code == 0
    old = "progress/QLMT/2026-05-20-I.8.yaml"
    fixed = OPTS[:-1] + ["Đã khảo sát 12 điểm.", "--date", "2026-05-21", "--corrects", old]
    result = cli(fixed, example_root)
    assert result.exit_code == 0, result.output
    assert f'corrects: "{old}"' in (example_root / "progress/QLMT/2026-05-21-I.8.yaml").read_text(encoding="utf-8")
    assert cli(["validate"], example_root).exit_code == 0
    again = cli(OPTS + ["--date", "2026-05-22", "--corrects", old], example_root)
    assert again.exit_code == 1 and "KH041" in again.output and "đã được đính chính" in again.output


@pytest.mark.parametrize(
    ("option", "value", "where"),
    [
        ("--summary", 'Đã thu gom 12 tấn "bao gói"\u200b thuốc.', 'ngay sau “Đã thu gom 12 tấn "bao gói"”'),
        ("--summary", "\u200bĐã thu gom.", "ở đầu giá trị"),
        ("--difficulties", "Dòng một\ndòng hai có \u00admềm", "ngay sau “dòng hai có”"),
        ("--indicator", "Tỷ lệ \u200bthu gom|5|%", "ngay sau “Tỷ lệ”"),
    ],
)
def test_add_says_where_an_invisible_pasted_character_is(cli, example_root, option, value, where):
    """Text pasted from Word carries a character nobody can see; a typed value has no line or
    column, so the message quotes the words just before it, and removing it is enough."""
    before = _files(example_root)
    args = OPTS + ["--date", "2026-11-20", "--yes"]
    args = (args[:-4] + [value] + args[-3:]) if option == "--summary" else args + [option, value]
    result = cli(args, example_root)
    assert result.exit_code == 1 and _files(example_root) == before
    assert f"{option}" in result.output and "KH003" in result.output and f"Ký tự này nằm {where}." in result.output
    fixed = [a.replace("\u200b", "").replace("\u00ad", "") for a in args]
    assert cli(fixed, example_root).exit_code == 0


def test_add_fix_names_the_option_to_type_not_a_file_line(cli, example_root):
    """`add` takes options, so its fix says what to type on the command line; typing it works."""
    args = OPTS[:6] + ["dang thuc hien"] + OPTS[7:] + ["--date", "2026-11-20", "--yes"]
    result = cli(args, example_root)
    assert result.exit_code == 1 and "KH023" in result.output
    assert "Hãy gõ `--status in_progress`." in result.output and 'status: "' not in result.output
    typed = re.search(r"Hãy gõ `--status (\S+)`", result.output)
    assert typed is not None
    assert cli(args[:6] + [typed[1]] + args[7:], example_root).exit_code == 0
