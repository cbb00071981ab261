"""Pydantic validation errors → Problems with Vietnamese messages and exact positions.

Each message names the field in words and by path ("chỉ tiêu thứ 1, `value`") and,
when the mistake is recognisable, the exact line to type ("hãy sửa thành
`status: "in_progress"`"). Only reached for files that fail validation.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kehoach import winnames
from kehoach.layout import ENTRY_NAME
from kehoach.load import suggest
from kehoach.load.yamlsafe import locate
from kehoach.model.common import UNIT_CODE_PATTERN
from kehoach.model.fields import fields
from kehoach.problems import Problem, make

_TYPE_NAMES = {
    "string_type": "chữ (văn bản)",
    "int_type": "số nguyên",
    "int_from_float": "số nguyên",
    "float_type": "số",
    "bool_type": "true hoặc false",
    "list_type": "danh sách (các dòng bắt đầu bằng `- `)",
    "model_type": "nhóm khóa: giá trị",
    "dict_type": "nhóm khóa: giá trị",
    "model_attributes_type": "nhóm khóa: giá trị",
    "date_type": "ngày dạng YYYY-MM-DD",
}
_NUMBER_TYPES = frozenset({"int_type", "int_from_float", "float_type"})
Loc = tuple[Any, ...]
Missing = dict[Loc, set[Any]]

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


def _path(loc: Loc) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc).replace(".[", "[") or "tệp"


def _lower(title: str) -> str:
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    """The model whose fields sit at `loc` (None where the path leaves the models)."""
    for part in loc:
        if model is None:
            return None
        if isinstance(part, str):
            model = fields(model).get(part, (None, False))[0]
    return model


def _name(model: type[BaseModel] | None, loc: Loc) -> str:
    """The field in words and by path: "`status` (tình trạng)", "chỉ tiêu thứ 1, `value` (`indicators[1].value`)"."""
    if not loc:
        return "tệp"
    words: list[str] = []
    here = model
    listed: str | None = None  # the title of the list an index is in
    for i, part in enumerate(loc):
        if isinstance(part, int):
            title = here.model_config.get("title") if here is not None else listed
            words.append(f"{_lower(title)} thứ {part + 1}" if title else f"mục thứ {part + 1}")
            continue
        info = here.model_fields.get(part) if here is not None else None
        listed = info.title if info is not None else None
        last = i == len(loc) - 1
        if last:
            title = f" ({_lower(info.title)})" if info is not None and info.title and len(loc) == 1 else ""
            words.append(f"`{part}`{title}")
        elif not (i + 1 < len(loc) and isinstance(loc[i + 1], int)):
            words.append(_lower(info.title) if info is not None and info.title else f"`{part}`")
        here = fields(here).get(part, (None, False))[0] if here is not None else None
    said = ", ".join(words)
    return said if len(loc) == 1 else f"{said} (`{_path(loc)}`)"


def _source(text: str, line: int, col: int) -> str:
    """The plain value as written at (line, col), without a trailing comment."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    rest = lines[line - 1][col - 1 :]
    return re.split(r"\s+#", rest, maxsplit=1)[0].strip()


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _line(loc: Loc, value: str) -> str:
    """What to type: `key: value` for a key, just the value for an item of a list."""
    key = loc[-1] if loc else None
    return f"`{key}: {value}`" if isinstance(key, str) else f"`{value}`"


def problems_from(exc: ValidationError, text: str, path: str, model: type[BaseModel] | None = None) -> list[Problem]:
    errors = exc.errors(include_url=False)
    missing: Missing = {}  # parent -> missing keys, to pair with misspelt extra keys
    for e in errors:
        if e["type"] == "missing":
            missing.setdefault(tuple(e["loc"][:-1]), set()).add(e["loc"][-1])
    extra = {tuple(e["loc"]) for e in errors if e["type"] == "extra_forbidden"}
    return [_one(err, text, path, model, missing, extra) for err in errors]


