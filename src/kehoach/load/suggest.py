"""Exact corrected values for mistakes we can recognise, in the field's own terms.

Used only when a problem is reported (the error path), so nothing here costs
anything while validating good files. Every suggestion is a value that the same
rule accepts, so a message can say "hãy sửa thành …" and mean it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from kehoach import winnames
from kehoach.vocab import ENTRY_STATUS, LEAD_SHORT

NUMBER_KEYS = frozenset({"value", "start", "end", "month", "day"})
"""Keys whose values are numbers in every model (indicator value, timeline years, day and month)."""

BOOL_KEYS = frozenset({"continuing"})

LONGEST = 80
"""Longer words are compared with nothing: no code or key is that long (and it bounds the work)."""

_YES = {"y", "yes", "on"}
_NO = {"n", "no", "off"}


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d), single spaces: for comparing what staff type."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())


_STATUS_WORDS = {fold(label): code for code, label in ENTRY_STATUS.items()} | {
    fold(short): code for code, short in LEAD_SHORT.items() if code in ENTRY_STATUS
}
_STATUS_WORDS |= {fold(w): "done" for w in ("hoàn thành", "đã xong")}
_STATUS_WORDS |= {fold(w): "not_started" for w in ("chưa thực hiện", "chưa bắt đầu")}


def choice(value: object, allowed: Iterable[str]) -> str | None:
    """The allowed code a wrongly written choice means: `"Đang thực hiện"` → `in_progress`,
    `"Chi cục"` → `chi_cuc`, `"DONE"` → `done`."""
    if not isinstance(value, str):
        return None
    options = list(allowed)
    folded = fold(value)
    for option in options:
        if fold(option) == folded:
            return option
    word = _STATUS_WORDS.get(folded)
    return word if word in options else None


_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?\Z")
_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+\Z")
_PLAIN_NUMBER = re.compile(r"([-+]?)([0-9]+)(\.[0-9]+)?\Z")


def number(value: object) -> str | None:
    """The number as YAML wants it: `"92,5"` → `92.5`, `"1.500"` → `1500`, `"010"` → `10`."""
    if not isinstance(value, str) or len(value) > LONGEST:
        return None
    text = re.sub(r"(?<=[0-9])[ \u00a0](?=[0-9]{3}\b)", "", value.strip())
    if _THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _COMMA.match(text):
        text = text.replace(",", ".")
    m = _PLAIN_NUMBER.match(text)
    if m is None:
        return None
    sign = "-" if m[1] == "-" else ""
    return f"{sign}{m[2].lstrip('0') or '0'}{m[3] or ''}"


def boolean(value: str) -> str | None:
    low = value.lower()
    return "true" if low in _YES else "false" if low in _NO else None


_DMY = re.compile(
    r"\s*(?:ngày\s+)?(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})\s*\Z", re.I
)
_YMD = re.compile(r"\s*(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:[ T][0-9:.+Z-]*)?\s*\Z")


def iso_date(value: object) -> tuple[str, str] | None:
    """(YYYY-MM-DD, the date in words) for a date written another way: `20/11/2026`,
    `20-11-2026`, `20.11.2026`, `ngày 20 tháng 11 năm 2026` (day first, as Vietnamese
    write it), `2026/11/20`, `2026-5-20`. None when it names no real date."""
    if not isinstance(value, str) or len(value) > LONGEST:  # no date is longer; the patterns are quadratic
        return None
    if m := _DMY.match(value):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _YMD.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat(), f"ngày {day} tháng {month} năm {year}"


def code(value: object, pattern: str) -> str | None:
    """A unit or task code in the wrong case or with stray spaces → the code (`" qlmt"` → `QLMT`,
    `"ii.c. 6"` → `II.C.6`), when the result has the code's form."""
    if not isinstance(value, str):
        return None
    fixed = "".join(value.split()).upper()
    if winnames.device(fixed):  # ` nul` → NUL would only trade this error for KH240
        return None
    return fixed if fixed != value and re.match(pattern, fixed) else None


def distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbours as one edit (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near(value: str, candidates: Iterable[str]) -> list[str]:
    """Candidates one edit away from `value` (ignoring case and spaces first), closest first."""
    options = sorted(set(candidates))
    squashed = "".join(value.split()).casefold()
    if len(squashed) > LONGEST:
        return []
    same = [c for c in options if c.casefold() == squashed]
    if same:
        return same[:1]
    return [c for c in options if distance(squashed, c.casefold()) == 1]


def did_you_mean(value: str, candidates: Iterable[str], limit: int = 3) -> str:
    """` ý bạn là `X`?` for at most `limit` near-miss candidates; empty if none (or too many)."""
    found = near(value, candidates)
    if not found or len(found) > limit:
        return ""
    return " Ý bạn là " + " hay ".join(f"`{c}`" for c in found) + "?"


def close_key(key: str, fields: dict[str, str | None]) -> str | None:
    """The allowed key a misspelt one means: by spelling (`sumary`, `Status`) or by the
    field's Vietnamese title (`tình trạng` → `status`)."""
    folded = fold(key)
    if len(folded) > LONGEST:
        return None
    for name, title in fields.items():
        if folded in (fold(name), fold(title or "\0")):
            return name
    scored = sorted((distance(folded, fold(name)), name) for name in fields)
    if scored and scored[0][0] <= max(1, len(key) // 4) and (len(scored) == 1 or scored[1][0] > scored[0][0]):
        return scored[0][1]
    return None
