"""Shared field types: strict, NFC text; ISO dates read from text; the base model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kehoach import chars

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


Text = Annotated[
    str,
    AfterValidator(_nfc),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": TEXT_PATTERN,
            "patternErrorMessage": "Không được để trống, không có ký tự điều khiển (thường do dán từ Word).",
        }
    ),
]
"""Non-empty NFC text."""

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

UnitCode = Annotated[
    str, Field(pattern=r"^[A-Z][A-Z0-9]{1,15}$", description="Mã đơn vị: chữ in hoa không dấu, ví dụ QLMT.")
]

TaskId = Annotated[
    str,
    Field(
        pattern=r"^I{1,3}(\.[A-ZĐ])?\.[1-9][0-9]?$",
        description="Số hiệu nhiệm vụ trong Phụ lục, ví dụ I.1, II.C.6, II.Đ.1.",
    ),
]
