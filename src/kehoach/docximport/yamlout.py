"""Imported dicts → YAML files, written through yamlfmt (the one writer, as `fmt` and `add`).

A draft text carries what only an import has: a header comment, and a `Missing`
value written as a `# CẦN BỔ SUNG` comment instead of a key, so the file says
plainly what a human must add (and `kehoach validate` refuses it until they do).
Strings are double-quoted in the draft so that they stay text; yamlfmt then gives
the file its canonical form (key order, layout, modeline), keeping the comments,
so an imported file passes `kehoach fmt --check` as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.yamlfmt import CannotFormat, format_text


@dataclass(frozen=True)
class Missing:
    hint: str


@dataclass(frozen=True)
class Commented:
    value: object
    comment: str


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _mapping(data: dict[str, Any], indent: int, out: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        if isinstance(value, Missing):
            out.append(f"{lead}# CẦN BỔ SUNG {key}: {value.hint}")
            continue
        if isinstance(value, dict) and value and all(isinstance(v, Missing) for v in value.values()):
            out.append(f"{lead}# CẦN BỔ SUNG {key}:")
            out.extend(f"{pad}#   {k}: {v.hint}" for k, v in value.items())
            continue
        comment = ""
        if isinstance(value, Commented):
            comment = f"  # {value.comment}"
            value = value.value
        if isinstance(value, dict) and value:
            out.append(f"{lead}{key}:{comment}")
            _mapping(value, indent + 2, out)
        elif isinstance(value, list) and value:
            out.append(f"{lead}{key}:{comment}")
            _sequence(value, indent + 2, out)
        elif isinstance(value, (list, dict)):
            out.append(f"{lead}{key}: {'[]' if isinstance(value, list) else '{}'}{comment}")
        else:
            out.append(f"{lead}{key}: {_scalar(value)}{comment}")


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, first_prefix=pad + "- ")
        else:
            out.append(f"{pad}- {_scalar(item)}")


def draft(data: dict[str, Any], header: str | None = None) -> str:
    """The draft text: header comment, then the mapping (not yet in canonical form)."""
    out = [f"# {line}" for line in (header or "").splitlines()]
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


def dump(data: dict[str, Any], kind: str, path: Path, root: Path, header: str | None = None) -> str:
    """The file `path` (of `kind`: plan, tasks, unit) in data root `root`, in canonical form.

    Should the canonical form not read back as the same values, the draft is kept as it is
    (valid YAML with the same values): `kehoach fmt` then names the file and why."""
    text = draft(data, header)
    try:
        return format_text(text, kind, path, root)
    except CannotFormat:
        return text
