"""Atomic writes: no half files, no clobbered devices or symlinks, normal permissions."""

from __future__ import annotations

import os
import stat

import pytest

from kehoach.errors import UsageError
from kehoach.write import atomic_write
from tests.conftest import posix_only


def test_writes_and_replaces(tmp_path):
    p = tmp_path / "a" / "b.txt"
    atomic_write(p, b"1")
    atomic_write(p, b"2")
    assert p.read_bytes() == b"2"
    assert [x.name for x in p.parent.iterdir()] == ["b.txt"]


@posix_only
def test_new_file_gets_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "x", b"1")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x").stat().st_mode) == 0o644


@posix_only
def test_existing_file_keeps_its_mode(tmp_path):
    p = tmp_path / "x"
    p.write_bytes(b"0")
    p.chmod(0o640)
    atomic_write(p, b"1")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


@posix_only
def test_symlink_is_written_through(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    atomic_write(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


@posix_only
def test_fifo_and_devices_are_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UsageError):
        atomic_write(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(UsageError):
        atomic_write(tmp_path, b"x")  # a folder


def test_no_overwrite_mode(tmp_path):
    p = tmp_path / "x"
    atomic_write(p, b"1", overwrite=False)
    with pytest.raises(FileExistsError):
        atomic_write(p, b"2", overwrite=False)
    assert p.read_bytes() == b"1" and len(list(tmp_path.iterdir())) == 1


@posix_only
def test_no_overwrite_mode_never_follows_a_symlink(tmp_path):
    outside = tmp_path / "outside.yaml"
    link = tmp_path / "dir" / "entry.yaml"
    link.parent.mkdir()
    link.symlink_to(outside)  # dangling
    with pytest.raises(FileExistsError):
        atomic_write(link, b"x", overwrite=False)
    assert not outside.exists()


@posix_only  # a symlink below
def test_a_killed_write_leaves_a_temp_file_that_validate_ignores_and_the_next_write_removes(cli, example_root):
    import time

    folder = example_root / "progress" / "QLMT"
    stale = folder / ".2026-11-01-I.5.yaml.k3x9_a0q.kehoach-tmp"  # as a killed write leaves it
    fresh = folder / ".2026-11-02-I.5.yaml.b7c2d1e0.kehoach-tmp"  # another write may be running now
    for p in (stale, fresh):
        p.write_bytes(b"task: ")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    lookalike = folder / ".x.yaml.abcdefgh.kehoach-tmp"
    lookalike.symlink_to("/etc/passwd")  # named like ours, but a link: reported, never removed
    result = cli(["validate", "--strict"], example_root)
    assert "kehoach-tmp" not in result.stdout.replace(lookalike.name, "")
    assert f"progress/QLMT/{lookalike.name}:1:1: error KH120" in result.stdout
    lookalike.unlink()
    assert cli(["validate", "--strict"], example_root).exit_code == 0
    added = cli(
        ["add", "--task", "I.5", "--unit", "QLMT", "--status", "in_progress", "--summary", "Đã làm."], example_root
    )
    assert added.exit_code == 0, added.output
    assert not stale.exists() and fresh.exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".kehoach-tmp") and p != fresh]


def test_no_overwrite_mode_without_hard_links(tmp_path, monkeypatch):
    """Where the filesystem has no hard links (some network shares, FAT), a new file is still
    written whole and an existing one is still never replaced."""

    def no_link(src, dst):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    p = tmp_path / "x"
    atomic_write(p, b"1", overwrite=False)
    with pytest.raises(FileExistsError):
        atomic_write(p, b"2", overwrite=False)
    assert p.read_bytes() == b"1" and [q.name for q in tmp_path.iterdir()] == ["x"]