def _one(
    err: ErrorDetails, text: str, path: str, model: type[BaseModel] | None, missing: Missing, extra: set[Loc]
) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = err["type"]
    name = _name(model, loc)
    value = err.get("input")
    if kind == "missing":
        line, col = locate(text, loc[:-1], key=True) if loc[:-1] else (1, 1)
        return make("KH021", path, line, col, _missing(loc, model, path, text, extra))
    if kind == "extra_forbidden":
        line, col = locate(text, loc, key=True)
        return make("KH020", path, line, col, _extra(loc, model, missing))
    line, col = locate(text, loc)
    if kind in _TYPE_NAMES:
        return make(
            "KH022",
            path,
            line,
            col,
            f"{name} phải là {_TYPE_NAMES[kind]}, nhưng đang là {_describe(value)}."
            + _type_fix(kind, loc, value, _source(text, line, col)),
        )
    if kind == "kh_windows_name":
        return make("KH240", path, line, col, _windows_name(model, loc, name, str(value)))
    if kind in _CUSTOM:
        fix = ""
        if kind == "kh_date_format" and (found := suggest.iso_date(value)):
            iso, words = found
            fix = f" Nếu đó là {words}, hãy sửa thành {_line(loc, iso)}."
        return make(_CUSTOM[kind], path, line, col, f"{name}: {err['msg']}.{fix}")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        fix = ""
        if (code := suggest.choice(value, allowed)) is not None:
            fix = f" Hãy sửa thành {_line(loc, _quoted(code))}."
        return make(
            "KH023",
            path,
            line,
            col,
            f"{name} không nhận giá trị {_describe(value)}; chỉ nhận: {', '.join(allowed)}.{fix}",
        )
    if kind == "string_pattern_mismatch":
        fix = ""
        if (code := suggest.code(value, err.get("ctx", {}).get("pattern", "^$"))) is not None:
            fix = f" Hãy sửa thành {_line(loc, _quoted(code))}."
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        return make(
            "KH023",
            path,
            line,
            col,
            f"{name} có {_describe(value)} không đúng dạng; {_PATTERN_HINTS.get(key, 'xem README')}.{fix}",
        )
    msg = err["msg"].removeprefix("Value error, ")
    return make("KH023", path, line, col, f"{name}: {_translate(kind, msg, err.get('ctx', {}))}.")


def _windows_name(model: type[BaseModel] | None, loc: Loc, name: str, value: str) -> str:
    """KH240: a unit code Windows keeps for a device. The why in full where the code is given
    (units/<CODE>.yaml); where it is only used, why it cannot be a unit's code and what to change."""
    from kehoach.model.entry import Entry
    from kehoach.model.unit import Unit

    device = winnames.device(value)
    base = re.sub(r"[^A-Z0-9]", "", value.split(".", 1)[0].upper()) + "A"
    other = f", ví dụ thêm một chữ cái: `{base}`" if re.match(UNIT_CODE_PATTERN, base) else ""
    if model is Unit and loc == ("code",):
        said = f"`{value}`" if value == device else f"`{value}` (Windows đọc là `{device}`)"
        return (
            f"{name}: mã {said} là tên thiết bị mà Windows dành riêng ({winnames.SHOWN}, viết hoa hay thường "
            f"đều vậy). Windows không tạo được tệp units/{value}.yaml hay thư mục progress/{value}/, nên kho dữ "
            f"liệu không mở (clone, checkout) được trên máy Windows. Hãy chọn mã khác{other}; rồi đổi tên tệp "
            "thành units/<mã mới>.yaml."
        )
    move = "; mục của đơn vị nằm trong thư mục progress/<mã mới>/" if model is Entry else ""
    return (
        f"{name}: `{value}` không thể là mã đơn vị vì `{device}` là tên thiết bị mà Windows dành riêng: Windows "
        "không tạo được tệp hay thư mục tên đó nên kho dữ liệu không mở được trên máy Windows. Hãy ghi mã mới "
        f"của đơn vị (mã đặt trong units/){other}{move}."
    )


