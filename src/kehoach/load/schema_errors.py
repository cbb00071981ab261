"""Pydantic validation errors → Problems with Vietnamese messages and exact positions."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kehoach.load.yamlsafe import locate
from kehoach.problems import Problem, make

_TYPE_NAMES = {
    "string_type": "chữ (văn bản)",
    "int_type": "số nguyên",
    "float_type": "số",
    "bool_type": "true hoặc false",
    "list_type": "danh sách (các dòng bắt đầu bằng `- `)",
    "model_type": "nhóm khóa: giá trị",
    "dict_type": "nhóm khóa: giá trị",
    "model_attributes_type": "nhóm khóa: giá trị",
    "date_type": "ngày dạng YYYY-MM-DD",
}
_CUSTOM = {"kh_date_format": "KH024", "kh_date_invalid": "KH025", "kh_nfd": "KH004", "kh_control": "KH003"}


def _describe(value: object) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai `{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"số `{value}`"
    if isinstance(value, str):
        return f"chữ `{value[:40]}`"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm khóa: giá trị"
    return type(value).__name__


def _field(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc).replace(".[", "[") or "tệp"


def problems_from(exc: ValidationError, text: str, path: str) -> list[Problem]:
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind = err["type"]
        name = _field(loc)
        value = err.get("input")
        if kind == "missing":
            line, col = locate(text, loc[:-1], key=True) if loc[:-1] else (1, 1)
            out.append(
                make(
                    "KH021",
                    path,
                    line,
                    col,
                    f"thiếu khóa bắt buộc `{loc[-1]}`{_under(loc[:-1])}; hãy thêm dòng `{loc[-1]}: …`.",
                )
            )
        elif kind == "extra_forbidden":
            line, col = locate(text, loc, key=True)
            out.append(
                make(
                    "KH020",
                    path,
                    line,
                    col,
                    f"khóa `{loc[-1]}` không được phép{_under(loc[:-1])}; kiểm tra lỗi chính tả "
                    "hoặc xem danh sách khóa trong README.",
                )
            )
        elif kind in _TYPE_NAMES:
            line, col = locate(text, loc)
            hint = " Nếu là chữ, hãy đặt trong dấu nháy kép." if kind == "string_type" and value is not None else ""
            out.append(
                make(
                    "KH022",
                    path,
                    line,
                    col,
                    f"`{name}` phải là {_TYPE_NAMES[kind]}, nhưng đang là {_describe(value)}.{hint}",
                )
            )
        elif kind in _CUSTOM:
            line, col = locate(text, loc)
            out.append(make(_CUSTOM[kind], path, line, col, f"`{name}`: {err['msg']}."))
        elif kind == "literal_error":
            line, col = locate(text, loc)
            allowed = err.get("ctx", {}).get("expected", "")
            out.append(
                make(
                    "KH023",
                    path,
                    line,
                    col,
                    f"`{name}` không nhận giá trị {_describe(value)}; chỉ nhận: {allowed.replace(' or ', ', ')}.",
                )
            )
        elif kind == "string_pattern_mismatch":
            line, col = locate(text, loc)
            out.append(
                make(
                    "KH023",
                    path,
                    line,
                    col,
                    f"`{name}` có {_describe(value)} không đúng dạng; {_PATTERN_HINTS.get(str(loc[-1]), 'xem README')}.",
                )
            )
        else:
            line, col = locate(text, loc)
            msg = err["msg"].removeprefix("Value error, ")
            out.append(make("KH023", path, line, col, f"`{name}`: {_translate(kind, msg, err.get('ctx', {}))}."))
    return out


_PATTERN_HINTS = {
    "task": "số hiệu nhiệm vụ viết như trong Phụ lục, ví dụ I.1, II.C.6, II.Đ.1",
    "unit": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "lead": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "id": "số hiệu nhiệm vụ viết như trong Phụ lục, ví dụ I.1, II.C.6",
    "code": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "focal_unit": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "reviewers": "tên tài khoản chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, ví dụ nguyenvana",
}


def _under(parent: tuple[str | int, ...]) -> str:
    return f" trong `{_field(parent)}`" if parent else ""


def _translate(kind: str, msg: str, ctx: dict[str, Any]) -> str:
    if kind in ("greater_than_equal", "greater_than"):
        return f"giá trị phải từ {ctx.get('ge', ctx.get('gt'))} trở lên"
    if kind in ("less_than_equal", "less_than"):
        return f"giá trị phải không quá {ctx.get('le', ctx.get('lt'))}"
    if kind == "too_short":
        return "danh sách không được để trống"
    if kind == "finite_number":
        return "phải là một số hữu hạn"
    if kind == "kh_blank":
        return "không được để trống"
    return msg
