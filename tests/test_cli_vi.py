"""What Typer itself prints — help pages, usage errors — reaches staff in Vietnamese, quickly and safely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

KEHOACH = Path(sys.executable).with_name("kehoach")
ENGLISH = (
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Show this message",
    "Missing",
    "Invalid",
    "is a file",
    "is a directory",
    "does not exist",
    "Error",
    "Try '",
    "Did you mean",
    "Input should",
    "required",
    "default",
    "<bool>",
    "<path>",
    "<str>",
    "<file>",
    "Aborted",
)


def _run(args):
    return CliRunner().invoke(app, args, prog_name="kehoach", env={"COLUMNS": "100"})


def _no_english(out: str) -> None:
    for english in ENGLISH:
        assert english not in out, (english, out)


def test_help_is_vietnamese():
    out = _run(["--help"]).output
    assert out.startswith("Cách dùng: kehoach [TÙY CHỌN] LỆNH [THAM SỐ]...")
    assert "Theo dõi Kế hoạch triển khai Nghị quyết 247/2025/QH15" in out
    assert "\nTùy chọn:\n" in out and "\nLệnh:\n" in out
    assert "--root THƯ_MỤC" in out and "Thư mục dữ liệu (có plan/, units/, progress/)." in out
    assert "-h, --help" in out and "Hiện hướng dẫn này rồi thoát." in out
    for name in ("validate", "plan", "status", "add", "report", "review", "fmt", "schema", "codeowners", "import-docx"):
        assert f"\n  {name} " in out, name
    assert "Kiểm tra toàn bộ dữ liệu" in out
    _no_english(out)


def test_no_arguments_shows_the_help():
    result = _run([])
    assert result.exit_code == 2 and "Cách dùng: kehoach" in result.output and "Lệnh:" in result.output


def test_status_help_lists_every_option_with_defaults():
    result = _run(["status", "--help"])
    out = result.output
    assert result.exit_code == 0
    assert out.startswith("Cách dùng: kehoach status [TÙY CHỌN]")
    assert "Xem tình trạng từng nhiệm vụ trong năm" in out
    flat = " ".join(out.split())
    assert "-y, --year NĂM" in out and "[từ 2000 đến 2100]" in flat and "Không cần khi dùng --from/--to" in flat
    assert "-p, --period KỲ" in out and "--from NGÀY" in out and "--to NGÀY" in out
    assert "-u, --unit MÃ" in out and "--as-of NGÀY" in out
    assert "-f, --format DẠNG" in out and "[mặc định: text]" in out
    _no_english(out)


def test_report_help_lists_every_option():
    out = _run(["report", "--help"]).output
    assert out.startswith("Cách dùng: kehoach report [TÙY CHỌN]")
    for words in (
        "-y, --year NĂM",
        "--as-of NGÀY",
        "-u, --unit MÃ",
        "-n, --number SỐ",
        "--signer HỌ_TÊN",
        "-o, --output TỆP",
        "--template TỆP",
        "Số văn bản, ví dụ 05",
        "Họ tên người ký.",
        "-p, --period KỲ",
        "--from NGÀY",
        "--to NGÀY",
    ):
        assert words in out, words
    _no_english(out)


@pytest.mark.parametrize("command", ["validate", "plan", "add", "review", "fmt", "schema", "codeowners", "import-docx"])
def test_every_command_help_is_vietnamese(command):
    result = _run([command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Cách dùng: kehoach {command} [TÙY CHỌN]")
    assert "Tùy chọn:" in result.output
    _no_english(result.output)


def test_help_wraps_to_the_terminal_width():
    out = CliRunner().invoke(app, ["report", "--help"], prog_name="kehoach", env={"COLUMNS": "60"}).output
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "[từ 2000 đến 2100]" in out  # the bracket is never split


def test_usage_errors_are_vietnamese_and_exit_2(tmp_path):
    a_file = tmp_path / "tep.txt"
    a_file.write_text("x")
    cases = {
        ("status",): "Lỗi: Thiếu tùy chọn '--year' / '-y' (bắt buộc).",
        ("status", "--year", "abc"): "phải là số nguyên",
        ("status", "--year", "0"): "'--year' / '-y': phải từ 2000 trở lên.",
        ("status", "--year", "3000"): "phải từ 2100 trở xuống.",
        ("status", "--format", "xml", "--year", "2026"): "'xml' không thuộc các giá trị 'text', 'json'.",
        ("validate", "--bogus"): "Không có tùy chọn --bogus",
        ("statu",): "Không có lệnh 'statu'. Các lệnh gần giống: 'status'.",
        ("xyzzy",): "Không có lệnh 'xyzzy'. Các lệnh: validate, plan, status",
        ("--root", "/khong-co", "validate"): "không có thư mục hoặc tệp",
        ("--root", str(a_file), "validate"): "là một tệp, cần một thư mục.",
        ("--root", str(tmp_path)): "Lỗi: Thiếu lệnh. Các lệnh: validate",
        ("import-docx",): "Thiếu tham số 'TỆP_DOCX' (bắt buộc).",
        ("import-docx", str(tmp_path)): "là một thư mục, cần một tệp.",
        ("review", "a", "b", "c"): "Thừa tham số: c.",
        ("validate", "--strict=1"): "Tùy chọn '--strict' không nhận giá trị.",
    }
    for args, words in cases.items():
        result = _run(list(args))
        assert result.exit_code == 2, args
        assert words in result.output, (args, result.output)
        assert "Traceback" not in result.output
        _no_english(result.output)


def test_usage_error_shows_usage_and_where_to_find_help():
    out = _run(["status"]).output
    assert out.splitlines()[:2] == ["Cách dùng: kehoach status [TÙY CHỌN]", "Gõ 'kehoach status -h' để xem hướng dẫn."]


def test_internal_error_is_short_and_logged(monkeypatch, example_root, tmp_path):
    from kehoach.commands import status

    def boom(*a, **k):
        raise RuntimeError("lỗi giả lập")

    monkeypatch.setattr(status, "run", boom)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    result = _run(["--root", str(example_root), "status", "--year", "2026"])
    assert result.exit_code == 3
    assert "Lỗi nội bộ" in result.output and "Traceback" not in result.output
    logs = list(tmp_path.glob("kehoach-loi-*.log"))
    assert len(logs) == 1 and str(logs[0]) in result.output
    assert "lỗi giả lập" in logs[0].read_text(encoding="utf-8")  # the details are in the log


# --- the installed script, as a user runs it -------------------------------------------------


def _script(args, **env):
    full = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    full.update(env)
    return subprocess.run([str(KEHOACH), *args], capture_output=True, env=full, timeout=60)


@pytest.mark.skipif(not KEHOACH.exists(), reason="the kehoach script is not installed next to this Python")
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_never_crashes_on_a_non_utf8_terminal(encoding, example_root):
    for args, code in (
        (["--help"], 0),
        (["status", "--help"], 0),
        (["status"], 2),
        (["--root", str(example_root), "validate"], 0),
        (["--root", str(example_root), "status", "--year", "2026"], 0),
    ):
        result = _script(args, PYTHONIOENCODING=encoding, LC_ALL="C", COLUMNS="100")
        assert result.returncode == code, (args, result.stderr.decode("utf-8", "replace"))
        both = (result.stdout + result.stderr).decode("utf-8")
        assert "Traceback" not in both and "UnicodeEncodeError" not in both
    assert "Cách dùng: kehoach" in _script(["--help"], PYTHONIOENCODING=encoding).stdout.decode("utf-8")


@pytest.mark.skipif(not KEHOACH.exists(), reason="the kehoach script is not installed next to this Python")
def test_help_does_not_import_rich():
    for args in (["--help"], ["status", "--help"], ["status"]):
        result = _script(args, PYTHONIOENCODING="utf-8")
        assert result.returncode in (0, 2)
    probe = (
        "import sys; sys.argv = ['kehoach'] + sys.argv[1:]\n"
        "from kehoach.cli import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pydantic', 'docx', 'jinja2', 'ruamel', 'yaml'))\n"
        "print('LOADED', bad, file=sys.stderr)"
    )
    # `status` without --year is checked after Typer has coerced the options (--year is optional with
    # --from/--to), which imports pydantic; an unknown option still fails before that
    for args in (["--help"], ["status", "--help"], ["report", "--help"], ["status", "--bogus"]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, encoding="utf-8", timeout=60
        )
        assert "LOADED []" in result.stderr, (args, result.stderr[-500:])


def test_abort_is_vietnamese(monkeypatch, example_root):
    import typer

    from kehoach.commands import status

    def stop(*a, **k):
        raise typer.Abort()

    monkeypatch.setattr(status, "run", stop)
    result = _run(["--root", str(example_root), "status", "--year", "2026"])
    assert result.exit_code == 1 and "Đã hủy." in result.output
    _no_english(result.output)
