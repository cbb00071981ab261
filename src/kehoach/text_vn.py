"""Vietnamese formats for official documents: dates, numbers, document numbers, safe text.

Neutral: compute (the data templates read) and render (tables, documents) both use it;
it raises nothing a user causes.

Rules from ND 30/2020 (see shared docs): day below 10 and months 1–2 take a
leading zero ("ngày 05 tháng 01 năm 2026", "ngày 29 tháng 6 năm 2026");
thousands dot and decimal comma ("1.500,5"); percent without a space ("92,5%").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from kehoach import chars

ELLIPSIS = "…"
BLANK_NUMBER = "      "  # room to write the number by hand when none is assigned
LINE_BREAK = "\u2028"  # a line break inside one paragraph (see render/docx_build.py)
_CONTROL = re.compile(f"[{chars.CONTROL}{chars.FORMAT}\ue000-\uf8ff]")  # controls, invisible, private use
_MANY_BREAKS = re.compile(r"\n\s*\n+")


def _day_month(d: dt.date) -> tuple[str, str]:
    """ND 30: a day below 10 and the months 1 and 2 take a leading zero; other months do not."""
    return f"{d.day:02d}", (f"{d.month:02d}" if d.month <= 2 else str(d.month))


def ngay_thang(d: dt.date) -> str:
    """`ngày 05 tháng 3 năm 2026`."""
    day, month = _day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def ngay_ngan(d: dt.date) -> str:
    """`05/6/2026`, `10/12/2025`: the short form used inside a sentence, same padding rule."""
    day, month = _day_month(d)
    return f"{day}/{month}/{d.year}"


def so(value: float | int) -> str:
    """`1.500`, `1.500,5`, `0,001`, `-3,25`: thousands dot, decimal comma, the digits as written."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    out = f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")
    return (sign if out.strip("0.,") else "") + out


def so_luong(value: float | int, unit: str | None) -> str:
    """A value with its unit: `92,5%` (no space before %), `1.500 tấn`."""
    if not unit:
        return so(value)
    return so(value) + unit if unit == "%" else f"{so(value)} {unit}"


def so_ky_hieu(number: int | str | None, code: str, *, blank: str = ELLIPSIS) -> str:
    """`05/BC-SNNMT` (below 10 zero-padded); `…/BC-SNNMT` when no number is assigned."""
    if number is None:
        return f"{blank}/{code}"
    n = str(number).strip()
    return f"{int(n):02d}/{code}" if n.isdigit() else f"{n}/{code}"


def so_line(number: int | str | None, code: str) -> str:
    """The header's `Số: 05/BC-SNNMT`, or `Số:      /BC-SNNMT` to be filled by hand."""
    return "Số: " + so_ky_hieu(number, code, blank=BLANK_NUMBER) if number is not None else f"Số:{BLANK_NUMBER}/{code}"


def clean(text: str | None) -> str:
    """User text made safe for a document: NFC, CRLF/CR → LF, no control characters,
    no empty lines, no trailing spaces. `& < >` stay as they are (python-docx escapes XML)."""
    if text is None:
        return ""
    if text.isprintable() and unicodedata.is_normalized("NFC", text):  # no breaks, controls, private use
        return text.strip()
    t = unicodedata.normalize("NFC", str(text))
    if not t.replace("\n", " ").isprintable():  # else there is no CR, tab or invisible character to remove
        t = t.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        t = _CONTROL.sub("", t).replace(LINE_BREAK, "\n")
    t = _MANY_BREAKS.sub("\n", t)
    return "\n".join(line.rstrip() for line in t.strip().split("\n"))


def one_line(text: str | None) -> str:
    """`clean` text with its line breaks kept as in-paragraph breaks (one markup line)."""
    if text is not None and text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text.strip()  # clean's own shortcut, taken here without a call: every value a template prints
    return clean(text).replace("\n", LINE_BREAK)
