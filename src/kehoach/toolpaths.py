"""Which repository paths are the tool, its templates or its CI rather than data.

A change to one of them changes how every report is checked or written, so
`kehoach review` lists it in a section of its own and `kehoach codeowners`
gives it to the maintainers. The patterns use CODEOWNERS syntax (anchored at
the repository's top; a trailing `/` is a folder; `*` stays within a name),
and `is_tool_path` reads them the same way: one list, two uses.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

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
)
"""Tool, lock, build, CI and template paths, from the repository's top."""


def is_tool_path(path: str, data_prefix: str = "") -> bool:
    """True for a repository path (from its top) that one of TOOL_PATTERNS names; the data
    root's own templates/ count too when the data lives in a subfolder (`data_prefix`)."""
    parts = path.split("/")
    for pattern in TOOL_PATTERNS:
        core = pattern.strip("/")
        if pattern.endswith("/"):
            if len(parts) > 1 and fnmatchcase(parts[0], core):
                return True
        elif len(parts) == 1 and fnmatchcase(parts[0], core):
            return True
    return bool(data_prefix) and path.startswith(f"{data_prefix}/templates/")
