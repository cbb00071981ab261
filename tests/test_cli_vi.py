"""What Typer itself prints — help panels, usage errors — reaches staff in Vietnamese."""

from __future__ import annotations

from typer.testing import CliRunner

from kehoach.cli import app


def _run(args):
    return CliRunner().invoke(app, args)


def test_help_is_vietnamese():
    out = _run(["--help"]).output
    assert "Cách dùng:" in out and "Tùy chọn" in out and "Lệnh" in out
    assert "Hiện hướng dẫn này rồi thoát." in out
    for english in ("Usage:", "Options", "Commands", "Show this message"):
        assert english not in out


def test_usage_errors_are_vietnamese_and_exit_2():
    cases = {
        ("status",): "Thiếu '--year'",
        ("status", "--year", "abc"): "phải là số nguyên",
        ("validate", "--bogus"): "Không có tùy chọn --bogus",
        ("statu",): "Không có lệnh 'statu'",
        ("--root", "/khong-co", "validate"): "không có thư mục hoặc tệp",
    }
    for args, words in cases.items():
        result = _run(list(args))
        assert result.exit_code == 2, args
        assert words in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_internal_error_is_short_and_logged(monkeypatch, example_root):
    from kehoach.commands import status

    def boom(*a, **k):
        raise RuntimeError("lỗi giả lập")

    monkeypatch.setattr(status, "run", boom)
    result = _run(["--root", str(example_root), "status", "--year", "2026"])
    assert result.exit_code == 3
    assert "Lỗi nội bộ" in result.output and "Traceback" not in result.output
