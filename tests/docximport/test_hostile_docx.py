"""import-docx on hostile files: bounded memory, and exit 1 or 2 with a message, never 3."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest

from tests.docximport.builders import add_table
from tests.docximport.test_layouts import other_order

HEADER = ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Ghi chú"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _replace(src: Path, dest: Path, name: str, data: bytes | None) -> Path:
    """A copy of the .docx `src` with part `name` replaced (None: removed)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != name:
                zout.writestr(info, zin.read(info))
        if data is not None:
            zout.writestr(name, data)
    return dest


def _bomb(src: Path, dest: Path, sizes: dict[str, int]) -> Path:
    """Each part of `sizes` holds that many bytes of spaces: tiny on disk, huge once inflated."""
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename not in sizes:
                zout.writestr(info, zin.read(info))
        for name, size in sizes.items():
            with zout.open(name, "w", force_zip64=True) as fh:
                for _ in range(size // len(chunk)):
                    fh.write(chunk)
    return dest


def _import(cli, tmp_path: Path, src: Path):
    result = cli(["import-docx", src, "-o", tmp_path / "out"])
    assert result.exit_code in (1, 2), result.output
    assert "Lỗi nội bộ" not in result.output
    return result


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return other_order(tmp_path / "good.docx")


def test_zip_bomb_is_refused_in_bounded_memory(tmp_path, good):
    bomb = _bomb(good, tmp_path / "bomb.docx", {"word/document.xml": 64 * 1024 * 1024})
    assert bomb.stat().st_size < 2 * 1024 * 1024
    probe = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        proc = subprocess.run([{os.path.join(os.path.dirname(sys.executable), "kehoach")!r}, "import-docx",
                               {str(bomb)!r}, "-o", {str(tmp_path / "out")!r}], capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(proc.returncode, peak)
        print(proc.stderr)
        """
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    code, peak = map(int, out.split("\n")[0].split())
    assert code == 2 and peak < 500, out
    assert "lớn hơn 25 MB" in out


def test_compression_ratio_and_total_size_are_refused(cli, tmp_path, good):
    ratio = _bomb(good, tmp_path / "ratio.docx", {"word/styles.xml": 8 * 1024 * 1024})
    assert "nén bất thường" in _import(cli, tmp_path, ratio).stderr
    parts = {f"customXml/item{i}.xml": 41 * 1024 * 1024 for i in range(5)}  # each allowed, together too much
    total = _bomb(good, tmp_path / "total.docx", parts)
    assert "cộng lại lớn hơn 200 MB" in _import(cli, tmp_path, total).stderr


def test_not_a_zip_encrypted_and_missing_parts(cli, tmp_path, good):
    (tmp_path / "text.docx").write_text("không phải zip", encoding="utf-8")
    assert "tệp hỏng" in _import(cli, tmp_path, tmp_path / "text.docx").stderr
    enc = tmp_path / "enc.docx"
    raw = bytearray(good.read_bytes())
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the "encrypted" flag, as a password sets it
        i = raw.find(sig)
        while i != -1:
            raw[i + at] |= 0x1
            i = raw.find(sig, i + 4)
    enc.write_bytes(bytes(raw))
    assert "mật khẩu" in _import(cli, tmp_path, enc).stderr
    missing = _replace(good, tmp_path / "missing.docx", "word/document.xml", None)
    assert "word/document.xml" in _import(cli, tmp_path, missing).stderr
    nobody = _replace(good, tmp_path / "nobody.docx", "word/document.xml", f'<w:document xmlns:w="{W}"/>'.encode())
    assert "không có phần thân" in _import(cli, tmp_path, nobody).stderr
    garbage = _replace(good, tmp_path / "garbage.docx", "word/document.xml", b"<w:document")
    _import(cli, tmp_path, garbage)
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    assert "không phải một tệp thường" in _import(cli, tmp_path, fifo).stderr


def test_entity_expansion_bomb_is_not_expanded(cli, tmp_path, good):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>'
    )
    bomb = _replace(good, tmp_path / "lol.docx", "word/document.xml", xml.encode())
    result = cli(["import-docx", bomb, "-o", tmp_path / "out"])
    assert result.exit_code in (1, 2) and "Lỗi nội bộ" not in result.output
    assert "lollollol" not in result.output


def test_non_numeric_grid_before_is_read_not_a_crash(cli, tmp_path, good):
    with zipfile.ZipFile(good) as z:
        xml = z.read("word/document.xml").decode()
    xml = xml.replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="abc"/></w:trPr>', 1)
    xml = xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="²"/>', 1)
    odd = _replace(good, tmp_path / "odd.docx", "word/document.xml", xml.encode())
    result = cli(["import-docx", odd, "-o", tmp_path / "out"])
    assert result.exit_code in (0, 1), result.output


def test_more_than_99_tasks_in_a_group_is_reported(cli, tmp_path):
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    rows: list = [["I", "Nhóm rất dài", "", "", "", "", ""]]
    rows += [[str(i), f"Nhiệm vụ {i}", "2026", "Phòng Quản lý môi trường", "", "Báo cáo", ""] for i in range(1, 102)]
    rows.append(["1", "Nhiệm vụ trùng số", "2026", "Phòng Quản lý môi trường", "", "Báo cáo", ""])
    add_table(doc, HEADER, rows)
    doc.save(tmp_path / "many.docx")
    result = cli(["import-docx", tmp_path / "many.docx", "-o", tmp_path / "out"])
    assert result.exit_code in (0, 1), result.output
    assert "đã có 99 nhiệm vụ" in result.output


def test_output_that_is_a_file_is_a_usage_error(cli, tmp_path, good):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = cli(["import-docx", good, "-o", tmp_path / "out"])
    assert result.exit_code == 2 and "không phải thư mục" in result.stderr
