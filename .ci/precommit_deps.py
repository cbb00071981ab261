"""Keep the pre-commit hooks' dependencies equal to the lock: `make lock` runs this.

Writes the pins of requirements.txt (name==version, with its environment marker) into the
`additional_dependencies` of every hook in .pre-commit-config.yaml, between the markers.
`--check` only compares (tests/test_precommit.py uses `expected`/`current`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / ".pre-commit-config.yaml"
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+==[^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$", re.MULTILINE)
_BLOCK = re.compile(r"(# deps: begin \(make lock\)\n)(.*?)(\s*# deps: end)", re.S)


def expected() -> list[str]:
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    return [f"{m[1]}; {m[2]}" if m[2] else m[1] for m in _PIN.finditer(text)]


def _render(pins: list[str], indent: str) -> str:
    return "".join(f'{indent}- "{pin}"\n' for pin in pins).rstrip("\n")


def current() -> list[list[str]]:
    """The pins of each hook, in order."""
    return [re.findall(r'- "([^"]+)"', m[2]) for m in _BLOCK.finditer(CONFIG.read_text(encoding="utf-8"))]


def sync() -> None:
    text = CONFIG.read_text(encoding="utf-8")

    def block(m: re.Match[str]) -> str:
        indent = m[2][: len(m[2]) - len(m[2].lstrip(" "))] or "          "
        return m[1] + _render(expected(), indent) + m[3]

    CONFIG.write_text(_BLOCK.sub(block, text), encoding="utf-8")


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if all(pins == expected() for pins in current()) else 1)
    sync()
