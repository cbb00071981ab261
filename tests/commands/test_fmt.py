"""`kehoach fmt`: one canonical form, comments kept, idempotent, validation unchanged."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest

from kehoach.commands.common import load_checked
from kehoach.commands.fmt import format_file, kind_of
from kehoach.yamlfmt import dump_new, format_text
from tests.conftest import EXAMPLES, REPO, TODAY, write

ENTRY = "progress/QLMT/2026-05-20-I.2.yaml"


def _data_files(root: Path) -> list[Path]:
    files = [root / "plan" / "plan.yaml", root / "plan" / "tasks.yaml", *sorted((root / "units").glob("*.yaml"))]
    return files + sorted((root / "progress").rglob("*.yaml"))


ALL = [(REPO, p) for p in _data_files(REPO)] + [(EXAMPLES, p) for p in _data_files(EXAMPLES)]


@pytest.mark.parametrize("root,path", ALL, ids=[p.relative_to(REPO).as_posix() for _, p in ALL])
def test_every_data_file_round_trips(root, path):
    """After the first pass, formatting changes nothing; comments survive; values are the same."""
    old, new, problem = format_file(path, root)
    assert problem is None
    assert format_text(new, kind_of(root, path), path, root) == new
    comments = [line.strip() for line in old.splitlines() if line.lstrip().startswith("#")]
    kept = [line.strip() for line in new.splitlines() if line.lstrip().startswith("#")]
    assert [c for c in kept if not c.startswith("# yaml-language-server:")] == [
        c for c in comments if not c.startswith("# yaml-language-server:")
    ]
    assert new.startswith("# yaml-language-server: $schema=")


def test_committed_data_is_formatted(cli):
    """What is committed in plan/, units/, progress/ and examples/ is already canonical."""
    for root in (REPO, EXAMPLES):
        result = cli(["fmt", "--check"], root=root)
        assert result.exit_code == 0, result.output


def _problems(root: Path):
    return sorted((p.path, p.code) for p in load_checked(root, TODAY).problems)


def test_formatting_keeps_validation(example_root, cli):
    """Messy but valid files are rewritten; validate gives the same result before and after."""
    write(
        example_root,
        ENTRY,
        "# đầu tệp\nsummary: Đã khảo sát   # ghi chú cuối dòng\n# giữa hai khóa\n"
        "date: '2026-05-20'\nunit: QLMT\ntask: I.2\nstatus: in_progress\n"
        "outputs: [{title: Báo cáo khảo sát, kind: Báo cáo, date: 2026-05-19}]\n"
        "indicators:\n- value: 92.5\n  name: Tỷ lệ\n  unit: ~\n"
        "difficulties: |\n  dòng một\n  dòng hai\nauthor:\n",
    )
    before = _problems(example_root)
    result = cli(["fmt"], root=example_root)
    assert result.exit_code == 0, result.output
    text = (example_root / ENTRY).read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../schemas/entry.schema.json\n# đầu tệp\n"
        'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "in_progress"\n'
        'summary: "Đã khảo sát" # ghi chú cuối dòng\n# giữa hai khóa\n'
        'outputs:\n  - kind: "Báo cáo"\n    date: 2026-05-19\n    title: "Báo cáo khảo sát"\n'
        'indicators:\n  - name: "Tỷ lệ"\n    value: 92.5\n    unit: null\n'
        "difficulties: |\n  dòng một\n  dòng hai\nauthor: null\n"
    )
    assert _problems(example_root) == before
    assert cli(["fmt", "--check"], root=example_root).exit_code == 0


def test_invalid_values_are_kept_as_written(example_root):
    """fmt never repairs data silently: a wrong date stays wrong, a number stays a number."""
    write(example_root, ENTRY, 'task: "I.2"\nunit: "QLMT"\ndate: 2026-5-20\nstatus: "done"\nsummary: 12\n')
    before = _problems(example_root)
    _old, new, problem = format_file(example_root / ENTRY, example_root)
    assert problem is None and "date: 2026-5-20\n" in new and "summary: 12\n" in new
    (example_root / ENTRY).write_text(new, encoding="utf-8")
    assert _problems(example_root) == before


def test_nfd_becomes_nfc(example_root, cli):
    nfd = unicodedata.normalize("NFD", "Đã hoàn thành khảo sát")
    write(example_root, ENTRY, f'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "{nfd}"\n')
    assert any(p.code == "KH004" for p in load_checked(example_root, TODAY).problems)
    assert cli(["fmt", example_root / ENTRY], root=example_root).exit_code == 0
    text = (example_root / ENTRY).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text) and "Đã hoàn thành khảo sát" in text
    assert not [p for p in load_checked(example_root, TODAY).problems if p.path == ENTRY]


def test_check_lists_and_writes_nothing(example_root, cli):
    path = write(example_root, ENTRY, "task: I.2\nunit: QLMT\ndate: 2026-05-20\nstatus: done\nsummary: Xong\n")
    unit = example_root / "units" / "QLMT.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace('"QLMT"', "QLMT"), encoding="utf-8")
    before = path.read_bytes(), unit.read_bytes()
    result = cli(["fmt", "--check"], root=example_root)
    assert result.exit_code == 1
    assert "Chưa đúng dạng chuẩn: " in result.output and "2026-05-20-I.2.yaml" in result.output
    assert "QLMT.yaml" in result.output and "kehoach fmt" in result.output
    assert (path.read_bytes(), unit.read_bytes()) == before


def test_unparsable_file_is_reported_and_untouched(example_root, cli):
    path = write(example_root, ENTRY, 'task: "I.2"\nsummary: [chưa đóng\n')
    before = path.read_bytes()
    result = cli(["fmt"], root=example_root)
    assert result.exit_code == 1
    assert "KH007" in result.output and "2026-05-20-I.2.yaml:" in result.output
    assert path.read_bytes() == before
    assert "Traceback" not in result.output


def test_dump_new_is_canonical(example_root):
    """`kehoach add` writes with dump_new: the new file passes `fmt --check` and validates."""
    data = {
        "summary": "Đã khảo sát 12 bãi rác\nvà đề xuất phương án",
        "status": "in_progress",
        "date": dt.date(2026, 5, 20),
        "unit": "QLMT",
        "task": "I.2",
        "outputs": [{"title": "Báo cáo khảo sát", "kind": "Báo cáo", "date": "2026-05-19"}],
        "indicators": [{"name": "Số bãi rác", "value": 12.0}],
        "author": "Nguyễn Văn A",
    }
    path = example_root / ENTRY
    text = dump_new(data, "entry", path, example_root)
    assert text.startswith('# yaml-language-server: $schema=../../schemas/entry.schema.json\ntask: "I.2"\n')
    assert "date: 2026-05-20\n" in text and "    date: 2026-05-19\n" in text
    path.write_text(text, encoding="utf-8")
    old, new, problem = format_file(path, example_root)
    assert problem is None and new == old
    assert not [p for p in load_checked(example_root, TODAY).problems if p.path == ENTRY]


def test_other_files_are_skipped(cli, example_root, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    result = cli(["fmt", other], root=example_root)
    assert result.exit_code == 0 and other.read_text(encoding="utf-8") == "a: 1\n"


def test_copy_of_examples_formats_in_place(tmp_path, cli):
    root = tmp_path / "ex"
    shutil.copytree(EXAMPLES, root)
    assert cli(["fmt", "--check"], root=root).exit_code == 0


def test_fmt_never_reads_or_writes_through_a_link(cli, example_root, tmp_path):
    outside = tmp_path / "outside.yaml"
    original = 'task:   "I.5"\nunit: "QLMT"\n'
    outside.write_text(original, encoding="utf-8")
    link = example_root / "progress" / "QLMT" / "2026-05-20-I.5.yaml"
    link.symlink_to(outside)
    result = cli(["fmt"], example_root)
    assert result.exit_code == 1
    assert "progress/QLMT/2026-05-20-I.5.yaml:1:1: error KH120" in result.stderr
    assert outside.read_text(encoding="utf-8") == original and link.is_symlink()
    result = cli(["fmt", link], example_root)
    assert result.exit_code == 1 and outside.read_text(encoding="utf-8") == original
