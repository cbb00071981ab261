"""A root held in memory (git's blobs, for review) loads exactly as the same files on disk."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from kehoach.layout import READ_DIRS
from kehoach.load.root import load_root
from kehoach.load.source import BlobSource, DiskSource
from kehoach.load.text import MAX_BYTES

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã xong."\n'

# Paths that exercise every rule of the listing: depth per data folder, a `.git` at several
# levels, ignored and temporary names, a file where a data folder should be, odd names.
AWKWARD = {
    "progress/QLMT/2026-05-20-I.2.yaml": GOOD,
    "progress/QLMT/2026-05-20-I.2.yml": GOOD,  # a stray (KH200)
    "progress/QLMT/sau/2026-05-20-I.2.yaml": GOOD,  # a folder too deep (KH122)
    "progress/QLMT/sau/sau-nua/x.yaml": GOOD,  # reported once, with its sibling above
    "progress/QLMT/README.md": "không phải dữ liệu",
    "progress/QLMT/.2026-05-20-I.2.yaml.a1b2c3d4.kehoach-tmp": GOOD,
    "progress/.git/config": "[core]",
    "progress/VP/.git": "gitdir: ../x",
    "progress/top.yaml": GOOD,  # an entry outside any unit's folder
    "progress/Ünïcode/2026-05-20-I.2.yaml": GOOD,
    "units/QLMT.yaml.txt": "code: QLMT",
    "units/sub/X.yaml": "code: X",
    "units/.yaml": "code: Y",
    "templates/a/b/c/d/e/f/g/h/i/j/deep.md.j2": "sâu quá",
    "templates/bao-cao.md.j2": "{{ 1 }}",
    "plan": "a file where a folder should be",
}


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _blobs(root: Path) -> BlobSource:
    """What `kehoach review` holds for a revision: every regular file by its POSIX path."""
    return BlobSource({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()})


def test_listing_in_memory_is_the_listing_on_disk(tmp_path):
    _write(tmp_path, AWKWARD)
    disk, memory = DiskSource(tmp_path), _blobs(tmp_path)
    for top in READ_DIRS:
        on_disk, held = disk.scan(top), memory.scan(top)
        assert held.files == on_disk.files, top
        assert [(p.code, p.path) for p in held.problems] == [(p.code, p.path) for p in on_disk.problems], top
    for top in READ_DIRS:
        for levels in (1, 2, 9):
            assert memory.names(top, levels) == disk.names(top, levels), (top, levels)
    assert ("progress/QLMT/sau", True) in memory.names("progress", 2)
    # the cases above are really reached (the comparison is not between two empty listings)
    codes = {(p.code, p.path) for top in READ_DIRS for p in memory.scan(top).problems}
    assert {
        ("KH122", "progress/QLMT/sau"),
        ("KH123", "progress/.git"),
        ("KH123", "progress/VP/.git"),
        ("KH122", "plan"),
        ("KH122", "units/sub"),
    } <= codes
    assert "progress/Ünïcode/2026-05-20-I.2.yaml" in memory.scan("progress").files


def _comparable(dr):
    return (
        dr.files,
        [(le.rel, le.entry) for le in dr.entries],
        [dataclasses.astuple(p) for p in dr.problems],
        dr.units,
        dr.plan,
        dr.appendix,
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_examples_load_the_same_from_memory(tmp_path, jobs, monkeypatch):
    root = tmp_path / "root"
    shutil.copytree(EXAMPLES, root)
    _write(root, {k: v for k, v in AWKWARD.items() if k != "plan"})  # (plan/ is the examples')
    _write(root, {"progress/QLMT/2026-05-21-I.2.yaml": GOOD.replace('"done"', "xong"), ".github/CODEOWNERS": "x"})
    monkeypatch.setattr("kehoach.load.entries.POOL_THRESHOLD", 1)  # workers too, when jobs=2
    on_disk = load_root(root, jobs=jobs)
    held = load_root(root, jobs=jobs, source=_blobs(root))
    assert _comparable(held) == _comparable(on_disk)
    assert len(held.entries) > 5 and any(p.code == "KH200" for p in held.problems)
    assert any(p.path == "progress/QLMT/2026-05-21-I.2.yaml" for p in held.problems)  # a bad value, located
    assert held.source.small(".github/CODEOWNERS") == b"x"


def test_a_file_too_large_is_reported_without_being_read():
    source = BlobSource({"plan/plan.yaml": MAX_BYTES + 1})
    text, problem = source.read_text("plan/plan.yaml")
    assert text is None and problem is not None
    assert problem.code == "KH001" and "lớn hơn giới hạn" in problem.message
    assert source.size("plan/plan.yaml") is None and source.small("plan/plan.yaml") is None


def test_a_missing_file_is_a_problem_not_a_crash():
    _, problem = BlobSource({}).read_text("units/QLMT.yaml")
    assert problem is not None and problem.code == "KH001" and problem.path == "units/QLMT.yaml"


def test_unchanged_entries_are_taken_from_the_base_and_load_the_same(tmp_path, monkeypatch):
    """A review reads an entry the change does not touch once: the head, built partly from the
    base's results, is what loading the head alone gives, problems and order included."""
    from kehoach.load.root import unchanged

    base = tmp_path / "base"
    shutil.copytree(EXAMPLES, base)
    broken = "progress/QLMT/2026-05-21-I.2.yaml"
    _write(base, {broken: GOOD.replace('"done"', "xong"), "progress/QLMT/2026-05-22-I.2.yaml": GOOD})
    head = tmp_path / "head"
    shutil.copytree(base, head)
    edited = "progress/QLMT/2026-05-22-I.2.yaml"
    _write(head, {edited: GOOD.replace("Đã xong.", "Đã xong, sửa lại."), "progress/QLMT/2026-05-23-I.2.yaml": GOOD})

    def blobs(root: Path) -> BlobSource:
        files = _blobs(root).files
        return BlobSource(files, {rel: str(hash(data)) for rel, data in files.items()})

    old_src, new_src = blobs(base), blobs(head)
    old = load_root(base, source=old_src)
    known = unchanged(old, lambda rel: new_src.same(old_src, rel))
    assert broken in known and edited not in known and "progress/QLMT/2026-05-23-I.2.yaml" not in known
    assert known[broken][0] is None and known[broken][1]  # a broken entry's problems come along
    monkeypatch.setattr("kehoach.load.entries.POOL_THRESHOLD", 1)
    for jobs in (1, 2):
        assert _comparable(load_root(head, jobs=jobs, source=new_src, known=known)) == _comparable(load_root(head))
