"""A rendered .docx converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`).

Each conversion runs in a private temporary folder with its own LibreOffice profile
(`-env:UserInstallation=file:///…`), so it never touches the user's profile and never
collides with a LibreOffice already open or another conversion running at the same time;
it is stopped (with every process it started) after a time limit. Returns the PDF bytes:
the caller writes them (write.py). The .docx is byte-reproducible; the PDF carries
LibreOffice's own creation date and is not.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import KehoachError, SetupError

SOFFICE_ENV = "KEHOACH_SOFFICE"  # path of soffice when it is not on PATH
TIMEOUT_ENV = "KEHOACH_PDF_TIMEOUT"  # seconds
DEFAULT_TIMEOUT = 180.0
_KNOWN = (  # where installers put it when PATH does not say
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
INSTALL_HINT = (
    "Cài LibreOffice rồi chạy lại: Debian/Ubuntu `sudo apt-get install libreoffice-writer`; "
    "Windows, macOS: tải tại https://www.libreoffice.org/download/ . Nếu đã cài ở chỗ khác, đặt biến môi trường "
    f"{SOFFICE_ENV}=<đường dẫn tới soffice>. Hoặc ghi .docx (-o tep.docx) rồi tự chuyển sang PDF."
)


def find_soffice() -> str:
    """The soffice program, or SetupError KH147 saying how to install it."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        if Path(configured).is_file():
            return configured
        raise SetupError(
            f"biến {SOFFICE_ENV} chỉ tới `{configured}`, không có tệp đó; hãy sửa đường dẫn tới soffice.",
            code="KH147",
        )
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for candidate in _KNOWN:
        if Path(candidate).is_file():
            return candidate
    raise SetupError("ghi PDF cần LibreOffice (lệnh soffice) nhưng máy chưa có.", code="KH147", hint=INSTALL_HINT)


def timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV)
    if raw is None:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = 0
    if not 0 < value <= 3600:
        raise SetupError(f"{TIMEOUT_ENV} phải là số giây từ 1 đến 3600, không phải `{raw}`.", code="KH150")
    return value


def to_pdf(docx: bytes, soffice: str) -> bytes:
    """The PDF of the .docx `docx`, converted by `soffice`."""
    limit = timeout()
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        base = Path(tmp)
        src, out, profile = base / "van-ban.docx", base / "out", base / "profile"
        src.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out),
            str(src),
        ]
        env = dict(os.environ, TMPDIR=str(base), TMP=str(base), TEMP=str(base))
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=base,
                env=env,
                start_new_session=True,  # its own process group: stopped whole on timeout
            )
        except OSError as exc:
            raise KehoachError(
                f"không chạy được {soffice} ({exc.strerror}).", code="KH148", hint=INSTALL_HINT
            ) from None
        try:
            stdout, stderr = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _stop(proc)
            raise KehoachError(
                f"LibreOffice chưa chuyển xong sang PDF sau {limit:g} giây nên đã bị dừng; không có tệp nào được ghi. "
                f"Máy bận thì tăng thời hạn bằng biến {TIMEOUT_ENV} (giây) rồi chạy lại.",
                code="KH149",
            ) from None
        pdf = out / "van-ban.pdf"
        if proc.returncode != 0 or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            said = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()[-3:]
            raise KehoachError(
                f"LibreOffice không chuyển được văn bản sang PDF (mã {proc.returncode}"
                + (f": {' / '.join(said)}" if said else "")
                + "); không có tệp nào được ghi. Hãy thử ghi .docx rồi mở bằng LibreOffice để xem lỗi.",
                code="KH148",
            )
        return pdf.read_bytes()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop soffice and what it started (its own process group), then reap it."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(proc.pid, signal.SIGKILL)
        else:  # Windows: no process groups
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()
