"""The JSON Schema and the CLI are one set of rules: the same good and bad files, judged by
both (jsonschema with its date format check, and `kehoach validate`), get the same verdict.

Only a file's own rules are compared (KH003, KH004, KH020–KH025, KH240): cross-file rules
(known task, assigned unit, file name) and NFC cannot be said in JSON Schema.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from kehoach.commands.schema import schema_of
from kehoach.load import yamlsafe
from tests.conftest import write

FILE_CODES = {"KH003", "KH020", "KH021", "KH022", "KH023", "KH024", "KH025", "KH240"}
GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã hoàn thành."\n'


def _entry(**swap: str) -> str:
    text = GOOD
    for key, value in swap.items():
        old = next(line for line in text.splitlines() if line.startswith(key + ":"))
        text = text.replace(old, f"{key}: {value}")
    return text


ENTRIES = {
    "good": GOOD,
    "good with everything": GOOD
    + 'outputs:\n  - kind: "Báo cáo"\n    number: "45/BC-CCTTBVTV"\n    date: 2026-05-18\n    title: "Kết quả"\n'
    + 'indicators:\n  - name: "Tỷ lệ"\n    value: 92.5\n    unit: "%"\n'
    + 'difficulties: null\nproposals: |\n  Đề xuất\n  hai dòng\nauthor: "Nguyễn Văn A"\n',
    "empty summary": _entry(summary='""'),
    "blank summary": _entry(summary='"   "'),
    "no-break-space summary": _entry(summary='"\\u00a0"'),
    "BOM summary": _entry(summary='"\\ufeff"'),
    "line-break summary": _entry(summary='"\\n\\n"'),
    "control in summary": _entry(summary='"a\\vb"'),
    "carriage return in summary": _entry(summary='"a\\rb"'),
    "number summary": _entry(summary="12"),
    "unknown key": GOOD + 'ghichu: "x"\n',
    "missing status": GOOD.replace('status: "done"\n', ""),
    "status label": _entry(status='"Đã hoàn thành"'),
    "lower-case unit": _entry(unit='"qlmt"'),
    "Windows device unit": _entry(unit='"CON"'),
    "Windows device unit, lower case": _entry(unit='"nul"'),
    "Windows device unit with extension": _entry(unit='"AUX.x"'),
    "Windows device unit, superscript": _entry(unit='"COM¹"'),
    "unit COM10 (not a device)": _entry(unit='"COM10"'),
    "unit CONG (not a device)": _entry(unit='"CONG"'),
    "task with dashes": _entry(task='"I-2"'),
    "impossible date": _entry(date="2026-02-30"),
    "Vietnamese date": _entry(date="20/05/2026"),
    "quoted date": _entry(date='"2026-05-20"'),
    "comma number": GOOD + 'indicators:\n  - name: "x"\n    value: "92,5"\n',
    "huge number": GOOD + 'indicators:\n  - name: "x"\n    value: 1.0e16\n',
    "indicator without name": GOOD + "indicators:\n  - value: 5\n",
    "blank output kind": GOOD + 'outputs:\n  - kind: " "\n    title: "x"\n',
    "empty output date": GOOD + 'outputs:\n  - kind: "x"\n    title: "x"\n    date: "2026-13-01"\n',
    "outputs not a list": GOOD + 'outputs: "x"\n',
    "empty author": GOOD + 'author: ""\n',
    "null author": GOOD + "author: null\n",
    "blank coordinating-like text in corrects": GOOD + 'corrects: "  "\n',
}

UNITS = {
    "good": 'code: "ZZ"\nname: "Phòng Thử"\nkind: "phong"\nreviewers: ["nguyenvana"]\n',
    "blank name": 'code: "ZZ"\nname: " "\nkind: "phong"\n',
    "bad kind": 'code: "ZZ"\nname: "Phòng Thử"\nkind: "Phòng"\n',
    "bad reviewer": 'code: "ZZ"\nname: "Phòng Thử"\nkind: "phong"\nreviewers: ["tên có dấu"]\n',
    "lower-case code": 'code: "zz"\nname: "Phòng Thử"\nkind: "phong"\n',
    "Windows device code": 'code: "LPT9"\nname: "Phòng Thử"\nkind: "phong"\n',
    "Windows device code, lower case": 'code: "prn"\nname: "Phòng Thử"\nkind: "phong"\n',
    "code COM0 (not a device)": 'code: "COM0"\nname: "Phòng Thử"\nkind: "phong"\n',
}


def _schema_ok(kind: str, text: str) -> bool:
    data, problem = yamlsafe.load(text, "x")
    assert problem is None, problem
    validator = jsonschema.Draft202012Validator(schema_of(kind), format_checker=jsonschema.FormatChecker())
    return validator.is_valid(data)


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory, request):
    """{(kind, case): CLI verdict}, from one `kehoach validate` over a root holding every case."""
    import shutil

    from typer.testing import CliRunner

    from kehoach.cli import app
    from tests.conftest import EXAMPLES

    root = tmp_path_factory.mktemp("agree") / "root"
    shutil.copytree(EXAMPLES, root)
    where = {}
    for i, (name, text) in enumerate(ENTRIES.items()):
        rel = f"progress/QLMT/2026-05-20-I.2-{i + 2}.yaml"
        write(root, rel, text)
        where[rel] = ("entry", name)
    for i, (name, text) in enumerate(UNITS.items()):
        rel = f"units/ZZ{i}.yaml"
        write(root, rel, text)
        where[rel] = ("unit", name)
    out = CliRunner().invoke(app, ["--root", str(root), "validate", "--format", "json"]).stdout
    bad = {p["path"] for p in json.loads(out) if p["code"] in FILE_CODES}
    return {case: rel not in bad for rel, case in where.items()}


@pytest.mark.parametrize("name", list(ENTRIES))
def test_entry_schema_agrees_with_the_cli(verdicts, name):
    assert _schema_ok("entry", ENTRIES[name]) == verdicts[("entry", name)]


@pytest.mark.parametrize("name", list(UNITS))
def test_unit_schema_agrees_with_the_cli(verdicts, name):
    assert _schema_ok("unit", UNITS[name]) == verdicts[("unit", name)]


def test_both_sides_really_judge():
    """Guard against a comparison that always agrees: some cases pass, most fail."""
    results = [_schema_ok("entry", text) for text in ENTRIES.values()]
    assert 3 <= results.count(True) < len(results) - 10


@pytest.mark.parametrize("tag", ["!!str", "!", "!!int", "!!binary"])
def test_yaml_tags_are_refused(cli, example_root, tag):
    rel = "progress/QLMT/2026-05-20-I.2.yaml"
    write(example_root, rel, _entry(summary=f'{tag} "Đã xong"'))
    problems = json.loads(cli(["validate", "--format", "json"], example_root).stdout)
    assert [p["code"] for p in problems if p["path"] == rel] == ["KH014"]


PLAN_SWAPS = {
    "deadline 15/11": ("month: 11\n    day: 15", "month: 11\n    day: 15"),
    "deadline 30/2": ("month: 11\n    day: 15", "month: 2\n    day: 30"),
    "deadline 31/4": ("month: 11\n    day: 15", "month: 4\n    day: 31"),
    "deadline 15/12": ("month: 11\n    day: 15", "month: 12\n    day: 15"),
    "deadline 14/12": ("month: 11\n    day: 15", "month: 12\n    day: 14"),
    "amendment without change": ("focal_unit:", "focal_unit:"),
    "focal unit NUL": ('focal_unit: "QLMT"', 'focal_unit: "NUL"'),
    "focal unit NULL": ('focal_unit: "QLMT"', 'focal_unit: "NULL"'),
}


def _agrees(tmp_path, kind: str, text: str) -> None:
    """The JSON Schema accepts the file exactly when the CLI's own loader does."""
    from kehoach.load.files import load_model
    from kehoach.model.plan import Appendix, Plan

    rel, model = {"plan": ("plan/plan.yaml", Plan), "tasks": ("plan/tasks.yaml", Appendix)}[kind]
    loaded, _, problems = load_model(write(tmp_path, rel, text), rel, model)
    assert _schema_ok(kind, text) == (loaded is not None), problems


