"""Legacy Vietnamese encodings → Unicode: TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Times …).

Office keeps such text as the Latin-1 characters of the old bytes ("Céng hßa" for
"Cộng hòa"); the font name says which table applies. Without a font, the text
itself decides: it is converted only if it has characters Vietnamese never uses
and one table turns it into plausible Vietnamese syllables. Used by import-docx
and import-xlsx; every conversion is reported for a human to look at.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["TCVN3", "VNI"]

# TCVN3 (TCVN 5712:1993, VN3 "ABC"): the Latin-1 code point of each byte → the letter.
# Capital letters with a tone mark have no code of their own: the caps fonts
# (.VnTimeH, .VnArialH …) draw the lowercase codes as capitals.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# VNI Windows: a base letter followed by a mark character; a few letters are one character.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS = {
    "ù": _ACUTE,
    "ø": _GRAVE,
    "û": _HOOK,
    "õ": _TILDE,
    "ï": _DOT,
    "â": _CIRC,
    "á": _CIRC + _ACUTE,
    "à": _CIRC + _GRAVE,
    "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE,
    "ä": _CIRC + _DOT,
    "ê": _BREVE,
    "é": _BREVE + _ACUTE,
    "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_BREVE_BASES = "aA"
_CIRC_BASES = "aeoAEO"


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for case in (str.lower, str.upper):
        for mark_char, marks in _VNI_MARKS.items():
            for base in "aeiouyôö":
                if (_BREVE in marks and base not in _BREVE_BASES) or (_CIRC in marks and base not in _CIRC_BASES):
                    continue
                letter = _VNI_SINGLE.get(base, base)
                table[case(base) + case(mark_char)] = unicodedata.normalize("NFC", case(letter) + marks)
        for src, dst in _VNI_SINGLE.items():
            table[case(src)] = case(dst)
    return table


VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
_TCVN3_RE = re.compile("[" + re.escape("".join(TCVN3)) + "]")

_LEGACY_FONT = re.compile(r"^\s*(?P<tcvn>\.vn\w*)|^\s*(?P<vni>vni[- _]\w*)", re.I)
# Latin-1 signs Vietnamese never uses; ° ² ³ stay out (25°C, m²).
_ODD = set("¡¢£¤¥¦§¨©ª«¬®¯±´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñöøûüþÿ")


def font_encoding(font: str | None) -> tuple[Encoding, bool] | None:
    """(encoding, caps font) for `.VnTime`, `.VnTimeH`, `.VnArial` … and `VNI-Times` …; else None."""
    m = _LEGACY_FONT.match(font or "")
    if m is None:
        return None
    if m["tcvn"]:
        return "TCVN3", m["tcvn"].lower().endswith("h")
    return "VNI", False


def from_tcvn3(text: str, caps: bool = False) -> str:
    out = _TCVN3_RE.sub(lambda m: TCVN3[m.group()], text)
    return out.upper() if caps else out


def from_vni(text: str) -> str:
    return _VNI_RE.sub(lambda m: VNI[m.group()], text)


# A rough Vietnamese syllable: onset, vowel nucleus, coda (tone marks removed first).
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?:a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oai|oao|oay|oe|oi|ôi|ơi|oo|"
    r"ua|uâ|uây|uê|ui|uô|uôi|uơ|uy|uya|uyê|uyu|ưa|ưi|ươ|ươi|ươu|ưu|yê|yêu|iêu|uê|oeo|uyê)"
    r"(?:ch|ng|nh|[cmnpt])?\Z"
)
_TONES = dict.fromkeys(map(ord, _ACUTE + _GRAVE + _HOOK + _TILDE + _DOT))


def _plain(word: str) -> str:
    """A word without its tone mark, keeping ă â ê ô ơ ư đ."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONES))


def plausibility(text: str) -> float:
    """Share of the words with letters that read as Vietnamese syllables (0 when there are none)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1 or not w.isascii()]
    if not words:
        return 0.0
    return sum(bool(_SYLLABLE.match(_plain(w))) for w in words) / len(words)


def looks_legacy(text: str) -> bool:
    """Has characters Vietnamese never uses, or a capital with a mark inside a lowercase word."""
    return any(c in _ODD for c in text) or bool(re.search(r"[a-z][ÂÊÔÀ-ÝƠƯ][a-z]", text))


def _beyond_latin1(text: str) -> bool:
    return any(ord(c) > 0xFF for c in text)


@dataclass(frozen=True)
class Conversion:
    text: str
    encoding: Encoding | None = None
    by_font: bool = False

    @property
    def changed(self) -> bool:
        return self.encoding is not None


def convert(text: str, font: str | None = None) -> Conversion:
    """`text` in Unicode: converted by the font's table, or by the table the text itself
    points to; unchanged (encoding None) when it does not look legacy-encoded. Text with a
    character beyond Latin-1 (ư, ạ, …) is Unicode whatever its font says: never converted."""
    known = font_encoding(font)
    if known is not None and not _beyond_latin1(text):  # legacy bytes are all Latin-1: else it is Unicode already
        enc, caps = known
        out = from_tcvn3(text, caps) if enc == "TCVN3" else from_vni(text)
        return Conversion(out, enc, True) if out != text else Conversion(text)
    if not looks_legacy(text):
        return Conversion(text)
    base = plausibility(text)
    tables: tuple[tuple[Encoding, str], ...] = (("TCVN3", from_tcvn3(text)), ("VNI", from_vni(text)))
    candidates = [(plausibility(t), enc, t) for enc, t in tables]
    score, enc, out = max(candidates, key=lambda c: c[0])
    if score <= base or out == text or any(c in _ODD for c in out):
        return Conversion(text)
    return Conversion(out, enc, False)
