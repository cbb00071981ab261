"""Text hygiene: NFC, stray control characters, legacy Vietnamese encodings.

`read` replaces control characters that XML forbids (a vertical tab pasted
from Word, NUL, form feed) by private-use markers U+E000+code before parsing,
so they survive to here and can be reported with where they were.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.docximport.notes import Notes

MARK_BASE = 0xE000
_NAMES = {0x00: "NUL", 0x0B: "U+000B (tab dọc, do Shift+Enter khi dán từ Word)", 0x0C: "U+000C (ngắt trang)"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\ue01f]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Latin-1 letters and signs that Vietnamese never uses; TCVN3 (.VnTime) text read
# as Unicode is full of them ("Céng hßa X· héi"). °, ², ³ are left out (25°C, m²).
_ODD = "¡¢£¤¥¦§¨©ª«¬®¯±´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñöøûüþÿ"
_MOJIBAKE = re.compile(rf"[A-Za-z][{_ODD}]|[{_ODD}][A-Za-z]|[a-z][ÂÊÔÀ-ÝƠƯ][a-z]")
_LEGACY_FONT = re.compile(r"^\s*(\.vn|vni[- _])", re.I)


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
    return bool(_LEGACY_FONT.match(name))


def check_encoding(text: str, fonts: set[str], where: str, notes: Notes) -> None:
    legacy = sorted(f for f in fonts if is_legacy_font(f))
    if legacy:
        kind = "VNI" if any(f.lower().startswith("vni") for f in legacy) else "TCVN3 (ABC)"
        notes.needs_look(
            where,
            f"chữ dùng phông {', '.join(legacy)} — mã cũ {kind}, không phải Unicode "
            f"(«{text[:40]}»); hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.",
        )
        return
    snippet = mojibake(text)
    if snippet:
        notes.needs_look(
            where,
            f"chữ trông như mã TCVN3/VNI bị đọc sai («{snippet}»); "
            "hãy chuyển mã văn bản gốc sang Unicode rồi nhập lại.",
        )
