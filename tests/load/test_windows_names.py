"""KH240: unit codes Windows keeps for devices (CON, NUL, COM1, LPT9 …) are refused wherever a
unit code is written, once per place, at the value; ordinary codes such as COM10 or CONG are not.

These tests also run on Windows: no file or folder is ever given a device name here (the refused
codes sit in files with ordinary names; the file-name rule KH033 is not reached for them)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import write

UNIT = 'code: "{code}"\nname: "Phòng Thử"\nkind: "phong"\n'


def _problems(cli, root):
    result = cli(["validate", "--format", "json"], root)
    return result.exit_code, json.loads(result.stdout)


def _at(problems, path):
    return [(p["code"], p["line"], p["col"]) for p in problems if p["path"] == path]


@pytest.mark.parametrize(
    "code, device",
    [
        ("CON", "CON"),
        ("nul", "NUL"),
        ("Prn", "PRN"),
        ("AUX", "AUX"),
        ("COM1", "COM1"),
        ("COM9", "COM9"),
        ("LPT9", "LPT9"),
        ("LPT0", "LPT0"),
        ("COM¹", "COM¹"),
        ("lpt³", "LPT³"),
        ("AUX.x", "AUX"),
        ("con ", "CON"),
    ],
)
def test_a_reserved_unit_code_is_refused_at_its_value(cli, example_root, code, device):
    write(example_root, "units/ZZ.yaml", UNIT.format(code=code))
    exit_code, problems = _problems(cli, example_root)
    assert exit_code == 1
    assert [(p["path"], p["code"], p["line"], p["col"]) for p in problems] == [("units/ZZ.yaml", "KH240", 1, 7)]
    message = next(p["message"] for p in problems if p["code"] == "KH240")
    said = f"`{code}`" if code == device else f"`{code}` (Windows đọc là `{device}`)"
    assert f"mã {said} là tên thiết bị mà Windows dành riêng" in message
    assert "không mở (clone, checkout) được trên máy Windows" in message
    assert "Hãy chọn mã khác" in message and "units/<mã mới>.yaml" in message


@pytest.mark.parametrize("code", ["COM10", "COM0", "CONG", "NULL", "AUXA", "LPTX", "PRN2", "CCBVMT", "QLMT2"])
def test_ordinary_codes_are_still_accepted(cli, example_root, code):
    write(example_root, f"units/{code}.yaml", UNIT.format(code=code))
    exit_code, problems = _problems(cli, example_root)
    assert (exit_code, problems) == (0, [])


def test_the_suggested_code_is_itself_valid(cli, example_root):
    write(example_root, "units/COM1A.yaml", UNIT.format(code="COM1"))
    _, problems = _problems(cli, example_root)
    assert "ví dụ thêm một chữ cái: `COM1A`" in problems[0]["message"]
    write(example_root, "units/COM1A.yaml", UNIT.format(code="COM1A"))
    assert _problems(cli, example_root) == (0, [])


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


def test_an_entry_for_such_a_unit_is_refused_once_without_echoes(cli, example_root):
    """A unit CON and an entry of CON: one KH240 each, no KH031/KH033 on top (file names aside)."""
    write(example_root, "units/CONX.yaml", UNIT.format(code="CON"))
    src = (example_root / "progress/QLMT/2025-12-14-I.5.yaml").read_text(encoding="utf-8")
    text = src.replace('unit: "QLMT"', 'unit: "CON"')
    write(example_root, "progress/CONX/2025-12-14-I.5.yaml", text)
    exit_code, problems = _problems(cli, example_root)
    assert exit_code == 1
    assert sorted((p["path"], p["code"]) for p in problems) == [
        ("progress/CONX/2025-12-14-I.5.yaml", "KH240"),
        ("units/CONX.yaml", "KH240"),
    ]
    entry = next(p for p in problems if p["path"].startswith("progress/"))
    assert (entry["line"], entry["col"]) == (_line_of(text, 'unit: "CON"'), 7)
    assert "`unit` (đơn vị báo cáo): `CON` không thể là mã đơn vị" in entry["message"]
    assert "progress/<mã mới>/" in entry["message"]


@pytest.mark.parametrize(
    "rel, old, new, needle",
    [
        ("plan/tasks.yaml", '        lead:\n          - "QLMT"', '        lead:\n          - "NUL"', '- "NUL"'),
        (
            "plan/tasks.yaml",
            '        coordinating:\n          - "VP"',
            '        coordinating:\n          - "lpt1"',
            '- "lpt1"',
        ),
        ("plan/plan.yaml", 'focal_unit: "QLMT"', 'focal_unit: "AUX"', '"AUX"'),
    ],
    ids=["lead", "coordinating", "focal_unit"],
)
def test_the_plan_cannot_name_such_a_unit(cli, example_root, rel, old, new, needle):
    path = example_root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    exit_code, problems = _problems(cli, example_root)
    assert exit_code == 1
    line = _line_of(text, needle)
    col = text.splitlines()[line - 1].index(needle.lstrip("- ")) + 1
    assert _at(problems, rel) == [("KH240", line, col)]
    assert "không thể là mã đơn vị" in problems[0]["message"]
    assert "KH037" not in {p["code"] for p in problems}


def test_an_amendment_cannot_name_such_a_unit(cli, example_root):
    path = example_root / "plan/plan.yaml"
    amendment = (
        "amendments:\n"
        '  - kind: "Kế hoạch"\n    number: "15/KH-SNNMT"\n    date: 2026-06-01\n    title: "Điều chỉnh"\n'
        "    changes:\n"
        '      - task: "I.5"\n'
        '        lead: {before: ["QLMT"], after: ["COM3"]}\n'
        '        coordinating: {before: ["VP", "KHTH"], after: ["VP", "PRN"]}\n'
    )
    text = path.read_text(encoding="utf-8") + amendment
    path.write_text(text, encoding="utf-8")
    _, problems = _problems(cli, example_root)
    found = _at(problems, "plan/plan.yaml")
    assert [c for c, _, _ in found] == ["KH240", "KH240"]
    assert {line for _, line, _ in found} == {_line_of(text, '"COM3"'), _line_of(text, '"PRN"')}


def test_a_near_miss_is_never_corrected_into_a_device_name(cli, example_root):
    """`unit: " con"` breaks the code's pattern; the fix offered is not `CON` (that would be KH240)."""
    write(example_root, "units/CONG.yaml", UNIT.format(code=" con"))
    write(example_root, "units/QLMTX.yaml", UNIT.format(code=" qlmtx"))
    _, problems = _problems(cli, example_root)
    messages = {p["path"]: (p["code"], p["message"]) for p in problems}
    assert messages["units/CONG.yaml"][0] == "KH023" and "Hãy sửa thành" not in messages["units/CONG.yaml"][1]
    assert 'Hãy sửa thành `code: "QLMTX"`' in messages["units/QLMTX.yaml"][1]  # other codes still get the fix
