"""`kehoach schema [-o DIR]`: JSON Schema of each kind of data file, from the Pydantic models.

VS Code (extension YAML by Red Hat) reads them through the files' modeline
from typing import Any
`# yaml-language-server: $schema=…` and `.vscode/settings.json`, and then
completes keys and underlines mistakes as staff type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kehoach import layout
from kehoach.errors import UsageError
from kehoach.write import atomic_write
from kehoach.yamlfmt import MODELS, nested_models

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = layout.DISPLAY


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (plan, tasks, unit, entry)."""
    body = MODELS[kind].model_json_schema()
    _label_refs(MODELS[kind], body)
    for model in nested_models(MODELS[kind]):
        _label_refs(model, body.get("$defs", {}).get(model.__name__, {}))
    body.pop("description", None)
    doc = MODELS[kind].__doc__ or ""
    head = {
        "$schema": DRAFT,
        "$id": f"{kind}.schema.json",
        "title": body.pop("title"),
        "description": f"{' '.join(doc.split())} Tệp: {FILES[kind]}. Tạo bởi `kehoach schema`; đừng sửa tay.",
    }
    return head | body


def _label_refs(model: type[BaseModel], node: dict[str, Any]) -> None:
    """Pydantic drops a field's title beside a `$ref`; put it back so editors show it."""
    for name, prop in node.get("properties", {}).items():
        info = model.model_fields[name]
        if "$ref" in prop:
            prop.setdefault("title", info.title)
            if info.description:
                prop.setdefault("description", info.description)


def render(kind: str) -> str:
    return json.dumps(schema_of(kind), ensure_ascii=False, indent=2) + "\n"


def run(root: Path, output_dir: Path | None) -> list[Path]:
    """Write schemas/<kind>.schema.json for every kind; return the paths written."""
    out = output_dir if output_dir is not None else root / layout.SCHEMAS_DIR
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} là một tệp; --output phải là một thư mục.")
    return [atomic_write(out / f"{kind}.schema.json", render(kind).encode("utf-8")) for kind in MODELS]
