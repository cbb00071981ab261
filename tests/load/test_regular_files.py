"""Only regular files under plan/, units/, progress/, templates/: each other kind has its code."""

from __future__ import annotations

import os
import socket

import pytest

from tests.conftest import write

GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã xong."\n'


def _codes(result) -> dict[str, str]:
    out = {}
    for line in result.stdout.splitlines():
        if ": error KH" in line:
            path, _, rest = line.partition(":1:1: error ")
            out[path] = rest[:5]
    return out


def test_symlink_to_a_file_outside_is_refused_and_never_read(cli, example_root, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(GOOD.replace("Đã xong.", "BÍ MẬT"), encoding="utf-8")
    (example_root / "progress" / "QLMT" / "2026-05-20-I.2.yaml").symlink_to(secret)
    (example_root / "units" / "LINK.yaml").symlink_to(example_root / "units" / "QLMT.yaml")
    (example_root / "templates").mkdir(exist_ok=True)
    (example_root / "templates" / "mau.md.j2").symlink_to("/proc/self/environ")
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert _codes(result) == {
        "progress/QLMT/2026-05-20-I.2.yaml": "KH120",
        "units/LINK.yaml": "KH120",
        "templates/mau.md.j2": "KH120",
    }
    assert "BÍ MẬT" not in result.stdout


def test_linked_data_folder_is_refused(cli, example_root, tmp_path):
    outside = tmp_path / "outside"
    os.rename(example_root / "progress" / "QLMT", outside)
    (example_root / "progress" / "QLMT").symlink_to(outside, target_is_directory=True)
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert _codes(result)["progress/QLMT"] == "KH120"
    assert "progress/QLMT/2" not in result.stdout  # not entered


def test_fifo_socket_folder_and_nested_git_each_have_their_code(cli, example_root):
    os.mkfifo(example_root / "progress" / "QLMT" / "2026-05-13-I.5.yaml")
    sock = socket.socket(socket.AF_UNIX)
    path = example_root / "units" / "S.yaml"
    try:
        sock.bind(str(path))
    except OSError:  # pragma: no cover - path too long for a socket on this machine
        pytest.skip("không tạo được socket ở đây")
    (example_root / "progress" / "QLMT" / "2026-05-21-I.2.yaml").mkdir()
    (example_root / "progress" / "VP" / ".git").mkdir(parents=True)
    write(example_root, "templates/sub/.git", "gitdir: ../../.git/modules/sub\n")  # a submodule marker
    result = cli(["validate"], example_root)
    sock.close()
    assert result.exit_code == 1
    codes = _codes(result)
    assert codes["progress/QLMT/2026-05-13-I.5.yaml"] == "KH121"
    assert codes["units/S.yaml"] == "KH121"
    assert codes["progress/QLMT/2026-05-21-I.2.yaml"] == "KH122"
    assert codes["progress/VP/.git"] == "KH123"
    assert codes["templates/sub/.git"] == "KH123"


def test_plan_file_that_is_a_link_is_not_read(cli, example_root):
    plan = example_root / "plan" / "plan.yaml"
    moved = example_root.parent / "plan.yaml"
    os.rename(plan, moved)
    plan.symlink_to(moved)
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "plan/plan.yaml:1:1: error KH120" in result.stdout
    assert "KH039" not in result.stdout  # not reported missing as well


def test_validate_of_a_named_link_reports_the_link(cli, example_root, tmp_path):
    outside = tmp_path / "x.yaml"
    outside.write_text(GOOD, encoding="utf-8")
    link = example_root / "progress" / "QLMT" / "2026-05-20-I.2.yaml"
    link.symlink_to(outside)
    result = cli(["validate", link], example_root)
    assert result.exit_code == 1
    assert "progress/QLMT/2026-05-20-I.2.yaml:1:1: error KH120" in result.stdout


def test_very_deep_folders_are_not_walked(cli, example_root):
    deep = example_root / "templates"
    for _ in range(400):  # a crafted tree; walking it all would only cost time (and recursion)
        deep = deep / "a"
    deep.mkdir(parents=True)
    result = cli(["validate"], example_root)
    assert result.exit_code == 1
    assert "templates/a/a/a/a/a/a/a/a/a:1:1: error KH122" in result.stdout
