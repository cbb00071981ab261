"""The one canonical YAML form of plan, unit and entry files (`kehoach fmt`, `kehoach add`).

ruamel.yaml round-trip keeps comments. On top of it: NFC text, keys in the
model's field order (nested too), block style, 2-space indent with sequences
as "  - ", every string double-quoted (multi-line text as a literal block `|`),
dates/numbers/booleans/null plain and as written, no line wrapping, a final
newline, and a first-line `# yaml-language-server: $schema=…` modeline.

Plain scalars are typed by YAML 1.2 core rules, like the validator
(`load/yamlsafe.py`): ruamel is told every plain scalar is text, and this module
decides the style. A formatted file is re-read by the validator and must give
the very same values, or the file is left untouched.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from kehoach import layout
from kehoach.load import yamlsafe
from kehoach.model.entry import Entry
from kehoach.model.fields import fields as _fields
from kehoach.model.plan import Appendix, Plan
from kehoach.model.unit import Unit

MODELS: dict[str, type[BaseModel]] = {"plan": Plan, "tasks": Appendix, "unit": Unit, "entry": Entry}
MODELINE = "# yaml-language-server: $schema="
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}


class CannotFormat(Exception):
    """The formatted text would not read back as the same values."""


class Plain(str):
    """A scalar written without quotes (null, booleans, numbers, dates)."""


class _TextResolver(VersionedResolver):
    """Every plain scalar is text; this module types it (YAML 1.2 core, as the validator)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    y = YAML()
    y.Resolver = _TextResolver
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 1 << 30
    y.allow_unicode = True
    y.representer.add_representer(
        Plain, lambda rep, value: rep.represent_scalar("tag:yaml.org,2002:str", str(value), style="")
    )
    return y


# --- the schema: field order, nested models, date fields --------------------------------------


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from `model`'s fields, each once."""
    seen: list[type[BaseModel]] = []
    todo = [model]
    while todo:
        for sub, _ in _fields(todo.pop()).values():
            if sub is not None and sub not in seen:
                seen.append(sub)
                todo.append(sub)
    return seen


# --- canonical tree ----------------------------------------------------------------------------


def _scalar(value: Any, is_date: bool) -> Any:
    if value is None:
        return Plain("null")
    if isinstance(value, bool):
        return Plain("true" if value else "false")
    if isinstance(value, (int, float)):
        return Plain(repr(value))
    if isinstance(value, dt.date):
        return Plain(value.isoformat())
    text = unicodedata.normalize("NFC", str(value))
    if type(value) is str or isinstance(value, Plain):  # a plain scalar in the file
        typed = _plain_type(text)
        if typed is not None:
            return typed
        if is_date:
            return Plain(text)  # kept as written, even if it is not a valid date
    elif is_date and _ISO.match(text):
        return Plain(text)
    if "\n" in text and _literal_ok(text):
        return LiteralScalarString(text)
    return DoubleQuotedScalarString(text)


def _plain_type(text: str) -> Plain | None:
    """null/true/false/numbers as YAML 1.2 core reads them; None for text."""
    if text in _NULLS:
        return Plain("null")
    if text.lower() in ("true", "false"):
        return Plain(text.lower())
    if yamlsafe.is_number(text):
        return Plain(text)
    return None


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return (
        not text.startswith((" ", "\n"))
        and "\t" not in text
        and "\r" not in text
        and not any(line != line.rstrip(" ") for line in lines)
    )


def _canon(node: Any, model: type[BaseModel] | None, is_date: bool = False) -> Any:
    if isinstance(node, dict):
        return _canon_map(node, model)
    if isinstance(node, list):
        seq = node if isinstance(node, CommentedSeq) else CommentedSeq(node)
        for i, item in enumerate(seq):
            seq[i] = _canon(item, model, is_date)
        seq.fa.set_block_style()
        return seq
    return _scalar(node, is_date)


def _canon_map(node: dict[str, Any], model: type[BaseModel] | None) -> CommentedMap:
    fields = _fields(model)
    order = {name: i for i, name in enumerate(fields)}
    keys = sorted(node, key=lambda k: order.get(str(k), len(order)))  # stable: unknown keys keep order
    if isinstance(node, CommentedMap):
        out = CommentedMap()
        out.ca.comment = node.ca.comment
        out.ca.end = node.ca.end
    else:
        out = CommentedMap()
    for key in keys:
        sub, is_date = fields.get(str(key), (None, False))
        plain_key = unicodedata.normalize("NFC", str(key))
        out[plain_key] = _canon(node[key], sub, is_date)
        if isinstance(node, CommentedMap) and key in node.ca.items:
            out.ca.items[plain_key] = node.ca.items[key]
    out.fa.set_block_style()
    return out


# --- text in, text out -------------------------------------------------------------------------


def modeline(kind: str, path: Path, root: Path) -> str:
    """`# yaml-language-server: $schema=<relative path>/schemas/<kind>.schema.json`."""
    return _modeline(kind, str(Path(path).parent), str(root))


@functools.lru_cache(maxsize=256)
def _modeline(kind: str, folder: str, root: str) -> str:
    """Per folder: resolving paths costs more than dumping a small entry (import-xlsx writes many)."""
    target = Path(root).resolve() / layout.SCHEMAS_DIR / f"{kind}.schema.json"
    rel = os.path.relpath(target, Path(folder).resolve())
    return MODELINE + Path(rel).as_posix()


