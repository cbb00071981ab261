"""Problems as lines, JSON, GitHub annotations or a GitLab code-quality report.

Data (file names, keys and values quoted in messages) never reaches the output raw:
lines escape control and invisible characters (kehoach.chars), JSON writes them as
`\\uXXXX`, GitHub workflow commands escape per GitHub's rules so that nothing in a
message or a file name can end the command or start another one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kehoach.chars import for_terminal, json_text
from kehoach.problems import Problem


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"Đã kiểm tra {files} tệp: không có lỗi."
    return f"Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo."


def as_text(problems: list[Problem], files: int) -> str:
    return "\n".join([p.render() for p in problems] + [summary(problems, files)])


def as_json(problems: list[Problem]) -> str:
    return json_text([p.as_dict() for p in problems])


def gh_message(text: str) -> str:
    """The message of a GitHub workflow command: `%`, CR and LF escaped (GitHub's rules)."""
    return for_terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def gh_property(text: str) -> str:
    """A property value of a GitHub workflow command: as a message, plus `:` and `,`."""
    return gh_message(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem], files: int, root: Path) -> str:
    lines = []
    for p in problems:
        path = os.path.relpath(root / p.path)
        props = f"file={gh_property(path)},line={p.line},col={p.col},title={p.code}"
        lines.append(f"::{p.severity} {props}::{gh_message(p.message)}")
    lines.append(summary(problems, files))
    return "\n".join(lines)


def as_gitlab(problems: list[Problem], root: Path) -> str:
    items = []
    for p in problems:
        path = os.path.relpath(root / p.path)
        fp = hashlib.sha1(f"{path}:{p.line}:{p.col}:{p.code}".encode()).hexdigest()
        items.append(
            {
                "description": f"{p.code}: {p.message}",
                "check_name": p.code,
                "fingerprint": fp,
                "severity": "major" if p.severity == "error" else "minor",
                "location": {"path": path, "lines": {"begin": p.line}},
            }
        )
    return json_text(items)
