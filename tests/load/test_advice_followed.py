"""Every piece of advice, followed literally, clears the problem it was given for.

Each case writes one hand-made mistake, checks that the message gives the exact
fix, performs that fix with tests/advice.py (as staff would, to the letter) and
validates again: the file must then have no error at all.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.advice import apply
from tests.conftest import write

REL = "progress/QLMT/2026-05-20-I.2.yaml"
GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã hoàn thành báo cáo điều tra."\n'
IND = 'indicators:\n  - name: "Tỷ lệ thu gom"\n    value: {}\n    unit: "%"\n'


def _swap(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


CASES = [
    # id, rel, content, code, the exact fix the message must contain
    ("status label", REL, _swap('"done"', '"Đang thực hiện"'), "KH023", '`status: "in_progress"`'),
    ("status label no diacritics", REL, _swap('"done"', "da hoan thanh"), "KH023", '`status: "done"`'),
    ("status code in capitals", REL, _swap('"done"', '"IN_PROGRESS"'), "KH023", '`status: "in_progress"`'),
    ("decimal comma", REL, GOOD + IND.format('"92,5"'), "KH022", "`value: 92.5`"),
    ("decimal comma unquoted", REL, GOOD + IND.format("92,5"), "KH022", "`value: 92.5`"),
    ("thousands dots", REL, GOOD + IND.format('"1.500"'), "KH022", "`value: 1500`"),
    ("quoted number", REL, GOOD + IND.format('"92.5"'), "KH022", "`value: 92.5`"),
    ("leading zero", REL, GOOD + IND.format("010"), "KH012", "`value: 10`"),
    ("thousands dot unquoted", REL, GOOD + IND.format("1.500"), "KH012", "`value: 1500`"),
    ("leading zero in text", REL, GOOD + "author: 010\n", "KH012", '`author: "010"`'),
    ("yes in text", REL, GOOD + "proposals: no\n", "KH012", '`proposals: "no"`'),
    ("date d/m/y", REL, _swap("date: 2026-05-20", "date: 20/05/2026"), "KH024", "`date: 2026-05-20`"),
    ("date d-m-y", REL, _swap("date: 2026-05-20", "date: 20-05-2026"), "KH024", "`date: 2026-05-20`"),
    ("date d.m.y", REL, _swap("date: 2026-05-20", "date: 20.05.2026"), "KH024", "`date: 2026-05-20`"),
    ("unit lower case", REL, _swap('"QLMT"', '" qlmt "'), "KH023", '`unit: "QLMT"`'),
    ("task lower case", REL, _swap('"I.2"', '"i. 2"'), "KH023", '`task: "I.2"`'),
    ("misspelt key", REL, _swap("summary:", "sumary:"), "KH021", "`sumary` thành `summary`"),
    ("key by its title", REL, GOOD + 'Tình trạng: "done"\n', "KH020", "hãy xóa dòng này"),
    ("missing status", REL, GOOD.replace('status: "done"\n', ""), "KH021", '`status: "in_progress"`'),
    ("missing task", REL, GOOD.replace('task: "I.2"\n', ""), "KH021", '`task: "I.2"`'),
    ("number where text", REL, _swap('"Đã hoàn thành báo cáo điều tra."', "1.10"), "KH022", '`summary: "1.10"`'),
    ("tab on a top-level key", REL, _swap("status:", "\tstatus:"), "KH006", "cột 1"),
    ("tab in a list", REL, GOOD + 'outputs:\n\t- kind: "Báo cáo"\n\t  title: "Kết quả"\n', "KH006", "cột 3"),
    ("str tag", REL, _swap('summary: "Đã', 'summary: !!str "Đã'), "KH014", '`summary: "Đã hoàn thành'),
    ("non-specific tag", REL, _swap('summary: "Đã', 'summary: ! "Đã'), "KH014", "hãy xóa `!`"),
    ("int tag", REL, GOOD + IND.format("!!int 010"), "KH014", "`value: 10`"),
    ("duplicate key", REL, GOOD + 'status: "in_progress"\n', "KH011", "xóa dòng còn lại"),
    ("name does not match", "progress/QLMT/2026-05-21-I.2.yaml", GOOD, "KH033", REL),
    ("wrong folder", "progress/KHTH/2026-05-20-I.2.yaml", GOOD, "KH033", REL),
    ("saved as .yml", "progress/QLMT/2026-05-20-I.2.yml", GOOD, "KH200", REL),
    ("saved as .YAML", "progress/QLMT/2026-05-20-I.2.YAML", GOOD, "KH200", REL),
    ("saved as .txt", "progress/QLMT/2026-05-20-I.2.txt", GOOD, "KH200", REL),
    ("lower-case folder and .yml", "progress/qlmt/2026-05-20-I.2.yml", GOOD, "KH200", REL),
    ("no date in the name", "progress/QLMT/bao-cao.yml", GOOD, "KH200", REL),
    ("odd suffix", "progress/QLMT/2026-05-20-I.2 (1).yaml", GOOD, "KH033", REL),
]


def _problems(cli, root, rel):
    result = cli(["validate", "--format", "json"], root)
    return [p for p in json.loads(result.stdout) if p["path"] == rel and p["severity"] == "error"]


@pytest.mark.parametrize("rel,content,code,fix", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_advice_followed_literally_clears_the_error(cli, example_root, rel, content, code, fix):
    write(example_root, rel, content)
    problems = _problems(cli, example_root, rel)
    assert problems and problems[0]["code"] == code, problems
    first = problems[0]
    assert fix in first["message"], first["message"]
    for _ in range(3):  # one file may carry a few independent mistakes: follow each message
        if not problems:
            break
        done = apply(example_root, problems[0])
        if done.startswith(("rename", "delete")):
            rel = done.split(" ", 1)[1] if done.startswith("rename") else rel
        problems = _problems(cli, example_root, rel)
    assert problems == [], problems


def test_renamed_entry_gets_a_free_name(cli, example_root):
    """When the expected name is taken, the advice names the next free `-N` name."""
    write(example_root, REL, GOOD)
    write(example_root, "progress/QLMT/2026-05-20-I.2.yml", _swap("Đã hoàn thành", "Đã xong phần hai,"))
    (problem,) = _problems(cli, example_root, "progress/QLMT/2026-05-20-I.2.yml")
    assert "progress/QLMT/2026-05-20-I.2-2.yaml" in problem["message"]
    apply(example_root, problem)
    assert cli(["validate"], example_root).exit_code == 0


def test_backup_copy_is_to_be_deleted(cli, example_root):
    write(example_root, REL, GOOD)
    write(example_root, REL + "~", GOOD)
    (problem,) = _problems(cli, example_root, REL + "~")
    assert problem["code"] == "KH200" and f"bản sao của {REL}" in problem["message"]
    apply(example_root, problem)
    assert cli(["validate"], example_root).exit_code == 0


def test_stray_file_in_progress_is_an_error_and_names_the_fix(cli, example_root):
    write(example_root, "progress/QLMT/ghi-chu.docx", b"PK\x03\x04")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "progress/QLMT/ghi-chu.docx:1:1: error KH200:" in result.stdout
    assert "ra khỏi progress/" in result.stdout


def test_units_outside_progress_keep_warnings(cli, example_root):
    write(example_root, "units/ghi-chu.txt", "x")
    assert cli(["validate"], example_root).exit_code == 0
    shutil.copy(example_root / "units/QLMT.yaml", example_root / "units/QLMT2.yml")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "units/QLMT2.yml:1:1: error KH201:" in result.stdout
    assert "hãy đổi tên thành units/QLMT2.yaml" in result.stdout


def test_fields_are_named_in_words(cli, example_root):
    write(example_root, REL, GOOD + IND.format('"abc"'))
    (problem,) = _problems(cli, example_root, REL)
    assert problem["message"].startswith("chỉ tiêu thứ 1, `value` (`indicators[1].value`)")


def test_near_miss_dates_in_vietnamese_order_say_the_day(cli, example_root):
    write(example_root, REL, _swap("date: 2026-05-20", "date: 05/11/2026"))
    (problem,) = _problems(cli, example_root, REL)
    assert "ngày 5 tháng 11 năm 2026" in problem["message"] and "`date: 2026-11-05`" in problem["message"]


def test_every_stray_gets_its_own_name_so_all_advice_can_be_followed_at_once(cli, example_root):
    for n in range(3):
        write(example_root, f"progress/QLMT/bao-cao-{n}.yml", _swap("Đã hoàn thành", f"Lần {n}:"))
    problems = _problems(cli, example_root, "progress/QLMT/bao-cao-0.yml")
    problems += _problems(cli, example_root, "progress/QLMT/bao-cao-1.yml")
    problems += _problems(cli, example_root, "progress/QLMT/bao-cao-2.yml")
    for problem in problems:
        apply(example_root, problem)
    assert cli(["validate"], example_root).exit_code == 0
    assert {p.name for p in (example_root / "progress/QLMT").glob("2026-05-20-I.2*.yaml")} == {
        "2026-05-20-I.2.yaml",
        "2026-05-20-I.2-2.yaml",
        "2026-05-20-I.2-3.yaml",
    }


def test_a_true_decimal_is_still_read(cli, example_root):
    """Only a trailing zero makes `1.500` ambiguous; `12.345` and `0.500` are decimals."""
    write(example_root, REL, GOOD + IND.format("12.345") + '  - name: "b"\n    value: 0.500\n')
    assert cli(["validate"], example_root).exit_code == 0
    write(example_root, REL, GOOD + IND.format("1.500"))
    (problem,) = _problems(cli, example_root, REL)
    assert "`value: 1.5`" in problem["message"]
    other = problem["message"].rsplit("; ", 1)[1]  # "nếu là 1,5, hãy sửa thành `value: 1.5`."
    apply(example_root, dict(problem, message=other))  # the other reading, followed literally, clears it too
    assert cli(["validate"], example_root).exit_code == 0
    assert "value: 1.5" in (example_root / REL).read_text(encoding="utf-8")


def test_near_miss_codes_are_named(cli, example_root):
    write(example_root, "progress/QLMT/2026-05-20-I.20.yaml", _swap('"I.2"', '"I.20"'))
    write(example_root, "progress/QLTM/2026-05-20-I.2.yaml", _swap('"QLMT"', '"QLTM"'))
    by_path = {p["path"]: p for p in json.loads(cli(["validate", "--format", "json"], example_root).stdout)}
    task = by_path["progress/QLMT/2026-05-20-I.20.yaml"]
    assert task["code"] == "KH030" and task["message"].endswith("Ý bạn là `I.2`?")
    unit = by_path["progress/QLTM/2026-05-20-I.2.yaml"]
    assert unit["code"] == "KH031" and unit["message"].endswith("Ý bạn là `QLMT`?")
