"""Templates cannot hurt: every attack ends quickly in exit 1 naming the template (and line)."""

from __future__ import annotations

import os
import time

import pytest

NAME = "templates/bao-cao-nam.md.j2"

ATTACKS = [
    # name, template text, what the message says
    ("huge range", "::title A\n{% for i in range(10**9) %}x{% endfor %}\n", "dòng 2: range quá lớn"),
    ("string repetition", "::title A\n\n{{ 'a' * 10**9 }}\n", "dòng 3: chuỗi hoặc danh sách dựng ra quá dài"),
    ("list repetition", "{% set l = [1, 2] * 10**8 %}\n", "dòng 1: chuỗi hoặc danh sách dựng ra quá dài"),
    (
        "list doubling",
        "{% set n = namespace(l=[1]) %}{% for i in range(64) %}{% set n.l = n.l + n.l %}{% endfor %}\n",
        "quá dài",
    ),
    ("huge power", "{{ 10 ** 1000000 }}\n", "dòng 1: lũy thừa quá lớn"),
    ("recursive macro", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n::title A\n{{ f(0) }}\n", "quá sâu"),
    ("division by zero", "::title A\n\n\n{{ 1/0 }}\n", "dòng 4: chia cho 0"),
    ("python exception", "{{ 'abc'.index('z') }}\n", "dòng 1: lỗi khi dựng văn bản (ValueError"),
    ("self class", "{{ self.__class__ }}\n", "truy cập không an toàn"),
    ("cycler globals", "{{ cycler.__init__.__globals__ }}\n", "truy cập không an toàn"),
    ("format width", "{{ '%999999999d' % 1 }}\n", "bộ nhớ"),
    (
        "concat doubling",
        "{% set n = namespace(s='ab') %}{% for i in range(40) %}{% set n.s = n.s ~ n.s %}{% endfor %}\n",
        "bộ nhớ",
    ),
    ("line flood", "{% for i in range(100000) %}{% for j in range(6) %}x\n{% endfor %}{% endfor %}", "quá nhiều dòng"),
    ("output flood", "{% for i in range(100000) %}{{ 'x' * 999999 }}\n{% endfor %}", "văn bản dựng ra quá lớn"),
]


@pytest.mark.parametrize(("name", "text", "says"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_attack_is_exit_1_naming_the_template(cli, example_root, tmp_path, name, text, says):
    (example_root / "templates").mkdir()
    (example_root / NAME).write_text(text, encoding="utf-8")
    started = time.monotonic()
    result = cli(["report", "--year", "2026", "-o", tmp_path / "r.docx"], example_root)
    assert time.monotonic() - started < 15
    assert result.exit_code == 1, result.output
    assert f"Lỗi: mẫu {NAME}" in result.stderr and says in result.stderr, result.stderr
    assert not (tmp_path / "r.docx").exists()


def test_runaway_loop_stops_at_the_time_limit(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_TEMPLATE_TIMEOUT", "1")
    (example_root / "templates").mkdir()
    loop = "{% set l = range(100000)|list %}\n{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}\n"
    (example_root / NAME).write_text(loop, encoding="utf-8")
    started = time.monotonic()
    result = cli(["report", "--year", "2026", "-o", tmp_path / "r.docx"], example_root)
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert (
        f"mẫu {NAME} dòng 2: dựng văn bản quá 1 giây" in result.stderr and "KEHOACH_TEMPLATE_TIMEOUT" in result.stderr
    )


def test_bad_time_limit_is_a_usage_error(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_TEMPLATE_TIMEOUT", "mười")
    result = cli(["report", "--year", "2026", "-o", tmp_path / "r.docx"], example_root)
    assert result.exit_code == 2 and "KEHOACH_TEMPLATE_TIMEOUT" in result.stderr


def test_linked_template_is_never_read(cli, example_root, tmp_path):
    secret = tmp_path / "environ.md.j2"
    secret.write_text("::title BÍ MẬT {{ year }}\n", encoding="utf-8")
    (example_root / "templates").mkdir()
    (example_root / NAME).symlink_to(secret)
    result = cli(["report", "--year", "2026", "-o", tmp_path / "r.docx"], example_root)
    assert result.exit_code == 1 and "liên kết tượng trưng" in result.stderr
    # through --template: a link, or a file outside the data root, is a usage error
    (example_root / NAME).unlink()
    (example_root / "mau.md.j2").symlink_to(secret)
    for given in (example_root / "mau.md.j2", secret):
        result = cli(["report", "--year", "2026", "--template", given, "-o", tmp_path / "r.docx"], example_root)
        assert result.exit_code == 2, given
        assert "liên kết tượng trưng" in result.stderr or "nằm ngoài thư mục dữ liệu" in result.stderr
    assert not (tmp_path / "r.docx").exists()


def test_included_template_through_a_link_is_refused(cli, example_root, tmp_path):
    (example_root / "templates").mkdir()
    os.symlink("/etc/hostname", example_root / "templates" / "phan.md.j2")
    (example_root / NAME).write_text("::title A\n{% include 'phan.md.j2' %}\n", encoding="utf-8")
    result = cli(["report", "--year", "2026", "-o", tmp_path / "r.docx"], example_root)
    assert result.exit_code == 1 and "liên kết tượng trưng" in result.stderr


def test_linked_template_folder_is_refused_even_where_only_the_plan_is_checked(cli, example_root, tmp_path):
    elsewhere = tmp_path / "mau"
    elsewhere.mkdir()
    (elsewhere / "ke-hoach.md.j2").write_text("::title BÍ MẬT\n", encoding="utf-8")
    (example_root / "templates").symlink_to(elsewhere, target_is_directory=True)
    result = cli(["plan", "-o", tmp_path / "p.docx"], example_root)
    assert result.exit_code == 1 and "liên kết tượng trưng" in result.stderr
    assert not (tmp_path / "p.docx").exists()
