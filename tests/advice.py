"""Follow a message's advice literally, as a unit's staff would: the one edit it names.

Each kind of advice kehoach gives has one phrase; `apply` performs it on the file
(rename, delete, set a line's column, rename a key, replace a line's value, add a
line). Tests then validate again and expect the problem gone.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def _set_value(path: Path, key: str, fix: str, line: int) -> bool:
    """Replace `key: <its whole value>` (however many lines, block or flow) by `fix`, for the
    key whose key or value starts on `line`. False when the file does not parse as YAML."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key and line - 1 in (k.start_mark.line, v.start_mark.line):
                    start, end = k.start_mark.index, v.end_mark.index
                    end -= len(text[start:end]) - len(text[start:end].rstrip())
                    path.write_text(text[:start] + fix + text[end:], encoding="utf-8")
                    return True
                todo.append(v)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return False


def apply(root: Path, problem: dict) -> str:
    """Perform the advice of `problem` (a `validate --format json` item); return what was done."""
    msg, path = problem["message"].replace("Hãy", "hãy"), root / problem["path"]
    if m := re.search(r"hãy đổi tên thành (\S+\.yaml)", msg):
        target = root / m[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
        return f"rename {m[1]}"
    if "hãy xóa tệp này" in msg:
        path.unlink()
        return "delete"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = problem["line"] - 1
    if m := re.search(r"bắt đầu ở cột (\d+)", msg):
        lines[at] = " " * (int(m[1]) - 1) + lines[at].lstrip(" \t")
    elif m := re.search(r"hãy đổi khóa `([^`]+)` thành `([^`]+)`", msg):
        old, new = m[1], m[2]
        for i, line in enumerate(lines):
            k = re.match(rf"^(\s*(?:- )?){re.escape(old)}:", line)
            if k:
                lines[i] = k[1] + new + line[k.end() - 1 :]
                break
        else:
            raise AssertionError(f"no key {old} in {path}")
    elif m := re.search(r"hãy xóa `([^`]+)`", msg):
        line, col = lines[at], problem["col"] - 1
        where = line.index(m[1], col)
        lines[at] = line[:where] + line[where + len(m[1]) :].lstrip(" ")
    elif re.search(r"hãy xóa dòng này|xóa dòng còn lại", msg):
        del lines[at]
    elif m := re.search(r"hãy sửa thành `([^`]+)`", msg):
        fix = m[1]
        key = re.match(r"^([^\s:\"']+): ", fix)
        line = lines[at]
        if key and _set_value(path, key[1], fix, problem["line"]):
            return "edit"
        if key and (k := re.search(rf"(?<![\w]){re.escape(key[1])}:", line)):
            lines[at] = line[: k.start()] + fix
        else:
            lines[at] = line[: problem["col"] - 1] + fix
    elif m := re.search(r"hãy thêm dòng `([^`]+)`", msg):
        while lines and lines[-1] == "":
            lines.pop()
        lines += [m[1], ""]
    else:
        raise AssertionError(f"no advice to follow in: {msg}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return "edit"
