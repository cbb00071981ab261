"""bench/generate.py writes a valid data root, the same one for the same seed."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "progress").rglob("*.yaml"))}


def test_small_root_validates_clean(tmp_path, cli):
    root = generate.generate(tmp_path / "root", 200, seed=7)
    files = _files(root)
    assert len(files) == 200
    text = next(iter(files.values())).decode("utf-8")
    assert text.startswith("# DỮ LIỆU TỔNG HỢP CHO ĐO HIỆU NĂNG (hư cấu)\n")
    assert all(unicodedata.is_normalized("NFC", b.decode("utf-8")) for b in files.values())
    result = cli(["validate"], root)
    assert result.exit_code == 0, result.stdout
    assert "không có lỗi" in result.stdout


def test_spread_over_units_tasks_and_years(tmp_path):
    files = _files(generate.generate(tmp_path / "root", 200, seed=7))
    units = {rel.split("/")[1] for rel in files}
    years = {rel.split("/")[2][:4] for rel in files}
    tasks = {b.decode().split('task: "')[1].split('"')[0] for b in files.values()}
    assert len(units) >= 6 and len(tasks) >= 20 and years == {"2025", "2026"}
    assert any(b"outputs:" in b for b in files.values()) and any(b"indicators:" in b for b in files.values())


def test_deterministic_for_a_seed(tmp_path):
    a = _files(generate.generate(tmp_path / "a", 120, seed=3))
    b = _files(generate.generate(tmp_path / "b", 120, seed=3))
    c = _files(generate.generate(tmp_path / "c", 120, seed=4))
    assert a == b
    assert a != c
