"""Names Windows cannot give a file or folder: the DOS device names.

CON, PRN, AUX, NUL, COM1–COM9, LPT0–LPT9 and COM¹ COM² COM³ LPT¹ LPT² LPT³, in any case,
alone or before an extension (`NUL.yaml` is NUL too), with trailing spaces ignored.
Sources: Microsoft, "Naming Files, Paths, and Namespaces" (the list, the extension rule);
Git for Windows, which refuses to check such a path out (compat/mingw.c,
`is_valid_win32_path`: `LPT<any digit>`, so LPT0 too; COM0 is accepted there and by Windows,
so it is not refused here). COM10, CONG, NULL are ordinary names.

A unit code becomes `units/<CODE>.yaml` and `progress/<CODE>/`, so such a code would make the
repository impossible to check out on Windows (model/common.py refuses it; KH240).
"""

from __future__ import annotations

import functools

_DIGITS = "123456789\u00b9\u00b2\u00b3"  # ¹ ² ³: Windows reads them as the digits
DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{d}" for d in _DIGITS), *(f"LPT{d}" for d in "0" + _DIGITS)})

_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")

DEVICE_PATTERN = (
    "^(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]"
    "|[Cc][Oo][Mm][1-9\\u00b9\\u00b2\\u00b3]|[Ll][Pp][Tt][0-9\\u00b9\\u00b2\\u00b3]) *(?:\\.[\\s\\S]*)?$"
)
"""`device` as an ECMAScript (JSON Schema) pattern; the same text works with Python's `re`."""


@functools.lru_cache(maxsize=4096)  # a few unit codes, asked about once per entry
def device(name: str) -> str | None:
    """The device a file or folder name stands for on Windows (`nul.yaml` → `NUL`), or None."""
    stem = name.split(".", 1)[0].rstrip(" ").translate(_ASCII_UPPER)
    return stem if stem in DEVICES else None


FORBIDDEN = frozenset('<>:"|?*\\') | frozenset(map(chr, range(32)))
"""Characters no Windows file name may hold (`/` cannot be in a name anywhere)."""


def refusal(name: str) -> str | None:
    """Why Windows cannot create a file or folder called `name`, in words (a device name, a
    trailing dot or space, a forbidden character), or None when it can."""
    if (found := device(name)) is not None:
        return f"`{found}` là tên thiết bị Windows dành riêng"
    if name.endswith((".", " ")) and name not in (".", ".."):
        return "tên kết thúc bằng " + ("dấu chấm" if name.endswith(".") else "khoảng trắng")
    if (c := next((c for c in name if c in FORBIDDEN), None)) is not None:
        return f"tên có ký tự `{c}`" if c.isprintable() else f"tên có ký tự điều khiển U+{ord(c):04X}"
    return None


SHOWN = "CON, PRN, AUX, NUL, COM1–COM9, LPT0–LPT9"
"""The reserved names as a message lists them (the superscript variants are left out: rare)."""
