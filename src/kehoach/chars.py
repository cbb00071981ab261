"""Characters that must never pass unseen: the one definition, for data files and for output.

- In data (keys, text values) they are refused as KH003: control characters (C0
  but tab and line breaks, DEL, C1), the Unicode line/paragraph separators and
  every Unicode format character (category Cf: zero-width characters, direction
  marks and BiDi controls, tag characters, the soft hyphen, a BOM that is not the
  first character of a file …) — text that cannot be seen cannot be reviewed.
- On the way out, any piece of data shown in a terminal goes through
  `for_terminal`, so a crafted key or file name can neither move the cursor,
  clear the screen nor reverse the text around it: `\\x1b`, `U+202E` are shown
  instead. JSON output keeps the data exact but writes these as `\\uXXXX`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""C0 controls but tab, LF and CR; DEL; C1 controls."""

SEPARATORS = "\u2028\u2029"
"""Unicode line and paragraph separators (invisible line breaks)."""

SURROGATES = "\ud800-\udfff"
"""Lone surrogates: a byte that was not UTF-8, read with surrogateescape (a git file name)."""

_BMP_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
_ASTRAL_FORMAT = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
FORMAT = _BMP_FORMAT + _ASTRAL_FORMAT
"""Unicode category Cf (format characters, Unicode 15.1); a test checks it against unicodedata."""

_BMP_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_ASTRAL_NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
NONCHARACTERS = _BMP_NONCHARACTERS + _ASTRAL_NONCHARACTERS
"""Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and the last two of every plane): never
text; the YAML reader stops at U+FFFE/U+FFFF and Word (XML) cannot hold them."""

_BMP_BLANKS = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
_ASTRAL_BLANKS = "\U000e0100-\U000e01ef"
BLANKS = _BMP_BLANKS + _ASTRAL_BLANKS
"""Letters and marks that show nothing (Unicode default-ignorable, not Cf): Hangul fillers,
the Braille blank, variation selectors … A summary made of them looks empty yet passes as text."""
_BMP_OTHER = _BMP_NONCHARACTERS + _BMP_BLANKS
_ASTRAL_OTHER = _ASTRAL_NONCHARACTERS + _ASTRAL_BLANKS

REFUSED = f"[{CONTROL}{SEPARATORS}{FORMAT}{NONCHARACTERS}{BLANKS}]"
"""Refused anywhere in a data file (CR is allowed in a file: it may use CRLF line ends)."""

# Every scan below runs over every file, value or line shown, so each is one fast class: the
# exact class for the Basic Multilingual Plane plus any astral character (rare in Vietnamese
# text), which is then checked against the few astral characters of the kind. (A class that
# lists astral ranges itself is checked range by range for every character: 8x slower.)
_ASTRAL_ALL = _ASTRAL_FORMAT + _ASTRAL_OTHER
_KINDS: dict[str, tuple[str, str]] = {  # kind -> (BMP characters, astral characters)
    "data": (f"{CONTROL}{SEPARATORS}{_BMP_FORMAT}{_BMP_OTHER}", _ASTRAL_ALL),
    "data_cr": (f"{CONTROL}\r{SEPARATORS}{_BMP_FORMAT}{_BMP_OTHER}", _ASTRAL_ALL),
    "terminal": (f"{CONTROL}\r{SEPARATORS}{_BMP_FORMAT}{_BMP_OTHER}{SURROGATES}", _ASTRAL_ALL),
    "line": (f"{CONTROL}\r\n\t{SEPARATORS}{_BMP_FORMAT}{_BMP_OTHER}{SURROGATES}", _ASTRAL_ALL),
    "json": (f"\x7f-\x9f{SEPARATORS}{_BMP_FORMAT}", _ASTRAL_FORMAT),  # json.dumps escapes C0 itself
}
"""data: refused in data files (data_cr: a CR too); terminal: shown escaped on a terminal;
line: also tab and line breaks (a file name, one line of a list); json: written as \\uXXXX."""


