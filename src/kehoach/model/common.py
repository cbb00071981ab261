"""Shared field types: strict, NFC text; ISO dates read from text; the base model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kehoach import chars, winnames

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
REFUSED_CONTROL = chars.REFUSED
"""Characters refused in data files and in values (kehoach.chars): C0/C1 controls but tab
and line breaks, Unicode line/paragraph separators, every Unicode format character (Cf)."""
_BLANK = re.compile(r"[\s\ufeff]*\Z")
"""Blank text: Unicode white space and the BOM, the same set as JSON Schema's (ECMAScript's) `\\s`."""


def _ecma_class_body(members: str) -> str:
    """A character-class body (`a-z…`, raw characters) as ECMAScript escapes for JSON Schema.
    Ranges beyond the Basic Multilingual Plane cannot be written there without the `u` flag
    and are left out (the CLI still refuses them)."""
    out, i = [], 0
    while i < len(members):
        lo = hi = members[i]
        if i + 2 < len(members) and members[i + 1] == "-":
            hi, i = members[i + 2], i + 3
        else:
            i += 1
        if ord(lo) > 0xFFFF:
            continue
        hi = chr(min(ord(hi), 0xFFFF))
        out.append(f"\\u{ord(lo):04x}" + (f"-\\u{ord(hi):04x}" if hi != lo else ""))
    return "".join(out)


_REFUSED_ECMA = _ecma_class_body(REFUSED_CONTROL[1:-1])
_NOT_REFUSED = f"[^{_REFUSED_ECMA}\\r]"
TEXT_PATTERN = f"^{_NOT_REFUSED}*[^{_REFUSED_ECMA}\\r\\s\\ufeff]{_NOT_REFUSED}*$"
"""The JSON Schema form of `Text`: not blank, no refused control character (NFC cannot be said there)."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Strict(BaseModel):
    """Unknown keys are errors; nothing is coerced; instances are immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


def _nfc(value: str) -> str:
    if not unicodedata.is_normalized("NFC", value):
        raise PydanticCustomError("kh_nfd", "chữ ở dạng tổ hợp (NFD); hãy chuyển sang NFC")
    if _BLANK.match(value):
        raise PydanticCustomError("kh_blank", "không được để trống")
    if not value.isprintable() and (m := chars.find_refused(value, cr=True)):  # isprintable: the quick common case
        raise PydanticCustomError("kh_control", "{what}", {"what": chars.refusal(m.group())})
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("kh_date_format", "ngày phải viết dạng YYYY-MM-DD, ví dụ 2026-05-20")
    if not _ISO_DATE.match(value):
        raise PydanticCustomError(
            "kh_date_format", "ngày `{value}` không đúng dạng YYYY-MM-DD (ví dụ 2026-05-20)", {"value": value}
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "kh_date_invalid", "ngày `{value}` không tồn tại trong lịch", {"value": value}
        ) from None


_TEXT_SCHEMA = {
    "type": "string",
    "pattern": TEXT_PATTERN,
    "patternErrorMessage": "Không được để trống, không có ký tự điều khiển (thường do dán từ Word).",
}

Text = Annotated[str, AfterValidator(_nfc), WithJsonSchema(_TEXT_SCHEMA)]
"""Non-empty NFC text."""


def _not_device(value: object) -> object:
    """Refuse a name Windows keeps for a device (kehoach.winnames): a unit code names a file and a
    folder. Run before the code's pattern, so that `nul` or `COM¹` hear this reason, not only the
    spelling rule (load/schema_errors.py words the message for the place it is written)."""
    if isinstance(value, str) and (device := winnames.device(value)) is not None:
        raise PydanticCustomError(
            "kh_windows_name",
            "`{value}` là tên thiết bị Windows dành riêng ({device}): Windows không tạo được tệp hay thư mục "
            "tên này; hãy chọn mã khác",
            {"value": value, "device": device},
        )
    return value


NOT_DEVICE = {
    "not": {
        "pattern": winnames.DEVICE_PATTERN,
        "description": f"Tên thiết bị Windows dành riêng ({winnames.SHOWN}): không thể là tên tệp hay thư mục.",
    }
}
"""The JSON Schema form of `_not_device`."""

IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "patternErrorMessage": "Ngày viết dạng NĂM-THÁNG-NGÀY, ví dụ 2026-05-20.",
        }
    ),
]
"""A real calendar date written YYYY-MM-DD."""

UNIT_CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,15}$"
UnitCode = Annotated[
    str,
    BeforeValidator(_not_device),
    Field(pattern=UNIT_CODE_PATTERN),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": UNIT_CODE_PATTERN,
            "description": "Mã đơn vị: chữ in hoa không dấu, ví dụ QLMT.",
        }
        | NOT_DEVICE
    ),
]
"""A unit's code; it names units/<CODE>.yaml and progress/<CODE>/, so no Windows device name."""

Coordinator = Annotated[
    str, AfterValidator(_nfc), AfterValidator(_not_device), WithJsonSchema(_TEXT_SCHEMA | NOT_DEVICE)
]
"""A coordinating body: a unit code or the plan's generic phrase (checked across files), never a
Windows device name."""

TaskId = Annotated[
    str,
    Field(
        pattern=r"^I{1,3}(\.[A-ZĐ])?\.[1-9][0-9]?$",
        description="Số hiệu nhiệm vụ trong Phụ lục, ví dụ I.1, II.C.6, II.Đ.1.",
    ),
]
