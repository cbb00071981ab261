"""Shared field types: strict, NFC text; ISO dates read from text; the base model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
REFUSED_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
"""Characters refused in data files and in values: C0/C1 controls but tab and line
breaks, Unicode line/paragraph separators, BiDi embedding and isolate controls."""
_CONTROL = re.compile(REFUSED_CONTROL + r"|\r")  # in a value even CR is refused (files may use CRLF)
_BLANK = re.compile(r"[\s\ufeff]*\Z")
"""Blank text: Unicode white space and the BOM, the same set as JSON Schema's (ECMAScript's) `\\s`."""

_NOT_REFUSED = "[^" + REFUSED_CONTROL[1:-1] + r"\r]"
TEXT_PATTERN = f"^{_NOT_REFUSED}*[^{REFUSED_CONTROL[1:-1]}\\r\\s\\ufeff]{_NOT_REFUSED}*$"
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
    if m := _CONTROL.search(value):
        raise PydanticCustomError(
            "kh_control",
            "có ký tự điều khiển U+{code} (thường do dán từ Word); hãy xóa nó",
            {"code": f"{ord(m.group()):04X}"},
        )
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
