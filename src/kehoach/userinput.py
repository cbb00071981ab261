"""Values as staff type them (in a terminal, an option or an Excel cell) → entry values.

Lenient only where the reading is unambiguous: statuses by code or Vietnamese
label in any case, task ids in any case, dates as 2026-05-20 or 20/05/2026,
numbers with a decimal comma ("92,5"). Anything else raises ValueError with a
Vietnamese reason; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from kehoach.vocab import ENTRY_STATUS

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
_PLAIN = re.compile(r"(?P<int>[+-]?\d+)(?:[.,](?P<frac>\d+))?\Z")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:\.\d{3}){2,})\Z")  # 1.500,5 or 1.500.000
_SPACES = re.compile(r"[ \u00a0\u202f]")


def fold(text: str) -> str:
    """For comparing what was typed with a code or label: NFC, case and surrounding blanks ignored."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def status_code(text: str) -> str | None:
    """`in_progress`, `IN_PROGRESS`, `Đang thực hiện`, `đang thực hiện` → in_progress; else None."""
    key = fold(text)
    for code, label in ENTRY_STATUS.items():
        if key in (code, fold(label)):
            return code
    return None


def status_help() -> str:
    return ", ".join(f"“{label}” ({code})" for code, label in ENTRY_STATUS.items())


def task_id(text: str, ids: Iterable[str]) -> str | None:
    """`ii.c.6` → `II.C.6` when that task exists; else None."""
    key = fold(text)
    return next((i for i in ids if fold(i) == key), None)


def parse_date(text: str) -> dt.date:
    """2026-05-20 or 20/05/2026 (day first, as written in Vietnamese documents)."""
    s = text.strip()
    m = _ISO.match(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.match(s):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        raise ValueError(f"ngày «{s}» không đúng dạng; hãy viết 2026-05-20 hoặc 20/05/2026")
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise ValueError(f"ngày «{s}» không có trong lịch") from None


def parse_number(text: str) -> float:
    """92.5, 92,5, 1500, 1 500, 1.500.000 and 1.500,5 (Vietnamese grouping); 1,500 and 1.500 are
    refused: a thousand and five hundred, or one and a half?"""
    s = _SPACES.sub("", text.strip()).removesuffix("%")
    if _GROUPED.match(s):
        return whole(float(s.replace(".", "").replace(",", ".")))
    m = _PLAIN.match(s)
    if m is None:
        raise ValueError(f"«{text.strip()}» không phải là một số; hãy viết ví dụ 92,5 hoặc 1500")
    if m["frac"] is not None and len(m["frac"]) == 3 and m["int"].lstrip("+-") not in ("0", ""):
        raise ValueError(f"số «{text.strip()}» không rõ: một nghìn năm trăm hay một phẩy năm? Hãy viết 1500 hoặc 1,5")
    return whole(float(s.replace(",", ".")))


def whole(value: float) -> float:
    """3.0 → 3: a count typed as `3` is written `value: 3`, not `value: 3.0`."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _parts(text: str, n: int, what: str, shape: str) -> list[str]:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) != n:
        raise ValueError(f"{what} phải có đúng {n} phần cách nhau bằng “|”: {shape} (ô không có thì để trống)")
    return parts


def parse_output(text: str) -> dict[str, object]:
    """`LOẠI|SỐ KÝ HIỆU|YYYY-MM-DD|TRÍCH YẾU` → an output; the number and the date may be left empty."""
    kind, number, date, title = _parts(text, 4, "văn bản", "LOẠI|SỐ KÝ HIỆU|YYYY-MM-DD|TRÍCH YẾU")
    if not kind or not title:
        raise ValueError("văn bản phải có loại (ví dụ Báo cáo) và trích yếu")
    out: dict[str, object] = {"kind": kind}
    if number:
        out["number"] = number
    if date:
        out["date"] = parse_date(date).isoformat()
    out["title"] = title
    return out


def parse_indicator(text: str) -> dict[str, object]:
    """`TÊN|GIÁ TRỊ|ĐƠN VỊ` → an indicator; the unit may be left empty."""
    name, value, unit = _parts(text, 3, "chỉ tiêu", "TÊN|GIÁ TRỊ|ĐƠN VỊ")
    if not name or not value:
        raise ValueError("chỉ tiêu phải có tên và giá trị")
    out: dict[str, object] = {"name": name, "value": parse_number(value)}
    if unit:
        out["unit"] = unit
    return out