@functools.cache
def _scanner(kind: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(quick scan, astral check, exact class) of a kind, compiled on first use."""
    bmp, astral = _KINDS[kind]
    return (
        re.compile(f"[{bmp}\U00010000-\U0010ffff]"),
        re.compile(f"[{astral}]"),
        re.compile(f"[{bmp}{astral}]"),
    )


def _first(kind: str, text: str) -> re.Match[str] | None:
    """The first character of `text` of this kind, or None."""
    quick, astral, _ = _scanner(kind)
    m = quick.search(text)
    while m is not None and m.group() >= "\U00010000" and not astral.match(m.group()):
        m = quick.search(text, m.end())
    return m


def find_refused(text: str, *, cr: bool = False) -> re.Match[str] | None:
    """The first character of `text` refused in data (with cr=True, a CR too), or None."""
    return _first("data_cr" if cr else "data", text)


_NAMES = {
    "\x00": "NUL",
    "\x0b": "U+000B (ngắt dòng do Shift+Enter trong Word)",
    "\x0c": "U+000C (ngắt trang)",
    "\x1b": "U+001B (ESC, mở đầu chuỗi điều khiển màn hình)",
    "\u00ad": "U+00AD (dấu gạch nối mềm)",
    "\u200b": "U+200B (khoảng trắng độ rộng 0)",
    "\u200c": "U+200C (ký tự không nối độ rộng 0)",
    "\u200d": "U+200D (ký tự nối độ rộng 0)",
    "\u2060": "U+2060 (ký tự nối từ)",
    "\ufeff": "U+FEFF (dấu BOM ở giữa tệp)",
    "\u2028": "U+2028 (ngắt dòng Unicode)",
    "\u2029": "U+2029 (ngắt đoạn Unicode)",
}


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def describe(ch: str) -> str:
    """What a refused character is, for a message: its code point and, if known, its name."""
    if ch in _NAMES:
        return _NAMES[ch]
    cp = ord(ch)
    if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069 or ch in "\u200e\u200f\u061c":
        return f"{code_point(ch)} (điều khiển hướng chữ, có thể đảo ngược thứ tự chữ hiển thị)"
    if 0xE0000 <= cp <= 0xE007F:
        return f"{code_point(ch)} (ký tự thẻ vô hình)"
    if re.fullmatch(f"[{BLANKS}]", ch):
        return f"{code_point(ch)} (ký tự trống, trông như không có gì)"
    if 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
        return f"{code_point(ch)} (không phải một ký tự chữ, Unicode để dành)"
    return code_point(ch)


def is_invisible(ch: str) -> bool:
    """A format (Cf) character or a separator: it shows nothing, rather than being a control."""
    return ord(ch) > 0x9F


def refusal(ch: str) -> str:
    """The Vietnamese phrase for a refused character found in data."""
    if is_invisible(ch):
        return (
            f"có ký tự vô hình {describe(ch)}: không nhìn thấy được nhưng làm chữ khác đi "
            "hoặc che giấu nội dung; hãy xóa nó"
        )
    return f"có ký tự điều khiển {describe(ch)}, thường do dán từ Word; hãy xóa nó"


def _shown(m: re.Match[str]) -> str:
    cp = ord(m.group())
    if 0xDC80 <= cp <= 0xDCFF:  # the undecodable byte itself
        return f"\\x{cp - 0xDC00:02x}"
    return f"\\x{cp:02x}" if cp <= 0x9F else f"U+{cp:04X}"


def unseen(text: str) -> re.Match[str] | None:
    """The first character `for_terminal(…, line=True)` would show escaped, or None."""
    return _first("line", text)


def for_terminal(text: object, *, line: bool = False) -> str:
    """`text` safe to print: control, separator and format characters shown escaped.
    With line=True (a file name, one line of a list) tab and line breaks are escaped too,
    so data can never start a line of its own."""
    s = str(text)
    kind = "line" if line else "terminal"
    return _scanner(kind)[2].sub(_shown, s) if _first(kind, s) else s


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """JSON of `value` (UTF-8, exact data) with every unsafe character written as `\\uXXXX`."""
    import json

    out = json.dumps(value, ensure_ascii=False, indent=indent)
    return _scanner("json")[2].sub(_json_escape, out) if _first("json", out) else out


def _json_escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    if cp > 0xFFFF:  # JSON spells astral characters as a surrogate pair
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"
