"""No command writes a file or folder named after a unit code Windows keeps for a device (KH240):
`add`, `form`, `import-xlsx` and `site` refuse a root with a unit CON before writing anything.
(The unit's file has an ordinary name here, so that the tests also run on Windows.)"""

from __future__ import annotations

import openpyxl
import pytest

from kehoach import winnames
from tests.conftest import write

UNIT = 'code: "CON"\nname: "Phòng Cấp Ống Nước"\nkind: "phong"\n'


@pytest.fixture
def con_root(example_root):
    """The example root with a unit CON leading task I.5."""
    write(example_root, "units/CONX.yaml", UNIT)
    tasks = example_root / "plan/tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    old = '      - id: "I.5"\n'
    at = text.index(old)
    head, tail = text[:at], text[at:]
    lead = '        lead:\n          - "QLMT"'
    assert tail.index(lead) < tail.index("content:", 30)  # the first lead after I.5 is I.5's
    tasks.write_text(head + tail.replace(lead, lead.replace("QLMT", "CON"), 1), encoding="utf-8")
    return example_root


def _device_paths(root):
    """Paths under `root` with a device name (listed, not probed: Windows says such a path exists)."""
    return [p for p in root.rglob("*") if winnames.device(p.name)]


def test_add_refuses_and_writes_nothing(cli, con_root):
    result = cli(["add", "-t", "I.5", "-u", "CON", "-s", "done", "--summary", "Đã xong.", "--yes"], con_root)
    assert result.exit_code == 1
    assert "units/CONX.yaml:1:7: error KH240" in result.output
    assert _device_paths(con_root) == []


def test_add_for_an_unregistered_device_code_writes_nothing(cli, example_root):
    result = cli(["add", "-t", "I.5", "-u", "NUL", "-s", "done", "--summary", "Đã xong.", "--yes"], example_root)
    assert result.exit_code == 1 and "--unit: error KH240" in result.output
    assert "mục của đơn vị nằm trong thư mục progress/<mã mới>/" in result.output
    assert _device_paths(example_root) == []


def test_form_refuses_for_one_unit_and_for_all(cli, con_root, tmp_path):
    one = cli(["form", "--unit", "CON", "--year", "2026", "-o", tmp_path / "f.xlsx"], con_root)
    every = cli(["form", "--year", "2026", "-o", tmp_path / "out"], con_root)
    assert (one.exit_code, every.exit_code) == (1, 1)
    assert "KH240" in one.output and "KH240" in every.output
    assert not (tmp_path / "f.xlsx").exists() and not (tmp_path / "out").exists()
    assert _device_paths(con_root) == []


def test_import_xlsx_of_a_form_for_such_a_unit_writes_nothing(cli, example_root, tmp_path):
    made = cli(["form", "--unit", "QLMT", "--year", "2026", "-o", tmp_path / "f.xlsx"], example_root)
    assert made.exit_code == 0, made.output
    wb = openpyxl.load_workbook(tmp_path / "f.xlsx")
    wb["kehoach"]["B1"] = "CON"  # a form made for unit CON (before this rule), or edited
    wb.save(tmp_path / "con.xlsx")
    unknown = cli(["import-xlsx", tmp_path / "con.xlsx"], example_root)
    assert unknown.exit_code == 1 and "KH165" in unknown.output
    write(example_root, "units/CONX.yaml", UNIT)
    registered = cli(["import-xlsx", tmp_path / "con.xlsx"], example_root)
    assert registered.exit_code == 1 and "KH240" in registered.output
    assert _device_paths(example_root) == []


def test_site_refuses_before_writing_a_page_for_it(cli, con_root, tmp_path):
    out = tmp_path / "site"
    result = cli(["site", "--year", "2026", "--as-of", "2026-11-20", "-o", out], con_root)
    assert result.exit_code == 1 and "KH240" in result.output
    assert _device_paths(tmp_path) == []
