"""Problem codes: every code users can meet is explained in README's table."""

from __future__ import annotations

from pathlib import Path

from kehoach.problems import CODES, MAX_MESSAGE, make

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_code_is_in_readme():
    text = README.read_text(encoding="utf-8")
    assert [c for c in CODES if f"| {c} " not in text and f" {c} |" not in text and f"/ {c}" not in text] == []


def test_a_message_is_one_bounded_line():
    p = make("KH023", "a.yaml", 1, 1, "x\n" + "y" * 5000)
    assert "\n" not in p.message and len(p.message) == MAX_MESSAGE


def test_every_code_the_cli_can_print_is_in_readme():
    """Usage-error codes (exit 2) too: a user who meets `KH145` finds it in README."""
    import re

    src = Path(__file__).resolve().parents[1] / "src" / "kehoach"
    used = {c for p in src.rglob("*.py") for c in re.findall(r'"(KH\d{3})"', p.read_text(encoding="utf-8"))}
    text = README.read_text(encoding="utf-8")
    assert sorted(c for c in used if not re.search(rf"\b{c}\b", text)) == []
