"""A new progress entry as YAML text, in the same canonical form `kehoach fmt` gives."""

from __future__ import annotations

import json
import os
from pathlib import Path

from kehoach.model.entry import Entry

_DATE_KEYS = {"date"}


def _scalar(key: str, value) -> str:
    if key in _DATE_KEYS or isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def dump_entry(data: dict, path: Path, root: Path) -> str:
    schema = os.path.relpath(root / "schemas" / "entry.schema.json", path.parent).replace(os.sep, "/")
    lines = [f"# yaml-language-server: $schema={schema}"]
    for key in Entry.model_fields:
        if key in data and data[key] is not None:
            lines.append(f"{key}: {_scalar(key, data[key])}")
    return "\n".join(lines) + "\n"
