"""Attacks a hostile pull request can carry, kept as regression tests (red-team findings)."""

from __future__ import annotations

import re
import time
import warnings
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


SITE = ["site", "--year", "2026", "--as-of", "2026-11-20", "-o"]


def _site_template(root: Path, body: bytes) -> None:
    """A pull request's own templates/site/overview.html.j2 (extends the shipped base)."""
    (root / "templates" / "site").mkdir(parents=True, exist_ok=True)
    (root / "templates" / "site" / "overview.html.j2").write_bytes(body)


def test_site_template_has_the_document_templates_limits(example_root: Path, cli, tmp_path: Path, monkeypatch) -> None:
    """A site template that builds a 3 GB string, divides by 0 or loops for ever is a template
    error (exit 1, template and line named), not an exhausted machine or an internal error."""
    monkeypatch.setenv("KEHOACH_TEMPLATE_TIMEOUT", "1")
    for body, said in (
        (b'{{ "x" * 3000000000 }}', "quá dài"),
        (b"{{ 1 / 0 }}", "chia cho 0"),
        (b"{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "quá 1 giây"),
    ):
        _site_template(example_root, b"\n" + body)
        r = cli([*SITE, tmp_path / "site"], example_root)
        assert r.exit_code == 1, r.output
        assert "templates/site/overview.html.j2 dòng 2" in r.output and said in r.output, r.output


def test_site_template_not_utf8_is_a_data_error(example_root: Path, cli, tmp_path: Path) -> None:
    _site_template(example_root, b"\xff\xfe{{ x }}")
    r = cli([*SITE, tmp_path / "site"], example_root)
    assert r.exit_code == 1 and "không phải UTF-8" in r.output, r.output


def test_a_number_of_100000_digits_is_a_data_error(example_root: Path, cli) -> None:
    """int() refuses strings over 4,300 digits: the entry is reported, nothing crashes."""
    p = example_root / "progress" / "QLMT" / "2026-05-05-II.A.1.yaml"
    text = p.read_text(encoding="utf-8")
    assert "    value: 6\n" in text
    p.write_text(text.replace("    value: 6\n", "    value: " + "9" * 100_000 + "\n"), encoding="utf-8")
    for args in (["validate"], ["fmt", "--check"]):
        r = cli(args, example_root)
        assert r.exit_code == 1, r.output
        assert "2026-05-05-II.A.1.yaml:10:12: error KH220: số quá dài (100.000 chữ số; tối đa 100)" in r.output


def test_unicode_noncharacters_are_refused_not_a_crash(example_root: Path, cli, tmp_path: Path) -> None:
    """U+FFFF stops the YAML reader and cannot go into a Word file; written raw or as a YAML
    escape it is KH003 with its place, for every command that loads the data."""
    p = example_root / "progress" / "QLMT" / "2026-05-05-II.A.1.yaml"
    text = p.read_text(encoding="utf-8")
    assert 'summary: "Đã rà soát' in text
    for written in ("\uffff", "\\uFFFF", "\ufdd0", "\U0001ffff"):
        p.write_text(text.replace('summary: "Đã rà soát', f'summary: "Đã rà {written}soát'), encoding="utf-8")
        for args in (["validate"], ["report", "--year", "2026", "-o", tmp_path / "bc.docx"]):
            r = cli(args, example_root)
            assert r.exit_code == 1, (written, r.output)
            assert "2026-05-05-II.A.1.yaml:7:" in r.output and "error KH003" in r.output and "U+" in r.output, r.output
        assert not (tmp_path / "bc.docx").exists()


def test_a_long_bad_date_is_reported_quickly(example_root: Path, cli) -> None:
    """The suggestion for a date written another way (`20/11/2026`) must not take quadratic
    time on a crafted 500 KB value (it took minutes)."""
    p = example_root / "progress" / "QLMT" / "2026-05-05-II.A.1.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("date: 2026-05-05", 'date: "1' + " " * 500_000 + 'x"'), encoding="utf-8")
    start = time.monotonic()
    r = cli(["validate"], example_root)
    assert r.exit_code == 1 and "2026-05-05-II.A.1.yaml:5:7: error KH024" in r.output, r.output[:300]
    assert time.monotonic() - start < 20


def test_import_xlsx_shows_no_python_warning(example_root: Path, cli, tmp_path: Path) -> None:
    """A date cell holding 1e300 made openpyxl print an English UserWarning with its own file
    path; the import reports the cell in Vietnamese and nothing else."""
    form = tmp_path / "bm.xlsx"
    assert cli(["form", "--year", "2026", "--unit", "QLMT", "-o", form], example_root).exit_code == 0
    wb = openpyxl.load_workbook(form)
    ws = wb["Báo cáo"]
    ws["E7"], ws["F7"], ws["G7"] = "Đang thực hiện", 1e300, "Đã làm"
    ws["F7"].number_format = "DD/MM/YYYY"
    wb.save(form)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        r = cli(["import-xlsx", form], example_root)
    assert r.exit_code == 1 and "Báo cáo, dòng 7, cột Ngày báo cáo" in r.output, r.output
    assert [str(w.message) for w in seen] == []


def test_a_summary_of_blank_looking_letters_is_refused(example_root: Path, cli) -> None:
    """Hangul fillers and the Braille blank are letters that show nothing: a summary made of
    them looked empty in every output yet passed validate."""
    p = example_root / "progress" / "QLMT" / "2026-05-05-II.A.1.yaml"
    text = p.read_text(encoding="utf-8")
    for blank in ("\u3164", "\u2800", "\u115f", "\ufe0f", "\U000e0100"):
        p.write_text(re.sub(r'summary: ".*"', f'summary: "{blank}"', text), encoding="utf-8")
        r = cli(["validate"], example_root)
        assert r.exit_code == 1, (blank, r.output)
        assert "2026-05-05-II.A.1.yaml:7:11: error KH003" in r.output and f"U+{ord(blank):04X}" in r.output, r.output
