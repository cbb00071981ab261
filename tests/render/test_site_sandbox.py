"""The site's templates run in the documents' sandbox: the same limits, the same loader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _template(root: Path, name: str, text: str) -> None:
    path = root / "templates" / "site" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("{% for i in range(10**9) %}{% endfor %}", "range"),
        ("{{ 'a' * 10**9 }}", "quá"),
        ("{{ ''.__class__.__mro__ }}", "không an toàn"),
        ("{{ 1 / 0 }}", "chia cho 0"),
        ('{% include "khong-co.html.j2" %}', "khong-co.html.j2"),
    ],
)
def test_a_hostile_site_template_is_a_template_error(cli, example_root, tmp_path, body, said):
    _template(example_root, "unit.html.j2", '{% extends "base.html.j2" %}{% block main %}' + body + "{% endblock %}\n")
    result = cli(["site", "--year", "2026", "--as-of", "2026-11-20", "-o", tmp_path / "site"], example_root)
    assert result.exit_code == 1, result.output
    assert "templates/site/unit.html.j2" in result.output or "unit.html.j2" in result.output
    assert said in result.output
    assert not (tmp_path / "site").exists()


def test_a_runaway_site_template_stops_at_the_time_limit(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_TEMPLATE_TIMEOUT", "1")
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    _template(example_root, "unit.html.j2", '{% extends "base.html.j2" %}{% block main %}' + loop + "{% endblock %}\n")
    result = cli(["site", "--year", "2026", "--as-of", "2026-11-20", "-o", tmp_path / "site"], example_root)
    assert result.exit_code == 1 and "giây" in result.output, result.output


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_a_linked_style_sheet_is_never_read(cli, example_root, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("/* BÍ MẬT */", encoding="utf-8")
    folder = example_root / "templates" / "site"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.css").symlink_to(secret)
    result = cli(["site", "--year", "2026", "--as-of", "2026-11-20", "-o", tmp_path / "site"], example_root)
    assert result.exit_code == 1
    site = tmp_path / "site"
    assert not any("BÍ MẬT" in p.read_text(encoding="utf-8") for p in site.rglob("*.css")) if site.exists() else True
