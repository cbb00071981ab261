"""What `kehoach fmt --check` shows for a file not in canonical form: the differences
a diff cannot show named in words (BOM, CRLF, Tab, trailing blanks, NFD, last newline),
then a unified diff of the rest, coloured when written to a terminal.

Returns lines; the command prints them.
"""

from __future__ import annotations

import difflib
import unicodedata

BOM = b"\xef\xbb\xbf"
_COLOURS = {"+": "green", "-": "red", "@": "cyan"}


def explain(raw: bytes, old: str, new: str) -> list[str]:
    """The invisible differences between the file (`raw` bytes, decoded `old`) and its canonical `new`."""
    notes: list[str] = []
    if raw.startswith(BOM):
        notes.append(
            "tệp bắt đầu bằng dấu BOM (EF BB BF, do một số trình soạn thảo trên Windows thêm vào); dạng chuẩn không có BOM."
        )
    if "\r\n" in old:
        notes.append("tệp xuống dòng kiểu Windows (CRLF); dạng chuẩn xuống dòng kiểu LF.")
    elif "\r" in old:
        notes.append("tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ); dạng chuẩn xuống dòng kiểu LF.")
    text = _lf(old)
    if not unicodedata.is_normalized("NFC", text):
        notes.append("có chữ ở dạng tổ hợp (NFD, thường do sao chép từ macOS); dạng chuẩn dùng dạng dựng sẵn (NFC).")
    canonical = set(new.split("\n"))
    tabs, blanks = [], []
    for n, line in enumerate(text.split("\n"), 1):
        if line in canonical:
            continue
        if "\t" in line:
            tabs.append(n)
        if line != line.rstrip(" \t"):
            blanks.append(n)
    if tabs:
        notes.append(f"{_lines(tabs)} có ký tự Tab; dạng chuẩn dùng dấu cách.")
    if blanks:
        notes.append(f"{_lines(blanks)} có dấu cách hoặc Tab thừa ở cuối dòng.")
    if text and not text.endswith("\n"):
        notes.append("dòng cuối chưa kết thúc bằng ký tự xuống dòng.")
    return notes


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
    return f"dòng {shown}" if len(numbers) == 1 else f"các dòng {shown}"


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unified(old: str, new: str, shown: str) -> list[str]:
    """The unified diff (line endings and NFC aside: `explain` names those) of `shown`."""
    before = unicodedata.normalize("NFC", _lf(old)).splitlines(keepends=True)
    after = new.splitlines(keepends=True)
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            before, after, fromfile=f"{shown} (hiện tại)", tofile=f"{shown} (dạng chuẩn)", lineterm="\n"
        )
    ]


def colour(line: str) -> tuple[str, str | None]:
    """(line, colour name or None) for a diff line."""
    if line.startswith(("+++", "---")):
        return line, None
    return line, _COLOURS.get(line[:1])
