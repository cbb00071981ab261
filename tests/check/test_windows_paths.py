"""KH241: names in the data folders that Windows cannot create (so Git for Windows would not check
the repository out) are errors, once per name; unit files and entries are left to KH240/KH033."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import write

pytestmark = pytest.mark.skipif(
    os.name == "nt", reason="Windows cannot create these names — which is the very point of KH241"
)

UNIT = 'code: "{code}"\nname: "Phòng Thử"\nkind: "phong"\n'


def _problems(cli, root):
    result = cli(["validate", "--format", "json"], root)
    return result.exit_code, [(p["path"], p["code"]) for p in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "rel, reported, why",
    [
        ("progress/CON/.gitkeep", "progress/CON/", "`CON` là tên thiết bị Windows dành riêng"),
        ("progress/qlmt./.gitkeep", "progress/qlmt./", "tên kết thúc bằng dấu chấm"),
        ("plan/ghi chú?.md", "plan/ghi chú?.md", "tên có ký tự `?`"),
        ("plan/ghi chú .md ", "plan/ghi chú .md ", "tên kết thúc bằng khoảng trắng"),
        ("templates/aux/bao-cao.docx.j2", "templates/aux/", "`AUX` là tên thiết bị Windows dành riêng"),
        ("templates/site/lpt1.css", "templates/site/lpt1.css", "`LPT1` là tên thiết bị Windows dành riêng"),
        ("templates/a:b.txt", "templates/a:b.txt", "tên có ký tự `:`"),
    ],
)
def test_a_name_windows_cannot_create_is_an_error(cli, example_root, rel, reported, why):
    write(example_root, rel, "")
    exit_code, problems = _problems(cli, example_root)
    assert exit_code == 1
    assert (reported, "KH241") in problems
    assert [p for p in problems if p[1] == "KH241"] == [(reported, "KH241")]
    message = json.loads(cli(["validate", "--format", "json"], example_root).stdout)
    text = next(p["message"] for p in message if p["code"] == "KH241")
    assert f"({why})" in text and "không mở (clone, checkout) được trên máy Windows" in text


def test_a_stray_device_name_in_units_is_an_error_not_just_a_warning(cli, example_root):
    write(example_root, "units/NUL.txt", "ghi chú")
    assert _problems(cli, example_root) == (1, [("units/NUL.txt", "KH040"), ("units/NUL.txt", "KH241")])


def test_unit_files_and_entries_are_left_to_their_own_rules(cli, example_root):
    """units/CON.yaml holding CON: one KH240 (no KH241 beside it); progress/CON/ with entries of
    CON: one KH240 per entry, and the folder once."""
    write(example_root, "units/CON.yaml", UNIT.format(code="CON"))
    src = (example_root / "progress/QLMT/2025-12-14-I.5.yaml").read_text(encoding="utf-8")
    for n in ("", "-2", "-3"):
        write(example_root, f"progress/CON/2025-12-14-I.5{n}.yaml", src.replace('unit: "QLMT"', 'unit: "CON"'))
    _, problems = _problems(cli, example_root)
    assert sorted(problems) == [
        ("progress/CON/", "KH241"),
        ("progress/CON/2025-12-14-I.5-2.yaml", "KH240"),
        ("progress/CON/2025-12-14-I.5-3.yaml", "KH240"),
        ("progress/CON/2025-12-14-I.5.yaml", "KH240"),
        ("units/CON.yaml", "KH240"),
    ]


def test_ordinary_names_pass(cli, example_root):
    write(example_root, "units/COM10.yaml", UNIT.format(code="COM10"))
    write(example_root, "progress/COM10/.gitkeep", "")
    write(example_root, "templates/site/con-meo.css", "")
    write(example_root, "plan/README.md", "Ghi chú.")
    assert _problems(cli, example_root) == (0, [])
