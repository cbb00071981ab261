"""Data → GitHub-flavoured Markdown that cannot change the document around it.

Whatever a file name, a key or a value holds, it comes out as inert text:
- `text`: one line, control and invisible characters shown (`\\x1b`, `U+202E`),
  Markdown punctuation backslash-escaped, `&`, `<`, `>` as entities, `@` mentions
  broken with a zero-width space, so nothing becomes a heading, a quote, a link,
  HTML, a table column or a notification;
- `code`: a code span whose backtick fence is longer than any run inside it;
- `fence`: a fenced block that the content cannot close;
- `shell`: one word for a POSIX shell (`shlex.quote`, or `$'…'` when it holds
  characters a terminal would not show).
"""

from __future__ import annotations

import re
import shlex

from kehoach import chars

_PUNCT = re.compile(r"([\\`*_\[\]|~$])")
"""What can start emphasis, code, a link, a table cell, strikethrough or math anywhere in a line."""
_LEADING = re.compile(r"^([#+=-])")
"""What would start a heading or a list if it began a line."""
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "@&#8203;"}
"""HTML's own characters as entities; `@` broken with a zero-width space (no mention)."""
_ENTITY = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_ACTIVE = re.compile("|".join((_PUNCT.pattern, _LEADING.pattern, _ENTITY.pattern)))
"""Anything `text` changes besides control characters (built from the three above): most data
has none, and is left as it is."""
_BACKTICKS = re.compile(r"`+")


def visible(s: str) -> str:
    """Every control or invisible character written out (`\\x1b`, `U+202E`); the rest unchanged."""
    return chars.for_terminal(s, line=True)


def clip(s: str, limit: int | None) -> str:
    return s if limit is None or len(s) <= limit else s[: limit - 1] + "…"


def text(value: object, limit: int | None = None) -> str:
    """Data as inline Markdown text: one line, nothing active; '—' when empty."""
    s = " ".join(str(value).split()) if value is not None else ""
    s = visible(clip(s, limit))
    if _ACTIVE.search(s):
        s = _ENTITY.sub(lambda m: _ENTITIES[m.group()], _LEADING.sub(r"\\\1", _PUNCT.sub(r"\\\1", s)))
    return s or "—"


def code(value: str, table: bool = False, limit: int | None = None) -> str:
    """Data (a file name, a command) as a code span nothing can break out of. In a table
    cell `|` is escaped too: GFM splits cells before it reads code spans."""
    s = visible(clip(value, limit))
    longest = max((len(m) for m in _BACKTICKS.findall(s)), default=0) if "`" in s else 0
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or not s.strip(" ") else ""
    if table:
        s = s.replace("|", "\\|")
    return f"{fence}{pad}{s}{pad}{fence}"


def fence(lines: list[str], info: str = "") -> list[str]:
    """A fenced code block around `lines` (already one line each): its fence is longer than
    any backtick run inside, so no line can close it early."""
    body = [visible(line) for line in lines]
    longest = max((len(m) for line in body for m in _BACKTICKS.findall(line)), default=0)
    mark = "`" * max(3, longest + 1)
    return [mark + info, *body, mark]


def shell(word: str) -> str:
    """One shell word: `shlex.quote`, or bash's `$'…'` when the word holds characters that a
    terminal would not show (newline, escape, direction marks, bytes that are not UTF-8)."""
    if not chars.unseen(word):
        return shlex.quote(word)
    out = []
    for c in word:
        n = ord(c)
        if c in "\\'":
            out.append("\\" + c)
        elif 0xDC80 <= n <= 0xDCFF:
            out.append(f"\\x{n - 0xDC00:02x}")
        elif chars.unseen(c):
            out.append(f"\\x{n:02x}" if n < 0x100 else (f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"))
        else:
            out.append(c)
    return "$'" + "".join(out) + "'"


def command(*words: str) -> str:
    """A shell command line from words, each quoted."""
    return " ".join(shell(w) for w in words)