def _strip_modeline(text: str) -> str:
    lines = text.split("\n")
    while lines and lines[0].startswith("# yaml-language-server:"):
        lines.pop(0)
    return "\n".join(lines)


@functools.cache
def _dumper() -> YAML:
    """One configured dumper, reused: building it costs as much as dumping a small entry."""
    return _yaml()


def _dump(tree: Any, head: str) -> str:
    buf = io.StringIO()
    _dumper().dump(tree, buf)
    body = buf.getvalue().rstrip("\n") + "\n"
    return head + "\n" + body


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def format_text(text: str, kind: str, path: Path, root: Path) -> str:
    """The canonical form of a file's text; the text must already pass the validator's parser.

    NFC normalisation happens first, so the values compared are those after it.
    Raises CannotFormat if the result would not read back as the same values."""
    # YAML reads CRLF and CR as LF anyway; done here so that comments lose their CR too
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    before, problem = yamlsafe.load(text, str(path))
    if problem is not None:
        raise CannotFormat(problem.render())
    body = _strip_modeline(text)
    try:
        tree = _yaml().load(body)
    except YAMLError as exc:  # ruamel is stricter than libyaml in a few corners, e.g. a Tab after a value
        mark = getattr(exc, "problem_mark", None)
        skipped = text.count("\n") - body.count("\n")  # modeline lines
        where = f"dòng {mark.line + 1 + skipped}, cột {mark.column + 1}: " if mark is not None else ""
        hint = "có ký tự Tab; hãy thay bằng dấu cách" if "'\\t'" in str(exc) else "hãy viết lại chỗ này cho đơn giản"
        raise CannotFormat(f"{where}{hint}") from None
    result = _dump(_canon(tree, MODELS[kind]), modeline(kind, path, root))
    after, problem = yamlsafe.load(result, str(path))
    if problem is not None or not _same(before, after):
        raise CannotFormat("kết quả định dạng không đọc lại được đúng giá trị cũ — hãy báo nhóm phát triển")
    return result


def dump_new(data: dict[str, Any], kind: str, path_for_modeline: Path, root: Path) -> str:
    """A fresh mapping (e.g. a new entry from `kehoach add`) in canonical form, modeline first.

    Strings are double-quoted, dates (date objects or ISO text in date fields) plain."""
    head = modeline(kind, path_for_modeline, root)
    fast = _fast_body(data, MODELS[kind]) if kind == "entry" else None
    if fast is not None:
        return head + "\n" + fast
    return _dump(_canon(_fresh(data), MODELS[kind]), head)


# --- the same text, fast, for the common shape of a new entry ---------------------------------
# ruamel's emitter costs about 2 ms for a small entry; `import-xlsx` writes a thousand at once.
# This writes exactly what `_dump(_canon(_fresh(data)))` writes, for the values it knows how to
# write (known keys; text of characters that are never escaped; multi-line text with no empty,
# indented or blank-ended line) and returns None for anything else, which goes through ruamel.
# tests/test_yamlfmt_fast.py checks the two agree on generated entries.

_SAFE = re.compile("[\x20-\x7e\xa1-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*\\Z")
_UNSAFE = set('"\\\u2028\u2029')


def _fast_text(text: str, indent: int) -> str | None:
    text = unicodedata.normalize("NFC", text)
    if "\n" in text:
        lines = text.split("\n")
        if not _literal_ok(text) or any(not line or not _fast_safe(line) for line in lines):
            return None
        pad = " " * (indent + 2)
        return "|-\n" + "\n".join(pad + line for line in lines)
    return f'"{text}"' if _fast_safe(text) else None


def _fast_safe(text: str) -> bool:
    return bool(_SAFE.match(text)) and not (_UNSAFE & set(text))


def _fast_scalar(value: Any, is_date: bool, indent: int) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if type(value) is not str:
        return None
    if is_date and _ISO.match(value):
        return value
    return _fast_text(value, indent)


def _fast_map(data: dict[str, Any], model: type[BaseModel], indent: int, first: str) -> list[str] | None:
    fields = _fields(model)
    if any(k not in fields for k in data):
        return None
    out: list[str] = []
    for name, (sub, is_date) in fields.items():
        if name not in data:
            continue
        lead = (first if not out else " " * indent) + name + ":"
        value = data[name]
        if isinstance(value, list):
            if sub is None or not value or not all(isinstance(v, dict) for v in value):
                return None
            out.append(lead)
            for item in value:
                lines = _fast_map(item, sub, indent + 4, " " * (indent + 2) + "- ")
                if lines is None:
                    return None
                out += lines
            continue
        if isinstance(value, dict):
            return None
        text = _fast_scalar(value, is_date, indent)
        if text is None:
            return None
        out.append(f"{lead} {text}")
    return out


def _fast_body(data: dict[str, Any], model: type[BaseModel]) -> str | None:
    lines = _fast_map(data, model, 0, "")
    return "\n".join(lines) + "\n" if lines else None


def _fresh(value: Any) -> Any:
    """Plain Python values → ruamel containers; every str counts as quoted text."""
    if isinstance(value, dict):
        return CommentedMap((k, _fresh(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_fresh(v) for v in value)
    if isinstance(value, str) and type(value) is str:
        return DoubleQuotedScalarString(value)
    return value
