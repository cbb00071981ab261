"""Problems as lines, JSON, GitHub annotations or a GitLab code-quality report."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

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
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


def _escape_gh(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(problems: list[Problem], files: int, root: Path) -> str:
    lines = []
    for p in problems:
        path = os.path.relpath(root / p.path)
        lines.append(f"::{p.severity} file={path},line={p.line},col={p.col},title={p.code}::{_escape_gh(p.message)}")
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
    return json.dumps(items, ensure_ascii=False, indent=2)
