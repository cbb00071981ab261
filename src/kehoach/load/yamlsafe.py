"""Strict YAML: libyaml parses, we type every value by YAML 1.2 core rules.

Why not `yaml.safe_load`: it follows YAML 1.1 (`no` → False, `010` → 8,
`1:20` → 80, dates → datetime). Why not ruamel.yaml here: its pure-Python
loader is an order of magnitude slower, and validation must stay fast in a
pre-commit hook. ruamel.yaml is still used where a file is rewritten (`fmt`).

Policy, each with a stable code:
- plain scalars: null, true/false, decimal int, float as YAML 1.2 core;
  everything else is text. Values YAML 1.1 would read differently
  (yes/no/on/off, `010`, `1:20`) are refused (KH012): quote them.
- anchors and aliases are refused (KH010), so an alias bomb costs nothing;
- duplicate keys (KH011), explicit tags (KH014), several documents (KH009),
  an empty file (KH008) are refused.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml
from yaml._yaml import CParser

from kehoach import chars
from kehoach.problems import Problem, make

_PLAIN = "?"  # the tag we give every implicitly-typed node; resolved by _scalar()

MAX_DIGITS = 100
"""The longest whole number a value may be written with."""
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"}
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_AMBIGUOUS = re.compile(
    r"(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\Z"  # YAML 1.1 booleans
    r"|[-+]?0[0-9_]+\Z"  # YAML 1.1 octal / zero-padded numbers
    r"|[-+]?0[xob][0-9a-fA-F_]+\Z"  # hex, octal, binary literals
    r"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\Z"  # YAML 1.1 base 60
)


# An anchor or alias can only start a token: at the start of the text or after a
# blank or an indicator, never right after a letter or digit (`NN&MT` is text).
# Only texts where this matches pay for the event pre-scan.
_MAYBE_ANCHOR = re.compile(r"(?<!\w)[&*]")
# libyaml's composer gives the non-specific tag `!` the node's usual type, so the node tree
# cannot tell `! "x"` from `"x"`; texts where a `!` could start a token are scanned as events.
_MAYBE_BANG = re.compile(r"(?:^|[\s\[{,])!(?:[\s\]},]|$)", re.M)


class _Loader(CParser):
    """libyaml's parser and composer (C); our own cheap resolver, no constructor."""

    def resolve(self, kind: object, value: object, implicit: object) -> str:
        return _PLAIN

    def descend_resolver(self, current_node: object, current_index: object) -> None:  # no path resolvers
        return None

    def ascend_resolver(self) -> None:
        return None


