"""Bytes → text, refusing what would silently corrupt data.

Every check reports the first offending place as 1-based line and column.
Checks run on the raw text before YAML sees it, so the positions are exact.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach import chars
from kehoach.problems import Problem, make

SAVE_AS_UTF8 = " (trong Notepad: menu File › Save As…, ô Encoding chọn UTF-8, rồi Save)"
"""How to save a file as UTF-8 in the editor every office computer has (menu names as Windows shows them)."""
MAX_BYTES = 1024 * 1024  # a progress entry is a few hundred bytes; the plan ~40 KB

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.M)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    col = len(data[start:index].decode("utf-8", errors="replace")) + 1
    return line, col


def too_large(path: str) -> Problem:
    return make(
        "KH001",
        path,
        1,
        1,
        f"tệp lớn hơn giới hạn {MAX_BYTES:,} byte; ".replace(",", ".")
        + "mỗi mục tiến độ là một tệp nhỏ — hãy tách tệp.",
    )


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (BOM allowed), or the problem that stops reading it."""
    if len(data) > MAX_BYTES:
        return None, too_large(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        return None, make("KH002", path, 1, 1, f"tệp được lưu ở mã UTF-16; hãy lưu lại với mã hóa UTF-8{SAVE_AS_UTF8}.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        return None, make(
            "KH002",
            path,
            line,
            col,
            f"byte 0x{data[exc.start]:02X} không hợp lệ trong UTF-8 (có thể tệp được lưu "
            f"bằng mã Windows-1258 hoặc TCVN3); hãy lưu lại với mã hóa UTF-8{SAVE_AS_UTF8}.",
        )


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    return len(sample) >= 4 and sample.count(0) * 3 >= len(sample)


def check(text: str, path: str) -> Problem | None:
    """The first text-level problem: control characters, NFD, conflict markers, tabs."""
    m = _CONFLICT.search(text)
    if m:
        line, col = position(text, m.start())
        return make(
            "KH005",
            path,
            line,
            col,
            "tệp còn dấu xung đột khi gộp nhánh (<<<<<<<, =======, >>>>>>>); "
            "hãy giữ lại một phiên bản đúng và xóa các dòng dấu.",
        )
    m = chars.find_refused(text)
    if m:
        ch = m.group()
        line, col = position(text, m.start())
        hint = (
            "" if chars.is_invisible(ch) and ch not in chars.SEPARATORS else " (dùng xuống dòng thường hoặc khối `|`)"
        )
        return make("KH003", path, line, col, chars.refusal(ch) + hint + ".")
    if not unicodedata.is_normalized("NFC", text):
        index = _first_non_nfc(text)
        line, col = position(text, index)
        return make(
            "KH004",
            path,
            line,
            col,
            "chữ tiếng Việt ở dạng tổ hợp (NFD, thường do sao chép từ macOS): trông giống nhưng "
            "so sánh khác; chạy `kehoach fmt` để chuyển sang dạng dựng sẵn (NFC).",
        )
    m = _TAB_INDENT.search(text)
    if m:
        line, col = position(text, m.end() - 1)
        start = tab_column(text, line)
        spaces = f"{start - 1} dấu cách đầu dòng" if start > 1 else "không có dấu cách đầu dòng"
        return make(
            "KH006",
            path,
            line,
            col,
            "thụt lề bằng phím Tab; YAML chỉ cho phép dấu cách — hãy xóa Tab và cho dòng này "
            f"bắt đầu ở cột {start} ({spaces}).",
        )
    return None


TAB_TRIES = 8
"""Indentations tried for a Tab-indented line (each a parse of the file): the likely ones."""


def tab_column(text: str, line: int) -> int:
    """The 1-based column a Tab-indented line must start at: from the lines above it (a key
    ending in `:` opens a level two spaces deeper; otherwise a sibling or an ancestor's level),
    the first that makes this line read as YAML. Only computed for the error."""
    from kehoach.load import yamlsafe

    lines = text.split("\n")
    content = lines[line - 1].lstrip(" \t")
    indents: list[int] = []
    prev = ""
    for above in lines[: line - 1]:
        body = above.strip()
        if body and not body.startswith("#"):
            prev = above
            indents.append(len(above) - len(above.lstrip(" ")))
    candidates: list[int] = []
    if prev:
        ind = indents[-1]
        body = re.sub(r"\s+#.*$", "", prev.strip())
        item = ind + 2 if body.startswith("- ") else ind
        if body.endswith(":"):
            candidates.append(item + 2)
        candidates += [item, ind]
    candidates += sorted(set(indents), reverse=True) + [0]
    for width in list(dict.fromkeys(candidates))[:TAB_TRIES]:
        trial = "\n".join(lines[: line - 1] + [" " * width + content] + lines[line:])
        try:
            yamlsafe.compose(trial, "")
        except yamlsafe._Bad as bad:
            if bad.problem.line <= line:
                continue
        return width + 1
    return 1


def _first_non_nfc(text: str) -> int:
    for i, ch in enumerate(text):
        if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch):
            return max(i - 1, 0) if unicodedata.combining(ch) else i
    return 0
