"""-o FILE.pdf through LibreOffice (render/pdf.py, commands/output.py): the plumbing with a stand-in
soffice (fast), the refusals, and one real conversion when LibreOffice is installed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kehoach.render import pdf
from tests.conftest import EXAMPLES

FAKE = """#!/bin/sh
# a stand-in for soffice: records its arguments, then does what $FAKE_MODE says
echo "$@" > "$(dirname "$0")/args.txt"
case "$FAKE_MODE" in
  sleep) sleep 30 ;;
  fail) echo "Error: source file could not be loaded" >&2; exit 1 ;;
esac
while [ "$#" -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  last="$1"; shift
done
mkdir -p "$out"
printf '%%PDF-1.7 stand-in\\n' > "$out/$(basename "$last" .docx).pdf"
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("the stand-in soffice is a POSIX shell script")
    path = tmp_path / "bin" / "soffice"
    path.parent.mkdir()
    path.write_text(FAKE, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(path))
    return path


def _run(cli, tmp_path, *args):
    return cli(["report", "--year", "2026", "--as-of", "2026-11-20", *args], root=EXAMPLES)


@pytest.mark.parametrize("command", ["report", "plan"])
def test_pdf_goes_through_soffice_in_a_private_profile(cli, tmp_path, fake_soffice, command):
    out = tmp_path / "van-ban.PDF"
    args = ["report", "--year", "2026", "--as-of", "2026-11-20"] if command == "report" else ["plan"]
    result = cli([*args, "-o", out], root=EXAMPLES)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-1.7 stand-in")
    called = (fake_soffice.parent / "args.txt").read_text(encoding="utf-8").split()
    assert "--headless" in called and called[called.index("--convert-to") + 1].startswith("pdf")
    profile = next(a for a in called if a.startswith("-env:UserInstallation=file:///"))
    assert "kehoach-pdf-" in profile  # a fresh profile in the conversion's own temporary folder
    assert not Path(profile.split("file://", 1)[1]).exists()  # removed afterwards


def test_a_conversion_that_hangs_is_stopped(cli, tmp_path, fake_soffice, monkeypatch):
    monkeypatch.setenv("FAKE_MODE", "sleep")
    monkeypatch.setenv(pdf.TIMEOUT_ENV, "1")
    result = _run(cli, tmp_path, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1 and "KH149" in result.output and "1 giây" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_a_failed_conversion_says_why_and_writes_nothing(cli, tmp_path, fake_soffice, monkeypatch):
    monkeypatch.setenv("FAKE_MODE", "fail")
    result = _run(cli, tmp_path, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1 and "KH148" in result.output and "could not be loaded" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_without_libreoffice_exit_2_and_how_to_install(cli, tmp_path, monkeypatch):
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "_KNOWN", ())
    for args in (["report", "--year", "2026"], ["plan"]):
        result = cli([*args, "-o", tmp_path / "r.pdf"], root=EXAMPLES)
        assert result.exit_code == 2 and "KH147" in result.output
        assert "apt-get install libreoffice-writer" in result.output and "libreoffice.org" in result.output
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "khong-co"))
    result = _run(cli, tmp_path, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 2 and "khong-co" in result.output
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("name", ["bao-cao.doc", "bao-cao.txt", "bao-cao", "bao-cao.pdf.bak"])
def test_unknown_extension_is_exit_2(cli, tmp_path, name):
    for args in (["report", "--year", "2026"], ["plan"]):
        result = cli([*args, "-o", tmp_path / name], root=EXAMPLES)
        assert result.exit_code == 2 and "KH146" in result.output and ".docx" in result.output
    assert list(tmp_path.iterdir()) == []


def test_bad_timeout_is_a_usage_error(cli, tmp_path, fake_soffice, monkeypatch):
    monkeypatch.setenv(pdf.TIMEOUT_ENV, "abc")
    result = _run(cli, tmp_path, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 2 and "KH150" in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) chưa được cài")
def test_real_pdf_from_libreoffice(cli, tmp_path, monkeypatch):
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    out = tmp_path / "bao-cao.pdf"
    result = _run(cli, tmp_path, "--period", "q3", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode()
        assert "Kết quả quý III năm 2026 thực hiện Kế hoạch" in " ".join(text.split())
