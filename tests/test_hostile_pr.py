"""Attacks a hostile pull request can carry, kept as regression tests (red-team findings)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

FORMULA = '=HYPERLINK("http://evil.example/","Bấm")&"Tổ chức rà soát'
TIMELINE = "=1+1"


def _formula_plan(root: Path) -> None:
    p = root / "plan" / "tasks.yaml"
    s = p.read_text(encoding="utf-8")
    assert 'content: "Tổ chức rà soát' in s and 'text: "2026"' in s
    escaped = FORMULA.replace('"', '\\"')
    s = s.replace('content: "Tổ chức rà soát', f'content: "{escaped}', 1).replace(
        'text: "2026"', f'text: "{TIMELINE}"', 1
    )
    p.write_text(s, encoding="utf-8")


def _no_formulas(path: Path) -> list[str]:
    """Every text cell of the workbook; fails if any cell is a formula."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), f"{name} holds a formula"
    wb = openpyxl.load_workbook(path)
    return [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_plan_text_starting_with_equals_is_text_in_the_status_sheet(example_root: Path, cli, tmp_path: Path) -> None:
    _formula_plan(example_root)
    assert cli(["validate"], example_root).exit_code == 0
    out = tmp_path / "tt.xlsx"
    r = cli(["status", "--year", "2026", "--as-of", "2026-11-20", "-o", out], example_root)
    assert r.exit_code == 0, r.output
    texts = _no_formulas(out)
    assert any(t.startswith(FORMULA) for t in texts) and TIMELINE in texts  # kept verbatim, as text


def test_plan_text_starting_with_equals_is_text_in_the_form(example_root: Path, cli, tmp_path: Path) -> None:
    _formula_plan(example_root)
    out = tmp_path / "bm.xlsx"
    r = cli(["form", "--year", "2026", "--unit", "QLMT", "-o", out], example_root)
    assert r.exit_code == 0, r.output
    texts = _no_formulas(out)
    assert any(t.startswith(FORMULA) for t in texts) and TIMELINE in texts