def _type_fix(kind: str, loc: Loc, value: object, source: str) -> str:
    if kind in _NUMBER_TYPES:
        fixed = suggest.number(value)
        if fixed is not None and (kind == "float_type" or "." not in fixed):
            return f" Hãy sửa thành {_line(loc, fixed)} (số viết dấu chấm thập phân, không có dấu nháy)."
        return ""
    if kind == "bool_type" and isinstance(value, str) and (b := suggest.boolean(value.strip())):
        return f" Hãy sửa thành {_line(loc, b)}."
    if kind == "string_type" and value is not None and not isinstance(value, (list, dict)):
        written = source if source and not source.startswith(("'", '"', "|", ">", "!")) else str(value)
        return f" Nếu là chữ, hãy sửa thành {_line(loc, _quoted(written))}."
    if kind == "list_type" and isinstance(value, str) and loc and isinstance(loc[-1], str):
        return f" Hãy sửa thành {_line(loc, '[' + _quoted(value) + ']')}."
    return ""


def _missing(loc: Loc, model: type[BaseModel] | None, path: str, text: str, extra: set[Loc]) -> str:
    key, parent = loc[-1], loc[:-1]
    for other in sorted(extra):
        if other[:-1] == parent and suggest.close_key(str(other[-1]), {key: _title(model, loc)}) == key:
            return (
                f"thiếu khóa bắt buộc `{key}`{_under(model, parent)}: khóa `{other[-1]}` có lẽ là khóa này "
                f"viết sai; hãy đổi khóa `{other[-1]}` thành `{key}`."
            )
    example = _example(key, parent, model, path)
    return f"thiếu khóa bắt buộc `{key}`{_under(model, parent)}; hãy thêm dòng `{key}: {example}`."


def _example(key: str, parent: Loc, model: type[BaseModel] | None, path: str) -> str:
    """A value for a missing key: from the file name for an entry's task, unit and date."""
    from kehoach.model.entry import Entry

    if model is Entry and not parent:
        parts = path.split("/")
        m = ENTRY_NAME.match(parts[-1])
        if key == "task" and m is not None:
            return _quoted(m["task"])
        if key == "date" and m is not None:
            return m["date"]
        if key == "unit" and len(parts) == 3:
            return _quoted(parts[1])
        if key == "status":
            return '"in_progress"` (hoặc `"not_started"`, `"done"`'
    return "…"


def _extra(loc: Loc, model: type[BaseModel] | None, missing: Missing) -> str:
    key, parent = str(loc[-1]), loc[:-1]
    here = _model_at(model, parent)
    under = _under(model, parent)
    if here is None:
        return f"khóa `{key}` không được phép{under}; kiểm tra lỗi chính tả hoặc xem danh sách khóa trong README."
    allowed = {n: info.title for n, info in here.model_fields.items()}
    close = suggest.close_key(key, allowed)
    if close is not None and close in missing.get(parent, set()):
        return f"khóa `{key}` không được phép{under}; hãy đổi khóa `{key}` thành `{close}`."
    if close is not None:
        return f"khóa `{key}` không được phép{under} và trùng nghĩa với khóa `{close}` đã có; hãy xóa dòng này."
    return f"khóa `{key}` không được phép{under}; các khóa được phép: {', '.join(allowed)}."


def _title(model: type[BaseModel] | None, loc: Loc) -> str | None:
    here = _model_at(model, loc[:-1])
    info = here.model_fields.get(str(loc[-1])) if here is not None else None
    return info.title if info is not None else None


_PATTERN_HINTS = {
    "task": "số hiệu nhiệm vụ viết như trong Phụ lục, ví dụ I.1, II.C.6, II.Đ.1",
    "unit": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "lead": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "id": "số hiệu nhiệm vụ viết như trong Phụ lục, ví dụ I.1, II.C.6",
    "code": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "focal_unit": "mã đơn vị viết chữ in hoa không dấu, ví dụ QLMT",
    "reviewers": "tên tài khoản chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, ví dụ nguyenvana",
}


def _under(model: type[BaseModel] | None, parent: Loc) -> str:
    return f" trong {_name(model, parent)}" if parent else ""


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
