"""One file → one model instance, or the problems that stop it. Also finds the data root."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach import layout
from kehoach.load import yamlsafe
from kehoach.load.schema_errors import problems_from
from kehoach.load.source import Source, checked_text, read_file
from kehoach.problems import Problem, make

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path | str, rel: str) -> tuple[str | None, Problem | None]:
    """The checked text of the file at `path` (never read through a link), or the first
    problem that stops reading it; `rel` names it in messages."""
    return checked_text(read_file(path, rel), rel)


def parse_mapping(text: str, rel: str) -> tuple[dict[str, Any] | None, Problem | None]:
    data, problem = yamlsafe.load(text, rel)
    if problem:
        return None, problem
    if not isinstance(data, dict):
        kind = "một danh sách" if isinstance(data, list) else "một giá trị đơn"
        return None, make(
            "KH013", rel, 1, 1, f"tệp phải là các dòng `khóa: giá trị`, nhưng đang là {kind}; xem mẫu trong README."
        )
    return data, None


def load_model(path: Path, rel: str, model: type[M]) -> tuple[M | None, str | None, list[Problem]]:
    """(instance, text, problems) of the file at `path`: text is kept so later rules can point at lines."""
    return model_of(read_text(path, rel), rel, model)


def load_from(source: Source, rel: str, model: type[M]) -> tuple[M | None, str | None, list[Problem]]:
    """`load_model` for a file of a data root's source (load/source.py)."""
    return model_of(source.read_text(rel), rel, model)


def model_of(
    read: tuple[str | None, Problem | None], rel: str, model: type[M]
) -> tuple[M | None, str | None, list[Problem]]:
    """(instance, text, problems) from a file's checked text or the problem reading it."""
    text, problem = read
    if problem or text is None:
        return None, None, [problem] if problem else []
    data, problem = parse_mapping(text, rel)
    if problem:
        return None, text, yamlsafe.every_problem(text, rel, problem)
    try:
        return model.model_validate(data), text, []
    except ValidationError as exc:
        return None, text, problems_from(exc, text, rel, model)


def find_root(start: Path) -> Path | None:
    """The nearest directory upwards from `start` that has plan/."""
    start = start.resolve()
    for d in (start, *start.parents):
        if layout.is_root(d):
            return d
    return None
