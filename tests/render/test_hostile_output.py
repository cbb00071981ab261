"""Nothing raw from data: hostile file names, keys and values in every output format."""

from __future__ import annotations

import json
import re

import pytest

from kehoach.chars import REFUSED
from tests.conftest import write

UNSAFE = re.compile(REFUSED + "|\r")
# A file name that tries to: start its own GitHub command, clear the screen, reverse the text,
# and smuggle a percent-escape that GitHub would decode into a line break.
HOSTILE = "progress/QLMT/2026-05-20-I.2\n::error::giả mạo%0A\x1b[2J\u202ekhông có lỗi,x:y.yaml"
GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã xong."\n'


@pytest.fixture
def hostile_root(example_root):
    write(example_root, HOSTILE, GOOD)  # KH033: the name does not match the content
    # a key and a value that YAML escapes turn into ESC and RLO
    write(example_root, "progress/VP/2026-05-21-I.2.yaml", GOOD.replace('"QLMT"', '"VP\\e[2J\\u202e"'))
    write(example_root, "progress/KHTH/2026-05-21-I.2.yaml", GOOD + '"x\\e]0;t": 1\n')
    return example_root


def _lines_are_ours(text: str) -> None:
    assert not UNSAFE.search(text)
    for line in text.splitlines():
        assert not line.startswith("::error::giả"), line


def test_text_output_escapes_every_control(cli, hostile_root):
    result = cli(["validate"], hostile_root)
    assert result.exit_code == 1
    _lines_are_ours(result.stdout)
    assert "2026-05-20-I.2\\x0a::error::giả mạo%0A\\x1b[2JU+202Ekhông có lỗi,x:y.yaml:1:7: error KH033" in result.stdout
    assert "\\x1b" in result.stdout.split("progress/VP/")[1]


def test_github_annotations_cannot_start_a_command(cli, hostile_root):
    result = cli(["validate", "--format", "github"], hostile_root)
    _lines_are_ours(result.stdout)
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert all(re.match(r"::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=KH\d{3}::", ln) for ln in lines)
    hostile = next(ln for ln in lines if "giả" in ln)
    assert "2026-05-20-I.2%0A%3A%3Aerror%3A%3Agiả mạo%250A\\x1b[2JU+202Ekhông có lỗi%2Cx%3Ay.yaml" in hostile


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_json_formats_keep_names_exact_but_escaped(cli, hostile_root, fmt):
    result = cli(["validate", "--format", fmt], hostile_root)
    _lines_are_ours(result.stdout)
    items = json.loads(result.stdout)
    paths = [it["path"] if fmt == "json" else it["location"]["path"] for it in items]
    assert any(p.endswith(HOSTILE) for p in paths)


def test_error_messages_on_stderr_are_escaped(cli, hostile_root):
    result = cli(["status", "--year", "2026"], hostile_root)
    assert result.exit_code == 1
    _lines_are_ours(result.stdout + result.stderr)
    assert "U+202E" in result.stderr


def test_invisible_characters_are_kh003_with_their_code_point(cli, example_root):
    rel = "progress/QLMT/2026-05-20-I.2.yaml"
    for raw, where, cp in (
        ('summary: "Đã\u200b xong."', "5:13", "U+200B"),
        ('summary: "Đã xong\u00ad."', "5:18", "U+00AD"),
        ('summary: "Đã xong.\U000e0041"', "5:19", "U+E0041"),
        ('summary: "\u2066Đã xong."', "5:11", "U+2066"),
        ('summary: "Đã xong."\nauthor\u200f: "A"', "6:7", "U+200F"),
        ('summary: "Đã xong.\\u200b"', "5", "U+200B"),  # written as a YAML escape
        ('summary: "Đã xong."\n"author\\u2060": "A"', "6:1", "U+2060"),
    ):
        write(example_root, rel, GOOD.replace('summary: "Đã xong."', raw))
        result = cli(["validate"], example_root)
        assert result.exit_code == 1, raw
        assert f"{rel}:{where}" in result.stdout and "KH003" in result.stdout and cp in result.stdout, result.stdout


def test_a_bom_at_the_start_is_allowed_but_not_elsewhere(cli, example_root):
    rel = "progress/QLMT/2026-05-20-I.2.yaml"
    write(example_root, rel, "\ufeff" + GOOD)
    assert cli(["validate"], example_root).exit_code == 0
    write(example_root, rel, GOOD.replace("Đã xong.", "Đã\ufeffxong."))
    result = cli(["validate"], example_root)
    assert result.exit_code == 1 and "KH003" in result.stdout and "U+FEFF" in result.stdout


def test_usage_error_quoting_an_argument_is_escaped(cli, example_root):
    result = cli(["status", "--year", "2026", "--as-of", "\x1b[2J\u202e2026"], example_root)
    assert result.exit_code == 2
    _lines_are_ours(result.stderr)
    result = cli(["validate", "--format", "\x1b[31mx"], example_root)
    assert result.exit_code == 2
    _lines_are_ours(result.stderr)


def test_a_huge_key_gives_a_short_message(cli, example_root):
    rel = "progress/QLMT/2026-05-20-I.2.yaml"
    write(example_root, rel, GOOD.replace('"Đã xong."', "0" + "1" * 900_000))  # a 900 KB line, quoted twice
    result = cli(["validate", "--format", "github"], example_root)
    assert result.exit_code == 1 and "KH012" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 1200


def test_signer_with_invisible_characters_is_cleaned_in_the_report(cli, example_root, tmp_path):
    import zipfile

    out = tmp_path / "r.docx"
    result = cli(
        ["report", "--year", "2026", "--as-of", "2026-11-20", "--signer", "Nguyễn\u202e Văn\x1b A", "-o", out],
        example_root,
    )
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "Nguyễn Văn A" in xml and "\u202e" not in xml and "\x1b" not in xml


def test_table_cells_escape_data_even_if_it_got_past_validation():
    from rich.console import Console

    from kehoach.render.terminal import cell

    console = Console(record=True, width=80, force_terminal=True)
    console.print(cell("Phòng\x1b[2J[bold]A[/bold]\u202eB", 40))
    text = console.export_text()
    assert "\\x1b[2J[bold]A[/bold]U+202EB" in text and "\x1b[2J" not in text
