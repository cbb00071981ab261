"""Text hygiene: NFC, stray control characters, legacy Vietnamese encodings converted (kehoach.legacy).

`read` replaces control characters that XML forbids (a vertical tab pasted
from Word, NUL, form feed) by private-use markers U+E000+code before parsing,
so they survive to here and can be reported with where they were.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach import chars
from kehoach.docximport.notes import Notes
from kehoach.legacy import convert, font_encoding

MARK_BASE = 0xE000
_NAMES = {0x00: "NUL", 0x0B: "U+000B (tab dọc, do Shift+Enter khi dán từ Word)", 0x0C: "U+000C (ngắt trang)"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\ue01f]")
_INVISIBLE = re.compile(f"[{chars.FORMAT}]")  # every format (Cf) character: refused in data (KH003)
_HARMLESS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")  # common in Word files: removed quietly
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Latin-1 letters and signs that Vietnamese never uses; TCVN3 (.VnTime) text read
# as Unicode is full of them ("Céng hßa X· héi"). °, ², ³ are left out (25°C, m²).
_ODD = "¡¢£¤¥¦§¨©ª«¬®¯±´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñöøûüþÿ"
_MOJIBAKE = re.compile(rf"[A-Za-z][{_ODD}]|[{_ODD}][A-Za-z]|[a-z][ÂÊÔÀ-ÝƠƯ][a-z]")


def control_name(ch: str) -> str:
    code = ord(ch) - MARK_BASE if MARK_BASE <= ord(ch) < MARK_BASE + 32 else ord(ch)
    return _NAMES.get(code, f"U+{code:04X}")


def clean(raw: str, where: str, notes: Notes) -> str:
    """NFC text with control characters removed (and reported), spaces tidied, lines kept."""
    found = sorted({control_name(m.group()) for m in _CONTROL.finditer(raw)})
    if found:
        notes.needs_look(
            where,
            f"đã xóa ký tự điều khiển {', '.join(found)}; "
            "hãy xem lại chỗ này (có thể là chỗ xuống dòng hoặc ngắt trang bị dán vào).",
        )
        raw = _CONTROL.sub(" ", raw)
    odd = sorted({chars.describe(ch) for ch in _INVISIBLE.findall(raw) if ch not in _HARMLESS})
    if odd:
        notes.needs_look(where, f"đã xóa ký tự vô hình {', '.join(odd)}; hãy xem lại chỗ này.")
    raw = _INVISIBLE.sub("", raw)
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Line breaks inside a cell become spaces (a cell wrapped by hand is still one value)."""
    return " ".join(text.split())


def recase(caps: str, sources: list[str]) -> str:
    """A title typed in capitals, in the casing its words have elsewhere in the document."""
    seen: dict[str, dict[str, int]] = {}
    for text in sources:
        for sentence in re.split(r"(?<=[.:;!?])\s+|\n", text):
            for word in re.findall(r"\w+", sentence)[1:]:
                counts = seen.setdefault(word.lower(), {})
                counts[word] = counts.get(word, 0) + 1

    def pick(m: re.Match[str]) -> str:
        word = m.group()
        if any(ch.isdigit() for ch in word):
            return word
        counts = seen.get(word.lower())
        return max(counts, key=lambda w: counts[w]) if counts else word.lower()

    out = re.sub(r"\w+", pick, caps)
    return out[:1].upper() + out[1:]


def mojibake(text: str) -> str | None:
    """A snippet around text that looks like TCVN3/VNI read as Unicode, or None."""
    m = _MOJIBAKE.search(text)
    if m is None:
        return None
    start = max(0, m.start() - 15)
    return text[start : m.end() + 15].replace("\n", " ")


def is_legacy_font(name: str) -> bool:
    """`.VnTime`, `.VnTimeH`, `.VnArial`… (TCVN3/ABC) and `VNI-Times`… (VNI)."""
    return font_encoding(name) is not None


def convert_encoding(raw: str, fonts: set[str], where: str, notes: Notes) -> str:
    """`raw` in Unicode: text in a TCVN3/VNI font, or that reads as such, is converted
    (kehoach.legacy) and listed for a human to check; anything else is returned as it was."""
    legacy = sorted(f for f in fonts if is_legacy_font(f))
    conv = convert(raw, legacy[0] if legacy else None)
    if conv.changed:
        how = f"phông {', '.join(legacy)}" if conv.by_font else "chữ trông như mã cũ"
        notes.needs_look(
            where,
            f"đã chuyển mã {conv.encoding} → Unicode ({how}): «{one_line(conv.text)[:60]}»; hãy xem lại chữ đã chuyển.",
        )
        return conv.text
    snippet = mojibake(raw)
    if snippet:
        notes.needs_look(
            where,
            f"chữ trông như mã TCVN3/VNI bị đọc sai («{snippet}») nhưng không chuyển được chắc chắn; "
            "hãy chuyển mã văn bản gốc sang Unicode rồi nhập lại.",
        )
    return raw
