"""Which repository paths are the tool, its templates or its CI rather than data.

A change to one of them changes how every report is checked or written, so
`kehoach review` lists it in a section of its own and `kehoach codeowners`
gives it to the maintainers. The patterns use CODEOWNERS syntax (anchored at
the repository's top; a trailing `/` is a folder; `*` stays within a name),
and `is_tool_path` reads them the same way: one list, two uses.
"""

from __future__ import annotations

import re
from fnmatch import translate

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
    "/templates/",
    "/.gitattributes",
    "/.gitmodules",
)
"""Tool, lock, build, CI and template paths, from the repository's top."""


def _compile() -> re.Pattern[str]:
    """All patterns as one expression over a path from the top (`*` never crosses a `/`)."""
    parts = []
    for pattern in TOOL_PATTERNS:
        core = translate(pattern.strip("/")).removeprefix("(?s:").removesuffix(")\\Z").replace(".*", "[^/]*")
        parts.append(f"{core}/.+" if pattern.endswith("/") else core)
    return re.compile("|".join(f"(?:{p})" for p in parts), re.S)


_TOOL = _compile()


def is_tool_path(path: str, data_prefix: str = "") -> bool:
    """True for a repository path (from its top) that one of TOOL_PATTERNS names; the data
    root's own templates/ count too when the data lives in a subfolder (`data_prefix`)."""
    if _TOOL.fullmatch(path):
        return True
    return bool(data_prefix) and path.startswith(f"{data_prefix}/templates/")
