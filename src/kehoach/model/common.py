"""Shared field types: strict, NFC text; ISO dates read from text; the base model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from kehoach import chars

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
REFUSED_CONTROL = chars.REFUSED
"""Characters refused in data files and in values (kehoach.chars): C0/C1 controls but tab
and line breaks, Unicode line/paragraph separators, every Unicode format character (Cf)."""


class Strict(BaseModel):
    """Unknown keys are errors; nothing is coerced; instances are immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


def _nfc(value: str) -> str:
    if not unicodedata.is_normalized("NFC", value):
        raise PydanticCustomError("kh_nfd", "chữ ở dạng tổ hợp (NFD); hãy chuyển sang NFC")
    if not value.strip():
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


Text = Annotated[str, AfterValidator(_nfc)]
"""Non-empty NFC text."""

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
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