def _swapped(rel: str, old: str, new: str, count: int = -1) -> str:
    from tests.conftest import EXAMPLES

    text = (EXAMPLES / rel).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, count)


@pytest.mark.parametrize("name", list(PLAN_SWAPS))
def test_plan_schema_agrees_with_the_loader(tmp_path, name):
    """plan/plan.yaml variants, through the CLI's own loader (one plan per root)."""
    text = _swapped("plan/plan.yaml", *PLAN_SWAPS[name])
    if name == "amendment without change":
        text += 'amendments:\n  - {kind: "KH", number: "1", date: 2026-06-01, title: "x", changes: [{task: "I.5"}]}\n'
    _agrees(tmp_path, "plan", text)


TASKS_SWAPS = {
    "as is": ('          - "VP"', '          - "VP"'),
    "coordinator lpt1": ('          - "VP"', '          - "lpt1"'),
    "coordinator LPT10": ('          - "VP"', '          - "LPT10"'),
    "lead CON": ('          - "QLMT"', '          - "CON"'),
    "lead CONG": ('          - "QLMT"', '          - "CONG"'),
}


@pytest.mark.parametrize("name", list(TASKS_SWAPS))
def test_tasks_schema_agrees_with_the_loader(tmp_path, name):
    """plan/tasks.yaml variants (unit codes in lead and coordinating), through the CLI's own loader."""
    _agrees(tmp_path, "tasks", _swapped("plan/tasks.yaml", *TASKS_SWAPS[name], count=1))
