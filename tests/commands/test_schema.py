"""`kehoach schema`: JSON Schema from the models, Vietnamese titles, committed copies up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach.commands import schema
from tests.conftest import REPO

KINDS = ["plan", "tasks", "unit", "entry"]


def _titles(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("if", "then"):  # conditions restate fields already titled
                continue
            if key == "properties":
                for name, prop in value.items():
                    out.append((name, prop.get("title")))
            _titles(value, out)
    elif isinstance(node, list):
        for item in node:
            _titles(item, out)
    return out


def test_cli_writes_four_schemas(cli, example_root, tmp_path):
    out = tmp_path / "s"
    result = cli(["schema", "-o", out], root=example_root)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)
    assert "Đã ghi" in result.output


def test_default_dir_is_root_schemas(cli, example_root):
    assert cli(["schema"], root=example_root).exit_code == 0
    assert (example_root / "schemas" / "entry.schema.json").is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_a_vietnamese_title(kind):
    body = schema.schema_of(kind)
    assert body["$schema"].startswith("https://json-schema.org/")
    assert any(ch in body["title"] for ch in "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ")
    missing = [name for name, title in _titles(body, []) if not title or title == name.replace("_", " ").title()]
    assert missing == []


def test_dates_are_strings_with_date_format():
    entry = schema.schema_of("entry")
    assert entry["properties"]["date"]["type"] == "string"
    assert entry["properties"]["date"]["format"] == "date"
    out_date = entry["$defs"]["Output"]["properties"]["date"]["anyOf"]
    assert any(d.get("type") == "string" and d.get("format") == "date" and "pattern" in d for d in out_date)
    assert entry["additionalProperties"] is False
    assert set(entry["required"]) == {"task", "unit", "date", "status", "summary"}


@pytest.mark.parametrize("base", [REPO, REPO / "examples"], ids=["repo", "examples"])
@pytest.mark.parametrize("kind", KINDS)
def test_committed_schemas_are_up_to_date(base: Path, kind):
    path = base / "schemas" / f"{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == schema.render(kind), (
        f"{path} đã cũ: chạy `kehoach schema` (và `kehoach --root examples schema`) rồi commit."
    )


def test_vscode_settings_map_every_kind():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for prefix in ("", "examples/"):
        for kind in KINDS:
            assert f"./{prefix}schemas/{kind}.schema.json" in settings
            assert (REPO / prefix / "schemas" / f"{kind}.schema.json").is_file()
    assert settings["./schemas/entry.schema.json"] == ["progress/**/*.yaml"]
