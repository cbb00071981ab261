"""The one description of a data root's layout: its folders, the entry file-name pattern,
and what each path is (plan, unit, entry, template, tool or other).

    plan/plan.yaml, plan/tasks.yaml         the plan and its appendix
    units/<MÃ>.yaml                         one file per unit
    progress/<MÃ>/<YYYY-MM-DD>-<TASK>[-N].yaml   progress entries (naming.py: the order)
    templates/                              report templates (Jinja), their own kind
    schemas/                                JSON Schemas written by `kehoach schema`
    .github/CODEOWNERS                      written by `kehoach codeowners`
    src/, pyproject.toml, lock files, Makefile, .ci/, .github/, .gitlab-ci.yml,
    .pre-commit-*.yaml …                    the tool itself (TOOL_PATTERNS)

Paths are data-root relative, with "/" on every system. Every other module asks here.
"""

from __future__ import annotations

import datetime as dt
import re
from fnmatch import translate
from pathlib import Path
from typing import Literal

PLAN_DIR = "plan"
UNITS_DIR = "units"
PROGRESS_DIR = "progress"
TEMPLATES_DIR = "templates"
SCHEMAS_DIR = "schemas"
DATA_DIRS = (PLAN_DIR, UNITS_DIR, PROGRESS_DIR)
READ_DIRS = (*DATA_DIRS, TEMPLATES_DIR)
"""The folders kehoach reads, regular files only (load/tree.py lists them)."""
PLAN_FILE = f"{PLAN_DIR}/plan.yaml"
TASKS_FILE = f"{PLAN_DIR}/tasks.yaml"
CODEOWNERS = ".github/CODEOWNERS"
SUFFIX = ".yaml"

ENTRY_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<task>[^/]+?)(?:-(?P<n>[2-9]|[1-9][0-9]+))?\.yaml$")
"""An entry's file name: date, task id and, from the second entry of a day, a suffix."""

IGNORED_NAMES = frozenset({".gitkeep", "README.md", ".DS_Store"})
"""Files that may sit in units/ or progress/ without being data."""

PLAN_SCOPE = (f"{PLAN_DIR}/", f"{UNITS_DIR}/")
"""The paths whose soundness commands that need only the plan and its units (`plan`, `add`) require."""

REVISION_DIRS = (*READ_DIRS, ".github")
"""What `kehoach review` takes from each revision (the data, its templates, CODEOWNERS)."""

TOOL_PATTERNS: tuple[str, ...] = (
    "/src/",
    "/pyproject.toml",
    "/setup.py",
    "/setup.cfg",
    "/MANIFEST.in",
    "/uv.lock",
    "/poetry.lock",
    "/pdm.lock",
    "/Pipfile",
    "/Pipfile.lock",
    "/requirements*.txt",
    "/requirements/",
    "/constraints*.txt",
    "/Makefile",
    "/.ci/",
    "/.github/",
    "/.gitlab/",
    "/.gitlab-ci.yml",
    "/.pre-commit-*.yaml",
    "/.pre-commit-*.yml",
    f"/{TEMPLATES_DIR}/",
    "/.gitattributes",
    "/.gitmodules",
)
"""Tool, lock, build, CI and template paths, from the repository's top, in CODEOWNERS syntax
(anchored at the top; a trailing `/` is a folder; `*` stays within a name). A change to one of
them changes how every report is checked or written: `kehoach review` lists it in a section of
its own, `kehoach codeowners` gives it to the maintainers and `area` calls it "tool" (templates/
keep their own area). One list, read the same way by all three (`is_tool_path`)."""


def _compile_tool_patterns() -> re.Pattern[str]:
    """All patterns as one expression over a path from the top (`*` never crosses a `/`)."""
    parts = []
    for pattern in TOOL_PATTERNS:
        core = translate(pattern.strip("/")).removeprefix("(?s:").removesuffix(")\\Z").replace(".*", "[^/]*")
        parts.append(f"{core}/.+" if pattern.endswith("/") else core)
    return re.compile("|".join(f"(?:{p})" for p in parts), re.S)


_TOOL = _compile_tool_patterns()


def is_tool_path(path: str, data_prefix: str = "") -> bool:
    """True for a repository path (from its top) that one of TOOL_PATTERNS names; the data
    root's own templates/ count too when the data lives in a subfolder (`data_prefix`)."""
    if _TOOL.fullmatch(path):
        return True
    return bool(data_prefix) and path.startswith(f"{data_prefix}/{TEMPLATES_DIR}/")


FileKind = Literal["plan", "tasks", "unit", "entry"]
Area = Literal["plan", "unit", "entry", "template", "tool", "other"]

DISPLAY = {
    "plan": PLAN_FILE,
    "tasks": TASKS_FILE,
    "unit": f"{UNITS_DIR}/<MÃ>{SUFFIX}",
    "entry": f"{PROGRESS_DIR}/<ĐƠN VỊ>/<YYYY-MM-DD>-<NHIỆM VỤ>{SUFFIX}",
}
"""How README and the schemas name each kind of data file."""


def is_root(path: Path) -> bool:
    """A data root is a folder with plan/."""
    return (path / PLAN_DIR).is_dir()


def file_kind(rel: str) -> FileKind | None:
    """Which data file `rel` is (plan, tasks, unit, entry), or None for any other path."""
    parts = rel.split("/")
    name = parts[-1]
    if not name.endswith(SUFFIX) or name == SUFFIX or name in IGNORED_NAMES:
        return None
    if rel == PLAN_FILE:
        return "plan"
    if rel == TASKS_FILE:
        return "tasks"
    if len(parts) == 2 and parts[0] == UNITS_DIR:
        return "unit"
    if len(parts) >= 2 and parts[0] == PROGRESS_DIR:  # progress/x.yaml too: validate says where it belongs
        return "entry"
    return None


_DATA_AREAS: dict[str, Area] = {PLAN_DIR: "plan", UNITS_DIR: "unit", TEMPLATES_DIR: "template"}


def area(rel: str | None) -> Area:
    """What a changed path touches: plan/ (any file), a unit, an entry, a template, the tool, or other."""
    if rel is None:
        return "other"
    top, _, rest = rel.partition("/")
    if file_kind(rel) == "entry":
        return "entry"
    if rest and top in _DATA_AREAS:
        return _DATA_AREAS[top]
    if rel != CODEOWNERS and is_tool_path(rel):
        return "tool"
    return "other"


def unit_file(code: str) -> str:
    return f"{UNITS_DIR}/{code}{SUFFIX}"


def entry_stem(date: dt.date | str, task: str, n: int = 1) -> str:
    """`2026-05-20-II.C.6`, with `-2`, `-3` … for the second, third entry of one day."""
    day = date.isoformat() if isinstance(date, dt.date) else date
    return f"{day}-{task}" + (f"-{n}" if n > 1 else "")


def entry_file(unit: str, date: dt.date | str, task: str, n: int = 1) -> str:
    """`progress/<unit>/<date>-<task>[-n].yaml`."""
    return f"{PROGRESS_DIR}/{unit}/{entry_stem(date, task, n)}{SUFFIX}"