class _Bad(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def compose(text: str, path: str) -> yaml.Node:
    """The document's node tree, or raise _Bad with the problem."""
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        _refuse_anchors(text, path)
    if "!" in text and _MAYBE_BANG.search(text):
        _refuse_bang(text, path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        problem = _syntax_problem(exc, path)
        if problem.code == "KH009" and ("&" in text or "*" in text):
            # The full-stream pre-scan reported a syntax error in a later
            # document before KH009; keep that order when it was skipped.
            _refuse_anchors(text, path)
        raise _Bad(problem) from None
    finally:
        loader.dispose()
    if node is None:
        raise _Bad(make("KH008", path, 1, 1, "tệp rỗng; hãy điền nội dung hoặc xóa tệp."))
    return node


def _refuse_anchors(text: str, path: str) -> None:
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if getattr(event, "anchor", None) is not None and (m := event.start_mark) is not None:
                raise _Bad(
                    make(
                        "KH010",
                        path,
                        m.line + 1,
                        m.column + 1,
                        "không dùng neo/bí danh YAML (`&tên`, `*tên`); hãy viết đầy đủ giá trị.",
                    )
                )
    except yaml.MarkedYAMLError as exc:
        raise _Bad(_syntax_problem(exc, path)) from None


def _refuse_bang(text: str, path: str) -> None:
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if getattr(event, "tag", None) == "!" and (m := event.start_mark) is not None:
                raise _Bad(
                    make(
                        "KH014",
                        path,
                        m.line + 1,
                        m.column + 1,
                        "không dùng thẻ YAML `!`; hãy xóa `!` (chữ viết trong dấu nháy kép).",
                    )
                )
    except yaml.MarkedYAMLError:
        return  # the syntax error is reported by the composer


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "expected a single document" in str(exc):
        return make(
            "KH009",
            path,
            line,
            col,
            "tệp chứa nhiều tài liệu YAML (`---`); mỗi tệp chỉ một mục — hãy tách thành các tệp riêng.",
        )
    return make(
        "KH007",
        path,
        line,
        col,
        f"sai cú pháp YAML: {_reason(exc.problem or '')}; "
        "hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy ở quanh vị trí này.",
    )


_REASONS = (  # libyaml's wording → what it means for someone typing a file
    ("exceeded maximum nesting depth", "cấu trúc lồng quá sâu"),
    ("did not find expected key", "không tìm thấy khóa như mong đợi (thường do thụt lề không đều)"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    ("mapping values are not allowed", "có dấu hai chấm không hợp lệ (chữ có dấu `:` hãy đặt trong dấu nháy)"),
    ("block sequence entries are not allowed", "không được bắt đầu danh sách `- ` ở vị trí này"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không đều"),
    ("did not find expected ',' or ']'", "thiếu dấu phẩy hoặc dấu ngoặc đóng `]`"),
    ("did not find expected ',' or '}'", "thiếu dấu phẩy hoặc dấu ngoặc đóng `}`"),
    ("found unexpected end of stream", "tệp kết thúc khi dấu nháy hoặc dấu ngoặc chưa đóng"),
    (
        "found character that cannot start any token",
        "có ký tự không được đứng đầu giá trị (hãy đặt giá trị trong dấu nháy)",
    ),
    ("found invalid Unicode character escape code", "mã thoát Unicode (\\u…) không hợp lệ"),
    ("found unknown escape character", "ký tự thoát sau dấu \\ không hợp lệ"),
    ("found undefined tag handle", "thẻ YAML không xác định"),
    ("found unexpected ':'", "có dấu hai chấm không hợp lệ"),
    ("found duplicate", "chỉ thị YAML bị lặp"),
    ("found incompatible YAML document", "phiên bản YAML không được hỗ trợ"),
    ("control characters are not allowed", "có ký tự điều khiển"),
)


def _reason(problem: str) -> str:
    for english, vietnamese in _REASONS:
        if english in problem:
            return vietnamese
    return "cấu trúc không đúng"


Loc = tuple[str | int, ...]
"""A path of keys and list indexes inside a YAML file."""

MAX_DEPTH = 50  # our files nest four levels; deeper is a mistake or an attack


def to_python(
    node: yaml.Node, path: str, depth: int = 0, soft: list[Problem] | None = None, key: str | None = None
) -> Any:
    """Node tree → plain values, typed by YAML 1.2 core; raise _Bad on policy breaches.

    With `soft` (a list), problems that leave the structure readable (KH011, KH012,
    KH014) are collected there and reading goes on, so a file's every such problem
    can be reported at once. `key` is the key the node is the value of, for advice."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path, soft, key)
    if node.tag != _PLAIN:
        _refuse(_tag_problem(node, path), soft)
    if depth >= MAX_DEPTH:
        m = node.start_mark
        raise _Bad(
            make(
                "KH007",
                path,
                m.line + 1,
                m.column + 1,
                f"sai cú pháp YAML: cấu trúc lồng quá sâu (hơn {MAX_DEPTH} tầng); hãy viết phẳng lại.",
            )
        )
    if isinstance(node, yaml.SequenceNode):
        return [to_python(item, path, depth + 1, soft) for item in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            m = key_node.start_mark
            raise _Bad(make("KH022", path, m.line + 1, m.column + 1, "khóa phải là một chữ đơn giản."))
        if key_node.tag != _PLAIN:
            _refuse(_tag_problem(key_node, path), soft)
        name = key_node.value  # keys are always text
        if key_node.style == '"' and (bad := chars.find_refused(name)):
            # an escape (`"\u200b"`) can put in a key what the raw-text check never sees
            m = key_node.start_mark
            raise _Bad(make("KH003", path, m.line + 1, m.column + 1, f"khóa {chars.refusal(bad.group())}."))
        if name in result:
            m = key_node.start_mark
            _refuse(
                make(
                    "KH011",
                    path,
                    m.line + 1,
                    m.column + 1,
                    f"khóa `{name}` xuất hiện hai lần; hãy giữ một và xóa dòng còn lại.",
                ),
                soft,
            )
            continue
        result[name] = to_python(value_node, path, depth + 1, soft, name)
    return result


SOFT_CODES = frozenset({"KH011", "KH012", "KH014"})


def _refuse(problem: Problem, soft: list[Problem] | None) -> None:
    if soft is None:
        raise _Bad(problem)
    soft.append(problem)


def _scalar(node: yaml.ScalarNode, path: str, soft: list[Problem] | None = None, key: str | None = None) -> Any:
    value = node.value
    if node.tag != _PLAIN:
        _refuse(_tag_problem(node, path, key), soft)
        return value
    if node.style:  # quoted or block scalar: always text ("" or None is plain)
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _AMBIGUOUS.match(value):
        m = node.start_mark
        _refuse(
            make(
                "KH012",
                path,
                m.line + 1,
                m.column + 1,
                f"giá trị `{value}` mơ hồ (YAML cũ hiểu thành số hoặc đúng/sai); {_ambiguous_fix(value, key)}",
            ),
            soft,
        )
        return value
    if _INT.match(value):
        if len(value) > MAX_DIGITS:  # int() refuses over 4,300 digits; nothing in a plan has 100
            m = node.start_mark
            digits = f"{len(value):,}".replace(",", ".")
            text = f"số quá dài ({digits} chữ số; tối đa {MAX_DIGITS}); hãy kiểm tra lại giá trị này"
            _refuse(make("KH220", path, m.line + 1, m.column + 1, text), soft)
            return value
        return int(value)
    if _FLOAT.match(value):
        if key == "value" and _THOUSANDS.match(value):
            _refuse(_thousands_problem(node, path, value), soft)
        return float(value)
    if value in _SPECIAL_FLOAT:
        return float(value.replace(".", "").lower())
    return value


def is_number(text: str) -> bool:
    """Does a plain scalar read as a number under YAML 1.2 core (as `_scalar` types it)?"""
    return bool(_INT.match(text) or _FLOAT.match(text)) or text in _SPECIAL_FLOAT


_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{2}0\Z")
"""`1.500`, `12.300` in an indicator's value: Vietnamese staff mean thousands (1500), YAML
reads a decimal (1.5). No one writes a decimal's trailing zero, so this is refused."""


def _thousands_problem(node: yaml.ScalarNode, path: str, value: str) -> Problem:
    m = node.start_mark
    thousands, decimal = value.replace(".", ""), value.rstrip("0")
    return make(
        "KH012",
        path,
        m.line + 1,
        m.column + 1,
        f"giá trị `{value}` mơ hồ: YAML đọc là {decimal.replace('.', ',')} chứ không phải {thousands}; "
        f"nếu là {thousands}, hãy sửa thành `value: {thousands}`; "
        f"nếu là {decimal.replace('.', ',')}, hãy sửa thành `value: {decimal}`.",
    )


def _ambiguous_fix(value: str, key: str | None) -> str:
    """The advice for a refused ambiguous value, in the terms of the field it is in (error path)."""
    from kehoach.load import suggest

    if key in suggest.NUMBER_KEYS and (number := suggest.number(value)) is not None:
        return f"đây là một số: hãy sửa thành {_typed(key, number)} (bỏ số 0 ở đầu)."
    if key in suggest.BOOL_KEYS and (flag := suggest.boolean(value)) is not None:
        return f"hãy sửa thành {_typed(key, flag)}."
    return f"nếu là chữ, hãy sửa thành {_typed(key, _quote(value))}."


def _typed(key: str | None, value: str) -> str:
    return f"`{key}: {value}`" if key is not None else f"`{value}`"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tag_problem(node: yaml.Node, path: str, key: str | None = None) -> Problem:
    """KH014; for a tagged value, the plain value the field wants (its key says its kind)."""
    from kehoach.load import suggest

    m = node.start_mark
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    fix = f"hãy xóa `{tag}` và viết giá trị thường."
    if isinstance(node, yaml.ScalarNode) and key is not None:
        value = node.value.strip()
        if tag == "!!null" or (not value and not node.style):
            fix = f"hãy sửa thành `{key}: null`."
        elif key in suggest.NUMBER_KEYS and (number := suggest.number(value)) is not None:
            fix = f"hãy sửa thành `{key}: {number}`."
        elif key in suggest.BOOL_KEYS and value.lower() in ("true", "false"):
            fix = f"hãy sửa thành `{key}: {value.lower()}`."
        elif "\n" not in node.value:
            fix = f"hãy sửa thành `{key}: {_quote(node.value)}` (chữ viết trong dấu nháy kép)."
    return make("KH014", path, m.line + 1, m.column + 1, f"không dùng thẻ YAML `{tag}`; {fix}")


def load(text: str, path: str) -> tuple[Any, Problem | None]:
    """Parse one document strictly: (value, None) or (None, problem)."""
    try:
        return to_python(compose(text, path), path), None
    except _Bad as bad:
        return None, bad.problem


def every_problem(text: str, path: str, first: Problem) -> list[Problem]:
    """All problems of a file whose reading stopped at `first`: when `first` left the
    structure readable, read again collecting every such problem (only on error)."""
    if first.code not in SOFT_CODES:
        return [first]
    found: list[Problem] = []
    try:
        to_python(compose(text, path), path, soft=found)
    except _Bad as bad:
        found.append(bad.problem)
    return found or [first]


@functools.lru_cache(maxsize=2)
def _located_tree(text: str) -> yaml.Node | None:
    """The node tree `locate` walks; kept for the last two texts, as one file with many
    problems is located once per problem (read only: nothing changes a node)."""
    try:
        return _Loader(text).get_single_node()
    except yaml.YAMLError:
        return None


def locate(text: str, loc: Loc, *, key: bool = False) -> tuple[int, int]:
    """1-based position of the value at `loc` (or its key, with key=True).

    Walks as deep as the path exists; an absent key points at its parent.
    Used only when a problem is reported; the tree is parsed once per text, not per problem.
    """
    node = _located_tree(text)
    if node is None:  # a text that does not parse, or an empty one
        return 1, 1
    mark = node.start_mark
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    mark = k.start_mark if key and part == loc[-1] else v.start_mark
                    node = v
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
