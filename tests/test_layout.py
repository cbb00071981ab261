"""layout.py is the one owner of the data layout: what each path is, the entry file name."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kehoach import layout
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("rel", "kind", "area"),
    [
        ("plan/plan.yaml", "plan", "plan"),
        ("plan/tasks.yaml", "tasks", "plan"),
        ("plan/ghi-chu.md", None, "plan"),
        ("units/QLMT.yaml", "unit", "unit"),
        ("units/sub/QLMT.yaml", None, "unit"),
        ("progress/QLMT/2026-05-20-I.2.yaml", "entry", "entry"),
        ("progress/QLMT/2026/2026-05-20-I.2.yaml", "entry", "entry"),
        ("progress/QLMT/README.md", None, "other"),
        ("progress/QLMT/.gitkeep", None, "other"),
        ("progress/QLMT/.yaml", None, "other"),
        ("templates/bao-cao.md.j2", None, "template"),
        ("src/kehoach/cli.py", None, "tool"),
        ("pyproject.toml", None, "tool"),
        ("requirements.txt", None, "tool"),
        ("Makefile", None, "tool"),
        (".ci/run", None, "tool"),
        (".github/workflows/kehoach.yml", None, "tool"),
        (".github/CODEOWNERS", None, "other"),
        (".gitlab-ci.yml", None, "tool"),
        (".pre-commit-config.yaml", None, "tool"),
        ("README.md", None, "other"),
        ("schemas/entry.schema.json", None, "other"),
    ],
)
def test_every_path_has_one_kind_and_one_area(rel, kind, area):
    assert layout.file_kind(rel) == kind
    assert layout.area(rel) == area


def test_entry_names_follow_the_pattern():
    rel = layout.entry_file("TTBVTV", dt.date(2026, 5, 20), "II.C.6")
    assert rel == "progress/TTBVTV/2026-05-20-II.C.6.yaml"
    assert layout.entry_file("TTBVTV", "2026-05-20", "II.C.6", 2) == "progress/TTBVTV/2026-05-20-II.C.6-2.yaml"
    m = layout.ENTRY_NAME.match(rel.rsplit("/", 1)[1])
    assert m is not None and (m["date"], m["task"], m["n"]) == ("2026-05-20", "II.C.6", None)
    assert layout.ENTRY_NAME.match("2026-05-20-II.C.6-2.yaml")["n"] == "2"
    assert layout.file_kind(rel) == "entry"


# Path knowledge written out elsewhere: a folder joined by hand, a data file's name, the
# CODEOWNERS path, the generic-coordination phrase matched by its text.
_LEAKS = re.compile(
    r'/ "(plan|units|progress|templates|schemas)"'
    r'|"(plan/plan\.yaml|plan/tasks\.yaml|\.github/CODEOWNERS)"'
    r'|f"(units|progress)/\{'
    r'|startswith\("Các cơ quan'
)


def test_no_other_module_spells_out_the_layout():
    leaks = [
        f"{path.relative_to(REPO)}:{n}: {line.strip()}"
        for path in sorted((REPO / "src" / "kehoach").rglob("*.py"))
        if path.name != "layout.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _LEAKS.search(line)
    ]
    assert leaks == []
